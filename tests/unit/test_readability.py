"""_ungvejen.readability: LIX (words / sentences + 100 * long words / words), the prose it
counts, and the audience sections of a page."""

from __future__ import annotations

import pytest

from _ungvejen.readability import Lix, Section, audience_sections, lix, prose


def test_words_of_exactly_seven_letters_are_long():
    # Skolens (7), elever (6), leger (5), Familien (8), er (2), glad (4).
    result = lix("Skolens elever leger. Familien er glad.")
    assert (result.words, result.sentences, result.long_words) == (6, 2, 2)
    assert result.score == pytest.approx(6 / 2 + 100 * 2 / 6)
    assert round(result.score, 2) == 36.33


def test_seven_letter_words_only():
    # Eleverne har 8 letters; "Skolens", "Mandag", "spiller": 7, 6, 7.
    result = lix("Mandag spiller skolens hold. Vi ses.")
    assert (result.words, result.sentences, result.long_words) == (6, 2, 2)
    assert result.score == pytest.approx(3 + 100 * 2 / 6)


def test_six_letter_words_are_not_long():
    result = lix("Hunden løber hurtig.")  # 6, 5, 6 letters
    assert result == Lix(words=3, sentences=1, long_words=0)
    assert result.score == 3.0


def test_danish_letters_and_hyphens_count_as_letters():
    # "Forældre" has 8 letters; "Tv-programmet" is one word of 12 letters (the hyphen is not one).
    result = lix("Forældre ser tv-programmet: ja!")
    assert (result.words, result.sentences, result.long_words) == (4, 2, 2)
    # "ikke-ryger" is 9 letters without the hyphen; "på" is short.
    assert lix("Ikke-ryger på skolen.").long_words == 1


def test_empty_text_scores_zero():
    assert lix("") == Lix(0, 0, 0)
    assert lix("").score == 0.0
    assert Lix(words=3, sentences=0, long_words=0).score == 3.0  # no division by zero


def test_headings_list_items_and_lines_end_sentences():
    markdown = "# Overskrift\n\nHej med dig\n\n- punkt et\n- punkt to\n"
    assert prose(markdown) == "Overskrift.\nHej med dig.\npunkt et.\npunkt to."
    assert lix(markdown) == Lix(words=8, sentences=4, long_words=1)


def test_what_a_reader_does_not_see_is_not_counted():
    markdown = (
        "Se [hjemmesiden](https://www.eksempel.dk/meget-lang-adresse) nu. "
        "<!-- kommentaren indeholder ordlange ordsammensætninger -->Ok.\n"
        "## Titel {: #unge data-audience=\"unge\" }\n"
        "<span class=\"skjultklasse\">Kort</span> tekst.\n"
        "Besøg https://www.sundhed.dk/borger i dag.\n"
    )
    assert prose(markdown) == "Se hjemmesiden nu.  Ok.\nTitel.\nKort  tekst.\nBesøg   i dag."
    assert lix(markdown) == Lix(words=10, sentences=5, long_words=1)


def test_tables_count_the_same_with_or_without_outer_pipes():
    """A Markdown table may be written with or without the pipes at the ends of each row;
    a reader sees the same table, so LIX must be the same."""
    with_pipes = "| Ring til os | Skriv til os |\n|---|---|\n| Hver dag | Om natten |\n"
    without_pipes = "Ring til os | Skriv til os\n---|---\nHver dag | Om natten\n"
    assert lix(with_pipes) == lix(without_pipes)


def test_audience_sections_run_to_the_next_h2_or_h1():
    markdown = (
        "# Titel\n"
        "Intro.\n"
        "## Til dig, der er ung {: #unge data-audience=\"unge\" }\n"
        "Hash er ulovligt.\n"
        "\n"
        "### Underafsnit hører med\n"
        "Mere tekst.\n"
        "## Til forældre { data-audience=foraeldre }\n"
        "Tal med dit barn.\n"
        "## Andet afsnit\n"
        "Ikke med.\n"
    )
    assert audience_sections(markdown) == [
        Section(audience="unge", title="Til dig, der er ung", line=3,
                text="Hash er ulovligt.\n\n### Underafsnit hører med\nMere tekst."),
        Section(audience="foraeldre", title="Til forældre", line=8, text="Tal med dit barn."),
    ]


def test_no_marked_sections():
    assert audience_sections("# Titel\n## Uden målgruppe\nTekst.\n") == []


def test_fixture_page_sections_and_lix():
    markdown = (
        "# Rusmidler\n\nKort tekst.\n\n"
        "## Til dig, der er ung {: #unge data-audience=\"unge\" }\n\n"
        "Hash er ulovligt. Du kan få hjælp. Du kan være anonym.\n\n"
        "<!-- ung:kontakter tema=rusmidler målgruppe=unge -->\n"
    )
    [section] = audience_sections(markdown)
    assert (section.audience, section.line) == ("unge", 5)
    # 11 words, 3 sentences; "ulovligt" (8) is the only long word.
    assert lix(section.text) == Lix(words=11, sentences=3, long_words=1)
    assert round(lix(section.text).score, 2) == round(11 / 3 + 100 / 11, 2)
