"""Our settings in mkdocs.yml (extra.ungvejen) are checked before anything is built: a typo
stops the build with mkdocs.yml:line, the field and the fix in Danish – never a traceback,
never a silent default."""

from __future__ import annotations

from pathlib import Path

import pytest

from _ungvejen.problems import ProblemReport
from _ungvejen.settings import read_settings
from sitekit import ROOT, make_project, run_build

GOOD = {"exit_url": "https://www.dmi.dk/",
        "audiences": {"unge": {"review_every": "6 months", "lix_max": 35, "requires_translation": ["en"]},
                      "fagpersoner": {"review_every": "1 year"}},
        "overdue_is_error": True}


def write_config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_settings_become_typed_values():
    settings = read_settings(GOOD, ROOT / "mkdocs.yml", ROOT)
    assert settings.exit_url == "https://www.dmi.dk/"
    assert settings.review_months("unge") == 6
    assert settings.review_months("fagpersoner") == 12
    assert settings.review_months("ukendt") is None
    assert settings.audiences["unge"].lix_max == 35
    assert settings.audiences_requiring("en") == {"unge"}
    assert settings.overdue_is_error is True


def test_the_real_mkdocs_yml_is_valid():
    import yaml

    from sitekit import _EnvLoader

    raw = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)["extra"]["ungvejen"]
    settings = read_settings(raw, ROOT / "mkdocs.yml", ROOT)
    assert set(settings.audiences) == {"unge", "foraeldre", "fagpersoner"}


@pytest.mark.parametrize("change, expected", [
    ({"audiences": {"unge": {"review_evry": "6 months"}}}, "Ukendt felt 'review_evry'"),
    ({"audiences": {"unge": {"review_every": "6 mdr"}}}, "review_every"),
    ({"audiences": {"unge": {"review_every": "6 months", "lix_max": "35"}}}, "skal være et helt tal"),
    ({"exit_url": "www.dmi.dk"}, "exit_url"),
    ({"overdue_is_error": "ja"}, "true eller false"),
    ({"exit_url": "https://www.dmi.dk/", "exit_ulr": "x"}, "Mente du 'exit_url'?"),
])
def test_a_mistake_names_the_line_and_the_fix(tmp_path, change, expected):
    raw = {**GOOD, **change}
    config = write_config(tmp_path, "site_name: x\nextra:\n  ungvejen:\n    exit_url: x\n    audiences:\n"
                                    "      unge:\n        review_evry: 6 months\n")
    with pytest.raises(ProblemReport) as caught:
        read_settings(raw, config, ROOT)
    text = str(caught.value)
    assert expected in text
    assert "mkdocs.yml:" in text and "Sådan retter du:" in text


def test_a_typo_in_mkdocs_yml_stops_the_build_at_its_line(tmp_path):
    project = make_project(tmp_path, config={"extra": {"ungvejen": {"audiences": {"unge": {"review_evry": "6 months"}}}}})
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "review_evry" in text)
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    assert f"mkdocs.yml:{line}:" in result.output
    assert "Ukendt felt 'review_evry'" in result.output and "Mente du 'review_every'?" in result.output
    assert "Traceback" not in result.output
