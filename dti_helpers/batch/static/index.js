(function () {
  /* One table per assessment year and unit set. Without this script every table is on the page and the
     year links jump to them; with it, one table shows at a time, chosen by the links, the address
     (#y63-2022, a row's #r63-2022-24, or ?year=2022&units=63) or, first, the one with the most reports. */
  var main = document.querySelector("main");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.year-table"));
  var yearLinks = Array.prototype.slice.call(document.querySelectorAll("nav.years a[data-table]"));
  var search = document.getElementById("q"), region = document.getElementById("region");
  var count = document.getElementById("count"), controls = document.getElementById("controls");
  var current = null;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
            .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function rowsOf(section) { return Array.prototype.slice.call(section.querySelector("tbody").rows); }
  function apply() {
    var q = fold(search.value), r = region.value, n = 0, rows = rowsOf(current);
    sections.forEach(function (section) {
      rowsOf(section).forEach(function (row) {
        var show = (!r || row.dataset.region === r) && (!q || row.dataset.search.indexOf(q) !== -1);
        row.hidden = !show;
        if (show && section === current) { n += 1; }
      });
    });
    count.textContent = count.dataset.template.replace("{n}", n).replace("{total}", rows.length);
  }
  function show(id) {
    var chosen = document.getElementById(id);
    if (!chosen || sections.indexOf(chosen) === -1) { return false; }
    current = chosen;
    sections.forEach(function (section) { section.hidden = section !== chosen; });
    yearLinks.forEach(function (a) {
      if (a.dataset.table === id) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
    });
    apply();
    return true;
  }
  /* the table an address means: a table's own anchor, or the table holding the row it names */
  function tableOf(hash) {
    var el = hash ? document.getElementById(decodeURIComponent(hash.replace(/^#/, ""))) : null;
    while (el && !(el.classList && el.classList.contains("year-table"))) { el = el.parentNode; }
    return el ? el.id : null;
  }
  function fromAddress() {
    var id = tableOf(window.location.hash);
    if (id && show(id)) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target && target.tagName === "TR") { target.scrollIntoView({block: "center"}); }
      return true;
    }
    return false;
  }
  function sortBy(table, col, button) {
    var dir = button.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (th) {
      th.removeAttribute("aria-sort");
    });
    button.parentNode.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
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
  sections.forEach(function (section) {
    var table = section.querySelector("table");
    Array.prototype.forEach.call(table.tHead.querySelectorAll("button"), function (button) {
      button.addEventListener("click", function () { sortBy(table, Number(button.dataset.col), button); });
    });
  });
  search.addEventListener("input", apply);
  region.addEventListener("change", apply);
  window.addEventListener("hashchange", fromAddress);
  /* index.html?q=hue&region=central_highlands&year=2022&units=63 opens so (a link can share a view) */
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { search.value = params.get("q"); }
  if (params.get("region")) { region.value = params.get("region"); }
  controls.hidden = false;
  main.classList.add("scripted");
  if (!fromAddress()) {
    var asked = params.get("year") && ("y" + (params.get("units") || "63") + "-" + params.get("year"));
    if (!(asked && show(asked))) { show(main.dataset.defaultTable); }
  }
})();
