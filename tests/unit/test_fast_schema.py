"""_ungvejen.fast_schema: the compiled first pass never passes what the Python validator rejects,
and the editor hears of the same problems with and without it."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from _ungvejen import fast_schema
from _ungvejen.data import DATA_FILES, OPTIONAL_DATA_FILES, load_site_data
from _ungvejen.problems import ProblemReport
from _ungvejen.schema_errors import as_json, validator_for
from _ungvejen.yamlsource import load_yaml
from sitekit import ROOT
from test_hostile_inputs import DATA_CASES, EVENT, data_case_project, text, whole

SCHEMAS = ROOT / "data" / "schema"


def python_valid(schema: dict, data) -> bool:
    return validator_for(schema).is_valid(data)


def patterns(node) -> set[str]:
    found = set()
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.add(node["pattern"])
        for value in node.values():
            found |= patterns(value)
    elif isinstance(node, list):
        for value in node:
            found |= patterns(value)
    return found


def schema_patterns() -> set[str]:
    return set().union(*(patterns(json.loads(path.read_text(encoding="utf-8"))) for path in SCHEMAS.glob("*.json")))


# A valid value for each pattern in data/schema/: each character tried below goes in front of it,
# into its middle and after it. A new pattern needs an example here (the test says which).
EXAMPLES = {
    r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$": ["24:00", "09:30"],
    r"^([01][0-9]|2[0-3]):[0-5][0-9]$": ["09:30"],
    r"^[^A-ZÆØÅ]+$": ["hash og joint"],
    r"^[a-z0-9/-]+\.md$": ["til-foraeldre.md"],
    r"^[a-z0-9]+(-[a-z0-9]+)*$": ["ssp-mads"],
    r"^[a-z0-9_-]+(/[a-z0-9_-]+)*\.md$": ["temaer/rusmidler.md"],
    r"^[a-z0-9_-][a-z0-9_.-]*(/[a-z0-9_-][a-z0-9_.-]*)*$": ["filer/plakat.pdf"],
    r"^[a-z]{2}$": ["da"],
    r"^[a-zæøåéü0-9]+$": ["hæleri"],
    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$": ["2027-02-03 19:00"],
    r"^elevmateriale/[a-z0-9-]+\.yml$": ["elevmateriale/trafik.yml"],
    r"^https://(www\.)?(emu|uvm)\.dk/": ["https://emu.dk/x"],
}


def example_values(pattern: str) -> list[str]:
    if pattern in EXAMPLES:
        return EXAMPLES[pattern]
    if pattern.startswith(("^https://[", "^https?://[", "^(https?://")):
        return ["https://www.vejen.dk/ssp"]
    if "month" in pattern:
        return ["6 months", "1 år"]
    raise AssertionError(f"No example for the pattern {pattern!r}: add one to EXAMPLES.")


def odd_characters() -> list[str]:
    """Every character up to U+3100, and every space, control or format character above it:
    where the two regex engines' \\s, \\d, $ and classes could part."""
    low = [chr(code) for code in range(0x3100)]
    high = [chr(code) for code in range(0x3100, 0x110000)
            if not 0xD800 <= code <= 0xDFFF and unicodedata.category(chr(code)) in ("Zs", "Zl", "Zp", "Cc", "Cf")]
    return low + high


def test_every_pattern_means_no_more_to_the_fast_pass_than_to_python():
    characters = odd_characters()
    for pattern in sorted(schema_patterns()):
        schema = {"type": "string", "pattern": pattern}
        python = validator_for(schema)
        for example in example_values(pattern):
            assert fast_schema.passes(schema, example) and python.is_valid(example), (pattern, example)
            middle = len(example) // 2
            wrong = [value for character in characters
                     for value in (character + example, example[:middle] + character + example[middle:], example + character)
                     if fast_schema.passes(schema, value) and not python.is_valid(value)]
            assert not wrong, f"{pattern!r}: the fast pass lets through what Python rejects: {wrong[:5]!r}"


@pytest.mark.parametrize("name", DATA_FILES + OPTIONAL_DATA_FILES)
def test_the_real_data_takes_the_fast_pass(name):
    """Else the build silently takes the slow way (a schema the fast pass cannot compile)."""
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    data, _, _ = load_yaml((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"), f"data/{name}.yml")
    data = as_json(data)
    assert python_valid(schema, data)
    assert fast_schema.passes(schema, data)


def test_a_schema_that_refers_outside_itself_gets_no_fast_pass(tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text('{"type": "string"}', encoding="utf-8")
    for reference in (secret.as_uri(), "https://example.com/schema.json"):
        schema = {"type": "object", "properties": {"a": {"$ref": reference}}}
        assert fast_schema._compiled(json.dumps(schema, sort_keys=True)) is None
        assert not fast_schema.passes(schema, {"a": "x"})


@pytest.mark.parametrize("data", [{1: "x"}, {"a": {"b", "c"}}, {"a": "\ud800"}, {"a": b"bytes"}],
                         ids=["a number as a field name", "a set", "a lone surrogate", "bytes"])
def test_data_json_has_no_word_for_goes_to_python(data):
    schema = {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[a-z]+$"}}
    assert fast_schema.passes(schema, data) is False


# Careless values the fast pass must send on to Python, beside the hostile-input corpus.
CONTACT = '    source: "test"\n'
MORE_CASES = {
    "control character in a URL (YAML escape)": text("contacts.yml", CONTACT, CONTACT + '    url: "https://vejen.dk/a\\x1cb"\n'),
    "next-line character in a URL": text("contacts.yml", CONTACT, CONTACT + '    url: "https://vejen.dk/a\\x85b"\n'),
    "byte order mark in a URL": text("contacts.yml", CONTACT, CONTACT + '    url: "https://vejen.dk/a\\ufeffb"\n'),
    "id ending in a line break": text("contacts.yml", "id: ssp-test", 'id: "ssp-test\\n"'),
    "e-mail without @": text("contacts.yml", CONTACT, CONTACT + "    email: ssp.vejen.dk\n"),
    "impossible date in quotes": text("contacts.yml", "last_verified: 2026-11-28\n  - id: ssp",
                                      'last_verified: "2026-02-30"\n  - id: ssp'),
    "Arabic digits in an event time": whole("events.yml", EVENT.replace("2031-03-10 19:00", "2031-03-10 ١٩:٠٠")),
}


def problems_of(project: Path) -> list[str]:
    try:
        load_site_data(project)
    except ProblemReport as report:
        return [str(problem) for problem in report.problems]
    return []


def test_the_editor_hears_the_same_with_and_without_the_fast_pass(tmp_path, monkeypatch):
    cases = {**DATA_CASES, **MORE_CASES}
    projects = {case: data_case_project(tmp_path / str(index), change) for index, (case, (_, change)) in enumerate(cases.items())}
    fast = {case: problems_of(project) for case, project in projects.items()}
    monkeypatch.setattr(fast_schema, "passes", lambda schema, data: False)
    slow = {case: problems_of(project) for case, project in projects.items()}
    assert fast == slow
    # The extra cases are mistakes: each one is reported, not let through by either way.
    assert all(fast[case] for case in MORE_CASES), {case: fast[case] for case in MORE_CASES}
