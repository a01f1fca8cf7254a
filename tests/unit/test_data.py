"""_ungvejen.data: the editors' data files loaded, validated against data/schema/, cross-checked;
every mistake reported together with file:line:column."""

from __future__ import annotations

import datetime as dt

import pytest

from _ungvejen.data import (
    COPENHAGEN, SiteData, is_danish_phone, load_site_data, phone_digits,
)
from _ungvejen.problems import ProblemReport

EVENTS = """timezone: Europe/Copenhagen
events:
  - id: foraeldremoede
    title: {da: Forældremøde, en: Parents' meeting}
    start: "2027-02-03 19:00"
    end: "2027-02-03 20:30"
    place: {da: Vejen, en: Vejen}
    audiences: [foraeldre]
    theme: rusmidler
  - id: tidligt
    title: {da: Tidligt, en: Early}
    start: "2027-01-10 10:00"
    end: "2027-01-10 11:00"
    place: {da: Vejen, en: Vejen}
    audiences: [unge]
"""


def edit(project, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def report_of(project) -> ProblemReport:
    with pytest.raises(ProblemReport) as raised:
        load_site_data(project)
    assert str(raised.value).startswith("Fejl i datafilerne i data/ – ret dem, så bygger siden igen (")
    return raised.value


def where(report) -> list[tuple[str, int, int, str]]:
    return [(p.file, p.line, p.column, p.message) for p in report.problems]


def test_the_tiny_projects_data(project):
    data = load_site_data(project)
    assert list(data.themes) == ["rusmidler"]
    assert list(data.contacts) == ["alarm-112", "ssp-test"]
    assert data.materials == [] and data.events == []
    assert data.tags == {"da": ["forside"], "en": ["front page"]}
    assert data.search_words("da") == {"hash", "rusmidler", "forside"}
    assert data.search_words("en") == {"cannabis", "drugs", "front page"}
    assert data.contacts["ssp-test"]["last_verified"] == "2026-11-28"  # dates as text, as the schema reads them


def test_contacts_for_theme_and_audience_most_urgent_first():
    data = SiteData(contacts={
        "raad": {"id": "raad", "themes": ["rusmidler"], "audiences": ["unge"], "urgency": "raad", "helpbar": True},
        "akut": {"id": "akut", "themes": ["alle"], "audiences": ["unge", "foraeldre"], "urgency": "akut", "helpbar": True},
        "snart": {"id": "snart", "themes": ["trafik"], "audiences": ["foraeldre"], "urgency": "snart"},
        "raad2": {"id": "raad2", "themes": ["trafik", "rusmidler"], "audiences": ["foraeldre"], "urgency": "raad"},
    })
    ids = lambda contacts: [contact["id"] for contact in contacts]  # noqa: E731
    assert ids(data.contacts_for()) == ["akut", "snart", "raad", "raad2"]
    assert ids(data.contacts_for("rusmidler")) == ["akut", "raad", "raad2"]
    assert ids(data.contacts_for("rusmidler", "foraeldre")) == ["akut", "raad2"]
    assert ids(data.contacts_for(audience="unge")) == ["akut", "raad"]
    assert ids(data.contacts_for("sport")) == ["akut"]  # "alle" fits every theme
    assert ids(data.helpbar_contacts()) == ["akut", "raad"]


def test_events_with_times_in_copenhagen_and_upcoming_events(project):
    (project / "data" / "events.yml").write_text(EVENTS, encoding="utf-8")
    data = load_site_data(project)
    meeting = next(event for event in data.events if event["id"] == "foraeldremoede")
    assert meeting["start_at"] == dt.datetime(2027, 2, 3, 19, 0, tzinfo=COPENHAGEN)
    assert meeting["start_at"].utcoffset() == dt.timedelta(hours=1)
    now = dt.datetime(2027, 1, 10, 10, 30, tzinfo=COPENHAGEN)  # "tidligt" is still on
    assert [event["id"] for event in data.upcoming_events(now)] == ["tidligt", "foraeldremoede"]
    assert [event["id"] for event in data.upcoming_events(now, "rusmidler")] == ["foraeldremoede"]
    later = dt.datetime(2027, 1, 10, 11, 0, tzinfo=COPENHAGEN)  # "tidligt" has just ended
    assert [event["id"] for event in data.upcoming_events(later)] == ["foraeldremoede"]


@pytest.mark.parametrize(("number", "valid"), [
    ("24430755", True), ("24 43 07 55", True), ("24-43-07-55", True), ("112", True), ("114", True),
    ("1888", True), ("116111", True), ("116 006", True), ("1234", False), ("2443075", False),
    ("+4524430755", False), ("117111", False),
])
def test_danish_phone_numbers(number, valid):
    assert is_danish_phone(number) is valid


def test_phone_digits():
    assert phone_digits("24 43-07 55") == "24430755"


def test_invalid_phone_number(project):
    edit(project, "contacts.yml", 'phone: "24430755"', 'phone: "1234"')
    [problem] = report_of(project).problems
    assert (problem.file, problem.line, problem.column) == ("data/contacts.yml", 18, 12)
    assert problem.message == "'1234' er ikke et gyldigt dansk telefonnummer."


def test_id_used_twice(project):
    edit(project, "contacts.yml", "id: ssp-test", "id: alarm-112")
    assert where(report_of(project)) == [
        ("data/contacts.yml", 14, 9, "Id'et 'alarm-112' er brugt to gange (også i nr. 1).")]


def test_misspelt_field_and_no_way_to_get_in_touch(project):
    edit(project, "contacts.yml", '    phone: "24430755"', '    phnoe: "24430755"')
    assert where(report_of(project)) == [
        ("data/contacts.yml", 14, 5, "contacts → nr. 2 har hverken telefon, sms, e-mail, hjemmeside eller chat."),
        ("data/contacts.yml", 18, 12, "Ukendt felt 'phnoe' i contacts → nr. 2."),
    ]


def test_unknown_theme_in_a_contact(project):
    edit(project, "contacts.yml", "themes: [rusmidler]", "themes: [alle, sport]")
    [problem] = report_of(project).problems
    assert (problem.line, problem.column, problem.message) == (20, 20, "Ukendt tema 'sport'.")
    assert problem.fix == "Brug et id fra data/themes.yml: rusmidler."


def test_themes_as_text_instead_of_a_list_is_not_read_letter_by_letter(project):
    edit(project, "contacts.yml", "themes: [rusmidler]", "themes: rusmidler")
    messages = [p.message for p in report_of(project).problems]
    assert messages == ["Feltet 'contacts → nr. 2 → themes' skal være en liste, men er 'rusmidler'."]


def test_theme_page_that_does_not_exist(project):
    edit(project, "themes.yml", "temaer/rusmidler.md", "temaer/findes-ikke.md")
    assert where(report_of(project)) == [
        ("data/themes.yml", 3, 11, "Siden docs/temaer/findes-ikke.md findes ikke.")]


def test_material_file_that_does_not_exist(project):
    (project / "data" / "materials.yml").write_text(
        "materials:\n  - id: m1\n    title: {da: M, en: M}\n    theme: rusmidler\n    grades: [udskoling]\n"
        "    duration_minutes: 90\n    format: pdf\n    language: da\n    lesson: undervisning/m1.md\n"
        "    curriculum: {subject: tvaerfagligt}\n",
        encoding="utf-8")
    assert where(report_of(project)) == [
        ("data/materials.yml", 9, 13, "Filen docs/undervisning/m1.md findes ikke.")]


def test_event_mistakes(project):
    text = EVENTS.replace('end: "2027-02-03 20:30"', 'end: "2027-02-03 18:00"').replace(
        'start: "2027-01-10 10:00"', 'start: "2027-02-30 10:00"') + "    theme: sport\n"
    (project / "data" / "events.yml").write_text(text, encoding="utf-8")
    assert where(report_of(project)) == [
        ("data/events.yml", 6, 10, "Arrangementet slutter, før det begynder."),
        ("data/events.yml", 12, 12, "'2027-02-30 10:00' er ikke en rigtig dato og tid."),
        ("data/events.yml", 16, 12, "Ukendt tema 'sport'."),
    ]


@pytest.mark.parametrize(("content", "message"), [
    ("", "Filen er tom."),
    ("- forside\n", "Filen begynder med en liste (linjer med -) i stedet for med sine felter."),
    ("forside\n", "Filen begynder med en tekst i stedet for med sine felter."),
])
def test_file_that_is_not_fields(project, content, message):
    (project / "data" / "tags.yml").write_text(content, encoding="utf-8")
    [problem] = report_of(project).problems
    assert (problem.file, problem.line, problem.column, problem.message) == ("data/tags.yml", 1, 0, message)
    assert problem.fix == "Skriv  da:  og  en:  helt ude til venstre øverst, og punkterne indrykket under."


def test_missing_file_and_not_utf8(project):
    (project / "data" / "tags.yml").unlink()
    (project / "data" / "materials.yml").write_bytes("materials: [bør]\n".encode("latin-1"))
    assert where(report_of(project)) == [
        ("data/materials.yml", 1, 14, "Filen er ikke gemt som UTF-8."),
        ("data/tags.yml", 1, 0, "Filen findes ikke."),
    ]


def test_yaml_error_in_themes_does_not_make_every_theme_unknown(project):
    edit(project, "themes.yml", "  - id: rusmidler", '  - id: "rusmidler')
    assert where(report_of(project)) == [
        ("data/themes.yml", 2, 9, "YAML kan ikke læses: Et citationstegn på denne linje bliver ikke lukket.")]


def test_problems_in_several_files_come_together(project):
    edit(project, "contacts.yml", "urgency: raad", "urgency: akut!")
    edit(project, "tags.yml", "da: [forside]", "da: [Forside]")
    report = report_of(project)
    assert [(p.file, p.line) for p in report.problems] == [("data/contacts.yml", 21), ("data/tags.yml", 1)]
    assert report.problems[0].fix.startswith("Mente du 'akut'?")
    assert report.problems[1].fix == "Skriv søgeordet med små bogstaver."


# -- issue 14: careless or hostile data files give a problem with file and line ------------------

def test_recursive_alias_in_a_data_file(project):
    edit(project, "contacts.yml", "themes: [alle]", "themes: &t [alle, *t]")
    [problem] = report_of(project).problems
    assert (problem.file, problem.line, problem.column) == ("data/contacts.yml", 9, 23)
    assert "'*t' henviser til sig selv" in problem.message


def test_a_deleted_schema_is_named(project):
    (project / "data" / "schema" / "tags.schema.json").unlink()
    [problem] = report_of(project).problems
    assert (problem.file, problem.line) == ("data/schema/tags.schema.json", 1)
    assert problem.message == "Skemaet for data/tags.yml findes ikke."
    assert "git checkout -- data/schema/tags.schema.json" in problem.fix


@pytest.mark.parametrize(("content", "message"), [
    ("{", "Skemaet for data/tags.yml er ikke gyldig JSON (linje 1, kolonne 2)."),
    ('{"type": "strin"}', "Skemaet for data/tags.yml er ikke et gyldigt JSON Schema ('strin' is not valid under any of the given schemas)."),
])
def test_a_broken_schema_is_named(project, content, message):
    (project / "data" / "schema" / "tags.schema.json").write_text(content, encoding="utf-8")
    [problem] = report_of(project).problems
    assert problem.file == "data/schema/tags.schema.json" and problem.message == message


def test_a_data_file_that_is_a_folder(project):
    (project / "data" / "tags.yml").unlink()
    (project / "data" / "tags.yml").mkdir()
    [problem] = report_of(project).problems
    assert (problem.file, problem.line, problem.message) == ("data/tags.yml", 1, "data/tags.yml er en mappe, ikke en fil.")
    assert "Slet mappen" in problem.fix


def test_a_field_named_by_a_number_is_named(project):
    edit(project, "contacts.yml", "    urgency: raad\n", "    urgency: raad\n    1: x\n")
    [problem] = report_of(project).problems
    assert (problem.line, problem.column) == (22, 8)
    assert problem.message == "Ukendt felt '1' i contacts → nr. 2."


def test_a_look_alike_letter_in_a_theme_is_named(project):
    edit(project, "contacts.yml", "themes: [rusmidler]", "themes: [rusmidl\u0435r]")
    [problem] = report_of(project).problems
    assert problem.message.startswith("Ukendt tema 'rusmidl\u0435r'.")
    assert "kyrillisk е (U+0435)" in problem.message
    assert "rusmidler" in problem.fix


def test_a_look_alike_letter_in_an_enum_is_named(project):
    edit(project, "contacts.yml", "urgency: raad", "urgency: r\u0430ad")
    [problem] = report_of(project).problems
    assert "kyrillisk а (U+0430)" in problem.message


def test_many_contacts_are_read_without_the_cycle_collector(project):
    """Issue 14: 5,000 contacts took more than linear time – Python's cycle collector walked the
    growing node tree again and again while it was read. bench/data_scale.py has the figures."""
    import gc

    person = (project / "data" / "contacts.yml").read_text(encoding="utf-8").split("  - id: ssp-test\n")[1]
    extra = "".join(f"  - id: ekstra-{index}\n" + person for index in range(2000))
    (project / "data" / "contacts.yml").write_text(
        (project / "data" / "contacts.yml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    collections = []

    def note(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(note)
    try:
        data = load_site_data(project)
    finally:
        gc.callbacks.remove(note)
    assert len(data.contacts) == 2002
    assert len(collections) <= 1  # the one when it is enabled again (before: 500 and more)
    assert gc.isenabled()


@pytest.mark.parametrize("page", ["../../../../../../../../etc/hostname.md", "/etc/hostname.md", "temaer//x.md"])
def test_a_theme_page_outside_docs_is_one_problem(project, page):
    edit(project, "themes.yml", "page: temaer/rusmidler.md", f"page: {page}")
    [problem] = report_of(project).problems
    assert (problem.file, problem.line) == ("data/themes.yml", 3)
    assert problem.message == f"'{page}' har ikke den rigtige form i 'themes → nr. 1 → page'."
    assert "(uden / og .. foran)" in problem.fix


def test_a_material_file_outside_docs_is_one_problem(project):
    (project / "data" / "materials.yml").write_text(
        "materials:\n  - id: m1\n    title: {da: M, en: M}\n    theme: rusmidler\n    grades: [udskoling]\n"
        "    duration_minutes: 90\n    format: pdf\n    language: da\n    file: ../../../../../../etc/passwd\n"
        "    curriculum: {subject: tvaerfagligt}\n", encoding="utf-8")
    assert where(report_of(project)) == [
        ("data/materials.yml", 9, 11, "'../../../../../../etc/passwd' har ikke den rigtige form i 'materials → nr. 1 → file'.")]


def test_a_link_in_docs_to_a_file_outside_it_is_a_problem(project):
    (project / "docs" / "filer").mkdir()
    (project / "docs" / "filer" / "plakat.pdf").symlink_to("/etc/passwd")
    (project / "data" / "materials.yml").write_text(
        "materials:\n  - id: m1\n    title: {da: M, en: M}\n    theme: rusmidler\n    grades: [udskoling]\n"
        "    duration_minutes: 90\n    format: pdf\n    language: da\n    file: filer/plakat.pdf\n"
        "    curriculum: {subject: tvaerfagligt}\n", encoding="utf-8")
    assert where(report_of(project)) == [("data/materials.yml", 9, 11, "Filen filer/plakat.pdf ligger ikke i docs/.")]


def test_a_data_file_that_is_not_a_regular_file(project):
    (project / "data" / "tags.yml").unlink()
    (project / "data" / "tags.yml").symlink_to("/dev/zero")
    [problem] = report_of(project).problems
    assert (problem.file, problem.message) == ("data/tags.yml", "data/tags.yml er ikke en almindelig fil.")


PUPIL_MATERIAL = """\
title: {da: Elevark, en: Pupil sheets}
parts:
  - kind: quiz
    title: {da: Quiz, en: Quiz}
    questions:
      - statement: {da: "Ring [tlf:alarm-112].", en: "Call [tlf:alarm-112]."}
        answer: sandt
        explanation: {da: "Ja.", en: "Yes."}
      - statement: {da: "Ring [tlf:ingen-her].", en: "Call [tlf:ingen-her]."}
        answer: falsk
        explanation: {da: "Nej.", en: "No."}
"""


def test_pupil_material_is_loaded_and_its_phone_placeholders_are_checked(project):
    (project / "data" / "elevmateriale").mkdir()
    (project / "data" / "elevmateriale" / "m1.yml").write_text(PUPIL_MATERIAL, encoding="utf-8")
    (project / "data" / "materials.yml").write_text(
        "materials:\n  - id: m1\n    title: {da: M, en: M}\n    theme: rusmidler\n    grades: [udskoling]\n"
        "    duration_minutes: 90\n    format: pdf\n    language: da\n    lesson: temaer/rusmidler.md\n"
        "    curriculum: {subject: tvaerfagligt}\n    pupil_material: elevmateriale/m1.yml\n", encoding="utf-8")
    assert where(report_of(project)) == [
        ("data/elevmateriale/m1.yml", 9, 0, "[tlf:ingen-her] er ikke en kontakt med et telefonnummer.")]
    text = PUPIL_MATERIAL.replace("ingen-her", "alarm-112")
    (project / "data" / "elevmateriale" / "m1.yml").write_text(text, encoding="utf-8")
    assert load_site_data(project).pupil["m1"]["title"]["da"] == "Elevark"


def test_a_material_naming_missing_pupil_material_is_a_problem(project):
    (project / "data" / "materials.yml").write_text(
        "materials:\n  - id: m1\n    title: {da: M, en: M}\n    theme: rusmidler\n    grades: [udskoling]\n"
        "    duration_minutes: 90\n    format: pdf\n    language: da\n    lesson: temaer/rusmidler.md\n"
        "    curriculum: {subject: ssf}\n    pupil_material: elevmateriale/findes-ikke.yml\n", encoding="utf-8")
    problems = where(report_of(project))
    assert ("data/materials.yml", 11, 21, "Filen data/elevmateriale/findes-ikke.yml findes ikke.") in problems
    assert any("curriculum" in message for *_, message in problems), "ssf needs areas, goals and sources"


# ---- search slang and synonyms (data/synonyms.yml, optional) ---------------------------------

SYNONYMS = """synonyms:
  - words: {da: [anonym, ringe], en: [call]}
    pages: [index.md, temaer/rusmidler.md]
  - words: {da: [kokain, coke], en: [coke, cocaine]}
    find: {da: [stoffer, rusmidler], en: [drugs]}
  - words: {da: [coke]}
    find: {da: [hash]}
"""


def test_without_synonyms_file_there_are_no_synonyms(project):
    data = load_site_data(project)
    assert data.synonyms == [] and data.synonyms_for("da") == {}


def test_synonyms_by_typed_word_and_the_pages_they_put_first(project):
    (project / "docs" / "index.md").write_text("# Forside\n", encoding="utf-8")
    (project / "data" / "synonyms.yml").write_text(SYNONYMS, encoding="utf-8")
    data = load_site_data(project)
    danish = data.synonyms_for("da")
    assert danish["kokain"] == {"find": ["stoffer", "rusmidler"]}
    assert danish["coke"] == {"find": ["stoffer", "rusmidler", "hash"]}  # two groups: both
    assert danish["anonym"] == {"first": ["1.1", "1.2"]}
    assert data.synonyms_for("en") == {"call": {"first": ["1.1", "1.2"]}, "coke": {"find": ["drugs"]},
                                       "cocaine": {"find": ["drugs"]}}
    assert data.synonym_pages("index.md", "da") == (["anonym", "ringe"], ["1.1"])
    assert data.synonym_pages("temaer/rusmidler.en.md", "en") == (["call"], ["1.2"])
    assert data.synonym_pages("temaer/andet.md", "da") == ([], [])


def test_synonym_mistakes_name_line_and_fix(project):
    (project / "data" / "synonyms.yml").write_text(
        "synonyms:\n  - words: {da: [to ord]}\n    find: {da: [x]}\n"
        "  - words: {da: [ord]}\n"
        "  - words: {da: [ord]}\n    pages: [findes-ikke.md]\n", encoding="utf-8")
    problems = report_of(project).problems
    assert [(p.file, p.line) for p in problems] == [
        ("data/synonyms.yml", 2), ("data/synonyms.yml", 4), ("data/synonyms.yml", 6)]
    assert "ét ord ad gangen" in problems[0].fix
    assert "find:" in problems[1].fix
    assert problems[2].message == "Siden docs/findes-ikke.md findes ikke."


# ---- opening hours (contacts.yml `opening`) -------------------------------------------------

def test_opening_hours_mistakes(project):
    edit(project, "contacts.yml", '    phone: "112"\n',
         '    phone: "112"\n    opening:\n      times:\n        - {days: [man], from: "15:00", to: "09:00"}\n')
    edit(project, "contacts.yml", '    phone: "24430755"\n', '    phone: "24430755"\n    opening: sometimes\n')
    problems = report_of(project).problems
    assert [p.message for p in problems] == [
        "Åbningstiden slutter (09:00), før den begynder (15:00).",
        "contacts → nr. 2 → opening har en åbningstid, der hverken er 'always' eller tider med 'times:'.",
    ]
    assert "opening: always" in problems[1].fix


def test_opening_hours_are_read(project):
    edit(project, "contacts.yml", '    phone: "112"\n', '    phone: "112"\n    opening: always\n')
    assert load_site_data(project).contacts["alarm-112"]["opening"] == "always"
