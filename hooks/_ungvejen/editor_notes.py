"""Editors' notes: `!!! redaktoer "Titel"` blocks in a page's Markdown.

A note says what only the municipality can supply ("indsæt linket til WAS-erklæringen").
It is never published: `split` takes the blocks out of the Markdown (each line becomes a
blank line, so every later line keeps its number in messages) and returns them for the
editors' report. The block follows Python-Markdown's admonition syntax – a `!!!` or `???`
line, then the lines indented by four spaces – and a block inside a fenced code block is
left alone, so the syntax can be shown in documentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_TYPE = "redaktoer"
START = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+' + NOTE_TYPE + r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
INDENT = "    "


@dataclass(frozen=True)
class EditorNote:
    line: int      # line of the `!!! redaktoer` line in the source file
    title: str
    text: str


def split(markdown: str, first_line: int = 1) -> tuple[str, list[EditorNote]]:
    """The Markdown without editors' notes, and the notes. `first_line` is the source line
    of the Markdown's first line (after the front matter)."""
    lines = markdown.split("\n")
    notes: list[EditorNote] = []
    fence = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif match := START.match(line):
            end = index + 1
            while end < len(lines) and (lines[end].startswith(INDENT) or lines[end].startswith("\t")
                                        or not lines[end].strip()):
                end += 1
            while end > index + 1 and not lines[end - 1].strip():
                end -= 1  # trailing blank lines belong to the page
            body = " ".join(part.strip() for part in lines[index + 1:end] if part.strip())
            notes.append(EditorNote(first_line + index, match.group("title") or "", body))
            lines[index:end] = [""] * (end - index)
            index = end
            continue
        index += 1
    return "\n".join(lines), notes
