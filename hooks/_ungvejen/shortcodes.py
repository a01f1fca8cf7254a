"""Shortcodes: `<!-- ung:NAME [id] [key=value ...] -->` markers in Markdown.

An HTML comment reads cleanly where no hook runs. The grammar is small and strict: an
unknown shortcode, argument or value is a problem naming page and line, and so is a marker
that starts `<!-- ung:` but cannot be read (a `>` inside it, no `-->`): it would otherwise be
an invisible comment, or hide the rest of the page.

A marker inside code – a fenced block (``` or ~~~), an indented block, or `inline code` – is
shown as code: Markdown escapes it (`&lt;!-- ung:…`), so it is neither checked nor replaced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from types import MappingProxyType

from .frontmatter import FENCE as FRONT_MATTER
from .problems import Problem
from .schema_errors import foreign_letters, look_alike_fix

# Possessive `++` and no `\s*` before `-->`: a long name or run of spaces without `-->` after it
# takes linear time, not quadratic (the arguments are split on whitespace anyway).
MARKER = re.compile(r"<!--\s*ung:(?P<name>[\w-]++)(?P<args>[^<>]*?)-->")
# Where a marker starts: `ung:` as we write it, or one of our names in capitals or with spaces
# (`<!-- UNG:kontakter -->`); an editor's own note (`<!-- Ung: husk ... -->`) is left alone.
OPENING = re.compile(r"<!--\s*(?:ung:|(?i:ung\s*:\s*(?:kontakter|kontakt|materialer|arrangementer|stoffer|myter|ordliste|lektion|foraeldrefolder|hjaelp|temaer)\b))")
EXAMPLE = "Skriv den som  <!-- ung:kontakter tema=rusmidler -->  : navn og argumenter uden < og >, og luk med -->."
ARGUMENT_NAMES = MappingProxyType({"tema": "theme", "målgruppe": "audience", "maalgruppe": "audience", "antal": "count"})
ALL = "alle"  # antal=alle: every contact, not only the first contacts_per_list
MAX_COUNT = 50
COUNTS = frozenset({ALL} | {str(number) for number in range(1, MAX_COUNT + 1)})


@dataclass(frozen=True)
class Spec:
    arguments: frozenset = frozenset()
    positional: str | None = None  # what a single positional value means


SPECS = MappingProxyType({
    "kontakter": Spec(frozenset({"theme", "audience", "count"})),
    "kontakt": Spec(positional="contact"),
    "materialer": Spec(frozenset({"theme"})),
    "arrangementer": Spec(frozenset({"theme"})),
    "stoffer": Spec(),   # the drugs A–Z from data/substances.yml
    "myter": Spec(),     # its myths and facts
    "ordliste": Spec(),
    # A lesson page's box: subject, grade, Fælles Mål goals and its downloads.
    "lektion": Spec(positional="material"),
    # A theme's parents' leaflet (tema=...), or every leaflet and the wallet card (no argument).
    "foraeldrefolder": Spec(frozenset({"theme"})),
    "hjaelp": Spec(),   # the front page's "help now" buttons: the help bar's urgent numbers
    "temaer": Spec(),   # every theme as a tile with its icon
})


@dataclass
class Shortcode:
    name: str
    line: int
    arguments: dict = field(default_factory=dict)
    text: str = ""


def find(source: str, file: str, known: dict[str, set[str]],
         skip_code: bool = True) -> tuple[list[Shortcode], list[Problem]]:
    """The valid shortcodes of a page's source, and the problems of the others (the source
    includes the front matter, so lines match the file). Markers in code are skipped."""
    found, problems = [], []
    readable = mask_code(source) if skip_code else source
    line_starts = [0] + [match.end() for match in re.finditer("\n", readable)]
    for opening in OPENING.finditer(readable):
        line = bisect_right(line_starts, opening.start())
        match = MARKER.match(readable, opening.start())
        if match is None:
            problems.append(Problem(file, line, 0, _unreadable(readable, opening), EXAMPLE))
            continue
        problems_before = len(problems)
        name = match["name"]
        spec = SPECS.get(name)
        if spec is None:
            problems.append(Problem(file, line, 0, f"Ukendt shortcode 'ung:{name}'.",
                                    f"Brug en af: {', '.join('ung:' + key for key in SPECS)}."))
            continue
        shortcode = Shortcode(name=name, line=line, text=match.group(0))
        for token in match["args"].split():
            key, has_value, value = token.partition("=")
            if not has_value:
                if spec.positional and spec.positional not in shortcode.arguments:
                    shortcode.arguments[spec.positional] = key
                else:
                    problems.append(Problem(file, line, 0, f"'{token}' forstås ikke i ung:{name}.",
                                            "Skriv argumenter som navn=værdi, fx tema=rusmidler."))
                continue
            argument = ARGUMENT_NAMES.get(key)
            if argument not in spec.arguments:
                allowed = ", ".join(k for k, v in ARGUMENT_NAMES.items() if v in spec.arguments and k != "maalgruppe")
                problems.append(Problem(file, line, 0, f"ung:{name} kender ikke argumentet '{key}'.",
                                        f"Brug {allowed or 'ingen argumenter'}."))
                continue
            if argument in shortcode.arguments:
                problems.append(Problem(file, line, 0, f"ung:{name} har '{key}' to gange.",
                                        "Skriv hvert argument én gang."))
                continue
            shortcode.arguments[argument] = value
        if spec.positional and spec.positional not in shortcode.arguments:
            example = ("knallert-og-cykel-udskoling --> med et id fra data/materials.yml" if spec.positional == "material"
                       else "ssp-keld-bjoerbaek --> med et id fra data/contacts.yml")
            problems.append(Problem(file, line, 0, f"ung:{name} mangler et id.",
                                    f"Skriv fx <!-- ung:{name} {example}."))
            continue
        unknown = [Problem(file, line, 0, f"Ukendt {_danish(argument)} '{value}' i ung:{name}.{foreign_letters(value)}",
                           _fix(argument, value, known[argument]))
                   for argument, value in shortcode.arguments.items() if value not in known[argument]]
        problems += unknown
        if not unknown and len(problems) == problems_before:
            found.append(shortcode)
    return found, problems


def live_markers(source: str) -> set[str]:
    """The text of every marker outside code: the ones Markdown passes on as comments."""
    return {match.group(0) for match in MARKER.finditer(mask_code(source))}


def _unreadable(text: str, opening) -> str:
    """What is wrong with a marker that starts `<!-- ung:` but does not parse."""
    start = opening.start()
    end = text.find("-->", start)
    next_comment = text.find("<!--", opening.end())
    if end == -1 or -1 < next_comment < end:
        return "Shortcoden bliver ikke lukket med -->, så resten af siden bliver skjult."
    inside = text[opening.end():end]
    if not re.match(r"<!--\s*ung:", opening.group(0)):
        return "Shortcoden kan ikke læses: skriv 'ung:' med små bogstaver og uden mellemrum."
    if "<" in inside:
        return "Shortcoden kan ikke læses: der står '<' inde i den."
    if ">" in inside:
        return "Shortcoden kan ikke læses: der står '>' inde i den."
    if inside.strip() and inside[:1].isspace():
        return "Shortcoden kan ikke læses: skriv navnet lige efter 'ung:' uden mellemrum."
    if not inside.strip():
        return "Shortcoden mangler sit navn efter 'ung:'."
    return "Shortcoden kan ikke læses."


# -- code, as Python-Markdown (with pymdownx.superfences) reads it -------------------------------

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})")
_CONTAINER = re.compile(r"(?:[-*+]|\d+[.)])(?:[ \t]|$)|(?:!!!|\?\?\?\+?)[ \t]|:[ \t]")
_INLINE_CODE = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
TAB = 4  # Python-Markdown's tab_length: a list item's or an admonition's text is indented 4


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def mask_code(source: str) -> str:
    """`source` with every character inside code replaced by a space (lines stay where they are).

    Fenced blocks may be indented (inside a list or an admonition); an indented block is code
    when it is indented 4 more than the list item or admonition it stands in, after a blank
    line. Front matter is left as it is.
    """
    front = FRONT_MATTER.match(source)
    head, body = (source[:front.end()], source[front.end():]) if front else ("", source)
    out, fence, containers, blank_before, indented = [], None, [0], True, False
    for line in body.split("\n"):
        expanded = line.expandtabs(TAB)
        text = expanded.lstrip(" ")
        indent = len(expanded) - len(text)
        if fence:
            out.append(_blank(line))
            if re.fullmatch(re.escape(fence[0]) + "{%d,}[ \t]*" % len(fence), text):
                fence = None
            continue
        if not text:
            out.append(line)
            blank_before = True
            continue
        if indented and indent >= containers[-1] + TAB:
            out.append(_blank(line))
            continue
        indented = False
        while len(containers) > 1 and indent < containers[-1] and (blank_before or _CONTAINER.match(text)):
            containers.pop()
        if blank_before and indent >= containers[-1] + TAB:
            indented = True
            out.append(_blank(line))
            blank_before = False
            continue
        blank_before = False
        opened = _FENCE_OPEN.match(text)
        if opened and not (opened.group(1)[0] == "`" and "`" in text[opened.end():]):
            fence = opened.group(1)
            out.append(_blank(line))
            continue
        if _CONTAINER.match(text):
            containers.append(indent + TAB)
        out.append(line)
    masked = "\n".join(out)
    return head + _INLINE_CODE.sub(lambda match: _blank(match.group(0)), masked)


def _danish(argument: str) -> str:
    return {"theme": "tema", "audience": "målgruppe", "contact": "kontakt-id", "material": "forløbs-id",
            "count": "antal"}[argument]


def _fix(argument: str, value: str, known: set[str]) -> str:
    if argument == "count":
        return f"Skriv antal={ALL} (alle kontakter) eller et tal fra 1 til {MAX_COUNT}."
    return look_alike_fix(value, known) + f"Brug en af: {', '.join(sorted(known))}."


def replace_markers(html: str, replace) -> str:
    """Replace markers, also where Markdown wrapped a lone marker in <p>…</p>."""
    html = re.sub(r"<p>\s*(" + MARKER.pattern + r")\s*</p>", lambda m: replace(MARKER.search(m.group(0))), html)
    return MARKER.sub(replace, html)
