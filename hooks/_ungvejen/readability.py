"""LIX readability for Danish text, and splitting a page into audience sections.

LIX = words / sentences + 100 * (words of 7 or more letters) / words.
Bands (sprogvaskeriet.dk): < 25 very easy, 25-34 easy, 35-44 medium, 45-54 hard, 55+ very hard.

Markdown is reduced to the prose a reader sees: front matter, HTML comments, tags, link
targets and attribute lists are dropped. A heading, a list item and a table row each end a
sentence, as a reader perceives them, even without a full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:[-'][A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
AUDIENCE_HEADING = re.compile(
    r"^##\s+(?P<title>.+?)\s*\{[^}]*data-audience=\"?(?P<audience>[\w-]+)\"?[^}]*\}\s*$"
)
PLAIN_HEADING = re.compile(r"^#{1,2}\s+")


@dataclass(frozen=True)
class Section:
    """An audience section of a page: from its marked H2 to the next H2."""

    audience: str
    title: str
    line: int  # 1-based line in the Markdown body
    text: str


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        if not self.words:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words


def prose(markdown: str) -> str:
    """The visible prose of a Markdown fragment, one sentence-ending unit per line."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)
    text = re.sub(r"^\*\[[^\]\n]+\]:.*$", " ", text, flags=re.M)  # abbreviation definitions
    text = re.sub(r"<svg.*?</svg>", " ", text, flags=re.S | re.I)
    text = re.sub(r"\{[:#.][^}]*\}", " ", text)  # attribute lists
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links and images keep their text
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or set(line) <= set("-|: "):
            continue
        line = re.sub(r"^(#+|[-*+]|\d+\.|>|\|)\s*", "", line)
        # A table row's cells are sentences, with or without pipes at the row's ends.
        line = line.removesuffix("|").rstrip().replace("|", ". ")
        if not SENTENCE_END.search(line[-1:] + " "):
            line += "."
        lines.append(line)
    return "\n".join(lines)


def lix(markdown: str) -> Lix:
    text = prose(markdown)
    words = WORD.findall(text)
    sentences = len(SENTENCE_END.findall(text))
    long_words = sum(1 for w in words if len(w.replace("-", "")) >= 7)
    return Lix(words=len(words), sentences=sentences, long_words=long_words)


def audience_sections(markdown: str) -> list[Section]:
    """Sections that start with `## Title { data-audience="unge" }` and run to the next H2 or H1."""
    sections: list[Section] = []
    current: dict | None = None
    body: list[str] = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = AUDIENCE_HEADING.match(line)
        if match or PLAIN_HEADING.match(line):
            if current:
                sections.append(Section(text="\n".join(body), **current))
            current, body = None, []
            if match:
                current = {"audience": match["audience"], "title": match["title"], "line": number}
            continue
        if current:
            body.append(line)
    if current:
        sections.append(Section(text="\n".join(body), **current))
    return sections
