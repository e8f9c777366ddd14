// Compare page: two selects (?a=&b= in the address bar) redraw the comparison table from the
// JSON in #compare-boot. Text goes into the DOM with textContent only.
(function () {
  "use strict";
  var bootNode = document.getElementById("compare-boot");
  var form = document.getElementById("compare-form");
  if (!bootNode || !form) return;
  var boot = JSON.parse(bootNode.textContent);
  var selectA = document.getElementById("compare-a");
  var selectB = document.getElementById("compare-b");

  function cell(tag, text, scope) {
    var node = document.createElement(tag);
    if (scope) node.setAttribute("scope", scope);
    node.textContent = text;
    return node;
  }

  function levelText(skill, value) {
    return value ? value + " (" + boot.levelNames[skill][value - 1] + ")" : "not rated";
  }

  function difference(x, y) {
    if (x === y) return "same";
    if (x && y) return "differs: " + (x > y ? "first" : "second") + " higher by " + Math.abs(x - y);
    return "differs: rated for " + (x ? "first" : "second") + " only";
  }

  function row(id, name, first, second, diff) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-row", id);
    tr.setAttribute("data-differs", diff === "same" ? "false" : "true");
    tr.appendChild(cell("th", name, "row"));
    tr.appendChild(cell("td", first));
    tr.appendChild(cell("td", second));
    var last = cell("td", "");
    if (diff && diff !== "same") last.appendChild(cell("strong", diff)); else last.textContent = diff;
    tr.appendChild(last);
    return tr;
  }

  function head(id, item) {
    var th = document.getElementById(id);
    var link = document.createElement("a");
    link.href = boot.root + item.url;
    link.textContent = item.title;
    th.replaceChildren(link);
  }

  function draw() {
    var a = boot.items[selectA.value];
    var b = boot.items[selectB.value];
    var table = document.getElementById("compare-table");
    table.setAttribute("data-a", selectA.value);
    table.setAttribute("data-b", selectB.value);
    document.getElementById("compare-caption").textContent = a.title + " compared with " + b.title;
    head("compare-head-a", a);
    head("compare-head-b", b);
    var body = document.getElementById("compare-body");
    var rows = boot.rows.filter(function (pair) {  // areas neither level rates are left out
      return a.skills[pair[0]] || b.skills[pair[0]];
    }).map(function (pair) {
      var x = a.skills[pair[0]], y = b.skills[pair[0]];
      return row(pair[0], pair[1], levelText(pair[0], x), levelText(pair[0], y), difference(x, y));
    });
    rows.push(row("scope", "Scope", a.scope, b.scope, ""));
    rows[rows.length - 1].setAttribute("data-differs", "true");
    var samePeople = a.people === b.people;
    rows.push(row("people", "People leadership", a.people || "none", b.people || "none",
      samePeople ? "same" : "differs"));
    body.replaceChildren.apply(body, rows);
    var differing = rows.filter(function (r) { return r.getAttribute("data-differs") === "true"; });
    document.getElementById("compare-status").textContent =
      (differing.length - 1) + " of " + (rows.length - 1) + " rows differ (scope always does).";
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    [["a", selectA], ["b", selectB]].forEach(function (pair) {
      var value = params.get(pair[0]);
      if (value && Object.prototype.hasOwnProperty.call(boot.items, value)) pair[1].value = value;
    });
  }

  function toUrl() {
    var params = new URLSearchParams(window.location.search);
    params.set("a", selectA.value);
    params.set("b", selectB.value);
    window.history.replaceState(null, "", "?" + params.toString() + window.location.hash);
  }

  form.hidden = false;
  fromUrl();
  draw();
  form.addEventListener("change", function () { toUrl(); draw(); });
})();
