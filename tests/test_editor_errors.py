"""Issue 7: every editor mistake gives one line with file:line, what is wrong and how to fix
it – all at once, never a traceback. One fixture per mistake class."""

from __future__ import annotations

import pytest

from sitekit import make_project, run_build

GOOD = """\
---
title: Side
description: En side i en lille testside til test af fejlbeskeder for redaktører.
audiences: [unge]
reviewed: 2026-11-20
---
# Side

Tekst.
"""
NAV = {"nav": ["index.md", "temaer/rusmidler.md", "side.md"]}
TWIN = GOOD.replace("title: Side", "title: Page").replace("# Side", "# Page")


def page_with(front: str, body: str = "# Side\n\nTekst.\n") -> str:
    return f"---\n{front}---\n{body}"


CASES = {
    "bad front-matter YAML": (page_with("title: [Side\ndescription: x\n"), "docs/side.md:2", "YAML kan ikke læses"),
    "unknown audience": (GOOD.replace("[unge]", "[unge, forældre]"), "docs/side.md:4", "Ukendt målgruppe 'forældre'"),
    "unknown theme": (GOOD.replace("reviewed:", "theme: hashish\nreviewed:"), "docs/side.md:5", "Ukendt tema 'hashish'"),
    "unknown tag": (GOOD.replace("reviewed:", "tags: [hash, fodbold]\nreviewed:"), "docs/side.md:5", "Ukendt søgeord (tag) 'fodbold'"),
    "missing title": (GOOD.replace("title: Side\n", ""), "docs/side.md:1", "Feltet 'title' mangler"),
    "missing description": (GOOD.replace("description: En side i en lille testside til test af fejlbeskeder for redaktører.\n", ""),
                            "docs/side.md:1", "Feltet 'description' mangler"),
    "reviewed is not a date": (GOOD.replace("2026-11-20", "i går"), "docs/side.md:5", "'i går' er ikke en dato"),
    "review_every not understood": (GOOD.replace("reviewed:", "review_every: snart\nreviewed:"), "docs/side.md:5",
                                    "kan ikke forstås som et tidsrum"),
    "no front matter": ("# Side\n\nTekst.\n", "docs/side.md:1", "Siden mangler front matter"),
    "image without alt text": (GOOD + "\n![](billede.png)\n", "docs/side.md:11", "mangler en alternativ tekst"),
    "html image without alt text": (GOOD + '\n<img src="billede.png">\n', "docs/side.md:11", "mangler en alternativ tekst"),
    "shortcode mistake": (GOOD + "\n<!-- ung:kontakter tema=fodbold -->\n", "docs/side.md:11", "Ukendt tema 'fodbold'"),
}


def page_name(case: str) -> str:
    return "fejl-" + "-".join(case.replace("'", "").split())


@pytest.fixture(scope="module")
def all_mistakes(tmp_path_factory):
    """One build with every case on its own page: each case's message must name its own page
    and line (one shared build instead of one build per case)."""
    tmp = tmp_path_factory.mktemp("editor-errors")
    pages = {}
    for case, (page, _, _) in CASES.items():
        pages[f"docs/{page_name(case)}.md"] = page
        pages[f"docs/{page_name(case)}.en.md"] = TWIN
    nav = ["index.md", "temaer/rusmidler.md", *(f"{page_name(case)}.md" for case in CASES)]
    project = make_project(tmp, pages=pages, config={"nav": nav})
    (project / "docs" / "billede.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return run_build(project, tmp / "site")


def test_the_build_with_mistakes_fails_without_a_traceback(all_mistakes):
    assert not all_mistakes.ok, all_mistakes.output
    assert "Traceback" not in all_mistakes.output


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_editor_mistake_names_file_and_line(all_mistakes, case):
    _, where, what = CASES[case]
    where = where.replace("docs/side.md", f"docs/{page_name(case)}.md")
    line = next((line for line in all_mistakes.output.splitlines() if where in line and what in line), None)
    assert line, f"no line with {where!r} and {what!r} in:\n{all_mistakes.output}"
    assert "Sådan retter du" in line


def test_page_not_in_nav_is_reported(tmp_path):
    project = make_project(tmp_path, pages={"docs/side.md": GOOD, "docs/side.en.md": TWIN})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    assert "side.md" in result.output and "nav" in result.output
    assert "Traceback" not in result.output


def test_all_mistakes_are_reported_at_once(tmp_path):
    broken = GOOD.replace("[unge]", "[unge, born]").replace("reviewed:", "theme: fodbold\nreviewed:")
    other = GOOD.replace("title: Side\n", "")
    project = make_project(tmp_path, pages={"docs/side.md": broken, "docs/side.en.md": TWIN,
                                            "docs/anden.md": other, "docs/anden.en.md": TWIN},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "side.md", "anden.md"]})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    for expected in ("docs/side.md:4:", "Ukendt målgruppe 'born'", "docs/side.md:5:", "Ukendt tema 'fodbold'",
                     "docs/anden.md:1:", "Feltet 'title' mangler"):
        assert expected in result.output
    assert "Traceback" not in result.output


def test_broken_front_matter_is_not_shown_as_text(tmp_path):
    project = make_project(tmp_path, pages={"docs/side.md": page_with("title: [Side\ndescription: x\n"),
                                            "docs/side.en.md": TWIN}, config=NAV)
    run_build(project, tmp_path / "site", strict=False)
    html = (tmp_path / "site" / "side" / "index.html").read_text(encoding="utf-8")
    assert "title: [Side" not in html
