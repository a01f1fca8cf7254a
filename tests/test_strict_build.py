"""Issue 2: the strict build stops on broken links and anchors and names the file."""

from sitekit import make_project, run_build


def test_broken_link_fails_and_names_the_file(tmp_path):
    project = make_project(tmp_path, pages={"docs/index.md": """
        ---
        title: Forside
        description: En forside med et link til en side, der ikke findes.
        audiences: [unge]
        reviewed: 2026-11-20
        ---
        # Forside

        Se [en side, der ikke findes](findes-ikke.md).
        """})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    assert "index.md" in result.output and "findes-ikke.md" in result.output
    assert "Traceback" not in result.output


def test_missing_anchor_fails_and_names_the_file(tmp_path):
    project = make_project(tmp_path, pages={"docs/index.md": """
        ---
        title: Forside
        description: En forside med et link til et afsnit, der ikke findes.
        audiences: [unge]
        reviewed: 2026-11-20
        ---
        # Forside

        Se [forældre](temaer/rusmidler.md#findes-ikke).
        """})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    assert "index.md" in result.output and "#findes-ikke" in result.output
    assert "Traceback" not in result.output


def test_the_tiny_site_builds(tmp_path):
    result = run_build(make_project(tmp_path), tmp_path / "site")
    assert result.ok, result.output
