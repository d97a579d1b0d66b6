"""Each calculator page says what its address may hold: the parameters its script reads
(calculators.js `fillFrom`) and the values each takes, so that an employer can link to an
answer or open one from another system. Expected values are typed from the form and the policy
files (levels.yaml's ids, the ranges the calculators accept)."""

from __future__ import annotations

import html
import json
import re

import pytest

from hgpolicy.calcdata import CalculatorData
from hgpolicy.pages import Renderer
from hgpolicy.policy import Policy

ROW = re.compile(r'^    - <code class="calc-param">(.+?)</code> (.+?)(?:：|: )<br>(.*)$', re.M)


@pytest.fixture(scope="module")
def pages(renderer: Renderer, policy: Policy) -> Renderer:
    """The renderer with the calculators' data the plugin gives the calculator pages."""
    renderer.env.globals["calc"] = CalculatorData(policy)
    return renderer


def _rows(page: str) -> dict[str, tuple[str, str]]:
    """{parameter: (field label, values)} from the page's folded list."""
    help_part = page[page.index('??? info "') :]
    return {
        html.unescape(name): (label, html.unescape(_marked(values)))
        for name, label, values in ROW.findall(help_part)
    }


def _marked(values: str) -> str:
    """Code as `code`, and one value per line."""
    return re.sub(r"<code[^>]*>|</code>", "`", values).replace("<br>", "\n")


def _script_queries(page: str) -> list[str]:
    fields = re.search(r"data-calc-fields>(.+?)</script>", page)
    assert fields is not None
    return [f["query"] for f in json.loads(html.unescape(fields.group(1)))]


def test_the_equivalence_page_lists_its_address_parameters_in_chinese(pages: Renderer) -> None:
    page = pages.render("calc-equivalence", lang="zh", page_uri="calculators/equivalence.md")
    rows = _rows(page)
    assert list(rows) == ["level", "hired", "as_of"] == _script_queries(page)
    label, values = rows["level"]
    assert label == "等级"
    assert re.findall(r"`([a-z-]+)`", values) == [
        "junior-worker",
        "intermediate-worker",
        "senior-worker",
        "technician",
        "senior-technician",
        "special-technician",
        "chief-technician",
    ]
    assert values.startswith("`junior-worker`（五级 · 初级工）\n`intermediate-worker`（四级")
    assert rows["hired"] == ("已被聘用到相应技能岗位", "true 或 false")
    assert rows["as_of"] == ("按哪一天计算（默认今天）", "日期 YYYY-MM-DD，或只写月份 YYYY-MM")


def test_the_eligibility_page_lists_every_field_its_script_reads_in_english(
    pages: Renderer,
) -> None:
    page = pages.render("calc-eligibility", lang="en", page_uri="calculators/eligibility.md")
    rows = _rows(page)
    assert list(rows) == _script_queries(page)
    assert rows["age"] == ("Age", "A whole number: 0 to 120")
    assert rows["years_since_certificate"][1] == "A number: 0 to 100"
    assert rows["extensions"][1] == "true or false"
    assert rows["edition"][1].startswith("`2018` (Technical Rules for Drafting National")
    assert re.findall(r"`([a-z-]+)`", rows["title"][1]) == ["junior", "intermediate", "senior"]
