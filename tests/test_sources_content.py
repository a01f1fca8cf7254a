"""Issue 15: a law, an age limit, a health fact or a number on a page has a source on that page.

A content check over docs/: every page whose text states an age ("15 år", "under 18"), a
section of a law (§), the law ("loven", "ulovligt", "illegal"), a per mille limit, a
percentage or a speed has `sources:` in its front matter (title, web address, the date it
was checked, optionally the claim). The two languages of a page cite the same sources. And the
claims the issue named are stated the sourced way (alcohol ages since 1 April 2025, the large
moped at 18, the duty to report under Barnets lov, § 115 of the Administration of Justice
Act), with one English term per Danish one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from sitekit import ROOT

DOCS = ROOT / "docs"
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
# What makes a page need sources: ages, sections of a law, the law itself, limits and numbers.
NEEDS_SOURCE = re.compile(r"""
    \b1[0-9]\s?år\b | \b1[0-9]-årige?\b | \b1[0-9]½ | §\s?\d | \bloven\b | \blovens\b | \bbarnets\slov\b
  | \b\w+loven\b | \bulovlig\w* | \bstrafbar\w* | \bforbudt\b | \bpromille\b | \d\s?% | \bkm/t\b
  | \b1[0-9]\syears\sold\b | \b(?:under|over)\s1[0-9]\b | \billegal\b | \bthe\slaw\b | \bbanned\b
  | \bcriminal\soffence\b | \bper\smille\b | \bkm/h\b
""", re.I | re.X)


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    assert match, f"{path} has no front matter"
    return yaml.safe_load(match.group(1)) or {}, text[match.end():]


def statements(body: str) -> list[str]:
    """The law, age and number words in a page's text (shortcode comments are not text)."""
    return sorted({match.group(0).lower() for match in NEEDS_SOURCE.finditer(re.sub(r"<!--.*?-->", " ", body, flags=re.S))})


def public_pages() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if "redaktoer" not in path.relative_to(DOCS).parts)


def page_id(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


# ---- the detector ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("Til en stor knallert skal man være 18 år.", ["18 år"]),
    ("drikke med mere end 6 % alkohol", ["6 %"]),
    ("efter barnets lov § 133", ["barnets lov", "§ 1"]),
    ("Det er ulovligt at dele", ["ulovligt"]),
    ("grænsen er 0,5 promille", ["promille"]),
    ("It is illegal to share nude images of anyone under 18.", ["illegal", "under 18"]),
    ("a small moped goes at most 30 km/h", ["km/h"]),
    ("Du har lov til at sige nej. Mødet er kl. 19.", []),
    ("Vi ses i 2027 <!-- ung:kontakter tema=rusmidler -->", []),
])
def test_the_detector(text, found):
    assert statements(text) == found


# ---- every page that states a law, an age or a number has sources ---------------------------------

def check_page(path: Path) -> None:
    meta, body = split(path)
    found = statements(body)
    assert not found or meta.get("sources"), f"{path.name} states {found} but has no sources: in its front matter"


@pytest.mark.parametrize("path", public_pages(), ids=page_id)
def test_a_page_that_states_a_law_or_an_age_has_sources(path):
    check_page(path)


@pytest.mark.parametrize("path", [p for p in public_pages() if split(p)[0].get("sources")], ids=page_id)
def test_sources_are_written_the_agreed_way(path):
    sources = split(path)[0]["sources"]
    assert isinstance(sources, list) and sources
    for source in sources:
        assert set(source) <= {"title", "url", "checked", "claim"}, source
        assert isinstance(source["title"], str) and source["title"].strip(), source
        assert re.fullmatch(r"https?://\S+", source["url"]), source
        assert isinstance(source["checked"], dt.date) and source["checked"] <= dt.date.today(), source
        assert isinstance(source.get("claim", ""), str), source
    urls = [source["url"] for source in sources]
    assert len(urls) == len(set(urls)), f"{page_id(path)} cites a source twice"


@pytest.mark.parametrize("path", [p for p in public_pages() if p.name.endswith(".en.md")], ids=page_id)
def test_both_languages_cite_the_same_sources(path):
    danish = path.with_name(path.name.removesuffix(".en.md") + ".md")
    urls = {language: {source["url"] for source in split(page)[0].get("sources") or []}
            for language, page in (("en", path), ("da", danish))}
    assert urls["en"] == urls["da"], page_id(path)


def test_removing_a_pages_sources_is_caught(tmp_path):
    """The check is real: the alcohol page without its sources fails it."""
    page = DOCS / "temaer" / "alkohol-og-opioider.md"
    meta, body = split(page)
    assert meta["sources"] and statements(body)
    stripped = tmp_path / "alkohol-og-opioider.md"
    front = {key: value for key, value in meta.items() if key != "sources"}
    stripped.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    with pytest.raises(AssertionError, match="has no sources"):
        check_page(stripped)
    check_page(page)


# ---- the claims the issue named, stated the sourced way -------------------------------------------

RITZAU = "https://via.ritzau.dk/pressemeddelelse/14316114/"


def urls_of(relative: str) -> set[str]:
    return {source["url"] for source in split(DOCS / relative)[0].get("sources") or []}


@pytest.mark.parametrize("name", ["temaer/alkohol-og-opioider", "temaer/rusmidler"])
def test_alcohol_ages_are_the_2025_rule_with_its_source(name):
    danish, english = (split(DOCS / f"{name}{suffix}.md")[1] for suffix in ("", ".en"))
    assert "Der er aldersgrænser" not in danish
    assert re.search(r"op til 6 % alkohol", danish) and "18 år" in danish and "1. april 2025" in danish
    assert re.search(r"up to 6 % alcohol", english) and "18" in english and "1 April 2025" in english
    assert any(url.startswith(RITZAU) for url in urls_of(f"{name}.md"))


def test_the_large_moped_needs_age_18_everywhere():
    for path in public_pages():
        text = split(path)[1]
        assert not re.search(r"stor knallert skal man være 16 år\.(?! \(Falsk)", text), page_id(path)
        assert not re.search(r"large moped you must be 16(?!\. \(False)", text), page_id(path)
    for name in ("temaer/trafik", "undervisning/knallert-og-cykel-udskoling"):
        for suffix, eighteen in (("", "18 år"), (".en", "18")):
            text = split(DOCS / f"{name}{suffix}.md")[1]
            assert eighteen in text and "15" in text, name
        assert "https://danskelove.dk/f%C3%A6rdselsloven/81" in urls_of(f"{name}.md")
        assert "https://www.fstyr.dk/privat/koerekort/dit-foerste-koerekort/koerekort-til-knallert" in urls_of(f"{name}.md")


def test_the_duty_to_report_is_barnets_lov_and_paragraph_115_is_the_administration_of_justice_act():
    for path in public_pages():
        text = split(path)[1]
        assert not re.search(r"politilovens? ?§ ?115|§ ?115 (?:i|of the) (?:politiloven|Police Act)|Police Act \(politiloven\)", text), page_id(path)
        for match in re.finditer(r"servicelovens? (?:§§|§) ?15[34]|Social Services Act", text):
            window = text[max(0, match.start() - 200):match.end() + 200]
            assert re.search(r"afløst|replaced|Barnets lov|barnets lov", window), (page_id(path), match.group(0))
    for name in ("til-fagpersoner.md", "til-fagpersoner.en.md", "temaer/overgreb.md", "temaer/radikalisering.md"):
        assert "§ 133" in split(DOCS / name)[1], name
        assert "https://handleguide.dk/underretning" in urls_of(name), name


def test_nude_images_of_under_18s_cite_the_crime_prevention_council():
    for name in ("temaer/sociale-medier", "undervisning/billeddeling-mellemtrin"):
        for suffix in ("", ".en"):
            assert "https://dkr.dk/it/deling-af-billeder/" in urls_of(f"{name}{suffix}.md"), name


@pytest.mark.parametrize("wrong", ["concern talk", "concern meeting", "health visitor", "worried conversation"])
def test_one_english_term_for_each_danish_term(wrong):
    offenders = [page_id(path) for path in public_pages()
                 if path.name.endswith(".en.md") and wrong in split(path)[1].lower()]
    assert not offenders, offenders
