"""A value from the data is written into the pages' Markdown as inert text (hgpolicy/escape.py):
each character Markdown or HTML acts on becomes a numeric character reference, and a line that
would open a block (a list, a heading, a quote, a numbered item, indented code) gets its first
character as a reference, so it stays a paragraph. Expected text typed from the character codes
(# is 35, - is 45, 1 is 49, space is 32, > is 62, < is 60)."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from hgpolicy.escape import text

CASES = [
    ("技师", "技师"),  # nothing to escape
    ("# 标题", "&#35; 标题"),  # a heading
    ("- 一项", "&#45; 一项"),  # a list item
    ("1. 第一", "&#49;. 第一"),  # a numbered item
    ("    代码", "&#32;   代码"),  # indented code
    ("> 引用", "&#62; 引用"),  # a quote
    ("a <b> c", "a &#60;b&#62; c"),  # HTML, anywhere in the line
    ("中 - 间", "中 - 间"),  # a dash inside a line opens nothing
]


@pytest.mark.parametrize(("value", "written"), CASES)
def test_a_value_is_written_as_inert_text(value: str, written: str) -> None:
    assert text(value) == written
    assert isinstance(text(value), Markup)


def test_markup_written_on_purpose_is_kept() -> None:
    link = Markup('<a href="x">链接</a>')
    assert text(link) is link
