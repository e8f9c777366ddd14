// Question-bank filters: role, area, difficulty and text. Without JavaScript every question shows.
// Filter state lives in the query string (?role=&area=&difficulty=&q=) so filtered views can be
// linked. A link to a question (#id) or a search result opens that question's answer guide.
// The same script runs on the bank's index (/questions/, one entry per question, with the area
// filter) and on each area's pages of answer guides (no area filter). On the index, a link to a
// question (/questions/#id, the address every question had before the guides moved to their
// areas' pages) goes straight on to that question's guide.
(function () {
  const form = document.getElementById("question-filters");
  if (!form) return;
  const entry = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  const guide = entry && entry.matches("li.hb-question") && entry.querySelector("a.hb-question-link");
  if (guide) {
    window.location.replace(guide.href);
    return;
  }
  const selects = Object.fromEntries(["role", "area", "difficulty"]
    .map((name) => [name, document.getElementById(`filter-${name}`)])
    .filter(([, select]) => select));
  const text = document.getElementById("filter-text");
  const questions = Array.from(document.querySelectorAll(".hb-question"));
  const words = new Map(questions.map((q) => [q, q.textContent.toLowerCase()]));
  const count = document.getElementById("question-count");
  const empty = document.getElementById("no-questions");

  function readQuery() {
    const params = new URLSearchParams(window.location.search);
    for (const [name, select] of Object.entries(selects)) {
      const wanted = params.get(name) || "";
      const known = Array.from(select.options).some((option) => option.value === wanted);
      select.value = known ? wanted : "";
    }
    text.value = params.get("q") || "";
  }

  function writeQuery() {
    const params = new URLSearchParams();
    for (const [name, select] of Object.entries(selects)) {
      if (select.value) params.set(name, select.value);
    }
    if (text.value.trim()) params.set("q", text.value.trim());
    const query = params.toString();
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function matches(question) {
    const role = selects.role.value;
    const area = selects.area ? selects.area.value : "";
    const difficulty = selects.difficulty.value;
    const terms = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    const haystack = words.get(question);
    return terms.every((term) => haystack.includes(term)) && (!role || question.dataset.roles.split(" ").includes(role)) &&
      (!area || question.dataset.area === area) &&
      (!difficulty || question.dataset.difficulty === difficulty);
  }

  function apply() {
    let shown = 0;
    const perArea = new Map();
    for (const question of questions) {
      const visible = matches(question);
      question.hidden = !visible;
      if (visible) shown += 1;
      perArea.set(question.dataset.area, (perArea.get(question.dataset.area) || 0) + (visible ? 1 : 0));
    }
    for (const [area, visibleCount] of perArea) {
      for (const element of document.querySelectorAll(`[data-area="${CSS.escape(area)}"]:not(.hb-question)`)) {
        element.hidden = visibleCount === 0;
      }
    }
    count.textContent = `${shown} of ${questions.length} questions shown`;
    empty.hidden = shown !== 0;
  }

  const toggle = document.getElementById("guides-toggle");
  toggle?.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-pressed") !== "true";
    for (const details of document.querySelectorAll(".hb-guide")) details.open = open;
    toggle.setAttribute("aria-pressed", String(open));
    toggle.textContent = open ? "Close all answer guides" : "Open all answer guides";
  });
  document.getElementById("filter-reset").addEventListener("click", () => {
    for (const select of Object.values(selects)) select.value = "";
    text.value = "";
    writeQuery();
    apply();
  });
  for (const select of Object.values(selects)) {
    select.addEventListener("change", () => { writeQuery(); apply(); });
  }
  text.addEventListener("input", () => { writeQuery(); apply(); });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  readQuery();
  apply();

  // Open the guide of the question a link points at, and of every question holding a search
  // highlight (the theme marks the terms of a search result on the page it opens).
  function openGuide(node) {
    const details = node && node.closest(".hb-question")?.querySelector(".hb-guide");
    if (details) details.open = true;
  }
  function openTarget() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (target && target.closest(".hb-question")) {
      openGuide(target);
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node.nodeName === "MARK") openGuide(node);
      }
    }
  }).observe(document.querySelector(".md-content") || document.body, { childList: true, subtree: true });
})();
