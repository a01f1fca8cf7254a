"""Translated pages for parents (issue 18): the `translation:` front matter and what it says.

A page in one of the parents' languages (settings `parent_languages`) is written from one or
more Danish pages and says so in its front matter:

    translation:
      source: docs/til-foraeldre.md        # or a list of Danish pages
      translated: 2026-11-30               # when the translation was made
      reviewed: false                      # or: {by: "Name of the translator", date: 2026-12-05}

Until a translator has checked it, the page shows a notice in its own language. A Danish
source reviewed after the translation date has (probably) changed since: the editors' report
lists both. Nothing here knows MkDocs; the hooks call it with a page's parsed front matter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .problems import Problem

FIX = ("Skriv fx\n  translation:\n    source: docs/til-foraeldre.md\n    translated: 2026-11-30\n"
       "    reviewed: false")


@dataclass(frozen=True)
class Translation:
    sources: tuple[str, ...]          # "docs/til-foraeldre.md"
    translated: dt.date
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None

    @property
    def awaiting_review(self) -> bool:
        return self.reviewed_by is None

    @property
    def main_source(self) -> str:
        return self.sources[0]

    def changed_sources(self, source_reviewed: dict[str, dt.date | None]) -> list[str]:
        """The sources whose Danish page was reviewed (so: changed) after the translation was
        made – or after its own review, when that is later."""
        since = max(filter(None, (self.translated, self.reviewed_on)))
        return [source for source in self.sources
                if isinstance(source_reviewed.get(source), dt.date) and source_reviewed[source] > since]


def src_uri(source: str) -> str:
    """"docs/temaer/x.md" -> "temaer/x.md" (the key MkDocs and the build state use)."""
    return source.removeprefix("docs/")


def read_translation(meta: dict, file: str, line: int = 1) -> tuple[Translation | None, list[Problem]]:
    """The page's `translation:` block, or None and the problems that make it unusable."""
    raw = meta.get("translation")
    if raw is None:
        return None, [Problem(file, line, 0, "Siden er en oversættelse, men mangler feltet 'translation'.", FIX)]
    if not isinstance(raw, dict):
        return None, [Problem(file, line, 0, "Feltet 'translation' skal være en gruppe af felter.", FIX)]
    problems = []
    sources = raw.get("source")
    sources = [sources] if isinstance(sources, str) else sources
    if not sources or not all(isinstance(s, str) and s.startswith("docs/") and s.endswith(".md") for s in sources):
        problems.append(Problem(file, line, 0, "translation → source skal være den danske side (eller en liste af sider).",
                                "Skriv stien fra projektets rod, fx  source: docs/til-foraeldre.md."))
    translated = raw.get("translated")
    if not isinstance(translated, dt.date):
        problems.append(Problem(file, line, 0, "translation → translated skal være en dato.",
                                "Skriv datoen for oversættelsen som ÅÅÅÅ-MM-DD, fx  translated: 2026-11-30."))
    reviewed = raw.get("reviewed")
    by = on = None
    if isinstance(reviewed, dict) and isinstance(reviewed.get("by"), str) and reviewed["by"].strip() \
            and isinstance(reviewed.get("date"), dt.date):
        by, on = reviewed["by"].strip(), reviewed["date"]
    elif reviewed is not False:
        problems.append(Problem(file, line, 0, "translation → reviewed skal være false eller hvem der har tjekket "
                                               "oversættelsen og hvornår.",
                                "Skriv  reviewed: false  eller  reviewed: {by: \"Navn\", date: 2026-12-05}."))
    if problems:
        return None, problems
    return Translation(tuple(sources), translated, by, on), []
