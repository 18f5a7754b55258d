// Plan review: unit suggestions as one types (fills the shared datalist), and the source lines of the
// task in focus highlighted. The page works without this script: names are then typed in full.
(function () {
  "use strict";
  var list = document.getElementById("unit-options");
  var form = document.getElementById("review-form");
  if (!list || !form) return;
  var url = form.getAttribute("data-unit-search");
  var timer = null;
  var last = "";
  function fill(units) {
    list.textContent = "";
    units.forEach(function (u) {
      var option = document.createElement("option");
      option.value = u.name;
      list.appendChild(option);
    });
  }
  form.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.hasAttribute || !field.hasAttribute("data-unit-picker")) return;
    var query = field.value.split(";").pop().trim();
    if (query.length < 2 || query === last) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      last = query;
      fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { units: [] }; })
        .then(function (data) { fill(data.units || []); })
        .catch(function () {});
    }, 150);
  });
  var marked = [];
  var source = document.getElementById("source-text");
  form.addEventListener("focusin", function (event) {
    if (event.target.tagName === "BUTTON") return;
    var task = event.target.closest ? event.target.closest("fieldset.task") : null;
    if (!task) return;
    marked.forEach(function (line) { line.classList.remove("current"); });
    marked = Array.prototype.slice.call(document.querySelectorAll('#source-text li[data-task="' + task.getAttribute("data-index") + '"]'));
    marked.forEach(function (line) { line.classList.add("current"); });
    // Scroll only the text panel: moving the page under the pointer would swallow clicks.
    if (marked.length && source) source.scrollTop = marked[0].offsetTop - source.clientHeight / 3;
  });
})();
