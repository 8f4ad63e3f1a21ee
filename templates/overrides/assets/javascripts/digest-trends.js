/* Sort the coverage table by a column: a click sorts, a second click reverses. Without this script the
   table keeps its built order (biggest rise first). */
document.querySelectorAll("table.digest-trends").forEach(function (table) {
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var body = table.tBodies[0];
  Array.prototype.forEach.call(body.rows, function (row, rank) { row.dataset.rank = rank; });
  heads.forEach(function (th, column) {
    var type = th.dataset.sort;
    if (!type) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "digest-trends__sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var current = th.getAttribute("aria-sort");
      var ascending = current ? current === "descending" : type === "text";
      var sign = ascending ? 1 : -1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.value, y = b.cells[column].dataset.value;
        var order = type === "number" ? Number(x) - Number(y) : x.localeCompare(y);
        return sign * order || a.dataset.rank - b.dataset.rank;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    });
  });
});
