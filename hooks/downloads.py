"""Hook: files made at build time – lesson PDFs, a vCard per person, iCalendar files.

- Lesson PDFs: rendered with WeasyPrint from the same HTML as the lesson page (one source),
  right after all pages are converted (on_env), so the catalogue can show each file's size.
  PDFs are cached by content, so a rebuild with unchanged lessons costs nothing.
- vCards (kontakt/<id>.vcf) for the people in data/contacts.yml.
- iCalendar: arrangementer/kalender.ics (upcoming events) and arrangementer/<id>.ics.
Files are shared by both languages and written once, in the default-language build.
"""

import datetime as dt
import logging
import tempfile
from pathlib import Path

from markupsafe import Markup

from _ungvejen import downloads, paths
from _ungvejen.data import COPENHAGEN, load_site_data
from _ungvejen.render_blocks import render_markers
from _ungvejen.site import default_language, is_nested_language_build, project_root
from _ungvejen.templates import render
from _ungvejen.views import localized

PDF_CACHE = Path(tempfile.gettempdir()) / "ungvejen-pdf-cache"
_made: dict[str, bytes] = {}


def on_pre_build(config):
    if not is_nested_language_build(config):
        _made.clear()
        downloads.made_file_sizes.clear()


def on_env(env, config, files):
    if is_nested_language_build(config):
        return env
    data = load_site_data(project_root(config))
    language = default_language(config)
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None
             and getattr(file, "locale", language) == language}
    for material in data.materials:
        page = pages.get(material.get("lesson"))
        if page is None or page.content is None:
            continue
        _remember(paths.pdf_path(material["id"]), _lesson_pdf(page, material, data, config, language))
    _make_vcards(data, language)
    _make_calendars(data, config, language)
    return env


def on_post_build(config):
    if is_nested_language_build(config):
        return
    site = Path(config.site_dir)
    for relative, content in _made.items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _remember(relative: str, content: bytes) -> None:
    _made[relative] = content
    downloads.made_file_sizes[relative] = len(content)


def _lesson_pdf(page, material, data, config, language) -> bytes:
    now = dt.datetime.now(COPENHAGEN)
    content = render_markers(page.content, data, page, config, language, now)
    html = render(config, "lesson-pdf.html", language=language, title=page.title, content=Markup(content),
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


def _make_vcards(data, language):
    for contact in data.contacts.values():
        if contact["kind"] == "person":
            _remember(paths.vcard_path(contact["id"]), downloads.vcard(contact, language).encode("utf-8"))


def _make_calendars(data, config, language):
    upcoming = data.upcoming_events(dt.datetime.now(COPENHAGEN))
    site_url = config.site_url or ""
    _remember(paths.CALENDAR_FEED, downloads.calendar(upcoming, language, site_url, "UngVejen – SSP Vejen Kommune"))
    for event in upcoming:
        _remember(paths.event_path(event["id"]),
                  downloads.calendar([event], language, site_url, localized(event["title"], language)))
