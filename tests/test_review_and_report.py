"""Issue 7: review dates (line, overdue warning, in-browser note) and the editors' report."""

from __future__ import annotations

import csv

import pytest

from conftest import serve
from htmlkit import parse
from sitekit import make_project, run_build


def review_line(site, path):
    return " ".join(parse(site / path).with_class("ung-review")[0].text.split())


@pytest.fixture(scope="module")
def built_in_december(tmp_path_factory):
    """The tiny site built strictly as on 2026-12-01, shared by the tests that only read it."""
    tmp = tmp_path_factory.mktemp("review-december")
    result = run_build(make_project(tmp), tmp / "site", env={"UNGVEJEN_TODAY": "2026-12-01"})
    assert result.ok, result.output
    return tmp / "site"


def test_review_dates_in_both_languages(built_in_december):
    assert review_line(built_in_december, "temaer/rusmidler/index.html") == \
        "Sidst gennemgået 20. november 2026 · Næste gennemgang senest 20. maj 2027"
    assert review_line(built_in_december, "en/temaer/rusmidler/index.html") == \
        "Last reviewed 20 November 2026 · Next review due 20 May 2027"


def test_own_review_interval_wins(tmp_path):
    page = (make_project(tmp_path / "a") / "docs" / "index.md").read_text(encoding="utf-8")
    project = make_project(tmp_path, pages={"docs/index.md": page.replace("reviewed:", "review_every: 3 months\nreviewed:")})
    result = run_build(project, tmp_path / "site", env={"UNGVEJEN_TODAY": "2026-12-01"})
    assert result.ok, result.output
    assert review_line(tmp_path / "site", "index.html").endswith("Næste gennemgang senest 20. februar 2027")


def test_overdue_page_warns_and_stops_a_strict_build(tmp_path):
    project = make_project(tmp_path)
    later = {"UNGVEJEN_TODAY": "2027-06-01"}
    strict = run_build(project, tmp_path / "site", env=later)
    assert not strict.ok
    assert "docs/temaer/rusmidler.md:1: Siden skulle have været gennemgået senest 2027-05-20." in strict.output
    relaxed = run_build(project, tmp_path / "site2", strict=False, env=later)
    assert relaxed.ok and "WARNING" in relaxed.output


def test_overdue_can_be_an_error(tmp_path):
    project = make_project(tmp_path, config={"extra": {"ungvejen": {"overdue_is_error": True}}})
    result = run_build(project, tmp_path / "site", strict=False, env={"UNGVEJEN_TODAY": "2027-06-01"})
    assert not result.ok
    assert "skulle have været gennemgået" in result.output and "Traceback" not in result.output


def test_page_says_it_may_be_outdated_after_the_due_date(built_in_december, browser):
    server = serve(built_in_december)
    try:
        for moment, expected in (("2027-01-10T12:00:00", "Sidst gennemgået 20. november 2026"),
                                 ("2027-05-21T12:00:00", "Denne side kan være forældet. Den skulle have været gennemgået senest 20. maj 2027.")):
            context = browser.new_context()
            page = context.new_page()
            page.clock.set_fixed_time(moment)
            page.goto(f"http://127.0.0.1:{server.server_port}/temaer/rusmidler/")
            assert page.locator(".ung-review").inner_text().strip().startswith(expected), moment
            context.close()
    finally:
        server.shutdown()


def test_editors_report_rows(tmp_path):
    result = run_build(make_project(tmp_path), tmp_path / "site", strict=False, env={"UNGVEJEN_TODAY": "2027-06-01"})
    assert result.ok, result.output
    with open(tmp_path / "site" / "redaktoer" / "rapport.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["side"] for row in rows] == ["docs/index.md", "docs/temaer/rusmidler.md"]
    theme = rows[1]
    assert theme["målgrupper"] == "unge, foraeldre" and theme["tema"] == "rusmidler"
    assert theme["næste gennemgang"] == "2027-05-20" and theme["forfalden"] == "ja"
    assert theme["engelsk"] == "oversat"
    assert theme["lix"].startswith("unge ") and ", foraeldre " in theme["lix"]
    assert "alarm-112" in theme["kontakter"] and "ssp-test" in theme["kontakter"]
    html = (tmp_path / "site" / "redaktoer" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "docs/temaer/rusmidler.md" in html


def test_overdue_pages_come_first(tmp_path):
    page = (make_project(tmp_path / "a") / "docs" / "index.md").read_text(encoding="utf-8")
    project = make_project(tmp_path, pages={"docs/index.md": page.replace("2026-11-20", "2027-05-30")})
    run_build(project, tmp_path / "site", strict=False, env={"UNGVEJEN_TODAY": "2027-06-01"})
    with open(tmp_path / "site" / "redaktoer" / "rapport.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [(row["side"], row["forfalden"]) for row in rows] == [("docs/temaer/rusmidler.md", "ja"), ("docs/index.md", "")]


def test_report_and_guide_stay_out_of_the_sitemap_and_are_noindex(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "redaktoer" not in sitemap
    assert "/en/" in sitemap
    guide = parse(site / "redaktoer" / "index.html")
    assert guide.first("meta", name="robots").attrs["content"] == "noindex"
    assert (site / "redaktoer" / "rapport" / "index.html").exists()
    assert (site / "redaktoer" / "rapport.csv").exists()
    nav_links = [a.attrs.get("href", "") for a in parse(site / "index.html").with_class("md-nav__link")]
    assert not any("redaktoer" in href for href in nav_links)
