/* Check-in scanner: camera (BarcodeDetector when the browser has it, else the vendored jsQR) or a photo;
   every scan goes into a queue in localStorage first and leaves it only when the server has answered, so a
   scan made while the network is down is sent later, never lost. The server side is idempotent. */
(function () {
  "use strict";
  var root = document.getElementById("scanner");
  if (!root) { return; }
  var gettext = window.gettext || function (s) { return s; };
  var scanUrl = root.dataset.scanUrl;
  var key = "toandan-checkin-" + root.dataset.event;
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var log = document.getElementById("scan-log");
  var pendingCount = document.getElementById("pending-count");
  var video = document.getElementById("camera");
  var canvas = document.createElement("canvas");
  var ctx = canvas.getContext("2d", { willReadFrequently: true });
  var detector = null;
  var stream = null;
  var lastCode = "", lastAt = 0, flushing = false, retryTimer = null;

  // The site's button styles outrank the `hidden` attribute: set the display as well.
  function show(element, on) { element.hidden = !on; element.style.display = on ? "" : "none"; }

  function load() { try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; } }
  function save(queue) { localStorage.setItem(key, JSON.stringify(queue)); pendingCount.textContent = queue.length; }
  function say(text, cls) {
    var li = document.createElement("li");
    li.textContent = text;
    if (cls) { li.className = cls; }
    log.insertBefore(li, log.firstChild);
  }

  function enqueue(code) {
    var now = Date.now();
    if (code === lastCode && now - lastAt < 3000) { return; }  // the camera sees the same code many times
    lastCode = code; lastAt = now;
    var queue = load();
    queue.push({ code: code, at: new Date(now).toISOString() });
    save(queue);
    flush();
  }

  function retryLater() {
    if (!retryTimer) { retryTimer = setTimeout(function () { retryTimer = null; flush(); }, 5000); }
  }

  function flush() {
    if (flushing) { return; }
    var queue = load();
    if (!queue.length) { return; }
    flushing = true;
    var item = queue[0];
    fetch(scanUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(item)
    }).then(function (response) {
      if (response.status >= 500 || response.status === 429) { throw new Error("retry"); }
      return response.json().then(function (data) {
        var rest = load().filter(function (q) { return !(q.code === item.code && q.at === item.at); });
        save(rest);
        if (data.ok) {
          say((data.already ? gettext("Đã điểm danh trước đó: ") : gettext("Có mặt: ")) + data.name, "ok");
        } else {
          say(gettext("Không điểm danh được: ") + (data.detail || ""), "error");
        }
      });
    }).then(function () {
      flushing = false;
      flush();
    }).catch(function () {
      flushing = false;
      say(gettext("Mất kết nối: mã được giữ lại và sẽ gửi lại."), "error");
      retryLater();
    });
  }

  function decodeCanvas(width, height) {
    var image = ctx.getImageData(0, 0, width, height);
    var found = window.jsQR ? window.jsQR(image.data, width, height, { inversionAttempts: "dontInvert" }) : null;
    return found ? found.data : null;
  }

  function decodeImage(img) {
    var scale = Math.min(1, 1024 / Math.max(img.naturalWidth || img.width, img.naturalHeight || img.height));
    canvas.width = Math.round((img.naturalWidth || img.width) * scale);
    canvas.height = Math.round((img.naturalHeight || img.height) * scale);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return decodeCanvas(canvas.width, canvas.height);
  }

  function tick() {
    if (!stream) { return; }
    if (video.readyState >= 2) {
      if (detector) {
        detector.detect(video).then(function (codes) {
          if (codes.length) { enqueue(codes[0].rawValue); }
        }).catch(function () {});
      } else {
        canvas.width = video.videoWidth; canvas.height = video.videoHeight;
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        var code = decodeCanvas(canvas.width, canvas.height);
        if (code) { enqueue(code); }
      }
    }
    setTimeout(tick, 250);
  }

  document.getElementById("camera-start").addEventListener("click", function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      say(gettext("Trình duyệt không cho dùng máy ảnh: hãy chọn ảnh chụp mã hoặc tìm theo tên."), "error");
      return;
    }
    if ("BarcodeDetector" in window) {
      try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { detector = null; }
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
      stream = s; video.srcObject = s; show(video, true); video.play();
      show(document.getElementById("camera-stop"), true);
      tick();
    }).catch(function () { say(gettext("Không mở được máy ảnh."), "error"); });
  });
  document.getElementById("camera-stop").addEventListener("click", function () {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null; show(video, false); show(this, false);
  });
  document.getElementById("qr-photo").addEventListener("change", function () {
    var file = this.files && this.files[0];
    if (!file) { return; }
    // A data: URL, not a blob: one: the site's Content Security Policy allows images from data: only.
    var reader = new FileReader();
    reader.onload = function () {
      var img = new Image();
      img.onload = function () {
        var code = decodeImage(img);
        if (code) { enqueue(code); } else { say(gettext("Không đọc được mã QR trong ảnh."), "error"); }
      };
      img.src = reader.result;
    };
    reader.readAsDataURL(file);
    this.value = "";
  });
  show(video, false);
  show(document.getElementById("camera-stop"), false);
  window.addEventListener("online", flush);
  save(load());
  flush();
  window.toandanCheckin = { submit: enqueue, flush: flush, pending: function () { return load().length; } };
}());
