// Offline after the first visit: registers the site's service worker (sw.js at the site's
// root, written by the build: build/hgpolicy/offline.py), once the page has loaded, and asks
// it to keep this language's pages. On a calculator page it asks for the Python runtime too,
// once the runtime has started: before then, keeping it would download it a second time beside
// the page's own download, on the slow connections this is for. <html data-offline="ready">
// says when this page's needs are kept. Without service workers (file://, an old browser)
// nothing changes.
const root = new URL("..", document.currentScript.src); // this file is assets/offline.js

// Until the calculator page's status says its runtime started (or could not).
function runtimeSettled(status) {
  const settled = () => ["ready", "failed"].includes(status.dataset.state);
  return new Promise((resolve) => {
    if (settled()) return resolve();
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(status, { attributes: true, attributeFilter: ["data-state"] });
  });
}

async function register() {
  const status = document.querySelector("[data-calc-status]");
  // On a calculator page keeping the pages (and the search index) would compete with the
  // runtime's download and start-up: register once the runtime has started.
  if (status) await runtimeSettled(status);
  await navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname });
  const { active } = await navigator.serviceWorker.ready;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "kept") document.documentElement.dataset.offline = "ready";
  });
  active.postMessage({ type: "keep", language: document.documentElement.lang, runtime: Boolean(status) });
}

if ("serviceWorker" in navigator) {
  addEventListener("load", () => register().catch(() => {}));
}
