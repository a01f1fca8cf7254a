"""_ungvejen.language_links: `lang` on each language-switcher link that has `hreflang`."""

from __future__ import annotations

from _ungvejen.language_links import mark_link_languages


def test_links_with_hreflang_get_lang():
    html = ('<ul class="md-select__list">\n'
            '  <li><a href="/" hreflang="da" class="md-select__link">Dansk</a></li>\n'
            '  <li><a href="/en/" hreflang="en" class="md-select__link">English</a></li>\n'
            "</ul>")
    assert mark_link_languages(html) == (
        '<ul class="md-select__list">\n'
        '  <li><a lang="da" href="/" hreflang="da" class="md-select__link">Dansk</a></li>\n'
        '  <li><a lang="en" href="/en/" hreflang="en" class="md-select__link">English</a></li>\n'
        "</ul>")


def test_several_links_on_one_line_and_text_with_entities_before_them():
    html = '<p>&amp; æøå “x” <a hreflang="en">A</a><a hreflang="de">B</a></p>'
    assert mark_link_languages(html) == '<p>&amp; æøå “x” <a lang="en" hreflang="en">A</a><a lang="de" hreflang="de">B</a></p>'


def test_links_that_already_have_lang_or_no_hreflang_are_left_alone():
    html = '<a href="/" hreflang="da" lang="da">Dansk</a> <a href="/x/">X</a> <link rel="alternate" hreflang="en">'
    assert mark_link_languages(html) is html


def test_language_value_is_escaped():
    assert mark_link_languages('<a hreflang="x&quot;y">z</a>') == '<a lang="x&quot;y" hreflang="x&quot;y">z</a>'


def test_crlf_line_endings_are_kept():
    html = '<div>\r\n<a hreflang="en">English</a>\r\n</div>'
    assert mark_link_languages(html) == '<div>\r\n<a lang="en" hreflang="en">English</a>\r\n</div>'
