"""_ungvejen.sitemap: unlisted pages taken out of a built sitemap.xml."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from _ungvejen.sitemap import SITEMAP, XHTML, gzipped, without_pages

BUILT = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <url>
         <loc>https://x.dk/a/</loc>
         <lastmod>2026-11-20</lastmod>
         <xhtml:link rel="alternate" hreflang="da" href="https://x.dk/a/"/>
         <xhtml:link rel="alternate" hreflang="en" href="https://x.dk/en/a/"/>
    </url>
    <url>
         <loc> https://x.dk/en/a/ </loc>
    </url>
    <url>
         <loc>https://x.dk/redaktoer/</loc>
    </url>
    <url>
         <loc>https://x.dk/b/</loc>
    </url>
</urlset>
"""


def locations_and_links(sitemap: bytes):
    root = ET.fromstring(sitemap)
    return [(entry.findtext(f"{{{SITEMAP}}}loc").strip(),
             [link.get("href") for link in entry.findall(f"{{{XHTML}}}link")])
            for entry in root.findall(f"{{{SITEMAP}}}url")]


def test_unlisted_pages_and_links_to_them_are_removed():
    out = without_pages(BUILT, {"https://x.dk/en/a/", "https://x.dk/redaktoer/"})
    assert locations_and_links(out) == [("https://x.dk/a/", ["https://x.dk/a/"]), ("https://x.dk/b/", [])]
    assert out.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<urlset xmlns=\"http://www.sitemaps.org/")
    assert b'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in out
    assert b"ns0:" not in out and b"<lastmod>2026-11-20</lastmod>" in out
    assert out.endswith(b"</urlset>\n")


def test_nothing_unlisted_keeps_every_entry():
    assert [loc for loc, _ in locations_and_links(without_pages(BUILT, set()))] == [
        "https://x.dk/a/", "https://x.dk/en/a/", "https://x.dk/redaktoer/", "https://x.dk/b/"]


def test_gzipped_is_reproducible():
    content = without_pages(BUILT, set())
    packed = gzipped(content)
    assert gzip.decompress(packed) == content
    assert packed[4:8] == b"\x00\x00\x00\x00"  # no time stamp
    assert gzipped(content) == packed
