// Question-bank filters: role, area and difficulty. Without JavaScript every question shows.
// Filter state lives in the query string (?role=&area=&difficulty=) so filtered views can be linked.
(function () {
  const form = document.getElementById("question-filters");
  if (!form) return;
  const selects = {
    role: document.getElementById("filter-role"),
    area: document.getElementById("filter-area"),
    difficulty: document.getElementById("filter-difficulty"),
  };
  const questions = Array.from(document.querySelectorAll(".hb-question"));
  const count = document.getElementById("question-count");
  const empty = document.getElementById("no-questions");

  function readQuery() {
    const params = new URLSearchParams(window.location.search);
    for (const [name, select] of Object.entries(selects)) {
      const wanted = params.get(name) || "";
      const known = Array.from(select.options).some((option) => option.value === wanted);
      select.value = known ? wanted : "";
    }
  }

  function writeQuery() {
    const params = new URLSearchParams();
    for (const [name, select] of Object.entries(selects)) {
      if (select.value) params.set(name, select.value);
    }
    const query = params.toString();
    const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function matches(question) {
    const role = selects.role.value;
    const area = selects.area.value;
    const difficulty = selects.difficulty.value;
    return (!role || question.dataset.roles.split(" ").includes(role)) &&
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
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-pressed") !== "true";
    for (const details of document.querySelectorAll(".hb-guide")) details.open = open;
    toggle.setAttribute("aria-pressed", String(open));
    toggle.textContent = open ? "Close all answer guides" : "Open all answer guides";
  });
  document.getElementById("filter-reset").addEventListener("click", () => {
    for (const select of Object.values(selects)) select.value = "";
    writeQuery();
    apply();
  });
  for (const select of Object.values(selects)) {
    select.addEventListener("change", () => { writeQuery(); apply(); });
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  readQuery();
  apply();
})();
