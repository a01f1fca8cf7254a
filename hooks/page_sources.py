"""Hook: "Kilder" – the sources of a page's facts, listed at the end of its content.

A page that states a law, an age limit, a health fact or a number names where it comes from
in `sources:` (front matter, checked when it was read: title, web address, the date it was
last read, and optionally the claim it supports). The list is rendered from
partials/ung/sources.html before the review dates, in the page's language.
"""

from _ungvejen.build import build_state
from _ungvejen.views import source_view


def on_page_content(html, page, config, files):
    state = build_state(config)
    record = state.record(page)
    sources = record.meta.get("sources") if record else None
    if not sources:
        return html
    language = state.language
    shown = [source_view(source, language) for source in sources]
    return html + state.render("sources.html", strings=language, sources=shown)
