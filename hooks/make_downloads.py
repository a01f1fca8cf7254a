"""Hook: files made at build time – lesson PDFs, pupil material, a vCard per person, iCalendar files.

- Lesson PDFs: rendered with WeasyPrint from the same HTML as the lesson page (one source),
  right after all pages are converted (on_env), so the catalogue can show each file's size.
  PDFs are cached by content, so a rebuild with unchanged lessons costs nothing. A PDF embeds
  only files from docs/ and the built site (downloads.allowed_file): a lesson that asks for
  another file on the computer (`<a rel="attachment" href="file:///etc/passwd">`) or for
  something on the net is given nothing, and the editor is told, with the lesson's file and line.
- Pupil material (data/elevmateriale/<id>.yml): one A4 PDF per language, and "hent det hele",
  the lesson plan and the pupil material merged into one PDF (cached by content too).
- vCards (kontakt/<id>.vcf) for the people in data/contacts.yml.
- iCalendar: arrangementer/kalender.ics (upcoming events) and arrangementer/<id>.ics.
Files are shared by all languages: made once, in the default-language build, kept in the
build state (`made_files`, which the catalogue reads for sizes) and written after it – as hard
links to a store in the temp folder (_ungvejen/filestore.py): a site with thousands of contacts
has thousands of vCards, and on this disk creating a small file costs half a millisecond.
"""

import datetime as dt
from pathlib import Path

from markupsafe import Markup

from _ungvejen import downloads, paths
from _ungvejen.build import build_state
from _ungvejen.data import COPENHAGEN
from _ungvejen.filestore import MadeFileStore
from _ungvejen.formatting import localized, phone_display
from _ungvejen.printing import merge_pdfs, print_pdf
from _ungvejen.problems import Problem
from _ungvejen.shortcode_html import render_markers
from _ungvejen.views import pupil_view


def on_env(env, config, files):
    state = build_state(config)
    if state.building_other_language:
        return env
    language = state.default_language
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None
             and getattr(file, "locale", language) == language}
    # Lessons are for teachers, in the site's full languages; the parents' languages have none.
    lesson_languages = [code for code in state.languages if not state.is_parent_language(code)]
    # `[tlf:id]` in pupil material: the numbers of data/contacts.yml, worked out once.
    phones = {contact["id"]: phone_display(contact["phone"]) for contact in state.data.contacts.values()
              if contact.get("phone")}
    for material in state.data.materials:
        page = pages.get(material.get("lesson"))
        plan = None
        if page is not None and page.content is not None:
            plan = _lesson_pdf(page, material, state, config, language)
            state.made_files[paths.pdf_path(material["id"])] = plan
        pupil = state.data.pupil.get(material["id"])
        for pupil_language in lesson_languages if pupil else ():
            sheets = _pupil_pdf(material, pupil, state, config, pupil_language, phones)
            state.made_files[paths.pupil_pdf_path(material["id"], pupil_language)] = sheets
            if plan is not None:
                state.made_files[paths.bundle_path(material["id"], pupil_language)] = merge_pdfs(plan, sheets)
    _make_vcards(state, language)
    _make_calendars(state, config, language)
    return env


def on_post_build(config):
    state = build_state(config)
    if state.building_other_language:
        return
    site = Path(config.site_dir)
    store = MadeFileStore()
    for relative, content in state.made_files.items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        store.place(content, target)


def _lesson_pdf(page, material, state, config, language) -> bytes:
    now = dt.datetime.now(COPENHAGEN)
    record = state.record(page)
    shortcodes = record.shortcodes if record else {}
    content = render_markers(page.content, shortcodes, state, page.url, language, now)
    html = state.render("lesson-pdf.html", strings=language, language=language, title=page.title, content=Markup(content),
                        masthead=f"UngVejen · SSP Vejen Kommune · {config.site_url or ''}",
                        footer=localized(material["title"], language))
    site_dir = Path(config.site_dir)
    # URLs in the page are relative to where it is built (undervisning/x/index.html).
    result = print_pdf(html, (site_dir / page.file.dest_uri).as_uri(), Path(config.docs_dir), site_dir)
    source = record.source if record else f"docs/{page.file.src_uri}"
    for url in result.refused:
        state.warn(Problem(source, _line_of(page.file.content_string, url), 0,
                           f"PDF'en for lektionen må ikke hente '{url}': en PDF tager kun filer fra docs/ med, "
                           "ikke andre filer på computeren eller adresser på nettet.",
                           "Læg filen i docs/ og henvis til den med en relativ sti (fx billeder/foto.png), "
                           "eller fjern henvisningen."))
    return result.pdf


def _pupil_pdf(material, pupil, state, config, language, phones: dict[str, str]) -> bytes:
    html = state.render("pupil-pdf.html", strings=language, language=language,
                        pupil=pupil_view(pupil, material, language, state.translator(language), phones))
    site_dir = Path(config.site_dir)
    return print_pdf(html, site_dir.as_uri() + "/", Path(config.docs_dir), site_dir).pdf


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
