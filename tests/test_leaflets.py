"""Issue 17: a one-page parents' leaflet per theme and the wallet card with the help numbers.

Every PDF is real and holds its title and the numbers it should; each QR code is read back
from the printed page (rasterised with pdftoppm) and must be exactly the code for the page's
address; the leaflets are linked from each theme's parents' section and from the events page;
a new theme in data/themes.yml gets its leaflet without anyone asking for it.
"""

from __future__ import annotations

import functools
import io
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from conftest import url_of
from htmlkit import parse
from sitekit import ROOT, make_project, run_build

from _ungvejen.data import load_site_data
from _ungvejen.formatting import phone_display
from _ungvejen.leaflets import parents_section, theme_source
from _ungvejen.paths import HELP_PAGE, leaflet_path, page_url, wallet_card_path
from _ungvejen.qr import qr_matrix
from _ungvejen.readability import lix

DATA = load_site_data(ROOT)
SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
LANGUAGES = ("da", "en")
PARENTS_TITLE = {"da": "Til forældre", "en": "For parents"}
THEMES = list(DATA.themes)


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def parent_numbers(theme: str) -> list[str]:
    return [phone_display(c[key]) for c in DATA.contacts_for(theme, "foraeldre") for key in ("phone", "sms") if c.get(key)]


def theme_address(theme: str, language: str) -> str:
    prefix = "" if language == "da" else f"{language}/"
    return SITE_URL.rstrip("/") + "/" + prefix + page_url(DATA.themes[theme]["page"])


# -- reading a QR code back from a printed PDF ---------------------------------------------------

@functools.lru_cache(maxsize=8)
def page_image(path: str, dpi: int) -> Image.Image:
    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png", "-singlefile", path],
                         capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("L")


def printed_qr_codes(path: Path, dpi: int = 150) -> list[tuple[str, Image.Image]]:
    """Each link on the first page with the picture under it: the QR code is a link to its own
    address, so the link's rectangle is where the code is printed."""
    page = PdfReader(path).pages[0]
    height, scale = float(page.mediabox.height), dpi / 72
    found = []
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/Subtype") != "/Link" or "/URI" not in annotation.get("/A", {}):
            continue
        xa, ya, xb, yb = (float(value) for value in annotation["/Rect"])
        box = (round(min(xa, xb) * scale), round((height - max(ya, yb)) * scale),
               round(max(xa, xb) * scale), round((height - min(ya, yb)) * scale))
        found.append((str(annotation["/A"]["/URI"]), page_image(str(path), dpi).crop(box)))
    return found


def encodes(image: Image.Image, payload: str) -> bool:
    """True when every module printed in `image` is the module of the QR code for `payload`."""
    expected = qr_matrix(payload)
    size = len(expected)
    width, height = image.size
    printed = [[image.getpixel((int((column + 0.5) * width / size), int((row + 0.5) * height / size))) < 128
                for column in range(size)] for row in range(size)]
    return printed == expected


def test_the_qr_reader_tells_codes_apart(site):
    [(uri, image), *_] = printed_qr_codes(site / leaflet_path("trafik", "da"))
    assert encodes(image, uri)
    assert not encodes(image, uri.replace("trafik", "rusmidler"))


# -- leaflets -------------------------------------------------------------------------------------

def test_there_is_a_leaflet_for_every_theme_and_language(site):
    assert len(THEMES) >= 8
    for theme in THEMES:
        for language in LANGUAGES:
            assert (site / leaflet_path(theme, language)).is_file(), (theme, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_a_leaflet_is_one_a4_page_with_title_text_and_numbers(site, theme, language):
    path = site / leaflet_path(theme, language)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842), "A4"
    _, text = pdf_text(path)
    title = DATA.themes[theme]["title"][language]
    assert " ".join(title.split()) in text
    assert PARENTS_TITLE[language].upper() in text.upper()
    numbers = parent_numbers(theme)
    assert numbers, f"{theme} has no contact for parents with a number"
    for number in numbers:
        assert number in text, (theme, language, number)
    assert "ung:" not in text and "](" not in text, "shortcodes and Markdown links do not reach the print"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme", THEMES)
def test_a_leaflets_qr_code_opens_the_theme_page(site, theme, language):
    codes = printed_qr_codes(site / leaflet_path(theme, language))
    address = theme_address(theme, language)
    assert codes and {uri for uri, _ in codes} == {address}
    assert all(encodes(image, address) for _, image in codes)


@pytest.mark.parametrize("theme", THEMES)
def test_a_leaflets_text_is_easy_to_read(theme):
    """The leaflet prints the parents' section of the theme page: LIX at most 40."""
    for language in ("da",):
        source = theme_source(ROOT / "docs", DATA.themes[theme]["page"], language, "da").read_text(encoding="utf-8")
        section = parents_section(source)
        assert section is not None, f"{DATA.themes[theme]['page']} has no parents' section"
        assert lix(section).score <= 40, (theme, lix(section).score)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_theme_page_links_its_leaflet_from_the_parents_section(site, language):
    prefix = "" if language == "da" else f"{language}/"
    for theme in THEMES:
        page = site / prefix / page_url(DATA.themes[theme]["page"]) / "index.html"
        html = page.read_text(encoding="utf-8")
        start = html.find('id="foraeldre"')
        assert start != -1, page
        end = html.find("<h2", start)
        section = html[start:end if end != -1 else len(html)]
        targets = {urljoin(url_of(site, page), href).lstrip("/") for href in re.findall(r'href="([^"]+)"', section)}
        assert leaflet_path(theme, language) in targets, (theme, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_events_page_links_every_leaflet_and_the_wallet_card(site, language):
    prefix = "" if language == "da" else f"{language}/"
    page = site / prefix / "arrangementer" / "index.html"
    targets = {urljoin(url_of(site, page), link.attrs.get("href", "")).lstrip("/")
               for link in parse(page).find_all("a") if "download" in link.attrs}
    expected = {leaflet_path(theme, language) for theme in THEMES} | {wallet_card_path(language)}
    assert expected <= targets, expected - targets


# -- the wallet card ------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wallet_card_has_every_help_number_and_a_code_to_get_help_now(site, language):
    path = site / wallet_card_path(language)
    pages, text = pdf_text(path)
    assert pages == 1
    assert {"da": "Få hjælp nu", "en": "Get help now"}[language] in text
    numbers = [phone_display(c["phone"]) for c in DATA.helpbar_contacts() if c.get("phone")]
    assert {"112", "114"} <= set(numbers) and len(numbers) >= 4
    for number in numbers:
        assert text.count(number) == 10, (number, "ten cards to a sheet")
    address = SITE_URL.rstrip("/") + "/" + ("" if language == "da" else "en/") + HELP_PAGE
    codes = printed_qr_codes(path)
    assert len({uri for uri, _ in codes}) == 1 and codes[0][0] == address
    assert sum(encodes(image, address) for _, image in codes) >= 10


# -- data-driven: a new theme gets a leaflet by itself ---------------------------------------------

NEW_THEME_PAGE = """\
---
title: Radikalisering
description: En side om radikalisering til test af forælderfolderen.
audiences: [unge, foraeldre]
theme: radikalisering
reviewed: 2026-11-20
---
# Radikalisering

Indledning.

## Til forældre {: #foraeldre data-audience="foraeldre" }

Tal med dit barn om det, det ser på nettet. Spørg, og lyt.

### Hvem kan du kontakte?

<!-- ung:kontakter tema=radikalisering målgruppe=foraeldre -->
"""


def test_a_new_theme_gets_its_leaflet(tmp_path):
    themes = (ROOT / "tests" / "fixtures" / "tiny" / "data" / "themes.yml").read_text(encoding="utf-8")
    themes += ('  - id: radikalisering\n    page: temaer/radikalisering.md\n'
               '    title: {da: "Radikalisering", en: "Radicalisation"}\n'
               '    search_words: {da: [radikalisering], en: [radicalisation]}\n')
    project = make_project(tmp_path, pages={"docs/temaer/radikalisering.md": NEW_THEME_PAGE},
                           data={"data/themes.yml": themes},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "temaer/radikalisering.md"]})
    result = run_build(project, tmp_path / "site", strict=False)
    assert result.ok, result.output[-3000:]
    pages, text = pdf_text(tmp_path / "site" / leaflet_path("radikalisering", "da"))
    assert pages == 1 and "Radikalisering" in text and "Tal med dit barn" in text
    assert "112" in text, "the contacts for parents of every theme ('alle') are on it"
