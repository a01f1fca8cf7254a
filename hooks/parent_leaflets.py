"""Hook: a printable one-page leaflet for parents in each parents' language (issue 18).

Made like the lesson PDFs (hooks/make_downloads.py): WeasyPrint renders an HTML document
(overrides/partials/ung/parent-leaflet.html) built from the site's own pages, so the leaflet
says what the site says: the language's start page (its text, with each link's address
printed after it, and the translation notice while nobody has checked it) and the contacts
on the language's "Få hjælp nu" page, with their numbers from data/contacts.yml. Arabic is
set right to left. The fonts are the machine's own (DejaVu Sans has Arabic and Cyrillic);
the PDF fetches nothing: every URL is refused.

While a parents' language is built: the PDF is made in on_env (every page is converted by
then), the start page links to it with its size (on_page_context), and it is written into
the language's folder (/ar/ungvejen-foraeldre-ar.pdf) at the end of that language's build.
PDFs are cached by content like the lesson PDFs, so an unchanged leaflet costs nothing.
"""

import datetime as dt
import logging
import tempfile
from pathlib import Path

from markupsafe import Markup

from _ungvejen import downloads
from _ungvejen.build import build_state
from _ungvejen.data import COPENHAGEN
from _ungvejen.formatting import size_label
from _ungvejen.shortcode_html import render_markers
from _ungvejen.strings import text_direction
from _ungvejen.views import contact_view

PDF_CACHE = Path(tempfile.gettempdir()) / "ungvejen-pdf-cache"  # shared with the lesson PDFs
HELP_PAGE = "faa-hjaelp-nu"


def leaflet_name(language: str) -> str:
    return f"ungvejen-foraeldre-{language}.pdf"


def on_env(env, config, files):
    state = build_state(config)
    if not state.is_parent_language():
        return env
    language = state.language
    pages = {file.src_uri: file.page for file in files.documentation_pages()
             if file.page is not None and getattr(file, "locale", None) == language}
    start = pages.get(f"index.{language}.md")
    if start is None or start.content is None:
        return env
    help_page = pages.get(f"{HELP_PAGE}.{language}.md")
    state.made_files[f"{language}/{leaflet_name(language)}"] = _leaflet(start, help_page, state, config, language)
    return env


def on_page_context(context, page, config, nav):
    state = build_state(config)
    language = state.language
    pdf = state.made_files.get(f"{language}/{leaflet_name(language)}")
    if pdf is None or page.file.src_uri != f"index.{language}.md":
        return context
    link = state.render("leaflet-link.html", href=leaflet_name(language), size=size_label(len(pdf), language))
    page.content = page.content + link
    return context


def on_post_build(config):
    state = build_state(config)
    if not state.is_parent_language():
        return
    name = f"{state.language}/{leaflet_name(state.language)}"
    if name in state.made_files:
        target = state.site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(state.made_files[name])


def _leaflet(start, help_page, state, config, language) -> bytes:
    now = dt.datetime.now(COPENHAGEN)
    start_record = state.record(start)
    content = render_markers(start.content, start_record.shortcodes if start_record else {}, state,
                             start.url, language, now)
    shown = {s.arguments.get("contact") for s in (start_record.shortcodes.values() if start_record else [])}
    help_record = state.record(help_page) if help_page is not None else None
    contacts = [contact_view(state.data.contacts[s.arguments["contact"]], language)
                for s in (help_record.shortcodes.values() if help_record else [])
                if s.name == "kontakt" and s.arguments["contact"] not in shown]
    address = (config.site_url or "").rstrip("/") + "/" + start.url
    html = state.render("parent-leaflet.html", language=language, direction=text_direction(language),
                        title=start.title, content=Markup(content), contacts=contacts, address=address,
                        masthead=f"UngVejen · SSP Vejen Kommune · {address}")
    key = downloads.content_hash("leaflet", html)
    cached = PDF_CACHE / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML  # imported late: it is slow to import and only needed here
    from weasyprint.urls import URLFetcher

    class NothingFetched(URLFetcher):
        """The leaflet is one self-contained document: no file, no address on the net."""

        def fetch(self, url, headers=None):
            raise ValueError(f"The parents' leaflet fetches nothing: {url}")

    pdf = HTML(string=html, url_fetcher=NothingFetched()).write_pdf()
    PDF_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pdf)
    return pdf
