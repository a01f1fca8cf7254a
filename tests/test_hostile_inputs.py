"""Issue 14: careless and hostile inputs – data files, front matter, Markdown bodies, file
names – each give one Danish line naming the file (and line) and stop the strict build, or
build safely; never a Python traceback.

The corpus runs through the checks in-process (load_site_data, frontmatter.check,
shortcodes.find: fast); a handful of inputs that only a real build can show go through full
builds below.
"""

from __future__ import annotations

import pytest

from sitekit import make_project, run_build

GOOD_FRONT = "title: Side\ndescription: En side til test.\naudiences: [unge]\nreviewed: 2026-11-20\n"
NAV = ["index.md", "temaer/rusmidler.md", "side.md"]


def page(front: str = GOOD_FRONT, body: str = "# Side\n\nTekst.\n") -> str:
    return f"---\n{front}---\n{body}"


def twin() -> str:
    return page(GOOD_FRONT.replace("title: Side", "title: Page"), "# Page\n\nText.\n")


def build(tmp_path, pages=None, data=None, config=None, prepare=None, strict=True):
    project = make_project(tmp_path, pages=pages, data=data, config=config)
    if prepare:
        prepare(project)
    return run_build(project, tmp_path / "site", strict=strict)


def error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR", "  "))]


def assert_clean_failure(result, *expected):
    assert not result.ok, result.output[-3000:]
    assert "Traceback" not in result.output, result.output[-3000:]
    for text in expected:
        assert any(text in line for line in result.output.splitlines()), f"{text!r} not in:\n{result.output[-3000:]}"


# -- full builds: what only MkDocs itself reads ---------------------------------------------------

def test_a_page_that_is_not_utf8(tmp_path):
    def latin1(project):
        (project / "docs" / "side.md").write_bytes(page().replace("Tekst.", "Børn.").encode("latin-1"))
    result = build(tmp_path, pages={"docs/side.en.md": twin()}, config={"nav": NAV}, prepare=latin1)
    assert_clean_failure(result, "docs/side.md:9:2: Filen er ikke gemt som UTF-8 (byte 0xF8 kan ikke læses).")


def test_a_deleted_settings_schema(tmp_path):
    result = build(tmp_path, prepare=lambda project: (project / "data/schema/settings.schema.json").unlink())
    assert_clean_failure(result, "data/schema/settings.schema.json:1: Skemaet for mkdocs.yml (extra → ungvejen) findes ikke.")


def test_a_deleted_data_schema(tmp_path):
    result = build(tmp_path, prepare=lambda project: (project / "data/schema/contacts.schema.json").unlink())
    assert_clean_failure(result, "data/schema/contacts.schema.json:1: Skemaet for data/contacts.yml findes ikke.")


def test_a_data_file_made_into_a_folder(tmp_path):
    def folder(project):
        (project / "data" / "tags.yml").unlink()
        (project / "data" / "tags.yml" / "gammel").mkdir(parents=True)
    assert_clean_failure(build(tmp_path, prepare=folder), "data/tags.yml:1: data/tags.yml er en mappe, ikke en fil.")


def test_a_recursive_alias_in_a_data_file(tmp_path):
    def recursive(project):
        path = project / "data" / "contacts.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("themes: [alle]", "themes: &t [alle, *t]"), encoding="utf-8")
    assert_clean_failure(build(tmp_path, prepare=recursive), "data/contacts.yml:9:23: Aliaset '*t' henviser til sig selv")


def test_a_title_that_is_a_number(tmp_path):
    """title: 2026 was reported, then the build ended in an AttributeError in search_index.py."""
    pages = {"docs/side.md": page(GOOD_FRONT.replace("title: Side", "title: 2026")), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:2:8: Feltet 'title' skal være tekst.")
    # Not strict (mkdocs serve): the page is built with the title as text, nothing breaks.
    loose = run_build(tmp_path / "project", tmp_path / "loose", strict=False)
    assert loose.ok and "Traceback" not in loose.output, loose.output[-3000:]
    assert "<title>2026 – Lille testside</title>" in (tmp_path / "loose" / "side" / "index.html").read_text(encoding="utf-8")


def test_lists_where_words_belong_in_front_matter(tmp_path):
    """theme: [rusmidler] and audiences: [[unge]] ended in a TypeError (unhashable list)."""
    front = ("title: Side\ndescription: En side til test.\naudiences: [[unge]]\ntheme: [rusmidler]\n"
             "tags: [[hash]]\nreviewed: 2026-11-20\n")
    pages = {"docs/side.md": page(front), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:4:13: Målgruppe nr. 1 skal være et ord, ikke en liste.",
                         "docs/side.md:5:8: Feltet 'theme' skal være ét tema-id (en tekst), ikke en liste.",
                         "docs/side.md:6:8: Søgeord nr. 1 skal være et ord, ikke en liste.")
    loose = run_build(tmp_path / "project", tmp_path / "loose", strict=False)
    assert loose.ok and "Traceback" not in loose.output, loose.output[-3000:]


def test_an_event_title_written_over_several_lines_builds(tmp_path):
    events = """\
        timezone: Europe/Copenhagen
        events:
          - id: temaaften
            title:
              da: >
                Temaaften om
                rusmidler
              en: Theme evening
            start: "2031-02-05 19:00"
            end: "2031-02-05 20:30"
            place: {da: "Skolen", en: "The school"}
            audiences: [foraeldre]
        """
    result = build(tmp_path, data={"data/events.yml": events})
    assert result.ok and "Traceback" not in result.output, result.output[-3000:]
    ics = (tmp_path / "site" / "arrangementer" / "temaaften.ics").read_bytes().decode("utf-8")
    assert "SUMMARY:Temaaften om rusmidler\r\n" in ics and "X-WR-CALNAME:Temaaften om rusmidler\r\n" in ics


# -- shortcodes in code, and markers that do not parse --------------------------------------------

CODE_BODY = """\
# Side

Sådan skriver du en kontakt:

```markdown
<!-- ung:kontakt -->
<!-- ung:kontakt ssp-test -->
```

Eller indrykket:

    <!-- ung:kontakter tema=sport -->

Eller i en linje: `<!-- ung:kontakt ukendt -->`.

<!-- ung:kontakt ssp-test -->
"""


def test_shortcodes_in_code_are_shown_as_code(tmp_path):
    """A shortcode in a code block or `inline code` (the editors' guide shows them) used to be
    checked – and its mistakes stopped the build. It is code: shown, not read."""
    pages = {"docs/side.md": page(body=CODE_BODY), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert result.ok and "Traceback" not in result.output, result.output[-3000:]
    html = (tmp_path / "site" / "side" / "index.html").read_text(encoding="utf-8")
    for marker in ("&lt;!-- ung:kontakt --&gt;", "&lt;!-- ung:kontakt ssp-test --&gt;",
                   "&lt;!-- ung:kontakter tema=sport --&gt;", "&lt;!-- ung:kontakt ukendt --&gt;"):
        assert marker in html, marker
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count('class="ung-contact ') == 1  # the one outside code


def test_a_marker_that_does_not_parse_stops_the_build(tmp_path):
    """`<!-- ung:kontakter tema=rus>midler -->` used to be ignored without a word."""
    body = "# Side\n\n<!-- ung:kontakter tema=rus>midler -->\n\nTekst.\n"
    pages = {"docs/side.md": page(body=body), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:9: Shortcoden kan ikke læses: der står '>' inde i den.")


def test_a_marker_markdown_passes_on_is_never_dropped_silently(tmp_path):
    """Backticks inside a raw HTML block are not code for Markdown: the marker there is read."""
    body = ('# Side\n\n<div class="boks">\n`<!-- ung:kontakt ukendt -->`\n</div>\n\n'
            '<div class="boks">\n`<!-- ung:kontakt ssp-test -->`\n</div>\n')
    pages = {"docs/side.md": page(body=body), "docs/side.en.md": twin()}
    result = build(tmp_path, pages=pages, config={"nav": NAV})
    assert_clean_failure(result, "docs/side.md:10: Ukendt kontakt-id 'ukendt' i ung:kontakt.")
    loose = run_build(tmp_path / "project", tmp_path / "loose", strict=False)
    html = (tmp_path / "loose" / "side" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count('class="ung-contact ') == 1 and "ung:kontakt ssp-test" not in article
