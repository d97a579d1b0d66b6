"""The keys of the build-time answers and the JSON a page's script reads, character for
character: the page script looks an answer up by `canonical(request)` in calculators.js
(`JSON.stringify(request, Object.keys(request).sort())`: keys sorted, no spaces, Chinese as
it is), so the build must write exactly that; and JSON inside a <script> element must not
close it or open a comment."""

from __future__ import annotations

from hgpolicy.calcdata import CalculatorData, _key


def test_an_answers_key_is_the_page_scripts_canonical_request() -> None:
    assert _key({"level": "技师", "hired": True}) == '{"hired":true,"level":"技师"}'
    assert _key({}) == "{}"


def test_json_in_a_script_element_is_compact_sorted_and_inert() -> None:
    text = CalculatorData.script_json({"b": "技师</script><!--&", "a": [1, 2]})
    assert text == '{"a":[1,2],"b":"技师\\u003c/script\\u003e\\u003c!--\\u0026"}'
