"""Offline after the first visit (issue 14, point 4): the site's service worker (sw.js, written
by build/hgpolicy/offline.py) keeps what a worker with no signal needs.

The expected answers are the policy's: a hired Technician (技师) is treated as an Engineer
(工程师, clause (14)); a Senior Worker (高级工) with 5 years since the certificate may apply for
Technician by route A1 of the 2018 edition (4 years).
"""

from __future__ import annotations

from playwright.sync_api import Browser, Route

from tests.browser.conftest import Recorder, new_context, site_url, wait_ready

ANSWERS = [
    ("equivalence", "eq", "level=technician&hired=true", {"equivalent": "engineer"}),
    (
        "eligibility",
        "el",
        "target=technician&certificate=senior-worker&years_since_certificate=5",
        {"eligible": "true"},
    ),
]
KEPT = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("hgpolicy-offline-")) continue;
    const cache = await caches.open(name);
    urls.push(...(await cache.keys()).map((request) => request.url));
  }
  return urls;
}"""


def _kept_paths(page, server: str) -> set[str]:
    return {url.removeprefix(server.rstrip("/")) for url in page.evaluate(KEPT)}


def test_after_one_calculator_visit_both_calculators_and_the_text_work_offline(
    browser: Browser, recorder: Recorder, server: str, policy
) -> None:
    context = new_context(browser, recorder)
    page = context.new_page()
    recorder.watch(page)
    page.goto(site_url(server, "en", "calculators/eligibility/"))
    wait_ready(page)
    page.wait_for_selector("html[data-offline=ready]")
    # Only the language read: an English reader's first visit does not fetch the Chinese pages.
    assert not [path for path in _kept_paths(page, server) if path.startswith("/text/")]
    context.set_offline(True)
    for kind, short, query, expected in ANSWERS:
        page.goto(site_url(server, "en", f"calculators/{kind}/?{query}"))
        result = page.locator(f"#{short}-result[data-engine=python] .calc-verdict")
        result.wait_for()
        for name, value in expected.items():
            assert page.get_attribute(f"#{short}-result", f"data-{name}") == value
    clause = next(
        clause
        for section in policy["document"]["sections"]
        for clause in section.get("clauses", [])
        if clause["id"] == "c14"
    )
    page.goto(site_url(server, "en", "text/"))
    assert clause["text"]["en"][:60] in page.inner_text("main")
    context.close()


def test_a_page_without_a_calculator_keeps_its_languages_pages_but_not_the_runtime(
    browser: Browser, recorder: Recorder, server: str
) -> None:
    """The home page's visit keeps the home page, the full text and the calculator pages in
    its language, and no WebAssembly: the runtime is kept when a calculator is opened. A page
    read in the other language keeps that language's too."""
    context = new_context(browser, recorder)
    page = context.new_page()
    recorder.watch(page)
    page.goto(site_url(server, "zh", ""))
    page.wait_for_selector("html[data-offline=ready]")
    paths = _kept_paths(page, server)
    for path in ("/", "/text/", "/calculators/eligibility/", "/search/search_index.json"):
        assert path in paths, path
    assert not [path for path in paths if path.startswith("/en/")]
    assert not [path for path in paths if path.endswith(".wasm") or ".whl" in path]
    page.goto(site_url(server, "en", "glossary/"))
    page.wait_for_selector("html[data-offline=ready]")  # this page's language kept
    assert {"/en/", "/en/text/", "/en/search/search_index.json"} <= _kept_paths(page, server)
    context.close()


# Notes, on the page, what the calculator's status said when the service worker was registered.
REGISTERED_WHILE = """(() => {
  if (!navigator.serviceWorker) return; // about:blank
  const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
  navigator.serviceWorker.register = (...args) => {
    window.__registeredWhile = document.querySelector("[data-calc-status]")?.dataset.state;
    return register(...args);
  };
})();"""


def test_a_calculator_page_registers_the_worker_once_its_runtime_has_started(
    browser: Browser, recorder: Recorder, server: str
) -> None:
    """On a first visit the worker's keeping (the language's pages, its search index) would
    share the line with the runtime's download, on the slow connections it is for: a
    calculator page registers it once its runtime has started, then keeps the runtime. The
    WebAssembly is held back until the page has loaded, so the runtime is still loading then."""
    context = new_context(browser, recorder)
    context.add_init_script(REGISTERED_WHILE)
    held: list[Route] = []
    context.route("**/*.wasm", lambda route: held.append(route))
    page = context.new_page()
    recorder.watch(page)
    page.goto(site_url(server, "en", "calculators/equivalence/"))  # returns once loaded
    while not held:  # the route's handler runs while Playwright waits
        page.wait_for_timeout(20)
    assert page.get_attribute("[data-calc-status]", "data-state") == "loading"
    for route in held:
        route.continue_()
    context.unroute("**/*.wasm")
    wait_ready(page)
    page.wait_for_selector("html[data-offline=ready]", state="attached")
    assert page.evaluate("window.__registeredWhile") == "ready"
    assert any(url.endswith(".wasm") for url in page.evaluate(KEPT))
    context.close()
