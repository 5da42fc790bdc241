// Ticks the header's date line: "Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31" in UTC+7,
// whatever the reader's own time zone. The server renders the same text for readers without script.
(function () {
  "use strict";
  var clock = document.getElementById("dong-ho");
  if (!clock) {
    return;
  }
  var weekdays = ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"];
  var vietnamOffsetMs = 7 * 60 * 60 * 1000;
  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function tick() {
    var d = new Date(Date.now() + vietnamOffsetMs);
    var date = d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate());
    var time = two(d.getUTCHours()) + ":" + two(d.getUTCMinutes()) + ":" + two(d.getUTCSeconds());
    clock.textContent = weekdays[d.getUTCDay()] + " Ngày " + two(d.getUTCDate()) + " Tháng " + two(d.getUTCMonth() + 1) +
      " Năm " + d.getUTCFullYear() + ", " + time;
    clock.setAttribute("datetime", date + "T" + time + "+07:00");
  }
  tick();
  setInterval(tick, 1000);
})();
