// The receipt page: copy buttons and printing. Without JavaScript the codes are selectable text, "Lưu thành
// ảnh" is a plain download and the browser's own print command prints only the receipt (print CSS).
(function () {
  var status = document.getElementById("copy-status");
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var node = document.getElementById(button.getAttribute("data-copy"));
      var done = function () { status.textContent = button.getAttribute("data-done") + ": " + node.textContent; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(node.textContent).then(done, function () {
          select(node);
          if (document.execCommand("copy")) done();
        });
      } else {
        select(node);
        if (document.execCommand("copy")) done();
      }
    });
  });
  var print = document.getElementById("print-receipt");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
