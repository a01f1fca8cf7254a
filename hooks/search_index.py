"""Hook: site search (issue 8) – a Pagefind index per language, and what the search box needs.

While each language is built, every page is noted: its built file, language, title,
navigation section, front-matter `tags` and (on a theme's own page) the theme's
`search_words` from data/themes.yml, and whether it is kept out of search (editors' pages
under /redaktoer/, `noindex: true`, fallback pages showing Danish text on the English side).

After BOTH languages are built (mkdocs-static-i18n builds /en/ inside its own on_post_build,
so this runs at a lower priority and skips the nested build), the built pages are handed to
Pagefind's Python API, with the tags and search words added as weighted metadata (see
_ungvejen/search.py). Pagefind writes `pagefind/` at the site root, one index per <html lang>:
a Danish page searches Danish pages only, an English page English ones. Next to it,
`pagefind/folding.<lang>.json` lists the words with æ, ø or å, so search.js can find "hjælp"
when the reader types "hjalp" or "hjaelp". The browser loads none of this until the reader
opens the search (docs/assets/javascripts/search.js).

The pages noted are kept in the build state; the search box itself is rendered by
hooks/page_chrome.py.
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _ungvejen.build import build_state
from _ungvejen.search import (
    EXCLUDE_SELECTORS, ROOT_SELECTOR, SearchPage, article_text, html_for_index, words_with_special_letters,
)

log = logging.getLogger("mkdocs.hooks.search_index")

OUTPUT_FOLDER = "pagefind"
# Pagefind writes its ready-made UIs too; search.js uses only the core API (pagefind.js).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)

def on_page_context(context, page, config, nav):
    state = build_state(config)
    state.search_pages.append(_search_page(page, state))
    return context


def _search_page(page, state) -> SearchPage:
    language = state.language
    prefix = state.language_prefix(language)
    record = state.record(page)
    meta = record.meta if record else (page.meta or {})
    tags = [str(tag) for tag in meta.get("tags") or [] if isinstance(tag, (str, int, float))]
    return SearchPage(
        path=page.file.abs_dest_path,
        url=page.url,
        page_path=page.url.removeprefix(prefix) if prefix else page.url,
        language=language,
        title=page.title or "",
        section=_section(page),
        tags=tags,
        search_words=_theme_search_words(page, state, language),
        noindex=bool(meta.get("noindex")),
        fallback=state.is_fallback(page),
    )


def _section(page) -> str:
    parent = page.parent
    while parent is not None and getattr(parent, "parent", None) is not None:
        parent = parent.parent
    return parent.title if parent is not None and parent.title else ""


def _theme_search_words(page, state, language: str) -> list[str]:
    """A theme's search words belong to the theme's own page (themes.yml `page:`) only."""
    source = page.file.src_uri
    for theme in state.data.themes.values():
        theme_page = theme.get("page", "")
        if source in (theme_page, theme_page.removesuffix(".md") + f".{language}.md"):
            return list(theme.get("search_words", {}).get(language) or [])
    return []


@event_priority(-200)
def on_post_build(config):
    state = build_state(config)
    if state.building_other_language:
        return
    site = Path(config.site_dir)
    pages = [page for page in state.search_pages if page.indexed]
    started = time.perf_counter()
    try:
        counts = asyncio.run(_write_index(site, pages))
    except Exception as error:  # the Pagefind service reports its own errors as plain exceptions
        raise PluginError(f"Søgeindekset kunne ikke laves (Pagefind): {error}") from error
    folding = _write_folding(site, pages)
    for name in UNUSED_BUNDLE_FILES:
        (site / OUTPUT_FOLDER / name).unlink(missing_ok=True)
    summary = ", ".join(f"{language}: {counts[language]} sider, {folding[language]} ord med æøå"
                        for language in sorted(counts))
    log.info(f"Søgeindeks skrevet til {OUTPUT_FOLDER}/ ({summary}) på {time.perf_counter() - started:.1f} s")


async def _write_index(site: Path, pages: list[SearchPage]) -> dict[str, int]:
    """Index copies of the pages with their search extras, from a temporary folder.

    One add_directory call instead of one add_html_file per page: the Python API answers
    each request after a 0.1 s poll, which made 54 pages take 5.5 s instead of 0.3 s.
    """
    from pagefind.index import IndexConfig, PagefindIndex

    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="ungvejen-search-") as folder:
        for page in pages:
            copy = Path(folder) / page.url / "index.html"
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(html_for_index(Path(page.path).read_text(encoding="utf-8"), page), encoding="utf-8")
            counts[page.language] = counts.get(page.language, 0) + 1
        # Repeated lists (contact cards, lessons, events) are marked page by page in html_for_index.
        index_config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(EXCLUDE_SELECTORS),
                                   output_path=str(site / OUTPUT_FOLDER))
        async with PagefindIndex(config=index_config) as index:
            result = await index.add_directory(folder, glob="**/index.html")
    if result["page_count"] != len(pages):
        raise RuntimeError(f"{len(pages)} sider sendt, {result['page_count']} indekseret")
    return counts


def _write_folding(site: Path, pages: list[SearchPage]) -> dict[str, int]:
    """pagefind/folding.<lang>.json: the words with æ, ø or å a reader may type without them."""
    words: dict[str, set[str]] = {}
    for page in pages:
        source = Path(page.path).read_text(encoding="utf-8")
        texts = [article_text(source), page.title, *page.tags, *page.search_words]
        words.setdefault(page.language, set()).update(words_with_special_letters(texts))
    for language, found in words.items():
        target = site / OUTPUT_FOLDER / f"folding.{language}.json"
        target.write_text(json.dumps(sorted(found), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {language: len(found) for language, found in words.items()}
