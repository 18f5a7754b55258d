// The check's answer: focus lands on it, and "Chia sẻ cảnh báo" uses the phone's share sheet (Web Share API)
// or copies the address. Without JavaScript the form lands on #ket-qua and the address is in a text box.
(function () {
  var result = document.getElementById("ket-qua");
  if (result) {
    result.focus();
  }
  var button = document.getElementById("share-check");
  if (!button) return;
  var field = document.getElementById("share-url");
  var status = document.getElementById("share-status");
  button.hidden = false;
  function copied() {
    status.textContent = button.getAttribute("data-copied");
  }
  function copy() {
    var url = button.getAttribute("data-url");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(copied, function () {
        field.select();
        if (document.execCommand("copy")) copied();
      });
    } else {
      field.select();
      if (document.execCommand("copy")) copied();
    }
  }
  button.addEventListener("click", function () {
    var data = {
      title: button.getAttribute("data-title"),
      text: button.getAttribute("data-text"),
      url: button.getAttribute("data-url")
    };
    if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
      navigator.share(data).catch(function (error) {
        if (error && error.name !== "AbortError") copy();
      });
    } else {
      copy();
    }
  });
})();
