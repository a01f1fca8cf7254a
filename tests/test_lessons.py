"""Issue 6: lesson PDFs made at build time, the catalogue with sizes and filters, printing."""

from __future__ import annotations

import io
from urllib.parse import urljoin

import pytest
import yaml
from pypdf import PdfReader

from conftest import axe_violations, built_pages, url_of
from htmlkit import parse
from sitekit import ROOT

from _ungvejen.formatting import size_label

MATERIALS = yaml.safe_load((ROOT / "data" / "materials.yml").read_text(encoding="utf-8"))["materials"]


def page_title(lesson: str) -> str:
    text = (ROOT / "docs" / lesson).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])["title"]


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join((page.extract_text() or "") for page in reader.pages)


def test_every_download_link_is_a_real_pdf_with_the_lesson_title(site):
    titles = {f"undervisning/pdf/{m['id']}.pdf": page_title(m["lesson"]) for m in MATERIALS if m.get("lesson")}
    assert titles, "data/materials.yml lists no lesson with a page: nothing to check"
    checked = set()
    for page in built_pages(site):
        url = url_of(site, page)
        for link in parse(page).find_all("a"):
            href = link.attrs.get("href", "")
            if "download" not in link.attrs or not href.endswith(".pdf"):
                continue
            target = urljoin(url, href).lstrip("/")
            assert (site / target).is_file(), (url, href)
            pages, text = pdf_text((site / target).read_bytes())
            assert pages >= 1
            assert " ".join(titles[target].split()) in " ".join(text.split()), target
            checked.add(target)
    assert checked == set(titles), set(titles) - checked


@pytest.mark.parametrize("catalogue", ["undervisning/index.html", "en/undervisning/index.html"])
def test_catalogue_lists_every_material_with_its_size(site, catalogue):
    document = parse(site / catalogue)
    items = document.with_class("ung-material")
    assert MATERIALS and len(items) == len(MATERIALS)
    for material in MATERIALS:
        size = (site / "undervisning" / "pdf" / f"{material['id']}.pdf").stat().st_size
        heading = document.first("h3", id=f"materiale-{material['id']}")
        assert heading is not None, material["id"]
        language = "en" if catalogue.startswith("en/") else "da"
        assert heading.text.strip() == material["title"][language]
        facts = " ".join(e.text for e in document.find_all("dd"))
        assert f"PDF, {size_label(size, language)}" in facts


def test_catalogue_without_javascript_is_grouped_by_theme(new_page, base_url):
    page = new_page(javascript=False)
    page.goto(base_url + "/undervisning/")
    assert page.locator("[data-ung-filters]").is_hidden()
    groups = page.locator("[data-ung-group] h2").all_inner_texts()
    assert len(groups) == len({m["theme"] for m in MATERIALS})
    assert page.locator(".ung-material").count() == len(MATERIALS)


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_catalogue_filters_announce_the_count_and_pass_axe(new_page, base_url, viewport):
    page = new_page(viewport)
    page.goto(base_url + "/undervisning/")
    assert axe_violations(page) == []
    page.select_option("[data-ung-filter=grade]", "udskoling")
    expected = sum("udskoling" in m["grades"] for m in MATERIALS)
    assert page.locator(".ung-material:visible").count() == expected
    assert page.locator("[data-ung-count]").inner_text() == f"{expected} materialer vises"
    assert page.locator("[data-ung-count]").get_attribute("aria-live") == "polite"
    assert axe_violations(page) == []
    page.select_option("[data-ung-filter=theme]", "overgreb")
    assert page.locator(".ung-material:visible").count() == 0
    assert page.locator("[data-ung-count]").inner_text() == "0 materialer vises"
    page.select_option("[data-ung-filter=grade]", "")
    assert page.locator(".ung-material:visible").count() == sum(m["theme"] == "overgreb" for m in MATERIALS)
    assert page.locator("[data-ung-group]:visible").count() == 1
    assert axe_violations(page) == []


def test_printed_lesson_has_no_navigation_help_bar_or_exit(new_page, base_url):
    page = new_page()
    page.goto(base_url + "/undervisning/rusmidler-udskoling/")
    page.emulate_media(media="print")
    pages, text = pdf_text(page.pdf(format="A4"))
    assert pages >= 1
    assert "Undervisningsforløb" in text
    for chrome in ("Forlad siden hurtigt", "Få hjælp nu:", "Mere hjælp", "Gå til indhold", "Privatliv og cookies",
                   "Indholdsfortegnelse", "Tilgængelighedserklæring"):
        assert chrome not in text, chrome
    # Link addresses are printed after the link text: web links and phone numbers alike.
    printed = " ".join(text.split())
    assert "(https://netstof.dk/)" in printed, "a web link's address is printed after it"
    assert "(tel:" in printed, "a phone link's number is printed after it"


# -- issue 14: a lesson PDF embeds only files from the site itself ------------------------------

HOSTILE_LESSON = """\
---
title: Lektion
description: En lektion til test af, hvad en PDF må hente.
audiences: [fagpersoner]
reviewed: 2026-11-20
---
# Lektion

Tekst til lektionen.

<a rel="attachment" href="file:///etc/passwd">Bilag</a>

<img src="file:///etc/hostname" alt="Værtsnavn">

<img src="http://127.0.0.1:9/billede.png" alt="Fjernt billede">

![Tegning fra siden](tegning.png)
"""
LESSON_MATERIAL = """\
materials:
  - id: lektion
    title: {da: "Lektion", en: "Lesson"}
    theme: rusmidler
    grades: [udskoling]
    duration_minutes: 45
    format: pdf
    language: da
    lesson: undervisning/lektion.md
    curriculum: {subject: tvaerfagligt}
"""
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082")


def embedded_files(reader: PdfReader) -> list[bytes]:
    """Files in a PDF: the document's attachments and the pages' file-attachment annotations
    (WeasyPrint makes one for <a rel="attachment">)."""
    found = [content for contents in reader.attachments.values() for content in contents]
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment":
                found.append(annotation["/FS"].get_object()["/EF"]["/F"].get_object().get_data())
    return found


def test_a_lesson_pdf_embeds_no_files_from_the_computer_or_the_net(tmp_path):
    from sitekit import make_project, run_build

    project = make_project(tmp_path, pages={"docs/undervisning/lektion.md": HOSTILE_LESSON,
                                            "docs/undervisning/lektion.en.md": HOSTILE_LESSON},
                           data={"data/materials.yml": LESSON_MATERIAL},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "undervisning/lektion.md"]})
    (project / "docs" / "undervisning" / "tegning.png").write_bytes(PNG)
    strict = run_build(project, tmp_path / "strict")
    assert not strict.ok and "Traceback" not in strict.output, strict.output[-3000:]
    for url, line in (("file:///etc/passwd", 11), ("file:///etc/hostname", 13), ("http://127.0.0.1:9/billede.png", 15)):
        expected = f"WARNING -  docs/undervisning/lektion.md:{line}: PDF'en for lektionen må ikke hente '{url}'"
        assert any(text.startswith(expected) and "Sådan retter du" in text for text in strict.output.splitlines()), \
            f"{expected!r} not in:\n{strict.output[-3000:]}"
    assert "tegning.png" not in strict.output
    again = run_build(project, tmp_path / "again")  # a PDF that refused something is not cached
    assert not again.ok and "må ikke hente 'file:///etc/passwd'" in again.output
    loose = run_build(project, tmp_path / "loose", strict=False)
    reader = PdfReader(io.BytesIO((tmp_path / "loose" / "undervisning" / "pdf" / "lektion.pdf").read_bytes()))
    assert embedded_files(reader) == []
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "root:" not in text and "Tekst til lektionen" in text
    assert sum(len(page.images) for page in reader.pages) == 1  # tegning.png from docs/
