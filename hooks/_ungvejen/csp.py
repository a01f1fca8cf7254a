"""The Content-Security-Policy and the other security headers, decided from the built HTML.

Pure functions, no MkDocs: `scan_site` reads every built page, collects the sha256 hash of
each inline script the browser runs and what the policy would silently block (inline event
handlers, `javascript:` URLs, scripts from other hosts, `style` attributes and `<style>`
elements); `security_headers` makes the headers from the hashes; `headers_file` and
`nginx_file` write them for static hosts (`_headers`) and for nginx (`_nginx_headers.conf`).
hooks/security_headers.py runs this once after both languages are built.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .html_allowlist import url_scheme

HEADERS_FILE = "_headers"
NGINX_FILE = "_nginx_headers.conf"
LONG_CACHE = "public, max-age=31536000, immutable"

# `type` values that make a <script> run (HTML: a JavaScript MIME type, "module", or empty);
# "importmap" and "speculationrules" are not JavaScript but CSP still checks them like scripts.
JAVASCRIPT_TYPES = frozenset({
    "", "module", "importmap", "speculationrules", "text/javascript", "application/javascript",
    "application/ecmascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
    "text/livescript", "text/x-ecmascript", "text/x-javascript",
})

# Only features this Chromium recognises (an unknown feature logs a console warning).
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "hid", "idle-detection", "interest-cohort",
    "local-fonts", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
    "publickey-credentials-get", "screen-wake-lock", "serial", "sync-xhr", "usb",
    "xr-spatial-tracking",
))


# Attributes whose javascript: URL a browser runs (an SVG link's too).
SCRIPT_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})


class _PageScan(HTMLParser):
    """Collects the inline scripts that run, and what the policy would block, in one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline_scripts: list[str] = []
        self.inline_styles: list[str] = []
        self.problems: list[str] = []
        self._open: tuple[str, bool] | None = None  # ("script" | "style", collect?)
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>. Sådan retter du: flyt koden til en script-fil")
            if name == "style":
                self.problems.append(f"<{tag} style=\"{value[:40]}\">. Sådan retter du: brug en klasse fra "
                                     "docs/assets/stylesheets/ungvejen.css")
            if name in SCRIPT_URL_ATTRIBUTES and url_scheme(value)[1] == "javascript":
                self.problems.append(f"<{tag} {name}=\"javascript:...\">. Sådan retter du: flyt koden til en script-fil")
        if tag == "script":
            source = values.get("src")
            if source is not None:
                parts = urlsplit(source.strip())
                if parts.scheme or parts.netloc:
                    self.problems.append(f"<script src=\"{source}\">. Sådan retter du: læg scriptet på siden selv "
                                         "(docs/assets/javascripts/)")
                self._open = ("script", False)
            else:
                kind = values.get("type", "").split(";")[0].strip().lower()
                self._open = ("script", kind in JAVASCRIPT_TYPES)
            self._text = []
        elif tag == "style":
            self._open = ("style", True)
            self._text = []

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            if self._open[1]:
                # Browsers hash the text after newline normalisation, encoded as UTF-8.
                text = "".join(self._text).replace("\r\n", "\n").replace("\r", "\n")
                (self.inline_scripts if tag == "script" else self.inline_styles).append(text)
            self._open = None


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script_hashes: list[str]) -> str:
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", "'wasm-unsafe-eval'", *script_hashes]),
        ("style-src", ["'self'"]),
        # Material's CSS draws its icons from data: SVGs (mask-image).
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'none'"]),
        ("form-action", ["'self'"]),
        ("frame-ancestors", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def security_headers(script_hashes: list[str]) -> list[tuple[str, str]]:
    return [
        ("Content-Security-Policy", content_security_policy(script_hashes)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]


def fingerprinted_assets(site: Path) -> list[str]:
    """Files that never change: Material's assets/**/*.<hash>.min.(js|css), Pagefind's chunks."""
    found = [f"/pagefind/{folder}/*" for folder in ("index", "fragment") if (site / "pagefind" / folder).is_dir()]
    for path in sorted(site.glob("assets/**/*.min.*")):
        name = path.name.split(".")
        if path.suffix in (".js", ".css") and len(name) >= 4 and len(name[-3]) >= 8 and all(
                c in "0123456789abcdef" for c in name[-3]):
            found.append("/" + path.relative_to(site).as_posix())
    return found


# A page with none of these needs no full parse: its inline scripts are read with INLINE_SCRIPT.
# The page is searched as UTF-8 bytes in ASCII lower case, as a browser reads tag and attribute
# names and URL schemes (str.lower() of a 10 MB page took half the scan's time).
# An attribute (`onclick=`, `style=`) is found by its literal name and then checked for what
# stands before it: white space, "/" or a quote (`<img/src=x/onerror=…>`, `src="x"onerror=…`
# both give the attribute); a pattern that starts with [\s/"'] is tried at every space of the
# page and took most of the scan's time.
EVENT_HANDLER = re.compile(rb"on[a-z]+\s*=")
STYLE_ATTRIBUTE = re.compile(rb"style\s*=")
BEFORE_AN_ATTRIBUTE = frozenset(b" \t\n\r\x0c/\"'")
# Each its own pattern: one pattern of alternatives loses the literal-prefix search and
# took twice as long.
SUSPECT_MARKUP = (
    re.compile(rb"<style[\s>]"),                             # a <style> element
    # a javascript: URL (or the words in text); a browser skips tabs and newlines in a URL
    re.compile(b"[\t\n\r]*".join(bytes([letter]) for letter in b"javascript:")),
    re.compile(rb"""<script[^>]*\ssrc\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//|/\\|\\)"""),  # a script
    #                                     from a URL with a scheme (https:, data:) or another host
    re.compile(rb"<!--(?:(?!-->).)*?<script", re.S),         # a script inside a comment (never runs)
)
# A character reference inside a URL attribute can hide "javascript:" (&#106;avascript:).
CHARACTER_REFERENCE = re.compile(rb"&(?:#|tab;|newline;|colon;)")
OPEN_URL_ATTRIBUTE = re.compile(rb"""(?:href|src|action)\s*=\s*["']?[^"'>\s]*$""")


def looks_suspect(text: str) -> bool:
    """Whether a page may hold something the policy blocks (then it gets the full parse)."""
    lower = text.encode("utf-8", "replace").lower()
    if any(pattern.search(lower) for pattern in SUSPECT_MARKUP):
        return True
    if any(OPEN_URL_ATTRIBUTE.search(lower, max(0, match.start() - 300), match.start())
           for match in CHARACTER_REFERENCE.finditer(lower)):
        return True
    return any(match.start() > 0 and lower[match.start() - 1] in BEFORE_AN_ATTRIBUTE
               for pattern in (EVENT_HANDLER, STYLE_ATTRIBUTE) for match in pattern.finditer(lower))


INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.I | re.S)
SRC_ATTRIBUTE = re.compile(r"\ssrc\s*=", re.I)
SCRIPT_TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.I)


class _FastScan:
    """The same result as _PageScan for a page with nothing suspect, ten times faster."""

    def __init__(self, text: str):
        self.problems: list[str] = []
        self.inline_styles: list[str] = []
        self.inline_scripts = [
            match["body"].replace("\r\n", "\n").replace("\r", "\n")
            for match in INLINE_SCRIPT.finditer(text)
            if not SRC_ATTRIBUTE.search(match["attrs"])
            and _script_type(match["attrs"]) in JAVASCRIPT_TYPES
        ]


def _script_type(attributes: str) -> str:
    match = SCRIPT_TYPE.search(attributes)
    return match["type"].split(";")[0].strip().lower() if match else ""


UNTRUSTED_SCRIPT_FIX = ("Sådan retter du: fjern scriptet – siden må kun køre det, som sidens skabeloner skriver; "
                        "kode hører hjemme i docs/assets/javascripts/")


def inline_scripts(text: str) -> list[str]:
    """The inline scripts a browser would run in an HTML text, as it hashes them."""
    scan = _PageScan()
    scan.feed(text)
    scan.close()
    return scan.inline_scripts


def scan_page(text: str, trusted: frozenset[str] | None = None) -> tuple[set[str], list[str]]:
    """The CSP hashes of a page's trusted inline scripts, and what the policy would block.

    `trusted` holds the scripts our templates write (from their source, not from the page):
    any other inline script is a problem and gets no hash, so the browser would not run it.
    With `trusted=None` every inline script is taken as it is.
    """
    if looks_suspect(text):
        scan = _PageScan()
        scan.feed(text)
        scan.close()
    else:
        scan = _FastScan(text)
    found = scan.problems + ["<style>. Sådan retter du: flyt reglerne til docs/assets/stylesheets/ungvejen.css"
                             for _ in scan.inline_styles]
    hashes = set()
    for script in scan.inline_scripts:
        if trusted is None or script in trusted:
            hashes.add(csp_hash(script))
        else:
            preview = " ".join(script.split())[:50]
            found.append(f"et indlejret script, som ikke kommer fra sidens skabeloner (<script>{preview}). "
                         + UNTRUSTED_SCRIPT_FIX)
    return hashes, sorted(set(found))


EVIDENCE = (
    re.compile(r"\(<script>(?P<text>.{1,50}?)\)\. Sådan"),    # an untrusted inline script: its first words
    re.compile(r'<script src="(?P<text>[^"]+)">'),        # a script from another host
    re.compile(r'style="(?P<text>[^"]{1,40})'),           # a style attribute
    re.compile(r"<\w+ (?P<text>on\w+)=\.\.\.>"),            # an inline handler
    re.compile(r'(?P<text>javascript):'),                 # a javascript: address
)


def evidence(problem: str) -> str:
    """The words of a `scan_page` problem to look for in the sources it may come from."""
    for pattern in EVIDENCE:
        match = pattern.search(problem)
        if match:
            return match["text"].strip()[:30]
    return ""


def source_line(problem: str, candidates: list[Path], root: Path) -> str | None:
    """`file:line` of the first candidate source that holds the problem's evidence – the
    Markdown page first, then the nav in mkdocs.yml and the templates – or None."""
    needle = " ".join(evidence(problem).split()).lower()
    if not needle:
        return None
    for path in candidates:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            if needle in " ".join(line.split()).lower():
                return f"{path.relative_to(root).as_posix()}:{number}"
    return None


def scan_site(site: Path, trusted: frozenset[str] | None = None,
              skip: frozenset[str] = frozenset()) -> tuple[list[str], dict[str, list[str]]]:
    """scan_page for every HTML file in the built site but those in `skip` (site-relative)."""
    hashes: set[str] = set()
    problems: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative in skip:
            continue
        page_hashes, found = scan_page(path.read_text(encoding="utf-8"), trusted)
        hashes |= page_hashes
        if found:
            problems[relative] = found
    return sorted(hashes), problems


def headers_file(headers: list[tuple[str, str]], long_cached: list[str]) -> str:
    lines = ["# Written by hooks/security_headers.py at build time. Do not edit.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers]
    for path in long_cached:
        lines += [path, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


# Headers that only mean something on a document the browser runs: sent by nginx on HTML,
# SVG and JavaScript (workers get their policy from their own response), not on CSS and
# images – about 1 KB less on each of a page's dozen requests (issue 10's weight budget).
DOCUMENT_ONLY = frozenset({"Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"})


def nginx_variable(name: str) -> str:
    return "$ungvejen_" + name.lower().replace("-", "_")


def nginx_file(headers: list[tuple[str, str]]) -> str:
    """`set` lines for the document-only headers (deploy/ungvejen.conf maps them by content
    type) and plain `add_header` lines for the headers every response carries."""
    lines = ["# Written by hooks/security_headers.py at build time. Do not edit.",
             "# Included by deploy/ungvejen.conf in the server block (reload nginx after publishing)."]
    for name, value in headers:
        if any(character in value for character in '"\\$\n'):
            raise ValueError(f"{name} cannot be written as an nginx string: {value!r}")
        if name in DOCUMENT_ONLY:
            lines.append(f'set {nginx_variable(name)} "{value}";')
            lines.append(f"add_header {name} {nginx_variable(name)}_for_documents always;")
        else:
            lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"
