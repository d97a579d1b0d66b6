"""Make text from the policy data inert in the Markdown the page templates write.

The templates write Markdown (with some HTML), which Python-Markdown then turns into HTML. A
value from the data must come out as the same text, never as markup: not HTML (`<script>`),
not a Markdown link (`[x](javascript:…)`), not an attribute list (`{ onclick=… }`), not a
block (a line starting `- `, `# `, `!!! `). HTML escaping alone stops only the first, so the
characters Markdown acts on are written as numeric character references too: Python-Markdown
passes references through untouched, and the browser shows them as the characters they are.

Templates escape by default (Jinja's autoescape with `finalize=text`); what a helper writes as
markup on purpose (a link, a citation) is `Markup`, with the data inside it escaped here.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

# Characters that open markup anywhere in a line: HTML, code spans, backslash escapes, emphasis,
# links and images, attribute lists, table cells; control characters; and any white space but
# the plain space (a line break could start a block, and Markdown would take a leading U+2028
# for a space: `**\u2028x**` is no longer bold). Each becomes a numeric character reference.
_INLINE = re.compile(r"[&<>\"'\\`*_\[\]{}|\x00-\x1f\x7f]|[^\S ]")

# What makes a line a block when it starts it: indentation (code), list and heading marks,
# quotes, definitions, admonitions and details, setext underlines, ordered-list numbers.
_BLOCK_START = re.compile(r"(?: {4}| {0,3}(?:[-+*#>|:!?=~]|\d+[.)]))")


def _ref(char: str) -> str:
    return f"&#{ord(char)};"


def text(value: Any) -> Markup:
    """`value` as text that Markdown and HTML show exactly as it is, and never interpret."""
    if isinstance(value, Markup):
        return value
    escaped = _INLINE.sub(lambda m: _ref(m.group()), str(value))
    if _BLOCK_START.match(escaped):
        escaped = _ref(escaped[0]) + escaped[1:]
    return Markup(escaped)
