// Load the site's Pyodide and calculators wheel (through the site's lockfile), fetch the
// benchmark's cases, and time `run_batch` over them `rounds` times, two ways:
//  - from JS, as a page would call it: JSON string in, JSON string out (the result crosses
//    into JS, which the page would need);
//  - inside Python (time.perf_counter), the result left in Python: like for like with CPython;
//  - from JS again with `detail="summary"` (the compact batch form: the decision only).
// Each round answers every case of every kind; the Python side also hashes the answers so
// they can be compared with CPython's.
const params = new URLSearchParams(self.location.search);
const rounds = Number(params.get("rounds") || "5");
try {
  const indexURL = new URL("__PYODIDE_INDEX__", self.location).href;
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const t0 = performance.now();
  const pyodide = await loadPyodide({
    indexURL,
    lockFileURL: new URL("__LOCKFILE__", self.location).href,
    packages: ["__PACKAGE__"],
  });
  const api = pyodide.pyimport("__PACKAGE__.api");
  const startupMs = performance.now() - t0;
  const cases = await (await fetch("__BENCH__cases.json")).json();
  const batches = Object.entries(cases).map(([kind, list]) => [kind, JSON.stringify(list), list.length]);
  const decisions = batches.reduce((n, [, , count]) => n + count, 0);
  pyodide.runPython(`
import hashlib, time
from __PACKAGE__ import api as _api

def bench_inside(batches):
    batches = [(str(kind), str(text), count) for kind, text, count in batches]
    digest = hashlib.sha256()
    start = time.perf_counter()
    outs = [_api.run_batch(kind, text) for kind, text, _ in batches]
    seconds = time.perf_counter() - start
    for out in outs:
        digest.update(out.encode())
    return seconds, digest.hexdigest()
`);
  const benchInside = pyodide.globals.get("bench_inside");
  api.run("equivalence", "{}"); // first use loads the compiled policy: not a decision
  const fromJs = [];
  const inside = [];
  const fromJsSummary = [];
  let sha = "";
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const [kind, text] of batches) api.run_batch(kind, text);
    fromJs.push((performance.now() - start) / 1000);
    const [seconds, digest] = benchInside(batches).toJs();
    inside.push(seconds);
    sha = digest;
    const startSummary = performance.now();
    for (const [kind, text] of batches) api.run_batch.callKwargs(kind, text, { detail: "summary" });
    fromJsSummary.push((performance.now() - startSummary) / 1000);
  }
  postMessage({ decisions, rounds, startupMs, fromJs, inside, fromJsSummary, sha, pyodide: pyodide.version });
} catch (error) {
  postMessage({ error: String(error && error.stack ? error.stack : error) });
}
