// Answer calculator requests with the site's own Pyodide, wheel and lockfile, in Node.
//
//   node run_requests.mjs <site dir> [<runtime dir>]  < requests.json  > answers.json
//
// requests.json: [{"kind": "...", "request": "<JSON string>"}, ...]; a roster as
//                {"kind": "roster", "request": "<the file's bytes, base64>", "lang", "as_of"},
//                answered as the roster page's worker answers it (calculators.roster.page), its
//                response {"answer": <the page's JSON>, "xlsx", "csv": <base64>} as a string
// answers.json:  {"pyodide": version, "python": sys.version, "responses": ["<JSON string>", ...],
//                 "modules": [every module imported by the end]}
// The runtime is loaded once from the built site (assets/pyodide/<version>/), and the
// calculators package from the wheel the site's lockfile names, as the calculator pages load it.
// A <runtime dir> (the npm package's, with the whole standard library) replaces the site's:
// that is how the modules the site's cut-down library must hold are traced.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = resolve(process.argv[2]);
const runtimes = join(site, "assets", "pyodide");
const [version] = readdirSync(runtimes);
const indexURL = (process.argv[3] ? resolve(process.argv[3]) : join(runtimes, version)) + "/";
// The site ships its standard library cut down, under a name with its digest; the npm
// package's folder holds the whole one under Pyodide's default name.
const cut = readdirSync(indexURL).find((name) => /^python_stdlib-\w+\.zip$/.test(name));
const stdLibURL = indexURL + (cut ?? "python_stdlib.zip");
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const packages = join(site, "assets", "calculators");
const lockFileURL = join(packages, "pyodide-lock.json");
const pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileURL, stdout: () => {} });
// The calculators wheel as worker.js takes it: checked against the lockfile's SHA-256, then
// imported from the zip itself (zipimport), not installed.
const { file_name: wheelName, sha256 } = JSON.parse(readFileSync(lockFileURL, "utf8")).packages.calculators;
const wheel = readFileSync(join(packages, wheelName));
if (createHash("sha256").update(wheel).digest("hex") !== sha256) throw new Error(`${wheelName} does not match the lockfile`);
pyodide.FS.writeFile("/lib/calculators-wheel.zip", wheel);
pyodide.runPython('import sys; sys.path.insert(0, "/lib/calculators-wheel.zip")');
const api = pyodide.pyimport("calculators.api");
// Read as a stream: readFileSync(0) fails with EAGAIN on a pipe whose writer is still writing.
process.stdin.setEncoding("utf8");
let input = "";
for await (const chunk of process.stdin) input += chunk;
const requests = JSON.parse(input);
const responses = requests.map(({ kind, request, lang, as_of: asOf }) =>
  kind === "roster" ? roster(request, lang, asOf) : api.run(kind, request),
);

// The bytes in and out as the worker passes them (worker.js `checkRoster`).
function roster(base64, lang, asOf) {
  const page = pyodide.pyimport("calculators.roster.page");
  const data = pyodide.toPy(new Uint8Array(Buffer.from(base64, "base64")));
  const out = page.check_for_page(data, lang, asOf);
  const file = (i) => Buffer.from(out.get(i).toJs().slice()).toString("base64");
  const response = { answer: JSON.parse(out.get(0)), xlsx: file(1), csv: file(2) };
  out.destroy();
  data.destroy();
  return JSON.stringify(response);
}
// A Python error reaching JavaScript is formatted by the traceback module: trace that too.
try {
  pyodide.runPython("raise ValueError('traced')");
} catch {}
process.stdout.write(
  JSON.stringify({
    pyodide: pyodide.version,
    python: pyodide.runPython("import sys; sys.version"),
    responses,
    modules: pyodide.runPython("import sys; sorted(sys.modules)").toJs(),
  }),
);
