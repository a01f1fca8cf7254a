"""Hook: files made at build time – lesson PDFs, a vCard per person, iCalendar files.

- Lesson PDFs: rendered with WeasyPrint from the same HTML as the lesson page (one source),
  right after all pages are converted (on_env), so the catalogue can show each file's size.
  PDFs are cached by content, so a rebuild with unchanged lessons costs nothing. A PDF embeds
  only files from docs/ and the built site (downloads.allowed_file): a lesson that asks for
  another file on the computer (`<a rel="attachment" href="file:///etc/passwd">`) or for
  something on the net is given nothing, and the editor is told, with the lesson's file and line.
- vCards (kontakt/<id>.vcf) for the people in data/contacts.yml.
- iCalendar: arrangementer/kalender.ics (upcoming events) and arrangementer/<id>.ics.
Files are shared by all languages: made once, in the default-language build, kept in the
build state (`made_files`, which the catalogue reads for sizes) and written after it.
"""

import datetime as dt
import logging
import mimetypes
import tempfile
from pathlib import Path

from markupsafe import Markup

from _ungvejen import downloads, paths
from _ungvejen.build import build_state
from _ungvejen.data import COPENHAGEN
from _ungvejen.formatting import localized
from _ungvejen.problems import Problem
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
    key = downloads.content_hash(downloads.PDF_FETCH_POLICY, html)
    cached = PDF_CACHE / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML  # imported late: it is slow to import and only needed here

    site_dir = Path(config.site_dir)
    fetcher = _site_files_only(Path(config.docs_dir), site_dir)
    # URLs in the page are relative to where it is built (undervisning/x/index.html).
    pdf = HTML(string=html, base_url=(site_dir / page.file.dest_uri).as_uri(), url_fetcher=fetcher).write_pdf()
    source = record.source if record else f"docs/{page.file.src_uri}"
    for url in dict.fromkeys(fetcher.refused):
        state.warn(Problem(source, _line_of(page.file.content_string, url), 0,
                           f"PDF'en for lektionen må ikke hente '{url}': en PDF tager kun filer fra docs/ med, "
                           "ikke andre filer på computeren eller adresser på nettet.",
                           "Læg filen i docs/ og henvis til den med en relativ sti (fx billeder/foto.png), "
                           "eller fjern henvisningen."))
    if not fetcher.refused and not fetcher.served:
        # Only a PDF made from its HTML alone: one with files from docs/ must see their changes.
        PDF_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pdf)
    return pdf


def _site_files_only(docs_dir: Path, site_dir: Path):
    """A WeasyPrint URL fetcher that serves files from docs/ and the built site (and data: URLs)
    and refuses everything else, noting what it refused."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SiteFilesOnly(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"data"})
            self.refused: list[str] = []
            self.served: list[Path] = []

        def fetch(self, url, headers=None):
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            path = downloads.allowed_file(url, docs_dir, site_dir)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"Only files from docs/ and the built site: {url}")
            self.served.append(path)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return SiteFilesOnly()


def _line_of(source: str, url: str) -> int:
    """The line of the lesson's Markdown that names `url` (or its file name); 1 if none does."""
    name = url.rstrip("/").rsplit("/", 1)[-1]
    for text in (url, name):
        position = source.find(text) if text else -1
        if position != -1:
            return source.count("\n", 0, position) + 1
    return 1


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
