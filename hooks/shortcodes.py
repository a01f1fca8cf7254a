"""Hook: turn `<!-- ung:... -->` shortcodes into contact cards, material lists and events.

Markers are checked in on_page_markdown (each problem names the line in the source file)
and replaced in on_post_page, after Markdown has passed the comments through untouched:
the HTML comes from partials in overrides/partials/ung/ and never goes through Markdown.
Replacing last lets files made while pages are rendered (lesson PDFs) be listed with
their real size.
"""

import datetime as dt

from _ungvejen.data import COPENHAGEN, load_site_data
from _ungvejen.problems import warn
from _ungvejen.render_blocks import known_values, render_markers
from _ungvejen.shortcodes import MARKER, find
from _ungvejen.site import page_locale, project_root, source_path


def on_page_markdown(markdown, page, config, files):
    data = load_site_data(project_root(config))
    _, problems = find(page.file.content_string, source_path(page), known_values(data, config))
    for problem in problems:
        warn(problem)
    return markdown


def on_post_page(html, page, config):
    if not MARKER.search(html):
        return html
    data = load_site_data(project_root(config))
    return render_markers(html, data, page, config, page_locale(page, config), dt.datetime.now(COPENHAGEN))
