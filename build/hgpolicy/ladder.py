"""The level ladder as an inline SVG, drawn at build time from levels, titles and equivalence.

Skill levels stand in a column, the highest at the top; each engineering title stands beside
the level whose holders it is compared with, joined by a connector: equal treatment under the
Huangshi text (equivalence `treatment`), and nothing else (what outside sources report about the
enterprise-set levels is a note in the tables, never a connector). No script draws anything in
the browser: the page carries
the finished picture, styled by policy.css, and every box links to its row in the tables below.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from calculators.model.index import PolicyIndex
from calculators.plumbing.texts import Text

# Geometry, in SVG user units (about one CSS pixel on a phone at full width).
WIDTH = 400
ARROW_X = 9
LEVEL_X, BOX_W = 22, 158
TITLE_X = WIDTH - BOX_W - 2
HEAD_H = 30
ROW_H, GAP = 52, 10
WRAP = 21  # characters of English per line before a name wraps
LINE_H = 15
PAD = 9  # text inset in a box


def _lines(text: str, lang: str) -> list[str]:
    """Break an English name at spaces into lines of at most WRAP characters."""
    if lang != "en" or len(text) <= WRAP:
        return [text]
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _fit(text: str, size: float) -> str:
    """A textLength attribute that squeezes `text` into a box when it would overflow it."""
    width = sum(size if ord(ch) >= 0x2E80 else size * 0.5 for ch in text)  # CJK from U+2E80
    avail = BOX_W - 2 * PAD
    return f' textLength="{avail}" lengthAdjust="spacingAndGlyphs"' if width > avail else ""


def _box(
    *, x: int, y: int, href: str, css: str, small: str, name: str, lang: str, tooltip: str
) -> str:
    """One linked box: a small line (grade or kind) above the name."""
    names = _lines(name, lang)
    top = y + ROW_H / 2 - (len(names) * LINE_H + 12) / 2 + 10
    text = [
        f'<text x="{x + PAD}" y="{top:.0f}" class="ladder-small"{_fit(small, 11)}>'
        f"{escape(small)}</text>"
    ]
    text += [
        f'<text x="{x + PAD}" y="{top + 15 + i * LINE_H:.0f}" class="ladder-name"'
        f"{_fit(line, 14)}>{escape(line)}</text>"
        for i, line in enumerate(names)
    ]
    return (
        f'<a href="#{href}" class="{css}"><title>{escape(tooltip)}</title>'
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{ROW_H}" rx="6"/>' + "".join(text) + "</a>"
    )


def ladder_svg(
    model: PolicyIndex, lang: str, label: Callable[[str], str], anchor: Callable[[str, str], str]
) -> str:
    """The ladder for the page in `lang`, as one line of HTML (a figure holding the SVG).

    `label` gives interface words; `anchor(stem, id)` the id of a record's row on the page.
    """
    levels = sorted(model.levels.values(), key=lambda lv: -lv.order)
    treatment = model.equivalence.treatment
    links = [(e.level, e.title) for e in treatment]
    row = {lv.id: HEAD_H + i * (ROW_H + GAP) for i, lv in enumerate(levels)}
    height = HEAD_H + len(levels) * (ROW_H + GAP) + LINE_H + 6

    def t(text: Text) -> str:
        return text.get(lang)

    # Column heads and the arrow pointing up to the senior levels
    out = [
        f'<text x="{LEVEL_X}" y="18" class="ladder-head">{escape(label("ladder-levels"))}</text>',
        f'<text x="{TITLE_X}" y="18" class="ladder-head">{escape(label("ladder-titles"))}</text>',
        f'<line x1="{ARROW_X}" y1="{height - LINE_H - 12}" x2="{ARROW_X}" y2="{HEAD_H + 4}" '
        'class="ladder-arrow" marker-end="url(#ladder-arrowhead)"/>',
    ]
    # One box per level, highest first
    for lv in levels:
        small = t(lv.grade) if lv.grade is not None else label(f"level-kind-{lv.kind}")
        out.append(
            _box(
                x=LEVEL_X,
                y=row[lv.id],
                href=anchor("levels", lv.id),
                css=f"ladder-level ladder-{lv.kind}",
                small=small,
                name=t(lv.name),
                lang=lang,
                tooltip=f"{small} {t(lv.name)}",
            )
        )
    # Each title beside the level it is compared with, and the connector between them
    for level_id, title_id in links:
        y = row[level_id] + ROW_H / 2
        title = model.titles[title_id]
        out.append(
            f'<line x1="{LEVEL_X + BOX_W}" y1="{y:.0f}" x2="{TITLE_X}" y2="{y:.0f}" '
            'class="ladder-link ladder-equal"/>'
        )
        out.append(
            _box(
                x=TITLE_X,
                y=row[level_id],
                href=anchor("titles", title_id),
                css="ladder-title ladder-equal",
                small=t(model.tiers[title.tier].name),
                name=t(title.name),
                lang=lang,
                tooltip=f"{t(title.name)} ({label('ladder-equal')})",
            )
        )
    # Legend: what a connector means, with the condition the data sets
    conditions = sorted({e.condition for e in treatment})
    legend = (
        label("ladder-equal")
        + label("colon")
        + ", ".join(label(f"condition-{c}") for c in conditions)
    )
    y = height - LINE_H + 8
    out.append(
        f'<line x1="{LEVEL_X}" y1="{y - 4}" x2="{LEVEL_X + 28}" y2="{y - 4}" '
        'class="ladder-link ladder-equal"/>'
        f'<text x="{LEVEL_X + 36}" y="{y}" class="ladder-small">{escape(legend)}</text>'
    )
    desc = "; ".join(
        (f"{t(lv.grade)} " if lv.grade is not None else "") + t(lv.name) for lv in levels
    )
    return (
        f'<figure class="ladder" lang="{lang}" data-search-exclude>'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="ladder-caption" aria-describedby="ladder-desc">'
        f'<desc id="ladder-desc">{escape(desc)}</desc>'
        '<defs><marker id="ladder-arrowhead" viewBox="0 0 10 10" refX="5" refY="5" '
        'markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
        + "".join(out)
        + f'</svg><figcaption id="ladder-caption">{escape(label("ladder-caption"))}</figcaption>'
        "</figure>"
    )
