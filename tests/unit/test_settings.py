"""_ungvejen.settings: extra.ungvejen in mkdocs.yml checked against its schema, as typed values,
each mistake a problem at mkdocs.yml:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from _ungvejen.problems import ProblemReport
from _ungvejen.settings import DEFAULT_EXIT_URL, AudienceSettings, Settings, read_settings

from .stand_ins import SCHEMAS

MKDOCS_YML = """site_name: x
extra:
  generator: false
  ungvejen:
    exit_url: !ENV [UNGVEJEN_EXIT_URL, "https://www.dmi.dk/"]
    audiences:
      unge:
        review_every: 6 monhts
        lix_max: 5
      fagpersoner:
        review_every: 1 year
        requires_translation: en
    overdue_is_eror: true
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""

GOOD = {"exit_url": "https://www.dmi.dk/",
        "audiences": {"unge": {"review_every": "6 months", "lix_max": 35, "requires_translation": ["en"]},
                      "fagpersoner": {"review_every": "1 year"}},
        "overdue_is_error": True}


@pytest.fixture
def root(tmp_path) -> Path:
    (tmp_path / "data").mkdir()
    shutil.copytree(SCHEMAS, tmp_path / "data" / "schema")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return tmp_path


def report_of(raw, root: Path, config_file: Path | None = None) -> ProblemReport:
    with pytest.raises(ProblemReport) as raised:
        read_settings(raw, config_file or root / "mkdocs.yml", root)
    return raised.value


def test_good_settings_become_typed_values(root):
    settings = read_settings(GOOD, root / "mkdocs.yml", root)
    assert settings == Settings(
        exit_url="https://www.dmi.dk/",
        audiences={"unge": AudienceSettings(6, 35, ("en",)), "fagpersoner": AudienceSettings(12, None, ())},
        overdue_is_error=True,
    )
    assert settings.review_months("unge") == 6
    assert settings.review_months("fagpersoner") == 12
    assert settings.review_months("boern") is None
    assert settings.audiences_requiring("en") == {"unge"}
    assert settings.audiences_requiring("de") == set()


def test_overdue_is_error_defaults_to_false_and_a_site_path_is_a_valid_exit(root):
    settings = read_settings({"exit_url": "/vejret/", "audiences": {"unge": {"review_every": "3 måneder"}}},
                             root / "mkdocs.yml", root)
    assert (settings.exit_url, settings.overdue_is_error, settings.review_months("unge")) == ("/vejret/", False, 3)
    assert DEFAULT_EXIT_URL == "https://www.dmi.dk/"


def test_every_mistake_is_reported_at_its_line_in_mkdocs_yml(root):
    raw = {"exit_url": "https://www.dmi.dk/",
           "audiences": {"unge": {"review_every": "6 monhts", "lix_max": 5},
                         "fagpersoner": {"review_every": "1 year", "requires_translation": "en"}},
           "overdue_is_eror": True}
    report = report_of(raw, root)
    assert str(report).startswith("Fejl i indstillingerne i mkdocs.yml (extra → ungvejen) (4):\n")
    assert [(p.file, p.line, p.column) for p in report.problems] == [
        ("mkdocs.yml", 8, 23), ("mkdocs.yml", 9, 18), ("mkdocs.yml", 12, 31), ("mkdocs.yml", 13, 22)]
    messages = [p.message for p in report.problems]
    assert messages[0] == "'6 monhts' har ikke den rigtige form i 'audiences → unge → review_every'."
    assert messages[1] == ("Værdien 5 i 'audiences → unge → lix_max' er uden for det tilladte (skal være mindst 10).")
    assert messages[2] == ("Feltet 'audiences → fagpersoner → requires_translation' skal være en liste, men er 'en'.")
    assert messages[3].startswith("Ukendt felt 'overdue_is_eror'")
    assert report.problems[0].fix == "Skriv fx  review_every: 6 months  eller  review_every: 1 year."
    assert report.problems[3].fix.startswith("Mente du 'overdue_is_error'?")


def test_exit_url_mistakes(root):
    report = report_of({"exit_url": "ftp://x", "audiences": {}}, root)
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (5, 15, "'ftp://x' har ikke den rigtige form i 'exit_url'."),
        (7, 7, "Feltet 'audiences' er tomt."),
    ]
    assert "exit_url: https://www.dmi.dk/" in report.problems[0].fix


def test_missing_required_settings(root):
    report = report_of({"audiences": {"unge": {}}}, root)
    assert sorted(p.message for p in report.problems) == [
        "Feltet 'exit_url' mangler i filen.",
        "Feltet 'review_every' mangler i audiences → unge.",
    ]


@pytest.mark.parametrize("raw", [None, "tekst", ["exit_url"]])
def test_block_missing_or_not_fields(root, raw):
    report = report_of(raw, root)
    [problem] = report.problems
    assert str(report).startswith("Fejl i indstillingerne i mkdocs.yml (1):")
    assert (problem.file, problem.line) == ("mkdocs.yml", 5)
    assert problem.message == "Blokken extra → ungvejen mangler eller er ikke felter."


def test_a_config_file_outside_the_root_is_named_by_its_name_and_unreadable_gives_line_one(root, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "site.yml"
    report = report_of({"exit_url": "x", "audiences": {"unge": {"review_every": "6 months"}}}, root, elsewhere)
    assert [(p.file, p.line, p.column) for p in report.problems] == [("site.yml", 1, 0)]


def test_a_review_interval_too_long_to_count_is_a_mistake(root):
    """'99999 years' passed the schema, then every page's due date ended in a ValueError
    (year out of range) in the middle of the build (issue 14)."""
    report = report_of({"exit_url": "https://www.dmi.dk/", "audiences": {"unge": {"review_every": "99999 years"}}}, root)
    assert [p.message for p in report.problems] == [
        "'99999 years' har ikke den rigtige form i 'audiences → unge → review_every'."]
