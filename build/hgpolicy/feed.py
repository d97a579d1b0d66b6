"""The changes page as an Atom feed (RFC 4287), one per language.

An employer or a lawyer who must know when the encoded rules change subscribes to a feed
rather than re-reading a page. Each entry is one change of `policy/changelog.yaml`: its
kind and date in the title, what changed and why as the content, and a link to its section
of the changes page, which links the records and pages it affects. Entry ids are the
change's permanent address, so a reader shows an entry once however often the site is
rebuilt; `updated` is the change's own date, so a rebuild with no new change is no news.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from calculators.plumbing.wording import WORDING

ATOM = "http://www.w3.org/2005/Atom"


def feed_uri(lang: str) -> str:
    """Where the feed in `lang` is, from the site's root: beside the changes page, one file
    per language (`changes/feed.zh.xml`), so every page links both whatever its language."""
    return f"changes/feed.{lang}.xml"


@dataclass(frozen=True)
class FeedText:
    """The feed's own words in one language (from the interface wording)."""

    title: str
    author: str
    kinds: Mapping[str, str]  # change kind → its name
    why: str  # the label before the reason


def feed_words(lang: str) -> FeedText:
    """The feed's words in `lang`, from the catalogue of wording."""
    kinds = ("correction", "edition", "amendment")
    return FeedText(
        title=WORDING["feed-title"].get(lang),
        author=WORDING["feed-author"].get(lang),
        kinds={kind: WORDING[f"change-kind-{kind}"].get(lang) for kind in kinds},
        why=WORDING["change-why"].get(lang) + WORDING["colon"].get(lang),
    )


def _day(date: str) -> str:
    """A change's date as an RFC 3339 time (Atom needs one): midnight, China time."""
    return f"{date}T00:00:00+08:00"


def atom_feed(
    changes: Sequence[Mapping[str, Any]],
    lang: str,
    words: FeedText,
    page_url: str,
    feed_url: str,
    diffs: Mapping[str, str] | None = None,
) -> str:
    """The feed of `changes` (changelog records) in `lang`, newest first.

    `page_url` is the absolute address of the changes page in `lang`, `feed_url` this feed's;
    `diffs`, by change id, the address of what a change did to the text (a clause's
    versions and their differences), linked from its entry as `related`.
    """
    ordered = sorted(changes, key=lambda c: (c["date"], c["id"]), reverse=True)
    updated = _day(ordered[0]["date"]) if ordered else "1970-01-01T00:00:00Z"
    diffs = diffs or {}
    entries = "".join(
        _entry(change, lang, words, page_url, diffs.get(change["id"])) for change in ordered
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="{ATOM}" xml:lang="{"zh-CN" if lang == "zh" else "en"}">\n'
        f"  <id>{escape(feed_url)}</id>\n"
        f"  <title>{escape(words.title)}</title>\n"
        f"  <updated>{updated}</updated>\n"
        f"  <author><name>{escape(words.author)}</name></author>\n"
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(feed_url)}/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(page_url)}/>\n'
        f"{entries}</feed>\n"
    )


def _entry(
    change: Mapping[str, Any], lang: str, words: FeedText, page_url: str, diff: str | None
) -> str:
    address = f"{page_url}#{change['id']}"
    related = f'    <link rel="related" type="text/html" href={quoteattr(diff)}/>\n' if diff else ""
    title = f"{change['date']} · {words.kinds[change['kind']]}"
    content = f"{change['what'][lang]}\n\n{words.why}{change['why'][lang]}"
    return (
        "  <entry>\n"
        f"    <id>{escape(address)}</id>\n"
        f"    <title>{escape(title)}</title>\n"
        f"    <updated>{_day(change['date'])}</updated>\n"
        f'    <link rel="alternate" type="text/html" href={quoteattr(address)}/>\n'
        f"{related}"
        f'    <content type="text">{escape(content)}</content>\n'
        "  </entry>\n"
    )
