"""Leave pages out of a built sitemap.xml: pages that ask not to be indexed, and fallback pages
(Danish text under /en/ is not an English page).

The sitemap that MkDocs and mkdocs-static-i18n write is read with an XML parser, the
`<url>` entries of the unlisted pages and the hreflang links that point to them are
removed, and the file is written back – instead of keeping a copy of their template.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def without_pages(sitemap: bytes, unlisted: set[str]) -> bytes:
    """The sitemap with every entry whose `<loc>` is in `unlisted` removed."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.fromstring(sitemap)
    for entry in list(root.findall(f"{{{SITEMAP}}}url")):
        location = entry.findtext(f"{{{SITEMAP}}}loc", default="").strip()
        if location in unlisted:
            root.remove(entry)
            continue
        for link in list(entry.findall(f"{{{XHTML}}}link")):
            if link.get("href", "").strip() in unlisted:
                entry.remove(link)
    ET.indent(root, space="    ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def gzipped(content: bytes) -> bytes:
    """Like MkDocs' sitemap.xml.gz: the same bytes, with no time stamp inside."""
    return gzip.compress(content, mtime=0)
