#!/usr/bin/env python3
"""Checks every internal link and #anchor in a built site, the way a browser would follow them.

    python scripts/check_links.py SITE_DIR [--site-url https://www.ungvejen.dk/]

Reads every HTML file under SITE_DIR and follows each `href`/`src`/`srcset` (a, link, script,
img, source, iframe, area, form action) and every <loc>/hreflang link in sitemap.xml:
- the target must exist in the built site (`x/` means `x/index.html`);
- a `#fragment` must name an element (`id`, or `name` on <a>) in the target page.
Links to other hosts, mailto:, tel: and data: are not followed. Absolute links to the site's
own address (`--site-url`; by default the canonical URL of SITE_DIR/index.html) are checked
as internal links. Prints one line per problem and exits 1 if there is any, 0 otherwise.
Used by scripts/publish.sh before a release may go live; needs only the standard library.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LOCAL = "http://site.invalid/"
LINK_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "script": ("src",), "img": ("src", "srcset"),
    "source": ("src", "srcset"), "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "embed": ("src",), "form": ("action",),
}
NOT_FOLLOWED = ("mailto:", "tel:", "sms:", "data:", "javascript:", "blob:")


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag.attribute, value)
    canonical: str | None = None


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.ids.add(values["name"])
        if tag == "link" and values.get("rel", "").lower() == "canonical":
            self.page.canonical = values.get("href")
        for attribute in LINK_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.links.append((f"{tag}.{attribute}", candidate.split()[0]))
            else:
                self.page.links.append((f"{tag}.{attribute}", value))

    handle_startendtag = handle_starttag


def parse(path: Path) -> Page:
    page = Page()
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return page


class Checker:
    def __init__(self, site: Path, site_url: str | None):
        self.site = site
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.pages: dict[str, Page] = {}
        self.problems: list[str] = []
        self.checked_links = 0
        self.checked_anchors = 0

    def page(self, relative: str) -> Page:
        if relative not in self.pages:
            self.pages[relative] = parse(self.site / relative)
        return self.pages[relative]

    def target_file(self, path: str) -> str | None:
        """The built file a URL path is served from (as a web server would), or None."""
        relative = unquote(path).lstrip("/")
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        candidate = self.site / relative
        if candidate.is_file():
            return relative
        if candidate.is_dir() and (candidate / "index.html").is_file():
            return f"{relative}/index.html"  # the server redirects x -> x/
        return None

    def check(self, source: str, where: str, value: str, base: str) -> None:
        value = value.strip()
        if not value or value.lower().startswith(NOT_FOLLOWED):
            return
        url = urljoin(base, value)
        if self.site_url and url.startswith(self.site_url):
            url = LOCAL + url[len(self.site_url):]
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != LOCAL:
            return  # another host
        self.checked_links += 1
        target = self.target_file(parts.path)
        if target is None:
            self.problems.append(f"{source}: {where}=\"{value}\" – {parts.path} does not exist in the built site")
            return
        if parts.fragment and target.endswith(".html"):
            self.checked_anchors += 1
            fragment = unquote(parts.fragment)
            if fragment not in self.page(target).ids:
                self.problems.append(f"{source}: {where}=\"{value}\" – {target} has no element with id \"{fragment}\"")

    def run(self) -> list[str]:
        html_files = sorted(path.relative_to(self.site).as_posix() for path in self.site.rglob("*.html"))
        if not html_files:
            return [f"{self.site}: no HTML files – is this a built site?"]
        if self.site_url is None and "index.html" in html_files:
            canonical = self.page("index.html").canonical
            self.site_url = canonical.rstrip("/") + "/" if canonical and "://" in canonical else None
        for relative in html_files:
            for where, value in self.page(relative).links:
                self.check(relative, where, value, LOCAL + relative)
        self.check_sitemap()
        return self.problems

    def check_sitemap(self) -> None:
        sitemap = self.site / "sitemap.xml"
        if not sitemap.is_file() or not self.site_url:
            return
        try:
            root = ElementTree.parse(sitemap).getroot()
        except ElementTree.ParseError as error:
            self.problems.append(f"sitemap.xml: not valid XML ({error})")
            return
        for element in root.iter():
            name = element.tag.rsplit("}", 1)[-1]
            value = element.text if name == "loc" else element.get("href") if name == "link" else None
            if value:
                self.check("sitemap.xml", name, value, self.site_url)


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("site", type=Path, help="the built site folder")
    arguments.add_argument("--site-url", help="the site's public address (default: canonical URL of index.html)")
    options = arguments.parse_args(argv)
    if not options.site.is_dir():
        print(f"check_links: {options.site} is not a folder", file=sys.stderr)
        return 2
    checker = Checker(options.site.resolve(), options.site_url)
    problems = checker.run()
    for problem in problems:
        print(problem)
    summary = (f"check_links: {len(checker.pages)} HTML files, {checker.checked_links} internal links, "
               f"{checker.checked_anchors} anchors checked – {len(problems)} problem(s)")
    print(summary, file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
