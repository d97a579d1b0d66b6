"""MkDocs hooks: build into a folder beside site/ and swap it in only when the build is done.

`mkdocs build` stays the one build command. The outermost build pass (mkdocs-static-i18n runs
one nested pass per further language from its own on_post_build) takes the lock and points
`site_dir` at a fresh folder; once every pass has written its part, the headers file with the
Content-Security-Policy for these very pages is added (see csp.py), and the folder replaces
the site in one step (see swap.py). A build that fails or is interrupted leaves the site as it
was.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from hgpolicy.csp import write_headers
from hgpolicy.passes import is_nested_pass
from hgpolicy.swap import SiteSwap

log = logging.getLogger("mkdocs.hooks.swap")

_state: dict[str, Any] = {}


# Hooks


@event_priority(-200)  # after every other on_config: the policy is valid before anything is locked
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Lock the site and build into a fresh folder beside it (once, in the outermost pass)."""
    if "swap" not in _state:
        site = Path(config.site_dir)

        def waiting() -> None:
            log.info("Another build is writing %s: waiting for it to finish", site)

        swap = SiteSwap.begin(site, on_wait=waiting)
        _state["swap"] = swap
        log.info("Building into %s; it replaces %s when the build is done", swap.building, site)
    config.site_dir = str(_state["swap"].building)
    return config


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages and the index
def on_post_build(config: MkDocsConfig) -> None:
    """Write the headers the whole site needs, then swap it in (in the outermost pass only)."""
    if is_nested_pass(config) or "swap" not in _state:
        return
    swap: SiteSwap = _state.pop("swap")
    write_headers(swap.building)
    swap.commit()
    config.site_dir = str(swap.site)


def on_build_error(error: Exception) -> None:
    """Keep the previous site: drop the half-built folder and unlock."""
    swap: SiteSwap | None = _state.pop("swap", None)
    if swap is not None:
        swap.abandon()
