// Debrief page: load exported scorecards (file picker or paste), refuse bad ones with a
// message naming the file and the problem (keeping those already loaded), and show the ratings
// side by side with disagreements marked. Files stay in the browser; DOM uses textContent only.
(function () {
  "use strict";
  var bootNode = document.getElementById("debrief-boot");
  if (!bootNode || !window.HandbookScorecardRule) return;
  var boot = JSON.parse(bootNode.textContent);
  var RATINGS = window.HandbookScorecardRule.RATINGS;
  var loaded = [];
  var pasted = 0;
  var errors = document.getElementById("debrief-errors");
  var result = document.getElementById("debrief-result");

  function problem(card) {
    if (!card || typeof card !== "object" || Array.isArray(card) || card.format !== boot.format) {
      return "is not a scorecard exported from a kit page of this handbook";
    }
    if (card.edition !== boot.edition) {
      return "comes from edition " + String(card.edition) + "; this debrief is for edition " + boot.edition;
    }
    var kit = boot.kits[card.kit];
    if (typeof card.kit !== "string" || !Object.prototype.hasOwnProperty.call(boot.kits, card.kit)) {
      return "comes from an unknown kit '" + String(card.kit) + "'";
    }
    if (loaded.length && loaded[0].card.kit !== card.kit) {
      return "comes from kit " + card.kit + "; the scorecards loaded so far are from kit " + loaded[0].card.kit;
    }
    if (!card.ratings || typeof card.ratings !== "object" || Array.isArray(card.ratings)) {
      return "has no ratings";
    }
    var ids = kit.axes.map(function (axis) { return axis.id; });
    var keys = Object.keys(card.ratings);
    for (var i = 0; i < keys.length; i++) {
      if (ids.indexOf(keys[i]) < 0) return "rates an axis kit " + card.kit + " does not have: '" + keys[i] + "'";
      var value = card.ratings[keys[i]];
      if (value !== null && RATINGS.indexOf(value) < 0) {
        return "holds an impossible rating '" + String(value) + "' for " + keys[i] +
          " (allowed: " + RATINGS.join(", ") + ")";
      }
    }
    return "";
  }

  function add(name, text) {
    var card;
    try { card = JSON.parse(text); } catch (error) { return refuse(name, "is not valid JSON"); }
    var why = problem(card);
    if (why) return refuse(name, why);
    loaded.push({ name: name, card: card });
    draw();
  }

  function refuse(name, why) {
    var line = document.createElement("p");
    line.className = "hb-debrief-error";
    line.textContent = name + ": " + why + ". Not loaded.";
    errors.appendChild(line);
  }

  function cell(tag, text, scope) {
    var node = document.createElement(tag);
    if (scope) node.setAttribute("scope", scope);
    node.textContent = text;
    return node;
  }

  function disagreement(values) {
    var rated = values.filter(function (v) { return v; }).map(function (v) { return RATINGS.indexOf(v); });
    if (rated.length < 2) return "";
    var low = Math.min.apply(null, rated), high = Math.max.apply(null, rated);
    if (low <= 1 && high >= 2) return "disagree: yes and no on the same axis";
    if (high - low >= 2) return "disagree: two steps apart";
    return "";
  }

  function ratingsOf(card, kit) {
    var ratings = {};
    kit.axes.forEach(function (axis) { if (card.ratings[axis.id]) ratings[axis.id] = card.ratings[axis.id]; });
    return ratings;
  }

  function header(kit) {
    var tr = document.createElement("tr");
    tr.appendChild(cell("th", "Axis (needed level)", "col"));
    loaded.forEach(function (item, index) {
      tr.appendChild(cell("th", item.card.interviewer || "Scorecard " + (index + 1), "col"));
    });
    tr.appendChild(cell("th", "Agreement", "col"));
    return tr;
  }

  function axisRow(axis) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-axis", axis.id);
    tr.appendChild(cell("th", axis.name + " (" + axis.expected + ")", "row"));
    var values = loaded.map(function (item) { return item.card.ratings[axis.id] || null; });
    values.forEach(function (value) { tr.appendChild(cell("td", value ? boot.labels[value] : "not rated")); });
    var why = disagreement(values);
    tr.setAttribute("data-disagree", why ? "true" : "false");
    var last = cell("td", "");
    if (why) last.appendChild(cell("strong", why)); else last.textContent = "agree";
    tr.appendChild(last);
    return tr;
  }

  function verdictRow(kit) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-row", "verdict");
    tr.appendChild(cell("th", "Verdict (hire rule)", "row"));
    var verdicts = loaded.map(function (item) {
      var decided = window.HandbookScorecardRule.decide(boot.rule, kit.axes, ratingsOf(item.card, kit));
      var td = cell("td", decided.verdict);
      td.title = decided.reason;
      td.setAttribute("data-verdict", decided.verdict);
      tr.appendChild(td);
      return decided.verdict;
    });
    var same = verdicts.every(function (v) { return v === verdicts[0]; });
    tr.appendChild(cell("td", same ? "agree" : "disagree"));
    return tr;
  }

  function draw() {
    var kit = boot.kits[loaded[0].card.kit];
    var table = document.createElement("table");
    table.id = "debrief-table";
    table.className = "hb-table hb-debrief";
    var caption = cell("caption", kit.title + ": " + loaded.length + " scorecard" + (loaded.length === 1 ? "" : "s"));
    var thead = document.createElement("thead");
    thead.appendChild(header(kit));
    var tbody = document.createElement("tbody");
    kit.axes.forEach(function (axis) { tbody.appendChild(axisRow(axis)); });
    tbody.appendChild(verdictRow(kit));
    table.append(caption, thead, tbody);
    var count = tbody.querySelectorAll('tr[data-disagree="true"]').length;
    var summary = cell("p", count ? count + " axes with disagreement: discuss them first, with the evidence."
      : "The interviewers agree on every axis.");
    summary.id = "debrief-summary";
    var wrap = document.createElement("div");
    wrap.className = "hb-matrix-wrap";
    wrap.appendChild(table);
    result.replaceChildren(cell("h2", "Scorecards"), summary, wrap);
    result.querySelector("h2").id = "debrief-title";
  }

  document.getElementById("debrief-files").addEventListener("change", function (event) {
    var files = Array.prototype.slice.call(event.target.files);
    event.target.value = "";
    files.reduce(function (done, file) {  // one after another, in the order picked
      return done.then(function () { return file.text(); }).then(function (text) {
        add(file.name, text);
      }, function () { refuse(file.name, "cannot be read"); });
    }, Promise.resolve());
  });
  document.getElementById("debrief-add").addEventListener("click", function () {
    var area = document.getElementById("debrief-paste");
    if (!area.value.trim()) return;
    pasted += 1;
    add("Pasted scorecard " + pasted, area.value);
    area.value = "";
  });
  document.getElementById("debrief-reset").addEventListener("click", function () {
    loaded = [];
    errors.replaceChildren();
    var empty = cell("p", "No scorecards loaded yet.");
    empty.id = "debrief-empty";
    empty.className = "hb-note";
    var title = cell("h2", "Scorecards");
    title.id = "debrief-title";
    result.replaceChildren(title, empty);
  });
})();
