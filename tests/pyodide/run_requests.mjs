// Answer calculator requests with the site's own Pyodide, wheel and lockfile, in Node.
//
//   node run_requests.mjs <site dir>  < requests.json  > answers.json
//
// requests.json: [{"kind": "...", "request": "<JSON string>"}, ...]
// answers.json:  {"pyodide": version, "python": sys.version, "responses": ["<JSON string>", ...]}
// The runtime is loaded once from the built site (assets/pyodide/<version>/), and the
// calculators package through the site's lockfile, exactly as the calculator pages load it.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = resolve(process.argv[2]);
const runtimes = join(site, "assets", "pyodide");
const [version] = readdirSync(runtimes);
const indexURL = join(runtimes, version) + "/";
const { loadPyodide } = await import(pathToFileURL(join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL,
  lockFileURL: join(site, "assets", "calculators", "pyodide-lock.json"),
  packages: ["calculators"],
  stdout: () => {},
});
const api = pyodide.pyimport("calculators.api");
// Read as a stream: readFileSync(0) fails with EAGAIN on a pipe whose writer is still writing.
process.stdin.setEncoding("utf8");
let input = "";
for await (const chunk of process.stdin) input += chunk;
const requests = JSON.parse(input);
const responses = requests.map(({ kind, request }) => api.run(kind, request));
process.stdout.write(
  JSON.stringify({
    pyodide: pyodide.version,
    python: pyodide.runPython("import sys; sys.version"),
    responses,
  }),
);
