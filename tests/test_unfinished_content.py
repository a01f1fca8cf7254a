"""Nothing unfinished reaches the public site: editors' notes (`!!! redaktoer`) are dropped
from pages and listed as tasks in the editors' report; there are no example events; with no
real events the events page says so and tells the reader how to ask SSP for a meeting."""

from __future__ import annotations

import re
import shutil

import yaml
from icalendar import Calendar

from htmlkit import parse
from sitekit import FIXTURES, ROOT, make_project, run_build

# Words that only an unfinished page would show a reader.
UNFINISHED = re.compile(r"Til redaktøren|For the editor|Eksempel – erstattes|to be replaced by the editor|TODO|"
                        r"Lorem ipsum|Din barns skole|admonition redaktoer|XXX", re.I)


def public_pages(site):
    return [path for path in site.rglob("*.html") if "redaktoer" not in path.relative_to(site).parts]


def test_no_public_page_shows_an_editor_note_or_example_data(site):
    pages = public_pages(site)
    assert len(pages) > 40
    found = {str(path.relative_to(site)): match.group(0) for path in pages
             if (match := UNFINISHED.search(path.read_text(encoding="utf-8")))}
    assert not found, found


def test_the_accessibility_page_keeps_its_note_for_the_editors_only(site):
    page = (site / "tilgaengelighed" / "index.html").read_text(encoding="utf-8")
    assert "WAS" in page and "Indsæt linket" not in page
    report = (site / "redaktoer" / "rapport" / "index.html").read_text(encoding="utf-8")
    texts = [" ".join(item.text.split()) for item in parse(report).find_all("li")]
    assert any(text.startswith("docs/tilgaengelighed.md:31 – Til redaktøren: Indsæt linket") for text in texts), texts


def test_without_events_the_page_says_so_and_offers_ssp(site):
    for folder, words in ((site / "arrangementer", "Skolen kan invitere SSP"), (site / "en" / "arrangementer", "invite SSP")):
        html = (folder / "index.html").read_text(encoding="utf-8")
        document = parse(html)
        assert words in document.with_class("ung-empty")[0].text
        assert len(document.with_class("ung-contact")) >= 2, "the SSP consultants' cards"
    feed = Calendar.from_ical((site / "arrangementer" / "kalender.ics").read_bytes())
    assert feed.walk("VEVENT") == []


def test_the_sample_events_live_among_the_test_fixtures_and_are_valid(tmp_path):
    """The three sample events, once public examples, are test data now: valid beside the real data."""
    from _ungvejen.data import load_site_data

    assert yaml.safe_load((ROOT / "data" / "events.yml").read_text(encoding="utf-8"))["events"] == []
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").symlink_to(ROOT / "docs")  # the data names pages; read them, never write
    shutil.copy(FIXTURES / "data" / "events-sample.yml", tmp_path / "data" / "events.yml")
    assert [event["id"] for event in load_site_data(tmp_path).events] == [
        "foraeldremoede-rusmidler-2027", "temaaften-sociale-medier-2027", "knallertkursus-info-2027"]


def test_an_editor_note_in_a_page_is_a_task_with_its_line_not_text_on_the_page(tmp_path):
    page = ('---\ntitle: Om os\ndescription: En lille side til en test af noter til redaktører.\n'
            'audiences: [unge]\nreviewed: 2026-11-20\n---\n\n# Om os\n\nTekst.\n\n'
            '!!! redaktoer "Mangler"\n    Skriv SSP\'s åbningstider her, når kommunen har dem.\n\nMere tekst.\n')
    project = make_project(tmp_path, pages={"docs/om.md": page, "docs/om.en.md": page.replace("Om os", "About")},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "om.md"]})
    result = run_build(project, tmp_path / "site")
    assert result.ok, result.output
    html = (tmp_path / "site" / "om" / "index.html").read_text(encoding="utf-8")
    assert "Mere tekst." in html and "åbningstider her" not in html and "redaktoer" not in html
    report = (tmp_path / "site" / "redaktoer" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert "docs/om.md:12</strong> – Mangler: Skriv SSP&#39;s åbningstider her" in report
