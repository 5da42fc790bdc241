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

// The comment form: "Trả lời" moves the form under the comment (the link works without script too),
// "Hủy trả lời" puts it back; with the reader's consent, name, email and website are kept in
// localStorage (never a cookie, so article pages stay cacheable).
(function () {
  "use strict";
  var respond = document.getElementById("tra-loi");
  if (!respond) {
    return;
  }
  var form = respond.querySelector("form");
  var parent = document.getElementById("comment-parent");
  var cancel = respond.querySelector(".cancel-reply");
  var home = document.createComment("tra-loi");
  respond.parentNode.insertBefore(home, respond);
  var keys = { Name: "comment-name", Email: "comment-email", Website: "comment-website" };
  var remember = document.getElementById("comment-remember");
  var storageKey = "newsportal.commenter";

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  var store = storage();
  if (store && remember) {
    var saved = null;
    try {
      saved = JSON.parse(store.getItem(storageKey) || "null");
    } catch (e) {
      saved = null;
    }
    if (saved) {
      Object.keys(keys).forEach(function (k) {
        var input = document.getElementById(keys[k]);
        if (input && !input.value && typeof saved[k] === "string") {
          input.value = saved[k];
        }
      });
      remember.checked = true;
    }
    form.addEventListener("submit", function () {
      if (remember.checked) {
        var data = {};
        Object.keys(keys).forEach(function (k) {
          data[k] = document.getElementById(keys[k]).value;
        });
        store.setItem(storageKey, JSON.stringify(data));
      } else {
        store.removeItem(storageKey);
      }
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".comment-reply-link") : null;
    if (link) {
      event.preventDefault();
      var item = document.getElementById("binh-luan-" + link.getAttribute("data-comment-id"));
      item.querySelector(".comment-reply").after(respond);
      parent.value = link.getAttribute("data-comment-id");
      cancel.hidden = false;
      document.getElementById("comment-body").focus();
      return;
    }
    if (event.target.id === "huy-tra-loi") {
      event.preventDefault();
      home.parentNode.insertBefore(respond, home.nextSibling);
      parent.value = "";
      cancel.hidden = true;
    }
  });
})();

// "In bài viết": the button is hidden until this script can make it work (pages work without script;
// the browser's own Print still uses the print stylesheet). No inline handler: the CSP forbids them.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
