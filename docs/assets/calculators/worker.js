// The calculators' Python, in a module worker so the page stays responsive while it loads.
//
// Protocol (messages are plain objects):
//   page → worker  {type: "init", indexURL, stdLibURL, lockFileURL, package, snapshot, sizes}
//   worker → page  {type: "progress", loaded, total}   (bytes of the runtime's big files)
//   worker → page  {type: "ready", version, start: "fresh" | "snapshot"}
//                | {type: "failed", message, checksum: true | false}
//   page → worker  {type: "run", id, kind, request}        (request: a JSON string)
//   worker → page  {type: "result", id, response}          (response: a JSON string)
//   worker → page  {type: "snapshot", saved: true | false}
//   worker → page  {type: "restarting"}   (a restored runtime failed: "ready" follows again)
//   page → worker  {type: "roster", id, bytes, lang, asOf}  (bytes: an ArrayBuffer, transferred)
//   worker → page  {type: "progress", id, done, total}     (every 200 rows of a long roster)
//   worker → page  {type: "result", id, response, files: {xlsx, csv}}  (ArrayBuffers, transferred)
// Everything is fetched from the URLs the page passes in, all on the site's own origin.
//
// Second visits start from a memory snapshot. The first visit loads Pyodide and the wheel
// (checked against the lockfile's sha256), imports the package, reads the policy, answers, and
// then, while the visitor reads, stores a gzipped copy of the interpreter's memory in this
// browser's Cache Storage under `snapshot` (the Pyodide version and the wheel's digest, from
// the build), with its SHA-256 digest. The next visit checks the digest, restores that memory
// instead of starting Python and loading the wheel again, and asks the restored runtime one
// question before saying it is ready. A snapshot that cannot be read, does not match its digest,
// does not restore or cannot answer is deleted and the runtime starts afresh, in the same visit.

let starting = null; // the runtime: {api, version, start: "fresh" | "snapshot"}
let startAfresh = null;
let restarting = null;

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
    else countArrival(response);
    return response;
  } catch (error) {
    if (options?.integrity) error.checkedURL = String(resource); // see failure()
    fail(error);
    throw error;
  }
};

// Progress on a slow network: the bytes of the runtime's big files (the WebAssembly and the
// standard library) as they arrive, of their total. The build gives their sizes (`sizes`:
// URL → bytes as stored; the browser has undone any compression by the time a body is read,
// so the counts add up to those). A copy of each body is read as it arrives, so Pyodide's own
// reading is not touched; the page is told at most every PROGRESS_MS, and when all is in.
const PROGRESS_MS = 150;
const arrival = { sizes: new Map(), loaded: 0, total: 0, told: -Infinity, all: false }; // the first chunk is told at once

function countArrival(response) {
  const size = arrival.sizes.get(response.url);
  if (size === undefined || !response.body) return;
  arrival.sizes.delete(response.url); // each file counted once
  const reader = response.clone().body.getReader();
  const more = ({ done, value }) => {
    if (done) return undefined;
    arrival.loaded += value.byteLength;
    tellArrival();
    return reader.read().then(more);
  };
  reader.read().then(more).catch(() => {}); // a failed body fails the start elsewhere
}

function leaveUncounted(url) {
  arrival.total -= arrival.sizes.get(url) ?? 0;
  arrival.sizes.delete(url);
}

function tellArrival() {
  const now = performance.now();
  if (arrival.all || (arrival.loaded < arrival.total && now - arrival.told < PROGRESS_MS)) return;
  arrival.all = arrival.loaded >= arrival.total;
  arrival.told = now;
  self.postMessage({ type: "progress", loaded: Math.min(arrival.loaded, arrival.total), total: arrival.total });
}

// What the page is told when the start fails. A file refused by its integrity check fails as a
// network error does ("Failed to fetch"): fetch it once more without the check to tell which.
async function failure(error) {
  const url = error?.checkedURL;
  const checksum = Boolean(url) && (await fetchOnce(url).then((again) => again.ok, () => false));
  const message = checksum
    ? `${url} does not match its SHA-256 in the lockfile`
    : String(error && error.message ? error.message : error);
  return { type: "failed", message, checksum };
}

const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (args[0] === "wasm instantiation failed!") fail(new Error(args[0]));
  warn(...args);
};

// Once the page has been told, Pyodide's own pending work that rejects too is expected.
self.addEventListener("unhandledrejection", (event) => {
  if (failed) event.preventDefault();
});

const SNAPSHOTS = "hg-calculators-snapshots";
const DIGEST_HEADER = "X-Content-SHA256"; // of the stored (gzipped) bytes
let snapshotKey = null; // this build's key, where snapshots can be kept (Cache Storage exists)
let snapshotTimer = null;
let pyodideInstance = null;
let snapshotPackage = null; // the package's name, for what the snapshot imports first

async function start({ indexURL, stdLibURL, lockFileURL, package: name, snapshot, sizes = {} }) {
  arrival.sizes = new Map(Object.entries(sizes));
  arrival.total = [...arrival.sizes.values()].reduce((a, b) => a + b, 0);
  snapshotPackage = name;
  const storage = self.caches && self.crypto?.subtle; // both exist in secure contexts only
  snapshotKey = snapshot && storage ? new URL(`snapshot/${snapshot}`, indexURL).href : null;
  const packageBaseUrl = new URL(".", lockFileURL).href; // where the lockfile's wheels are
  const [{ loadPyodide }, saved, lockFile] = await Promise.all([
    import(new URL("pyodide.mjs", indexURL).href),
    readSnapshot(),
    readLockFile(lockFileURL),
  ]);
  if (saved) leaveUncounted(stdLibURL); // the snapshot holds the standard library
  // A fresh start fetches the wheel while Python starts, rather than after (loadPackage).
  const wheel = saved ? null : fetchWheel(lockFile, name, packageBaseUrl);
  const options = () => ({
    indexURL,
    stdLibURL, // the standard library cut down to what the calculators import
    lockFileContents: structuredClone(lockFile), // each start its own: Pyodide may change it
    packageBaseUrl,
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  startAfresh = async () => {
    const loading = loadPyodide({ ...options(), _makeSnapshot: Boolean(snapshotKey) });
    const [pyodide, bytes] = await Promise.race([
      Promise.all([loading, wheel ?? fetchWheel(lockFile, name, packageBaseUrl)]),
      startFailed,
    ]);
    importFromWheel(pyodide, bytes);
    const api = pyodide.pyimport(`${name}.api`);
    api.policy_index(); // read policy.json now: a snapshot holds memory, not the wheel's files
    pyodideInstance = pyodide;
    return { api, pyodide, name, version: pyodide.version, start: "fresh" };
  };
  if (saved) {
    try {
      const pyodide = await Promise.race([loadPyodide({ ...options(), _loadSnapshot: saved }), startFailed]);
      const api = pyodide.pyimport(`${name}.api`);
      // A first question: memory that restores can still be corrupt, and fail only when Python
      // runs ("memory access out of bounds"). Ready means it has answered once.
      JSON.parse(api.run("equivalence", "{}"));
      // pyodideInstance stays unset: a restored runtime has nothing new to save
      return { api, pyodide, name, version: pyodide.version, start: "snapshot" };
    } catch (error) {
      if (failed) throw error;
      console.warn("calculators: the saved snapshot did not restore; starting afresh:", error);
      await forgetSnapshots();
    }
  }
  return startAfresh();
}

// One answer. A restored runtime that fails a question all the same was restored from a bad
// snapshot: forget it, start afresh (the page says "loading" meanwhile) and ask again, once.
async function answer({ kind, request }) {
  const runtime = await starting;
  try {
    return runtime.api.run(kind, request);
  } catch (error) {
    if (runtime.start !== "snapshot") throw error;
    return (await restartAfresh(error)).api.run(kind, request);
  }
}

function restartAfresh(error) {
  if (!restarting) {
    console.warn("calculators: the restored runtime failed to answer; starting afresh:", error);
    self.postMessage({ type: "restarting" });
    restarting = starting = forgetSnapshots().then(startAfresh);
    const ready = ({ version, start }) => self.postMessage({ type: "ready", version, start });
    restarting.then(ready, () => {}); // a failed restart reaches the page with the answer
  }
  return restarting;
}

// A roster (the roster page): the file's bytes, handed over rather than copied, checked by
// calculators.roster.page row by row (the same `api.answer` as the single-person pages), with
// progress as it goes; the answer comes back with the results as .xlsx and .csv bytes.
async function checkRoster({ id, bytes, lang, asOf }) {
  let runtime = await starting;
  // No snapshot of a runtime that has held a roster: its memory has grown with the file.
  clearTimeout(snapshotTimer);
  snapshotKey = null;
  let page;
  try {
    page = runtime.pyodide.pyimport(`${runtime.name}.roster.page`);
  } catch (error) {
    // A restored runtime has the modules its snapshot had imported, not the wheel's files: one
    // saved by an older build of this script, without the roster's, cannot import them.
    if (runtime.start !== "snapshot") throw error;
    runtime = await restartAfresh(error);
    page = runtime.pyodide.pyimport(`${runtime.name}.roster.page`);
  }
  const { pyodide } = runtime;
  const data = pyodide.toPy(new Uint8Array(bytes));
  const progress = (done, total) => self.postMessage({ type: "progress", id, done, total });
  const out = page.check_for_page(data, lang, asOf, progress);
  try {
    const response = out.get(0);
    const [xlsx, csv] = [1, 2].map((i) => {
      const file = out.get(i);
      try {
        return file.toJs().slice().buffer; // its own copy: the Python object is freed below
      } finally {
        file.destroy();
      }
    });
    return { response, files: { xlsx, csv } };
  } finally {
    out.destroy();
    data.destroy();
    page.destroy();
  }
}

// Read here rather than by Pyodide, which throws an uncaught error for a lockfile that is
// missing or not JSON: here it fails the start, which the page reports.
async function readLockFile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  return response.json();
}

// The calculators' wheel, checked against the lockfile's SHA-256 (subresource integrity), as
// loadPackage would check it.
async function fetchWheel(lockFile, name, packageBaseUrl) {
  const { file_name: file, sha256: hex } = lockFile.packages[name];
  const digest = String.fromCharCode(...hex.match(/../g).map((byte) => parseInt(byte, 16)));
  const response = await fetch(new URL(file, packageBaseUrl), { integrity: `sha256-${btoa(digest)}` });
  return new Uint8Array(await response.arrayBuffer());
}

// Python imports the package from the wheel itself (a zip: zipimport, as it imports the
// standard library), with nothing unpacked and no package loader to import first.
function importFromWheel(pyodide, bytes) {
  const path = "/lib/calculators-wheel.zip";
  pyodide.FS.writeFile(path, bytes);
  const sys = pyodide.pyimport("sys");
  const searchPath = sys.path;
  searchPath.insert(0, path);
  searchPath.destroy();
  sys.destroy();
}

async function readSnapshot() {
  if (!snapshotKey) return null;
  try {
    const cache = await caches.open(SNAPSHOTS);
    const response = await cache.match(snapshotKey);
    if (!response) return null;
    const stored = await response.arrayBuffer();
    if (response.headers.get(DIGEST_HEADER) !== (await sha256(stored))) {
      throw new Error("its SHA-256 digest does not match");
    }
    const memory = new Blob([stored]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(memory).arrayBuffer());
  } catch (error) {
    console.warn("calculators: the saved snapshot is unreadable; starting afresh:", error);
    await forgetSnapshots();
    return null;
  }
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function forgetSnapshots() {
  try {
    await caches.delete(SNAPSHOTS);
  } catch {
    // nothing stored, or storage unavailable: either way nothing to forget
  }
}

// Save once the page's first questions are answered (or after a quiet second): the snapshot
// then holds everything those answers imported, and never delays them.
function snapshotSoon(delayMs) {
  if (!snapshotKey || !pyodideInstance) return;
  clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(saveSnapshot, delayMs);
}

async function saveSnapshot() {
  const pyodide = pyodideInstance;
  const key = snapshotKey;
  snapshotKey = null;
  pyodideInstance = null;
  let saved = false;
  try {
    // Pyodide refuses to snapshot while it lists loaded packages (it expects an empty record);
    // the restored interpreter needs none of that record: the package is already imported.
    // The roster page's Python too (imported, not run): a restored runtime has only the
    // modules imported before its snapshot, and the roster page starts from the same one.
    pyodide.pyimport(`${snapshotPackage}.roster.page`).destroy();
    const loaded = { ...pyodide.loadedPackages };
    for (const packageName of Object.keys(loaded)) delete pyodide.loadedPackages[packageName];
    let bytes;
    try {
      bytes = pyodide.makeMemorySnapshot();
    } finally {
      Object.assign(pyodide.loadedPackages, loaded);
    }
    await forgetSnapshots(); // one build's snapshot at a time
    const cache = await caches.open(SNAPSHOTS);
    // gzip: about 7 MB on the visitor's disk instead of 31 MB, for ~60 ms more on each restore
    const zipped = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
    const stored = await new Response(zipped).arrayBuffer();
    const headers = { "Content-Type": "application/gzip", [DIGEST_HEADER]: await sha256(stored) };
    await cache.put(key, new Response(stored, { headers }));
    saved = true;
  } catch (error) {
    console.warn("calculators: snapshot not saved:", error);
  }
  self.postMessage({ type: "snapshot", saved });
}

self.onmessage = async ({ data }) => {
  if (data.type === "init" && !starting) {
    starting = start(data);
    try {
      const { version, start: how } = await starting;
      self.postMessage({ type: "ready", version, start: how });
      snapshotSoon(1000);
    } catch (error) {
      self.postMessage(await failure(error));
    }
  } else if (data.type === "roster") {
    try {
      const { response, files } = await checkRoster(data);
      self.postMessage({ type: "result", id: data.id, response, files }, [files.xlsx, files.csv]);
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, failed: String(error) });
    }
  } else if (data.type === "run") {
    try {
      self.postMessage({ type: "result", id: data.id, response: await answer(data) });
      snapshotSoon(50);
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, failed: String(error) });
    }
  }
};
