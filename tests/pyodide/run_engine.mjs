// Run the calculator engine under real Pyodide (the npm package, offline) for a list of cases.
//
// stdin:  {"rules_json": "<rules as JSON text>", "requests": ["<request JSON>", ...],
//          "modules": ["__init__.py", "engine/__init__.py", "spec/language.py", ...]}
//         modules: paths inside macros/handbook/, as the calculator page lists them
//         (pages/calculator.py engine_sources()); default: __init__.py and every .py file of
//         the browser packages, spec/ and engine/ (engine.BROWSER_PACKAGES).
// stdout: {"python": "<version>", "results": ["<recommend_json output>", ...],
//          "modules": [<paths installed>], "timing_ms": {"load": n, "import": n, "calls": [n, ...]}}
// Exit 3 when node_modules/pyodide is missing (run `npm ci` at the repository root).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE_DIR = join(ROOT, "node_modules", "pyodide");
const PACKAGE_SOURCE = join(ROOT, "macros", "handbook");
const BROWSER_PACKAGES = ["spec", "engine"];
const PACKAGE_DIR = "/home/pyodide/calculator/handbook";

function fail(message, code) {
  process.stderr.write(`run_engine.mjs: ${message}\n`);
  process.exit(code);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function engineModules(requested) {
  if (requested) return requested;
  const modules = ["__init__.py"];
  for (const name of BROWSER_PACKAGES) {
    const files = readdirSync(join(PACKAGE_SOURCE, name)).filter((file) => file.endsWith(".py"));
    modules.push(...files.sort().map((file) => `${name}/${file}`));
  }
  return modules;
}

function install(pyodide, modules) {
  for (const name of modules) {
    const path = `${PACKAGE_DIR}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, readFileSync(join(PACKAGE_SOURCE, name), "utf8"));
  }
  pyodide.runPython(`import sys; sys.path.insert(0, "${dirname(PACKAGE_DIR)}")`);
}

async function main() {
  if (!existsSync(join(PYODIDE_DIR, "pyodide.mjs"))) {
    fail(`${PYODIDE_DIR} is missing: run \`npm ci\` in ${ROOT}`, 3);
  }
  const input = await readStdin();
  const { loadPyodide } = await import(pathToFileURL(join(PYODIDE_DIR, "pyodide.mjs")).href);

  let started = performance.now();
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR + "/",
    stdout: (line) => process.stderr.write(`[python] ${line}\n`),
    stderr: (line) => process.stderr.write(`[python] ${line}\n`),
  });
  const load = performance.now() - started;

  started = performance.now();
  const modules = engineModules(input.modules);
  install(pyodide, modules);
  const engine = pyodide.pyimport("handbook.engine");
  const recommendJson = engine.recommend_json;
  const version = pyodide.runPython("import sys; sys.version.split()[0]");
  const importTime = performance.now() - started;

  const results = [];
  const calls = [];
  for (const request of input.requests) {
    started = performance.now();
    results.push(recommendJson(input.rules_json, request));
    calls.push(performance.now() - started);
  }
  recommendJson.destroy();
  engine.destroy();
  const output = {
    python: version,
    results,
    modules,
    timing_ms: { load, import: importTime, calls },
  };
  process.stdout.write(JSON.stringify(output) + "\n");
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error), 1));
