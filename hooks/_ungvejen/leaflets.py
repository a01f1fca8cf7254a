"""Parents' leaflets and the wallet card: what goes on them (pure content, no MkDocs events).

A theme's leaflet is made from the parents' section of the theme's own page
(`## Til forældre {: #foraeldre data-audience="foraeldre" }` up to the next H2) – one source:
the text editors keep up to date on the page is the text parents take home, and every theme
in data/themes.yml gets a leaflet without anyone writing it twice. Links become plain text
(a printed page cannot be clicked), shortcodes are dropped, and the theme's contacts for
parents (data/contacts.yml) are listed where the page shows its contact cards.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown as python_markdown
from markupsafe import Markup

from .frontmatter import FENCE
from .readability import audience_sections
from .shortcodes import MARKER

PARENTS = "foraeldre"
CONTACTS_HERE = "UNGVEJEN-CONTACTS-HERE"
LEAFLET_CONTACTS = 8  # the most urgent numbers for parents: what fits beside the text on one A4 page
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
_MARKDOWN_EXTENSIONS = ["attr_list", "admonition", "def_list", "tables"]


def theme_source(docs_dir: Path, page: str, language: str, default_language: str) -> Path:
    """The theme page in `language` (temaer/x.en.md), or the default language's if there is none."""
    if language != default_language:
        translated = docs_dir / page.replace(".md", f".{language}.md")
        if translated.is_file():
            return translated
    return docs_dir / page


def parents_section(source: str) -> str | None:
    """The Markdown of a page's parents' section, without its heading; None if it has none."""
    front = FENCE.match(source)
    body = source[front.end():] if front else source
    for section in audience_sections(body):
        if section.audience == PARENTS:
            return section.text
    return None


def leaflet_body(section: str) -> tuple[Markup, bool]:
    """The section as HTML for print, and whether it marks where the contacts go."""
    lines = [line for line in section.splitlines() if "arrangementer.md" not in line]
    text = "\n".join(lines)
    has_place = False

    def marker(match):
        nonlocal has_place
        if match["name"] == "kontakter" and not has_place:
            has_place = True
            return f"\n\n{CONTACTS_HERE}\n\n"
        return ""

    text = MARKER.sub(marker, text)
    text = _LINK.sub(r"\1", text)
    html = python_markdown.markdown(text, extensions=_MARKDOWN_EXTENSIONS)
    return Markup(html), has_place
