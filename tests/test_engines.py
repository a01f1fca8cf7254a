"""Issue 13: the site builds with both engines, MkDocs 1.6.1 and ProperDocs (the maintained
continuation of MkDocs 1.x), installed side by side in one environment.

Editors keep `mkdocs build` and `mkdocs serve`; CI builds the real site with `properdocs build
--strict` too and checks that both engines write the same site and report the same mistakes.
A missing ProperDocs is a failure, never a skip.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from htmlkit import parse
from sitekit import ENGINES, FIXTURES, ROOT, make_project, run_build
from test_strict_build import BROKEN_LINK_PAGE

# The engines' names may appear in generator strings (`extra.generator` is off today).
GENERATOR = re.compile(rb"mkdocs-\d+\.\d+\.\d+|ProperDocs \d+\.\d+\.\d+")
# Pagefind writes the languages of this file in whichever order its index finished first.
UNORDERED_JSON = {"pagefind/pagefind-entry.json"}
KEY_PAGES = ["index.html", "temaer/rusmidler/index.html", "en/index.html", "en/temaer/rusmidler/index.html"]


def require_properdocs() -> None:
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail("ProperDocs is missing: `bash scripts/setup.sh` installs it (pinned in requirements.txt).")


def pinned(name: str) -> str:
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith(f"{name.lower()}=="):
            return line.split("==", 1)[1].strip()
    raise AssertionError(f"{name} is not pinned in requirements.txt")


PAGEFIND = "pagefind/"


def pagefind_shape(folder: Path) -> tuple:
    entry = json.loads((folder / PAGEFIND / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {}
    for name in files_of(folder):
        if name.startswith(PAGEFIND):
            kind = name.rsplit("/", 1)[0] if "/" in name[len(PAGEFIND):] else "pagefind"
            counts[kind] = counts.get(kind, 0) + 1
    return {language: meta["page_count"] for language, meta in entry["languages"].items()}, counts


def files_of(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def same_content(relative: str, one: Path, other: Path) -> bool:
    a, b = (one / relative).read_bytes(), (other / relative).read_bytes()
    if relative in UNORDERED_JSON:
        return json.loads(a) == json.loads(b)
    if relative.endswith((".html", ".xml")):
        return GENERATOR.sub(b"GENERATOR", a) == GENERATOR.sub(b"GENERATOR", b)
    return a == b


def test_both_engines_are_installed_side_by_side():
    """One environment holds both: `mkdocs` is MkDocs' own package (ProperDocs ships none and
    aliases `mkdocs.*` imports only inside its own process), each at the pinned version."""
    require_properdocs()
    for engine in ENGINES:
        completed = subprocess.run(ENGINES[engine] + ["--version"], capture_output=True, text=True, timeout=60)
        assert completed.returncode == 0, completed.stderr
        assert f"{engine}, version {pinned(engine)} from " in completed.stdout, completed.stdout
        location = Path(completed.stdout.split(" from ", 1)[1].split(" (Python")[0])
        assert location.name == engine, completed.stdout


def test_properdocs_builds_the_real_site_like_mkdocs(site, tmp_path):
    """`properdocs build --strict` on the real site: it succeeds without warnings, writes the same
    files as `mkdocs build --strict` (conftest's `site`), every file with the same bytes (apart from
    generator strings and the order of Pagefind's languages), and the key pages' <article> text is
    the same. One test, so that pytest-xdist builds the site with ProperDocs once, not per worker.
    (The builds run minutes apart; a run across midnight may see date-dependent differences.)"""
    require_properdocs()
    result = run_build(ROOT, tmp_path / "site", engine="properdocs")
    assert result.ok, f"`properdocs build --strict` fails on the real site:\n{result.output[-4000:]}"
    assert "Traceback" not in result.output
    assert not [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR"))], result.output

    # Pagefind names some index files by a hash that can differ from one build to the next
    # (the Danish and English filter files swapped names between two MkDocs builds as well):
    # its output is compared by folder and count, and the entry file by its languages' pages.
    built_by_mkdocs, built_by_properdocs = (
        {name for name in files_of(folder) if not name.startswith(PAGEFIND)} for folder in (site, result.site))
    assert pagefind_shape(site) == pagefind_shape(result.site)
    assert built_by_properdocs == built_by_mkdocs, (
        f"only mkdocs: {sorted(built_by_mkdocs - built_by_properdocs)[:20]}; "
        f"only properdocs: {sorted(built_by_properdocs - built_by_mkdocs)[:20]}")
    assert len(built_by_mkdocs) > 100

    for page in KEY_PAGES:
        articles = [parse(folder / page).first("article") for folder in (site, result.site)]
        assert all(articles), f"no <article> in {page}"
        mkdocs_text, properdocs_text = (" ".join(article.text.split()) for article in articles)
        assert len(mkdocs_text) > 200, f"{page}: {mkdocs_text}"
        assert properdocs_text == mkdocs_text, f"{page}: the engines' <article> text differs"

    differing = sorted(relative for relative in built_by_mkdocs if not same_content(relative, site, result.site))
    assert not differing, f"{len(differing)} of {len(built_by_mkdocs)} files differ between the engines: {differing[:20]}"


FRONT_MATTER = "---\ntitle: [Side\ndescription: x\n---\n# Side\n\nTekst.\n"
TWIN = """\
---
title: Page
description: A page in a tiny test site for testing the messages editors get.
audiences: [unge]
reviewed: 2026-11-20
---
# Page

Text.
"""
CONTACTS = (FIXTURES / "tiny" / "data" / "contacts.yml").read_text(encoding="utf-8")
BROKEN = {
    # Our hooks' editor warning, which stops the strict build.
    "bad-front-matter": ({"docs/side.md": FRONT_MATTER, "docs/side.en.md": TWIN},
                         {"nav": ["index.md", "temaer/rusmidler.md", "side.md"]}, "docs/side.md:2:"),
    # Our hooks' data report: a PluginError raised through `mkdocs.exceptions`.
    "data-typo": ({"data/contacts.yml": CONTACTS.replace('phone: "24430755"', 'phnoe: "24430755"')}, {},
                  "data/contacts.yml:18:"),
    # The engine's own link validation (`validation:` in mkdocs.yml).
    "broken-link": ({"docs/index.md": BROKEN_LINK_PAGE}, {}, "findes-ikke.md"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_site_fails_under_both_engines_with_the_same_message(tmp_path, case):
    """A broken tiny fixture fails under both engines, without a traceback, with the same
    file:line lines and the same "Aborted with ..." line."""
    require_properdocs()
    pages, config, where = BROKEN[case]
    project = make_project(tmp_path, pages=pages, config=config)
    messages = {}
    for engine in ENGINES:
        result = run_build(project, tmp_path / f"site-{engine}", engine=engine)
        assert not result.ok, f"{engine} built a broken site:\n{result.output}"
        assert "Traceback" not in result.output, result.output
        named = [line for line in result.output.splitlines() if where in line]
        assert named, f"{engine} does not name {where!r}:\n{result.output}"
        messages[engine] = named + [line for line in result.output.splitlines() if line.startswith("Aborted with")]
    assert messages["properdocs"] == messages["mkdocs"]
