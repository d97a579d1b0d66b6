"""Render the policy's page templates (one per page kind) in either language."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from calculators.model.document import Part
from calculators.model.index import PolicyIndex
from calculators.model.records import Source
from calculators.model.versions import DATED_RULES
from calculators.plumbing.messages import human_day
from calculators.plumbing.texts import Text
from calculators.plumbing.wording import SCRIPT_WORDING, catalogue, in_language
from calculators.registry import Calculator, calculators, form
from calculators.rules.asof import rules_on

from .escape import text as escape_text
from .ladder import ladder_svg
from .policy import Policy
from .sitepages import BY_URI, SITE_PAGES, SitePage
from .timepages import Change, changes, clause_history, versions_anchor

TEMPLATES = Path(__file__).parent / "templates"
SUFFIX = ".md.j2"

# Data

# The page that shows each policy file (`stem`) or one list of it (`stem/key`). The reverse
# index links each record citing a clause to its page, at `anchor(stem, id)`; the downloads
# page says where each file is shown.
PAGES: dict[str, str] = {
    "document": "text.md",
    "tags": "topics.md",
    "glossary": "glossary.md",
    "sources": "sources.md",
    "confidence": "about.md",
    "changelog": "changes.md",
    "faq": "faq.md",
    "levels": "reference/levels.md",
    "titles": "reference/levels.md",
    "equivalence": "reference/levels.md",
    "application-routes": "reference/application-routes.md",
    "education": "reference/application-routes.md",
    "special-routes": "reference/special-routes.md",
    "evaluation": "reference/evaluation.md",
    "evaluation/evaluators": "reference/evaluators.md",
    "evaluation/certificates": "reference/evaluators.md",
    "evaluation/supervision": "reference/evaluators.md",
    "targets": "reference/targets.md",
}


DOWNLOADS = "downloads"  # the site folder that serves the policy data


@dataclass(frozen=True)
class Published:
    """One file of the downloads folder: its path in the site, and the file it copies."""

    uri: str
    source: Path | None  # None: generated (policy.json)

    @property
    def name(self) -> str:
        return self.uri.removeprefix(f"{DOWNLOADS}/")

    @property
    def stem(self) -> str:
        """The policy file stem it belongs to (`levels` for levels.yaml and its schema)."""
        return self.name.rsplit("/", 1)[-1].split(".", 1)[0]


def published(policy_dir: Path) -> list[Published]:
    """Everything the downloads folder holds, policy.json first."""
    files = [Published(f"{DOWNLOADS}/policy.json", None)]
    files += [Published(f"{DOWNLOADS}/{p.name}", p) for p in sorted(policy_dir.glob("*.yaml"))]
    files += [
        Published(f"{DOWNLOADS}/schema/{p.name}", p)
        for p in sorted((policy_dir / "schema").glob("*.schema.json"))
    ]
    return files


def applied_rules(found: Mapping[str, Calculator]) -> dict[str, set[tuple[str, str]]]:
    """Each calculator page's dated rule lists: those its calculators (`found`, the registry)
    apply, from their declarations (`Calculator.applies`)."""
    return {
        page.uri: {rule for kind in page.calculators for rule in found[kind].applies}
        for page in SITE_PAGES
        if page.calculators
    }


def anchor(stem: str, record_id: str) -> str:
    """HTML id of a record on its page: `levels-technician`, `special-routes-c9-4-competition`."""
    return f"{stem}-{record_id}".replace(".", "-")


@dataclass(frozen=True)
class Record:
    """A rule record that cites a clause or source: where it lives and where it is shown."""

    stem: str
    key: str
    data: dict[str, Any]
    page: str

    @property
    def anchor(self) -> str:
        return anchor(self.stem, self.data["id"])


def _records(policy: Policy, skip: tuple[str, ...]) -> Iterator[tuple[Record | None, dict]]:
    """Every record with an id in the rule files (the notes nested in a record, such as an
    enterprise level's reported notes, too), with its page; None where no page shows it."""
    for stem, data in policy.data.items():
        if stem in skip or not isinstance(data, dict):
            continue
        for key, value in data.items():
            records = [r for r in value if "id" in r] if isinstance(value, list) else []
            records += [n for r in records for n in r.get("notes", []) if "id" in n]
            page = PAGES.get(f"{stem}/{key}") or PAGES.get(stem)
            for record in records:
                yield (Record(stem, key, record, page) if page else None), record


def cited_records(policy: Policy) -> dict[str, list[Record]]:
    """Every record of every rule file, by the clause or source id it cites (`source`, `also`)."""
    index: dict[str, list[Record]] = {}
    for found, record in _records(policy, skip=("document", "sources")):
        cites = [ref for ref in [record.get("source"), *record.get("also", [])] if ref]
        if not cites:
            continue
        if found is None:
            raise KeyError(f"no page shows the record {record['id']!r}: add its file to PAGES")
        for ref in cites:
            index.setdefault(ref, []).append(found)
    return index


def _directory_url(doc: str) -> str:
    """Where docs page `doc` is served: `faq.md` at `faq`, `index.md` at the root ("")."""
    stem = doc.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def records_by_id(policy: Policy) -> dict[str, Record]:
    """Every record with an id in the rule files, by id, with the page that shows it: what a
    change record's `records` link to."""
    found: dict[str, Record] = {}
    for record, _ in _records(policy, skip=("document",)):
        if record is not None:
            found.setdefault(record.data["id"], record)
    return found


def _chains(model: PolicyIndex) -> dict[str, dict[str, str]]:
    """The dates of every rule record that is, or has, a later version, by record id."""
    dated = {}
    for stem, key in DATED_RULES:
        records = model.data[stem][key]
        versioned = {r["version_of"] for r in records if r.get("version_of")}
        for raw in records:
            if raw["id"] in versioned or raw.get("version_of"):
                validity = model.timeline.rule_validity(raw)
                start, end = validity.valid_from, validity.valid_until
                dated[raw["id"]] = {
                    k: day.text for k, day in (("from", start), ("until", end)) if day is not None
                }
    return dated


# Rendering


class Renderer:
    """Jinja environment bound to one validated policy."""

    def __init__(self, policy: Policy) -> None:
        self.policy: Policy = policy
        # Every value a template prints is escaped (see escape.py) unless it is Markup: the
        # markup the helpers below write on purpose, with the data inside escaped.
        self.env: Environment = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            autoescape=True,
            finalize=escape_text,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.model: PolicyIndex = policy.model
        self.parts: list[Part] = list(self.model.document.parts)
        self.part_by_id: dict[str, Part] = self.model.clauses
        self.sources: dict[str, Source] = self.model.sources
        self.cited: dict[str, list[Record]] = cited_records(policy)
        self.records: dict[str, Record] = records_by_id(policy)
        # Each calculator's form, from its declaration (calculators/registry.py); then the
        # catalogue of wording, with what the calculator modules have added to it.
        self.forms = {kind: form(calc, self.model) for kind, calc in calculators().items()}
        self.labels: dict[str, dict[str, str]] = catalogue()
        # The day of the build: a change from a later day is pending; the rules of this day
        # are the ones the ladder draws.
        self.today: date = date.today()
        self.today_rules: PolicyIndex = rules_on(self.model, self.today)
        self.changes: list[Change] = changes(
            self.model, PAGES, self.today, applied_rules(calculators())
        )

    def record_dates(self, record_id: str) -> dict[str, str] | None:
        """The dates of a rule record that has versions (`{"from", "until"}` as the data
        writes them, an end missing where none is known), None for a record with one."""
        chains = self.model.memo("record-chains", lambda: _chains(self.model))
        return chains.get(record_id)

    def page_title(self, page: str, lang: str) -> str:
        """The title of site page `page` (`glossary.md`) in `lang`: its first heading."""
        if page not in BY_URI:
            raise LookupError(f"{page!r} is not a page of the site (see sitepages.py)")
        return self.labels[BY_URI[page].title_label][lang]

    def page_source(self, page: SitePage, lang: str) -> str:
        """The Markdown of a site page in `lang`, as MkDocs reads a page: its front matter
        (`meta`), its title as the first heading, then its template rendered for it."""
        front = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
        body = self.render(page.template, lang=lang, page_uri=page.uri)
        banner = self.render("_banner", lang=lang, page_uri=page.uri, suffix=".j2")
        return f"{front}# {self.page_title(page.uri, lang)}\n\n{banner}{body}\n"

    def render(self, name: str, *, lang: str, page_uri: str, suffix: str = SUFFIX) -> str:
        """Markdown of template `name` for the page at `page_uri`, in `lang`."""
        page = PageContext(self, lang, posixpath.dirname(page_uri), page_uri)
        return self.env.get_template(f"{name}{suffix}").render(
            policy=self.policy.data,
            model=self.model,
            parts=self.parts,
            part=self.part_by_id,
            sources=self.sources,
            lang=lang,
            other="en" if lang == "zh" else "zh",
            t=page.t,
            label=page.label,
            day=page.day,
            link=page.link,
            url=page.url,
            cite=page.cite,
            part_label=page.part_label,
            part_title=page.part_title,
            confidence=page.confidence,
            number=page.number,
            record_name=page.record_name,
            name_of=page.name_of,
            by_id=page.by_id,
            anchor=anchor,
            derived=page.derived,
            record_link=page.record_link,
            page_title=lambda doc: self.page_title(doc, lang),
            exists=lambda doc: doc in BY_URI,
            # The ladder draws the rules in force on the day of the build.
            ladder=lambda: Markup(ladder_svg(self.today_rules, lang, page.label, anchor)),
            downloads=published(self.policy.root),
            # The version every calculator answer carries, shown on the changes page.
            data_version=self.model.data_version,
            pages=PAGES,
            forms=self.forms,
            script_wording=in_language(SCRIPT_WORDING, lang),
            # Time (timepages.py): what on this page has a later version, each changed clause's
            # versions, the dates of a versioned rule record.
            page_uri=page_uri,
            page_changes=[c for c in self.changes if c.on(page_uri)],
            all_changes=self.changes,
            clause_history=lambda part_id: clause_history(self.model, part_id, self.today),
            versions_anchor=versions_anchor,
            record_dates=self.record_dates,
        )


@dataclass(frozen=True)
class PageContext:
    """The helpers templates call, bound to one page (its folder) and one language."""

    renderer: Renderer
    lang: str
    page_dir: str
    page_uri: str = ""

    def link(self, target: str, anchor: str = "") -> Markup:
        """Relative link from this page to docs page `target` (written as in docs/)."""
        rel = posixpath.relpath(target, self.page_dir or ".")
        return Markup.escape(f"{rel}#{anchor}" if anchor else rel)

    def url(self, target: str, anchor: str = "") -> Markup:
        """Relative address of docs page `target` from this page as built (directory URLs),
        for raw HTML, where MkDocs does not rewrite `.md` links: from calculators/eligibility.md,
        `faq.md` is `../../faq/`."""
        here, there = (_directory_url(uri) for uri in (self.page_uri, target))
        rel = posixpath.relpath(there or ".", here or ".") + "/"
        return Markup.escape(f"{rel}#{anchor}" if anchor else rel)

    def t(self, text: Text | dict[str, str] | None) -> str:
        """The `lang` side of a text of the model or a {zh, en} record of the data."""
        if text is None:
            return ""
        return text.get(self.lang) if isinstance(text, Text) else text[self.lang]

    def day(self, text: str) -> str:
        """A date the data writes as ISO text (2027, 2027-03, 2027-03-01), as people write it
        in `lang` and to the precision the data knows: "2027年3月1日" / "1 March 2027"."""
        return human_day(text).get(self.lang)

    def label(self, key: str) -> Markup:
        """An interface label in `lang`: the templates' own words, Markdown allowed."""
        return Markup(self.renderer.labels[key][self.lang])

    def cite(self, ref: str, of: str = "", short: bool = False) -> Markup:
        """A Markdown link to the clause or external source a rule rests on.

        `of` names the record (its anchor) the citation belongs to, so tests can check that
        every derived fact links to the clause it rests on; `short` gives only the clause's
        number, for tables (the full label is then its tooltip); a section keeps its short
        heading, since a bare “一” or “I” says nothing.
        """
        attrs = Markup('.cite data-of="{}"').format(escape_text(of)) if of else Markup(".cite")
        if ref in self.renderer.part_by_id:
            part = self.renderer.part_by_id[ref]
            text = escape_text(self.part_title(part))
            if short and part.kind != "section":
                text, attrs = escape_text(self.part_number(part)), f'{attrs} title="{text}"'
            return Markup(f"[{text}]({self.link('text.md', part.anchor)}){{ {attrs} }}")
        source = self.renderer.sources[ref]
        text = escape_text(source.number)
        if self.lang == "en":
            # English readers get the number in English beside the Chinese one; a table's
            # short citation gives the English alone, the Chinese as its tooltip.
            english = escape_text(source.number_en)
            if short:
                text, attrs = english, f'{attrs} title="{text}"'
            else:
                text = f"{english} ({text})"
        if source.scope is not None:
            open_, close = self.label("open-bracket"), self.label("close-bracket")
            text = f"{text}{open_}{escape_text(self.t(source.scope))}{close}"
        return Markup(f"[{text}]({self.link('sources.md', 'src-' + ref)}){{ {attrs} }}")

    def part_label(self, part: Part) -> str:
        """The part's number and heading as printed: “（四）健全层级设置”, “(4) Improving …”."""
        return part.label(self.lang) or self.label(part.kind)

    def part_title(self, part: Part) -> str:
        """The label as cited out of context: a sub-item carries its clause's number."""
        if not part.clause:
            return self.part_label(part)
        parent = self.part_number(self.renderer.part_by_id[part.clause])
        return f"{parent}{self._space}{self.part_label(part)}"

    def part_number(self, part: Part) -> str:
        """The part's number alone: 一, （四）, （九）4 in Chinese; I, (4), (9) 4 in English;
        a part without a heading (the preamble, the closing) by what it is."""
        if part.heading is None:
            return self.label(part.kind)
        number = part.number(self.lang)
        if part.clause:
            parent = self.part_number(self.renderer.part_by_id[part.clause])
            return f"{parent}{self._space}{number}"
        return number

    @property
    def _space(self) -> str:
        return " " if self.lang == "en" else ""

    def confidence(self, mark: str) -> Markup:
        """The confidence mark of an external fact (confidence.yaml's wording), linked to
        what the marks mean."""
        label = self.renderer.model.confidence_label(mark)
        text, title = escape_text(self.t(label)), self.label("confidence")
        href = self.link("about.md", f"confidence-{mark}")
        css = escape_text(mark)
        return Markup(f'[{text}]({href}){{ .confidence .confidence-{css} title="{title}" }}')

    def number(self, value: int) -> Markup:
        """A head count as a reader of `lang` writes it: 33万 / 330,000."""
        # A formatted number is safe as it is: escaped, "11.5万" would read as a list number and
        # its first digit would be written as a character reference, shown literally in HTML.
        if self.lang == "zh" and value >= 10000:
            return Markup(f"{value / 10000:g}万")
        return Markup(f"{value:,}")

    def by_id(self, stem: str, key: str) -> dict[str, dict[str, Any]]:
        """The records of one list of policy/<stem>.yaml, by id."""
        return {r["id"]: r for r in self.renderer.policy[stem][key]}

    def name_of(self, data: dict[str, Any]) -> str:
        """What a provision is called: its `name`, else the heading of the part it cites.

        A record that is a clause or sub-item of the text (the methods of （九）1–4) has no name
        of its own in the data: the heading in document.yaml is its name.
        """
        if "name" in data:
            return self.t(data["name"])
        return self.t(self.renderer.part_by_id[data["source"]].heading)

    def record_name(self, record: Record) -> str:
        """What a record is called: its name, its term, the level and title it pairs, or the
        heading of the part it is."""
        data = record.data
        if "name" in data:
            return self.t(data["name"])
        if "zh" in data:
            return data[self.lang]
        levels, titles = self.renderer.model.levels, self.renderer.model.titles
        if "target" in data:
            return f"{data['label']} → {self.t(levels[data['target']].name)}"
        if data.get("title"):
            title = titles[data["title"]]
            return f"{self.t(levels[data['level']].name)} → {self.t(title.name)}"
        if "level" in data:
            return self.t(levels[data["level"]].name)
        part = self.renderer.part_by_id.get(data.get("source") or "")
        if part is not None and part.heading is not None:
            return self.name_of(data)
        if isinstance(data.get("text"), dict):
            return self.excerpt(self.t(data["text"]))
        return data["id"]

    def excerpt(self, text: str) -> str:
        """The opening words of a note, to name it in a list: 24 characters of Chinese, about
        60 of English (cut at a word), then an ellipsis."""
        limit = 24 if self.lang == "zh" else 60
        if len(text) <= limit:
            return text
        cut = text[:limit]
        if self.lang == "en" and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        return cut.rstrip("，,；;：: ") + "…"

    def record_link(self, record_id: str) -> Markup:
        """A Markdown link to a record of the data (a clause, a source, a rule) by its id."""
        if record_id in self.renderer.part_by_id:
            return self.cite(record_id)
        if record_id in self.renderer.sources:
            return self.cite(record_id)
        record = self.renderer.records[record_id]
        if record.stem == "confidence":
            return self.confidence(record_id)
        target = self.link(record.page, record.anchor)
        return Markup(f"[{escape_text(self.record_name(record))}]({target})")

    def derived(self, ref: str) -> list[tuple[str, list[Record]]]:
        """Records citing `ref`, grouped by the page that shows them, in page order."""
        groups: dict[str, list[Record]] = {}
        for record in self.renderer.cited.get(ref, []):
            groups.setdefault(record.page, []).append(record)
        return list(groups.items())
