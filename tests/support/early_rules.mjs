// Runs the page's eligibility evaluator (docs/assets/calculators/rules.js) over a batch, in one
// Node process: stdin {rules, requests, today}, stdout the decisions (null: left to Python).
// Node 20 reads a `.js` file as CommonJS, so the module is imported from its source text.
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../../docs/assets/calculators/rules.js", import.meta.url), "utf8");
const { decide } = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
const { rules, requests, today } = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(requests.map((request) => decide(rules, request, today))));
