"""One search index per language, so that a reader searching in English finds English pages.

Material's search plugin writes one `search/search_index.json` for the whole site, and
mkdocs-static-i18n builds the other languages into it as well: a Chinese query on a Chinese
page listed English pages too, and the reverse (a known limit, mkdocs-static-i18n issue #31).
Material's page script fetches the index from `search/search_index.json` under the page's
`base` (the `__config` it reads) and resolves each result's `location` against that same
`base`. So each further language gets its own index in its own folder (`en/search/…`, the
locations relative to `en/`), the root index keeps the default language's pages, and the
pages of a further language name their language's folder as their `base` (`base_for`).
Nothing else of Material's reads `base` on this site (no instant navigation, no versions).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def base_for(base_url: str, lang: str, default: str) -> str:
    """The `base` a page in `lang` gives Material: its language's folder for a further
    language (`../..` → `../../en/`: with the slash, or the browser resolves addresses
    against its parent), the site's root for the default one."""
    return base_url if lang == default else posixpath.join(base_url, lang, "")


def split_index(site: Path, languages: list[str]) -> dict[str, int]:
    """Rewrite the site's search index as one per language (`languages`: the default one
    first); returns how many entries each language's index holds (none without the search
    plugin, which wrote no index)."""
    if not (site / INDEX).is_file():
        return {}
    whole = json.loads((site / INDEX).read_text(encoding="utf-8"))
    default, *others = languages
    parts: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in whole["docs"]:
        lang = next((o for o in others if doc["location"].startswith(f"{o}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"].removeprefix(f"{lang}/")}
        parts[lang].append(doc)
    for lang, docs in parts.items():
        path = site / INDEX if lang == default else site / lang / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({**whole, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
    return {lang: len(docs) for lang, docs in parts.items()}
