"""The level ladder as drawn: every level and title in its place, a connector where clause
（十四） gives equal treatment and nowhere else, nothing overlapping or outside the picture.
Read from the SVG as XML."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from hgpolicy.ladder import _fit, _lines, ladder_svg
from hgpolicy.pages import anchor
from hgpolicy.policy import Policy

SVG = "{http://www.w3.org/2000/svg}"
# Levels highest first, with the title drawn beside each where clause （十四） gives equal
# treatment. What outside sources report about the enterprise-set levels is a note in the
# tables, never a connector (the 2026-11-30 correction).
LADDER = [
    ("chief-technician", None, None),
    ("special-technician", None, None),
    ("senior-technician", "senior-engineer", "equal"),
    ("technician", "engineer", "equal"),
    ("senior-worker", "assistant-engineer", "equal"),
    ("intermediate-worker", None, None),
    ("junior-worker", None, None),
]


def _draw(policy: Policy, labels: dict[str, dict[str, str]], lang: str) -> ET.Element:
    html = ladder_svg(policy.model, lang, lambda key: labels[key][lang], anchor)
    # An HTML boolean attribute (kept out of the search index) is the one thing XML refuses.
    assert html.startswith(f'<figure class="ladder" lang="{lang}" data-search-exclude>')
    figure = ET.fromstring(html.replace("data-search-exclude>", 'data-search-exclude="">', 1))
    assert figure.tag == "figure" and figure.get("lang") == lang
    return figure


def _boxes(svg: ET.Element, kind: str) -> list[tuple[ET.Element, ET.Element]]:
    return [
        (a, a.find(f"{SVG}rect"))
        for a in svg.iter(f"{SVG}a")
        if kind in (a.get("class") or "").split()
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_levels_and_titles_stand_where_the_data_puts_them(
    policy: Policy, labels: dict[str, dict[str, str]], lang: str
) -> None:
    svg = _draw(policy, labels, lang).find(f"{SVG}svg")
    levels = {lv["id"]: lv for lv in policy["levels"]["levels"]}
    titles = {t["id"]: t for t in policy["titles"]["titles"]}
    level_boxes = _boxes(svg, "ladder-level")
    assert [a.get("href") for a, _ in level_boxes] == [f"#levels-{lv}" for lv, _, _ in LADDER]
    for (a, _), (level, _, _) in zip(level_boxes, LADDER, strict=True):
        names = "".join(t.text for t in a.iter(f"{SVG}text") if "ladder-name" in t.get("class"))
        assert names.replace(" ", "") == levels[level]["name"][lang].replace(" ", "")
    tops = [float(rect.get("y")) for _, rect in level_boxes]
    heights = [float(rect.get("height")) for _, rect in level_boxes]
    assert all(tops[i] + heights[i] < tops[i + 1] for i in range(len(tops) - 1)), "no overlap"
    row = {level: top for (level, _, _), top in zip(LADDER, tops, strict=True)}

    title_boxes = _boxes(svg, "ladder-title")
    drawn = [
        (a.get("href"), a.get("class").split()[-1].removeprefix("ladder-"), float(r.get("y")))
        for a, r in title_boxes
    ]
    expected = [(f"#titles-{t}", kind, row[lv]) for lv, t, kind in LADDER if t]
    assert sorted(drawn) == sorted(expected)
    for a, _ in title_boxes:
        title = titles[a.get("href").removeprefix("#titles-")]
        assert title["name"][lang] in a.find(f"{SVG}title").text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_title_is_joined_to_its_level(
    policy: Policy, labels: dict[str, dict[str, str]], lang: str
) -> None:
    svg = _draw(policy, labels, lang).find(f"{SVG}svg")
    level_rects = {a.get("href"): r for a, r in _boxes(svg, "ladder-level")}
    title_rects = [r for _, r in _boxes(svg, "ladder-title")]
    lines = [ln for ln in svg.iter(f"{SVG}line") if "ladder-link" in ln.get("class")]
    legend_y = max(float(r.get("y")) + float(r.get("height")) for r in level_rects.values())
    connectors = [ln for ln in lines if float(ln.get("y1")) < legend_y]
    legend = [ln for ln in lines if float(ln.get("y1")) > legend_y]
    assert [ln.get("class").split()[-1].removeprefix("ladder-") for ln in legend] == ["equal"]
    kinds = sorted(ln.get("class").split()[-1].removeprefix("ladder-") for ln in connectors)
    assert kinds == sorted(kind for _, t, kind in LADDER if t)
    for line in connectors:
        level = next(
            r
            for r in level_rects.values()
            if float(r.get("y"))
            < float(line.get("y1"))
            < float(r.get("y")) + float(r.get("height"))
        )
        title = next(r for r in title_rects if r.get("y") == level.get("y"))
        centre = float(level.get("y")) + float(level.get("height")) / 2
        assert float(line.get("y1")) == float(line.get("y2")) == round(centre)
        assert float(line.get("x1")) == float(level.get("x")) + float(level.get("width"))
        assert float(line.get("x2")) == float(title.get("x"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_everything_fits_in_the_picture_and_every_text_in_its_box(
    policy: Policy, labels: dict[str, dict[str, str]], lang: str
) -> None:
    figure = _draw(policy, labels, lang)
    svg = figure.find(f"{SVG}svg")
    _, _, width, height = (float(v) for v in svg.get("viewBox").split())
    for a, rect in _boxes(svg, "ladder-level") + _boxes(svg, "ladder-title"):
        x, y = float(rect.get("x")), float(rect.get("y"))
        w, h = float(rect.get("width")), float(rect.get("height"))
        assert 0 <= x <= x + w <= width and 0 <= y <= y + h <= height
        for text in a.iter(f"{SVG}text"):
            assert x < float(text.get("x")) < x + w and y < float(text.get("y")) < y + h
            if lang == "en" and "ladder-name" in text.get("class"):
                assert len(text.text) <= 21 or " " not in text.text, text.text
    for text in svg.iter(f"{SVG}text"):
        assert 0 < float(text.get("y")) <= height
    arrow = next(ln for ln in svg.iter(f"{SVG}line") if ln.get("class") == "ladder-arrow")
    assert float(arrow.get("y2")) < float(arrow.get("y1")) <= height, "the arrow points up"
    assert figure.find("figcaption").text == labels["ladder-caption"][lang]
    heads = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "ladder-head"]
    assert heads == [labels["ladder-levels"][lang], labels["ladder-titles"][lang]]


def test_the_legend_names_the_condition(policy: Policy, labels: dict[str, dict[str, str]]) -> None:
    svg = _draw(policy, labels, "en").find(f"{SVG}svg")
    small = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "ladder-small"]
    equal = labels["ladder-equal"]["en"] + labels["colon"]["en"] + labels["condition-hired"]["en"]
    assert small[-1] == equal
    assert "ladder-reported" not in labels
    desc = svg.find(f"{SVG}desc").text
    assert desc.startswith("Chief Technician; Special-Grade Technician; Level 1 Senior Technician")


def test_a_name_too_wide_for_its_box_is_squeezed_to_fit() -> None:
    # A box is 158 wide with 9 of padding each side: 140 for text. Chinese glyphs are as wide
    # as the font size, other characters about half.
    squeeze = ' textLength="140" lengthAdjust="spacingAndGlyphs"'
    assert _fit("工" * 10, 14) == "" and _fit("工" * 11, 14) == squeeze
    assert _fit("X" * 20, 14) == "" and _fit("X" * 21, 14) == squeeze
    assert _fit("工" * 12, 11) == "" and _fit("工" * 13, 11) == squeeze
    # Wide from U+2E80 on, the first CJK radical (⺀) included.
    assert _fit("\u2e80" * 10, 14) == "" and _fit("\u2e80" * 11, 14) == squeeze


@pytest.mark.parametrize(
    ("name", "lang", "lines"),
    [
        ("x" * 21, "en", ["x" * 21]),  # 21 characters fit on a line
        ("Professor-level Senior Engineer", "en", ["Professor-level", "Senior Engineer"]),
        # 10 + a space + 10 is exactly 21: together; the next word starts a line
        ("aaaaaaaaaa bbbbbbbbbb c", "en", ["aaaaaaaaaa bbbbbbbbbb", "c"]),
        ("aaaaaaaaaa bbbbbbbbbbb c", "en", ["aaaaaaaaaa", "bbbbbbbbbbb c"]),
        ("x " * 15, "zh", ["x " * 15]),  # only English wraps
    ],
)
def test_an_english_name_wraps_at_spaces_into_lines_of_21(
    name: str, lang: str, lines: list[str]
) -> None:
    assert _lines(name, lang) == lines


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_wrap_between_words_and_only_a_long_label_is_squeezed(
    policy: Policy, labels: dict[str, dict[str, str]], lang: str
) -> None:
    svg = _draw(policy, labels, lang).find(f"{SVG}svg")
    named = {lv["name"][lang] for lv in policy["levels"]["levels"]}
    named |= {t["name"][lang] for t in policy["titles"]["titles"]}
    for a, _ in _boxes(svg, "ladder-level") + _boxes(svg, "ladder-title"):
        lines = [t.text for t in a.iter(f"{SVG}text") if t.get("class") == "ladder-name"]
        assert " ".join(lines) in named
        for line, following in zip(lines, lines[1:], strict=False):
            assert len(line) + 1 + len(following.split()[0]) > 21, "a word fitted on the line"
        if lang == "zh":
            assert len(lines) == 1
    # Only one label is wider than its box: the English name of the intermediate title tier.
    squeezed = [t.text for t in svg.iter(f"{SVG}text") if t.get("textLength")]
    assert squeezed == ([] if lang == "zh" else ["intermediate professional title"])
    wrapped = [
        [t.text for t in a.iter(f"{SVG}text") if t.get("class") == "ladder-name"]
        for a, _ in _boxes(svg, "ladder-level")
    ]
    if lang == "en":
        assert ["Special-Grade", "Technician"] in wrapped


def test_the_svg_holds_only_elements_and_the_arrow_stays_above_the_legend(
    policy: Policy, labels: dict[str, dict[str, str]]
) -> None:
    svg = _draw(policy, labels, "en").find(f"{SVG}svg")
    for element in svg.iter():
        if element.tag not in (f"{SVG}text", f"{SVG}title", f"{SVG}desc"):
            assert not (element.text or "").strip(), element.tag
        assert not (element.tail or "").strip(), element.tag
    marker = svg.find(f"{SVG}defs/{SVG}marker")
    assert marker.get("id") == "ladder-arrowhead" and marker.get("orient") == "auto-start-reverse"
    assert {"viewBox", "refX", "refY", "markerWidth", "markerHeight"} <= set(marker.attrib)
    assert marker.find(f"{SVG}path").get("d").startswith("M ")
    arrow = next(ln for ln in svg.iter(f"{SVG}line") if ln.get("class") == "ladder-arrow")
    rects = [r for _, r in _boxes(svg, "ladder-level")]
    lowest = max(float(r.get("y")) + float(r.get("height")) for r in rects)
    legend = [ln for ln in svg.iter(f"{SVG}line") if float(ln.get("y1")) > lowest]
    legend = [ln for ln in legend if ln.get("class") != "ladder-arrow"]
    assert lowest <= float(arrow.get("y1")) < min(float(ln.get("y1")) for ln in legend)
    assert float(arrow.get("y2")) < min(float(r.get("y")) for r in rects) + 10
    assert arrow.get("x1") == arrow.get("x2") and float(arrow.get("x1")) < float(rects[0].get("x"))
    assert len(legend) == 1, "one kind of connector, one legend line"
    texts = [t for t in svg.iter(f"{SVG}text") if t.get("class") == "ladder-small"][-1:]
    for line, text in zip(legend, texts, strict=True):
        assert line.get("y1") == line.get("y2")
        assert float(line.get("x1")) < float(line.get("x2")) < float(text.get("x"))
        assert float(line.get("y1")) < float(text.get("y"))


# Under each level's name, its grade (policy/levels.yaml: 五级 … 一级 for the national levels) or,
# for a level employers set, that it is one (the catalogue's level-kind-enterprise).
SMALL = {
    "zh": ["企业自设", "企业自设", "一级", "二级", "三级", "四级", "五级"],
    "en": ["Set by employers", "Set by employers", "Level 1", "Level 2", "Level 3", "Level 4",
           "Level 5"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_level_shows_its_grade_or_that_employers_set_it(
    policy: Policy, labels: dict[str, dict[str, str]], lang: str
) -> None:
    svg = _draw(policy, labels, lang).find(f"{SVG}svg")
    small = [
        "".join(t.text for t in a.iter(f"{SVG}text") if "ladder-small" in t.get("class"))
        for a, _ in _boxes(svg, "ladder-level")
    ]
    assert small == SMALL[lang]


def test_a_name_in_several_lines_reads_down_the_box_evenly(
    policy: Policy, labels: dict[str, dict[str, str]]
) -> None:
    """An English name wider than a line ("Special-Grade Technician") is drawn line under line,
    at one line's distance, the first line first."""
    svg = _draw(policy, labels, "en").find(f"{SVG}svg")
    wrapped = [
        [
            (float(t.get("y")), t.text)
            for t in a.iter(f"{SVG}text")
            if "ladder-name" in t.get("class")
        ]
        for a, _ in _boxes(svg, "ladder-level")
    ]
    wrapped = [lines for lines in wrapped if len(lines) > 1]
    assert wrapped, "some English name takes two lines"
    for lines in wrapped:
        ys = [y for y, _ in lines]
        steps = {round(b - a) for a, b in itertools.pairwise(ys)}
        assert len(steps) == 1 and steps.pop() > 10, lines
