"""Hook: editors' notes (`!!! redaktoer "…"`) never reach the public site.

The blocks are taken out of each page's Markdown before anything else reads it, and kept in
the page's record for the editors' report, which lists them as tasks with file and line
(_ungvejen/editor_notes.py). Runs right after the front matter is read.
"""

from _ungvejen.build import build_state
from _ungvejen.editor_notes import split


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    record = state.record(page)
    if record is None:
        return markdown
    markdown, notes = split(markdown, record.front.body_start_line)
    record.editor_notes = notes
    return markdown
