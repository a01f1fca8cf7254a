"""Hook: glossary words explained where they are used – `<abbr title>` from data/glossary.yml.

Appends the abbreviation definitions for the words a page uses, in the page's language
(_ungvejen/glossary.py); Python-Markdown's `abbr` extension marks them. Runs after the
content checks, so the definitions never count in a page's readability (LIX).
"""

from _ungvejen.build import build_state
from _ungvejen.glossary import abbreviations


def on_page_markdown(markdown, page, config, files):
    state = build_state(config)
    definitions = abbreviations(state.data.glossary, state.page_locale(page), markdown)
    return f"{markdown}\n\n{definitions}\n" if definitions else markdown
