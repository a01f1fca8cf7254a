"""Hook: turn `<!-- ung:... -->` shortcodes into contact cards, material lists and events.

Markers are checked in on_page_markdown (with the line in the source file) and replaced in
on_post_page, after Markdown has passed the comments through untouched: the HTML comes
from partials in overrides/partials/ung/ and never goes through Markdown. Replacing last
lets files made while pages are rendered (lesson PDFs) be listed with their real size.
"""

import datetime as dt

from _ungvejen.data import COPENHAGEN, load_site_data
from _ungvejen.problems import warn
from _ungvejen.render_blocks import render_shortcode
from _ungvejen.shortcodes import MARKER, find, replace_markers
from _ungvejen.site import page_locale, project_root, settings, source_path

_found: dict[str, dict[str, object]] = {}


def on_page_markdown(markdown, page, config, files):
    data = load_site_data(project_root(config))
    known = {
        "theme": set(data.themes),
        "audience": set(settings(config).get("audiences", {})),
        "contact": set(data.contacts),
    }
    shortcodes, problems = find(page.file.content_string, source_path(page), known)
    for problem in problems:
        warn(problem)
    bad_lines = {problem.line for problem in problems}
    _found[page.file.src_uri] = {s.text: s for s in shortcodes if s.line not in bad_lines}
    return markdown


def on_post_page(html, page, config):
    shortcodes = _found.pop(page.file.src_uri, {})
    if not MARKER.search(html):
        return html
    data = load_site_data(project_root(config))
    now = dt.datetime.now(COPENHAGEN)

    def replace(match):
        shortcode = shortcodes.get(match.group(0))
        if shortcode is None:
            return ""  # already reported as a problem
        return render_shortcode(shortcode, data, page, config, page_locale(page, config), now)

    return replace_markers(html, replace)
