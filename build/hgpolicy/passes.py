"""Which build pass is running: mkdocs-static-i18n runs one pass per further language inside
the outermost one (from its own on_post_build), with the same config."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def is_nested_pass(config: MkDocsConfig) -> bool:
    """True in a language pass run inside the outermost one; False in the outermost."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))
