"""The glossary (data/glossary.yml): explanations of words and abbreviations on the pages.

Each page gets Python-Markdown `abbr` definitions (`*[SSP]: Skole, …`) for the glossary words
that occur in it, in the page's language, so every occurrence is marked with <abbr title>
(Material shows it as a tooltip). Only words the page uses are defined: a definition for a
word the page does not use would be dead text in its Markdown.
"""

from __future__ import annotations

import re


def forms(entry: dict, language: str) -> list[str]:
    """The headword and the other forms to explain, in one language."""
    return [entry["term"][language], *(entry.get("forms") or {}).get(language, [])]


def abbreviations(glossary: list[dict], language: str, markdown: str) -> str:
    """`*[form]: explanation` lines for the glossary forms that `markdown` uses."""
    lines = []
    for entry in glossary:
        if language not in entry["term"] or language not in entry["explanation"]:
            continue  # not explained in this language (the parents' languages, issue 18): no tooltip
        explanation = " ".join(entry["explanation"][language].split())
        for form in forms(entry, language):
            if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", markdown):
                lines.append(f"*[{form}]: {explanation}")
    return "\n".join(lines)


def entries_view(glossary: list[dict], language: str) -> list[dict]:
    """The glossary page: every entry, alphabetically by its word in `language`."""
    other_language = "da" if language == "en" else "en"
    return sorted(({"id": entry["id"], "term": entry["term"][language], "other": entry["term"][other_language],
                    "other_language": other_language, "explanation": entry["explanation"][language]}
                   for entry in glossary),
                  key=lambda entry: entry["term"].lstrip("§ ").casefold())
