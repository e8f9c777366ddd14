// Team calculator: the page's side of the Python engine (loaded only by /calculator/, after
// calculator-offline.js and before calculator.js).
//
// The engine runs in Pyodide in a module worker (calculator-worker.js, started through
// calculator-offline.js so that the calculator's service worker controls it, or already started
// by the page head for a link that needs it: calculator-prefetch.js). This file starts it, shows
// its state in the status lines, and turns requests into answers:
//   const engine = window.HandbookCalculatorEngine.create(options);
//   engine.start(); engine.startWhenIdle(); await engine.ask(request); engine.state
// options: assets (the calculator folder's URL), engine (the engine's file list from the boot
// data), maxHeadcount (the grid's, for the "could not load" message), warmUp() (the sample
// requests to work out once ready), engineStatus and offlineStatus (the two status elements).

(() => {
"use strict";

function create(options) {
  const { engineStatus, offlineStatus } = options;
  const offline = window.HandbookCalculatorOffline;
  const engine = { worker: null, state: "loading", error: "", pending: new Map(), nextId: 1 };

  function showEngineState(state, text) {
    engineStatus.dataset.state = state;
    engineStatus.textContent = `Python engine: ${text}`;
  }

  function engineFailed(error) {
    if (engine.state === "failed") return;
    engine.state = "failed";
    engine.error = error || "the worker script did not load";
    showEngineState(
      "failed",
      `could not load (${engine.error}). Plans with no existing team and up to ` +
        `${options.maxHeadcount} new hires still work.`,
    );
    for (const resolve of engine.pending.values()) resolve(engineUnavailable());
    engine.pending.clear();
  }

  function engineUnavailable() {
    return { ok: false, error: `the Python engine could not load: ${engine.error}` };
  }

  function onWorkerMessage(event) {
    const message = event.data;
    if (message.type === "progress") {
      const { step, steps } = message;
      showEngineState("loading", `loading, step ${step} of ${steps}: ${message.message}…`);
    } else if (message.type === "snapshot" && message.state === "fallback") {
      const why = `the snapshot was not used (${message.reason})`;
      showEngineState("loading", `${why}; starting Python the plain way…`);
    } else if (message.type === "ready") {
      engine.state = "ready";
      const how = message.restored ? "from the build's snapshot"
        : message.fallback ? `without the snapshot: ${message.fallback}` : "without a snapshot";
      const seconds = message.seconds.toFixed(1);
      const where = "every input is now worked out in your browser";
      showEngineState("ready", `ready (loaded in ${seconds} s ${how}); ${where}.`);
      offline.keepOffline(showOfflineState);
    } else if (message.type === "warm") {
      engineStatus.dataset.warm = "true"; // the interpreter is at full speed (calculator-worker.js)
    } else if (message.type === "failed") {
      engineFailed(message.error);
    } else if (message.type === "answer") {
      const resolve = engine.pending.get(message.id);
      engine.pending.delete(message.id);
      if (resolve) resolve(message.response);
    }
  }

  function showOfflineState(state, text) {
    offlineStatus.dataset.state = state;
    offlineStatus.textContent = `Offline use: ${text}`;
  }

  // The page's <head> starts the worker itself for links that need the engine
  // (partials/calculator-prefetch.html); take it over, with the messages it has sent so far.
  function adoptEarlyWorker() {
    const early = window.handbookCalculatorWorker;
    if (!early) return false;
    engine.worker = early.worker;
    engine.worker.onmessage = onWorkerMessage;
    engine.worker.onerror = (event) => engineFailed(event.message);
    for (const event of early.events) {
      if (event.type === "error") engineFailed(event.message);
      else onWorkerMessage(event);
    }
    return true;
  }

  function startEngine() {
    if (engine.worker || engine.state === "failed") return;
    showEngineState("loading", "loading in the background…");
    if (!adoptEarlyWorker()) {
      try {
        engine.worker = offline.startWorker();
      } catch (error) {
        engineFailed(`this browser cannot start a module worker: ${error.message}`);
        return;
      }
      engine.worker.onmessage = onWorkerMessage;
      engine.worker.onerror = (event) => engineFailed(event.message);
    }
    engine.worker.postMessage({
      type: "init", assets: options.assets, engine: options.engine, warm: options.warmUp(),
    });
  }

  // With the first answer on the page, Python can wait until the reader turns to the form (focusin,
  // see start()) or the page has loaded and then been quiet for a while: its seconds of CPU and
  // 18 MB of downloads then do not compete with the page's own start (on a phone, the same cores),
  // and the page is interactive before they begin. A change before that starts it at once.
  const ENGINE_AFTER_LOAD_MS = 5000;

  function startEngineWhenIdle() {
    const idle = () => ("requestIdleCallback" in window
      ? window.requestIdleCallback(startEngine, { timeout: 1000 })
      : startEngine());
    const soon = () => window.setTimeout(idle, ENGINE_AFTER_LOAD_MS);
    if (!engine.worker && engine.state === "loading") {
      showEngineState("loading", "starts in a few seconds, or as soon as you use the form.");
    }
    if (document.readyState === "complete") soon();
    else window.addEventListener("load", soon, { once: true });
  }

  function askEngine(request) {
    startEngine();
    if (engine.state === "failed") return Promise.resolve(engineUnavailable());
    return new Promise((resolve) => {
      const id = engine.nextId++;
      engine.pending.set(id, resolve);
      engine.worker.postMessage({ type: "recommend", id, request });
    });
  }

  return {
    start: startEngine,
    startWhenIdle: startEngineWhenIdle,
    ask: askEngine,
    get state() { return engine.state; },
  };
}

window.HandbookCalculatorEngine = { create };
})();
