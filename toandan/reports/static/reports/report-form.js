/* Toàn Dân – the report form. Without this script the form is one page of four numbered parts and works the
   same: the server checks everything again. With it:
   - the list of parts marks the one being filled, with a progress bar;
   - "gửi ẩn danh" hides the identity fields (the server ignores them anyway);
   - files are checked for size, type and number before upload, and sent with a progress bar;
     after an error the chosen files are kept when they were not the problem;
   - a former commune or district name is answered at once with the commune it became. */
(function () {
  "use strict";

  function $(root, sel) { return root.querySelector(sel); }
  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }

  /* Parts ------------------------------------------------------------------------------------------ */
  // Every part stays on the page (nothing is hidden from a screen reader, a search or a test); the list of
  // parts at the top marks the one being filled and the bar shows how far down the form the person is.
  function steps(form, page) {
    var parts = $$(form, "[data-step]");
    var progress = $(page, "[data-step-progress]");
    var links = $$(page, "[data-step-link]");
    if (!parts.length) return;
    if (progress) progress.hidden = false;
    function mark(n) {
      links.forEach(function (link) {
        if (+link.getAttribute("data-step-link") === n) link.setAttribute("aria-current", "step");
        else link.removeAttribute("aria-current");
      });
      if (progress) progress.value = n;
      form.setAttribute("data-current-step", String(n));
    }
    parts.forEach(function (part, i) {
      part.addEventListener("focusin", function () { mark(i + 1); });
    });
    function show(n) {
      mark(n);
      var legend = $(parts[n - 1], "legend");
      if (legend) { legend.tabIndex = -1; legend.focus(); }
    }
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show(+link.getAttribute("data-step-link"));
      });
    });
    var firstError = parts.findIndex(function (part) { return $(part, ".errors:not([hidden]), .has-error"); });
    mark(firstError >= 0 ? firstError + 1 : 1);
    form.toandanShowStep = show;
  }

  /* Anonymous -------------------------------------------------------------------------------------- */
  function anonymity(form) {
    var contact = $(form, "[data-contact]"), note = $(form, "[data-anonymous-note]");
    var radios = $$(form, "input[name=anonymous]");
    if (!contact || !radios.length) return;
    var noJs = $(contact, "[data-no-js-note]");
    if (noJs) noJs.hidden = true;
    function update() {
      var anonymous = radios.some(function (r) { return r.checked && r.value === "1"; });
      contact.hidden = anonymous;
      if (note) note.hidden = !anonymous;
    }
    radios.forEach(function (r) { r.addEventListener("change", update); });
    update();
  }

  /* Files ------------------------------------------------------------------------------------------ */
  var VIDEO = /^video\/(mp4|quicktime|webm)$|\.(mp4|mov|webm)$/i;
  var ACCEPTED = /^(image\/|application\/pdf$|audio\/)|\.(jpe?g|png|webp|heic|heif|pdf|mp3|m4a|ogg|oga|opus)$/i;

  function fileChecks(form) {
    var box = $(form, "[data-evidence]");
    if (!box) return;
    var input = $(box, "input[type=file]"), errors = $(box, "[data-file-errors]"), list = $(box, "[data-file-list]");
    var d = function (name) { return box.getAttribute("data-" + name); };
    function problems(files) {
      var out = [], videos = 0;
      var maxVideos = +d("video-max-files");
      if (files.length > +d("max-files")) out.push(d("msg-count"));
      files.forEach(function (f) {
        var isVideo = VIDEO.test(f.type) || VIDEO.test(f.name);
        if (isVideo && maxVideos) {
          videos += 1;
          if (f.size > +d("video-max-bytes")) out.push(fill(d("msg-video-size"), { name: f.name }));
        } else if (!ACCEPTED.test(f.type) && !ACCEPTED.test(f.name)) {
          out.push(fill(d("msg-type"), { name: f.name }));
        } else if (f.size > +d("max-bytes")) {
          out.push(fill(d("msg-size"), { name: f.name }));
        }
      });
      if (videos > maxVideos) out.push(d("msg-video-count"));
      return out;
    }
    function check() {
      var files = Array.prototype.slice.call(input.files || []);
      var found = problems(files);
      list.innerHTML = "";
      list.hidden = true;
      if (found.length) {
        errors.textContent = found.join(" ") + " " + d("msg-cleared");
        errors.hidden = false;
        input.value = "";
        input.setAttribute("aria-invalid", "true");
        return false;
      }
      errors.hidden = true;
      input.removeAttribute("aria-invalid");
      if (files.length) {
        files.forEach(function (f) {
          var li = document.createElement("li");
          li.textContent = f.name + " (" + (f.size / 1048576).toFixed(1) + " MB)";
          list.appendChild(li);
        });
        list.hidden = false;
      }
      var again = $(form, "[data-files-again]");
      if (again && files.length) again.hidden = true;
      return true;
    }
    input.addEventListener("change", check);
    form.toandanFilesOk = function () { return check(); };
  }

  /* Former place names ----------------------------------------------------------------------------- */
  function placeHint(form) {
    var url = form.getAttribute("data-place-url"), field = $(form, "input[name=commune]");
    var note = $(form, "[data-place-note]");
    if (!url || !field || !note || !window.fetch) return;
    var timer = null, asked = "";
    function ask() {
      var q = field.value.trim();
      if (q === asked) return;
      asked = q;
      if (!q) { note.hidden = true; return; }
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (answer) {
          if (!answer || field.value.trim() !== q) return;
          note.textContent = answer.message;
          note.hidden = !answer.message;
        })
        .catch(function () {});
    }
    field.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 500); });
    field.addEventListener("change", ask);
  }

  /* Sending with progress -------------------------------------------------------------------------- */
  function sender(form, page) {
    var messages = document.getElementById("upload-messages");
    form.toandanSend = function () {
      var input = $(form, "input[type=file]");
      var hasFiles = input && input.files && input.files.length;
      if (!hasFiles || !window.XMLHttpRequest || !window.FormData) { form.submit(); return; }
      var box = $(form, "[data-upload]"), bar = $(form, "[data-upload-progress]"), text = $(form, "[data-upload-text]");
      var failed = $(form, "[data-upload-failed]"), button = $(form, "[type=submit]");
      box.hidden = false;
      failed.hidden = true;
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action") || window.location.pathname);
      xhr.setRequestHeader("X-Toandan-Upload", "1");
      xhr.upload.addEventListener("progress", function (event) {
        if (!event.lengthComputable) return;
        var percent = Math.round((100 * event.loaded) / event.total);
        bar.value = percent;
        text.textContent = fill(messages.getAttribute("data-sending"), { percent: percent + "%" });
      });
      xhr.addEventListener("load", function () {
        var type = xhr.getResponseHeader("Content-Type") || "";
        if (xhr.status === 200 && type.indexOf("application/json") === 0) {
          window.location.assign(JSON.parse(xhr.responseText).next);
          return;
        }
        replacePage(xhr.responseText, input);
      });
      xhr.addEventListener("error", function () {
        box.hidden = true;
        failed.hidden = false;
        if (button) button.disabled = false;
        $(form, "[name=pow_nonce]").value = "";
      });
      xhr.send(new FormData(form));
    };
  }

  function replacePage(html, oldInput) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("report-page"), page = document.getElementById("report-page");
    var main = document.getElementById("main");
    if (!fresh || !page) {
      // Not the form (e.g. too many requests): show that page's message in place of the form.
      var freshMain = doc.getElementById("main");
      if (freshMain && main) main.innerHTML = freshMain.innerHTML;
      if (main) main.focus();
      return;
    }
    page.replaceWith(fresh);
    var form = $(fresh, "form[data-report-form]");
    var box = $(form, "[data-evidence]");
    var newInput = box && $(box, "input[type=file]");
    var fileError = box && $(box, "ul.errors");
    if (newInput && oldInput && oldInput.files && oldInput.files.length && !fileError) {
      // The files were not the problem: keep them (a page shown by the server could not).
      newInput.replaceWith(oldInput);
      var again = $(form, "[data-files-again]");
      var messages = document.getElementById("upload-messages");
      if (again && messages) { again.className = "note"; again.textContent = messages.getAttribute("data-kept"); }
    }
    init(fresh);
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
  }

  function init(page) {
    var form = $(page, "form[data-report-form]");
    if (!form) return;
    if (window.toandanPow && !form.toandanPowAttached && page !== document) {
      window.toandanPow.attach(form);
    }
    form.toandanPowAttached = true;
    steps(form, page);
    anonymity(form);
    fileChecks(form);
    placeHint(form);
    sender(form, page);
    form.addEventListener("submit", function (event) {
      if (form.toandanFilesOk && !form.toandanFilesOk()) {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (form.toandanShowStep) form.toandanShowStep(3, true);
      }
    }, true);
  }

  init(document);
})();
