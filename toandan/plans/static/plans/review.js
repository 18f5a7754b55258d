// Plan review: unit suggestions as one types (fills the shared datalist), the source lines of the task in
// focus highlighted, and keyboard use: Alt+↓ / Alt+↑ (or j / k outside a text field) move between tasks,
// Alt+Shift+T splits the task in focus, Alt+Shift+G merges it into the one above. The page works without
// this script: names are then typed in full and the buttons do the same.
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
  // Keyboard: move between tasks, split and merge without the mouse.
  function allTasks() { return Array.prototype.slice.call(form.querySelectorAll("fieldset.task")); }
  function taskOf(element) { return element && element.closest ? element.closest("fieldset.task") : null; }
  function firstField(task) {
    return task.querySelector("textarea:not([disabled])") || task.querySelector("input:not([type=hidden]), button");
  }
  function move(step, from) {
    var tasks = allTasks();
    if (!tasks.length) return;
    var current = taskOf(from);
    var i = current ? tasks.indexOf(current) + step : (step > 0 ? 0 : tasks.length - 1);
    var target = tasks[Math.max(0, Math.min(tasks.length - 1, i))];
    var field = firstField(target);
    if (field) field.focus();
  }
  function press(from, op) {
    var task = taskOf(from);
    var button = task ? task.querySelector('button[value^="' + op + ':"]') : null;
    if (button) button.click();
  }
  function typing(element) {
    var tag = element.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable) return true;
    return tag === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(element.type);
  }
  // Back from a split or merge (the page comes back at "#task-N"): keep working on that task.
  function land() {
    if (!/^#task-\d+$/.test(window.location.hash)) return;
    var landed = document.getElementById(window.location.hash.slice(1));
    var field = landed ? firstField(landed) : null;
    if (field && document.activeElement !== field) field.focus();
  }
  land();
  window.addEventListener("load", function () { if (document.activeElement === document.body) land(); });
  form.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (event.altKey && !event.shiftKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1, target);
    } else if (event.altKey && event.shiftKey && (event.code === "KeyT" || event.code === "KeyG")) {
      if (!taskOf(target)) return;
      event.preventDefault();
      press(target, event.code === "KeyT" ? "split" : "merge");
    } else if (!event.altKey && !event.shiftKey && !typing(target) && (event.key === "j" || event.key === "k")) {
      if (!taskOf(target)) return;
      event.preventDefault();
      move(event.key === "j" ? 1 : -1, target);
    }
  });
})();
