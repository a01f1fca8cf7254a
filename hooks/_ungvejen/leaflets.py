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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import markdown as python_markdown
from markupsafe import Markup

from .frontmatter import FENCE
from .readability import audience_sections
from .shortcodes import MARKER

if TYPE_CHECKING:
    from .printing import PrintResult

PARENTS = "foraeldre"
CONTACTS_HERE = "UNGVEJEN-CONTACTS-HERE"
LEAFLET_CONTACTS = 8  # the most urgent numbers for parents: what fits beside the text on one A4 page
LEAFLET_CONTACTS_AT_LEAST = 4  # fewer would leave out numbers parents need; the text must be shortened then
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


@dataclass
class FittedLeaflet:
    pdf: bytes
    contacts_shown: int
    fits: bool  # False: one page even with LEAFLET_CONTACTS_AT_LEAST contacts was too little


def fit_on_one_page(print_with: Callable[[int], "PrintResult"], available: int) -> FittedLeaflet:
    """The leaflet with as many of the `available` contacts (most urgent first) as fit on one
    page, at most LEAFLET_CONTACTS: a theme with many contacts for parents must not push the
    text onto a second page. `print_with(n)` prints the leaflet with the first n contacts."""
    count = min(LEAFLET_CONTACTS, available)
    printed = print_with(count)
    while printed.pages > 1 and count > min(LEAFLET_CONTACTS_AT_LEAST, available):
        count -= 1
        printed = print_with(count)
    return FittedLeaflet(printed.pdf, count, printed.pages == 1)
