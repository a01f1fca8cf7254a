"""Hook: site search (issue 8) – a Pagefind index per language.

While each language is built, every page is noted as it is finished (on_post_page, from the
HTML in hand): its language, title, navigation section, front-matter `tags` and (on a
theme's own page) the theme's `search_words` from data/themes.yml, and whether it is kept
out of search (editors' pages under /redaktoer/, `noindex: true`, fallback pages showing
Danish text on the English side). A copy of the page with its search extras (weighted
metadata, see _ungvejen/search.py) is made for Pagefind at once.

A language is handed to Pagefind as soon as it is complete – when mkdocs-static-i18n starts
building the next language (on_pre_build of the nested build), or at the end – so Pagefind
indexes Danish on the second core while Python builds English (_ungvejen/pagefind_index.py).
After every language (on_post_build below mkdocs-static-i18n's -100, skipped in its nested
builds) the index is written: `pagefind/` at the site root, one index per <html lang>, and
`pagefind/folding.<lang>.json`, the words with æ, ø or å, so search.js can find "hjælp" when
the reader types "hjalp" or "hjaelp", and `pagefind/synonyms.<lang>.json`, the slang and
synonyms of data/synonyms.yml (typed word -> words searched too, groups ranked first). The browser loads none of this until the reader opens
the search (docs/assets/javascripts/search.js); the search box is hooks/page_chrome.py's.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _ungvejen.build import build_state
from _ungvejen.pagefind_index import BackgroundIndex
from _ungvejen.search import SearchPage

log = logging.getLogger("mkdocs.hooks.search_index")

OUTPUT_FOLDER = "pagefind"


def on_pre_build(config):
    state = build_state(config)
    if state.building_other_language and state.search_index is not None:
        state.search_index.hand_over_all_but(state.language)


def on_post_page(output, page, config):
    state = build_state(config)
    if state.search_index is None:
        state.search_index = BackgroundIndex(Path(config.site_dir) / OUTPUT_FOLDER)
    search_page = _search_page(page, state)
    if search_page.indexed:
        state.search_index.add_page(search_page, output)
    return output


def _search_page(page, state) -> SearchPage:
    language = state.language
    prefix = state.language_prefix(language)
    record = state.record(page)
    meta = record.meta if record else (page.meta or {})
    tags = [str(tag) for tag in meta.get("tags") or [] if isinstance(tag, (str, int, float))]
    first_words, first_groups = state.data.synonym_pages(page.file.src_uri, language)
    return SearchPage(
        path=page.file.abs_dest_path,
        url=page.url,
        page_path=page.url.removeprefix(prefix) if prefix else page.url,
        language=language,
        title=str(page.title or ""),
        section=_section(page),
        tags=tags,
        search_words=_theme_search_words(page, state, language) + first_words,
        first_groups=first_groups,
        noindex=bool(meta.get("noindex")),
        fallback=state.is_fallback(page),
    )


def _section(page) -> str:
    parent = page.parent
    while parent is not None and getattr(parent, "parent", None) is not None:
        parent = parent.parent
    return str(parent.title) if parent is not None and parent.title else ""


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
    if state.building_other_language or state.search_index is None:
        return
    site = Path(config.site_dir)
    started = time.perf_counter()
    index = state.search_index
    try:
        index.finish()
    except Exception as error:  # the Pagefind service reports its own errors as plain exceptions
        raise PluginError(f"Søgeindekset kunne ikke laves (Pagefind): {error}") from error
    for language, found in index.folding.items():
        target = site / OUTPUT_FOLDER / f"folding.{language}.json"
        target.write_text(json.dumps(sorted(found), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        synonyms = site / OUTPUT_FOLDER / f"synonyms.{language}.json"
        synonyms.write_text(json.dumps(state.data.synonyms_for(language), ensure_ascii=False, sort_keys=True,
                                       separators=(",", ":")), encoding="utf-8")
    summary = ", ".join(f"{language}: {index.counts[language]} sider, {len(index.folding.get(language, ()))} ord med æøå"
                        for language in sorted(index.counts))
    log.info(f"Søgeindeks skrevet til {OUTPUT_FOLDER}/ ({summary}); ventede {time.perf_counter() - started:.1f} s på Pagefind")
