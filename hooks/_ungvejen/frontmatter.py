"""Page front matter: split it from the Markdown, parse it with line numbers, check it.

MkDocs passes a page whose front matter is broken YAML silently (empty meta, the YAML
shown as text). We parse the raw source ourselves so every mistake names file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .problems import Problem
from .yamlsource import Positions, YamlSyntaxProblem, load_yaml

FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
REVIEW_EVERY = re.compile(r"^([1-9]\d*)\s+(month|months|måned|måneder|year|years|år)$")
REQUIRED = ("title", "description", "audiences", "reviewed")


@dataclass
class FrontMatter:
    meta: dict = field(default_factory=dict)
    positions: Positions = field(default_factory=Positions)
    problems: list[Problem] = field(default_factory=list)
    body_start_line: int = 1  # line of the source where the Markdown body starts


def split(source: str, file: str) -> FrontMatter:
    match = FENCE.match(source)
    if not match:
        return FrontMatter(problems=[Problem(file, 1, 0, "Siden mangler front matter (felterne mellem --- øverst).",
                                             "Start filen med ---, title:, description:, audiences:, reviewed: og ---.")])
    body_start = source[:match.end()].count("\n") + 1
    try:
        meta, positions, problems = load_yaml(match.group(1) or "", file, line_offset=1)
    except YamlSyntaxProblem as syntax:
        return FrontMatter(problems=[syntax.problem], body_start_line=body_start)
    if not isinstance(meta, dict):
        return FrontMatter(problems=[Problem(file, 2, 0, "Front matter skal være felter på formen  navn: værdi.",
                                             "Skriv fx  title: Sidens titel  på hver sin linje.")], body_start_line=body_start)
    return FrontMatter(meta=meta, positions=positions, problems=problems, body_start_line=body_start)


def months_between_reviews(text: str) -> int | None:
    match = REVIEW_EVERY.match(str(text).strip())
    if not match:
        return None
    count, unit = int(match.group(1)), match.group(2)
    return count * 12 if unit in ("year", "years", "år") else count


def check(front: FrontMatter, file: str, audiences: set[str], themes: set[str], tags: set[str]) -> list[Problem]:
    """Everything an editor can get wrong in front matter, as problems with file and line."""
    meta, problems = front.meta, list(front.problems)
    if not meta and problems:
        return problems

    def at(key, message, fix):
        line, column = front.positions.of((key,)) if key in meta else (1, 0)
        problems.append(Problem(file, line, column, message, fix))

    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            at(key, f"Feltet '{key}' mangler eller er tomt.", {
                "title": "Tilføj  title: Sidens titel.",
                "description": "Tilføj  description: En eller to sætninger om siden (bliver vist i søgemaskiner).",
                "audiences": "Tilføj  audiences: [unge, foraeldre, fagpersoner]  med de målgrupper, siden er til.",
                "reviewed": "Tilføj  reviewed: ÅÅÅÅ-MM-DD  med datoen, hvor indholdet sidst blev gennemgået.",
            }[key])
    listed = meta.get("audiences") if isinstance(meta.get("audiences"), list) else []
    for index, audience in enumerate(listed):
        if audience not in audiences:
            line, column = front.positions.of(("audiences", index))
            problems.append(Problem(file, line, column, f"Ukendt målgruppe '{audience}'.",
                                    f"Brug en af: {', '.join(sorted(audiences))}."))
    if meta.get("audiences") is not None and not isinstance(meta.get("audiences"), list):
        at("audiences", "Feltet 'audiences' skal være en liste.", "Skriv fx  audiences: [unge, foraeldre].")
    if "theme" in meta and meta["theme"] not in themes:
        at("theme", f"Ukendt tema '{meta['theme']}'.", f"Brug et id fra data/themes.yml: {', '.join(sorted(themes))}.")
    raw_tags = meta.get("tags") or []
    if not isinstance(raw_tags, list):
        at("tags", "Feltet 'tags' skal være en liste.", "Skriv fx  tags: [hash, joint].")
        raw_tags = []
    for index, tag in enumerate(raw_tags):
        if str(tag).lower() not in tags:
            line, column = front.positions.of(("tags", index))
            problems.append(Problem(file, line, column, f"Ukendt søgeord (tag) '{tag}'.",
                                    "Ret stavningen, eller tilføj ordet under search_words for et tema i data/themes.yml."))
    # A date with a time (2026-11-20 10:00) is a datetime: no due date could be worked out from it.
    reviewed = meta.get("reviewed")
    if reviewed not in (None, "") and (not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime)):
        at("reviewed", f"'{meta['reviewed']}' er ikke en dato.", "Skriv datoen som  reviewed: 2026-11-28.")
    if "review_every" in meta and months_between_reviews(meta["review_every"]) is None:
        at("review_every", f"'{meta['review_every']}' kan ikke forstås som et tidsrum.",
           "Skriv fx  review_every: 6 months  eller  review_every: 1 year.")
    for key in ("title", "description"):
        if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
            at(key, f"Feltet '{key}' skal være tekst.", f"Sæt citationstegn om teksten:  {key}: \"...\".")
    return problems
