"""The changes feed: valid Atom, one entry per change, newest first, ids that stay put."""

from __future__ import annotations

from xml.etree import ElementTree

from hgpolicy.feed import FeedText, atom_feed
from hgpolicy.policy import Policy

NS = {"a": "http://www.w3.org/2005/Atom"}
WORDS = FeedText(
    title="变更记录",
    author="本站",
    kinds={"correction": "更正", "edition": "新版本", "amendment": "修改"},
    why="原因：",
)
PAGE = "https://example.org/changes/"
FEED = "https://example.org/changes/feed.xml"


def change(ident: str, date: str, what: str = "改了", kind: str = "correction") -> dict:
    return {"id": ident, "date": date, "kind": kind, "what": {"zh": what, "en": "changed"},
            "why": {"zh": "因为", "en": "because"}}  # fmt: skip


def test_entries_newest_first_with_permanent_ids_and_escaped_text() -> None:
    changes = [
        change("first", "2026-01-05"),
        change("third", "2026-11-30", what="“<b>”与 & 符号", kind="edition"),
        change("second", "2026-06-01"),
    ]
    feed = ElementTree.fromstring(atom_feed(changes, "zh", WORDS, PAGE, FEED))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"
    assert feed.findtext("a:updated", namespaces=NS) == "2026-11-30T00:00:00+08:00"
    assert feed.findtext("a:id", namespaces=NS) == FEED
    entries = feed.findall("a:entry", NS)
    assert [e.findtext("a:id", namespaces=NS) for e in entries] == [
        f"{PAGE}#third", f"{PAGE}#second", f"{PAGE}#first",
    ]  # fmt: skip
    top = entries[0]
    assert top.findtext("a:title", namespaces=NS) == "2026-11-30 · 新版本"
    assert top.findtext("a:content", namespaces=NS) == "“<b>”与 & 符号\n\n原因：因为"
    assert top.find("a:link", NS).get("href") == f"{PAGE}#third"
    # Every element Atom requires of a feed and of an entry is there.
    for required in ("a:title", "a:author/a:name", "a:link[@rel='self']"):
        assert feed.find(required, NS) is not None, required
    for entry in entries:
        for required in ("a:id", "a:title", "a:updated"):
            assert entry.findtext(required, namespaces=NS), required


def test_the_projects_changelog_gives_one_entry_per_change(policy: Policy) -> None:
    changes = policy["changelog"]["changes"]
    english = FeedText(
        "Changes", "the site", {k: k for k in ("correction", "edition", "amendment")}, "Why: "
    )
    feed = ElementTree.fromstring(atom_feed(changes, "en", english, PAGE, FEED))
    ids = [e.findtext("a:id", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert len(ids) == len(changes) == len(set(ids))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
