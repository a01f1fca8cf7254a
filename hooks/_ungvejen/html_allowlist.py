"""The HTML a page's text may contain: an allowlist of tags, attributes and URL schemes.

Editors write Markdown, and Markdown lets them write HTML. A page's converted HTML is read
with an HTML5 parser (selectolax, Lexbor) – the same way a browser reads it, so obfuscated
forms (`<img/src=x/onerror=…>`, `&#106;avascript:`, `java&#9;script:`) are seen as what
they are – and checked against what Markdown, our Markdown extensions and the diagrams we
draw produce. Anything else is a finding, which the hook turns into a build warning with
the page and the line: a script, a style, an event handler, an embedded frame, a `<base>` or
`<meta>` redirect, an image from another host, a `javascript:` or `file:` link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from selectolax.lexbor import LexborHTMLParser

TEXT_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
})
# Inline diagrams (docs/om-ssp.md and others): shapes and text, nothing that loads or runs.
SVG_TAGS = frozenset({
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "title", "desc", "defs", "marker",
})
# What the HTML parser adds around a fragment.
PARSER_WRAPPERS = frozenset({"html", "head", "body", "-text", "-comment", "#text", "#comment", "_comment", "_text"})
ALLOWED_TAGS = TEXT_TAGS | SVG_TAGS

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"})
ATTRIBUTE_PREFIXES = ("aria-", "data-")
ATTRIBUTES = MappingProxyType({
    "a": frozenset({"href", "download", "rel", "hreflang", "type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "blockquote": frozenset({"cite"}), "q": frozenset({"cite"}), "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}), "time": frozenset({"datetime"}), "details": frozenset({"open"}),
    "ol": frozenset({"start", "type", "reversed"}), "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers"}), "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
})
SVG_ATTRIBUTES = frozenset({
    "viewbox", "xmlns", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry",
    "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-linecap", "stroke-linejoin",
    "opacity", "fill-opacity", "stroke-opacity", "transform", "text-anchor", "dominant-baseline",
    "font-size", "font-weight", "font-family", "font-style", "marker-end", "marker-start", "markerwidth",
    "markerheight", "refx", "refy", "orient", "preserveaspectratio", "focusable", "dx", "dy",
})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "xlink:href", "action", "formaction", "poster", "srcset"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# What a browser ignores in a URL before it reads the scheme: ASCII tab and newlines anywhere,
# C0 controls and spaces at the ends (WHATWG URL) – "java&#9;script:" is "javascript:".
IGNORED_IN_URL = re.compile(r"[\t\n\r]")
C0_AND_SPACE = "".join(map(chr, range(0x21)))

SCRIPT_FIX = "Læg ikke script, stil eller indlejrede sider i teksten. Skriv almindelig Markdown; spørg en udvikler, hvis siden skal kunne noget nyt."


@dataclass(frozen=True)
class Finding:
    message: str                 # what is wrong, in Danish
    needles: tuple[str, ...]     # texts to look for in the Markdown source, to name the line
    fix: str

    def line_in(self, source: str) -> int:
        """The first line of the Markdown source that holds one of the needles (else 1)."""
        lower = source.lower()
        for needle in self.needles:
            position = lower.find(needle.lower()) if needle else -1
            if position >= 0:
                return source.count("\n", 0, position) + 1
        return 1


def shown(value: str) -> str:
    """A value as an editor can read it in a message: control characters made visible."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in value[:60])


def check_fragment(html: str) -> list[Finding]:
    """Everything in a page's HTML that is not on the allowlist, in document order."""
    findings: list[Finding] = []
    tree = LexborHTMLParser(html)
    root = tree.root
    if root is None:
        return findings
    for node in root.traverse(include_text=False):
        tag = (node.tag or "").lower()
        if tag in PARSER_WRAPPERS or tag.startswith(("-", "#", "_")):
            continue
        if tag not in ALLOWED_TAGS:
            findings.append(Finding(f"Elementet <{tag}> er ikke tilladt i en sides tekst.", (f"<{tag}",), SCRIPT_FIX))
            continue
        for name, value in (node.attributes or {}).items():
            findings += _check_attribute(tag, name.lower(), value or "")
    return findings


def _check_attribute(tag: str, name: str, value: str) -> list[Finding]:
    allowed = (name in GLOBAL_ATTRIBUTES or name.startswith(ATTRIBUTE_PREFIXES)
               or name in ATTRIBUTES.get(tag, ()) or (tag in SVG_TAGS and name in SVG_ATTRIBUTES))
    if not allowed:
        if name.startswith("on"):
            return [Finding(f"<{tag} {name}=…> kører kode, når siden bruges; det er ikke tilladt.", (name,), SCRIPT_FIX)]
        if name == "style":
            return [Finding(f"<{tag} style=…> er ikke tilladt (sidens sikkerhedsregel blokerer det).", ("style",),
                            "Brug en klasse fra docs/assets/stylesheets/ungvejen.css i stedet.")]
        return [Finding(f"Attributten {name} på <{tag}> er ikke tilladt i en sides tekst.", (name,),
                        "Fjern attributten, eller spørg en udvikler, om den kan tilføjes til listen over tilladte.")]
    if name in URL_ATTRIBUTES:
        problem = url_problem(tag, name, value)
        if problem:
            return [Finding(problem, (value.strip()[:40], f"{name}="),
                            "Brug en almindelig adresse: https://…, mailto:, tel:, sms: eller et link til en side på UngVejen.")]
    return []


def url_scheme(value: str) -> tuple[str, str]:
    """The URL as a browser reads it (what it ignores taken out) and its scheme in lower case,
    or "" for a relative URL: "java&#9;script:" (a tab, once unescaped) is "javascript"."""
    cleaned = IGNORED_IN_URL.sub("", value).strip(C0_AND_SPACE)
    scheme_match = SCHEME.match(cleaned.lower())
    return cleaned, scheme_match.group(1) if scheme_match else ""


def url_problem(tag: str, attribute: str, value: str) -> str | None:
    """Why a URL is not allowed here, or None. Links may go anywhere on the web; what the page
    loads by itself (images) must come from the site: no request may leave it."""
    cleaned, scheme = url_scheme(value)
    loads_by_itself = attribute in ("src", "srcset", "poster") or (tag in SVG_TAGS and attribute in ("href", "xlink:href"))
    if loads_by_itself:
        if scheme == "data" and tag == "img" and cleaned.lower().startswith("data:image/"):
            return None
        if scheme or cleaned.startswith(("//", "/\\", "\\")):
            return f"<{tag} {attribute}=\"{shown(value)}\"> henter noget fra en anden adresse end UngVejen."
        return None
    if scheme and scheme not in LINK_SCHEMES:
        return f"Adressen \"{shown(value)}\" (<{tag} {attribute}>) bruger '{scheme}:', som ikke er tilladt."
    return None
