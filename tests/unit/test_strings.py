"""_ungvejen.strings: the UI strings of our templates and their fallback chain."""

from __future__ import annotations

from _ungvejen.strings import STRINGS_FOLDER, Translator, load_strings


def test_load_strings_flattens_keys(tmp_path):
    (tmp_path / "da.yml").write_text("exit:\n  label: Forlad\n  deep:\n    key: Dyb\ntal: 3\n", encoding="utf-8")
    (tmp_path / "en.yml").write_text("exit:\n  label: Leave\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert load_strings(tmp_path) == {"da": {"exit.label": "Forlad", "exit.deep.key": "Dyb", "tal": "3"},
                                      "en": {"exit.label": "Leave"}}


def test_the_real_strings_have_the_same_keys_in_every_language():
    strings = load_strings()
    assert set(strings) == {"da", "en", "ar", "uk", "pl", "so"}
    for language in strings:
        assert set(strings[language]) == set(strings["da"]), language
    assert strings["da"]["contact.call"] == "Ring"
    assert strings["en"]["contact.call"] == "Call"
    assert STRINGS_FOLDER.name == "strings"


def test_fallback_from_page_language_to_default_then_english_then_the_key():
    strings = {"da": {"a": "da-a", "b": "da-b"}, "en": {"a": "en-a", "c": "en-c"}, "de": {"a": "de-a"}}
    german = Translator(strings, "de", "da")
    assert (german("a"), german("b"), german("c"), german("d")) == ("de-a", "da-b", "en-c", "d")
    assert Translator(strings, "fr", "da")("a") == "da-a"  # a language without strings
    assert Translator(strings, "en", "da")("b") == "da-b"
    assert Translator(strings, "da", "da").language == "da"


def test_values_are_filled_in():
    strings = {"da": {"count": "{count} materialer vises"}}
    translate = Translator(strings, "da")
    assert translate("count", count=3) == "3 materialer vises"
    assert translate("count") == "{count} materialer vises"


def test_real_strings_with_values():
    strings = load_strings()
    assert Translator(strings, "da")("materials.minutes", count=90) == "90 min."
    assert Translator(strings, "en")("exit.presses_left", count=2) == "Press Shift 2 more time(s) to leave this site."


def test_text_direction_of_a_language():
    from _ungvejen.strings import text_direction

    assert [text_direction(code) for code in ("ar", "da", "uk", "so", "ar-EG")] == ["rtl", "ltr", "ltr", "ltr", "rtl"]
