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
    assert find("<!-- en kommentar -->\n<!-- ung: -->\n", FILE, KNOWN) == ([], [])


INVALID = {
    "unknown name": ("<!-- ung:kontakterr tema=rusmidler -->",
                     "Ukendt shortcode 'ung:kontakterr'.",
                     "Brug en af: ung:kontakter, ung:kontakt, ung:materialer, ung:arrangementer."),
    "unknown argument": ("<!-- ung:kontakter farve=blaa -->",
                         "ung:kontakter kender ikke argumentet 'farve'.", "Brug tema, målgruppe."),
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


def test_the_four_shortcodes():
    assert set(SPECS) == {"kontakter", "kontakt", "materialer", "arrangementer"}


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
