"""Issue 3: every editor mistake in data/*.yml stops the build with file, line and a fix.

Each case below is one of the tiny fixture's data files with exactly ONE mistake in it. The
build must fail, name the file and the line of the mistake (data/contacts.yml:18), say what
is wrong in Danish, offer a fix ("Sådan retter du") and never show a Python traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from _ungvejen.data import load_site_data
from _ungvejen.problems import ProblemReport
from sitekit import make_project, run_build

# The tiny fixture's data (tests/fixtures/tiny/data/), plus one valid material and event to
# break. Line numbers in the cases below refer to these texts.
CONTACTS = """\
contacts:
  - id: alarm-112
    kind: service
    name: {da: "Alarm 112", en: "Emergency 112"}
    role: {da: "Fare lige nu.", en: "Danger right now."}
    who_is_told: {da: "Alarmcentralen.", en: "The emergency centre."}
    phone: "112"
    audiences: [unge, foraeldre, fagpersoner]
    themes: [alle]
    urgency: akut
    helpbar: true
    source: https://politi.dk/kontakt-politiet/alarm-112
    last_verified: 2026-11-28
  - id: ssp-test
    kind: person
    name: {da: "Test Testesen", en: "Test Testesen"}
    role: {da: "SSP-konsulent", en: "SSP consultant"}
    phone: "24430755"
    audiences: [unge, foraeldre, fagpersoner]
    themes: [rusmidler]
    urgency: raad
    helpbar: true
    source: "test"
    last_verified: 2026-11-28
    who_is_told: {da: "SSP.", en: "SSP."}
"""
# Line 14 is the second contact (ssp-test): `- id: ssp-test`; its phone is on line 18.

THEMES = """\
themes:
  - id: rusmidler
    page: temaer/rusmidler.md
    title: {da: Rusmidler, en: Drugs}
    search_words: {da: [hash, rusmidler], en: [cannabis, drugs]}
"""

TAGS = """\
da: [forside]
en: [front page]
"""

MATERIALS = """\
materials:
  - id: rusmidler-udskoling
    title: {da: "Rusmidler i udskolingen", en: "Drugs in lower secondary school"}
    theme: rusmidler
    grades: [udskoling]
    duration_minutes: 90
    format: pdf
    language: da
    lesson: temaer/rusmidler.md
    curriculum: {subject: tvaerfagligt}
"""

EVENTS = """\
timezone: Europe/Copenhagen
events:
  - id: foraeldremoede-rusmidler
    title: {da: "Forældremøde om rusmidler", en: "Parents' meeting about drugs"}
    start: "2031-03-10 19:00"
    end: "2031-03-10 20:30"
    place: {da: "Vejen Bibliotek", en: "Vejen Library"}
    audiences: [foraeldre]
    theme: rusmidler
"""

VALID = {"data/contacts.yml": CONTACTS, "data/themes.yml": THEMES, "data/tags.yml": TAGS,
         "data/materials.yml": MATERIALS, "data/events.yml": EVENTS}


def broken(text: str, old: str, new: str) -> str:
    """`text` with the one snippet `old` replaced: the editor's single mistake."""
    assert text.count(old) == 1, f"{old!r} must occur exactly once"
    return text.replace(old, new)


@dataclass(frozen=True)
class Case:
    id: str
    file: str  # data file relative to the project, e.g. "data/contacts.yml"
    text: str  # the whole broken file
    line: int  # the line of the mistake
    words: tuple[str, ...]  # words from the Danish message
    absent: tuple[str, ...] = ()  # things the report must not say (follow-on noise)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


C, M, E, T = "data/contacts.yml", "data/materials.yml", "data/events.yml", "data/themes.yml"

CASES = [
    # --- YAML syntax -------------------------------------------------------------------------
    Case("indent-too-deep", C, broken(CONTACTS, "    kind: person\n", "      kind: person\n"),
         15, ("YAML kan ikke læses", "kolon", "rykket")),
    Case("indent-too-shallow", C, broken(CONTACTS, "    urgency: raad\n", "   urgency: raad\n"),
         21, ("YAML kan ikke læses", "Indrykningen")),
    Case("unclosed-double-quote", C, broken(CONTACTS, 'source: "test"', 'source: "test'),
         23, ("citationstegn", "ikke lukket")),
    Case("unclosed-quote-swallows-lines", C,
         broken(CONTACTS, "source: https://politi.dk/kontakt-politiet/alarm-112",
                'source: "https://politi.dk/kontakt-politiet/alarm-112'),
         12, ("citationstegn", "ikke lukket")),
    Case("unclosed-quote-in-braces", C,
         broken(CONTACTS, '{da: "SSP-konsulent", en:', '{da: "SSP-konsulent, en:'),
         17, ("YAML kan ikke læses", "starter med {", "citationstegn er lukket")),
    Case("unclosed-bracket", C,
         broken(CONTACTS, "themes: [rusmidler]", "themes: [rusmidler"),
         20, ("liste", "bliver ikke lukket med ]")),
    Case("tab-indentation", C, broken(CONTACTS, "    urgency: raad\n", "\turgency: raad\n"),
         21, ("tabulatortegn", "mellemrum")),
    Case("missing-space-after-colon", C, broken(CONTACTS, "kind: person", "kind:person"),
         15, ("mangler et kolon",)),
    Case("key-written-twice", C, broken(CONTACTS, '    urgency: raad\n', '    urgency: raad\n    urgency: snart\n'),
         22, ("'urgency'", "to gange")),
    Case("empty-file", C, "", 1, ("tom", "contacts:")),
    Case("top-level-is-a-list", C, "- id: alarm-112\n  kind: service\n", 1, ("liste", "contacts:")),
    Case("top-level-is-text", "data/tags.yml", "forside, front page\n", 1, ("tekst", "da:  og  en:")),
    Case("themes-file-unreadable", T,
         broken(THEMES, "title: {da: Rusmidler, en: Drugs}", "title: {da: Rusmidler, en: Drugs"),
         4, ("YAML kan ikke læses", "starter med {", "ikke lukket"),
         absent=("Ukendt tema",)),  # one mistake, not one more for every theme used elsewhere

    # --- required fields -----------------------------------------------------------------------
    Case("missing-urgency", C, broken(CONTACTS, "    urgency: raad\n", ""),
         14, ("'urgency'", "mangler")),
    Case("missing-last-verified", C, broken(CONTACTS, "    source: \"test\"\n    last_verified: 2026-11-28\n",
                                            "    source: \"test\"\n"),
         14, ("'last_verified'", "mangler")),
    Case("missing-who-is-told", C, broken(CONTACTS, '    who_is_told: {da: "SSP.", en: "SSP."}\n', ""),
         14, ("'who_is_told'", "mangler", "Spørg, når du ringer")),
    Case("missing-english-name", C, broken(CONTACTS, 'name: {da: "Test Testesen", en: "Test Testesen"}',
                                           'name: {da: "Test Testesen"}'),
         16, ("'en'", "mangler")),
    Case("missing-material-language", M, broken(MATERIALS, "    language: da\n", ""),
         2, ("'language'", "mangler")),
    Case("missing-event-start", E, broken(EVENTS, '    start: "2031-03-10 19:00"\n', ""),
         3, ("'start'", "mangler")),
    Case("missing-timezone", E, broken(EVENTS, "timezone: Europe/Copenhagen\n", ""),
         1, ("'timezone'", "mangler")),
    Case("missing-theme-title", T, broken(THEMES, "    title: {da: Rusmidler, en: Drugs}\n", ""),
         2, ("'title'", "mangler")),

    # --- unknown fields and wrong types --------------------------------------------------------
    Case("typo-phnoe", C, broken(CONTACTS, 'phone: "24430755"', 'phnoe: "24430755"'),
         18, ("Ukendt felt 'phnoe'", "Mente du 'phone'?")),
    Case("string-instead-of-list", C, broken(CONTACTS, "themes: [rusmidler]", "themes: rusmidler"),
         20, ("'contacts → nr. 2 → themes'", "en liste", "themes: [rusmidler]"),
         absent=("Ukendt tema 'r'",)),
    Case("number-instead-of-text", C, broken(CONTACTS, 'phone: "24430755"', "phone: 24430755"),
         18, ("skal være tekst", "citationstegn")),
    Case("text-instead-of-number", M, broken(MATERIALS, "duration_minutes: 90", "duration_minutes: 90 minutter"),
         6, ("helt tal",)),
    Case("list-instead-of-text", M, broken(MATERIALS, "theme: rusmidler", "theme: [rusmidler]"),
         4, ("'materials → nr. 1 → theme'", "tekst", "uden [ ]")),
    Case("yes-instead-of-true", C,
         broken(CONTACTS, "helpbar: true\n    source: \"test\"", "helpbar: ja\n    source: \"test\""),
         22, ("'contacts → nr. 2 → helpbar'", "true eller false")),
    Case("id-as-list", C, broken(CONTACTS, "id: ssp-test", "id: [ssp-test]"),
         14, ("'contacts → nr. 2 → id'", "tekst")),
    Case("duration-too-short", M, broken(MATERIALS, "duration_minutes: 90", "duration_minutes: 2"),
         6, ("mindst 5",)),

    # --- values that are not allowed -----------------------------------------------------------
    Case("urgency-akut!", C, broken(CONTACTS, "urgency: akut", "urgency: akut!"),
         10, ("'akut!'", "ikke en gyldig værdi", "Mente du 'akut'?")),
    Case("kind-firma", C, broken(CONTACTS, "kind: person", "kind: firma"),
         15, ("'firma'", "person eller service")),
    Case("grade-gymnasiet", M, broken(MATERIALS, "grades: [udskoling]", "grades: [udskoling, gymnasiet]"),
         5, ("'gymnasiet'", "ungdomsuddannelse")),
    Case("format-doc", M, broken(MATERIALS, "format: pdf", "format: doc"),
         7, ("'doc'", "docx")),
    Case("unknown-audience", C, broken(CONTACTS, "audiences: [unge, foraeldre, fagpersoner]\n    themes: [rusmidler]",
                                       "audiences: [unge, forældre, fagpersoner]\n    themes: [rusmidler]"),
         19, ("'forældre'", "Mente du 'foraeldre'?")),
    Case("id-capitals-and-space", C, broken(CONTACTS, "id: ssp-test", "id: SSP Test"),
         14, ("'SSP Test'", "a-z")),
    Case("id-with-aeoeaa", T, broken(THEMES, "id: rusmidler", "id: rusmidler-på-skolen"),
         2, ("'rusmidler-på-skolen'", "a-z")),
    Case("duplicate-id", C, broken(CONTACTS, "id: ssp-test", "id: alarm-112"),
         14, ("'alarm-112'", "to gange")),
    Case("timezone-not-copenhagen", E, broken(EVENTS, "timezone: Europe/Copenhagen", "timezone: Europe/London"),
         1, ("'Europe/London'", "Europe/Copenhagen")),

    # --- references to themes, pages and files -----------------------------------------------
    Case("contact-unknown-theme", C, broken(CONTACTS, "themes: [rusmidler]", "themes: [rusmidler, alkohol]"),
         20, ("Ukendt tema 'alkohol'", "data/themes.yml")),
    Case("material-unknown-theme", M, broken(MATERIALS, "theme: rusmidler", "theme: alkohol"),
         4, ("Ukendt tema 'alkohol'",)),
    Case("event-unknown-theme", E, broken(EVENTS, "theme: rusmidler", "theme: rusmidel"),
         9, ("Ukendt tema 'rusmidel'",)),
    Case("theme-page-missing", T,
         broken(THEMES, "page: temaer/rusmidler.md", "page: temaer/alkohol.md"),
         3, ("docs/temaer/alkohol.md", "findes ikke")),
    Case("material-lesson-missing", M, broken(MATERIALS, "lesson: temaer/rusmidler.md", "lesson: temaer/alkohol.md"),
         9, ("docs/temaer/alkohol.md", "findes ikke")),
    Case("material-file-missing", M, broken(MATERIALS, "lesson: temaer/rusmidler.md", "file: filer/plakat.pdf"),
         9, ("docs/filer/plakat.pdf", "findes ikke")),
    Case("material-without-lesson-or-file", M, broken(MATERIALS, "    lesson: temaer/rusmidler.md\n", ""),
         2, ("enten 'lesson'", "'file'")),
    Case("material-lesson-and-file", M, broken(MATERIALS, "    lesson: temaer/rusmidler.md\n",
                                               "    lesson: temaer/rusmidler.md\n    file: index.md\n"),
         2, ("enten 'lesson'", "'file'")),

    # --- phone numbers, addresses and dates ----------------------------------------------------
    Case("phone-7-digits", C, broken(CONTACTS, '"24430755"', '"2443075"'),
         18, ("'2443075'", "gyldigt dansk telefonnummer")),
    Case("phone-9-digits", C, broken(CONTACTS, '"24430755"', '"24 43 07 555"'),
         18, ("'24 43 07 555'", "gyldigt dansk telefonnummer")),
    Case("phone-letters", C, broken(CONTACTS, '"24430755"', '"24 43 O7 55"'),
         18, ("'24 43 O7 55'", "gyldigt dansk telefonnummer")),
    Case("phone-swedish", C, broken(CONTACTS, '"24430755"', '"+46 8 123 456 78"'),
         18, ("'+46 8 123 456 78'", "gyldigt dansk telefonnummer")),
    Case("sms-invalid", C, broken(CONTACTS, 'phone: "24430755"', 'phone: "24430755"\n    sms: "1234"'),
         19, ("'1234'", "gyldigt dansk telefonnummer")),
    Case("no-way-to-reach", C, broken(CONTACTS, '    phone: "24430755"\n', ""),
         14, ("hverken telefon", "mindst én måde")),
    Case("url-without-https", C, broken(CONTACTS, 'phone: "24430755"', 'phone: "24430755"\n    url: www.vejen.dk'),
         19, ("'www.vejen.dk'", "https://")),
    Case("email-without-at", C, broken(CONTACTS, 'phone: "24430755"', 'phone: "24430755"\n    email: ssp.vejen.dk'),
         19, ("'ssp.vejen.dk'", "e-mailadresse")),
    Case("last-verified-month-13", C, broken(CONTACTS, "    source: \"test\"\n    last_verified: 2026-11-28",
                                             "    source: \"test\"\n    last_verified: 2026-13-01"),
         24, ("'2026-13-01'", "ikke en rigtig dato")),
    Case("last-verified-month-13-quoted", C, broken(CONTACTS, "    source: \"test\"\n    last_verified: 2026-11-28",
                                                    "    source: \"test\"\n    last_verified: \"2026-13-01\""),
         24, ("'2026-13-01'", "dato")),
    Case("event-ends-before-it-starts", E, broken(EVENTS, '"2031-03-10 20:30"', '"2031-03-10 18:30"'),
         6, ("slutter, før det begynder",)),
    Case("event-date-does-not-exist", E, broken(EVENTS, '"2031-03-10 19:00"', '"2031-02-30 19:00"'),
         5, ("'2031-02-30 19:00'", "ikke en rigtig dato")),
    Case("event-time-wrong-form", E, broken(EVENTS, '"2031-03-10 19:00"', '"19:00 2031-03-10"'),
         5, ("'19:00 2031-03-10'", "rigtige form")),
    Case("event-registration-url-http", E,
         broken(EVENTS, "theme: rusmidler", "theme: rusmidler\n    registration_url: http://vejen.dk/tilmeld"),
         10, ("'http://vejen.dk/tilmeld'", "https://")),
    Case("tag-with-capital", "data/tags.yml", broken(TAGS, "da: [forside]", "da: [forside, Rusmidler]"),
         1, ("'Rusmidler'", "små bogstaver")),
]


def build_with(tmp_path, data: dict[str, str]):
    return run_build(make_project(tmp_path, data={**VALID, **data}), tmp_path / "site")


def validate(tmp_path, data: dict[str, str]) -> str:
    """What the data check says about the project's data – the same check the build's first
    hook runs (hooks/load_data.py), in this process: no build needed to read its verdict.
    The builds below show that the real build stops with the same lines and no traceback."""
    project = make_project(tmp_path, data={**VALID, **data})
    try:
        load_site_data(project)
    except ProblemReport as report:
        return str(report)
    return ""


def assert_reported(output: str, where: str, words=()) -> None:
    """`where` (file:line) is named as the start of a problem line, with the words in that line."""
    lines = [line for line in output.splitlines() if re.search(rf"(^|\s){re.escape(where)}(:\d+)?: ", line)]
    assert lines, f"{where} is not named in:\n{output}"
    for word in words:
        assert any(word in line for line in lines), f"{word!r} is not said about {where}:\n{output}"


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES)


def test_the_valid_data_builds(tmp_path):
    result = build_with(tmp_path, {})
    assert result.ok, result.output


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_one_mistake_stops_the_build_with_file_line_and_fix(tmp_path, case):
    output = validate(tmp_path, {case.file: case.text})
    assert output, f"{case.id} should fail the data check"
    assert_reported(output, case.where, case.words)
    assert "Sådan retter du" in output, output
    for text in case.absent:
        assert text not in output, output


@pytest.mark.parametrize("number", ["112", "116111", "24 43 07 55", "1888"])
def test_valid_danish_numbers_pass(tmp_path, number):
    assert validate(tmp_path, {C: broken(CONTACTS, '"24430755"', f'"{number}"')}) == ""


def test_several_mistakes_in_one_file_are_all_reported(tmp_path):
    text = broken(CONTACTS, "kind: person", "kind: firma")  # line 15
    text = broken(text, '"24430755"', '"2443075"')  # line 18
    text = broken(text, "themes: [rusmidler]", "themes: [alkohol]")  # line 20
    text = broken(text, "urgency: raad", "urgency: hurtigt")  # line 21
    text = broken(text, "    source: \"test\"\n    last_verified: 2026-11-28",
                  "    source: \"test\"\n    last_verified: \"2026-11-31\"")  # line 24
    result = build_with(tmp_path, {C: text})
    assert not result.ok
    assert "Traceback" not in result.output, result.output
    for line, word in [(15, "'firma'"), (18, "'2443075'"), (20, "'alkohol'"), (21, "'hurtigt'"), (24, "'2026-11-31'")]:
        assert_reported(result.output, f"{C}:{line}", (word,))
    assert "(5)" in result.output, result.output


def test_mistakes_in_several_files_are_all_reported(tmp_path):
    result = build_with(tmp_path, {
        C: broken(CONTACTS, '"24430755"', '"2443075"'),
        M: broken(MATERIALS, "format: pdf", "format: doc"),
        E: broken(EVENTS, '"2031-03-10 20:30"', '"2031-03-10 18:30"'),
    })
    assert not result.ok
    assert "Traceback" not in result.output, result.output
    assert_reported(result.output, f"{C}:18", ("'2443075'",))
    assert_reported(result.output, f"{M}:7", ("'doc'",))
    assert_reported(result.output, f"{E}:6", ("slutter",))
