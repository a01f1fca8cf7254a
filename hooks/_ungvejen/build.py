"""One build's shared state: everything the hooks hand to each other, in one object.

hooks/load_data.py creates a `BuildState` at the start of every build – and of every
`mkdocs serve` rebuild – and keeps it on the MkDocs config object; every hook reads it with
`build_state(config)`. mkdocs-static-i18n builds the other languages inside the default
language's on_post_build with the same config object, so one state lives through all the
languages of one build and is gone with it: nothing is kept in module globals, nothing has
to be reset by hand.

What it holds, by phase (see mkdocs.yml's hook list):
- load: the validated settings and data, the UI strings, the one template renderer;
- check pages: each page's parsed front matter, shortcodes and review due date (`pages`);
- render: the files made for download and their sizes (`made_files`);
- write files: the editors' report rows, the search index being made, the scripts the
  CSP trusts and the hashes found, and the warnings already given (each once per build).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

from .data import SiteData, load_site_data
from .editor_notes import EditorNote
from .frontmatter import FrontMatter
from .problems import Problem
from .review import due_date, today
from .pagefind_index import BackgroundIndex
from .paths import page_url
from .settings import Settings, read_settings
from .shortcodes import Shortcode
from .strings import Translator, load_strings
from .templates import Renderer

STATE_KEY = "ungvejen_build_state"
log = logging.getLogger("mkdocs.plugins.ungvejen")


@dataclass
class PageRecord:
    """One Markdown file, read once: what the check phase found, for every later phase."""

    source: str                                  # docs/temaer/rusmidler.md
    front: FrontMatter
    shortcodes: dict[str, Shortcode] = field(default_factory=dict)  # marker text -> valid shortcode
    shortcodes_checked: bool = False
    due: dt.date | None = None
    editor_notes: list[EditorNote] = field(default_factory=list)  # `!!! redaktoer` blocks, kept off the page

    @property
    def meta(self) -> dict:
        return self.front.meta

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < today()


class BuildState:
    def __init__(self, config, root: Path, settings: Settings, data: SiteData):
        self._i18n = config.plugins.get("i18n")
        self._theme_language = config.theme.get("language", "da")
        self.root = root
        self.settings = settings
        self.data = data
        self.strings = load_strings()
        self.renderer = Renderer(config.theme.get_env().loader)
        self.pages: dict[str, PageRecord] = {}
        self.made_files: dict[str, bytes] = {}
        self.report_rows: dict[str, dict] = {}
        self.editor_tasks: dict[tuple, dict] = {}   # editors' notes (file, line) -> the report's task
        self.search_index: BackgroundIndex | None = None   # Pagefind, fed language by language
        self.site_dir = Path(config.site_dir)     # the root of the built site (not /en/)
        self.unlisted_urls: set[str] = set()      # pages kept out of sitemap.xml
        self.template_scripts: set[str] = set()   # inline scripts our templates write (trusted)
        self.script_hashes: set[str] = set()      # CSP hashes of the trusted scripts on built pages
        self.scanned_files: set[str] = set()      # built pages already scanned for the CSP
        self.csp_problems: dict[str, set[str]] = {}  # what the CSP would block -> where
        self.default_language_404 = ""
        self.translation_rows: dict[str, dict] = {}  # parents' languages: review state per page
        # Rendered contact cards by (contact id, language, site root): the contact page lists a
        # contact under each of its audiences and the theme pages list the same few, so each
        # card is rendered once (shortcode_html.contact_card).
        self.contact_cards: dict[tuple[str, str, str], str] = {}
        self._warned: set[str] = set()

    # -- languages: mkdocs-static-i18n builds the default language, then the others inside it

    @property
    def default_language(self) -> str:
        return self._i18n.default_language if self._i18n else self._theme_language

    @property
    def language(self) -> str:
        """The language being built now."""
        if self._i18n and self._i18n.current_language:
            return self._i18n.current_language
        return self.default_language

    @property
    def languages(self) -> list[str]:
        """Every language that is built, the default first."""
        if not self._i18n:
            return [self.default_language]
        built = [language.locale for language in self._i18n.config.languages if language.build]
        return sorted(built, key=lambda locale: locale != self.default_language)

    @property
    def building_other_language(self) -> bool:
        """True while mkdocs-static-i18n builds a non-default language inside on_post_build."""
        return bool(self._i18n and self._i18n.building)

    def language_prefix(self, language: str | None = None) -> str:
        """Where a language's pages live below the site root: "" for the default, "en/" else."""
        language = language or self.language
        return "" if language == self.default_language else f"{language}/"

    def is_parent_language(self, language: str | None = None) -> bool:
        """A language with only the parents' pages (settings `parent_languages`)."""
        return (language or self.language) in self.settings.parent_languages

    def language_name(self, language: str) -> str:
        """A language's name in that language, as mkdocs.yml gives it (العربية, Polski)."""
        for entry in (self._i18n.config.languages if self._i18n else []):
            if entry.locale == language:
                return entry.name
        return language

    def parents_start_url(self, language: str) -> str:
        """Where a language's parents start, from the site root: a parents' language's own
        front page ("ar/"), else its parents' page ("en/til-foraeldre/")."""
        if self.is_parent_language(language):
            return f"{language}/"
        return self.language_prefix(language) + page_url(self.settings.parents_page)

    def page_locale(self, page) -> str:
        """The language a page's text is written in (a fallback page is in the default language)."""
        return getattr(page.file, "locale", None) or self.default_language

    def is_fallback(self, page) -> bool:
        return self.page_locale(page) != self.language

    # -- pages, read once

    def record(self, page) -> PageRecord | None:
        return self.pages.get(page.file.src_uri)

    def remember_page(self, record: PageRecord, src_uri: str) -> PageRecord:
        record.due = due_date(record.meta, self.settings)
        self.pages[src_uri] = record
        return record

    # -- UI strings and partials

    def translator(self, language: str | None = None) -> Translator:
        return Translator(self.strings, language or self.language, self.default_language)

    def render(self, template: str, *, strings: str | None = None, **context) -> str:
        """A partial from overrides/partials/ung/, autoescaped, with `ung_t` giving the UI
        strings in the language `strings` (by default the language being built)."""
        return self.renderer.render(template, ung_t=self.translator(strings), **context)

    # -- problems: hooks run once per language, an editor hears of each problem once

    def warn(self, problem: Problem | str) -> None:
        text = str(problem)
        if text not in self._warned:
            self._warned.add(text)
            log.warning(text)


def start_build(config) -> BuildState:
    """A fresh state for a new build; raises ProblemReport on invalid settings or data."""
    root = Path(config.config_file_path).resolve().parent
    settings = read_settings(config.extra.get("ungvejen"), Path(config.config_file_path), root)
    state = BuildState(config, root, settings, load_site_data(root))
    config[STATE_KEY] = state
    return state


def build_state(config) -> BuildState:
    state = config.get(STATE_KEY)
    if state is None:
        raise PluginError("mkdocs.yml: hooks/load_data.py skal stå først under hooks:. "
                          "Sådan retter du: flyt linjen  - hooks/load_data.py  op som den første.")
    return state
