"""A feed as a reader receives it, whole: RFC 4287's elements in order, the feed's words
from the catalogue in Chinese (the wording of `feed-title`, `feed-author`, the change kinds
and `change-why`), newest change first, each entry's `updated` its own date at midnight China
time, and an empty changelog dated at the epoch, never now."""

from __future__ import annotations

from hgpolicy.feed import atom_feed, feed_words

CHANGES = [
    {"id": "a", "date": "2026-01-02", "kind": "correction",
     "what": {"zh": "改了甲", "en": "A"}, "why": {"zh": "因为乙", "en": "B"}},
    {"id": "b", "date": "2026-03-04", "kind": "edition",
     "what": {"zh": "丙", "en": "C"}, "why": {"zh": "丁", "en": "D"}},
]  # fmt: skip


def test_a_chinese_feed_as_a_reader_receives_it() -> None:
    page, feed = "https://x.org/changes/", "https://x.org/changes/feed.zh.xml"
    assert atom_feed(CHANGES, "zh", feed_words("zh"), page, feed) == (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">\n'
        "  <id>https://x.org/changes/feed.zh.xml</id>\n"
        "  <title>黄石市技能人才评价制度改革：变更记录</title>\n"
        "  <updated>2026-03-04T00:00:00+08:00</updated>\n"
        "  <author><name>本站维护者（非官方）</name></author>\n"
        '  <link rel="self" type="application/atom+xml" href="https://x.org/changes/feed.zh.xml"/>\n'
        '  <link rel="alternate" type="text/html" href="https://x.org/changes/"/>\n'
        "  <entry>\n"
        "    <id>https://x.org/changes/#b</id>\n"
        "    <title>2026-03-04 · 新版本</title>\n"
        "    <updated>2026-03-04T00:00:00+08:00</updated>\n"
        '    <link rel="alternate" type="text/html" href="https://x.org/changes/#b"/>\n'
        '    <content type="text">丙\n\n原因：丁</content>\n'
        "  </entry>\n"
        "  <entry>\n"
        "    <id>https://x.org/changes/#a</id>\n"
        "    <title>2026-01-02 · 更正</title>\n"
        "    <updated>2026-01-02T00:00:00+08:00</updated>\n"
        '    <link rel="alternate" type="text/html" href="https://x.org/changes/#a"/>\n'
        '    <content type="text">改了甲\n\n原因：因为乙</content>\n'
        "  </entry>\n"
        "</feed>\n"
    )


def test_the_feeds_words_in_chinese() -> None:
    words = feed_words("zh")
    assert (words.title, words.author, words.why) == (
        "黄石市技能人才评价制度改革：变更记录", "本站维护者（非官方）", "原因：",
    )  # fmt: skip
    assert words.kinds == {"correction": "更正", "edition": "新版本", "amendment": "修订"}


def test_an_empty_changelog_is_dated_at_the_epoch() -> None:
    text = atom_feed([], "en", feed_words("en"), "p", "f")
    assert "  <updated>1970-01-01T00:00:00Z</updated>\n" in text
    assert "<entry>" not in text
