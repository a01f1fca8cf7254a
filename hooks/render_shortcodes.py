"""Hook: `<!-- ung:... -->` shortcodes – contact cards, material lists, events.

Checked once per Markdown file in on_page_markdown (each problem names the line in the
source; the parsed shortcodes go into the page's record in the build state) and replaced in
on_post_page, after Markdown has passed the comments through untouched: the HTML comes from
partials in overrides/partials/ung/ and never goes through Markdown. Replacing last lets
files made while pages are rendered (lesson PDFs) be listed with their real size.

A marker inside code is shown as code (Markdown escapes it): the check skips code the way
Markdown reads it (shortcodes.mask_code). on_page_content makes sure of it: a marker that
Markdown passed on as a comment although the check took it for code is checked there, so it
is never dropped without a word.
"""

import datetime as dt

from _ungvejen.build import build_state
from _ungvejen.data import COPENHAGEN
from _ungvejen.shortcode_html import known_values, missing_data, render_markers
from _ungvejen.shortcodes import MARKER, find, live_markers


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    record = state.record(page)
    if record is not None and not record.shortcodes_checked:
        found, problems = find(page.file.content_string, record.source, known_values(state.data, state.settings))
        problems += missing_data(found, state.data, record.source)
        record.shortcodes = {shortcode.text: shortcode for shortcode in found}
        record.shortcodes_checked = True
        for problem in problems:
            state.warn(problem)
    return markdown


def on_page_content(html, page, config, files):
    state = build_state(config)
    record = state.record(page)
    if record is None or "ung:" not in html:
        return html
    source = page.file.content_string
    passed_on = {match.group(0) for match in MARKER.finditer(html)} - live_markers(source)
    if passed_on:
        found, problems = find(source, record.source, known_values(state.data, state.settings), skip_code=False)
        lines = {source.count("\n", 0, source.find(text)) + 1 for text in passed_on if text in source}
        for shortcode in found:
            if shortcode.text in passed_on:
                record.shortcodes[shortcode.text] = shortcode
        for problem in problems:
            if problem.line in lines:
                state.warn(problem)
    return html


def on_post_page(html, page, config):
    state = build_state(config)
    record = state.record(page)
    if record is None or not record.shortcodes:
        return html
    return render_markers(html, record.shortcodes, state, page.url, state.page_locale(page), dt.datetime.now(COPENHAGEN))
