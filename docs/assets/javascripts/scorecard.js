// Kit page scorecard: ratings and evidence kept in this browser (localStorage) until cleared,
// the verdict from scorecard-rule.js (the proven copy of engine/scorecard.py), Markdown and
// JSON export, and copy-as-Markdown for the job description. DOM is built with textContent only.
(function () {
  "use strict";
  var bootNode = document.getElementById("scorecard-boot");
  var form = document.getElementById("scorecard");
  if (!bootNode || !form || !window.HandbookScorecardRule) return;
  var boot = JSON.parse(bootNode.textContent);
  var storageKey = "handbook-scorecard:" + boot.edition + ":" + boot.kit;
  var verdictNode = document.getElementById("verdict");
  var status = document.getElementById("scorecard-status");

  function read() {
    var state = { candidate: form.elements.candidate.value, interviewer: form.elements.interviewer.value,
      ratings: {}, evidence: {} };
    boot.axes.forEach(function (axis) {
      var checked = form.querySelector('input[name="rating-' + axis.id + '"]:checked');
      if (checked) state.ratings[axis.id] = checked.value;
      var note = form.elements["evidence-" + axis.id].value;
      if (note) state.evidence[axis.id] = note;
    });
    return state;
  }

  function write(state) {
    form.elements.candidate.value = state.candidate || "";
    form.elements.interviewer.value = state.interviewer || "";
    boot.axes.forEach(function (axis) {
      var rating = (state.ratings || {})[axis.id];
      form.querySelectorAll('input[name="rating-' + axis.id + '"]').forEach(function (input) {
        input.checked = input.value === rating;
      });
      form.elements["evidence-" + axis.id].value = (state.evidence || {})[axis.id] || "";
    });
  }

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  function update(save) {
    var state = read();
    var result = window.HandbookScorecardRule.decide(boot.rule, boot.axes, state.ratings);
    verdictNode.setAttribute("data-verdict", result.verdict);
    document.getElementById("verdict-label").textContent = result.verdict;
    document.getElementById("verdict-reason").textContent = result.reason;
    var store = storage();
    if (save && store) store.setItem(storageKey, JSON.stringify(state));
    return { state: state, result: result };
  }

  function exported() {
    var current = update(false);
    var ratings = {};
    boot.axes.forEach(function (axis) { ratings[axis.id] = current.state.ratings[axis.id] || null; });
    return { format: boot.format, version: 1, edition: boot.edition, kit: boot.kit,
      candidate: current.state.candidate, interviewer: current.state.interviewer, ratings: ratings,
      evidence: current.state.evidence, verdict: current.result.verdict, reason: current.result.reason };
  }

  function markdown(card) {
    var lines = ["# Scorecard: " + boot.title, "",
      "- Kit: " + card.kit + " (edition " + card.edition + ")",
      "- Candidate: " + (card.candidate || "(not given)"),
      "- Interviewer: " + (card.interviewer || "(not given)"),
      "- Verdict: **" + card.verdict + "**: " + card.reason, "",
      "| Axis | Needed | Rating | Evidence |", "| --- | --- | --- | --- |"];
    boot.axes.forEach(function (axis) {
      var rating = card.ratings[axis.id];
      var note = (card.evidence[axis.id] || "").replace(/\s+/g, " ").replace(/\|/g, "\\|");
      lines.push("| " + axis.name + " | " + axis.expected + " | " +
        (rating ? boot.labels[rating] : "not rated") + " | " + note + " |");
    });
    return lines.join("\n") + "\n";
  }

  function slug(text) {
    return (text || "candidate").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "candidate";
  }

  function download(name, type, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function base(card) {
    return "scorecard-" + boot.kit.replace("/", "-") + "-" + slug(card.candidate) + "-" + slug(card.interviewer);
  }

  function show(button, handler) {
    var node = document.getElementById(button);
    if (!node) return;
    node.hidden = false;
    node.addEventListener("click", handler);
  }

  var store = storage();
  var saved = store && store.getItem(storageKey);
  if (saved) {
    try { write(JSON.parse(saved)); } catch (error) { store.removeItem(storageKey); }
  }
  form.addEventListener("input", function () { update(true); });
  form.addEventListener("change", function () { update(true); });
  show("scorecard-markdown", function () {
    var card = exported();
    download(base(card) + ".md", "text/markdown", markdown(card));
    status.textContent = "Markdown downloaded.";
  });
  show("scorecard-json", function () {
    var card = exported();
    download(base(card) + ".json", "application/json", JSON.stringify(card, null, 2) + "\n");
    status.textContent = "JSON downloaded: load it into the debrief page.";
  });
  show("scorecard-clear", function () {
    write({});
    if (store) store.removeItem(storageKey);
    update(false);
    status.textContent = "Scorecard cleared from this browser.";
  });
  update(false);
  if (saved) status.textContent = "Restored the ratings saved in this browser.";

  var jd = document.getElementById("job-description-markdown");
  var jdStatus = document.getElementById("job-description-status");
  show("copy-job-description", function () {
    var text = jd.value;
    var fallback = function () {
      document.getElementById("job-description-fallback").hidden = false;
      jd.select();
      jdStatus.textContent = "Copying was not allowed: select the text below and copy it.";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        jdStatus.textContent = "Job description copied as Markdown.";
      }, fallback);
    } else {
      fallback();
    }
  });
})();
