"""The home page passes the five-second test on a phone: what the site is, the three tasks, and
the status of the document (issuer, date, in force, not official), in both languages.

Expected words come from policy/document.yaml (the issuer, the date note, the status) and the
task links from the calculator pages that exist; nothing is read back from the page's own
template.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from .conftest import site_url

PHONE = {"width": 390, "height": 844}
ROOT = Path(__file__).resolve().parents[2]


def _meta() -> dict:
    document = yaml.safe_load((ROOT / "policy" / "document.yaml").read_text(encoding="utf-8"))
    return document["meta"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_first_phone_screen_names_the_three_tasks(browser, recorder, server, lang) -> None:
    context = recorder.attach(browser.new_context(viewport=PHONE, locale="zh-CN"))
    page = context.new_page()
    recorder.watch(page)
    page.goto(site_url(server, lang, ""))
    tasks = page.locator("a.home-task")
    assert tasks.count() == 3
    hrefs = [tasks.nth(i).get_attribute("href") for i in range(3)]
    assert [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs] == [
        "eligibility",
        "equivalence",
        "roster",
    ]
    for i in range(3):
        box = tasks.nth(i).bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], hrefs[i]
        assert box["height"] >= 44  # a touch target, not a line of text
    status = page.locator(".home-status")
    assert status.bounding_box()["y"] < PHONE["height"]
    text = " ".join(status.inner_text().split())
    meta = _meta()
    assert " ".join(meta["issuer"][lang].split()) in text
    assert meta["date_issued_note"][lang] in text  # the text gives no date: said, not invented
    assert meta["status"]["reviewed"] in text
    assert meta["status"]["in_force"] is None
    assert ("未经核实" if lang == "zh" else "not verified") in text
    assert ("不是政府官方网站" if lang == "zh" else "not an official government site") in text
    if lang == "en":
        assert "unofficial translation" in text
    context.close()


@pytest.mark.parametrize(("lang", "other"), [("zh", "en"), ("en", "zh")])
def test_language_switch_keeps_the_clause(open_page, lang: str, other: str) -> None:
    """Switching language on clause (14) lands on clause (14) of the other language."""
    page = open_page(lang, "text/#c14")
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={other}]")
    page.wait_for_url("**#c14")
    assert page.evaluate("location.hash") == "#c14"
    assert ("/en/" in page.url) == (other == "en")
