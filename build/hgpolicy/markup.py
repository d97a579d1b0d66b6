"""What the schemas' `x-plain-text` keyword refuses in a text field: anything that is markup.

The pages escape every value from the data (escape.py), so markup would only ever show as
stray characters; it is refused at the source too, so that a reviewer sees the mistake in the
pull request with file:line, and so that whoever else reads policy.json or the YAML is not
handed markup. Nothing in the policy's wording needs these: its links are citations by id.
"""

from __future__ import annotations

import re

# Each kind of markup, as the message names it, and a pattern that finds it.
MARKUP: list[tuple[str, re.Pattern[str]]] = [
    ("an HTML tag or autolink", re.compile(r"<[A-Za-z/!?]")),
    ("an HTML character reference", re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]\w*);")),
    ("a Markdown link or image", re.compile(r"\]\s*[(\[:]")),
    ("a brace (Markdown attribute list or template syntax)", re.compile(r"[{}]")),
    ("a backtick (Markdown code)", re.compile(r"`")),
    ("a backslash escape", re.compile(r"\\")),
    ("an event-handler attribute", re.compile(r"(?i)\bon[a-z]+\s*=")),
    ("a link scheme other than http(s)", re.compile(r"(?i)\b(?!https?:)[a-z][a-z0-9+.-]*:(?=\S)")),
    ("a control character", re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")),
]


def find_markup(text: str) -> str | None:
    """What markup `text` holds and where (`an HTML tag … at '<scr'`), or None if it is plain."""
    found = [(m.start(), kind, m) for kind, pattern in MARKUP if (m := pattern.search(text))]
    if not found:
        return None
    _, kind, match = min(found, key=lambda f: f[0])
    return f"{kind} at {text[match.start() : match.start() + 12]!r}"
