"""_ungvejen.frontmatter: a page's front matter split from its Markdown, parsed with lines,
and checked field by field."""

from __future__ import annotations

import datetime as dt

import pytest

from _ungvejen.frontmatter import REQUIRED, check, months_between_reviews, split

FILE = "docs/temaer/x.md"
AUDIENCES = {"unge", "foraeldre", "fagpersoner"}
THEMES = {"rusmidler", "trafik"}
TAGS = {"hash", "joint"}

GOOD = {
    "title": "title: Rusmidler",
    "description": "description: Om rusmidler.",
    "audiences": "audiences: [unge, foraeldre]",
    "reviewed": "reviewed: 2026-11-20",
}


def page(*lines: str, body: str = "# Rusmidler\n") -> str:
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n" + body


def problems_of(source: str) -> list:
    return check(split(source, FILE), FILE, AUDIENCES, THEMES, TAGS)


def where(problems) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.message) for p in problems]


def test_a_good_page_has_no_problems():
    source = page(*GOOD.values(), "theme: rusmidler", "tags: [Hash, joint]", "review_every: 1 year")
    front = split(source, FILE)
    assert front.meta == {"title": "Rusmidler", "description": "Om rusmidler.", "audiences": ["unge", "foraeldre"],
                          "reviewed": dt.date(2026, 11, 20), "theme": "rusmidler", "tags": ["Hash", "joint"],
                          "review_every": "1 year"}
    assert front.body_start_line == 10
    assert front.positions.of(("audiences", 1)) == (4, 19)
    assert check(front, FILE, AUDIENCES, THEMES, TAGS) == []


def test_no_front_matter():
    [problem] = problems_of("# Rusmidler\n\nTekst.\n")
    assert (problem.file, problem.line, problem.column) == (FILE, 1, 0)
    assert problem.message == "Siden mangler front matter (felterne mellem --- øverst)."


def test_front_matter_that_is_not_fields():
    [problem] = problems_of(page("- en liste"))
    assert (problem.line, problem.message) == (2, "Front matter skal være felter på formen  navn: værdi.")
    [problem] = problems_of("---\n---\nTekst.\n")
    assert problem.line == 2


@pytest.mark.parametrize("missing", REQUIRED)
def test_each_missing_field(missing):
    lines = [line for key, line in GOOD.items() if key != missing]
    problems = problems_of(page(*lines))
    assert where(problems) == [(1, 0, f"Feltet '{missing}' mangler eller er tomt.")]
    assert f"{missing}:" in problems[0].fix


def test_empty_field_is_reported_at_its_line():
    problems = problems_of(page(GOOD["title"], "description:", GOOD["audiences"], GOOD["reviewed"]))
    assert where(problems) == [(3, 13, "Feltet 'description' mangler eller er tomt.")]


def test_several_missing_fields_are_all_reported():
    assert [p.message for p in problems_of(page("title: Hej"))] == [
        "Feltet 'description' mangler eller er tomt.",
        "Feltet 'audiences' mangler eller er tomt.",
        "Feltet 'reviewed' mangler eller er tomt.",
    ]


def test_unknown_audience_with_its_line():
    source = page(GOOD["title"], GOOD["description"], "audiences:", "  - unge", "  - boern", GOOD["reviewed"])
    problems = problems_of(source)
    assert where(problems) == [(6, 5, "Ukendt målgruppe 'boern'.")]
    assert problems[0].file == FILE
    assert problems[0].fix == "Brug en af: fagpersoner, foraeldre, unge."


def test_audiences_not_a_list_is_one_problem():
    """`audiences: unge` is one mistake – a text where a list belongs – and must not be read
    letter by letter as the audiences 'u', 'n', 'g' and 'e'."""
    source = page(GOOD["title"], GOOD["description"], "audiences: unge", GOOD["reviewed"])
    assert where(problems_of(source)) == [(4, 12, "Feltet 'audiences' skal være en liste.")]


def test_unknown_theme():
    [problem] = problems_of(page(*GOOD.values(), "theme: sport"))
    assert (problem.line, problem.column, problem.message) == (6, 8, "Ukendt tema 'sport'.")
    assert problem.fix == "Brug et id fra data/themes.yml: rusmidler, trafik."


def test_tags_not_a_list():
    problems = problems_of(page(*GOOD.values(), "tags: hash"))
    assert where(problems) == [(6, 7, "Feltet 'tags' skal være en liste.")]
    assert problems[0].fix == "Skriv fx  tags: [hash, joint]."


def test_unknown_tag_with_its_line():
    [problem] = problems_of(page(*GOOD.values(), "tags:", "  - HASH", "  - pibe"))
    assert (problem.line, problem.column, problem.message) == (8, 5, "Ukendt søgeord (tag) 'pibe'.")


def test_reviewed_not_a_date():
    lines = [GOOD["title"], GOOD["description"], GOOD["audiences"], "reviewed: snart"]
    problems = problems_of(page(*lines))
    assert where(problems) == [(5, 11, "'snart' er ikke en dato.")]
    assert problems[0].fix == "Skriv datoen som  reviewed: 2026-11-28."


def test_reviewed_quoted_date_is_text_not_a_date():
    lines = [GOOD["title"], GOOD["description"], GOOD["audiences"], 'reviewed: "2026-11-20"']
    assert where(problems_of(page(*lines))) == [(5, 11, "'2026-11-20' er ikke en dato.")]


def test_reviewed_with_a_time_is_reported():
    """review.due_date gives no due date for a date with a time (a datetime), so such a page
    would never be reviewed or shown as overdue: the check must say so instead of passing it."""
    lines = [GOOD["title"], GOOD["description"], GOOD["audiences"], "reviewed: 2026-11-20 10:00:00"]
    problems = problems_of(page(*lines))
    assert [(p.line, p.column) for p in problems] == [(5, 11)]
    assert "dato" in problems[0].message


def test_impossible_reviewed_date_is_a_syntax_problem_at_its_line():
    lines = [GOOD["title"], GOOD["description"], GOOD["audiences"], "reviewed: 2026-13-01"]
    assert where(problems_of(page(*lines))) == [(5, 11, "'2026-13-01' er ikke en rigtig dato.")]


def test_review_every_unparsable():
    problems = problems_of(page(*GOOD.values(), "review_every: hvert halve år"))
    assert where(problems) == [(6, 15, "'hvert halve år' kan ikke forstås som et tidsrum.")]
    assert "review_every: 6 months" in problems[0].fix


def test_review_every_of_zero_months_is_reported():
    """`0 months` would make the page due the day it is reviewed; review.review_interval
    silently ignores it (0 is falsy) and the settings schema forbids it ([1-9][0-9]*)."""
    problems = problems_of(page(*GOOD.values(), "review_every: 0 months"))
    assert [(p.line, p.column) for p in problems] == [(6, 15)]


@pytest.mark.parametrize(("key", "value", "column"), [("title", "2026", 8), ("title", "[a, b]", 8),
                                                       ("description", "true", 14)])
def test_title_or_description_not_text(key, value, column):
    lines = [f"{key}: {value}" if name == key else line for name, line in GOOD.items()]
    line = 2 + list(GOOD).index(key)
    assert where(problems_of(page(*lines))) == [(line, column, f"Feltet '{key}' skal være tekst.")]
    assert problems_of(page(*lines))[0].fix == f"Sæt citationstegn om teksten:  {key}: \"...\"."


def test_yaml_syntax_error_is_the_only_problem_with_the_file_line():
    source = page('title: "Rusmidler', GOOD["description"], GOOD["audiences"], GOOD["reviewed"])
    front = split(source, FILE)
    assert front.meta == {}
    assert front.body_start_line == 7
    assert where(check(front, FILE, AUDIENCES, THEMES, TAGS)) == [
        (2, 8, "YAML kan ikke læses: Et citationstegn på denne linje bliver ikke lukket.")]


def test_duplicate_field_is_reported_with_the_rest():
    source = page(GOOD["title"], "title: Igen", GOOD["description"], GOOD["audiences"], GOOD["reviewed"])
    assert where(problems_of(source)) == [(3, 1, "Feltet 'title' står to gange.")]


def test_fences_may_have_trailing_spaces():
    front = split("---  \ntitle: x\n---\t\nTekst\n", FILE)
    assert front.meta == {"title": "x"}
    assert front.body_start_line == 4


@pytest.mark.parametrize(("text", "months"), [
    ("6 months", 6), ("1 month", 1), ("3 måneder", 3), ("1 måned", 1),
    ("1 year", 12), ("2 years", 24), ("2 år", 24), ("  6 months  ", 6),
    ("6months", None), ("six months", None), ("6 weeks", None), ("", None), ("-6 months", None),
])
def test_months_between_reviews(text, months):
    assert months_between_reviews(text) == months


# -- issue 14: values of the wrong kind, markup, look-alike letters -----------------------------

@pytest.mark.parametrize(("line", "column", "message"), [
    ("theme: [rusmidler]", 8, "Feltet 'theme' skal være ét tema-id (en tekst), ikke en liste."),
    ("theme: {a: 1}", 8, "Feltet 'theme' skal være ét tema-id (en tekst), ikke en gruppe af felter."),
    ("theme: 12", 8, "Ukendt tema '12'."),
])
def test_theme_that_is_not_a_text(line, column, message):
    problems = problems_of(page(*GOOD.values(), line))
    assert where(problems) == [(6, column, message)]


@pytest.mark.parametrize(("line", "where_"), [
    ("audiences: [[unge]]", (4, 13, "Målgruppe nr. 1 skal være et ord, ikke en liste.")),
    ("audiences: [unge, {a: 1}]", (4, 19, "Målgruppe nr. 2 skal være et ord, ikke en gruppe af felter.")),
])
def test_audience_that_is_not_a_word(line, where_):
    lines = [line if key == "audiences" else value for key, value in GOOD.items()]
    assert where(problems_of(page(*lines))) == [where_]


def test_tag_that_is_not_a_word():
    problems = problems_of(page(*GOOD.values(), "tags: [hash, [joint], {a: 1}]"))
    assert where(problems) == [(6, 14, "Søgeord nr. 2 skal være et ord, ikke en liste."),
                               (6, 23, "Søgeord nr. 3 skal være et ord, ikke en gruppe af felter.")]


@pytest.mark.parametrize("value", ["Rusmidler <b>og</b> alkohol", "Rusmidler &amp; alkohol", "Børn < 12 år",
                                   "Rusmidler &#60;3", "Rusmidler <!-- x -->"])
@pytest.mark.parametrize("key", ["title", "description"])
def test_markup_in_title_or_description(key, value):
    lines = [f'{key}: "{value}"' if name == key else line for name, line in GOOD.items()]
    problems = problems_of(page(*lines))
    assert [(p.line, p.message) for p in problems] == [
        (2 + list(GOOD).index(key), f"Feltet '{key}' er ren tekst, men indeholder HTML ('<' eller '&…;').")]
    assert "Skriv teksten uden" in problems[0].fix


@pytest.mark.parametrize("value", ["Skole & SSP", "Mere > mindre", "Hvad er SSP?"])
def test_plain_text_title_is_fine(value):
    lines = [f'title: "{value}"' if name == "title" else line for name, line in GOOD.items()]
    assert problems_of(page(*lines)) == []


@pytest.mark.parametrize(("line", "start"), [
    ("theme: rusmidl\u0435r", "Ukendt tema 'rusmidl\u0435r'."),
    ("tags: [h\u0430sh]", "Ukendt søgeord (tag) 'h\u0430sh'."),
])
def test_look_alike_letters_are_named(line, start):
    [problem] = problems_of(page(*GOOD.values(), line))
    assert problem.message.startswith(start)
    assert "kyrillisk" in problem.message and "(U+04" in problem.message


def test_look_alike_letter_in_an_audience():
    lines = ["audiences: [ung\u0435]" if key == "audiences" else value for key, value in GOOD.items()]
    [problem] = problems_of(page(*lines))
    assert "kyrillisk е (U+0435)" in problem.message
    assert problem.fix.startswith("Skriv 'unge' med almindelige bogstaver")


def test_invisible_character_is_named():
    [problem] = problems_of(page(*GOOD.values(), "theme: rus\u200bmidler"))
    assert "usynligt tegn (U+200B ZERO WIDTH SPACE)" in problem.message


def test_usable_meta_keeps_only_values_of_the_right_kind():
    from _ungvejen.frontmatter import usable

    front = split(page("title: 2026", "description: [a]", "audiences: [unge, [x], 3]", "reviewed: 2026-11-20 10:00:00",
                       "theme: [rusmidler]", "tags: [hash, {a: 1}, 7]", "review_every: [1]", "noindex: true"), FILE)
    assert usable(front.meta) == {"title": "2026", "description": "['a']", "audiences": ["unge"],
                                  "tags": ["hash", "7"], "noindex": True}


@pytest.mark.parametrize(("line", "message"), [
    ("review_every: 99999 years", "'99999 years' er for lang tid mellem to gennemgange (højst 10 år)."),
    ("review_every: 121 months", "'121 months' er for lang tid mellem to gennemgange (højst 10 år)."),
])
def test_review_every_too_long(line, message):
    problems = problems_of(page(*GOOD.values(), line))
    assert where(problems) == [(6, 15, message)]


@pytest.mark.parametrize("date", ["9999-12-31", "1899-01-01", "2206-11-28"])
def test_reviewed_year_out_of_range(date):
    lines = [GOOD["title"], GOOD["description"], GOOD["audiences"], f"reviewed: {date}"]
    problems = problems_of(page(*lines))
    assert where(problems) == [(5, 11, f"'{date}' ligger ikke mellem år 2000 og 2100.")]
    from _ungvejen.frontmatter import usable

    assert "reviewed" not in usable(split(page(*lines), FILE).meta)


def test_usable_meta_never_gives_a_due_date_past_the_calendar():
    from types import SimpleNamespace

    from _ungvejen.frontmatter import usable
    from _ungvejen.review import due_date

    settings = SimpleNamespace(review_months=lambda audience: 6)
    for lines in (["reviewed: 9999-12-31"], ["reviewed: 2026-11-20", "review_every: 99999 years"]):
        meta = usable(split(page(GOOD["title"], *lines), FILE).meta)
        due = due_date(meta, settings)
        assert due is None or due.year < 2200


# -- sources: where a page's laws, ages, health facts and numbers come from -----------------

SOURCE = ["sources:", "  - title: Barnets lov § 133", "    url: https://handleguide.dk/underretning",
          "    checked: 2026-11-30"]


def test_a_sourced_page_has_no_problems_and_keeps_its_sources(monkeypatch):
    monkeypatch.setenv("UNGVEJEN_TODAY", "2026-11-30")
    from _ungvejen.frontmatter import usable
    source = page(*GOOD.values(), *SOURCE, "    claim: Fagpersoner skal underrette.")
    front = split(source, FILE)
    assert problems_of(source) == []
    assert usable(front.meta)["sources"] == [{"title": "Barnets lov § 133", "url": "https://handleguide.dk/underretning",
                                              "checked": dt.date(2026, 11, 30), "claim": "Fagpersoner skal underrette."}]


@pytest.mark.parametrize("lines, line, expected", [
    (["sources: https://handleguide.dk"], 6, "skal være en liste med mindst én kilde"),
    (["sources:", "  - https://handleguide.dk"], 7, "Kilde nr. 1 skal have felterne"),
    (["sources:", "  - title: Lov", "    checked: 2026-11-01"], 7, "Kilde nr. 1 mangler 'url'"),
    (["sources:", "  - title: Lov", "    url: handleguide.dk", "    checked: 2026-11-01"], 8, "er ikke en webadresse"),
    (["sources:", "  - title: Lov", "    url: javascript:alert(1)", "    checked: 2026-11-01"], 8, "er ikke en webadresse"),
    (["sources:", "  - title: Lov", "    url: https://a.dk/", "    checked: i går"], 9, "er ikke en dato"),
    (["sources:", "  - title: Lov", "    url: https://a.dk/", "    checked: 2027-01-01"], 9, "ikke en mulig dato"),
    (["sources:", "  - title: <b>Lov</b>", "    url: https://a.dk/", "    checked: 2026-11-01"], 7, "indeholder HTML"),
    (["sources:", "  - title: Lov", "    url: https://a.dk/", "    checked: 2026-11-01", "    side: 4"], 10,
     "ukendt felt 'side'"),
])
def test_a_broken_source_is_named_with_its_line(monkeypatch, lines, line, expected):
    monkeypatch.setenv("UNGVEJEN_TODAY", "2026-11-30")
    problems = problems_of(page(*GOOD.values(), *lines))
    assert len(problems) == 1, where(problems)
    assert problems[0].line == line and expected in problems[0].message, where(problems)
