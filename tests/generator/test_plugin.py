"""The MkDocs plugin in this process, on a copy of the project, each event as a build runs it:
the policy loaded once and again after an edit (as under `mkdocs serve`), a bad edit reported
and retried, the calculators' data computed once per policy, the pages added in every language
and written in the language of the pass, the runtime only on calculator pages, and the whole
site's files (runtime, inputs stamp, headers) written once, in the outermost pass."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import brotli
import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, PluginCollection, event_priority
from mkdocs.structure.files import File, Files

import calculators
from hgpolicy import plugin as plugin_module
from hgpolicy.csp import HEADERS_FILE
from hgpolicy.inputs import STAMP, fingerprint
from hgpolicy.pages import PAGES, TEMPLATES
from hgpolicy.plugin import PolicyPlugin
from hgpolicy.sitepages import BY_URI, SITE_PAGES, Kind
from hgpolicy.wheels import content_digest


@pytest.fixture
def project(root: Path, tmp_path: Path) -> Path:
    """A copy of the policy and docs/ in a bare project, the runtime and calculators linked."""
    for name in ("policy", "docs"):
        shutil.copytree(root / name, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(root / "node_modules")
    # The project's cache of compressed copies (content-keyed): the runtime's megabytes are
    # compressed once per checkout, not once per test (precompress.py has its own tests).
    (root / ".cache").mkdir(exist_ok=True)
    (tmp_path / ".cache").symlink_to(root / ".cache")
    (tmp_path / "calculators").symlink_to(Path(calculators.__file__).parent)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def plugin(project: Path) -> PolicyPlugin:
    """A new plugin, its options read as MkDocs reads them (relative to mkdocs.yml); fast
    compression, as the test builds use."""
    new = PolicyPlugin()
    options = {"precompress": "fast"}
    errors, warnings = new.load_config(options, config_file_path=str(project / "mkdocs.yml"))
    assert (errors, warnings) == ([], [])
    return new


class _I18n(BasePlugin):
    """What the plugin relies on in mkdocs-static-i18n: its languages, its nested-pass flag,
    and its on_files (at -100), which keeps the pages of the language being built."""

    def __init__(self, current: str = "zh", building: bool = False) -> None:
        self.default_language, self.build_languages = "zh", ["zh", "en"]
        self.current_language, self.building = current, building

    @event_priority(-100)
    def on_files(self, files: Files, /, *, config: Any) -> Files:
        def language(file: File) -> str:
            suffix = file.src_uri.removesuffix(".md").rsplit("/", 1)[-1].rpartition(".")[2]
            return suffix if suffix in self.build_languages else self.default_language

        pages = [f for f in files.documentation_pages() if language(f) == self.current_language]
        return Files([*pages, *(f for f in files if not f.is_documentation_page())])


def _config(
    project: Path, plugin: PolicyPlugin, i18n: _I18n | None = None, site: Path | None = None
) -> Any:
    """A config as MkDocs passes it, with the plugin (and i18n) registered for their events."""
    plugins = PluginCollection()
    plugins["hgpolicy"] = plugin
    if i18n is not None:
        plugins["i18n"] = i18n
    return SimpleNamespace(
        config_file_path=str(project / "mkdocs.yml"),
        docs_dir=str(project / "docs"),
        site_dir=str(site or project / "site"),
        use_directory_urls=True,
        plugins=plugins,
        theme={"language": "zh"},
        site_url="https://example.org/policy/",
    )


def _save(path: Path, old: str, new: str) -> None:
    """Edit a file as an editor saves it: new content, a later mtime."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    mtime = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(mtime + 1_000_000_000, mtime + 1_000_000_000))


def test_mkdocs_finds_the_plugin_by_its_entry_point(root: Path) -> None:
    (entry,) = importlib.metadata.entry_points(group="mkdocs.plugins", name="hgpolicy")
    assert entry.load() is PolicyPlugin
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    named = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert "hgpolicy" in named and "hooks" not in config


class _Loader(yaml.SafeLoader):
    """mkdocs.yml holds a `!!python/object/apply` tag (the slugify function): read it as null."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
# `!ENV [NAME, default]`: the default, as MkDocs reads it when NAME is not set.
_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


# The policy and the calculators' data


def test_only_mkdocs_static_i18n_makes_a_pass_nested(project: Path, plugin: PolicyPlugin) -> None:
    """A build without the i18n plugin (one language) is the outermost pass: it finishes the
    site; with it, a pass is nested while the plugin says it is building."""
    assert plugin_module._nested_pass(_config(project, plugin)) is False
    assert plugin_module._nested_pass(_config(project, plugin, _I18n(building=False))) is False
    assert plugin_module._nested_pass(_config(project, plugin, _I18n(building=True))) is True


def test_the_languages_and_public_addresses_follow_mkdocs_yml(
    project: Path, plugin: PolicyPlugin
) -> None:
    """With mkdocs-static-i18n, its default language first and at the site's root, English
    under en/; without it, the theme's language alone. The address starts at `site_url`, with
    or without its closing slash, or at the root when there is none."""
    bilingual = _config(project, plugin, _I18n())
    assert plugin_module._languages(bilingual) == ["zh", "en"]
    assert plugin_module._absolute(bilingual, "zh", "changes/") == (
        "https://example.org/policy/changes/"
    )
    assert plugin_module._absolute(bilingual, "en", "changes/") == (
        "https://example.org/policy/en/changes/"
    )
    alone = _config(project, plugin)
    assert plugin_module._languages(alone) == ["zh"]
    alone.site_url = "https://example.org/HGX"
    assert plugin_module._absolute(alone, "zh", "changes/") == "https://example.org/HGX/changes/"
    alone.site_url = None
    assert plugin_module._absolute(alone, "zh", "changes/") == "/changes/"


def test_the_policy_is_loaded_once_and_again_after_an_edit(
    project: Path, plugin: PolicyPlugin
) -> None:
    config = _config(project, plugin)
    assert plugin._load_policy(config) is config
    first, calc = plugin.renderer, plugin.calc
    assert first is not None and calc is not None
    assert first.env.globals["calc"] is calc
    assert set(calc.tables["routes"]) == {"2018", "2023"}
    plugin._load_policy(config)
    assert plugin.renderer is first, "no edit: the same policy"
    assert plugin.calc is calc, "the same policy: not computed again"
    _save(project / "policy" / "levels.yaml", "en: Senior Worker}", "en: Senior Worker Edited}")
    plugin._load_policy(config)
    edited = plugin.renderer
    assert edited is not first and plugin.calc is not calc
    names = {lv["id"]: lv["name"]["en"] for lv in edited.policy["levels"]["levels"]}
    assert names["senior-worker"] == "Senior Worker Edited"
    assert "Senior Worker Edited" in plugin.compiled


def test_a_policy_folder_named_otherwise_is_the_one_loaded_and_watched(project: Path) -> None:
    """`policy_dir: rules` in mkdocs.yml: an edit there reloads the policy; an edit of a
    policy/ folder beside it does not, being no input of this site."""
    (project / "policy").rename(project / "rules")
    shutil.copytree(project / "rules", project / "policy")
    plugin = PolicyPlugin()
    options = {"precompress": "fast", "policy_dir": "rules"}
    assert plugin.load_config(options, config_file_path=str(project / "mkdocs.yml")) == ([], [])
    config = _config(project, plugin)
    plugin._load_policy(config)
    first = plugin.renderer
    _save(project / "policy" / "levels.yaml", "en: Senior Worker}", "en: Senior Worker Other}")
    plugin._load_policy(config)
    assert plugin.renderer is first
    _save(project / "rules" / "levels.yaml", "en: Senior Worker}", "en: Senior Worker Edited}")
    plugin._load_policy(config)
    assert plugin.renderer is not first and "Senior Worker Edited" in plugin.compiled
    watched: list[str] = []
    plugin.on_serve(SimpleNamespace(watch=watched.append), config=config, builder=None)
    assert str(project / "rules") in watched and str(project / "policy") not in watched


def test_a_bad_edit_is_reported_and_retried_once_fixed(project: Path, plugin: PolicyPlugin) -> None:
    config = _config(project, plugin)
    plugin._load_policy(config)
    good = plugin.renderer
    levels = project / "policy" / "levels.yaml"
    _save(levels, "    source: c4\n", "    source: c44\n")
    with pytest.raises(PluginError, match=r"policy data is invalid:\n.*levels.yaml:\d+: 'c44'"):
        plugin._load_policy(config)
    assert plugin.renderer is good
    _save(levels, "    source: c44\n", "    source: c4\n")
    plugin._load_policy(config)
    assert plugin.renderer is not good


def test_asset_versions_and_the_snapshot_name_follow_their_contents(
    project: Path, plugin: PolicyPlugin
) -> None:
    plugin._load_policy(_config(project, plugin))
    scripts = project / "docs" / "assets" / "calculators"
    assert plugin.versions == {
        # every script and style sheet the pages may load, read from the folder itself
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in scripts.iterdir()
        if path.suffix in (".js", ".css")
    }
    assert plugin.runtime is not None
    # The snapshot holds the interpreter's memory: a new wheel or a new cut of the standard
    # library makes it another one.
    everything = {**plugin.wheel_files, "python_stdlib.zip": plugin.runtime.stdlib}
    assert plugin.snapshot == f"{plugin.runtime.version}-{content_digest(everything)}"
    assert plugin.wheel_files["calculators/policy.json"] == plugin.compiled.encode()


def test_without_pyodide_the_build_stops_and_says_why(project: Path, plugin: PolicyPlugin) -> None:
    (project / "node_modules").unlink()
    with pytest.raises(PluginError, match="npm ci"):
        plugin._load_policy(_config(project, plugin))


# Pages


def test_every_page_is_added_in_every_language_named_as_docs_would_name_it(
    project: Path, plugin: PolicyPlugin
) -> None:
    config = _config(project, plugin, _I18n())
    files = plugin._add_pages(Files([]), config)
    uris = {f.src_uri for f in files}
    assert {"index.md", "index.en.md", "faq.md", "faq.en.md"} <= uris
    assert "reference/levels.en.md" in uris and "calculators/eligibility.en.md" in uris
    assert len(uris) == 2 * len(SITE_PAGES)
    assert plugin.pages["reference/levels.en.md"] == (SITE_PAGES[3], "en")
    # MkDocs' own order for docs/ (index first, folders last), as the sitemap lists pages
    order = [f.src_uri for f in files]
    assert order[:3] == ["index.md", "about.en.md", "about.md"]
    assert order[-1] == "reference/targets.md"
    assert max(order.index(u) for u in order if "/" not in u) < order.index(
        "calculators/eligibility.en.md"
    )


def test_a_written_page_with_the_name_of_a_generated_one_is_refused(
    project: Path, plugin: PolicyPlugin
) -> None:
    config = _config(project, plugin, _I18n())
    written = File("glossary.en.md", config.docs_dir, config.site_dir, True)
    with pytest.raises(PluginError, match=r"docs/glossary.en.md: this page is generated"):
        plugin._add_pages(Files([written]), config)


@pytest.mark.parametrize(
    ("lang", "title", "heading"),
    [("zh", "政策全文", "（四）健全层级设置"), ("en", "Full text", "(4) ")],
)
def test_pages_are_written_in_the_language_of_their_file(
    project: Path, plugin: PolicyPlugin, lang: str, title: str, heading: str
) -> None:
    config = _config(project, plugin, _I18n(lang))
    plugin._load_policy(config)
    files = config.plugins.on_files(Files([]), config=config)
    assert {f.src_uri.endswith(".en.md") for f in files.documentation_pages()} == {lang == "en"}
    text = files.get_file_from_path("text.md" if lang == "zh" else "text.en.md")
    assert text.content_string.startswith(f"# {title}\n\n")
    assert heading in text.content_string
    assert text.generated_by == "hgpolicy"
    faq = files.get_file_from_path("faq.md" if lang == "zh" else "faq.en.md")
    assert faq.content_string.startswith("---\nsearch:\n  boost: 3\n---\n\n# ")
    assert files.get_file_from_path("downloads/policy.json").content_string == plugin.compiled
    # The downloads are the maintainers' files as they are, the schema beside them.
    for published, source in (
        ("downloads/levels.yaml", "levels.yaml"),
        ("downloads/schema/levels.schema.json", "schema/levels.schema.json"),
    ):
        assert (
            files.get_file_from_path(published).content_bytes
            == (project / "policy" / source).read_bytes()
        )
    assert any(f.src_uri.startswith("assets/licenses/") for f in files)
    # Both languages' change feeds, whichever pass: each names its own page at the public address.
    for feed_lang, page in (("zh", "https://example.org/policy/changes/"),
                            ("en", "https://example.org/policy/en/changes/")):  # fmt: skip
        feed = files.get_file_from_path(f"changes/feed.{feed_lang}.xml").content_string
        assert f'<link rel="alternate" type="text/html" href="{page}"/>' in feed


def test_a_template_error_names_the_page(
    project: Path, plugin: PolicyPlugin, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(project, plugin, _I18n("en"))
    plugin._load_policy(config)
    assert plugin.renderer is not None
    monkeypatch.delitem(plugin.renderer.env.globals, "calc")  # the calculator pages need it
    with pytest.raises(PluginError, match=r"^calculators/eligibility.en.md: 'calc' is undefined"):
        config.plugins.on_files(Files([]), config=config)


def test_a_change_listed_on_a_page_the_site_does_not_make_is_named(
    project: Path, plugin: PolicyPlugin
) -> None:
    _save(
        project / "policy" / "changelog.yaml",
        "pages: [calculators/eligibility.md, reference/application-routes.md]",
        "pages: [calculators/eligibility.md, reference/routes.md]",
    )
    config = _config(project, plugin, _I18n())
    plugin._load_policy(config)
    with pytest.raises(PluginError, match=r"^changes.md: 'reference/routes.md' is not a page"):
        config.plugins.on_files(Files([]), config=config)


def _page(uri: str, url: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), url=url)


def test_only_a_calculator_page_gets_the_runtime(project: Path, plugin: PolicyPlugin) -> None:
    config = _config(project, plugin, _I18n())
    plugin._load_policy(config)
    plugin._add_pages(Files([]), config)
    calculators = {page.uri for page in SITE_PAGES if page.kind is Kind.CALCULATOR}
    assert calculators == {
        "calculators/equivalence.md",
        "calculators/eligibility.md",
        "calculators/roster.md",
    }
    html = "<p>text</p>"
    for page in SITE_PAGES:
        url = page.uri.removesuffix(".md") + "/"
        out = plugin.on_page_content(
            html, page=_page(page.uri, url), config=config, files=Files([])
        )
        assert ('id="calc-runtime"' in out) == (page.kind is Kind.CALCULATOR), page.uri
    calculator = _page("calculators/eligibility.en.md", "en/calculators/eligibility/")
    out = plugin.on_page_content(html, page=calculator, config=config, files=Files([]))
    assert html in out and f'"snapshot":"{plugin.snapshot}"' in out.replace(" ", "")
    assert plugin.snapshot  # this build's snapshot key, for the page to check its snapshot by
    assert (
        f'src="../../../assets/calculators/calculators.js?v={plugin.versions["calculators.js"]}"'
        in out
    )
    # the roster page links its own style sheet and script instead of the form calculators'
    roster = _page("calculators/roster.en.md", "en/calculators/roster/")
    out = plugin.on_page_content(html, page=roster, config=config, files=Files([]))
    assert f'src="../../../assets/calculators/roster.js?v={plugin.versions["roster.js"]}"' in out
    assert "roster.css?v=" in out and "calculators.js" not in out
    assert "rules.js?v=" not in out.split('id="calc-runtime"')[0]  # no early answer to preload
    # a page the plugin did not make is left alone, whatever its HTML says
    written = _page("notes.md", "notes/")
    form = '<form data-calculator="eligibility"></form>'
    assert plugin.on_page_content(form, page=written, config=config, files=Files([])) == form


# The finished site


def test_the_site_is_finished_once_after_the_last_language(
    project: Path, plugin: PolicyPlugin
) -> None:
    site = project / "site"
    config = _config(project, plugin, _I18n())
    plugin._load_policy(config)
    plugin._begin_swap(config)
    building = Path(config.site_dir)
    assert building != site and building.is_dir()
    nested = _config(project, plugin, _I18n("en", building=True), site=building)
    plugin._begin_swap(nested)
    assert nested.site_dir == str(building), "a nested pass builds into the same folder"
    plugin.on_post_build(config=nested)
    assert not site.exists() and list(building.iterdir()) == [], (
        "not while other languages are built"
    )
    plugin.on_post_build(config=config)
    assert config.site_dir == str(site) and not building.exists()
    assert (site / STAMP).read_text(encoding="utf-8") == fingerprint(project) + "\n"
    assert "Content-Security-Policy:" in (site / HEADERS_FILE).read_text(encoding="utf-8")
    runtime = plugin.runtime
    assert runtime is not None
    shipped = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", runtime.stdlib_name}
    # Each with its brotli and gzip copies: scripts, WebAssembly and a stored zip all shrink.
    copies = {f"{name}.{encoding}" for name in shipped for encoding in ("br", "gz")}
    assert {p.name for p in (site / runtime.index_url).iterdir()} == shipped | copies
    wasm = site / runtime.index_url / "pyodide.asm.wasm"
    assert brotli.decompress(wasm.with_name(wasm.name + ".br").read_bytes()) == wasm.read_bytes()
    (wheel,) = (site / runtime.package_url).glob("calculators-*.whl")
    assert content_digest(plugin.wheel_files) in wheel.name
    lock = json.loads((site / runtime.lock_url).read_text(encoding="utf-8"))
    assert lock["packages"]["calculators"]["file_name"] == wheel.name
    # The service worker keeps this build's runtime (offline.py), under this build's name.
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert f'"version": "{fingerprint(project)}"' in worker
    assert f'"{runtime.package_url}{wheel.name}"' in worker


def test_a_failed_build_leaves_the_site_and_unlocks(project: Path, plugin: PolicyPlugin) -> None:
    site = project / "site"
    site.mkdir()
    (site / "old.html").write_text("old", encoding="utf-8")
    config = _config(project, plugin)
    plugin._load_policy(config)
    plugin._begin_swap(config)
    building = Path(config.site_dir)
    plugin.on_build_error(error=RuntimeError("stop"))
    assert not building.exists() and [p.name for p in site.iterdir()] == ["old.html"]
    again = _config(project, plugin)
    plugin._begin_swap(again)  # the lock was released: this does not wait
    assert Path(again.site_dir).is_dir()
    plugin.on_build_error(error=RuntimeError("stop"))


def test_serve_watches_the_policy_and_the_generator(project: Path, plugin: PolicyPlugin) -> None:
    watched: list[str] = []
    server = SimpleNamespace(watch=watched.append)
    assert plugin.on_serve(server, config=_config(project, plugin), builder=None) is server
    assert watched == [str(project / "policy"), str(Path(plugin_module.__file__).parent)]


# The page registry


def test_every_page_template_makes_one_page_titled_in_both_languages(
    labels: dict[str, dict[str, str]],
) -> None:
    templates = sorted(p.name.removesuffix(".md.j2") for p in TEMPLATES.glob("*.md.j2"))
    assert sorted(page.template for page in SITE_PAGES) == templates
    for page in SITE_PAGES:
        assert labels[page.title_label]["zh"] and labels[page.title_label]["en"], page.uri


def test_the_navigation_lists_every_page_in_the_registry_order(root: Path) -> None:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)

    def uris(items: list[Any]) -> list[str]:
        found: list[str] = []
        for item in items:
            if isinstance(item, str):
                found.append(item)
            else:
                (children,) = item.values()
                found += uris(children)
        return found

    assert uris(config["nav"]) == [page.uri for page in SITE_PAGES]
    written = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").rglob("*.md")}
    assert not written & {page.uri for page in SITE_PAGES}, "docs/ holds no generated page"


def test_every_page_that_shows_a_policy_file_is_a_site_page() -> None:
    assert set(PAGES.values()) <= set(BY_URI)
