"""Mark each language-switcher link with the language it is written in.

"English" on a Danish page is English text: screen readers need `lang="en"` on it to read it
right (WCAG 3.1.2). Material's switcher gives each link `hreflang` but no `lang`. Rather than
copy Material's partial to add one attribute, its output is read with Python's HTML parser
and `lang` is added to every `<a>` that has `hreflang` and no `lang`.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser


class _LinkFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.edits: list[tuple[int, int, str]] = []  # (line, column after "<a", language)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "a" and values.get("hreflang") and "lang" not in values:
            line, column = self.getpos()
            self.edits.append((line, column + len("<a"), values["hreflang"]))


def mark_link_languages(html: str) -> str:
    finder = _LinkFinder()
    finder.feed(html)
    finder.close()
    if not finder.edits:
        return html
    lines = html.splitlines(keepends=True)
    for line, column, language in reversed(finder.edits):
        text = lines[line - 1]
        lines[line - 1] = f'{text[:column]} lang="{escape(language)}"{text[column:]}'
    return "".join(lines)
