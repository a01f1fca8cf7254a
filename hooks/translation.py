"""Hook: pages shown in a language they are not written in, and missing translations.

A fallback page (no `.en.md` yet) gets a visible notice in the reader's language after
its H1, and its text is marked `lang="da"` (WCAG 3.1.2); it stays out of the sitemap and
the search index. In the default-language build, a page whose audience requires a
translation (`requires_translation` in mkdocs.yml) but has none is reported to the editor.
"""

import re

from _ungvejen.build import build_state
from _ungvejen.problems import Problem

H1 = re.compile(r"^# .*$", re.M)


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    if state.is_fallback(page):
        notice = state.render("fallback-notice.html", ui_language=state.language)
        notice = "\n" + " ".join(notice.split()) + "\n"
        match = H1.search(markdown)
        position = match.end() if match else 0
        return markdown[:position] + "\n" + notice + markdown[position:]
    if not state.building_other_language:
        _check_twin(page, state)
    return markdown


def on_page_content(html, page, config, files):
    state = build_state(config)
    if state.is_fallback(page):
        return f'<div lang="{state.page_locale(page)}">{html}</div>'
    return html


def _check_twin(page, state):
    record = state.record(page)
    if record is None:
        return
    alternates = getattr(page.file, "alternates", {}) or {}
    for language in state.languages[1:]:
        needs = [a for a in record.meta.get("audiences") or [] if isinstance(a, str)
                 and a in state.settings.audiences_requiring(language)]
        twin_file = alternates.get(language)
        if needs and (twin_file is None or getattr(twin_file, "locale", None) != language):
            twin = record.source.removesuffix(".md") + f".{language}.md"
            state.warn(Problem(record.source, 1, 0,
                               f"Siden mangler en oversættelse til '{language}' (målgruppen {', '.join(needs)} kræver det).",
                               f"Opret {twin} med den oversatte tekst."))
