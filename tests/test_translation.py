"""Issue 2: a page without a translation shows a visible notice and is marked as Danish."""

from htmlkit import parse
from sitekit import make_project, run_build

PROFESSIONALS_ONLY = """
---
title: Kun for fagpersoner
description: En side kun på dansk, som målgruppen ikke kræver oversat.
audiences: [fagpersoner]
reviewed: 2026-11-20
---
# Kun for fagpersoner

Denne tekst er kun på dansk.
"""


def test_fallback_page_gets_notice_and_lang_da(tmp_path):
    project = make_project(tmp_path, pages={"docs/fagligt.md": PROFESSIONALS_ONLY},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "fagligt.md"]})
    result = run_build(project, tmp_path / "site")
    assert result.ok, result.output
    english = (tmp_path / "site" / "en" / "fagligt" / "index.html").read_text(encoding="utf-8")
    assert "This page has not been translated yet" in english
    assert '<div lang="da">' in english
    assert parse(english).first("html").attrs["lang"] == "en"
    danish = (tmp_path / "site" / "fagligt" / "index.html").read_text(encoding="utf-8")
    assert "not been translated" not in danish and "ikke oversat" not in danish


def test_missing_twin_is_reported_when_the_audience_requires_it(tmp_path):
    page = PROFESSIONALS_ONLY.replace("[fagpersoner]", "[unge]").replace("Kun for fagpersoner", "For unge")
    project = make_project(tmp_path, pages={"docs/fagligt.md": page},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "fagligt.md"]})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    assert "docs/fagligt.md:1: Siden mangler en oversættelse til 'en'" in result.output
    assert "Opret docs/fagligt.en.md" in result.output
    assert "Traceback" not in result.output
