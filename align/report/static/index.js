// fidelity index: sort the table by any column (click a heading; again to reverse).
(function () {
  "use strict";
  // Terminology panel: the notable terms (deviating, or in the glossary) by default.
  var button = document.querySelector(".terms-all");
  if (button) {
    var terms = Array.prototype.slice.call(document.querySelectorAll("[data-term-row]"));
    var showAll = false;
    var show = function () {
      var shown = 0;
      terms.forEach(function (row) {
        var ok = showAll || row.dataset.notable === "1";
        row.classList.toggle("is-filtered-out", !ok);
        if (ok) { shown += 1; }
      });
      button.setAttribute("aria-pressed", showAll ? "true" : "false");
      button.textContent = showAll ? "Show notable terms only" : "Show all " + terms.length + " terms";
      document.querySelector(".terms-status").textContent = shown + " of " + terms.length + " terms shown";
    };
    button.addEventListener("click", function () { showAll = !showAll; show(); });
    button.parentNode.hidden = false;
    show();
  }
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
(function () {
  "use strict";
  var table = document.getElementById("index-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function key(row, col, numeric) {
    var cell = row.cells[col];
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (!numeric) { return raw.trim().toLowerCase(); }
    var value = parseFloat(raw);
    return isNaN(value) ? null : value;
  }
  function sortBy(col) {
    var head = heads[col];
    var numeric = head.dataset.type === "number";
    // numbers sort largest first on the first click: what a reviewer looks for
    var ascending = head.getAttribute("aria-sort") ? head.getAttribute("aria-sort") === "descending" : !numeric;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.dataset.order = String(i); });
    rows.sort(function (a, b) {
      var x = key(a, col, numeric);
      var y = key(b, col, numeric);
      if (x === null || y === null || x === "" || y === "") {
        if ((x === null || x === "") && (y === null || y === "")) { return a.dataset.order - b.dataset.order; }
        return x === null || x === "" ? 1 : -1;  // missing values last, either direction
      }
      var cmp = numeric ? x - y : x.localeCompare(y, "fr");
      if (!cmp) { return a.dataset.order - b.dataset.order; }
      return ascending ? cmp : -cmp;
    });
    heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }
  heads.forEach(function (head, col) {
    var button = head.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(col); }); }
  });
})();
