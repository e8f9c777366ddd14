// Team-calculator worker (a MODULE worker: Pyodide 314 refuses classic workers).
// Loads the self-hosted Pyodide runtime and the handbook's Python engine, then answers requests.
//
// Pyodide starts loading as soon as the worker does; the engine is installed on "init".
// Messages in:  {type: "init", assets: "<absolute URL of calculator/>", engine: ["__init__.py", "engine/plan.py", ...]}
//               {type: "recommend", id, request: {archetype, stage, data, headcount, existing}}
// Messages out: {type: "progress", step, steps, message}
//               {type: "ready", seconds}
//               {type: "failed", error: "<one line>"}
//               {type: "answer", id, response: {ok: true, plan} | {ok: false, error}}

const PACKAGE_PARENT = "/home/pyodide/calculator";
const PACKAGE_DIR = `${PACKAGE_PARENT}/handbook`;
const STEPS = 3;
const RUNTIME_FILES = ["pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];
const STALL_SECONDS = 120;

// The site's calculator assets, beside this script's folder: assets/javascripts/ -> calculator/.
const ASSETS = new URL("../../calculator/", import.meta.url).href;
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

async function fetchText(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not download ${url} (${oneLine(error)})`);
  }
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  return response.text();
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

async function startPyodide(assets) {
  const indexURL = new URL("pyodide/", assets).href;
  let pyodideModule;
  try {
    pyodideModule = await import(`${indexURL}pyodide.mjs`);
  } catch (error) {
    throw new Error(`could not load pyodide.mjs (${oneLine(error)})`);
  }
  const loading = pyodideModule.loadPyodide({ indexURL, packageBaseUrl: indexURL }).catch((error) => {
    throw new Error(`Pyodide did not start (${oneLine(error)})`);
  });
  return Promise.race([loading, missingRuntimeFile(indexURL), stalled(STALL_SECONDS)]);
}

function installEngine(pyodide, sources) {
  for (const [name, source] of sources) {
    const path = `${PACKAGE_DIR}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, source);
  }
  try {
    pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PACKAGE_PARENT)})`);
    return pyodide.pyimport("handbook.engine").recommend_json;
  } catch (error) {
    throw new Error(`the engine did not import (${oneLine(error)})`);
  }
}

async function loadEngine({ assets, engine }) {
  report(1, "downloading the Python runtime and the engine");
  const enginePromise = fetchEngine(assets, engine);
  enginePromise.catch(() => {}); // reported below, after Pyodide settles
  const pyodide = await pyodideStarting;
  report(2, "starting the engine");
  const { rulesText, sources } = await enginePromise;
  const recommendJson = installEngine(pyodide, sources);
  const recommend = (request) => JSON.parse(recommendJson(rulesText, JSON.stringify(request)));
  self.postMessage({ type: "ready", seconds: performance.now() / 1000 });
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

const pyodideStarting = startPyodide(ASSETS);
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
