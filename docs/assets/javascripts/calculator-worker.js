// Team-calculator worker (a MODULE worker: Pyodide 314 refuses classic workers).
// Loads the self-hosted Pyodide runtime and the handbook's Python engine, then answers requests.
// Started as calculator/worker.js (which imports this module), so that the calculator's service
// worker controls it; `?snapshot=snapshot/engine-<key>.bin.gz` on that URL (relative to
// calculator/) restores the build's memory snapshot (pages/snapshot.mjs) instead of starting
// Python and importing the engine. If restoring fails, or the restored heap is not the engine of
// these files and rules, it loads Pyodide the plain way and says why ("fallback").
//
// Pyodide starts loading as soon as the worker does; the engine is installed on "init".
// Messages in:  {type: "init", assets: "<absolute URL of calculator/>", engine: ["__init__.py", "engine/plan.py", ...],
//                warm: [request, ...] (sample plans worked out after "ready")}
//               {type: "recommend", id, request: {archetype, stage, data, headcount, existing}}
// Messages out: {type: "progress", step, steps, message}
//               {type: "snapshot", state: "downloaded" | "restored" | "fallback", reason?}
//               {type: "ready", seconds, restored: bool, fallback: null | "<why not restored>"}
//               {type: "warm", plans, seconds} (after the warm-up plans)
//               {type: "failed", error: "<one line>"}
//               {type: "answer", id, response: {ok: true, plan} | {ok: false, error}}
// A restore that blocks this thread cannot be caught here: calculator-offline.js (page side)
// restarts the worker without the snapshot when "ready" does not follow "downloaded" in time.

const PACKAGE_PARENT = "/home/pyodide/calculator";
const PACKAGE_DIR = `${PACKAGE_PARENT}/handbook`;
const STEPS = 3;
const RUNTIME_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const STALL_SECONDS = 120;

// The site's calculator assets, beside this script's folder: assets/javascripts/ -> calculator/.
const ASSETS = new URL("../../calculator/", import.meta.url).href;
const INDEX_URL = new URL("pyodide/", ASSETS).href;
const SNAPSHOT = new URL(self.location.href).searchParams.get("snapshot");
let engineReady = null; // Promise of the Python function recommend_json, set by "init"

function report(step, message) {
  self.postMessage({ type: "progress", step, steps: STEPS, message });
}

function oneLine(error) {
  const text = error && error.message ? error.message : String(error);
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  // A Python traceback ends with its most useful line; a JS error starts with it.
  const useful = text.includes("Traceback") ? lines[lines.length - 1] : lines[0];
  return useful || "unknown error";
}

async function fetchOk(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not download ${url} (${oneLine(error)})`);
  }
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response;
}

async function fetchText(url) {
  return (await fetchOk(url)).text();
}

// The snapshot is shipped gzipped and inflated here (hosts need not compress it; gzip's CRC
// catches a damaged download). A host that decoded it already is fine too.
async function fetchSnapshot(url) {
  const bytes = new Uint8Array(await (await fetchOk(url)).arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

// sha-256 hex of the rules and engine sources, exactly as pages/snapshot.mjs computes it.
async function fingerprint({ rulesText, sources }) {
  const parts = [rulesText, ...sources.flatMap(([name, source]) => [name, source])];
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\u0000")));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function fetchEngine(assets, engineFiles) {
  const names = ["rules.json", ...engineFiles.map((name) => `engine/${name}`)];
  const texts = await Promise.all(names.map((name) => fetchText(new URL(name, assets).href)));
  const [rulesText, ...sources] = texts;
  return { rulesText, sources: engineFiles.map((name, index) => [name, sources[index]]) };
}

// loadPyodide never settles when pyodide.asm.wasm cannot be fetched (Emscripten only logs a
// warning), so the runtime files are checked alongside it: this rejects on the first missing
// file and never resolves otherwise.
async function missingRuntimeFile(indexURL) {
  const checks = RUNTIME_FILES.map(async (name) => {
    const url = `${indexURL}${name}`;
    let response;
    try {
      response = await fetch(url, { method: "HEAD" });
    } catch (error) {
      throw new Error(`could not download ${url} (${oneLine(error)})`);
    }
    if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  });
  await Promise.all(checks);
  return new Promise(() => {});
}

function stalled(seconds) {
  return new Promise((_, reject) => setTimeout(
    () => reject(new Error(`Pyodide did not start within ${seconds} s`)), seconds * 1000));
}

let pyodideModule = null;
async function loadPyodideOnce(options = {}) { // may run again after a failed restore
  const indexURL = INDEX_URL;
  if (!pyodideModule) {
    try {
      pyodideModule = await import(`${indexURL}pyodide.mjs`);
    } catch (error) {
      throw new Error(`could not load pyodide.mjs (${oneLine(error)})`);
    }
  }
  const loading = pyodideModule.loadPyodide({ indexURL, packageBaseUrl: indexURL, ...options })
    .catch((error) => { throw new Error(`Pyodide did not start (${oneLine(error)})`); });
  return Promise.race([loading, missingRuntimeFile(indexURL), stalled(STALL_SECONDS)]);
}

function fellBack(reason) {
  console.warn(`calculator: ${reason}; loading Pyodide without the snapshot`);
  self.postMessage({ type: "snapshot", state: "fallback", reason });
  return reason;
}

// {pyodide, restored, fallback}: the snapshot's download overlaps Pyodide's own (loadPyodide
// takes a promise and awaits it after starting the wasm, stdlib and lock file downloads).
async function startPyodide() {
  if (!SNAPSHOT) return { pyodide: await loadPyodideOnce(), restored: false, fallback: null };
  let fallback;
  try {
    const snapshot = fetchSnapshot(new URL(SNAPSHOT, ASSETS).href).then((bytes) => {
      self.postMessage({ type: "snapshot", state: "downloaded", bytes: bytes.length });
      return bytes;
    });
    const pyodide = await loadPyodideOnce({ _loadSnapshot: snapshot });
    self.postMessage({ type: "snapshot", state: "restored" });
    return { pyodide, restored: true, fallback: null };
  } catch (error) {
    fallback = fellBack(`the snapshot did not restore: ${oneLine(error)}`);
  }
  return { pyodide: await loadPyodideOnce(), restored: false, fallback };
}

// The build stored a self-test in the heap: it compares the fingerprint of the files and rules
// it was made from, and answers its warm-up request again. null when the restored engine is fit.
function snapshotProblem(pyodide, expected, rulesText) {
  let handbook;
  try {
    handbook = pyodide.pyimport("handbook");
    const verdict = handbook._snapshot_selftest(expected, rulesText);
    return verdict === "ok" ? null : String(verdict);
  } catch (error) { // includes Pyodide fatal errors
    return `the snapshot's self-test failed (${oneLine(error)})`;
  } finally {
    if (handbook) try { handbook.destroy(); } catch { /* already gone */ }
  }
}

// After a restore the modules are in sys.modules but not in the file system (MEMFS is not part of
// the snapshot): the files are written again, for tracebacks and any later import.
function installEngine(pyodide, sources) {
  for (const [name, source] of sources) {
    const path = `${PACKAGE_DIR}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, source);
  }
  try {
    const parent = JSON.stringify(PACKAGE_PARENT);
    pyodide.runPython(`import sys\nif ${parent} not in sys.path: sys.path.insert(0, ${parent})`);
    return pyodide.pyimport("handbook.engine").recommend_json;
  } catch (error) {
    throw new Error(`the engine did not import (${oneLine(error)})`);
  }
}

// V8 compiles Pyodide's interpreter with its optimising tier only once it has run hot: right
// after a start, a plan takes several times longer than a few seconds later. So, once "ready",
// the worker works out the page's sample plans (init's `warm`), one per task, and then says
// "warm": a real request that arrives meanwhile is answered between two of them, and the first
// request of a link that needed the engine is answered before any of them.
function warmUp(recommendJson, rulesText, requests) {
  return new Promise((resolve) => {
    let next = 0;
    const step = () => {
      if (next >= requests.length) return resolve();
      try {
        recommendJson(rulesText, JSON.stringify(requests[next++]));
      } catch {
        return resolve(); // a real request will report what is wrong
      }
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
  });
}

async function loadEngine({ assets, engine, warm = [] }) {
  report(1, "downloading the Python runtime and the engine");
  const enginePromise = fetchEngine(assets, engine);
  enginePromise.catch(() => {}); // reported below, after Pyodide settles
  let { pyodide, restored, fallback } = await pyodideStarting;
  report(2, "starting the engine");
  const texts = await enginePromise;
  const problem = restored && snapshotProblem(pyodide, await fingerprint(texts), texts.rulesText);
  if (problem) {
    fallback = fellBack(problem);
    pyodide = await loadPyodideOnce();
    restored = false;
  }
  // The heap holds the build's `random` state: reseed, so visitors do not share one sequence.
  if (restored) pyodide.runPython("import random\nrandom.seed()");
  const recommendJson = installEngine(pyodide, texts.sources);
  const recommend = (request) => JSON.parse(recommendJson(texts.rulesText, JSON.stringify(request)));
  self.postMessage({ type: "ready", seconds: performance.now() / 1000, restored, fallback });
  const started = performance.now();
  warmUp(recommendJson, texts.rulesText, warm).then(() => self.postMessage({
    type: "warm", plans: warm.length, seconds: (performance.now() - started) / 1000,
  }));
  return recommend;
}

async function answer({ id, request }) {
  let response;
  try {
    const recommend = await engineReady;
    response = recommend(request);
  } catch (error) {
    response = { ok: false, error: `the Python engine is not available: ${oneLine(error)}` };
  }
  self.postMessage({ type: "answer", id, response });
}

const pyodideStarting = startPyodide();
pyodideStarting.catch(() => {}); // reported when "init" waits for it

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === "init" && engineReady === null) {
    engineReady = loadEngine(message);
    engineReady.catch((error) => self.postMessage({ type: "failed", error: oneLine(error) }));
  } else if (message.type === "recommend") {
    answer(message);
  }
};
