"""Differences between two versions of a clause, as a reader sees them."""

from __future__ import annotations

from hgpolicy.textdiff import Piece, as_html, diff


def test_chinese_is_compared_character_by_character() -> None:
    # A waiting period changed from 3 to 5 years, and a phrase added.
    old = "取得证书后，累计从事本职业工作3年。"
    new = "取得证书后，累计从事本职业或相关职业工作5年。"
    assert diff(old, new, "zh") == [
        Piece("equal", "取得证书后，累计从事本职业"),
        Piece("insert", "或相关职业"),
        Piece("equal", "工作"),
        Piece("delete", "3"),
        Piece("insert", "5"),
        Piece("equal", "年。"),
    ]


def test_frequent_characters_are_not_junk() -> None:
    # With difflib's junk heuristic, characters in over 1 % of a long text (的, ，) stop
    # anchoring matches; a long clause must still diff as one changed character.
    old = "的，".join(f"第{n}项" for n in range(200))
    new = old.replace("第150项", "第151项")
    pieces = diff(old, new, "zh")
    assert [p for p in pieces if p.op != "equal"] == [Piece("delete", "0"), Piece("insert", "1")]


def test_english_is_compared_word_by_word() -> None:
    old = "at least 3 years of work in this occupation"
    new = "at least 5 years of work in this or a related occupation"
    assert [p for p in diff(old, new, "en") if p.op != "equal"] == [
        Piece("delete", " 3"),
        Piece("insert", " 5"),
        Piece("insert", " or a related"),
    ]
    assert "".join(p.text for p in diff(old, new, "en") if p.op != "delete") == new


def test_unchanged_and_trailing_space() -> None:
    assert diff("同一文本", "同一文本", "zh") == [Piece("equal", "同一文本")]
    assert "".join(p.text for p in diff("a b ", "a c ", "en") if p.op != "delete") == "a c "


def test_html_marks_and_escapes() -> None:
    html = as_html(diff("<b>旧</b>", "<b>新</b>", "zh"))
    # Numeric references: the text goes into Markdown, which leaves them alone (escape.py).
    assert str(html) == "&#60;b&#62;<del>旧</del><ins>新</ins>&#60;/b&#62;"


def test_a_run_of_words_taken_out_is_one_deletion_and_nothing_inserted() -> None:
    assert diff("经备案的职业技能竞赛", "职业技能竞赛", "zh") == [
        Piece("delete", "经备案的"),
        Piece("equal", "职业技能竞赛"),
    ]
    # A clause replaced by none: all of it struck.
    assert str(as_html(diff("全文", "", "zh"))) == "<del>全文</del>"
