"""Page front matter: split it from the Markdown, parse it with line numbers, check it.

MkDocs passes a page whose front matter is broken YAML silently (empty meta, the YAML
shown as text). We parse the raw source ourselves so every mistake names file and line.

A value of the wrong kind (a list where one theme belongs, a number as the title) is reported
by `check`; `usable` gives the later phases only the values of the right kind, so a mistake
stops the build with its line and never with a traceback from a hook further on. Titles and
descriptions are plain text: Material writes the title into the header and the navigation as
it is, so markup there is a mistake too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .problems import Problem
from .schema_errors import foreign_letters, look_alike_fix
from .yamlsource import Positions, YamlSyntaxProblem, load_yaml

FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
REVIEW_EVERY = re.compile(r"^([1-9]\d*)\s+(month|months|måned|måneder|year|years|år)$")
REQUIRED = ("title", "description", "audiences", "reviewed")
PLAIN_TEXT = ("title", "description")
# '<' starts a tag or a comment; '&amp;', '&#60;' are entities. A lone '&' or '>' is text.
MARKUP = re.compile(r"<|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
KIND_DA = {list: "en liste", dict: "en gruppe af felter"}
MAX_REVIEW_MONTHS = 120  # ten years; a longer interval is a typo (and '99999 years' no calendar has)
REVIEWED_YEARS = range(2000, 2101)


@dataclass
class FrontMatter:
    meta: dict = field(default_factory=dict)
    positions: Positions = field(default_factory=Positions)
    problems: list[Problem] = field(default_factory=list)
    body_start_line: int = 1  # line of the source where MkDocs' Markdown (page.markdown) starts


def split(source: str, file: str) -> FrontMatter:
    match = FENCE.match(source)
    if not match:
        return FrontMatter(problems=[Problem(file, 1, 0, "Siden mangler front matter (felterne mellem --- øverst).",
                                             "Start filen med ---, title:, description:, audiences:, reviewed: og ---.")])
    rest = source[match.end():]
    # MkDocs drops the blank lines between the front matter and the text.
    body_start = source[:match.end()].count("\n") + 1 + len(rest) - len(rest.lstrip("\n"))
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


def _kind(value) -> str:
    return next((name for kind, name in KIND_DA.items() if isinstance(value, kind)), "")


def _is_word(value) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def check(front: FrontMatter, file: str, audiences: set[str], themes: set[str], tags: set[str]) -> list[Problem]:
    """Everything an editor can get wrong in front matter, as problems with file and line."""
    meta, problems = front.meta, list(front.problems)
    if not meta and problems:
        return problems

    def at(key, message, fix, path=None):
        line, column = front.positions.of(path or (key,)) if key in meta else (1, 0)
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
        if not _is_word(audience):
            at("audiences", f"Målgruppe nr. {index + 1} skal være et ord, ikke {_kind(audience) or 'tom'}.",
               "Skriv målgrupperne som en liste af ord, fx  audiences: [unge, foraeldre].", ("audiences", index))
        elif audience not in audiences:
            at("audiences", f"Ukendt målgruppe '{audience}'.{foreign_letters(audience)}",
               look_alike_fix(audience, audiences) + f"Brug en af: {', '.join(sorted(audiences))}.", ("audiences", index))
    if meta.get("audiences") is not None and not isinstance(meta.get("audiences"), list):
        at("audiences", "Feltet 'audiences' skal være en liste.", "Skriv fx  audiences: [unge, foraeldre].")
    theme = meta.get("theme")
    if "theme" in meta and _kind(theme):
        at("theme", f"Feltet 'theme' skal være ét tema-id (en tekst), ikke {_kind(theme)}.",
           f"Skriv ét id fra data/themes.yml uden [ ], fx  theme: {min(themes, default='rusmidler')}.")
    elif "theme" in meta and theme not in themes:
        at("theme", f"Ukendt tema '{theme}'.{foreign_letters(theme)}",
           look_alike_fix(theme, themes) + f"Brug et id fra data/themes.yml: {', '.join(sorted(themes))}.")
    raw_tags = meta.get("tags") or []
    if not isinstance(raw_tags, list):
        at("tags", "Feltet 'tags' skal være en liste.", "Skriv fx  tags: [hash, joint].")
        raw_tags = []
    for index, tag in enumerate(raw_tags):
        if not _is_word(tag):
            at("tags", f"Søgeord nr. {index + 1} skal være et ord, ikke {_kind(tag) or 'tom'}.",
               "Skriv søgeordene som en liste af ord, fx  tags: [hash, joint].", ("tags", index))
        elif str(tag).lower() not in tags:
            at("tags", f"Ukendt søgeord (tag) '{tag}'.{foreign_letters(tag)}",
               look_alike_fix(str(tag).lower(), tags)
               + "Ret stavningen, eller tilføj ordet under search_words for et tema i data/themes.yml.", ("tags", index))
    # A date with a time (2026-11-20 10:00) is a datetime: no due date could be worked out from it.
    reviewed = meta.get("reviewed")
    if reviewed not in (None, "") and (not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime)):
        at("reviewed", f"'{meta['reviewed']}' er ikke en dato.", "Skriv datoen som  reviewed: 2026-11-28.")
    elif isinstance(reviewed, dt.date) and reviewed.year not in REVIEWED_YEARS:
        at("reviewed", f"'{reviewed}' ligger ikke mellem år {REVIEWED_YEARS[0]} og {REVIEWED_YEARS[-1]}.",
           "Tjek årstallet, og skriv datoen for den seneste gennemgang, fx  reviewed: 2026-11-28.")
    months = months_between_reviews(meta["review_every"]) if "review_every" in meta else None
    if "review_every" in meta and months is None:
        at("review_every", f"'{meta['review_every']}' kan ikke forstås som et tidsrum.",
           "Skriv fx  review_every: 6 months  eller  review_every: 1 year.")
    elif months is not None and months > MAX_REVIEW_MONTHS:
        at("review_every", f"'{meta['review_every']}' er for lang tid mellem to gennemgange (højst 10 år).",
           "Skriv fx  review_every: 1 year, eller slet linjen, så målgruppens interval bruges.")
    for key in PLAIN_TEXT:
        if key in meta and meta[key] not in (None, "") and not isinstance(meta[key], str):
            at(key, f"Feltet '{key}' skal være tekst.", f"Sæt citationstegn om teksten:  {key}: \"...\".")
        elif isinstance(meta.get(key), str) and MARKUP.search(meta[key]):
            at(key, f"Feltet '{key}' er ren tekst, men indeholder HTML ('<' eller '&…;').",
               "Skriv teksten uden < og uden &-koder: skriv fx 'og' eller '&' i stedet for '&amp;', "
               "'under' i stedet for '<'; fremhævning hører til i selve siden.")
    if "sources" in meta:
        _check_sources(meta["sources"], at)
    return problems


SOURCE_FIELDS = ("title", "url", "checked", "claim")
SOURCE_EXAMPLE = ("sources:\n  - title: \"Barnets lov § 133 (handleguide.dk)\"\n    url: https://handleguide.dk/underretning\n"
                  "    checked: 2026-11-30")
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


def _check_sources(sources, at) -> None:
    """`sources:` – where a page's laws, ages, health facts and numbers come from. Each is a
    title, a web address, the date it was last read and, optionally, the claim it supports."""
    if not isinstance(sources, list) or not sources:
        at("sources", "Feltet 'sources' skal være en liste med mindst én kilde.", f"Skriv fx\n{SOURCE_EXAMPLE}")
        return
    for index, source in enumerate(sources):
        number = index + 1
        if not isinstance(source, dict):
            at("sources", f"Kilde nr. {number} skal have felterne title, url og checked.", f"Skriv fx\n{SOURCE_EXAMPLE}",
               ("sources", index))
            continue
        for key in sorted(set(source) - set(SOURCE_FIELDS), key=str):
            at("sources", f"Kilde nr. {number} har et ukendt felt '{key}'.",
               f"Brug kun {', '.join(SOURCE_FIELDS)}.", ("sources", index, key))
        for key in ("title", "url", "checked"):
            if source.get(key) in (None, ""):
                at("sources", f"Kilde nr. {number} mangler '{key}'.", f"Skriv fx\n{SOURCE_EXAMPLE}", ("sources", index))
        for key in ("title", "claim"):
            value = source.get(key)
            if value not in (None, "") and not isinstance(value, str):
                at("sources", f"'{key}' i kilde nr. {number} skal være tekst.", f"Sæt citationstegn om teksten:  {key}: \"...\".",
                   ("sources", index, key))
            elif isinstance(value, str) and MARKUP.search(value):
                at("sources", f"'{key}' i kilde nr. {number} er ren tekst, men indeholder HTML ('<' eller '&…;').",
                   "Skriv teksten uden < og uden &-koder.", ("sources", index, key))
        url = source.get("url")
        if url not in (None, "") and not (isinstance(url, str) and WEB_ADDRESS.match(url)):
            at("sources", f"'{url}' i kilde nr. {number} er ikke en webadresse.",
               "Skriv hele adressen på den side, du har læst, fx  url: https://www.retsinformation.dk/eli/lta/2024/1146",
               ("sources", index, "url"))
        checked = source.get("checked")
        if checked in (None, ""):
            continue
        if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
            at("sources", f"'checked' i kilde nr. {number} ('{checked}') er ikke en dato.",
               "Skriv datoen, hvor du sidst læste kilden, fx  checked: 2026-11-30.", ("sources", index, "checked"))
        elif checked.year not in REVIEWED_YEARS or checked > _today():
            at("sources", f"'checked' i kilde nr. {number} ({checked}) er ikke en mulig dato for, hvornår kilden blev læst.",
               "Skriv datoen, hvor du sidst læste kilden (ikke en dato i fremtiden).", ("sources", index, "checked"))


def _today() -> dt.date:
    from .review import today  # review imports this module; a late import keeps the layers simple
    return today()


def usable_sources(sources) -> list[dict]:
    """The sources that were checked without problems, for the 'Kilder' list."""
    if not isinstance(sources, list):
        return []
    clean = []
    for source in sources:
        if (isinstance(source, dict) and isinstance(source.get("title"), str) and isinstance(source.get("url"), str)
                and WEB_ADDRESS.match(source["url"]) and isinstance(source.get("checked"), dt.date)
                and not isinstance(source.get("checked"), dt.datetime)):
            claim = source.get("claim")
            clean.append({"title": source["title"], "url": source["url"], "checked": source["checked"],
                          "claim": claim if isinstance(claim, str) else ""})
    return clean


def usable(meta: dict) -> dict:
    """The front matter with only values of the kind later phases expect (titles as text, lists
    of words, a date): what `check` reported is left out, so nothing downstream breaks on it."""
    clean = {key: value for key, value in meta.items()
             if key not in ("title", "description", "audiences", "theme", "tags", "reviewed", "review_every", "sources")}
    for key in PLAIN_TEXT:
        if meta.get(key) is not None:
            clean[key] = meta[key] if isinstance(meta[key], str) else str(meta[key])
    if isinstance(meta.get("audiences"), list):
        clean["audiences"] = [audience for audience in meta["audiences"] if isinstance(audience, str)]
    if isinstance(meta.get("theme"), str):
        clean["theme"] = meta["theme"]
    if isinstance(meta.get("tags"), list):
        clean["tags"] = [str(tag) for tag in meta["tags"] if _is_word(tag)]
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime) and reviewed.year in REVIEWED_YEARS:
        clean["reviewed"] = reviewed
    every = meta.get("review_every")
    if isinstance(every, str) and (months_between_reviews(every) or 0) <= MAX_REVIEW_MONTHS:
        clean["review_every"] = every
    if "sources" in meta:
        clean["sources"] = usable_sources(meta["sources"])
    return clean
