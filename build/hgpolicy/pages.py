"""Render the policy's page templates (one per page kind) in either language."""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .document import Part, parts
from .policy import Policy

TEMPLATES = Path(__file__).parent / "templates"
SUFFIX = ".md.j2"


class Renderer:
    """Jinja environment bound to one validated policy."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.labels: dict[str, dict[str, str]] = yaml.safe_load(
            (TEMPLATES / "labels.yaml").read_text(encoding="utf-8")
        )
        self.parts: list[Part] = list(parts(policy["document"]))
        self.part_by_id = {part.id: part for part in self.parts}
        self.sources = {s["id"]: s for s in policy["sources"]["sources"]}

    def names(self) -> list[str]:
        """Marker names that have a template."""
        return sorted(p.name.removesuffix(SUFFIX) for p in TEMPLATES.glob(f"*{SUFFIX}"))

    def has(self, name: str) -> bool:
        return (TEMPLATES / f"{name}{SUFFIX}").exists()

    def render(self, name: str, *, lang: str, page_uri: str) -> str:
        """Markdown for marker `name` on the page at `page_uri`, in `lang`."""
        page_dir = posixpath.dirname(page_uri)

        def link(target: str, anchor: str = "") -> str:
            """Relative link from this page to docs page `target` (written as in docs/)."""
            rel = posixpath.relpath(target, page_dir or ".")
            return f"{rel}#{anchor}" if anchor else rel

        def t(text: dict[str, str] | None) -> str:
            """The `lang` side of a {zh, en} record."""
            return "" if text is None else text[lang]

        def label(key: str) -> str:
            """An interface label (not policy data) in `lang`."""
            return self.labels[key][lang]

        def cite(ref: str) -> str:
            """A Markdown link to the clause or external source a rule rests on."""
            if ref in self.part_by_id:
                part = self.part_by_id[ref]
                return f"[{part_label(part)}]({link('text.md', part.anchor)})"
            source = self.sources[ref]
            return f"[{source['number']}]({link('about.md', 'src-' + ref)})"

        def part_label(part: Part) -> str:
            return part.label(lang) or label(part.kind)

        return self.env.get_template(f"{name}{SUFFIX}").render(
            policy=self.policy.data,
            parts=self.parts,
            part=self.part_by_id,
            sources=self.sources,
            lang=lang,
            other="en" if lang == "zh" else "zh",
            t=t,
            label=label,
            link=link,
            cite=cite,
            part_label=part_label,
        )
