"""One answer, one rendering: the page and the CLI lay out the same view (calculators/interfaces/view.py),
so the same decision shows the same facts in Chromium and in a terminal: the verdict, each
folded part and its count, each route with its state and what it still needs, each special
route's status, the notes and the data version.

The page is opened at a shared address and answered by Python in the browser; the CLI is run
as a person would run it, with the same facts as options. The verdict and the routes met are
also checked against the API, so two renderings that agreed on nothing would not pass.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

import pytest

from calculators import api
from tests.calculators.test_calculator_cli import cli

DECISIONS = [
    ("eligibility", "target=technician&certificate=senior-worker&years_since_certificate=3"
     "&competition_rank=4&extensions=true"),
    ("eligibility", "target=senior-worker&certificate=intermediate-worker&years_since_certificate=6"),
    ("equivalence", "level=senior-technician&hired=true"),
    ("equivalence", "level=junior-worker&hired=false"),
]  # fmt: skip

PAGE_FACTS = """r => {
  const t = (e) => (e ? e.textContent.replace(/\\s+/g, " ").trim() : null);
  return {
    verdict: t(r.querySelector(".calc-verdict")),
    folds: [...r.querySelectorAll("details > summary")].map(t),
    routes: [...r.querySelectorAll(".calc-routes > li")].map((li) => [
      t(li.querySelector(":scope > strong")),
      li.classList.contains("calc-met"),
      t(li.querySelector(".calc-missing")),
    ]),
    statuses: [...r.querySelectorAll(".calc-special > li > .calc-tag")].map(t),
    notes: [...r.querySelectorAll("details > .calc-notes > li")].map((li) => t(li.firstChild)),
    version: t(r.querySelector(".calc-version")),
  };
}"""

_FOLD = re.compile(r"^ *(.+(?: \(\d+\)|（\d+）))[:：]$")  # a folded part's heading and count
_ROUTE = re.compile(r"^  ([✔✘]) (\S+) ")
_STATUS = re.compile(r"^  - \[(.+?)\] ")


def _cli_facts(lines: list[str], lang: str) -> dict[str, Any]:
    """The same facts, read from the CLI's lines."""
    needs = {"zh": "此途径未满足的条件：", "en": "This route still needs: "}[lang]
    routes: list[list[Any]] = []
    notes: list[str] = []
    in_notes = False
    for line in lines:
        if route := _ROUTE.match(line):
            routes.append([route.group(2), route.group(1) == "✔", None])
        elif line.strip().startswith(needs) and routes:
            routes[-1][2] = line.strip()
        if fold := _FOLD.match(line):
            in_notes = fold.group(1).startswith(("Notes", "说明"))
        elif in_notes and line.startswith("  - "):
            notes.append(line[4:])
    return {
        "verdict": lines[0],
        "folds": [m.group(1) for line in lines if (m := _FOLD.match(line))],
        "routes": routes,
        "statuses": [m.group(1) for line in lines if (m := _STATUS.match(line))],
        "notes": notes,
        "version": lines[-1],
    }


def _options(query: str) -> list[str]:
    """The CLI options for an address's facts: `--name value`, a flag alone when true."""
    args: list[str] = []
    for name, value in parse_qsl(query):
        option = "--" + name.replace("_", "-")
        if name == "hired":
            args += [] if value == "true" else ["--not-hired"]
        else:
            args += [option] if value == "true" else [option, value]
    return args


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("kind", "query"), DECISIONS)
def test_the_page_and_the_cli_show_the_same_facts(
    open_page, kind: str, query: str, lang: str
) -> None:
    short = "eq" if kind == "equivalence" else "el"
    page = open_page(lang, f"calculators/{kind}/?{query}")
    page.wait_for_selector(f"#{short}-result[data-engine=python] .calc-verdict")
    shown = page.eval_on_selector(f"#{short}-result", PAGE_FACTS)
    run = cli(kind, *_options(query), "--lang", lang)
    assert run.returncode == 0, run.stderr
    printed = _cli_facts(run.stdout.strip().splitlines(), lang)
    # A note's words are the same; the page links its source by the clause's short number,
    # the terminal writes the source's name after the words.
    notes, lines = shown.pop("notes"), printed.pop("notes")
    assert len(notes) == len(lines) and all(
        note and line.startswith(note) for note, line in zip(notes, lines, strict=True)
    )
    assert shown == printed
    request = {k: (v == "true" if v in ("true", "false") else v) for k, v in parse_qsl(query)}
    if "years_since_certificate" in request:
        request["years_since_certificate"] = float(request["years_since_certificate"])
    if "competition_rank" in request:
        request["competition_rank"] = int(request["competition_rank"])
    answer = json.loads(api.run(kind, json.dumps(request)))
    if kind == "eligibility":
        assert shown["verdict"] == answer["headline"][lang]
        met = [r["label"] for r in answer["routes"] if r["met"]]
        assert [label for label, is_met, _ in shown["routes"] if is_met] == met
        assert len(shown["routes"]) == len(answer["routes"]) > 0
        assert len(shown["statuses"]) == len(answer["special_routes"]) > 0
    else:
        title = answer["equivalent"]
        assert (title[lang] in shown["verdict"]) if title else shown["routes"] == []
    assert answer["data_version"]["digest"] in shown["version"]
