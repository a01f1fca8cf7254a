"""Hook: `<!-- ung:... -->` shortcodes – contact cards, material lists, events.

Checked once per Markdown file in on_page_markdown (each problem names the line in the
source; the parsed shortcodes go into the page's record in the build state) and replaced in
on_post_page, after Markdown has passed the comments through untouched: the HTML comes from
partials in overrides/partials/ung/ and never goes through Markdown. Replacing last lets
files made while pages are rendered (lesson PDFs) be listed with their real size.
"""

import datetime as dt

from _ungvejen.build import build_state
from _ungvejen.data import COPENHAGEN
from _ungvejen.shortcode_html import known_values, render_markers
from _ungvejen.shortcodes import find


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    record = state.record(page)
    if record is not None and not record.shortcodes_checked:
        found, problems = find(page.file.content_string, record.source, known_values(state.data, state.settings))
        record.shortcodes = {shortcode.text: shortcode for shortcode in found}
        record.shortcodes_checked = True
        for problem in problems:
            state.warn(problem)
    return markdown


def on_post_page(html, page, config):
    state = build_state(config)
    record = state.record(page)
    if record is None or not record.shortcodes:
        return html
    return render_markers(html, record.shortcodes, state, page.url, state.page_locale(page), dt.datetime.now(COPENHAGEN))
