"""Hook: honest marking of the parents' translations (issue 18).

A page in a parents' language (settings `parent_languages`) must say what it is translated
from (`translation:` front matter, _ungvejen/translations.py). Until a translator has checked
it, a notice in the page's own language follows its H1: translated from Danish, not yet
checked, and if in doubt the Danish page applies – with a link to that page. Every such page's
review state, and whether its Danish source was reviewed after the translation, is kept in the
build state for the editors' report (hooks/editor_report.py).
"""

import re

from _ungvejen.build import build_state
from _ungvejen.paths import page_url, site_root
from _ungvejen.translations import read_translation, src_uri

H1 = re.compile(r"^# .*$", re.M)


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    if not state.is_parent_language() or state.page_locale(page) != state.language:
        return markdown
    record = state.record(page)
    if record is None:
        return markdown
    translation, problems = read_translation(record.meta, record.source, record.front.positions.of(("translation",))[0])
    for problem in problems:
        state.warn(problem)
    if translation is None:
        return markdown
    danish = {source: state.pages.get(src_uri(source)) for source in translation.sources}
    for source, found in danish.items():
        if found is None:
            state.warn(f"{record.source}:1: translation → source: den danske side {source} findes ikke. "
                       "Sådan retter du: skriv stien til en side, der findes, fx docs/til-foraeldre.md.")
    changed = translation.changed_sources({s: (r.meta.get("reviewed") if r else None) for s, r in danish.items()})
    state.translation_rows[page.file.src_uri] = {
        "side": record.source, "sprog": state.language, "titel": record.meta.get("title") or "",
        "kilde": ", ".join(translation.sources), "oversat": translation.translated.isoformat(),
        "tjekket": (f"{translation.reviewed_by}, {translation.reviewed_on.isoformat()}"
                    if not translation.awaiting_review else ""),
        "kilde ændret": ", ".join(changed),
    }
    if not translation.awaiting_review:
        return markdown
    main = danish.get(translation.main_source)
    notice = state.render("translation-notice.html", language=state.language,
                          href=site_root(page.url) + page_url(src_uri(translation.main_source)),
                          danish_title=(main.meta.get("title") if main else None) or translation.main_source)
    notice = "\n" + " ".join(notice.split()) + "\n"
    match = H1.search(markdown)
    position = match.end() if match else 0
    return markdown[:position] + "\n" + notice + markdown[position:]
