"""Site search (issue 8): what each page gives the Pagefind index, decided without MkDocs.

The search index is built from the finished HTML (hooks/search_index.py), one index per
language (Pagefind splits by <html lang>). This module decides, for one built page:

- whether it belongs in the index at all (not editors' pages, noindex pages, or fallback
  pages that show Danish text on the English side);
- which part of it is indexed: the article, without heading anchors, review dates, notices,
  download facts – and without the lists our shortcodes repeat on many pages (contact cards,
  teaching materials, events), except on the one page each list belongs to;
- the weighted extras Pagefind ranks on: the page's front-matter `tags` and, on a theme's
  own page, the theme's `search_words` (data/themes.yml). They go in as metadata fields
  (`tags`, `words`), which Pagefind 1.5 searches and weights (`ranking.metaWeights` in
  search.js) without putting them into the text excerpts;
- the pages editors want first for some words (data/synonyms.yml `pages`: the help page for
  "anonym", "ringe"): those words join the page's `words`, and the page gets a Pagefind filter
  `first` per group, which search.js asks for when one of the words is typed;
- the words with æ, ø or å (`words_with_special_letters`): search.js folds them (æ → ae/a,
  ø → oe/o, å → aa/a) so "hjalp" finds "hjælp" and "boern" finds "børn".

The extras are added to the copy of the HTML handed to Pagefind, never to the published page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from types import MappingProxyType

ROOT_SELECTOR = "article.md-content__inner"
# Parts of the article that are not the page's text: heading anchors (¶), our skip target,
# notices and dates, download and calendar facts, filter controls, empty-list notes, and the
# "Kilder" lists (source titles such as "Beslutningsforslag B 72" would match searches).
EXCLUDE_SELECTORS = (
    ".headerlink", "#indhold", ".ung-fallback", ".ung-review", ".ung-tag", ".ung-empty",
    ".ung-material__facts", ".ung-event__facts", ".ung-event__links", ".ung-events__feed",
    ".ung-filters", ".ung-sources", "[data-ung-search-ignore]",
)
# Lists our shortcodes repeat on many pages: contact cards ("Ring 112", "Politiet") would make
# every page match "ring" or "politi", and a theme page's list of lessons or events would
# outrank its own text with their headings. Each list is indexed only where it belongs
# (page paths without the language prefix); the lessons and events have pages of their own.
LISTINGS = MappingProxyType({
    "ung-contacts": frozenset({"kontakt/", "faa-hjaelp-nu/"}),
    "ung-contact": frozenset({"kontakt/", "faa-hjaelp-nu/"}),
    "ung-materials": frozenset({"undervisning/"}),
    "ung-events": frozenset({"arrangementer/"}),
    "ung-helpnow": frozenset(),   # the front page's help buttons: the help page has the contacts
    "ung-themes": frozenset(),    # the theme tiles: each theme has its own page
})
EDITOR_FOLDER = "redaktoer/"
FIRST_FILTER = "first"  # search.js: pages that rank first for a group of words
SPECIAL_LETTERS = re.compile(r"[æøåÆØÅ]")
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)

_ARTICLE_OPEN = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')


@dataclass
class SearchPage:
    """One built page as the search index sees it."""

    path: str                 # the built file, absolute
    url: str                  # site-root-relative URL: "temaer/rusmidler/", "en/temaer/rusmidler/"
    page_path: str            # URL without the language prefix: "temaer/rusmidler/"
    language: str
    title: str
    section: str = ""         # the navigation section the page sits in ("Temaer"), or ""
    tags: list[str] = field(default_factory=list)
    search_words: list[str] = field(default_factory=list)
    first_groups: list[str] = field(default_factory=list)  # data/synonyms.yml groups it ranks first in
    noindex: bool = False
    fallback: bool = False    # the page's text is in another language than the site around it

    @property
    def indexed(self) -> bool:
        return not (self.noindex or self.fallback or self.page_path.startswith(EDITOR_FOLDER))

    def keeps(self, listing: str) -> bool:
        return self.page_path in LISTINGS[listing]


def _meta_span(name: str, value: str) -> str:
    return f'<span data-pagefind-meta="{name}">{html.escape(value, quote=False)}</span>'


def _filter_span(name: str, value: str) -> str:
    return f'<span data-pagefind-filter="{name}">{html.escape(value, quote=False)}</span>'


def html_for_index(source: str, page: SearchPage) -> str:
    """The built page with its search extras inserted at the top of the article.

    The extras sit in a `data-pagefind-ignore` block: their words are not part of the page's
    text (and never of an excerpt), but Pagefind still reads the metadata inside it.
    Repeated lists (LISTINGS) are marked `data-ung-search-ignore` here, page by page – an
    exclude selector given to Pagefind applies to all pages alike.
    """
    source = _mark_listings_ignored(source, page)
    parts = []
    if page.section:
        parts.append(_meta_span("section", page.section))
    if page.tags:
        parts.append(_meta_span("tags", ", ".join(page.tags)))
    if page.search_words:
        parts.append(_meta_span("words", ", ".join(page.search_words)))
    parts += [_filter_span(FIRST_FILTER, group) for group in page.first_groups]
    if not parts:
        return source
    block = f'<div data-pagefind-ignore="index">{"".join(parts)}</div>'
    match = _ARTICLE_OPEN.search(source)
    if not match:
        return source
    return source[:match.end()] + block + source[match.end():]


def _mark_listings_ignored(source: str, page: SearchPage) -> str:
    ignored = [name for name in LISTINGS if not page.keeps(name)]
    if not ignored:
        return source
    pattern = re.compile(r'<div(?= class="(?:%s)[\s"])' % "|".join(map(re.escape, ignored)))
    return pattern.sub("<div data-ung-search-ignore", source)


_TAG = re.compile(r"<[^>]+>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


def article_text(source: str) -> str:
    """The article's text, roughly (tags stripped): enough to collect the words it uses."""
    match = _ARTICLE_OPEN.search(source)
    if not match:
        return ""
    end = source.find("</article>", match.end())
    body = _SCRIPT.sub(" ", source[match.end():end if end != -1 else None])
    return html.unescape(_TAG.sub(" ", body))


def words_with_special_letters(texts) -> set[str]:
    """Lower-case words containing æ, ø or å, from any number of texts."""
    found = set()
    for text in texts:
        # Each word once: a contact page repeats the same words thousands of times.
        for word in set(WORD.findall(str(text).lower())):
            word = word.strip("'’-")
            if SPECIAL_LETTERS.search(word) and len(word) > 1:
                found.add(word)
    return found
