"""QR codes for printed material, made at build time as SVG (segno: no request, no image file).

The payload is the page's full address on the live site (`site_url` + the page's path), so a
phone that scans a leaflet opens the theme page, and the wallet card opens "Få hjælp nu".
"""

from __future__ import annotations

import segno
from markupsafe import Markup

# Error correction M (15 %): survives a fold or a smudge on a printed page.
ERROR_CORRECTION = "m"


def page_address(site_url: str, path: str) -> str:
    """'https://www.ungvejen.dk/' + 'temaer/trafik/' -> 'https://www.ungvejen.dk/temaer/trafik/'."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def qr_svg(payload: str, title: str) -> Markup:
    """An inline <svg> of the QR code for `payload`, sized by its container (no quiet zone:
    the template leaves white space around it)."""
    code = segno.make(payload, error=ERROR_CORRECTION, micro=False)
    svg = code.svg_inline(scale=1, border=0, title=title, omitsize=True, dark="#000", light="#fff")
    return Markup(svg)


def qr_matrix(payload: str) -> list[list[bool]]:
    """The modules of the QR code for `payload` (dark = True), without the quiet zone."""
    code = segno.make(payload, error=ERROR_CORRECTION, micro=False)
    return [[bool(module) for module in row] for row in code.matrix]
