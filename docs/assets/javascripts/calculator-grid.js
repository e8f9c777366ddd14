// The calculator's URL rules, shared by the page head (calculator-prefetch.js) and calculator.js,
// so that both always make the same choice for a link. The grid itself is data, defined once in
// Python (macros/handbook/engine/grid.py) and embedded in the page head as
// <script type="application/json" id="calculator-grid">.
//
// The query string is the state: ?archetype=&stage=&data=&headcount=&existing=role:n,role:n
// and lead=now when the founders can afford a lead now.
// This file only parses it into a request; validating the request is the engine's job.

(() => {
"use strict";

const grid = JSON.parse(document.getElementById("calculator-grid").textContent);

// "7", "07", " 7" -> 7, "-3" -> -3; anything else ("+7", "7.0", "1e1") stays a string for the
// engine to reject by name.
function parseCount(text) {
  const trimmed = String(text).trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : text;
}

// "ml-engineer:2,data-engineer:1" -> {"ml-engineer": 2, "data-engineer": 1}; a pair without a
// count gets "" so that the engine names it.
function parseExisting(text) {
  const pairs = text.split(",").map((pair) => pair.trim()).filter(Boolean);
  return Object.fromEntries(pairs.map((pair) => {
    const colon = pair.indexOf(":");
    if (colon < 0) return [pair, ""];
    return [pair.slice(0, colon).trim(), parseCount(pair.slice(colon + 1))];
  }));
}

function requestFromQuery(search) {
  const params = new URLSearchParams(search);
  const defaults = grid.defaults;
  return {
    archetype: params.get("archetype") ?? defaults.archetype,
    stage: params.get("stage") ?? defaults.stage,
    data: params.get("data") ?? defaults.data,
    headcount: params.has("headcount") ? parseCount(params.get("headcount")) : defaults.headcount,
    existing: params.has("existing") ? parseExisting(params.get("existing")) : {},
    lead_now: leadNowFromQuery(params),
  };
}

// lead=now -> true; no lead parameter -> false; anything else stays text for the engine to name.
function leadNowFromQuery(params) {
  if (!params.has("lead")) return false;
  const value = params.get("lead");
  return value === "now" ? true : value;
}

// "archetype.stage.data/headcount" (".lead-now" after data for a lead now) when the request's
// plan was precomputed, else null. The same key as engine/grid.py's grid_key: the part before
// the slash names the plans file (grid_setting), the part after the plan in it.
function gridKey(request) {
  const { headcount } = request;
  const leadNow = request.lead_now === true;
  const onGrid = grid.archetypes.includes(request.archetype) &&
    grid.stages.includes(request.stage) &&
    grid.data.includes(request.data) &&
    (request.lead_now === false || (leadNow && grid.leadNow)) &&
    Number.isInteger(headcount) && headcount >= 1 && headcount <= grid.maxHeadcount &&
    Object.keys(request.existing).length === 0;
  const lead = leadNow ? grid.leadNowKey : "";
  return onGrid ? `${request.archetype}.${request.stage}.${request.data}${lead}/${headcount}` : null;
}

window.HandbookCalculatorUrl = { grid, parseCount, parseExisting, requestFromQuery, gridKey };
})();
