// Team calculator, page side (loaded only by /calculator/).
//
// A classic script placed right after the form, after calculator-plan.js (which turns a plan into
// nodes and Markdown) and calculator-engine.js (the Python engine's worker): it runs while the
// page is still being parsed, before the theme's scripts, so the worker starts and the first
// answer shows as early as possible.
//
// The query string is the state (parsed by calculator-grid.js, shared with the page head).
// Every answer comes from the one Python engine:
//   1. the default plan embedded in the page at build time,
//   2. plans precomputed at build time for the standard grid (engine/grid.py),
//   3. the engine itself, running in Pyodide in a module worker, for every other input.
// The JS only parses the query string into a request; validating it is the engine's job.
// Nothing from the URL or the plan is ever inserted as HTML: the page is built with DOM APIs.

(() => {
"use strict";

const boot = JSON.parse(document.getElementById("calculator-boot").textContent);
const assetsURL = new URL(boot.assets, window.location.href);
const form = document.getElementById("calculator-form");
const result = document.getElementById("calculator-result");
const engineStatus = document.getElementById("calculator-engine-status");
const offlineStatus = document.getElementById("calculator-offline-status");
const actionStatus = document.getElementById("calc-action-status");
const exportFallback = document.getElementById("calc-export-fallback");
const exportText = document.getElementById("calc-export-text");
const fields = {
  archetype: document.getElementById("calc-archetype"),
  stage: document.getElementById("calc-stage"),
  data: document.getElementById("calc-data"),
  headcount: document.getElementById("calc-headcount"),
  leadNow: document.getElementById("calc-lead-now"),
};
const miniSummary = document.getElementById("calc-mini-summary");
const existingInputs = Array.from(form.querySelectorAll("[data-existing-role]"));
const present = window.HandbookCalculatorPlan;
const { parseCount, requestFromQuery, gridKey, grid } = window.HandbookCalculatorUrl;

// ---------------------------------------------------------------- the Python engine

// Sample plans the worker works out once it is ready (calculator-worker.js warmUp): every product
// and stage on the form, small to large teams, with existing teams, six rounds (about as many
// plans as it takes V8 to optimise Pyodide's interpreter).
function warmUpRequests() {
  const values = (select) => Array.from(select.options, (option) => option.value);
  const [archetypes, stages, data] = [fields.archetype, fields.stage, fields.data].map(values);
  const roles = existingInputs.map((input) => input.dataset.existingRole);
  const requests = [];
  archetypes.forEach((archetype, a) => stages.forEach((stage, s) => {
    const k = a * stages.length + s;
    requests.push({
      archetype, stage, data: data[k % data.length], headcount: 6 + ((k * 7) % 35),
      existing: roles.length ? { [roles[k % roles.length]]: 1 + (k % 2) } : {},
      lead_now: k % 4 === 0,
    });
  }));
  return [].concat(requests, requests, requests, requests, requests, requests);
}

const engine = window.HandbookCalculatorEngine.create({
  assets: assetsURL.href, engine: boot.engine, maxHeadcount: grid.maxHeadcount,
  warmUp: warmUpRequests, engineStatus, offlineStatus,
});

// ---------------------------------------------------------------- request <-> URL and form

function queryFromRequest(request) {
  const params = new URLSearchParams();
  for (const name of ["archetype", "stage", "data", "headcount"]) {
    params.set(name, String(request[name]));
  }
  const existing = Object.entries(request.existing).map(([role, count]) => `${role}:${count}`);
  if (existing.length) params.set("existing", existing.join(","));
  if (request.lead_now === true) params.set("lead", "now");
  else if (request.lead_now !== false) params.set("lead", String(request.lead_now));
  // ":" and "," are allowed in a query string; keeping them makes shared links readable.
  return params.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

function requestFromForm() {
  const existing = {};
  for (const input of existingInputs) {
    const count = parseCount(input.value);
    if (count !== 0 && count !== "") existing[input.dataset.existingRole] = count;
  }
  return {
    archetype: fields.archetype.value,
    stage: fields.stage.value,
    data: fields.data.value,
    headcount: parseCount(fields.headcount.value),
    existing,
    lead_now: Boolean(fields.leadNow && fields.leadNow.checked),
  };
}

function hasOption(select, value) {
  return Array.from(select.options).some((option) => option.value === value);
}

function fillForm(request) {
  for (const name of ["archetype", "stage", "data"]) {
    if (hasOption(fields[name], request[name])) fields[name].value = request[name];
  }
  fields.headcount.value = String(request.headcount);
  if (fields.leadNow) fields.leadNow.checked = request.lead_now === true;
  for (const input of existingInputs) {
    const count = request.existing[input.dataset.existingRole];
    input.value = Number.isInteger(count) ? String(count) : "0";
  }
}

function writeURL(request) {
  const url = `${window.location.pathname}?${queryFromRequest(request)}${window.location.hash}`;
  window.history.replaceState(null, "", url);
}

// ---------------------------------------------------------------- answers

// "archetype.stage.data" (a grid setting) -> Promise of its plans by headcount, one file per
// setting (engine/grid.py grid_setting). The page's <head> may already have started fetching the
// one a shared link asks for (calculator-prefetch.js).
const gridFiles = new Map(Object.entries(window.handbookCalculatorPrefetch || {}));

function isDefault(request) {
  return queryFromRequest(request) === queryFromRequest(grid.defaults);
}

async function fetchGridFile(setting) {
  const response = await fetch(new URL(`plans/${setting}.json`, assetsURL));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

async function gridPlan(request, key) {
  if (isDefault(request)) return boot.default.plan;
  const [setting, headcount] = key.split("/");
  if (!gridFiles.has(setting)) gridFiles.set(setting, fetchGridFile(setting));
  try {
    const plans = await gridFiles.get(setting);
    const plan = plans && Object.hasOwn(plans, headcount) ? plans[headcount] : null;
    if (!plan) throw new Error(`no plan for ${request.headcount} hires`);
    return plan;
  } catch (error) {
    gridFiles.delete(setting);
    throw error;
  }
}

// {response: {ok, plan} | {ok: false, error}, source: "build" | "engine"}
async function answerFor(request) {
  const key = gridKey(request);
  if (key) {
    try {
      return { response: { ok: true, plan: await gridPlan(request, key) }, source: "build" };
    } catch {
      // The precomputed file is unreachable: the engine answers instead.
    }
  }
  if (engine.state === "loading") showWaiting();
  return { response: await engine.ask(request), source: "engine" };
}

let latestTicket = 0;
let currentPlan = null;

async function showAnswer(request) {
  const ticket = ++latestTicket;
  const query = queryFromRequest(request);
  const { response, source } = await answerFor(request);
  if (ticket !== latestTicket) return; // a newer change has been asked for
  if (response.ok) {
    currentPlan = response.plan;
    renderPlan(response.plan);
    setResultState("ready", source, query);
  } else {
    currentPlan = null;
    renderError(response.error);
    setResultState("error", source, query);
  }
}

// ---------------------------------------------------------------- showing an answer

// A select's option values -> their labels (the first option wins, as a lookup by value would).
function optionTitles(select) {
  const titles = new Map();
  for (const option of select.options) {
    if (!titles.has(option.value)) titles.set(option.value, option.textContent);
  }
  return titles;
}

// What calculator-plan.js needs to present a plan; the page's URL is read at each call.
function planContext() {
  const optionTitlesByField = Object.fromEntries(
    ["archetype", "stage", "data"].map((name) => [name, optionTitles(fields[name])]));
  return {
    root: boot.root, titles: boot.titles, edition: boot.edition,
    optionTitles: optionTitlesByField, pageURL: window.location.href,
  };
}

function renderPlan(plan) {
  const context = planContext();
  result.replaceChildren(...present.planNodes(plan, context));
  miniSummary.replaceChildren(...present.miniSummaryNodes(plan, context));
}

function renderError(message) {
  result.replaceChildren(...present.errorNodes(message));
  miniSummary.textContent = `This plan cannot be worked out: ${message}.`;
}

function showWaiting() {
  result.replaceChildren(...present.waitingNodes());
  result.dataset.status = "loading";
  result.setAttribute("aria-busy", "true");
}

function setResultState(status, source, query) {
  result.dataset.status = status;
  result.dataset.source = source;
  result.dataset.request = query;
  result.setAttribute("aria-busy", "false");
  performance.mark(`calculator-${status}`);
}

// ---------------------------------------------------------------- export

function say(message) {
  actionStatus.textContent = message;
}

function showFallback(text) {
  exportText.value = text;
  exportFallback.hidden = false;
  exportText.focus();
  exportText.select();
}

async function copyText(text, doneMessage) {
  try {
    await navigator.clipboard.writeText(text);
    exportFallback.hidden = true;
    say(doneMessage);
  } catch {
    showFallback(text);
    say("Copying was blocked by the browser: the text is selected below, press Ctrl+C (⌘C) to copy it.");
  }
}

function downloadPlan(plan) {
  const name = `hiring-plan-${plan.input.archetype}-${plan.input.headcount}.json`;
  const context = planContext();
  const exported = { edition: context.edition, link: context.pageURL, plan };
  const blob = new Blob([JSON.stringify(exported, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  say(`Downloaded ${name}.`);
}

function copyMarkdown(plan) {
  return copyText(present.planMarkdown(plan, planContext()), "Plan copied as Markdown.");
}

function withPlan(action) {
  return () => (currentPlan ? action(currentPlan) : say("There is no plan to export: fix the input first."));
}

// ---------------------------------------------------------------- start

function onFormInput() {
  const request = requestFromForm();
  writeURL(request);
  exportFallback.hidden = true;
  showAnswer(request);
}

function start() {
  const request = requestFromQuery(window.location.search);
  fillForm(request);
  // Pyodide takes seconds of CPU. When the build already has this answer, show it first so the
  // two do not compete for the CPU; otherwise start the engine at once.
  const choice = gridKey(request) ? "grid" : "engine";
  result.dataset.choice = choice; // the same choice the page head made (calculator-grid.js)
  if (choice === "grid") {
    showAnswer(request).finally(engine.startWhenIdle);
    form.addEventListener("focusin", engine.start, { once: true }); // a change is coming
  } else {
    engine.start();
    showAnswer(request);
  }
  form.addEventListener("input", onFormInput);
  form.addEventListener("submit", (event) => event.preventDefault());
  document.getElementById("calc-copy-link")
    .addEventListener("click", () => copyText(window.location.href, "Link to this plan copied."));
  document.getElementById("calc-copy-markdown").addEventListener("click", withPlan(copyMarkdown));
  document.getElementById("calc-download-json").addEventListener("click", withPlan(downloadPlan));
}

start();
})();
