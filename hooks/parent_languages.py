"""Hook: the parents' languages (issue 18) – which pages they build, and where the switcher leads.

Arabic, Ukrainian, Polish and Somali (`parent_languages` in mkdocs.yml) have only the pages a
worried parent needs first. mkdocs-static-i18n would build every Danish page again under
/ar/, /uk/ ... as a fallback (its `fallback_to_default` is one setting for all languages, and
English needs it). So while a parents' language is built, the Danish and English pages are
dropped from the files before the plugin sorts them (on_files, above its -100): only the
language's own pages are built, the plugin sorts only the parents' pages, and sitemap.xml
gets no hreflang link to a page that is not built. Nor are the theme's files copied again
(the default language's build has written them, at the same place).

The language switcher (Material's `extra.alternate`, which the plugin points at each page's
copies) offers a language only where the page exists in it. A parents' language without this
page leads to its start page (/ar/); so do Danish and English on a page that exists only in
the parents' languages (to /til-foraeldre/). A translated page leads to its Danish source.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from _ungvejen.build import build_state
from _ungvejen.paths import page_url
from _ungvejen.translations import src_uri


@event_priority(-90)  # before mkdocs-static-i18n (-100): it then sorts only these files
def on_files(files, config):
    state = build_state(config)
    if not state.is_parent_language():
        return files
    own = {_normal(file.src_uri) for file in files.documentation_pages() if _locale(file.src_uri) == state.language}
    docs = Path(config.docs_dir).absolute()
    for file in list(files):
        if not file.is_documentation_page():
            # The theme's own files (Material's scripts and styles) are shared by every language
            # and were written by the default language's build: not copied again.
            if file.abs_src_path and not Path(file.abs_src_path).absolute().is_relative_to(docs):
                files.remove(file)
            continue
        if _locale(file.src_uri) in state.settings.parent_languages:
            continue  # this language's pages, and the other parents' languages' copies (the switcher)
        files.remove(file)
        if _normal(file.src_uri) not in own:
            # sitemap.xml lists each page's copies in every language: not this one (hooks/sitemap_filter.py)
            state.unlisted_urls.add(f"{(config.site_url or '/').rstrip('/')}/{state.language}/"
                                    + page_url(_normal(file.src_uri)))
    return files


def _locale(src_uri: str) -> str | None:
    """"om-ssp.ar.md" -> "ar"; "om-ssp.md" -> None."""
    parts = src_uri.rsplit("/", 1)[-1].split(".")
    return parts[-2] if len(parts) > 2 and parts[-1] == "md" else None


def _normal(src_uri: str) -> str:
    """"om-ssp.ar.md" -> "om-ssp.md"."""
    locale = _locale(src_uri)
    return src_uri.removesuffix(f".{locale}.md") + ".md" if locale else src_uri


def on_page_context(context, page, config, nav):
    # Runs after mkdocs-static-i18n (priority 50) has set config.extra.alternate for this page.
    state = build_state(config)
    alternates = getattr(page.file, "alternates", None) or {}
    record = state.record(page)
    sources = _sources(record.meta if record else {})
    # mkdocs-static-i18n sets extra.alternate per page by attribute (not as a key): read it so.
    for entry in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
        entry["link"] = _link(state, entry["lang"], alternates, sources)
    return context


def _sources(meta: dict) -> list[str]:
    raw = meta.get("translation")
    source = raw.get("source") if isinstance(raw, dict) else None
    sources = [source] if isinstance(source, str) else source or []
    return [src_uri(s) for s in sources if isinstance(s, str)]


def _link(state, language: str, alternates: dict, sources: list[str]) -> str:
    if sources and not state.is_parent_language(language):
        return state.language_prefix(language) + page_url(sources[0])
    copy = alternates.get(language)
    exists = copy is not None and (not state.is_parent_language(language) or getattr(copy, "locale", None) == language)
    return copy.url if exists else state.parents_start_url(language)
