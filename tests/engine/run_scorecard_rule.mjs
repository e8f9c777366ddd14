// Run docs/assets/javascripts/scorecard-rule.js under Node for a list of cases.
// stdin:  {"rule": {...}, "axes": [{id, name, expected}], "cases": [{axisId: rating}, ...]}
// stdout: [{"verdict": ..., "reason": ...}, ...] in the order of the cases.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const rule = require(join(ROOT, "docs", "assets", "javascripts", "scorecard-rule.js"));
const input = JSON.parse(readFileSync(0, "utf-8"));
const results = input.cases.map((ratings) => rule.decide(input.rule, input.axes, ratings));
process.stdout.write(JSON.stringify(results));
