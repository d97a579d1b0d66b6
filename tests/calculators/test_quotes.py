"""The clauses an answer rests on, quoted under it (interfaces/quotes.py): each cited clause of
the Huangshi text once, in the order cited, as its label, its words and, for an English page,
the Chinese original. Expected words are read from the source text in policy/source/, not from
the model the answer is built from."""

from __future__ import annotations

import re
from pathlib import Path

from calculators.interfaces.quotes import quoted_clauses
from calculators.model.index import PolicyIndex

SOURCE = Path(__file__).resolve().parents[2] / "policy/source/huangshi-hgwf-2020-4.txt"


def _body(number: str) -> str:
    """The words of clause （number） in the source, after its heading sentence."""
    text = SOURCE.read_text(encoding="utf-8")
    line = re.search(rf"^（{number}）[^。]*。(.*)$", text, re.MULTILINE)
    assert line is not None
    return line.group(1).strip()


def _words(zh: str, en: str) -> dict[str, dict[str, str]]:
    return {"text": {"zh": zh, "en": en}}


def test_each_cited_clause_is_quoted_once_in_the_order_cited(index: PolicyIndex) -> None:
    """A document cited (人社部发〔2018〕74号) and a part with no words of its own (section
    二) are not quoted; a clause cited twice is quoted once."""
    node = quoted_clauses(["c14", "rsbf-2018-74", "s2", "c6", "c14"], index)
    assert node is not None
    assert (node["tag"], node["class"]) == ("details", "calc-details")
    summary, listed, unofficial = node["children"]
    assert summary == {
        "tag": "summary",
        "children": [_words("所依据的条文原文（2）", "The clauses it rests on (2)")],
    }
    assert listed["tag"] == "ul"
    assert [item["children"][0] for item in listed["children"]] == [
        {
            "tag": "strong",
            "children": [
                {
                    "ref": "c14",
                    "label": {
                        "zh": "黄改委发〔2020〕4号（十四）",
                        "en": "黄改委发〔2020〕4号, clause (14)",
                    },
                }
            ],
        },
        {
            "tag": "strong",
            "children": [
                {
                    "ref": "c6",
                    "label": {
                        "zh": "黄改委发〔2020〕4号（六）",
                        "en": "黄改委发〔2020〕4号, clause (6)",
                    },
                }
            ],
        },
    ]
    assert unofficial == {
        "tag": "p",
        "class": "calc-quote-original",
        "children": [
            {
                "tag": "small",
                "children": [
                    _words(
                        "",
                        "The English is an unofficial translation for reference only; the "
                        "Chinese original prevails.",
                    )
                ],
            }
        ],
    }


def test_a_quote_gives_the_clause_s_words_then_the_chinese_original_on_an_english_page(
    index: PolicyIndex,
) -> None:
    node = quoted_clauses(["c14"], index)
    assert node is not None
    (item,) = node["children"][1]["children"]
    assert item["tag"] == "li"
    assert len(item["children"]) == 3
    words, original = item["children"][1:]
    c14 = _body("十四")
    assert c14.startswith("推动人才评价与使用激励紧密结合")
    assert (words["tag"], words["class"]) == ("p", "calc-quote")
    (said,) = words["children"]
    assert said["text"]["zh"] == c14
    assert "Senior Workers, Technicians and Senior Technicians" in said["text"]["en"]
    assert original == {
        "tag": "p",
        "class": "calc-quote-original",
        "children": [_words("", f"The text: {c14}")],
    }


def test_an_answer_that_cites_no_clause_quotes_nothing(index: PolicyIndex) -> None:
    assert quoted_clauses(["rsbf-2018-74", "s2"], index) is None
    assert quoted_clauses([], index) is None
