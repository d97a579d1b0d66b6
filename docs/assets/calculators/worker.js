// The calculators' Python, in a module worker so the page stays responsive while it loads.
//
// Protocol (messages are plain objects):
//   page → worker  {type: "init", indexURL, lockFileURL, package}
//   worker → page  {type: "ready", version} | {type: "failed", message}
//   page → worker  {type: "run", id, kind, request}        (request: a JSON string)
//   worker → page  {type: "result", id, response}          (response: a JSON string)
// Everything is fetched from the URLs the page passes in, all on the site's own origin.

let api = null;
let starting = null;

// Failing loudly. Pyodide only logs some failures and then waits for ever: a runtime file that
// does not arrive (blocked, 404) or a WebAssembly module it cannot instantiate (corrupt, or
// served without `Content-Type: application/wasm`). So watch for those here: any of them, or
// a wheel failing its integrity check, fails the start at once.
let failed = false;
let fail;
const startFailed = new Promise((_, reject) => {
  fail = (error) => {
    failed = true;
    reject(error);
  };
});

const fetchOnce = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  try {
    const response = await fetchOnce(resource, options);
    if (!response.ok) fail(new Error(`${response.status} ${response.url}`));
    return response;
  } catch (error) {
    fail(error);
    throw error;
  }
};

const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (args[0] === "wasm instantiation failed!") fail(new Error(args[0]));
  warn(...args);
};

// Once the page has been told, Pyodide's own pending work that rejects too is expected.
self.addEventListener("unhandledrejection", (event) => {
  if (failed) event.preventDefault();
});

async function start({ indexURL, lockFileURL, package: name }) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const loading = loadPyodide({
    indexURL,
    lockFileURL,
    packages: [name],
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  const pyodide = await Promise.race([loading, startFailed]);
  api = pyodide.pyimport(`${name}.api`);
  return pyodide.version;
}

self.onmessage = async ({ data }) => {
  if (data.type === "init" && !starting) {
    starting = start(data);
    try {
      self.postMessage({ type: "ready", version: await starting });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
    }
  } else if (data.type === "run") {
    try {
      await starting;
      self.postMessage({ type: "result", id: data.id, response: api.run(data.kind, data.request) });
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, failed: String(error) });
    }
  }
};
