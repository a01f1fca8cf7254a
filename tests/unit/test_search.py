"""_ungvejen.search: what each built page gives the Pagefind index."""

from __future__ import annotations

import pytest

from _ungvejen.search import LISTINGS, SearchPage, article_text, html_for_index, words_with_special_letters

ARTICLE = ('<html><body><nav>Menu</nav><article class="md-content__inner md-typeset">'
           '<h1>Hej</h1>'
           '<div class="ung-contacts"><p>Ring 112</p></div>'
           '<div class="ung-contact ung-contact--akut">c</div>'
           '<div class="ung-materials" data-ung-materials>m</div>'
           '<div class="ung-events">e</div>'
           '<div class="ung-contacts-extra">not a listing</div>'
           "<script>var æøå = 1</script><style>.å{}</style>"
           "<p>Hjælp &amp; børn</p></article><footer>Født</footer></body></html>")


def page(page_path="temaer/rusmidler/", **extra) -> SearchPage:
    return SearchPage(path="/site/x/index.html", url=page_path, page_path=page_path, language="da", title="X", **extra)


def test_which_pages_are_indexed():
    assert page().indexed
    assert not page(noindex=True).indexed
    assert not page(fallback=True).indexed
    assert not page("redaktoer/").indexed
    assert not page("redaktoer/rapport/").indexed
    assert page("om-ssp/redaktoer/").indexed


def test_extras_are_inserted_at_the_top_of_the_article_escaped():
    out = html_for_index(ARTICLE, page(section="Temaer & mere", tags=["hash", "<b>"], search_words=["joint", "æ"]))
    block = ('<div data-pagefind-ignore="index"><span data-pagefind-meta="section">Temaer &amp; mere</span>'
             '<span data-pagefind-meta="tags">hash, &lt;b&gt;</span>'
             '<span data-pagefind-meta="words">joint, æ</span></div>')
    assert '<article class="md-content__inner md-typeset">' + block + "<h1>Hej</h1>" in out
    assert out.count("data-pagefind-meta") == 3


def test_listings_are_ignored_except_on_their_own_page():
    out = html_for_index(ARTICLE, page())
    assert '<div data-ung-search-ignore class="ung-contacts">' in out
    assert '<div data-ung-search-ignore class="ung-contact ung-contact--akut">' in out
    assert '<div data-ung-search-ignore class="ung-materials" data-ung-materials>' in out
    assert '<div data-ung-search-ignore class="ung-events">' in out
    assert '<div class="ung-contacts-extra">' in out  # a class that only starts like a listing


@pytest.mark.parametrize(("page_path", "kept"), [
    ("kontakt/", {"ung-contacts", "ung-contact"}),
    ("faa-hjaelp-nu/", {"ung-contacts", "ung-contact"}),
    ("undervisning/", {"ung-materials"}),
    ("arrangementer/", {"ung-events"}),
])
def test_each_listing_is_kept_where_it_belongs(page_path, kept):
    out = html_for_index(ARTICLE, page(page_path))
    for listing in (name for name in LISTINGS if f'class="{name}' in ARTICLE):
        ignored = f'<div data-ung-search-ignore class="{listing}' in out
        assert ignored == (listing not in kept), listing


def test_without_extras_or_article_nothing_is_inserted():
    assert "data-pagefind-meta" not in html_for_index(ARTICLE, page())
    plain = "<html><body><main>Intet her</main></body></html>"
    assert html_for_index(plain, page(tags=["hash"])) == plain


def test_article_text():
    assert article_text(ARTICLE).split() == ["Hej", "Ring", "112", "c", "m", "e", "not", "a", "listing",
                                             "Hjælp", "&", "børn"]
    assert article_text("<p>no article</p>") == ""


def test_words_with_special_letters():
    texts = ["Hjælp til BØRN og unge – 'Åen' ø æble-å", "ingen her", "Børn, børn!"]
    assert words_with_special_letters(texts) == {"hjælp", "børn", "åen", "æble-å"}


def test_words_of_a_title_that_is_not_text():
    """`title: 2026` is reported by the front-matter check; the index must not break on it."""
    assert words_with_special_letters([2026, "Få hjælp"]) == {"få", "hjælp"}


def test_pages_put_first_by_synonyms_get_a_filter_per_group():
    source = '<article class="md-content__inner md-typeset"><h1>Hjælp</h1></article>'
    indexed = html_for_index(source, page("faa-hjaelp-nu/", search_words=["anonym"], first_groups=["1.1", "3.2"]))
    assert ('<span data-pagefind-meta="words">anonym</span><span data-pagefind-filter="first">1.1</span>'
            '<span data-pagefind-filter="first">3.2</span></div>') in indexed


@pytest.mark.parametrize("page_path", ["", "faa-hjaelp-nu/", "temaer/rusmidler/"])
def test_front_page_blocks_are_never_indexed(page_path):
    source = ('<article class="md-content__inner md-typeset"><h1>Forside</h1>'
              '<div class="ung-helpnow"><a href="tel:112">Ring 112</a></div>'
              '<div class="ung-themes"><a href="temaer/rusmidler/">Rusmidler</a></div></article>')
    out = html_for_index(source, page(page_path))
    assert '<div data-ung-search-ignore class="ung-helpnow">' in out
    assert '<div data-ung-search-ignore class="ung-themes">' in out
