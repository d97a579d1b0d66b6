"""The calculator pages answer as the rules say and as the Python does, in both languages, with
or without the runtime.

Representative decision cases from tests/cases/*.yaml drive the forms. The page's answer (the
data attributes it sets, the routes met) must show what the case expects, typed from the policy
(so a page that agreed with a wrong Python would still fail), and its words must equal
`calculators.api.run` in CPython for the same facts (the page shows the Python's wording). The
other tests pin their own expected values the same way: clause （十四） for equivalence (hired
高级工 / 技师 / 高级技师 → 助理工程师 / 工程师 / 高级工程师, nothing when not hired), the national
conditions for eligibility.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page

from calculators import api
from tests.browser.conftest import CALCULATORS, Recorder, new_context, site_url, wait_ready

CASES_DIR = Path(__file__).resolve().parent.parent / "cases"
LANGS = ("zh", "en")
# Facts the forms cannot express (the calculators accept them from the CLI and case files).
NOT_IN_FORM = {"title_date", "work_start_date", "as_of"}


def _answer(kind: str, facts: dict[str, Any]) -> dict[str, Any]:
    return json.loads(api.run(kind, json.dumps(facts)))


# Clause （十四）: the title a hired level is treated as, by policy id (policy/equivalence.yaml).
HIRED_EQUIVALENT = {
    "senior-worker": "assistant-engineer",
    "technician": "engineer",
    "senior-technician": "senior-engineer",
}

Chosen = tuple[str, dict[str, Any], dict, dict]


def representative(kind: str, per_file: int) -> list[Chosen]:
    """(name, form values, CPython answer, what the case expects) for a spread of cases: from
    each case file, the first `per_file` cases of each expected outcome (the case's own typed
    `eligible` or `equivalent`), in the form's terms (policy ids, as the answer echoes them)."""
    outcome_key = "equivalent" if kind == "equivalence" else "eligible"
    chosen = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        taken: dict[Any, int] = {}
        for case in doc["cases"]:
            facts, expect = case["facts"], case["expect"]
            if case.get("kind", doc["kind"]) != kind or set(facts) & NOT_IN_FORM:
                continue
            if outcome_key not in expect or "title" in facts and kind == "equivalence":
                continue
            answer = _answer(kind, facts)
            if kind == "equivalence":
                values = {"level": answer["level"]["id"], "hired": facts.get("hired", True)}
            else:
                values = {name: answer["facts"][name] for name in facts}
            outcome = expect[outcome_key] is None if kind == "equivalence" else expect["eligible"]
            if taken.get(outcome, 0) < per_file:
                taken[outcome] = taken.get(outcome, 0) + 1
                chosen.append((case["name"], values, answer, expect))
    return chosen


@pytest.fixture(scope="module")
def equivalence_cases() -> list[Chosen]:
    cases = representative("equivalence", per_file=3)
    assert {expect["equivalent"] is None for *_, expect in cases} == {True, False}
    return cases


@pytest.fixture(scope="module")
def eligibility_cases() -> list[Chosen]:
    cases = representative("eligibility", per_file=1)
    assert len(cases) >= 6
    assert {expect["eligible"] for *_, expect in cases} == {True, False}
    return cases


# Driving a form


def fill(page: Page, form: str, values: dict[str, Any]) -> None:
    """Reset `form`, then set each named field as a visitor would."""
    page.eval_on_selector(form, "form => form.reset()")
    for name, value in values.items():
        field = page.locator(f"{form} [name={name}]")
        kind = field.evaluate("e => e.type")
        if kind == "checkbox":
            field.set_checked(bool(value))
        elif kind.startswith("select"):
            field.select_option("" if value is None else str(value))
        else:
            field.fill("" if value is None else _number(value))


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def submit(page: Page, form: str, result: str) -> None:
    """Submit `form` and wait for the runtime's answer (not the build-time one)."""
    page.click(f"{form} button[type=submit]")
    page.wait_for_selector(f"{result}[data-engine=python]")


def shown(page: Page, result: str) -> dict[str, Any]:
    """What the result area says, as the tests compare it."""
    return page.eval_on_selector(
        result,
        """r => ({
            data: {...r.dataset},
            verdict: r.querySelector('.calc-verdict')?.innerText.trim() ?? null,
            text: r.innerText,
            all: r.textContent,
            met: [...r.querySelectorAll('.calc-routes li.calc-met')].map(li => li.dataset.route),
            links: [...r.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
        })""",
    )


def check_equivalence(page: Page, answer: dict[str, Any], lang: str) -> None:
    got = shown(page, "#eq-result")
    equivalent = answer["equivalent"]
    assert got["data"]["equivalent"] == (equivalent["id"] if equivalent else "none")
    assert answer["explanation"][lang] in got["text"]
    assert answer["scope"][lang] in got["text"]
    if equivalent:
        assert equivalent[lang] in got["verdict"]


def check_eligibility(page: Page, answer: dict[str, Any], lang: str) -> None:
    got = shown(page, "#el-result")
    assert got["data"]["eligible"] == str(answer["eligible"]).lower()
    assert got["met"] == answer["met_routes"]
    # The answer in one sentence is the verdict, shown first; the routes are folded under it.
    assert got["verdict"] == answer["headline"][lang]
    for route in answer["routes"]:
        for missing in [] if route["met"] else route["missing"]:
            assert missing[lang] in got["all"]


def check_expected(page: Page, kind: str, expect: dict[str, Any]) -> None:
    """What the case expects, typed from the policy, is what the page says: the title (or
    none), whether the worker may apply and by which routes at least."""
    got = shown(page, f"#{CALCULATORS[kind]}-result")
    if kind == "equivalence":
        title = expect["equivalent"]
        assert got["data"].get("equivalent") == (title["id"] if title else "none"), (
            expect,
            got["data"],
            got["text"],
        )
    else:
        assert got["data"]["eligible"] == str(expect["eligible"]).lower(), expect
        assert set(expect.get("met_routes", [])) <= set(got["met"]), (expect, got["met"])


def facts_in(url: str) -> dict[str, Any]:
    """The facts a shared address carries (its query), typed as the API takes them."""
    facts: dict[str, Any] = {}
    for name, value in parse_qsl(urlsplit(url).query):
        if value in ("true", "false"):
            facts[name] = value == "true"
        else:
            try:
                facts[name] = int(value) if value.isdigit() else float(value)
            except ValueError:
                facts[name] = value
    return facts


# The answers


@pytest.mark.parametrize("lang", LANGS)
def test_equivalence_answers_as_python(calculator, equivalence_cases, lang: str) -> None:
    page = calculator("equivalence", lang)
    for name, values, answer, expect in equivalence_cases:
        fill(page, "#eq-form", values)
        submit(page, "#eq-form", "#eq-result")
        check_expected(page, "equivalence", expect | {"name": name})
        check_equivalence(page, answer, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_eligibility_answers_as_python(calculator, eligibility_cases, lang: str) -> None:
    page = calculator("eligibility", lang)
    for name, values, answer, expect in eligibility_cases:
        fill(page, "#el-form", values)
        submit(page, "#el-form", "#el-result")
        check_expected(page, "eligibility", expect | {"name": name})
        check_eligibility(page, answer, lang)
        # every route links to the clause or document it rests on
        assert any(
            "#src-" in href or "text/#c" in href for href in shown(page, "#el-result")["links"]
        )


def test_eligibility_error_names_the_field(calculator) -> None:
    """A target below the certificate held: the calculators' message, beside the field. Above
    a Technician the only level to apply for is Senior Technician (Level 1)."""
    page = calculator("eligibility", "en")
    facts = {"target": "senior-worker", "certificate": "technician"}
    answer = _answer("eligibility", facts)
    assert answer["error"]["field"] == "target"
    fill(page, "#el-form", facts)
    submit(page, "#el-form", "#el-result")
    assert page.get_attribute("#el-result", "data-error") == "target"
    said = page.inner_text("#el-result")
    assert answer["error"]["message"]["en"] in said
    assert "accepted: Senior Technician (Level 1)" in said
    assert page.get_attribute("#el-target", "aria-invalid") == "true"


@pytest.mark.parametrize("lang", LANGS)
def test_a_certificate_month_alone_counts_from_its_last_day(calculator, lang: str) -> None:
    """A Senior Worker certificate (高级工) taken in the month after this one, four years ago:
    Technician (技师) needs four full years since it (route A1 of the 2018 edition), so the
    page gives the month's last day four years on, written as people write dates."""
    today = date.today()
    month = date(today.year - 4 + today.month // 12, today.month % 12 + 1, 1)
    written = f"{month.year}年{month.month}月" if lang == "zh" else f"{month.year}-{month.month:02}"
    last = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    opens = last.replace(year=last.year + 4)  # 29 February falls again four years on
    page = calculator("eligibility", lang)
    hint = page.inner_text("#el-certificate-date-hint")
    assert ("最后一天" if lang == "zh" else "last day") in hint
    fill(page, "#el-form", {"target": "technician", "certificate": "senior-worker"})
    page.fill("#el-form [name=certificate_date]", written)
    submit(page, "#el-form", "#el-result")
    got = shown(page, "#el-result")
    assert got["data"]["eligible"] == "false"
    day = (
        f"{opens.year}年{opens.month}月{opens.day}日"
        if lang == "zh"
        else f"{opens.day} {opens.strftime('%B')} {opens.year}"
    )
    assert day in got["verdict"], got["verdict"]


@pytest.mark.parametrize("lang", LANGS)
def test_not_sure_of_the_edition_shows_both_verdicts(calculator, labels, lang: str) -> None:
    """The edition is not preset: left at 'not sure', five years of work give 2018's verdict
    (not yet: route A2 needs 6) and beside it 2023's (route B1 needs 5: may apply)."""
    page = calculator("eligibility", lang)
    fill(page, "#el-form", {"target": "intermediate-worker", "total_years": 5})
    edition = page.locator("#el-edition")
    assert edition.input_value() == ""
    assert (
        edition.evaluate("s => s.selectedOptions[0].textContent")
        == (labels["calc-edition-unsure"][lang])
    )
    submit(page, "#el-form", "#el-result")
    got = shown(page, "#el-result")
    assert got["data"]["eligible"] == "false"
    others = page.inner_text("#el-result .calc-other-editions")
    assert labels["calc-editions-differ"][lang] in others
    assert "B1" in others


# Addresses


def test_a_shared_address_reopens_the_same_answer(
    calculator, open_page, equivalence_cases, eligibility_cases
) -> None:
    last = {"equivalence": equivalence_cases[-1], "eligibility": eligibility_cases[-1]}
    for kind, short in (("equivalence", "eq"), ("eligibility", "el")):
        page = calculator(kind, "zh")
        _name, values, answer, expect = last[kind]
        fill(page, f"#{short}-form", values)
        submit(page, f"#{short}-form", f"#{short}-result")
        before = shown(page, f"#{short}-result")
        assert urlsplit(page.url).query

        again = open_page(
            "zh", urlsplit(page.url).path.lstrip("/") + "?" + urlsplit(page.url).query
        )
        again.wait_for_selector(f"#{short}-result[data-engine=python]")
        after = shown(again, f"#{short}-result")
        assert after["data"] == before["data"]
        assert after["text"] == before["text"]
        check_expected(again, kind, expect)
        assert json.loads(api.run(kind, json.dumps(facts_in(page.url)))) == answer


def test_equivalence_answers_from_the_build_before_the_runtime(open_page) -> None:
    """The build-time answer is on the page at once; the runtime then confirms the same: a hired
    技师 is treated as an 工程师 (clause （十四））."""
    page = open_page("zh", "calculators/equivalence/?level=technician")
    first = page.eval_on_selector("#eq-result", "r => ({...r.dataset})")
    assert first["equivalent"] == HIRED_EQUIVALENT["technician"] == "engineer"
    page.wait_for_selector("#eq-result[data-engine=python]")
    assert page.get_attribute("#eq-result", "data-equivalent") == "engineer"


def test_a_checkbox_missing_from_the_address_keeps_its_default(open_page) -> None:
    """`?level=technician` (no `hired`) is the form with only the level chosen: hired, as the
    box is ticked by default; `hired=0` (or `false`) unticks it. Clause （十四） covers only the
    hired: 工程师 when ticked, nothing when not."""
    hired = HIRED_EQUIVALENT["technician"]
    for query, ticked, equivalent in (
        ("level=technician", True, hired),
        ("level=technician&hired=1", True, hired),
        ("level=technician&hired=0", False, "none"),
        ("level=technician&hired=false", False, "none"),
    ):
        page = open_page("en", f"calculators/equivalence/?{query}")
        page.wait_for_selector("#eq-result[data-engine=python]")
        assert page.is_checked("#eq-hired") is ticked, query
        assert page.get_attribute("#eq-result", "data-equivalent") == equivalent, query
    # Eligibility: the boxes ticked by default stay ticked when the address does not name them.
    page = open_page("en", "calculators/eligibility/?certificate=senior-worker&total_years=8")
    assert page.is_checked("#el-same-or-related")
    assert page.is_checked("#el-working-in-occupation")


# Values of an address the form cannot hold: each (field, value) as typed into the address.
IGNORED = {
    "eligibility": [
        ("certificate", "no-such-level"),
        ("years_since_certificate", "1e309"),
        ("total_years", "NaN"),
        ("age", "1_0"),
        ("same_or_related", "maybe"),
    ],
    "equivalence": [("level", "no-such-level"), ("hired", "perhaps")],
}
LABEL_OF = {"level": "level", "hired": "calc-hired"}  # else calc-field-<name>


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(IGNORED))
def test_values_the_address_cannot_hold_are_named_and_marked(
    open_page, labels: dict[str, dict[str, str]], kind: str, lang: str
) -> None:
    """The form keeps its default for such a value, and the page says which value of the
    address it ignored, in its language, with the field marked invalid, also once answered."""
    short = CALCULATORS[kind]
    bad = IGNORED[kind]
    page = open_page(lang, f"calculators/{kind}/?{urlencode(bad)}")
    page.wait_for_selector(f"#{short}-result[data-engine=python]")
    note = page.inner_text(f"#{short}-form-ignored")
    assert note.startswith(labels["calc-ignored"][lang].strip()), note
    for name, value in bad:
        assert labels[LABEL_OF.get(name, f"calc-field-{name}")][lang] in note, (name, note)
        assert f"“{value}”" in note, (value, note)
        field = f"#{short}-form [name={name}]"
        assert page.get_attribute(field, "aria-invalid") == "true", name
        assert page.get_attribute(field, "aria-describedby") == f"{short}-form-ignored"
    # Changing the form writes a new address: the old values are gone, and so is the note.
    page.click(f"#{short}-form button[type=submit]")
    page.wait_for_selector(f"#{short}-form-ignored", state="hidden")
    for name, _value in bad:
        assert page.get_attribute(f"#{short}-form [name={name}]", "aria-invalid") is None


def test_a_second_value_for_a_field_is_named(open_page, labels) -> None:
    page = open_page("en", "calculators/equivalence/?level=technician&level=senior-worker")
    page.wait_for_selector("#eq-result[data-engine=python]")
    assert page.input_value("#eq-level") == "technician"
    assert "“senior-worker”" in page.inner_text("#eq-form-ignored")
    # The first value answers: a hired 技师 → 工程师, not the 高级工's 助理工程师.
    assert page.get_attribute("#eq-result", "data-equivalent") == "engineer"


@pytest.mark.parametrize("lang", LANGS)
def test_a_negative_number_in_the_address_gets_the_calculators_message(
    open_page, lang: str
) -> None:
    facts = {"certificate": "senior-worker", "years_since_certificate": -1}
    page = open_page(lang, f"calculators/eligibility/?{urlencode(facts)}")
    page.wait_for_selector("#el-result[data-engine=python]")
    error = _answer("eligibility", facts)["error"]
    assert page.get_attribute("#el-result", "data-error") == "years_since_certificate"
    assert error["message"][lang] in page.inner_text("#el-result")
    assert "-1" in page.inner_text("#el-result")  # the value refused is named
    assert page.get_attribute("#el-years-since-certificate", "aria-invalid") == "true"


def test_the_page_writes_every_checkbox_into_the_address(open_page) -> None:
    page = open_page("en", "calculators/equivalence/")  # not the shared page: boxes change
    fill(page, "#eq-form", {"level": "technician", "hired": True})
    submit(page, "#eq-form", "#eq-result")
    assert dict(parse_qsl(urlsplit(page.url).query)) == {"level": "technician", "hired": "true"}
    fill(page, "#eq-form", {"level": "technician", "hired": False})
    submit(page, "#eq-form", "#eq-result")
    assert dict(parse_qsl(urlsplit(page.url).query)) == {"level": "technician", "hired": "false"}


def test_the_language_switch_keeps_the_page_and_the_answer(open_page, server: str) -> None:
    page = open_page(
        "zh",
        "calculators/eligibility/?target=technician&certificate=senior-worker&years_since_certificate=5",
    )
    page.wait_for_selector("#el-result[data-engine=python]")
    zh = shown(page, "#el-result")
    page.hover(".md-header__option .md-select")
    page.click("a[hreflang=en]")
    page.wait_for_url(site_url(server, "en", "calculators/eligibility/") + "?*")
    page.wait_for_selector("#el-result[data-engine=python]")
    en = shown(page, "#el-result")
    assert page.evaluate("document.documentElement.lang").startswith("en")
    assert en["data"] == zh["data"] and en["met"] == zh["met"]


# Keyboard


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    """Press Tab from the top of the page until `element_id` has the focus."""
    page.evaluate("document.activeElement?.blur(); window.scrollTo(0, 0)")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_keyboard_alone_fills_and_submits_the_equivalence_form(calculator) -> None:
    page = calculator("equivalence", "en")
    tab_to(page, "eq-level")
    page.keyboard.press("Home")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # the hired checkbox
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Enter")
    page.wait_for_selector("#eq-result[data-engine=python]")
    facts = facts_in(page.url)
    assert facts == {"level": page.input_value("#eq-level"), "hired": False}
    # Not hired: clause （十四） gives no title, whichever level the keys chose.
    assert page.get_attribute("#eq-result", "data-equivalent") == "none"
    check_equivalence(page, _answer("equivalence", facts), "en")


def test_keyboard_alone_fills_and_submits_the_eligibility_form(calculator) -> None:
    page = calculator("eligibility", "zh")
    page.eval_on_selector("#el-form", "form => form.reset()")
    tab_to(page, "el-target")
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    tab_to(page, "el-certificate")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # years since the certificate
    page.keyboard.type("4")
    page.keyboard.press("Enter")  # submits, as in any form
    page.wait_for_selector("#el-result[data-engine=python]")
    facts = facts_in(page.url)
    # The fourth target below "next level" and the third certificate below "none", in the
    # ladder's order: 技师, and 高级工 held for 4 years, which 2018 A1 (三级 + ≥4 years) allows.
    assert {k: facts[k] for k in ("target", "certificate", "years_since_certificate")} == {
        "target": "technician",
        "certificate": "senior-worker",
        "years_since_certificate": 4,
    }
    check_expected(page, "eligibility", {"eligible": True, "met_routes": ["2018-technician-a1"]})
    check_eligibility(page, _answer("eligibility", facts), "zh")


# Without the runtime


def test_without_the_runtime_the_page_says_so_and_the_tables_answer(
    browser: Browser, server: str, labels: dict[str, dict[str, str]]
) -> None:
    recorder = Recorder()
    context = new_context(browser, recorder)
    blocked: list[str] = []

    def block(route) -> None:
        blocked.append(route.request.url)
        route.abort()

    context.route("**/*.wasm", block)
    try:
        for lang in LANGS:
            page = context.new_page()
            page.goto(site_url(server, lang, "calculators/equivalence/?level=senior-worker"))
            wait_ready(page)
            status = page.locator("[data-calc-status]")
            assert status.get_attribute("data-state") == "failed"
            assert status.inner_text().strip() == labels["calc-runtime-failed"][lang]
            expected = _answer("equivalence", {"level": "senior-worker"})
            check_equivalence(page, expected, lang)  # from the table the build computed
            assert page.get_attribute("#eq-result", "data-engine") == "table"
            # The table says what clause （十四） says: a hired 高级工 → 助理工程师.
            assert page.get_attribute("#eq-result", "data-equivalent") == "assistant-engineer"

            page.goto(site_url(server, lang, "calculators/eligibility/?target=technician"))
            wait_ready(page)
            assert page.get_attribute("[data-calc-status]", "data-state") == "failed"
            # The compiled rules still answer (no certificate, so not yet), saying that Python
            # could not check it rather than that it will.
            assert page.get_attribute("#el-result", "data-engine") == "early"
            assert page.get_attribute("#el-result", "data-eligible") == "false"
            shown = page.inner_text("#el-result")
            assert labels["calc-early-unconfirmed"][lang] in shown
            assert labels["calc-early-provisional"][lang] not in shown
            # What they leave to Python (years since a certificate not named) gets no answer.
            page.goto(
                site_url(
                    server,
                    lang,
                    "calculators/eligibility/?target=technician&years_since_certificate=3",
                )
            )
            wait_ready(page)
            assert labels["calc-waiting-failed"][lang] in page.inner_text("#el-result")
            assert page.locator("article table").count() >= len(LANGS)  # the routes tables
            page.close()
        assert blocked, "the wasm was never requested"
    finally:
        context.close()
    recorder.check_since((0, 0))


# Runtime files served changed (never the built files themselves): what the route answers.
CHANGED_FILES = {
    "wheel-checksum": ("**/*.whl", {"body": b"PK not the wheel"}),
    "lockfile-missing": ("**/pyodide-lock.json", {"status": 404, "body": "not found"}),
    "lockfile-not-json": ("**/pyodide-lock.json", {"body": "{not json"}),
    # The worker's own script cannot load: the worker's error event, not a message.
    "worker-missing": ("**/worker.js?v=*", {"status": 404, "body": "not found"}),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("change", sorted(CHANGED_FILES))
def test_a_changed_runtime_file_is_reported_in_the_page(
    browser: Browser, server: str, labels: dict[str, dict[str, str]], change: str, lang: str
) -> None:
    """A wheel that fails its checksum does not run, and the page says the checksum failed; a
    missing or broken lockfile is reported like any runtime failure. No uncaught script error
    (the recorder checks), and in each case the page's language. A worker that cannot even
    load is reported the same way."""
    pattern, response = CHANGED_FILES[change]
    recorder = Recorder()
    context = new_context(browser, recorder)
    context.route(pattern, lambda route: route.fulfill(**response))
    console: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda message: console.append(message.text))
        page.goto(site_url(server, lang, "calculators/eligibility/?target=technician"))
        wait_ready(page)
        assert page.get_attribute("[data-calc-status]", "data-state") == "failed"
        status = page.inner_text("[data-calc-status]")
        assert labels["calc-runtime-failed"][lang] in status
        checksum = labels["calc-runtime-checksum"][lang]
        if change == "wheel-checksum":
            assert status.startswith(checksum)
            assert any("SHA-256" in text and ".whl" in text for text in console), console
        else:
            assert checksum not in status
        # The answer the compiled rules gave at once stays, saying Python could not check it.
        assert page.get_attribute("#el-result", "data-engine") == "early"
        shown = page.inner_text("#el-result")
        assert labels["calc-early-unconfirmed"][lang] in shown
        assert labels["calc-early-provisional"][lang] not in shown
    finally:
        context.close()
    recorder.check_since((0, 0))
