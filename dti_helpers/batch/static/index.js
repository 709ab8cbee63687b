(function () {
  /* one table per unit set (the 63, and the 34 after the merger): the search filters both, a heading sorts its own */
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.reports"));
  var rows = [];
  tables.forEach(function (table) { rows = rows.concat(Array.prototype.slice.call(table.tBodies[0].rows)); });
  var search = document.getElementById("q"), region = document.getElementById("region");
  var count = document.getElementById("count"), controls = document.getElementById("controls");
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
            .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function apply() {
    var q = fold(search.value), r = region.value, n = 0;
    rows.forEach(function (row) {
      var show = (!r || row.dataset.region === r) && (!q || row.dataset.search.indexOf(q) !== -1);
      row.hidden = !show;
      if (show) { n += 1; }
    });
    count.textContent = count.dataset.template.replace("{n}", n).replace("{total}", rows.length);
  }
  function sortBy(table, col, button) {
    var dir = button.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (th) {
      th.removeAttribute("aria-sort");
    });
    button.parentNode.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    button.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var numeric = button.dataset.type === "num", body = table.tBodies[0];
    var own = Array.prototype.slice.call(body.rows);
    own.sort(function (a, b) {
      var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
      if (x === "" && y === "") { return 0; }
      if (x === "") { return 1; }   /* not published: always last */
      if (y === "") { return -1; }
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
      return c * dir;
    });
    own.forEach(function (row) { body.appendChild(row); });
  }
  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.querySelectorAll("button"), function (button, i) {
      button.addEventListener("click", function () { sortBy(table, i, button); });
    });
  });
  search.addEventListener("input", apply);
  region.addEventListener("change", apply);
  /* index.html?q=hue&region=central_highlands opens already filtered (a link can share a view) */
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { search.value = params.get("q"); }
  if (params.get("region")) { region.value = params.get("region"); }
  controls.hidden = false;
  apply();
})();
