// Admin helpers: confirmations, the live Markdown preview, draft autosave and photo insertion.
// Every page works without them.
(function () {
  "use strict";

  function token(form) {
    var input = form.querySelector("input[name='__RequestVerificationToken']");
    return input ? input.value : "";
  }

  function post(url, form, fields) {
    var data = new FormData();
    data.append("__RequestVerificationToken", token(form));
    Object.keys(fields).forEach(function (k) { data.append(k, fields[k]); });
    return fetch(url, { method: "POST", body: data, credentials: "same-origin" });
  }

  function setupPreview(form) {
    var body = form.querySelector("textarea[data-preview]");
    if (!body) { return; }
    var target = document.querySelector(body.getAttribute("data-preview"));
    var timer = null;
    function render() {
      post("/admin/bai-viet/xem-truoc", form, { body: body.value })
        .then(function (r) { return r.json(); })
        .then(function (json) {
          if (json.error) {
            target.textContent = json.error;
          } else {
            // The server's article pipeline sanitized this HTML (the same as the public page).
            target.innerHTML = json.html;
          }
        })
        .catch(function () { target.textContent = "Không tải được bản xem trước."; });
    }
    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 600);
    });
    var button = document.querySelector("[data-preview-button]");
    if (button) { button.addEventListener("click", render); }
    if (body.value) { render(); }
  }

  function setupAutosave(form) {
    var url = form.getAttribute("data-autosave");
    if (!url) { return; }
    var status = document.getElementById("tu-dong-luu");
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    setInterval(function () {
      if (!dirty) { return; }
      dirty = false;
      var data = new FormData(form);
      fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (json) { return { ok: r.ok, json: json }; }); })
        .then(function (res) {
          if (res.ok) {
            form.querySelector("input[name='Version']").value = res.json.version;
            var now = new Date();
            status.textContent = "Đã tự động lưu lúc " + now.toLocaleTimeString("vi-VN") + ".";
          } else {
            status.textContent = res.json.error || "Chưa tự động lưu được.";
          }
        })
        .catch(function () { status.textContent = "Chưa tự động lưu được (mất kết nối?)."; dirty = true; });
    }, 30000);
  }

  function setupPhotoInsert(form) {
    var button = form.querySelector("[data-insert-photo]");
    var select = form.querySelector("select[data-media-insert]");
    if (!button || !select) { return; }
    button.addEventListener("click", function () {
      var option = select.options[select.selectedIndex];
      if (!option || !option.getAttribute("data-file")) { return; }
      var body = document.querySelector(select.getAttribute("data-media-insert"));
      var alt = (form.querySelector("[name='FeaturedAlt']").value || option.getAttribute("data-alt") || "").replace(/[\[\]]/g, "");
      var caption = (form.querySelector("[name='FeaturedCaption']").value || "").replace(/"/g, "”");
      var snippet = "\n\n![" + alt + "](" + option.getAttribute("data-file") + (caption ? " \"" + caption + "\"" : "") + ")\n\n";
      var at = body.selectionStart || body.value.length;
      body.value = body.value.slice(0, at) + snippet + body.value.slice(at);
      body.dispatchEvent(new Event("input", { bubbles: true }));
    });
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var alt = form.querySelector("[name='FeaturedAlt']");
      if (option && alt && !alt.value) { alt.value = option.getAttribute("data-alt") || ""; }
      var caption = form.querySelector("[name='FeaturedCaption']");
      if (option && caption && !caption.value) { caption.value = option.getAttribute("data-caption") || ""; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (e) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { e.preventDefault(); }
      });
    });
    var editor = document.getElementById("bai-viet");
    if (editor) {
      setupPreview(editor);
      setupAutosave(editor);
      setupPhotoInsert(editor);
    }
  });
})();
