"""_ungvejen.glossary: abbreviation definitions for the glossary words a page uses."""

from _ungvejen.glossary import abbreviations, entries_view

GLOSSARY = [
    {"id": "ssp", "term": {"da": "SSP", "en": "SSP"}, "explanation": {"da": "Skole, Socialforvaltning og Politi.",
                                                                   "en": "School, Social services and Police."}},
    {"id": "bekymringssamtale", "term": {"da": "bekymringssamtale", "en": "worried-conversation"},
     "forms": {"da": ["bekymringssamtaler"], "en": ["worried-conversations"]},
     "explanation": {"da": "En samtale\n  med familien.", "en": "A conversation with the family."}},
]


def test_only_the_words_a_page_uses_are_defined_in_its_language():
    assert abbreviations(GLOSSARY, "da", "SSP holder bekymringssamtaler.") == (
        "*[SSP]: Skole, Socialforvaltning og Politi.\n*[bekymringssamtaler]: En samtale med familien.")
    assert abbreviations(GLOSSARY, "en", "A worried-conversation with SSP.") == (
        "*[SSP]: School, Social services and Police.\n*[worried-conversation]: A conversation with the family.")
    assert abbreviations(GLOSSARY, "da", "Ingen ord herfra; SSPs og bekymringssamtalerne tæller ikke.") == ""


def test_the_glossary_page_lists_every_word_alphabetically_with_the_other_language():
    view = entries_view(GLOSSARY, "en")
    assert [entry["term"] for entry in view] == ["SSP", "worried-conversation"]
    assert view[1]["other"] == "bekymringssamtale" and view[1]["other_language"] == "da"
