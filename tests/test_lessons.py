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
    checked, linked = set(), set()
    for page in built_pages(site):
        url = url_of(site, page)
        for link in parse(page).find_all("a"):
            href = link.attrs.get("href", "")
            if "download" not in link.attrs or not href.endswith(".pdf"):
                continue
            target = urljoin(url, href).lstrip("/")
            assert (site / target).is_file(), (url, href)
            linked.add(target)
            if target in titles and target not in checked:
                pages, text = pdf_text((site / target).read_bytes())
                assert pages >= 1
                assert " ".join(titles[target].split()) in " ".join(text.split()), target
                checked.add(target)
    assert checked == set(titles), set(titles) - checked
    for target in linked - checked:  # pupil material, "hent det hele", leaflets, wallet card
        pages, _ = pdf_text((site / target).read_bytes())
        assert pages >= 1, target


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


# -- issue 17: pupil material, curriculum, evaluation, differentiation, the catalogue's filters ---

from _ungvejen.data import load_site_data  # noqa: E402
from _ungvejen.paths import bundle_path, pupil_pdf_path  # noqa: E402

SITE_DATA = load_site_data(ROOT)
LESSONS = [m for m in MATERIALS if m.get("lesson")]
SECTIONS = {  # every lesson page states these (Danish and English)
    "da": ["Om forløbet", "Evaluering", "Differentiering", "Elever, der har brug for mere støtte",
           "Elever, der har brug for mere udfordring", "rammer en elev personligt", "Hvis en elev betror sig til dig"],
    "en": ["About the lesson", "Evaluation", "Differentiation", "who need more support", "who need more challenge",
           "affects a pupil personally", "confides in you"],
}
SECTIONS_INDSKOLING = {"da": ["Børn, der har brug for mere støtte", "Børn, der har brug for mere udfordring",
                              "rammer et barn personligt"],
                       "en": ["Children who need more support", "Children who need more challenge",
                              "affects a child personally"]}


def flat(text: str) -> str:
    return " ".join(text.split())


def test_there_are_at_least_nine_lessons_each_with_pupil_material_and_a_curriculum():
    assert len(LESSONS) >= 9
    themes = {m["theme"] for m in LESSONS}
    assert {"sociale-medier", "trafik", "alkohol-og-opioider"} <= themes
    assert any(m["theme"] == "sociale-medier" and "udskoling" in m["grades"] for m in LESSONS)
    for material in LESSONS:
        assert material["id"] in SITE_DATA.pupil, f"{material['id']} has no pupil material"
        curriculum = material["curriculum"]
        if curriculum["subject"] != "tvaerfagligt":
            assert curriculum["areas"] and curriculum["goals"] and curriculum["sources"], material["id"]
            assert all(source["url"].startswith(("https://www.emu.dk/", "https://www.uvm.dk/"))
                       for source in curriculum["sources"])


def test_every_quiz_has_both_true_and_false_statements():
    quizzes = [(material_id, part) for material_id, pupil in SITE_DATA.pupil.items()
               for part in pupil["parts"] if part["kind"] == "quiz"]
    assert len(quizzes) >= 5
    for material_id, quiz in quizzes:
        answers = {question["answer"] for question in quiz["questions"]}
        assert answers == {"sandt", "falsk"}, material_id


def test_the_moped_lesson_teaches_first_aid_and_the_right_age_for_a_large_moped():
    pupil = SITE_DATA.pupil["knallert-og-cykel-udskoling"]
    kinds = {part["kind"] for part in pupil["parts"]}
    assert {"quiz", "cards", "story"} <= kinds
    text = yaml.safe_dump(pupil, allow_unicode=True)
    assert "sideleje" in text.lower() and "[tlf:alarm-112]" in text
    [age] = [q for part in pupil["parts"] if part["kind"] == "quiz" for q in part["questions"]
             if "stor knallert" in q["statement"]["da"]]
    assert "16" in age["statement"]["da"] and age["answer"] == "falsk" and "18 år" in age["explanation"]["da"]
    for language in ("da", "en"):
        page = (ROOT / "docs" / "undervisning" / f"knallert-og-cykel-udskoling{'' if language == 'da' else '.en'}.md")
        source = page.read_text(encoding="utf-8")
        assert ("Førstehjælp ved en ulykke" if language == "da" else "First aid at an accident") in source
        assert "falck.dk/foerstehjaelp/film/sideleje" in source, "first aid facts cite their source"
        assert "16 år og have kørekort til stor" not in source and "must be 16" not in source


@pytest.mark.parametrize("language", ["da", "en"])
def test_pupil_material_is_a_real_pdf_with_its_title_and_answer_key(site, language):
    for material in LESSONS:
        pupil = SITE_DATA.pupil[material["id"]]
        pages, text = pdf_text((site / pupil_pdf_path(material["id"], language)).read_bytes())
        text = flat(text)
        assert pages >= 1
        assert flat(pupil["title"][language]) in text, material["id"]
        for part in pupil["parts"]:
            assert flat(part["title"][language]) in text, (material["id"], part["kind"])
        assert "[tlf:" not in text, "numbers come from data/contacts.yml"
        kinds = {part["kind"] for part in pupil["parts"]}
        if "cards" in kinds:
            assert {"da": "Klip langs de stiplede linjer", "en": "Cut along the dashed lines"}[language] in text
        if "quiz" in kinds:
            key = {"da": "Facitliste til læreren", "en": "Answer key for the teacher"}[language]
            assert key in text, material["id"]
            after_key = text[text.index(key):]
            for answer in ({"da": ("Sandt", "Falsk"), "en": ("True", "False")}[language]):
                assert answer in after_key, (material["id"], answer)


def test_indskoling_material_is_printed_in_large_type(site):
    from pypdf import PdfReader

    def largest_body_size(path):
        sizes = []
        PdfReader(path).pages[1].extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.append(size * tm[0])
                                              if text.strip() else None)
        return sorted(sizes)[len(sizes) // 2]  # the median: body text, not headings

    large = largest_body_size(site / pupil_pdf_path("min-krop-mine-graenser-indskoling", "da"))
    normal = largest_body_size(site / pupil_pdf_path("rusmidler-udskoling", "da"))
    assert large >= 1.3 * normal, (large, normal)


def test_hent_det_hele_is_the_plan_and_the_pupil_material_in_one_pdf(site):
    for material in LESSONS:
        plan_pages, _ = pdf_text((site / f"undervisning/pdf/{material['id']}.pdf").read_bytes())
        for language in ("da", "en"):
            pupil_pages, _ = pdf_text((site / pupil_pdf_path(material["id"], language)).read_bytes())
            pages, text = pdf_text((site / bundle_path(material["id"], language)).read_bytes())
            assert pages == plan_pages + pupil_pages, material["id"]
            assert flat(page_title(material["lesson"])) in flat(text)
            assert flat(SITE_DATA.pupil[material["id"]]["title"][language]) in flat(text)


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_lesson_page_states_subject_goals_evaluation_differentiation_and_sensitivity(site, language):
    prefix = "" if language == "da" else "en/"
    for material in LESSONS:
        page = site / prefix / material["lesson"].removesuffix(".md") / "index.html"
        html = page.read_text(encoding="utf-8")
        text = flat(" ".join(element.text for element in parse(page).find_all("article")))
        expected = SECTIONS[language]
        if "indskoling" in material["grades"]:
            expected = [s for s in expected if "need more" not in s and "brug for mere" not in s
                        and "personally" not in s and "personligt" not in s] + SECTIONS_INDSKOLING[language]
        for heading in expected:
            assert heading in text, (material["id"], heading)
        box = parse(page).with_class("ung-lesson")
        assert box, material["id"]
        subject = {"da": {"ssf": "Sundheds- og seksualundervisning og familiekundskab", "faerdselslaere": "Færdselslære",
                          "tvaerfagligt": "Tværfagligt"},
                   "en": {"ssf": "Health, sex education and family studies", "faerdselslaere": "Road safety education",
                          "tvaerfagligt": "Cross-subject"}}[language][material["curriculum"]["subject"]]
        assert subject in text, material["id"]
        for goal in material["curriculum"].get("goals", []):
            assert flat(goal["text"]["da"]) in text, (material["id"], "goals are quoted in Danish")
        for source in material["curriculum"].get("sources", []):
            assert f'href="{source["url"]}"' in html
        bundle = bundle_path(material["id"], language)
        assert f'{bundle}" download' in html, (material["id"], "hent det hele")


# -- the catalogue: four filters with JavaScript, grouped lists without -----------------------------

def expected_count(theme="", grade="", subject="", duration=""):
    return sum(1 for m in MATERIALS
               if (not theme or m["theme"] == theme) and (not grade or grade in m["grades"])
               and (not subject or m.get("curriculum", {}).get("subject", "tvaerfagligt") == subject)
               and (not duration or ("kort" if m["duration_minutes"] <= 45 else "lang") == duration))


def test_catalogue_without_javascript_lists_lessons_by_grade_subject_and_duration(new_page, base_url):
    page = new_page(javascript=False)
    page.goto(base_url + "/undervisning/")
    assert page.locator("[data-ung-filters]").is_hidden()
    overview = page.locator("[data-ung-overview]")
    assert overview.is_visible()
    headings = overview.locator("h3").all_inner_texts()
    assert headings == ["Efter klassetrin", "Efter fag", "Efter varighed"]
    links = overview.locator("a")
    assert links.count() >= 3 * len(MATERIALS) - 1
    for href in set(links.evaluate_all("links => links.map(a => a.getAttribute('href'))")):
        assert page.locator(href).count() == 1, href  # each link leads to its lesson in the list
    grade_group = overview.locator("li", has_text="Mellemtrin (4.–6. klasse):").first
    assert grade_group.locator("a").count() == expected_count(grade="mellemtrin")
    subject_group = overview.locator("li", has_text="Færdselslære:").first
    assert subject_group.locator("a").count() == expected_count(subject="faerdselslaere")
    short_group = overview.locator("li", has_text="Op til 45 minutter:").first
    assert short_group.locator("a").count() == expected_count(duration="kort")


def test_catalogue_filters_by_subject_and_duration_and_stays_axe_clean(new_page, base_url):
    page = new_page("mobile")
    page.goto(base_url + "/undervisning/")
    assert page.locator("[data-ung-overview]").is_hidden(), "with JavaScript the filters replace the overview"
    for name in ("theme", "grade", "subject", "duration"):
        assert page.locator(f"[data-ung-filter={name}]").is_visible()
    page.select_option("[data-ung-filter=subject]", "ssf")
    assert page.locator(".ung-material:visible").count() == expected_count(subject="ssf")
    page.select_option("[data-ung-filter=duration]", "kort")
    shown = expected_count(subject="ssf", duration="kort")
    assert shown >= 1
    assert page.locator(".ung-material:visible").count() == shown
    assert page.locator("[data-ung-count]").inner_text() == f"{shown} materialer vises"
    assert axe_violations(page) == []
    page.select_option("[data-ung-filter=subject]", "faerdselslaere")
    assert page.locator(".ung-material:visible").count() == expected_count(subject="faerdselslaere", duration="kort")
    page.select_option("[data-ung-filter=duration]", "")
    page.select_option("[data-ung-filter=theme]", "trafik")
    assert page.locator(".ung-material:visible").count() == expected_count(theme="trafik", subject="faerdselslaere")
    assert axe_violations(page) == []


def test_english_catalogue_offers_english_pupil_material(site):
    document = parse(site / "en" / "undervisning" / "index.html")
    hrefs = {link.attrs.get("href", "") for link in document.find_all("a") if "download" in link.attrs}
    for material in LESSONS:
        assert any(href.endswith(pupil_pdf_path(material["id"], "en")) for href in hrefs), material["id"]
        assert any(href.endswith(bundle_path(material["id"], "en")) for href in hrefs), material["id"]


def blank_pdf(pages: int, width: float) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_merged_bundles_are_cached_by_their_parts(tmp_path, monkeypatch):
    """"Hent det hele" is merged once per plan and pupil material: a rebuild reads it back."""
    from _ungvejen import printing

    monkeypatch.setattr(printing, "PDF_CACHE", tmp_path / "cache")
    plan, sheets = blank_pdf(2, 595), blank_pdf(1, 420)
    merged = printing.merge_pdfs(plan, sheets)
    assert [page.mediabox.width for page in PdfReader(io.BytesIO(merged)).pages] == [595, 595, 420]
    [kept] = (tmp_path / "cache").iterdir()
    assert kept.read_bytes() == merged and not kept.stat().st_mode & 0o222, "kept whole and read-only"

    class NoMerging:
        def __init__(self):
            raise AssertionError("merged again although nothing changed")

    monkeypatch.setattr("pypdf.PdfWriter", NoMerging)
    assert printing.merge_pdfs(plan, sheets) == merged
    with pytest.raises(AssertionError, match="merged again"):
        printing.merge_pdfs(sheets, plan)  # other parts, or the same in another order, are merged anew


def test_a_printed_pdf_knows_its_pages_from_the_cache_too(tmp_path, monkeypatch):
    """A leaflet must be one page: the count comes with the PDF, made or read from the cache."""
    from _ungvejen import printing

    monkeypatch.setattr(printing, "PDF_CACHE", tmp_path / "cache")
    html = "<p>Første side</p><p style='break-before: page'>Anden side</p>"
    made = printing.print_pdf(html, tmp_path.as_uri() + "/", tmp_path, tmp_path)
    assert made.pages == len(PdfReader(io.BytesIO(made.pdf)).pages) == 2

    class NoPrinting:
        def __init__(self, *args, **kwargs):
            raise AssertionError("printed again although nothing changed")

    monkeypatch.setattr("weasyprint.HTML", NoPrinting)
    again = printing.print_pdf(html, tmp_path.as_uri() + "/", tmp_path, tmp_path)
    assert (again.pdf, again.pages) == (made.pdf, 2)
    [pages_file] = (tmp_path / "cache").glob("*.pages")
    pages_file.unlink()  # a cache from before the count was kept: printed again, not guessed
    with pytest.raises(AssertionError, match="printed again"):
        printing.print_pdf(html, tmp_path.as_uri() + "/", tmp_path, tmp_path)
