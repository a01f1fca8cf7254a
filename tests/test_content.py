"""Issue 3: every page has the required front matter and an English twin; plain language
per audience section (LIX); no phone number anywhere in the Markdown."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from sitekit import ROOT

from _ungvejen.readability import audience_sections, lix

DOCS = ROOT / "docs"
REQUIRED = {"title", "description", "audiences", "tags", "reviewed"}
THEMES = {"alkohol-og-opioider", "rusmidler", "overgreb", "trafik", "indbrud-og-haeleri", "sociale-medier",
          "bander-og-exit", "psp-og-ksp", "individorienteret-forebyggelse", "radikalisering"}
# Pages under temaer/ that belong to a theme without being its page (the drugs A–Z).
THEME_SUBPAGES = {"rusmidler-a-z": "rusmidler"}
PAGES = ["index", "faa-hjaelp-nu", "til-unge", "til-foraeldre", "til-fagpersoner", "om-ssp", "kontakt",
         "privatliv", "tilgaengelighed", "brug-siden-sikkert", "arrangementer", "undervisning/index"]


def mkdocs_config() -> dict:
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda l, n: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("---\n", 2)[1])


def danish_sources() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not re.search(r"\.[a-z]{2}\.md$", p.name) and "redaktoer" not in p.parts)


def test_every_theme_and_page_exists_in_both_languages():
    for name in [f"temaer/{theme}" for theme in THEMES] + PAGES:
        assert (DOCS / f"{name}.md").exists(), name
        assert (DOCS / f"{name}.en.md").exists(), name


@pytest.mark.parametrize("path", danish_sources(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_front_matter_and_english_twin(path):
    twin = path.with_name(path.stem + ".en.md")
    assert twin.exists(), f"{path} has no English twin"
    danish, english = front_matter(path), front_matter(twin)
    for meta in (danish, english):
        assert REQUIRED <= set(meta), REQUIRED - set(meta)
        assert isinstance(meta["reviewed"], dt.date)
        assert 50 <= len(meta["description"]) <= 200
        assert meta["tags"]
    assert danish["audiences"] == english["audiences"]
    assert danish.get("theme") == english.get("theme")
    if path == DOCS / "index.md":  # the home page is the site's name in both languages
        assert danish["title"] == english["title"] == "UngVejen"
    else:
        assert danish["title"] != english["title"], "English title is not translated"
    if path.parent.name == "temaer":
        assert danish.get("theme") == THEME_SUBPAGES.get(path.stem, path.stem)


def test_theme_pages_have_a_marked_section_per_audience():
    for theme in THEMES:
        for name in (f"{theme}.md", f"{theme}.en.md"):
            path = DOCS / "temaer" / name
            audiences = front_matter(path)["audiences"]
            sections = {section.audience for section in audience_sections(path.read_text(encoding="utf-8"))}
            assert set(audiences) <= sections, (name, set(audiences) - sections)


def lix_table() -> list[tuple[str, str, int, float, float]]:
    limits = {name: spec["lix_max"] for name, spec in mkdocs_config()["extra"]["ungvejen"]["audiences"].items()}
    rows = []
    for path in danish_sources():
        for section in audience_sections(path.read_text(encoding="utf-8")):
            rows.append((path.relative_to(DOCS).as_posix(), section.audience, section.line,
                         round(lix(section.text).score, 1), limits[section.audience]))
    return rows


def test_lix_per_audience_section(capsys):
    rows = lix_table()
    with capsys.disabled():
        print("\nLIX per audience section (Danish pages)\n" + "\n".join(
            f"  {page:45} {audience:12} line {line:<4} LIX {score:5.1f} (max {limit})"
            for page, audience, line, score, limit in rows))
    assert len({row[0] for row in rows}) >= 15
    too_hard = [row for row in rows if row[3] > row[4]]
    assert not too_hard, too_hard
    youth = [row[3] for row in rows if row[1] == "unge"]
    assert max(youth) <= 35


def test_lix_formula():
    # 7 words, 2 sentences, 1 long word ("kommunen" has 8 letters): 7/2 + 100*1/7
    assert round(lix("Jeg bor i kommunen. Det er godt.").score, 2) == round(7 / 2 + 100 / 7, 2)


PHONE = re.compile(r"(?<![§\d])(?:\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}|\+45\s?\d{8}|112|114|1888|116[ ]?\d{3})(?!\d)")


def phone_numbers_in(markdown: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)  # shortcodes name contact ids
    text = re.sub(r"<svg.*?</svg>", " ", text, flags=re.S)  # diagram coordinates
    text = re.sub(r"\b\d{4}-\d{2}-\d{2}\b", " ", text)  # dates
    text = re.sub(r"https?://\S+", " ", text)  # web addresses (sources: in front matter)
    return PHONE.findall(text)


@pytest.mark.parametrize("sample, found", [
    ("Ring 24 43 07 55", ["24 43 07 55"]), ("ring 112 nu", ["112"]), ("BørneTelefonen 116 111", ["116 111"]),
    ("40362959", ["40362959"]), ("§115-møde", []), ("reviewed: 2026-11-28", []),
    ("<!-- ung:kontakt alarm-112 -->", []), ("i 2027", []),
    ("url: https://via.ritzau.dk/pressemeddelelse/14316114/x", []), ("Ring 82 12 12 12 (https://x.dk/a)", ["82 12 12 12"]),
])
def test_phone_number_detector(sample, found):
    assert phone_numbers_in(sample) == found


def test_no_markdown_file_contains_a_phone_number():
    offenders = {path.relative_to(DOCS).as_posix(): phone_numbers_in(path.read_text(encoding="utf-8"))
                 for path in DOCS.rglob("*.md")}
    assert not {page: found for page, found in offenders.items() if found}
