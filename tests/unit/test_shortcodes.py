"""_ungvejen.shortcodes: `<!-- ung:NAME ... -->` markers found with their lines; every invalid
marker a problem, and never returned as a valid shortcode."""

from __future__ import annotations

import pytest

from _ungvejen.shortcodes import MARKER, SPECS, Shortcode, find, replace_markers

FILE = "docs/temaer/x.md"
KNOWN = {"theme": {"rusmidler", "trafik"}, "audience": {"unge", "foraeldre", "fagpersoner"},
         "contact": {"alarm-112", "ssp-test"}}
FRONT = "---\ntitle: x\n---\n"  # three lines: the first marker below is on line 4


def found_in(*markers: str):
    return find(FRONT + "".join(marker + "\n" for marker in markers), FILE, KNOWN)


def test_valid_shortcodes_with_their_lines_and_arguments():
    shortcodes, problems = found_in(
        "<!-- ung:kontakter tema=rusmidler målgruppe=unge -->",
        "Tekst imellem.",
        "<!-- ung:kontakt ssp-test -->",
        "<!-- ung:materialer -->",
        "<!--ung:arrangementer tema=trafik-->",
        "<!-- ung:kontakter maalgruppe=fagpersoner -->",
    )
    assert problems == []
    assert shortcodes == [
        Shortcode("kontakter", 4, {"theme": "rusmidler", "audience": "unge"},
                  "<!-- ung:kontakter tema=rusmidler målgruppe=unge -->"),
        Shortcode("kontakt", 6, {"contact": "ssp-test"}, "<!-- ung:kontakt ssp-test -->"),
        Shortcode("materialer", 7, {}, "<!-- ung:materialer -->"),
        Shortcode("arrangementer", 8, {"theme": "trafik"}, "<!--ung:arrangementer tema=trafik-->"),
        Shortcode("kontakter", 9, {"audience": "fagpersoner"}, "<!-- ung:kontakter maalgruppe=fagpersoner -->"),
    ]


def test_other_comments_are_not_shortcodes():
    assert find("<!-- en kommentar -->\n<!-- Ung: en note til redaktøren -->\n<!-- ungdom: x -->\n", FILE, KNOWN) == ([], [])


INVALID = {
    "unknown name": ("<!-- ung:kontakterr tema=rusmidler -->",
                     "Ukendt shortcode 'ung:kontakterr'.",
                     "Brug en af: ung:kontakter, ung:kontakt, ung:materialer, ung:arrangementer, ung:stoffer, ung:myter, "
                     "ung:ordliste, ung:lektion, ung:foraeldrefolder, ung:hjaelp, ung:temaer."),
    "unknown argument": ("<!-- ung:kontakter farve=blaa -->",
                         "ung:kontakter kender ikke argumentet 'farve'.", "Brug tema, målgruppe, antal."),
    "argument the shortcode does not take": ("<!-- ung:arrangementer målgruppe=unge -->",
                                             "ung:arrangementer kender ikke argumentet 'målgruppe'.", "Brug tema."),
    "unknown theme": ("<!-- ung:kontakter tema=sport -->",
                      "Ukendt tema 'sport' i ung:kontakter.", "Brug en af: rusmidler, trafik."),
    "unknown audience": ("<!-- ung:kontakter målgruppe=boern -->",
                         "Ukendt målgruppe 'boern' i ung:kontakter.", "Brug en af: fagpersoner, foraeldre, unge."),
    "unknown contact": ("<!-- ung:kontakt ukendt-id -->",
                        "Ukendt kontakt-id 'ukendt-id' i ung:kontakt.", "Brug en af: alarm-112, ssp-test."),
    "missing id": ("<!-- ung:kontakt -->", "ung:kontakt mangler et id.",
                   "Skriv fx <!-- ung:kontakt ssp-keld-bjoerbaek --> med et id fra data/contacts.yml."),
    "two ids": ("<!-- ung:kontakt ssp-test alarm-112 -->", "'alarm-112' forstås ikke i ung:kontakt.",
                "Skriv argumenter som navn=værdi, fx tema=rusmidler."),
    "argument without value": ("<!-- ung:kontakter tema=rusmidler målgruppe -->",
                               "'målgruppe' forstås ikke i ung:kontakter.",
                               "Skriv argumenter som navn=værdi, fx tema=rusmidler."),
    "empty value": ("<!-- ung:materialer tema= -->", "Ukendt tema '' i ung:materialer.",
                    "Brug en af: rusmidler, trafik."),
}


@pytest.mark.parametrize("case", INVALID)
def test_each_invalid_shortcode_is_a_problem_with_its_line_and_is_not_returned(case):
    marker, message, fix = INVALID[case]
    shortcodes, problems = found_in("<!-- ung:materialer -->", "", marker, "<!-- ung:kontakt alarm-112 -->")
    assert [(p.file, p.line, p.column, p.message, p.fix) for p in problems] == [(FILE, 6, 0, message, fix)]
    assert [(s.name, s.line) for s in shortcodes] == [("materialer", 4), ("kontakt", 7)]
    assert marker not in {s.text for s in shortcodes}


def test_a_marker_with_several_problems_reports_each():
    shortcodes, problems = found_in("<!-- ung:kontakter tema=sport farve=blaa målgruppe=boern -->")
    assert shortcodes == []
    assert [p.message for p in problems] == [
        "ung:kontakter kender ikke argumentet 'farve'.",
        "Ukendt tema 'sport' i ung:kontakter.",
        "Ukendt målgruppe 'boern' i ung:kontakter.",
    ]
    assert {p.line for p in problems} == {4}


def test_line_numbers_count_the_front_matter():
    source = "---\ntitle: x\ndescription: y\n---\n# Titel\n\nTekst.\n\n<!-- ung:kontakter tema=x -->\n"
    _, [problem] = find(source, FILE, KNOWN)
    assert problem.line == 9


def test_the_shortcodes():
    assert set(SPECS) == {"kontakter", "kontakt", "materialer", "arrangementer", "stoffer", "myter", "ordliste",
                          "lektion", "foraeldrefolder", "hjaelp", "temaer"}


def test_the_drugs_a_to_z_shortcodes_take_no_arguments():
    found, [problem] = find("# T\n\n<!-- ung:stoffer -->\n\n<!-- ung:myter tema=rusmidler -->\n", FILE, KNOWN)
    assert [(s.name, s.line, s.arguments) for s in found] == [("stoffer", 3, {})]
    assert (problem.line, problem.message) == (5, "ung:myter kender ikke argumentet 'tema'.")
    assert problem.fix == "Brug ingen argumenter."


def test_replace_markers_also_unwraps_a_lone_marker_paragraph():
    html = ("<p><!-- ung:kontakt ssp-test --></p>\n"
            "<p>Før <!-- ung:materialer --> efter</p>\n"
            "<!-- ung:arrangementer -->")
    out = replace_markers(html, lambda match: f"[{match['name']}]")
    assert out == "[kontakt]\n<p>Før [materialer] efter</p>\n[arrangementer]"


def test_marker_pattern_captures_name_and_arguments():
    match = MARKER.search("x <!--  ung:kontakter   tema=rusmidler  --> y")
    assert match["name"] == "kontakter"
    assert match["args"].split() == ["tema=rusmidler"]


def test_an_argument_given_twice_is_a_problem_not_the_last_value():
    shortcodes, problems = find("<!-- ung:kontakter tema=rusmidler tema=trafik -->", "docs/x.md", KNOWN)
    assert shortcodes == []
    assert [(p.line, p.message) for p in problems] == [(1, "ung:kontakter har 'tema' to gange.")]


# -- issue 14: shortcodes shown as code, markers that do not parse, look-alike letters ----------

BAD = "<!-- ung:kontakt -->"  # a problem wherever it is read as a shortcode


@pytest.mark.parametrize("body", [
    f"```\n{BAD}\n```\n",
    f"~~~markdown\n{BAD}\n~~~\n",
    f"````md\n```\n{BAD}\n```\n````\n",
    f"- punkt\n\n    ```html\n    {BAD}\n    ```\n",
    f"Tekst:\n\n    {BAD}\n",
    f"Skriv `{BAD}` på sin egen linje.\n",
    f"Skriv ``{BAD}`` eller `` ` `` her.\n",
    f"!!! note\n\n    Tekst.\n\n        {BAD}\n",
])
def test_a_shortcode_in_code_is_shown_not_read(body):
    assert find(FRONT + body, FILE, KNOWN) == ([], [])


@pytest.mark.parametrize("body", [
    f"- punkt\n\n    {BAD}\n",                  # a list item's own paragraph
    f"!!! note\n\n    {BAD}\n",                  # inside an admonition
    f"??? note \"Mere\"\n    {BAD}\n",
    f"Tekst\n    {BAD}\n",                       # continues the paragraph above
    f"```\nkode\n```\n\n{BAD}\n",                # after a closed code block
    f"Et ` alene, og så {BAD}\n",                # a lone backtick opens no code
])
def test_a_shortcode_outside_code_is_read(body):
    shortcodes, problems = find(FRONT + body, FILE, KNOWN)
    assert [p.message for p in problems] == ["ung:kontakt mangler et id."]
    assert problems[0].line == FRONT.count("\n") + 1 + body[:body.index(BAD)].count("\n")


def test_code_keeps_the_line_numbers_below_it():
    source = FRONT + "```\n<!-- ung:kontakt -->\n```\n\n<!-- ung:kontakter tema=sport -->\n"
    _, [problem] = find(source, FILE, KNOWN)
    assert problem.line == 8


@pytest.mark.parametrize(("marker", "message"), [
    ("<!-- ung:kontakter tema=rus>midler -->", "Shortcoden kan ikke læses: der står '>' inde i den."),
    ("<!-- ung:kontakter tema=rusmidler", "Shortcoden bliver ikke lukket med -->, så resten af siden bliver skjult."),
    ("<!-- ung:kontakter tema=rusmidler ->", "Shortcoden bliver ikke lukket med -->, så resten af siden bliver skjult."),
    ("<!-- UNG:kontakter -->", "Shortcoden kan ikke læses: skriv 'ung:' med små bogstaver og uden mellemrum."),
    ("<!-- ung :kontakter -->", "Shortcoden kan ikke læses: skriv 'ung:' med små bogstaver og uden mellemrum."),
    ("<!-- ung: -->", "Shortcoden mangler sit navn efter 'ung:'."),
    ("<!-- ung: kontakter -->", "Shortcoden kan ikke læses: skriv navnet lige efter 'ung:' uden mellemrum."),
    ("<!-- ung:kontakter tema=<b>rusmidler</b> -->", "Shortcoden kan ikke læses: der står '<' inde i den."),
])
def test_a_marker_that_does_not_parse_is_a_problem_with_its_line(marker, message):
    shortcodes, problems = found_in("<!-- ung:materialer -->", marker, "", "Tekst.")
    assert [(p.line, p.message) for p in problems] == [(5, message)]
    assert "<!-- ung:kontakter tema=rusmidler -->" in problems[0].fix
    assert [s.name for s in shortcodes] == ["materialer"]


def test_look_alike_letters_in_a_shortcode_are_named():
    _, [problem] = found_in("<!-- ung:kontakter tema=rusmidl\u0435r -->")
    assert problem.message == ("Ukendt tema 'rusmidl\u0435r' i ung:kontakter. Ordet har tegn, der ikke er danske "
                               "bogstaver: kyrillisk е (U+0435).")
    assert problem.fix.startswith("Skriv 'rusmidler' med almindelige bogstaver")


def test_live_markers_are_the_ones_outside_code():
    from _ungvejen.shortcodes import live_markers

    source = FRONT + "```\n<!-- ung:kontakt a -->\n```\n<!-- ung:kontakt b -->\n`<!-- ung:kontakt c -->`\n"
    assert live_markers(source) == {"<!-- ung:kontakt b -->"}


def test_an_unclosed_marker_does_not_swallow_the_next_one():
    shortcodes, problems = found_in("<!-- ung:kontakter tema=rusmidler", "<!-- ung:kontakt ssp-test -->")
    assert [(p.line, p.message) for p in problems] == [
        (4, "Shortcoden bliver ikke lukket med -->, så resten af siden bliver skjult.")]
    assert [s.text for s in shortcodes] == ["<!-- ung:kontakt ssp-test -->"]


@pytest.mark.parametrize("text", ["<!-- ung:" + "a" * 30_000, "<!-- ung:kontakt" + " " * 30_000,
                                  "<!-- ung:kontakt" + " x" * 15_000, "<!-- ung:kontakt x -->\n" * 5_000])
def test_long_markers_take_linear_time(text):
    import time

    started = time.process_time()
    find(text, FILE, KNOWN)
    assert time.process_time() - started < 1.5
