/* A filter box above each long unit list (select[data-filter]): typing narrows the options, with or
   without diacritics ("nghia lo" finds "Nghĩa Lộ"). Without JavaScript the plain grouped list still works. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase();
  }
  function setUp(select) {
    var box = document.createElement("input");
    box.type = "search";
    box.id = select.id + "-filter";
    box.className = "select-filter";
    box.setAttribute("autocomplete", "off");
    box.setAttribute("aria-controls", select.id);
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.textContent = select.getAttribute("data-filter-label") || "Tìm đơn vị";
    var count = document.createElement("p");
    count.className = "help";
    count.id = select.id + "-filter-count";
    count.setAttribute("aria-live", "polite");
    box.setAttribute("aria-describedby", count.id);
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(count, select);
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      var first = null;
      Array.prototype.forEach.call(select.querySelectorAll("option"), function (option) {
        if (!option.value) { return; }
        var text = fold(option.textContent);
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !match;
        option.disabled = !match;
        if (match) { shown += 1; if (first === null) { first = option; } }
      });
      Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
        group.hidden = !group.querySelector("option:not([hidden])");
      });
      var chosen = select.options[select.selectedIndex];
      if (first !== null && (!chosen || !chosen.value || chosen.hidden)) { select.value = first.value; }
      count.textContent = words.length ? (select.getAttribute("data-filter-count") || "Số đơn vị khớp: ") + shown : "";
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), setUp);
  });
})();
