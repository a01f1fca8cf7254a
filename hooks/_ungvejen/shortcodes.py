"""Shortcodes: `<!-- ung:NAME [id] [key=value ...] -->` markers in Markdown.

An HTML comment reads cleanly where no hook runs. The grammar is small and strict: an
unknown shortcode, argument or value is a problem naming page and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from .problems import Problem

MARKER = re.compile(r"<!--\s*ung:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->")
ARGUMENT_NAMES = MappingProxyType({"tema": "theme", "målgruppe": "audience", "maalgruppe": "audience"})


@dataclass(frozen=True)
class Spec:
    arguments: frozenset = frozenset()
    positional: str | None = None  # what a single positional value means


SPECS = MappingProxyType({
    "kontakter": Spec(frozenset({"theme", "audience"})),
    "kontakt": Spec(positional="contact"),
    "materialer": Spec(frozenset({"theme"})),
    "arrangementer": Spec(frozenset({"theme"})),
})


@dataclass
class Shortcode:
    name: str
    line: int
    arguments: dict = field(default_factory=dict)
    text: str = ""


def find(source: str, file: str, known: dict[str, set[str]]) -> tuple[list[Shortcode], list[Problem]]:
    """The valid shortcodes of a page's source, and the problems of the others (the source
    includes the front matter, so lines match the file)."""
    found, problems = [], []
    for match in MARKER.finditer(source):
        problems_before = len(problems)
        line = source.count("\n", 0, match.start()) + 1
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
            problems.append(Problem(file, line, 0, f"ung:{name} mangler et id.",
                                    f"Skriv fx <!-- ung:{name} ssp-keld-bjoerbaek --> med et id fra data/contacts.yml."))
            continue
        unknown = [Problem(file, line, 0, f"Ukendt {_danish(argument)} '{value}' i ung:{name}.",
                           f"Brug en af: {', '.join(sorted(known[argument]))}.")
                   for argument, value in shortcode.arguments.items() if value not in known[argument]]
        problems += unknown
        if not unknown and len(problems) == problems_before:
            found.append(shortcode)
    return found, problems


def _danish(argument: str) -> str:
    return {"theme": "tema", "audience": "målgruppe", "contact": "kontakt-id"}[argument]


def replace_markers(html: str, replace) -> str:
    """Replace markers, also where Markdown wrapped a lone marker in <p>…</p>."""
    html = re.sub(r"<p>\s*(" + MARKER.pattern + r")\s*</p>", lambda m: replace(MARKER.search(m.group(0))), html)
    return MARKER.sub(replace, html)
