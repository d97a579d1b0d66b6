// The site's service worker: offline after the first visit (build/hgpolicy/offline.py puts
// `BUILD` before this code: {version, precache, runtime}, addresses from the site's root).
//
// - Install keeps BUILD.precache: home, full text and calculator pages with what they load.
// - A calculator page posts {type: "keep-runtime"} (offline.js): the runtime is kept then,
//   and the page is told {type: "runtime-kept"}.
// - Fetches: the runtime and fingerprinted files (their names or ?v= change with their
//   content) from the cache first; everything else from the network first, kept as read, and
//   from the cache when the network fails. A page's address with a query (a shared answer)
//   falls back to the page without it.
// - Activation deletes the caches of older builds (only this worker's: the Python snapshot
//   has its own cache).

const PREFIX = "hgpolicy-offline-";
const CACHE = PREFIX + BUILD.version;
const SCOPE = new URL("./", self.location.href);
const IMMUTABLE = /\/assets\/pyodide\/|\.whl$|[?&]v=|\.[0-9a-f]{8}\.min\.(js|css)$/;

const absolute = (url) => new URL(url, SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(BUILD.precache.map(absolute))).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep-runtime") return;
  event.waitUntil(
    keep(BUILD.runtime.map(absolute)).then(
      () => event.source?.postMessage({ type: "runtime-kept", version: BUILD.version }),
      (error) => event.source?.postMessage({ type: "runtime-not-kept", message: String(error) }),
    ),
  );
});

// The page has just loaded these: take the browser's copies as they are (no revalidation),
// so keeping the runtime costs no second download where the HTTP cache holds it.
async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const url of urls) {
    if (!(await cache.match(url))) await cache.add(new Request(url, { cache: "force-cache" }));
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || request.headers.has("range")) return;
  if (url.pathname === new URL("sw.js", SCOPE).pathname) return;
  event.respondWith(IMMUTABLE.test(url.pathname + url.search) ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached =
      (await caches.match(request)) ||
      (request.mode === "navigate" ? await caches.match(request, { ignoreSearch: true }) : undefined);
    if (cached) return cached;
    throw error;
  }
}
