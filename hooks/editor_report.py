"""Hook: the editors' report – what needs attention, page by page, written on every build.

/redaktoer/rapport/ (HTML, noindex, not in the nav, the sitemap or the search index) and
/redaktoer/rapport.csv: audience, theme, LIX per audience section (marked when above the
audience's `lix_max`), word count, review and due dates (overdue first), translation status
per language, contacts used, external links, the page's sources (and those due to be read
again: a source is checked as often as its page is reviewed) and the editors' notes
(`!!! redaktoer`), which the report also lists first as tasks with file and line. Everything
but the LIX and the links comes from the pages' records in the build state, read once when
the front matter was checked. A second table lists the parents' translations (issue 18,
hooks/translation_notice.py): those awaiting a translator's review and those whose Danish
source was reviewed (changed) after they were translated, first.
"""

import csv
import io
import re
from types import MappingProxyType
from pathlib import Path

from mkdocs.plugins import event_priority

from _ungvejen.build import build_state
from _ungvejen.readability import WORD, audience_sections, lix, prose
from _ungvejen.review import add_months, review_interval, today

REPORT_FOLDER = "redaktoer/rapport"
CSV_FILE = "redaktoer/rapport.csv"
LANGUAGE_NAMES_DA = MappingProxyType({"en": "engelsk", "ar": "arabisk", "uk": "ukrainsk", "pl": "polsk", "so": "somali"})
EXTERNAL_LINK = re.compile(r'<a [^>]*href="(https?://[^"]+)"')


def _full_languages(state) -> list[str]:
    """The languages every page may have (English); the parents' languages have their own table."""
    return [language for language in state.languages[1:] if not state.is_parent_language(language)]


def _columns(state) -> list[str]:
    translations = [LANGUAGE_NAMES_DA.get(language, language) for language in _full_languages(state)]
    return ["side", "titel", "målgrupper", "tema", "lix", "ord", "gennemgået", "næste gennemgang", "forfalden",
            *translations, "kontakter", "eksterne links", "kilder", "kilder til nyt tjek", "redaktørnoter"]


def on_page_content(html, page, config, files):
    state = build_state(config)
    record = state.record(page)
    for note in record.editor_notes if record else ():
        # Every language's notes (a fallback page shares its record, so each is kept once).
        state.editor_tasks[(record.source, note.line)] = {"side": record.source, "linje": note.line,
                                                          "titel": note.title, "tekst": note.text}
    if state.building_other_language or record is None or state.page_locale(page) != state.default_language:
        return html
    meta, markdown = record.meta, page.markdown or ""
    contacts = []
    for shortcode in record.shortcodes.values():
        if shortcode.name == "kontakt":
            contacts.append(shortcode.arguments["contact"])
        elif shortcode.name == "kontakter":
            contacts += [c["id"] for c in state.data.contacts_for(shortcode.arguments.get("theme"),
                                                                  shortcode.arguments.get("audience"))]
    alternates = getattr(page.file, "alternates", {}) or {}
    translations = {LANGUAGE_NAMES_DA.get(language, language):
                    "oversat" if getattr(alternates.get(language), "locale", None) == language else "mangler"
                    for language in _full_languages(state)}
    state.report_rows[page.file.src_uri] = {
        "side": record.source,
        "titel": meta.get("title") or page.title or "",
        "målgrupper": ", ".join(map(str, meta.get("audiences") or [])),
        "tema": meta.get("theme") or "",
        "lix": ", ".join(_lix_text(section, state.settings) for section in audience_sections(markdown)),
        "ord": len(WORD.findall(prose(markdown))),
        "gennemgået": str(meta.get("reviewed") or ""),
        "næste gennemgang": record.due.isoformat() if record.due else "",
        "forfalden": "ja" if record.overdue else "",
        **translations,
        "kontakter": ", ".join(dict.fromkeys(contacts)),
        "eksterne links": ", ".join(dict.fromkeys(EXTERNAL_LINK.findall(html))),
        "kilder": str(len(meta.get("sources") or [])) if meta.get("sources") else "ingen",
        "kilder til nyt tjek": ", ".join(f"{source['title']} (læst {source['checked']})"
                                         for source in _sources_due(meta, state.settings)),
        "redaktørnoter": " | ".join(f"linje {note.line}: {note.title or 'Note'} – {note.text}"
                                    for note in record.editor_notes),
    }
    return html


def _sources_due(meta, settings) -> list[dict]:
    months = review_interval(meta, settings)
    return [source for source in meta.get("sources") or [] if add_months(source["checked"], months) <= today()]


def _lix_text(section, settings) -> str:
    score = lix(section.text).score
    audience = settings.audiences.get(section.audience)
    limit = audience.lix_max if audience else None
    over = f" (over {limit})" if limit is not None and score > limit else ""
    return f"{section.audience} {score:.0f}{over}"


@event_priority(-200)
def on_post_build(config):
    state = build_state(config)
    if state.building_other_language:
        return
    columns = _columns(state)
    rows = sorted(state.report_rows.values(),
                  key=lambda row: (row["forfalden"] != "ja", row["næste gennemgang"] or "9999", row["side"]))
    site = Path(config.site_dir)
    (site / REPORT_FOLDER).mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    # A byte-order mark so Excel opens the Danish letters correctly.
    (site / CSV_FILE).write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    translation_columns = columns[9:-5]
    html = state.render("editor-report.html", rows=rows, columns=columns, today=today().isoformat(),
                        overdue=sum(1 for row in rows if row["forfalden"]),
                        untranslated=sum(1 for row in rows if any(row[c] != "oversat" for c in translation_columns)),
                        unsourced=sum(1 for row in rows if row["kilder"] == "ingen"),
                        sources_due=sum(1 for row in rows if row["kilder til nyt tjek"]),
                        tasks=sorted(state.editor_tasks.values(), key=lambda task: (task["side"], task["linje"])),
                        translations=_translation_rows(state))
    (site / REPORT_FOLDER / "index.html").write_text(html, encoding="utf-8")


def _translation_rows(state) -> list[dict]:
    rows = [{**row, "sprog": LANGUAGE_NAMES_DA.get(row["sprog"], row["sprog"])} for row in state.translation_rows.values()]
    return sorted(rows, key=lambda row: (not row["kilde ændret"], bool(row["tjekket"]), row["side"]))
