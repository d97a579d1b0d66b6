"""The Changes page in this process: every record a change affects is linked where the site
shows it, named as the data names it; and addresses written into raw HTML as MkDocs serves
pages (directory URLs).

Expected links are typed from policy/changelog.yaml (which records each change names), the
records' own files (a route's label and target, a special route's name, a clause's heading in
document.yaml, a source's number, a confidence mark's wording) and the README's anchor rule
(a record's anchor is its page stem and id; a dot becomes a dash: `c9.4` → `#c9-4`).
"""

from __future__ import annotations

import pytest

from hgpolicy.pages import PageContext, Renderer

LINKED = {
    "zh": [
        "[B2 → 技师](reference/application-routes.md#application-routes-2023-technician-b2)、"
        "[B2 → 高级技师](reference/application-routes.md#application-routes-2023-senior-technician-b2)",
        "[鲁人社发〔2020〕16号（山东省文件，不适用于湖北，仅作示例）](sources.md#src-lurs-2020-16){ .cite }、"
        "[直接认定](reference/special-routes.md#special-routes-c6-direct-recognition)",
        "[竞赛选拔](reference/special-routes.md#special-routes-c9-4-competition)",
        "[职业技能鉴定指导中心](reference/evaluators.md#evaluation-appraisal-guidance-centres)",
        "[（九）4.竞赛选拔](text.md#c9-4){ .cite }、[五、强化监管服务](text.md#s5){ .cite }",
        '[已见原文](about.md#confidence-seen){ .confidence .confidence-seen title="可信度" }、'
        '[见于报道](about.md#confidence-reported){ .confidence .confidence-reported title="可信度" }',
    ],
    "en": [
        "[B2 → Technician](reference/application-routes.md#application-routes-2023-technician-b2), "
        "[B2 → Senior Technician]"
        "(reference/application-routes.md#application-routes-2023-senior-technician-b2)",
        # An outside document in English: its English number, the Chinese beside it, and its
        # reach (Shandong's is an example only); brackets escaped inside a link's text.
        "[Shandong Department of Human Resources and Social Security Document &#91;2020&#93; "
        "No. 16 (鲁人社发〔2020〕16号) (a Shandong document, not applicable in Hubei, cited as an "
        "example only)](sources.md#src-lurs-2020-16){ .cite }",
        "[Direct recognition](reference/special-routes.md#special-routes-c6-direct-recognition)",
        "[(9) 4. Competition-Based Selection](text.md#c9-4){ .cite }",
        "[unconfirmed](about.md#confidence-unconfirmed){ .confidence .confidence-unconfirmed "
        'title="Confidence" }',
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_record_a_change_affects_is_linked_where_it_is_shown(
    renderer: Renderer, lang: str
) -> None:
    text = renderer.render("changes", lang=lang, page_uri="changes.md")
    for link in LINKED[lang]:
        assert link in text, link


def _url(renderer: Renderer, page_uri: str, target: str, anchor: str = "") -> str:
    """The address of docs page `target` from the page at `page_uri`, for raw HTML. Names the
    generator's page helper: the one place to repoint if it moves."""
    page_dir = page_uri.rpartition("/")[0]
    return str(PageContext(renderer, "zh", page_dir, page_uri).url(target, anchor))


@pytest.mark.parametrize(
    ("page_uri", "target", "anchor", "address"),
    [
        (
            "calculators/eligibility.md",
            "faq.md",
            "faq-which-edition",
            "../../faq/#faq-which-edition",
        ),
        ("index.md", "faq.md", "", "faq/"),
        ("faq.md", "index.md", "", "../"),
        ("faq.md", "calculators/index.md", "x", "../calculators/#x"),
        ("calculators/eligibility.md", "calculators/equivalence.md", "", "../equivalence/"),
    ],
)
def test_raw_html_addresses_follow_directory_urls(
    renderer: Renderer, page_uri: str, target: str, anchor: str, address: str
) -> None:
    assert _url(renderer, page_uri, target, anchor) == address
