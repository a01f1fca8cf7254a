"""Hook: read and check every page's front matter once, and keep it in the build state.

Each Markdown file is parsed once (a fallback page built again for another language reuses
its record): the front matter with line numbers, checked against the settings' audiences,
the themes and the search words, and the review due date. Later hooks – review dates,
shortcodes, the editors' report, translation, search – read the record, not the file.
Problems are warnings (one line each, all pages at once), so `mkdocs serve` keeps running
while an editor fixes them and the strict build stops. Broken front matter is removed from
the page so it is not shown as text. The record keeps only values of the right kind
(`frontmatter.usable`) and MkDocs' own title and description are made text, so no later hook,
nor Material, trips over a mistake that has already been reported with its line.
"""

from _ungvejen.build import PageRecord, build_state
from _ungvejen.frontmatter import FENCE, PLAIN_TEXT, check, split, usable
from _ungvejen.paths import source_path


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    record = state.record(page)
    if record is None:
        record = _read(page, state)
    _plain_text_for_mkdocs(page, record)
    if record.front.problems and not record.meta:
        # MkDocs could not read it either and passed it on as text: drop it from the page.
        return FENCE.sub("", markdown, count=1)
    return markdown


def _plain_text_for_mkdocs(page, record) -> None:
    """MkDocs reads the front matter too (without our limits on aliases), for every language's
    copy of the page: a title or description that is not text becomes ours, or none (the title
    then comes from the page's first heading)."""
    for key in PLAIN_TEXT:
        if page.meta.get(key) is not None and not isinstance(page.meta[key], str):
            if isinstance(record.meta.get(key), str):
                page.meta[key] = record.meta[key]
            else:
                del page.meta[key]


def _read(page, state) -> PageRecord:
    file = source_path(page.file.src_uri)
    front = split(page.file.content_string, file)
    data = state.data
    tags = {word.lower() for language in state.languages for word in data.search_words(language)}
    for problem in check(front, file, set(state.settings.audiences), set(data.themes), tags):
        state.warn(problem)
    front.meta = usable(front.meta)
    return state.remember_page(PageRecord(source=file, front=front), page.file.src_uri)
