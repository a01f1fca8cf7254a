"""Issue 2: both language trees, html lang, language switcher, meta description, no other hosts."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import built_pages, public_pages, url_of
from htmlkit import parse


# Issue 18: the parents' languages have only a few pages each (tests/test_parent_languages.py).
PARENT_LANGUAGES = ("ar", "uk", "pl", "so")
OTHER_LANGUAGES = ("en", *PARENT_LANGUAGES)


def tree_language(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in OTHER_LANGUAGES else "da"


def danish_pages(site: Path) -> list[Path]:
    return [page for page in built_pages(site) if tree_language(site, page) == "da"]


def test_every_page_exists_in_both_languages(site):
    danish = {url_of(site, page) for page in danish_pages(site)}
    english = {url_of(site, page).removeprefix("/en") for page in built_pages(site) if url_of(site, page).startswith("/en/")}
    assert len(danish) >= 25
    assert danish == english


def test_html_lang_matches_the_tree(site):
    pages = built_pages(site)
    assert len(pages) > 50
    for page in pages:
        html = parse(page).first("html")
        assert html.attrs["lang"] == tree_language(site, page), url_of(site, page)


def test_language_switcher_points_to_the_same_page_in_the_other_language(site):
    pages = built_pages(site)
    assert len(pages) > 50
    for page in pages:
        if tree_language(site, page) in PARENT_LANGUAGES:
            continue  # their switcher: tests/test_parent_languages.py
        url = url_of(site, page)
        links = {a.attrs["hreflang"]: a.attrs["href"] for a in parse(page).with_class("md-select__link")}
        assert set(links) == {"da", "en", *PARENT_LANGUAGES}, url
        danish_url = url.removeprefix("/en")
        assert urljoin(url, links["da"]) == danish_url, url
        assert urljoin(url, links["en"]) == "/en" + danish_url, url


def test_every_page_has_its_own_meta_description(site):
    descriptions = {}
    pages = public_pages(site)
    assert len(pages) > 50
    for page in pages:
        meta = parse(page).first("meta", name="description")
        assert meta is not None and len(meta.attrs["content"]) >= 40, url_of(site, page)
        descriptions.setdefault(meta.attrs["content"], []).append(url_of(site, page))
    shared = {text: urls for text, urls in descriptions.items() if len(urls) > 1}
    assert not shared, f"pages share a description: {shared}"


ASSET_ATTRIBUTES = {"script": "src", "img": "src", "source": "src", "iframe": "src", "audio": "src", "video": "src",
                    "link": "href", "object": "data", "embed": "src"}


def _is_other_host(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.netloc) or url.startswith("//")


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    pages, stylesheets, checked = list(site.rglob("*.html")), list(site.rglob("*.css")), Counter()
    assert len(pages) > 50 and len(stylesheets) >= 3
    for page in pages:
        for element in parse(page).elements:
            attribute = ASSET_ATTRIBUTES.get(element.tag)
            if not attribute or attribute not in element.attrs:
                continue  # not an element that loads something
            if element.tag == "link" and element.attrs.get("rel") in ("canonical", "alternate"):
                continue  # links to addresses, loads nothing
            checked[element.tag] += 1
            if _is_other_host(element.attrs[attribute]):
                offenders.append((page.relative_to(site).as_posix(), element.tag, element.attrs[attribute]))
        text = page.read_text(encoding="utf-8")
        # Inline styles: any url() to another host, with a scheme or protocol-relative (//host/…).
        offenders += [(page.name, "style", match) for match in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", text)]
    # Every page's own scripts and stylesheets were looked at.
    assert checked["script"] >= 2 * len(pages) and checked["link"] >= 2 * len(pages), checked
    for stylesheet in stylesheets:
        for match in re.findall(r"(?:url\(|@import\s+)['\"]?((?:https?:)?//[^'\")\s]+)", stylesheet.read_text(encoding="utf-8")):
            offenders.append((stylesheet.name, "css", match))
    assert not offenders, offenders[:10]


def test_no_google_fonts_or_cdn_anywhere(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr", "googletagmanager"):
            assert host not in text, (page, host)


def test_404_page_in_both_languages(site):
    for path, language, text in (("404.html", "da", "Siden findes ikke"), ("en/404.html", "en", "Page not found"),
                                 ("ar/404.html", "ar", "الصفحة غير موجودة"), ("pl/404.html", "pl", "Nie znaleziono strony")):
        document = parse(site / path)
        assert document.first("html").attrs["lang"] == language
        assert text in (site / path).read_text(encoding="utf-8")
        links = {a.attrs["hreflang"]: a.attrs["href"] for a in document.with_class("md-select__link")}
        assert links == {"da": "/", "en": "/en/", **{other: f"/{other}/" for other in PARENT_LANGUAGES}}
