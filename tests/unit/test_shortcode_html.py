"""_ungvejen.shortcode_html: markers in built HTML replaced by their blocks, rendered through
the real partials with the tiny project's data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from _ungvejen.build import start_build
from _ungvejen.shortcode_html import known_values, render_markers, render_shortcode
from _ungvejen.shortcodes import Shortcode, find

from .stand_ins import fake_config, fake_i18n

NOW = dt.datetime(2027, 1, 1, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
MATERIALS = """materials:
  - id: rusmidler-udskoling
    title: {da: "Rusmidler <i>i</i> udskolingen", en: Drugs}
    theme: rusmidler
    grades: [udskoling]
    duration_minutes: 90
    format: pdf
    language: da
    lesson: undervisning/rusmidler-udskoling.md
    curriculum: {subject: tvaerfagligt}
"""
EVENTS = """timezone: Europe/Copenhagen
events:
  - id: moede
    title: {da: Forældremøde, en: Parents' meeting}
    start: "2027-02-03 19:00"
    end: "2027-02-03 20:30"
    place: {da: Vejen, en: Vejen}
    audiences: [foraeldre]
    theme: rusmidler
  - id: forbi
    title: {da: Forbi, en: Past}
    start: "2026-12-01 19:00"
    end: "2026-12-01 20:00"
    place: {da: Vejen, en: Vejen}
    audiences: [foraeldre]
"""


def shortcodes_of(state, *markers):
    found, problems = find("\n".join(markers), "docs/x.md", known_values(state.data, state.settings))
    return {shortcode.text: shortcode for shortcode in found}, problems


def test_known_values(state):
    assert known_values(state.data, state.settings) == {
        "theme": {"rusmidler"}, "audience": {"unge", "foraeldre", "fagpersoner"},
        "contact": {"alarm-112", "ssp-test"}, "material": set(),
        "count": {"alle"} | {str(number) for number in range(1, 51)}}


def test_a_contact_list_is_cut_at_the_setting_and_leads_to_all_of_them(state):
    """5,000 contacts must not make every page a directory: a list shows contacts_per_list,
    most urgent first, and links to the contact page's section for its audience."""
    state.settings = dataclasses.replace(state.settings, contacts_per_list=1)
    markers = ("<!-- ung:kontakter målgruppe=unge -->", "<!-- ung:kontakter målgruppe=unge antal=alle -->",
               "<!-- ung:kontakter antal=2 -->")
    shortcodes, problems = shortcodes_of(state, *markers)
    assert problems == []
    short, everyone, two = (render_markers(marker, shortcodes, state, "temaer/rusmidler/", "da", NOW) for marker in markers)
    assert short.count('class="ung-contact ') == 1 and "Alarm 112" in short and "Test Testesen" not in short
    assert '<p class="ung-contacts__all"><a href="../../kontakt/#unge">Se alle 2 kontakter på kontaktsiden</a></p>' in short
    assert everyone.count('class="ung-contact ') == 2 and "ung-contacts__all" not in everyone
    assert two.count('class="ung-contact ') == 2 and "ung-contacts__all" not in two
    english = render_markers(markers[0], shortcodes, state, "en/temaer/rusmidler/", "en", NOW)
    assert '<a href="../../../en/kontakt/#unge">See all 2 contacts on the contact page</a>' in english


def test_a_contact_shown_again_on_the_same_page_is_indexed_once_and_rendered_once(state):
    """The contact page lists a contact under each of its audiences: search indexes the first card
    only (the others are wrapped in data-pagefind-ignore), and each card is rendered once per build."""
    markers = ("<!-- ung:kontakter målgruppe=unge antal=alle -->", "<!-- ung:kontakter målgruppe=foraeldre antal=alle -->")
    shortcodes, _ = shortcodes_of(state, *markers)
    html = render_markers("\n".join(markers), shortcodes, state, "kontakt/", "da", NOW)
    assert html.count('<div class="ung-contact ') == 4, "both contacts in both sections"
    first, second = html.split('<div class="ung-contacts">')[1:]
    assert "data-pagefind-ignore" not in first
    assert second.count('<div class="ung-contacts__again" data-pagefind-ignore><div class="ung-contact ') == 2
    again = render_markers(markers[0], shortcodes, state, "kontakt/", "da", NOW)
    assert "data-pagefind-ignore" not in again, "a new page starts with nothing shown"
    assert len(state.contact_cards) == 2  # one card per (contact, language, page depth)


def test_a_wrong_count_names_what_to_write(state):
    _, problems = shortcodes_of(state, "<!-- ung:kontakter antal=mange -->", "<!-- ung:kontakter antal=0 -->")
    assert [problem.message for problem in problems] == ["Ukendt antal 'mange' i ung:kontakter.", "Ukendt antal '0' i ung:kontakter."]
    assert all(problem.fix == "Skriv antal=alle (alle kontakter) eller et tal fra 1 til 50." for problem in problems)


def test_contacts_block_for_a_theme_and_audience(state):
    shortcodes, _ = shortcodes_of(state, "<!-- ung:kontakter tema=rusmidler målgruppe=unge -->")
    html = render_markers("<h2>Hjælp</h2>\n<p><!-- ung:kontakter tema=rusmidler målgruppe=unge --></p>\n<p>Slut</p>",
                          shortcodes, state, "temaer/rusmidler/", "da", NOW)
    assert html.startswith('<h2>Hjælp</h2>\n<div class="ung-contacts">')  # the <p> around the marker is gone
    assert "<p><div" not in html and "</div></p>" not in html
    assert html.endswith("<p>Slut</p>") and html.count('<div class="ung-contacts">') == 1
    assert html.index("Alarm 112") < html.index("Test Testesen")  # most urgent first
    assert '<a class="ung-contact__call" href="tel:+4524430755">Ring 24 43 07 55</a>' in html
    assert '<a href="../../kontakt/ssp-test.vcf" download>Gem kontakt (vCard)</a>' in html


def test_one_contact_in_english(state):
    shortcodes, _ = shortcodes_of(state, "<!-- ung:kontakt ssp-test -->")
    html = render_markers("<!-- ung:kontakt ssp-test -->", shortcodes, state, "en/kontakt/", "en", NOW)
    assert html.count('class="ung-contact ') == 1
    assert "SSP consultant" in html and "Call 24 43 07 55" in html
    assert 'href="../../kontakt/ssp-test.vcf"' in html


def test_markers_with_problems_vanish(state):
    shortcodes, problems = shortcodes_of(state, "<!-- ung:kontakt ukendt -->", "<!-- ung:ukendt -->")
    assert shortcodes == {} and len(problems) == 2
    html = render_markers("<p>Før</p><p><!-- ung:kontakt ukendt --></p><!-- ung:ukendt --><p>Efter</p>",
                          shortcodes, state, "x/", "da", NOW)
    assert html == "<p>Før</p><p>Efter</p>"


def test_html_without_markers_is_returned_as_is(state):
    html = "<p>Ingen markører <!-- andet --></p>"
    assert render_markers(html, {}, state, "x/", "da", NOW) is html


def test_materials_catalogue_with_a_made_pdf(project):
    (project / "data" / "materials.yml").write_text(MATERIALS, encoding="utf-8")
    (project / "docs" / "undervisning").mkdir()
    (project / "docs" / "undervisning" / "rusmidler-udskoling.md").write_text("# R\n", encoding="utf-8")
    state = start_build(fake_config(project, fake_i18n()))
    state.made_files["undervisning/pdf/rusmidler-udskoling.pdf"] = b"x" * 182_400
    shortcode = Shortcode("materialer", 1, {}, "<!-- ung:materialer -->")
    html = render_shortcode(shortcode, state, "undervisning/", "da", NOW)
    assert "data-ung-filters" in html                      # the whole catalogue has filters
    assert '<h2 id="tema-rusmidler">Rusmidler</h2>' in html
    assert "Rusmidler &lt;i&gt;i&lt;/i&gt; udskolingen" in html  # data is text, never markup
    assert 'href="../undervisning/pdf/rusmidler-udskoling.pdf" download' in html
    assert "PDF, 182 kB" in html
    assert 'href="../undervisning/rusmidler-udskoling/"' in html
    assert "1 materialer vises" in html
    on_theme_page = render_shortcode(Shortcode("materialer", 1, {"theme": "rusmidler"}), state,
                                     "temaer/rusmidler/", "da", NOW)
    assert "data-ung-filters" not in on_theme_page and "<h4" in on_theme_page


def test_english_page_links_to_english_pages_a_fallback_page_to_danish_ones(project):
    (project / "data" / "materials.yml").write_text(MATERIALS, encoding="utf-8")
    (project / "docs" / "undervisning").mkdir()
    (project / "docs" / "undervisning" / "rusmidler-udskoling.md").write_text("# R\n", encoding="utf-8")
    state = start_build(fake_config(project, fake_i18n(current="en", building=True)))
    shortcode = Shortcode("materialer", 1, {})
    english = render_shortcode(shortcode, state, "en/undervisning/", "en", NOW)
    assert 'href="../../en/undervisning/rusmidler-udskoling/"' in english
    assert 'href="../../undervisning/pdf/rusmidler-udskoling.pdf"' in english  # one PDF for both languages
    fallback = render_shortcode(shortcode, state, "undervisning/", "en", NOW)
    assert 'href="../undervisning/rusmidler-udskoling/"' in fallback


def test_upcoming_events_only(project):
    (project / "data" / "events.yml").write_text(EVENTS, encoding="utf-8")
    state = start_build(fake_config(project, fake_i18n()))
    html = render_shortcode(Shortcode("arrangementer", 1, {}), state, "arrangementer/", "da", NOW)
    assert "Forældremøde" in html and "Forbi" not in html
    assert '<time datetime="2027-02-03T19:00:00+01:00">onsdag 3. februar 2027, 19:00–20:30</time>' in html
    assert 'href="../arrangementer/moede.ics" download' in html
    assert 'href="../arrangementer/kalender.ics"' in html
    assert "Der er ingen planlagte" in render_shortcode(Shortcode("arrangementer", 1, {"theme": "trafik"}),
                                                       state, "x/", "da", NOW)
