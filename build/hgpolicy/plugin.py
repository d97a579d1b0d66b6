"""The MkDocs plugin `hgpolicy`: the whole generator inside `mkdocs build` and `mkdocs serve`.

It loads and validates policy/, makes the site's pages from it (sitepages.py: each page's
template, kind and title), publishes the data under `downloads/`, gives calculator pages the
Python runtime and writes that runtime into the site, and builds into a folder beside site/
that replaces it only once the build is done (one build at a time, swap.py).

mkdocs-static-i18n runs one build pass per further language inside the first one (from its own
on_post_build), with the same config and this same plugin instance: what depends only on the
policy is made once and reused by every pass; what belongs to the whole site (the runtime, the
inputs stamp, the headers, the swap) happens once, in the outermost pass. The order of the
events is set by their priorities (i18n's own run at -100), not by the order plugins are listed.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from jinja2 import TemplateError
from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .calcdata import ASSETS, PAGE_ASSETS, SCRIPTS, CalculatorData, with_runtime
from .compile import policy_json
from .csp import write_headers
from .errors import PolicyError
from .feed import atom_feed, feed_uri, feed_words
from .inputs import STAMP, fingerprint
from .offline import write_service_worker
from .pages import PAGES, Renderer, published
from .policy import load_policy
from .precompress import BEST, FAST, precompress
from .roster import RosterData
from .runtime import (
    Runtime,
    calculators_files,
    find_runtime,
    install_calculators,
    install_runtime,
    snapshot_key,
)
from .searchindex import base_for, split_index
from .sitepages import SITE_PAGES, Kind, SitePage
from .swap import SiteSwap
from .thirdparty import components, licence_text
from .timepages import diff_anchors

NAME = "hgpolicy"  # the entry point's name in pyproject.toml, as mkdocs.yml lists the plugin
log = logging.getLogger(f"mkdocs.plugins.{NAME}")


class PolicyConfig(base.Config):
    """The plugin's options under `plugins: - hgpolicy:` (the defaults are this project's)."""

    policy_dir = config_options.Dir(exists=True, default="policy")
    # Compressed copies beside the site's files (precompress.py): `best` to publish, `fast`
    # for test builds (same content, larger files, seconds instead of minutes on a new
    # machine), `off`; `mkdocs serve` never makes them.
    precompress = config_options.Choice(("best", "fast", "off"), default="best")


class PolicyPlugin(BasePlugin[PolicyConfig]):
    """Generates the site from the policy; its state lives here, one instance per `mkdocs`
    command (kept across the rebuilds of `mkdocs serve`, see on_startup)."""

    def __init__(self) -> None:
        self._policy_fingerprint: str | None = None  # of policy/, when it was last loaded
        self.renderer: Renderer | None = None
        self.calc: CalculatorData | None = None
        self.compiled: str = ""  # policy.json
        self.runtime: Runtime | None = None
        self.wheel_files: dict[str, bytes] = {}
        self.snapshot: str = ""
        self.versions: dict[str, str] = {}  # page asset -> digest of its content
        self.pages: dict[str, tuple[SitePage, str]] = {}  # source uri -> (page, language)
        self.swap: SiteSwap | None = None
        self.inputs: str = ""  # the inputs' fingerprint as the build began
        self.serving: bool = False  # under `mkdocs serve`: no compressed copies

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """A plugin with this event is kept across the rebuilds of `mkdocs serve`, so a
        rebuild that did not touch policy/ reuses the loaded policy."""
        self.serving = command == "serve"

    # Configuration

    def _load_policy(self, config: MkDocsConfig) -> MkDocsConfig:
        """Validate the policy before MkDocs cleans anything, so bad data leaves the old site
        intact; load it again only when a file under policy/ changed (as under `mkdocs serve`)."""
        if self.swap is None:  # a build begins: note its inputs before reading any of them
            self.inputs = fingerprint(Path(config.config_file_path).parent)
        policy_dir = Path(self.config.policy_dir)
        current = fingerprint(policy_dir.parent, [policy_dir.name])
        if current != self._policy_fingerprint:
            started = time.perf_counter()
            try:
                policy = load_policy(policy_dir)
            except PolicyError as err:
                self._policy_fingerprint = None
                raise PluginError(f"policy data is invalid:\n{err}") from None
            self.renderer = Renderer(policy)
            self.compiled = policy_json(policy)
            self.calc = CalculatorData(policy)
            self.calc.tables  # noqa: B018 (now, so a failure stops the build before site/ is cleaned)
            self._policy_fingerprint = current
            log.debug("policy loaded in %.0f ms", 1000 * (time.perf_counter() - started))
        self._configure_runtime(config)
        return config

    def _configure_runtime(self, config: MkDocsConfig) -> None:
        """Find the pinned Pyodide, name this build's wheel and snapshot, and give the
        templates the calculators' data and the third-party list."""
        try:
            self.runtime = find_runtime(Path(config.config_file_path).parent)
        except FileNotFoundError as err:
            raise PluginError(str(err)) from None
        self.wheel_files = calculators_files(self.runtime, self.compiled)
        self.snapshot = snapshot_key(self.runtime, self.wheel_files)
        scripts = Path(config.docs_dir) / SCRIPTS
        self.versions = {name: _digest(scripts / name) for name in ASSETS}
        assert self.renderer is not None
        template_globals: dict[str, Any] = self.renderer.env.globals
        template_globals["calc"] = self.calc
        template_globals["roster"] = RosterData(self.renderer.model)
        template_globals["third_party"] = components(self.runtime)

    @event_priority(-200)  # after every other on_config: the policy is valid before the lock
    def _begin_swap(self, config: MkDocsConfig) -> MkDocsConfig:
        """Lock the site and build into a fresh folder beside it (once, in the outermost pass)."""
        if self.swap is None:
            site = Path(config.site_dir)

            def waiting() -> None:
                log.info("Another build is writing %s: waiting for it to finish", site)

            self.swap = SiteSwap.begin(site, on_wait=waiting)
            log.info(
                "Building into %s; it replaces %s when the build is done", self.swap.building, site
            )
        config.site_dir = str(self.swap.building)
        return config

    on_config = CombinedEvent(_load_policy, _begin_swap)

    # Files

    @event_priority(0)  # before mkdocs-static-i18n (-100) picks each page's language
    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        """Add every site page in every language, named as docs/ files would be (`faq.md`,
        `faq.en.md`), so that mkdocs-static-i18n picks and links their languages as it does
        for written pages; their content is given once it has (`_write_pages`)."""
        languages = _languages(config)
        added = []
        for page in SITE_PAGES:
            for lang in languages:
                uri = page.source_uri(lang, default=languages[0])
                if files.get_file_from_path(uri) is not None:
                    raise PluginError(f"docs/{uri}: this page is generated; remove the file")
                added.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
                self.pages[uri] = (page, lang)
        for file in sorted(added, key=file_sort_key):  # in the order MkDocs lists docs/
            files.append(file)
        return files

    @event_priority(-110)  # after mkdocs-static-i18n: the pages of this pass's language, at root
    def _write_pages(self, files: Files, config: MkDocsConfig) -> Files:
        """Render each page this pass builds in its language; add the downloads and the
        licence texts (one copy at the site's root, which pages link like any other file)."""
        assert self.renderer is not None and self.runtime is not None
        for file in files.documentation_pages():
            if file.src_uri in self.pages:
                page, lang = self.pages[file.src_uri]
                try:
                    file.content_string = self.renderer.page_source(page, lang)
                except (TemplateError, LookupError) as err:
                    raise PluginError(f"{file.src_uri}: {err}") from None
                file.generated_by = NAME
        policy = self.renderer.policy
        for item in published(policy.root):
            if item.source is None:
                files.append(File.generated(config, item.uri, content=self.compiled))
            else:
                files.append(File.generated(config, item.uri, abs_src_path=str(item.source)))
        changes = policy["changelog"]["changes"]
        text_dir = PAGES["document"].removesuffix(".md")  # where the full text is served
        for lang in _languages(config):  # each pass writes both: the same bytes, one place
            uri = feed_uri(lang)
            feed = atom_feed(
                changes,
                lang,
                feed_words(lang),
                page_url=_absolute(config, lang, "changes/"),
                feed_url=_absolute(config, _languages(config)[0], uri),
                diffs={
                    change: _absolute(config, lang, f"{text_dir}/#{versions}")
                    for change, versions in diff_anchors(policy.model, changes).items()
                },
            )
            files.append(File.generated(config, uri, content=feed))
        # The roster's blank templates, made from this policy by the calculators' roster code.
        for uri, data in RosterData(self.renderer.model).files(_languages(config)).items():
            files.append(File.generated(config, uri, content=data))
        licences = {c.licence_uri: c.licence for c in components(self.runtime)}
        for uri, spdx in sorted(licences.items()):
            text = licence_text(self.runtime.root, spdx)
            files.append(File.generated(config, uri, content=text))
        return files

    on_files = CombinedEvent(_add_pages, _write_pages)

    # Pages

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """On a calculator page, add the runtime settings and the page script; elsewhere nothing."""
        found = self.pages.get(page.file.src_uri)
        if found is None or found[0].kind is not Kind.CALCULATOR:
            return html
        assert self.runtime is not None
        assets = found[0].assets or PAGE_ASSETS
        return with_runtime(html, page.url, self.runtime, self.versions, self.snapshot, assets)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """A page of a further language gives Material its language's folder as `base`, where
        its own search index is (searchindex.py)."""
        languages = _languages(config)
        lang = getattr(page.file, "locale", None) or languages[0]
        context["base_url"] = base_for(context["base_url"], lang, languages[0])
        return context

    # The finished site

    @event_priority(-200)  # after mkdocs-static-i18n has built the other languages and the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """In the outermost pass, once every language is built: write the runtime, the inputs
        stamp and the headers into the site, then swap it in."""
        if _nested_pass(config) or self.swap is None:
            return
        swap, self.swap = self.swap, None
        self._install_runtime(swap.building)
        (swap.building / STAMP).write_text(self.inputs + "\n", encoding="utf-8")
        write_headers(swap.building)
        split_index(swap.building, _languages(config))
        assert self.runtime is not None
        write_service_worker(
            swap.building, self.inputs, _languages(config), self.runtime, self.versions
        )
        self._precompress(swap.building, Path(config.config_file_path).parent)
        swap.commit()
        config.site_dir = str(swap.site)

    def _install_runtime(self, site: Path) -> None:
        """The Pyodide runtime, the calculators wheel and its lockfile, once for all languages."""
        assert self.runtime is not None
        started = time.perf_counter()
        install_runtime(self.runtime, site)
        wheel = install_calculators(self.runtime, site, self.wheel_files)
        log.info(
            "Pyodide %s and %s written in %.0f ms",
            self.runtime.version,
            wheel.name,
            1000 * (time.perf_counter() - started),
        )

    def _precompress(self, site: Path, root: Path) -> None:
        """`.br` and `.gz` beside the files that compress, last, once every file is written."""
        choice = self.config.precompress
        if choice == "off" or self.serving:
            return
        started = time.perf_counter()
        settings = BEST if choice == "best" else FAST
        saved = precompress(site, settings, cache=root / ".cache" / "precompress")
        log.info(
            "Compressed copies (%s) written in %.0f ms: brotli saves %.1f MB",
            choice,
            1000 * (time.perf_counter() - started),
            saved / 1e6,
        )

    def on_build_error(self, *, error: Exception) -> None:
        """Keep the previous site: drop the half-built folder and unlock."""
        if self.swap is not None:
            swap, self.swap = self.swap, None
            swap.abandon()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """Rebuild when a policy file or the generator is saved, not only when docs/ changes."""
        server.watch(str(self.config.policy_dir))
        server.watch(str(Path(__file__).parent))
        return server


def _languages(config: MkDocsConfig) -> list[str]:
    """The languages the site is built in, the default one first: mkdocs-static-i18n's, or
    the theme's language alone without it."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    default = i18n.default_language
    return [default, *(lang for lang in i18n.build_languages if lang != default)]


def _absolute(config: MkDocsConfig, lang: str, path: str) -> str:
    """The public address of `path` in `lang`'s part of the site (`site_url` in mkdocs.yml)."""
    base = (config.site_url or "/").rstrip("/") + "/"
    prefix = "" if lang == _languages(config)[0] else f"{lang}/"
    return f"{base}{prefix}{path}"


def _nested_pass(config: MkDocsConfig) -> bool:
    """True in a language pass that mkdocs-static-i18n runs inside the outermost one."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]
