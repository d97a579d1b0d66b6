// Module worker for baseline-worker.html: the site's own pyodide.mjs, loadPyodide(), 1+1.
// It imports pyodide.mjs the way docs/assets/calculators/worker.js does (a dynamic import).
// With ?package=<name> (a diagnostic, not the baseline) it also loads that package through the
// lockfile, imports <name>.api and answers one equivalence request, as the calculator worker
// does, but without any page around it.
const indexURL = new URL("__PYODIDE_INDEX__", self.location).href;
const name = new URLSearchParams(self.location.search).get("package");
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
const importedMs = performance.now();
const pyodide = await loadPyodide({
  indexURL,
  lockFileURL: new URL("__LOCKFILE__", self.location).href,
  packages: name ? [name] : [],
});
const loadedMs = performance.now();
let result = pyodide.runPython("1+1");
if (name) {
  const answer = JSON.parse(pyodide.pyimport(`${name}.api`).run("equivalence", '{"level": "technician"}'));
  result = answer.equivalent ? 2 : answer;
}
postMessage({ result, importedMs, loadedMs, answerMs: performance.now() });
