"""Issue 15: the drugs A–Z – data/substances.yml checked against its schema with editor
messages (file, line, field, fix), rendered on /temaer/rusmidler-a-z/ in both languages with
every entry's slang in its own section, and found by search on the slang young people use."""

from __future__ import annotations

import re

import pytest
import yaml

from htmlkit import parse
from sitekit import ROOT, make_project, run_build
from test_search import run_query, search_pages  # noqa: F401  (the module's browser fixture)

from _ungvejen.data import load_site_data
from _ungvejen.problems import ProblemReport

# One valid entry and one myth for the tiny fixture (contacts alarm-112 and ssp-test, theme
# rusmidler). Line numbers in the tests below refer to this text.
SUBSTANCES = """\
substances:
  - id: kokain
    name: {da: Kokain, en: Cocaine}
    slang: {da: [coke, sne], en: [coke]}
    what: {da: Et stof., en: A drug.}
    risks: {da: [Spørg SSP.], en: [Ask SSP.]}
    law: {da: [Spørg SSP.], en: [Ask SSP.]}
    help:
      contacts: [alarm-112, ssp-test]
      theme: rusmidler
    sources:
      - title: Stoflex
        url: https://www.yumpu.com/da/document/view/18494859/stoflex-sundhedsstyrelsen
        checked: 2026-11-30
myths:
  - id: sove-rusen-ud
    myth: {da: Sov rusen ud., en: Sleep it off.}
    fact: {da: Nej., en: No.}
    sources:
      - title: Kilde
        url: https://example.org/kilde
        checked: 2026-11-30
"""
# Line 2: `- id: kokain`; 6: law; 9: contacts; 13: url; 14: checked; 16: the myth's id.


def problems_of(project, text: str) -> list:
    (project / "data" / "substances.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ProblemReport) as raised:
        load_site_data(project)
    return raised.value.problems


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


# ---- the data file ----------------------------------------------------------------------------

def test_a_valid_file_is_read_in_order(project):
    (project / "data" / "substances.yml").write_text(SUBSTANCES, encoding="utf-8")
    data = load_site_data(project)
    assert data.has_substances
    assert [s["id"] for s in data.substances] == ["kokain"]
    assert data.substances[0]["slang"]["da"] == ["coke", "sne"]
    assert [m["id"] for m in data.myths] == ["sove-rusen-ud"]


def test_the_file_is_optional(project):
    assert not (project / "data" / "substances.yml").exists()
    data = load_site_data(project)
    assert not data.has_substances and data.substances == [] and data.myths == []


def test_a_missing_field_names_file_line_and_field(project):
    [problem] = problems_of(project, SUBSTANCES.replace("    law: {da: [Spørg SSP.], en: [Ask SSP.]}\n", ""))
    assert (problem.file, problem.line) == ("data/substances.yml", 2)
    assert "'law'" in problem.message and "substances → nr. 1" in problem.message
    assert "Spørg" in problem.fix or "loven" in problem.fix


@pytest.mark.parametrize("old, new, line, field, fix", [
    ("url: https://www.yumpu.com/da/document/view/18494859/stoflex-sundhedsstyrelsen", "url: www.yumpu.com/stoflex",
     13, "sources → nr. 1 → url", "https://"),
    ("checked: 2026-11-30\nmyths:", "checked: i går\nmyths:", 14, "sources → nr. 1 → checked", "2026-11-30"),
    ("slang: {da: [coke, sne], en: [coke]}", "slang: {da: coke, en: [coke]}", 4, "slang → da", "da: [coke]"),
    ("name: {da: Kokain, en: Cocaine}", "name: {da: Kokain}", 3, "name", "både dansk og engelsk"),
    ("slang: {da: [coke, sne], en: [coke]}", "slang: {da: [coke, E], en: [coke]}", 4, "slang → da → nr. 2", "to bogstaver"),
])
def test_schema_errors_name_the_line_the_field_and_the_fix(project, old, new, line, field, fix):
    assert old in SUBSTANCES
    [problem] = problems_of(project, SUBSTANCES.replace(old, new))
    assert (problem.file, problem.line) == ("data/substances.yml", line), problem
    assert field in problem.message, problem.message
    assert fix in problem.fix, problem.fix


def test_an_unknown_contact_or_theme_is_reported_with_its_line(project):
    text = SUBSTANCES.replace("contacts: [alarm-112, ssp-test]", "contacts: [alarm-112, giftlinjen]")
    text = text.replace("theme: rusmidler", "theme: rusmiddel")
    problems = problems_of(project, text)
    assert [(p.file, p.line) for p in problems] == [("data/substances.yml", 9), ("data/substances.yml", 10)]
    contact, theme = problems
    assert "Ukendt kontakt 'giftlinjen'" in contact.message and "alarm-112, ssp-test" in contact.fix
    assert "Ukendt tema 'rusmiddel'" in theme.message and "rusmidler" in theme.fix


def test_two_myths_with_one_id_are_reported(project):
    myth = SUBSTANCES.split("myths:\n")[1]
    [problem] = problems_of(project, SUBSTANCES + myth)
    assert (problem.file, problem.line) == ("data/substances.yml", 23)
    assert "sove-rusen-ud" in problem.message


def test_a_page_asking_for_the_a_to_z_without_the_file_stops_the_build(tmp_path):
    project = make_project(tmp_path, pages={"docs/stoffer.md": """\
        ---
        title: Stoffer
        description: En side med rusmidler fra A til Å til en test af shortcoden.
        audiences: [unge]
        reviewed: 2026-11-20
        ---

        # Stoffer

        <!-- ung:stoffer -->
        """})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/stoffer.md:10: ung:stoffer viser data/substances.yml, men filen findes ikke." in result.output
    assert "Traceback" not in result.output


# ---- the real site ----------------------------------------------------------------------------

def real_data() -> dict:
    return yaml.safe_load((ROOT / "data" / "substances.yml").read_text(encoding="utf-8"))


def test_the_real_file_covers_what_young_people_ask_about():
    ids = {substance["id"] for substance in real_data()["substances"]}
    assert {"alkohol", "hash", "lattergas", "kokain", "benzodiazepiner", "opioider", "ecstasy", "amfetamin"} <= ids
    for substance in real_data()["substances"]:
        assert substance["sources"], substance["id"]
    assert len(real_data()["myths"]) >= 4


@pytest.mark.parametrize("language, path", [("da", "temaer/rusmidler-a-z/index.html"), ("en", "en/temaer/rusmidler-a-z/index.html")])
def test_the_a_to_z_page_renders_every_entry_with_its_slang(site, language, path):
    document = parse((site / path).read_text(encoding="utf-8"))
    sections = {section.first("h2").attrs.get("id"): section for section in document.with_class("ung-substance")}
    data = real_data()
    assert list(sections) == [substance["id"] for substance in data["substances"]]
    for substance in data["substances"]:
        section = sections[substance["id"]]
        heading = section.first("h2")
        assert heading is not None and heading.text.strip() == substance["name"][language]
        text = section.text
        for word in substance["slang"][language]:
            assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), (substance["id"], word)
        for rule in substance["law"][language]:
            assert " ".join(rule.split()) in " ".join(text.split()), (substance["id"], rule)
        links = {a.attrs.get("href") for a in section.find_all("a")}
        assert {source["url"] for source in substance["sources"]} <= links, substance["id"]
    myths = document.with_class("ung-myth")
    assert [m.first("h3").attrs.get("id") for m in myths] == [f"myte-{m['id']}" for m in data["myths"]]
    # Everything from the data file is escaped text: no tag from YAML in the page.
    assert "<script" not in (site / path).read_text(encoding="utf-8").split('class="ung-substances"')[1].split("</article>")[0]


def test_the_theme_pages_link_to_the_a_to_z(site):
    for path in ("temaer/rusmidler/index.html", "temaer/alkohol-og-opioider/index.html",
                 "en/temaer/rusmidler/index.html", "en/temaer/alkohol-og-opioider/index.html"):
        hrefs = {a.attrs.get("href") for a in parse((site / path).read_text(encoding="utf-8")).find_all("a")}
        assert "../rusmidler-a-z/" in hrefs, path


# ---- search finds an entry by its slang ---------------------------------------------------------

@pytest.mark.parametrize("language, query", [
    ("da", "tjald"), ("da", "lattergas"), ("da", "benzo"), ("da", "kokain"), ("da", "dololer"), ("da", "xtc"),
    ("en", "laughing gas"), ("en", "cocaine"), ("en", "benzos"),
])
def test_search_finds_the_a_to_z_by_slang(search_pages, language, query):  # noqa: F811
    found = run_query(search_pages(language), query)
    expected = "/temaer/rusmidler-a-z/" if language == "da" else "/en/temaer/rusmidler-a-z/"
    assert expected in found[:3], f"»{query}«: {found[:5]}"
