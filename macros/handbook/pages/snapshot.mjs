// The calculator's Pyodide memory snapshot, made at build time in Node (pages/snapshot.py runs it).
//
// usage: node snapshot.mjs <pyodide dir> <out file>   (stdin: {"rules": "<rules.json text>",
//        "sources": [["__init__.py", "<text>"], ["engine/plan.py", "<text>"], ...]})
// Loads Pyodide with _makeSnapshot, writes the engine into its file system, imports it, answers one
// request (so the rules parse and every import is already done), stores a self-test in the heap,
// and writes pyodide.makeMemorySnapshot() to <out file>. Prints {"bytes", "fingerprint", "ms"}.
//
// The worker (docs/assets/javascripts/calculator-worker.js) restores it with _loadSnapshot, then
// calls handbook._snapshot_selftest(fingerprint, rules): the fingerprint is computed there the
// same way as here, so a snapshot of other engine files or rules is never used.
// Only strings cross into Python and no JS object stays referenced from Python: anything else
// cannot be serialised ("Can't serialize object at index N").

import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PACKAGE_PARENT = "/home/pyodide/calculator";
const WARM_REQUEST = {
  archetype: "custom-models", stage: "prototype", data: "low", headcount: 12,
  existing: { "ml-engineer": 2 },
};

// sha-256 hex over the rules and every (name, source): the worker's fingerprint() is the same.
async function fingerprint(rulesText, sources) {
  const parts = [rulesText, ...sources.flatMap(([name, source]) => [name, source])];
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\u0000")));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

const WARM_UP = `
import sys, gc
sys.path.insert(0, ${JSON.stringify(PACKAGE_PARENT)})
import handbook, handbook.engine
_warm = handbook.engine.recommend_json(_rules_text, _warm_request)

def _make_selftest(expected_fingerprint, request_json, answer_json):
    def selftest(fingerprint, rules_text):
        if fingerprint != expected_fingerprint:
            return "the snapshot was made from other engine files or rules"
        if handbook.engine.recommend_json(rules_text, request_json) != answer_json:
            return "the restored engine gave a different answer to the build's test request"
        return "ok"
    return selftest

handbook._snapshot_selftest = _make_selftest(_fingerprint, _warm_request, _warm)
del _rules_text, _warm_request, _fingerprint, _make_selftest
gc.collect()
_warm`;

async function makeSnapshot(loadPyodide, indexURL, rulesText, sources) {
  const pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, _makeSnapshot: true });
  for (const [name, source] of sources) {
    const path = `${PACKAGE_PARENT}/handbook/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, source);
  }
  pyodide.globals.set("_rules_text", rulesText);
  pyodide.globals.set("_warm_request", JSON.stringify(WARM_REQUEST));
  pyodide.globals.set("_fingerprint", await fingerprint(rulesText, sources));
  const warm = pyodide.runPython(WARM_UP);
  pyodide.runPython("del _warm");
  if (!JSON.parse(warm).ok) throw new Error(`the warm-up request failed: ${warm}`);
  return pyodide.makeMemorySnapshot();
}

async function main() {
  const [pyodideDir, out] = process.argv.slice(2).map((path) => resolve(path));
  const { rules, sources } = JSON.parse(readFileSync(0, "utf8"));
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
  const started = performance.now();
  const snapshot = await makeSnapshot(loadPyodide, `${pyodideDir}/`, rules, sources);
  writeFileSync(out, snapshot);
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ bytes: snapshot.length, fingerprint: await fingerprint(rules, sources), ms }));
}

main().then(
  () => process.exit(0), // Pyodide keeps Node's event loop alive
  (error) => {
    const lines = String(error && error.stack ? error.message : error).split("\n").filter(Boolean);
    process.stderr.write(`${lines[lines.length - 1] || "unknown error"}\n`);
    process.exit(1);
  },
);
