"""Hook: files made at build time – lesson PDFs, a vCard per person, iCalendar files.

- Lesson PDFs: rendered with WeasyPrint from the same HTML as the lesson page (one source),
  right after all pages are converted (on_env), so the catalogue can show each file's size.
  PDFs are cached by content, so a rebuild with unchanged lessons costs nothing.
- vCards (kontakt/<id>.vcf) for the people in data/contacts.yml.
- iCalendar: arrangementer/kalender.ics (upcoming events) and arrangementer/<id>.ics.
Files are shared by all languages: made once, in the default-language build, kept in the
build state (`made_files`, which the catalogue reads for sizes) and written after it.
"""

import datetime as dt
import logging
import tempfile
from pathlib import Path

from markupsafe import Markup

from _ungvejen import downloads, paths
from _ungvejen.build import build_state
from _ungvejen.data import COPENHAGEN
from _ungvejen.formatting import localized
from _ungvejen.shortcode_html import render_markers

PDF_CACHE = Path(tempfile.gettempdir()) / "ungvejen-pdf-cache"


def on_env(env, config, files):
    state = build_state(config)
    if state.building_other_language:
        return env
    language = state.default_language
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None
             and getattr(file, "locale", language) == language}
    for material in state.data.materials:
        page = pages.get(material.get("lesson"))
        if page is None or page.content is None:
            continue
        state.made_files[paths.pdf_path(material["id"])] = _lesson_pdf(page, material, state, config, language)
    _make_vcards(state, language)
    _make_calendars(state, config, language)
    return env


def on_post_build(config):
    state = build_state(config)
    if state.building_other_language:
        return
    site = Path(config.site_dir)
    for relative, content in state.made_files.items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _lesson_pdf(page, material, state, config, language) -> bytes:
    now = dt.datetime.now(COPENHAGEN)
    record = state.record(page)
    shortcodes = record.shortcodes if record else {}
    content = render_markers(page.content, shortcodes, state, page.url, language, now)
    html = state.render("lesson-pdf.html", strings=language, language=language, title=page.title, content=Markup(content),
                        masthead=f"UngVejen · SSP Vejen Kommune · {config.site_url or ''}",
                        footer=localized(material["title"], language))
    key = downloads.content_hash(html)
    cached = PDF_CACHE / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML  # imported late: it is slow to import and only needed here

    pdf = HTML(string=html, base_url=None).write_pdf()
    PDF_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pdf)
    return pdf


def _make_vcards(state, language):
    for contact in state.data.contacts.values():
        if contact["kind"] == "person":
            state.made_files[paths.vcard_path(contact["id"])] = downloads.vcard(contact, language).encode("utf-8")


def _make_calendars(state, config, language):
    upcoming = state.data.upcoming_events(dt.datetime.now(COPENHAGEN))
    site_url = config.site_url or ""
    state.made_files[paths.CALENDAR_FEED] = downloads.calendar(upcoming, language, site_url,
                                                               "UngVejen – SSP Vejen Kommune")
    for event in upcoming:
        state.made_files[paths.event_path(event["id"])] = downloads.calendar(
            [event], language, site_url, localized(event["title"], language))
