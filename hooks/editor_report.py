"""Hook: the editors' report – what needs attention, page by page, written on every build.

/redaktoer/rapport/ (HTML, noindex, not in the nav, the sitemap or the search index) and
/redaktoer/rapport.csv: audience, theme, LIX per audience section, word count, review and
due dates (overdue first), translation status, contacts used and external links.
"""

import csv
import io
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from _ungvejen.data import load_site_data
from _ungvejen.readability import WORD, audience_sections, lix, prose
from _ungvejen.review import due_date, today
from _ungvejen.shortcodes import find
from _ungvejen.render_blocks import known_values
from _ungvejen.site import default_language, is_nested_language_build, project_root, settings, source_path
from _ungvejen.templates import render

REPORT_FOLDER = "redaktoer/rapport"
CSV_FILE = "redaktoer/rapport.csv"
COLUMNS = ["side", "titel", "målgrupper", "tema", "lix", "ord", "gennemgået", "næste gennemgang", "forfalden",
           "engelsk", "kontakter", "eksterne links"]
EXTERNAL_LINK = re.compile(r'<a [^>]*href="(https?://[^"]+)"')
_rows: dict[str, dict] = {}


def on_pre_build(config):
    if not is_nested_language_build(config):
        _rows.clear()


def on_page_content(html, page, config, files):
    if is_nested_language_build(config) or getattr(page.file, "locale", None) not in (None, default_language(config)):
        return html
    data = load_site_data(project_root(config))
    markdown = page.markdown or ""
    shortcodes, _ = find(page.file.content_string, source_path(page), known_values(data, config))
    contacts = []
    for shortcode in shortcodes:
        if shortcode.name == "kontakt":
            contacts.append(shortcode.arguments["contact"])
        elif shortcode.name == "kontakter":
            contacts += [c["id"] for c in data.contacts_for(shortcode.arguments.get("theme"), shortcode.arguments.get("audience"))]
    twin = (getattr(page.file, "alternates", {}) or {}).get("en")
    due = due_date(page.meta, settings(config).get("audiences", {}))
    _rows[page.file.src_uri] = {
        "side": source_path(page),
        "titel": page.meta.get("title") or page.title or "",
        "målgrupper": ", ".join(map(str, page.meta.get("audiences") or [])),
        "tema": page.meta.get("theme") or "",
        "lix": ", ".join(f"{s.audience} {lix(s.text).score:.0f}" for s in audience_sections(markdown)),
        "ord": len(WORD.findall(prose(markdown))),
        "gennemgået": str(page.meta.get("reviewed") or ""),
        "næste gennemgang": due.isoformat() if due else "",
        "forfalden": "ja" if due and due < today() else "",
        "engelsk": "oversat" if twin is not None and getattr(twin, "locale", None) == "en" else "mangler",
        "kontakter": ", ".join(dict.fromkeys(contacts)),
        "eksterne links": ", ".join(dict.fromkeys(EXTERNAL_LINK.findall(html))),
    }
    return html


@event_priority(-200)
def on_post_build(config):
    if is_nested_language_build(config):
        return
    rows = sorted(_rows.values(), key=lambda row: (row["forfalden"] != "ja", row["næste gennemgang"] or "9999", row["side"]))
    site = Path(config.site_dir)
    (site / REPORT_FOLDER).mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    # A byte-order mark so Excel opens the Danish letters correctly.
    (site / CSV_FILE).write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    html = render(config, "editor-report.html", rows=rows, columns=COLUMNS, today=today().isoformat(),
                  overdue=sum(1 for row in rows if row["forfalden"]), untranslated=sum(1 for row in rows if row["engelsk"] != "oversat"))
    (site / REPORT_FOLDER / "index.html").write_text(html, encoding="utf-8")
