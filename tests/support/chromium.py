"""Debian's Chromium through Playwright, which cannot download a browser here: one path and
one set of switches for every test and benchmark that opens a page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(pw: Playwright) -> Browser:
    """A headless Chromium with a throw-away profile (each context starts empty)."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def launch_with_profile(pw: Playwright, user_data_dir: Path) -> BrowserContext:
    """A headless Chromium on a profile folder, whose HTTP and code caches outlive it: a
    second launch on the same folder is a visitor coming back."""
    return pw.chromium.launch_persistent_context(
        str(user_data_dir), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
