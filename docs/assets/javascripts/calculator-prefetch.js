// Calculator page head: runs before the stylesheets and the theme's scripts. A shared link on
// the standard grid has a plan precomputed at build time: start fetching it now, so that
// calculator.js can show it before the theme occupies the main thread. Any other link with a
// query needs the Python engine: start its worker (Pyodide, seconds of work) now instead.
// The choice comes from calculator-grid.js, which calculator.js uses too.

(() => {
"use strict";

const { requestFromQuery, gridKey } = window.HandbookCalculatorUrl;
if (!location.search) return; // the default plan is in the page
const key = gridKey(requestFromQuery(location.search));
window.handbookCalculatorChoice = key ? "grid" : "engine";
if (key) {
  const site = new URL("../../", document.currentScript.src);
  const setting = key.split("/")[0]; // one file holds the setting's plans for every headcount
  const plans = fetch(new URL(`calculator/plans/${setting}.json`, site), { priority: "high" })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  window.handbookCalculatorPrefetch = { [setting]: plans };
  return;
}
try {
  const worker = window.HandbookCalculatorOffline.startWorker(); // the snapshot's, with its guard
  const early = { worker, events: [] };
  worker.onmessage = worker.onerror = (event) => early.events.push(event);
  window.handbookCalculatorWorker = early;
} catch {
  // calculator.js starts the worker again and reports the failure
}
})();
