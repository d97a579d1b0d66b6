"""MkDocs hooks: load and validate policy/, then render its pages into docs/ markers.

A hand-written page holds a marker such as `<!-- policy:fulltext -->`; the hook replaces it
with `templates/fulltext.md.j2` rendered in the language being built. One template serves
both languages, and nothing generated is written into docs/.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hgpolicy.errors import PolicyError
from hgpolicy.inputs import STAMP, fingerprint
from hgpolicy.pages import Renderer
from hgpolicy.policy import Policy, load_policy

log = logging.getLogger("mkdocs.hooks.policy")

MARKER = re.compile(r"<!--\s*policy:([a-z0-9-]+)\s*-->")

_state: dict[str, Any] = {}


def _policy_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "policy"


def _language(config: MkDocsConfig) -> str:
    """The language of this build pass: mkdocs-static-i18n builds each language in turn."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


# Hooks


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the policy before MkDocs cleans site/, so bad data leaves the old site intact.

    mkdocs-static-i18n runs a whole build per language; the policy is loaded once for all of
    them, and again only when a file under policy/ has changed (as under `mkdocs serve`).
    """
    policy_dir = _policy_dir(config)
    _state["inputs"] = fingerprint(policy_dir.parent)
    policy_fingerprint = fingerprint(policy_dir.parent, ["policy"])
    if _state.get("fingerprint") != policy_fingerprint:
        try:
            policy: Policy = load_policy(policy_dir)
        except PolicyError as err:
            _state.pop("fingerprint", None)
            raise PluginError(f"policy data is invalid:\n{err}") from None
        _state["renderer"] = Renderer(policy)
        _state["fingerprint"] = policy_fingerprint
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    """Record in the site which inputs it was built from (see hgpolicy.inputs): once, in the
    outer pass, after mkdocs-static-i18n has built every other language inside it without error
    (while it does, its `building` flag is set)."""
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return
    (Path(config.site_dir) / STAMP).write_text(_state["inputs"] + "\n", encoding="utf-8")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Rebuild when a policy file is saved, not only when docs/ changes."""
    server.watch(str(_policy_dir(config)))
    server.watch(str(Path(__file__).parent))
    return server


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each policy marker by its template, rendered for this page and language."""
    renderer: Renderer = _state["renderer"]
    lang = _language(config)

    def render(match: re.Match[str]) -> str:
        name = match.group(1)
        if not renderer.has(name):
            raise PluginError(
                f"{page.file.src_uri}: unknown marker 'policy:{name}' "
                f"(known: {', '.join(renderer.names())})"
            )
        return renderer.render(name, lang=lang, page_uri=page.file.src_uri)

    return MARKER.sub(render, markdown)
