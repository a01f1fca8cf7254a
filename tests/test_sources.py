"""Sources: `sources:` in front matter becomes "Kilder" at the end of the page, in the page's
language; a broken source stops the strict build with file and line; the editors' report
counts pages without sources and lists sources due to be read again."""

from __future__ import annotations

from htmlkit import parse
from sitekit import make_project, run_build

PAGE = """---
title: {title}
description: En lille side til en test af kilder på UngVejen.
audiences: [foraeldre]
reviewed: 2026-11-20
sources:
  - title: "Barnets lov § 133 (handleguide.dk)"
    url: https://handleguide.dk/underretning
    checked: {checked}
    claim: "{claim}"
---
# {title}

Fagpersoner skal underrette kommunen.
"""
NAV = {"nav": ["index.md", "temaer/rusmidler.md", "kilde.md"]}


def pages(checked="2026-11-28"):
    return {"docs/kilde.md": PAGE.format(title="Kilde", checked=checked, claim="Fagpersoner skal underrette."),
            "docs/kilde.en.md": PAGE.format(title="Source", checked=checked, claim="Professionals must report.")}


def test_sources_are_listed_at_the_end_of_the_page_in_its_language(tmp_path):
    result = run_build(make_project(tmp_path, pages=pages(), config=NAV), tmp_path / "site",
                       env={"UNGVEJEN_TODAY": "2026-11-30"})
    assert result.ok, result.output
    for folder, heading, read in (("kilde", "Kilder", "læst 28. november 2026"), ("en/kilde", "Sources", "read on 28 November 2026")):
        document = parse((tmp_path / "site" / folder / "index.html").read_text(encoding="utf-8"))
        section = document.with_class("ung-sources")[0]
        assert section.first("h2").text.strip() == heading
        link = section.first("a")
        assert link.attrs["href"] == "https://handleguide.dk/underretning"
        assert link.text == "Barnets lov § 133 (handleguide.dk)"
        assert read in " ".join(section.text.split())
    report = (tmp_path / "site" / "redaktoer" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "side(r) har ingen kilder. 0 side(r) har kilder, der skal læses igen." in report


def test_a_source_read_long_ago_is_due_in_the_report(tmp_path):
    result = run_build(make_project(tmp_path, pages=pages(checked="2025-01-10"), config=NAV), tmp_path / "site",
                       env={"UNGVEJEN_TODAY": "2026-11-30"})
    assert result.ok, result.output
    report = (tmp_path / "site" / "redaktoer" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "1 side(r) har kilder, der skal læses igen." in report
    assert "Barnets lov § 133 (handleguide.dk) (læst 2025-01-10)" in report


def test_a_broken_source_stops_the_strict_build_with_file_and_line(tmp_path):
    broken = {path: text.replace("url: https://handleguide.dk/underretning", "url: handleguide.dk/underretning")
              for path, text in pages().items()}
    result = run_build(make_project(tmp_path, pages=broken, config=NAV), tmp_path / "site",
                       env={"UNGVEJEN_TODAY": "2026-11-30"})
    assert not result.ok
    assert "docs/kilde.md:8" in result.output and "er ikke en webadresse" in result.output
    assert "Traceback" not in result.output
