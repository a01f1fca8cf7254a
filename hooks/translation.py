"""Hook: pages shown in a language they are not written in, and missing translations.

A fallback page (no `.en.md` yet) gets a visible notice in the reader's language after
its H1, and its text is marked `lang="da"` (WCAG 3.1.2). In the default-language build,
a page whose audience requires a translation but has none is reported to the editor.
"""

import re

from _ungvejen.problems import Problem, warn
from _ungvejen.site import current_language, default_language, is_nested_language_build, page_locale, settings, source_path
from _ungvejen.strings import translator
from _ungvejen.templates import render

H1 = re.compile(r"^# .*$", re.M)


def is_fallback(page, config) -> bool:
    return page_locale(page, config) != current_language(config)


def on_page_markdown(markdown, page, config, files):
    if is_fallback(page, config):
        page.meta["sitemap"] = False  # Danish text under /en/ is not an English page
        t = translator(config)
        notice = render(config, "fallback-notice.html", t=t, ui_language=current_language(config))
        notice = "\n" + " ".join(notice.split()) + "\n"
        match = H1.search(markdown)
        position = match.end() if match else 0
        return markdown[:position] + "\n" + notice + markdown[position:]
    if not is_nested_language_build(config):
        _check_twin(page, config)
    return markdown


def on_page_content(html, page, config, files):
    if is_fallback(page, config):
        return f'<div lang="{page_locale(page, config)}">{html}</div>'
    return html


def _check_twin(page, config):
    audiences = settings(config).get("audiences", {})
    alternates = getattr(page.file, "alternates", {}) or {}
    for language in _other_languages(config):
        # requires_translation: [en] in mkdocs.yml – the languages this audience must be served in.
        needs = [a for a in page.meta.get("audiences") or [] if isinstance(a, str)
                 and language in (audiences.get(a, {}).get("requires_translation") or [])]
        twin_file = alternates.get(language)
        if needs and (twin_file is None or getattr(twin_file, "locale", None) != language):
            twin = source_path(page).removesuffix(".md") + f".{language}.md"
            warn(Problem(source_path(page), 1, 0,
                         f"Siden mangler en oversættelse til '{language}' (målgruppen {', '.join(needs)} kræver det).",
                         f"Opret {twin} med den oversatte tekst."))


def _other_languages(config):
    plugin = config.plugins.get("i18n")
    if not plugin:
        return []
    return [lang.locale for lang in plugin.config.languages if lang.locale != default_language(config) and lang.build]
