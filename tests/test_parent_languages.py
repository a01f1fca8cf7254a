"""Issue 18: the parents' pages in Arabic, Ukrainian, Polish and Somali – honestly marked, only
their own pages built, a language switcher that leads only to pages that exist, contact cards
that say who is told in the page's language, search per language, axe-clean at phone and
desktop width."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from conftest import VIEWPORTS, stub_exit_page
from htmlkit import parse
from sitekit import ROOT, _EnvLoader

from _ungvejen.data import load_site_data
from _ungvejen.settings import read_settings
from _ungvejen.shortcode_html import known_values
from _ungvejen.shortcodes import find
from _ungvejen.translations import read_translation

LANGUAGES = {"ar": "rtl", "uk": "ltr", "pl": "ltr", "so": "ltr"}
NAMES = {"ar": "العربية", "uk": "Українська", "pl": "Polski", "so": "Soomaali"}
PAGES = ["", "om-ssp/", "tegn-og-samtale/", "temaer/individorienteret-forebyggelse/", "faa-hjaelp-nu/", "privatliv/"]
# A word each language's own pages use, and the script it is written in.
SEARCH_WORDS = {"ar": ("SSP", "ar/om-ssp/"), "uk": ("перекладача", "uk/"), "pl": ("tłumacza", "pl/"),
                "so": ("turjubaan", "so/")}
SCRIPT = {"ar": re.compile(r"[\u0600-\u06FF]"), "uk": re.compile(r"[\u0400-\u04FF]")}


def language_pages(site: Path, language: str) -> list[Path]:
    return sorted((site / language).rglob("index.html"))


def switcher_links(document) -> dict[str, str]:
    return {a.attrs["hreflang"]: a.attrs["href"] for a in document.find_all("a")
            if "md-select__link" in a.attrs.get("class", "")}


# ---- what is built --------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_parents_pages_are_built(site, language):
    """No Danish fallback tree under /ar/ ...: exactly the translated pages."""
    built = {page.relative_to(site / language).as_posix().removesuffix("index.html")
             for page in language_pages(site, language)}
    assert built == set(PAGES)
    assert not (site / language / "temaer" / "rusmidler").exists()
    # Nor lesson files: the pupil material and "hent det hele" are made in Danish and English
    # only (they once came in a copy per parents' language, all of them Danish).
    pdfs = sorted(path.name for path in (site / "undervisning" / "pdf").glob("*.pdf"))
    assert any(name.endswith("-elevmateriale.pdf") for name in pdfs) and any(name.endswith("-en.pdf") for name in pdfs)
    assert [name for name in pdfs if name.endswith(f"-{language}.pdf")] == []


@pytest.mark.parametrize("language, direction", LANGUAGES.items())
def test_lang_and_dir_on_every_page(site, language, direction):
    for page in language_pages(site, language) + [site / language / "404.html"]:
        document = parse(page)
        assert document.first("html").attrs["lang"] == language, page
        assert document.first("body").attrs["dir"] == direction, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_unreviewed_pages_show_the_notice_in_their_language_with_a_link_to_danish(site, language):
    for page in language_pages(site, language):
        document = parse(page)
        notices = [div for div in document.find_all("div") if "ung-translation-notice" in div.attrs.get("class", "")]
        assert len(notices) == 1, page
        link = notices[0].first("a")
        assert link.attrs["hreflang"] == "da"
        target = urljoin("/" + page.relative_to(site).as_posix(), link.attrs["href"])
        assert (site / target.lstrip("/") / "index.html").is_file(), f"{page}: {target}"
    english = (site / "om-ssp" / "index.html").read_text(encoding="utf-8")
    assert "ung-translation-notice" not in english


def test_the_notice_is_in_the_page_language(site):
    arabic = parse(site / "ar" / "om-ssp" / "index.html")
    notice = next(div for div in arabic.find_all("div") if "ung-translation-notice" in div.attrs.get("class", ""))
    assert SCRIPT["ar"].search(notice.text)
    ukrainian = parse(site / "uk" / "om-ssp" / "index.html")
    notice = next(div for div in ukrainian.find_all("div") if "ung-translation-notice" in div.attrs.get("class", ""))
    assert SCRIPT["uk"].search(notice.text)


# ---- the language switcher ------------------------------------------------------------------

@pytest.mark.parametrize("page", ["index.html", "temaer/rusmidler/index.html", "en/temaer/trafik/index.html",
                                  "ar/om-ssp/index.html", "uk/tegn-og-samtale/index.html", "so/privatliv/index.html"])
def test_the_switcher_leads_only_to_pages_that_exist(site, page):
    links = switcher_links(parse(site / page))
    assert set(links) == {"da", "en", *LANGUAGES}
    for language, href in links.items():
        target = urljoin("/" + page, href)
        assert (site / target.lstrip("/") / "index.html").is_file(), f"{page} → {language}: {target}"


def test_the_switcher_names_each_language_in_itself(site):
    document = parse(site / "temaer" / "rusmidler" / "index.html")
    names = {a.attrs["hreflang"]: a.text.strip() for a in document.find_all("a")
             if "md-select__link" in a.attrs.get("class", "")}
    assert {language: names[language] for language in NAMES} == NAMES


def test_a_translated_page_switches_to_its_own_copies_and_its_danish_source(site):
    links = switcher_links(parse(site / "ar" / "om-ssp" / "index.html"))
    assert urljoin("/ar/om-ssp/", links["uk"]) == "/uk/om-ssp/"
    assert urljoin("/ar/om-ssp/", links["da"]) == "/om-ssp/"
    assert urljoin("/ar/", switcher_links(parse(site / "ar" / "index.html"))["da"]) == "/til-foraeldre/"
    # A Danish page with no Arabic copy leads to the Arabic parents' start page.
    assert urljoin("/temaer/trafik/", switcher_links(parse(site / "temaer" / "trafik" / "index.html"))["ar"]) == "/ar/"


@pytest.mark.parametrize("page", ["index.html", "til-foraeldre/index.html", "en/kontakt/index.html"])
def test_danish_and_english_pages_link_to_the_other_languages(site, page):
    html = (site / page).read_text(encoding="utf-8")
    assert "ung-parent-languages" in html
    document = parse(html)
    links = {a.attrs.get("lang"): a for a in document.find_all("a") if a.attrs.get("hreflang") in LANGUAGES
             and "md-select__link" not in a.attrs.get("class", "")}
    assert {language: links[language].text.strip() for language in NAMES} == NAMES
    assert links["ar"].attrs["dir"] == "rtl"
    if not page.startswith("en/"):
        assert "Information til forældre på andre sprog" in html


def test_no_sitemap_entry_for_pages_that_are_not_built(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    arabic = set(re.findall(r'hreflang="ar" href="https://www\.ungvejen\.dk/([^"]*)"', sitemap))
    assert arabic == {f"ar/{page}" for page in PAGES}


# ---- the editors' report --------------------------------------------------------------------

def test_the_report_lists_translations_awaiting_review(site):
    report = (site / "redaktoer" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "Oversættelser til forældre" in report
    assert report.count("venter på tjek</td>") == 4 * len(PAGES)
    assert "docs/om-ssp.ar.md" in report


def test_every_translated_page_names_an_existing_danish_source():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        language = path.suffixes[-2].lstrip(".") if len(path.suffixes) > 1 else ""
        if language not in LANGUAGES:
            continue
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        translation, problems = read_translation(meta, str(path))
        assert translation is not None, problems
        for source in translation.sources:
            assert (ROOT / source).is_file(), f"{path}: {source}"


# ---- the contact cards on the parents' pages ------------------------------------------------

def contacts_on_pages(language: str, data, settings) -> dict[str, set[str]]:
    """Contact id -> the Markdown pages in `language` whose contact cards show it (ung:kontakt,
    ung:kontakter), read from the sources the way the build reads them."""
    shown: dict[str, set[str]] = {}
    for path in sorted((ROOT / "docs").rglob(f"*.{language}.md")):
        page = path.relative_to(ROOT).as_posix()
        shortcodes, problems = find(path.read_text(encoding="utf-8"), page, known_values(data, settings))
        assert not problems, problems
        for shortcode in shortcodes:
            if shortcode.name == "kontakt":
                contacts = [data.contacts[shortcode.arguments["contact"]]]
            elif shortcode.name == "kontakter":
                contacts = data.contacts_for(shortcode.arguments.get("theme"), shortcode.arguments.get("audience"))
            else:
                continue
            for contact in contacts:
                shown.setdefault(contact["id"], set()).add(page)
    return shown


def test_every_contact_card_on_a_parents_page_says_who_is_told_in_its_language():
    """A card's "Who is told?" is the honest answer about what is not anonymous: on a parents'
    page it must be in the page's language, not fall back to Danish (data/contacts.yml who_is_told)."""
    raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)["extra"]["ungvejen"]
    settings = read_settings(raw, ROOT / "mkdocs.yml", ROOT)
    data = load_site_data(ROOT)
    assert set(settings.parent_languages) == set(LANGUAGES)
    missing = {}
    for language in settings.parent_languages:
        shown = contacts_on_pages(language, data, settings)
        assert shown, f"{language}: no contact card found on its pages"
        for contact_id, pages in sorted(shown.items()):
            told = data.contacts[contact_id]["who_is_told"]
            text = told.get(language, "").strip()
            if not text or text == told["da"].strip() or (language in SCRIPT and not SCRIPT[language].search(text)):
                missing.setdefault(language, []).append(f"{contact_id} (shown on {', '.join(sorted(pages))})")
    assert not missing, f"data/contacts.yml: who_is_told lacks these parents' languages: {missing}"


# ---- in the browser: axe and search ---------------------------------------------------------

def test_the_axe_test_of_every_page_covers_every_parents_page(site):
    """axe runs on the parents' pages with every other page (tests/test_accessibility.py, phone
    and desktop, light and dark): no second run here, but a check that none is left out."""
    from test_accessibility import all_urls

    checked = set(all_urls(site))
    expected = {f"/{language}/{path}" for language in LANGUAGES for path in PAGES}
    assert len(expected) == len(LANGUAGES) * len(PAGES) >= 24
    assert expected <= checked, sorted(expected - checked)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_only_pages_in_the_language(browser, base_url, language):
    word, expected = SEARCH_WORDS[language]
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    stub_exit_page(context)
    page = context.new_page()
    page.goto(f"{base_url}/{language}/faa-hjaelp-nu/")
    page.click("[data-ung-search-open]")
    page.wait_for_function("() => document.querySelector('[data-ung-search-dialog]').open")
    page.fill("[data-ung-search-input]", word)
    page.wait_for_function("q => document.querySelector('[data-ung-search-message]').textContent.includes(q)",
                           arg=word, timeout=15000)
    found = [urlparse(href).path for href in
             page.eval_on_selector_all("[data-ung-search-results] [data-ung-search-link]", "links => links.map(a => a.href)")]
    context.close()
    assert found, f"{language}: nothing found for {word}"
    assert all(path.startswith(f"/{language}/") for path in found), found
    assert f"/{expected}" in found, found


# ---- the printable leaflet ------------------------------------------------------------------

LEAFLET_TEXT = {"ar": re.compile(r"[\u0600-\u06FF\uFE70-\uFEFF]{4}"), "uk": re.compile(r"[\u0400-\u04FF]{4}"),
                "pl": re.compile(r"rodziców|tłumacz"), "so": re.compile(r"Waalidiinta")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_one_page_leaflet_in_the_right_script_linked_from_the_start_page(site, language):
    from pypdf import PdfReader

    pdf = site / language / f"ungvejen-foraeldre-{language}.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert LEAFLET_TEXT[language].search(text), text[:300]
    assert "112" in text and "24 43 07 55" in text  # the numbers come from data/contacts.yml
    start = parse(site / language / "index.html")
    links = [a for a in start.find_all("a") if a.attrs.get("href") == pdf.name]
    assert len(links) == 1 and "PDF" in links[0].text
