// One-tap sharing: the Web Share API where the phone has it, else copy the link. The page works without it.
(function () {
  var button = document.getElementById("share-button");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var url = button.getAttribute("data-url");
    if (navigator.share) {
      navigator.share({ title: button.getAttribute("data-title"), url: url }).catch(function () {});
    } else if (navigator.clipboard) {
      navigator.clipboard.writeText(url).then(function () { button.textContent = "✓"; });
    } else {
      document.getElementById("share-url").select();
    }
  });
})();
