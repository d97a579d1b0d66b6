// The site's service worker: offline after the first visit (build/hgpolicy/offline.py puts
// `BUILD` before this code: {version, precache: {language: addresses}, runtime}, addresses
// from the site's root).
//
// - A page posts {type: "keep", language, runtime} (offline.js): the worker keeps
//   BUILD.precache[language] (that language's home, full text and calculator pages, what they
//   load, its search index) and, from a calculator page, BUILD.runtime; then it tells the page
//   {type: "kept"}. Only the language read is kept: a first visit over mobile data does not
//   pay for the other's pages.
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

self.addEventListener("install", () => self.skipWaiting());

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
  if (event.data?.type !== "keep") return;
  const { language, runtime } = event.data;
  const pages = BUILD.precache[language] ?? Object.values(BUILD.precache)[0];
  event.waitUntil(
    keep(pages, "no-cache")
      .then(() => runtime && keep(BUILD.runtime, "force-cache"))
      .then(
        () => event.source?.postMessage({ type: "kept", version: BUILD.version }),
        (error) => event.source?.postMessage({ type: "not-kept", message: String(error) }),
      ),
  );
});

// Each of `urls` not kept yet. Pages are revalidated ("no-cache"): the browser may hold a
// copy from an older build. The runtime's files were just loaded by the page and never change
// under their name: the browser's copies are taken as they are ("force-cache"), so keeping
// them costs no second download.
async function keep(urls, mode) {
  const cache = await caches.open(CACHE);
  for (const url of urls.map(absolute)) {
    if (!(await cache.match(url))) await cache.add(new Request(url, { cache: mode }));
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
