"""Issue 2: the strict build stops on broken links and anchors and names the file."""

from sitekit import make_project, run_build


def front_page(description: str, link: str) -> str:
    """A valid front page whose only mistake is its link."""
    return (f"---\ntitle: Forside\ndescription: {description}\naudiences: [unge]\nreviewed: 2026-11-20\n---\n"
            f"# Forside\n\nSe {link}.\n")


BROKEN_LINK_PAGE = front_page("En forside med et link til en side, der ikke findes.",
                              "[en side, der ikke findes](findes-ikke.md)")
MISSING_ANCHOR_PAGE = front_page("En forside med et link til et afsnit, der ikke findes.",
                                 "[forældre](temaer/rusmidler.md#findes-ikke)")


def test_broken_link_fails_and_names_the_file(tmp_path):
    result = run_build(make_project(tmp_path, pages={"docs/index.md": BROKEN_LINK_PAGE}), tmp_path / "site")
    assert not result.ok
    assert "index.md" in result.output and "findes-ikke.md" in result.output
    assert "Traceback" not in result.output


def test_missing_anchor_fails_and_names_the_file(tmp_path):
    result = run_build(make_project(tmp_path, pages={"docs/index.md": MISSING_ANCHOR_PAGE}), tmp_path / "site")
    assert not result.ok
    assert "index.md" in result.output and "#findes-ikke" in result.output
    assert "Traceback" not in result.output


def test_the_tiny_site_builds(tmp_path):
    result = run_build(make_project(tmp_path), tmp_path / "site")
    assert result.ok, result.output
