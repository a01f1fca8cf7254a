"""Issue 14: what docs/ may hold. HTML that an editor writes in Markdown is checked against an
allowlist, a script no template wrote is not trusted, and a link out of the project is not
published. Each hostile form stops the strict build with the page and its line – one shared
build with one page per form – and the real site passes (it builds strictly in conftest's
`site`)."""

from __future__ import annotations

import pytest

from sitekit import make_project, run_build

FRONT = "---\ntitle: {title}\ndescription: En side med noget HTML, som ikke er tilladt på UngVejen.\naudiences: [unge]\nreviewed: 2026-11-20\n---\n# {title}\n\nTekst.\n\n"
TWIN = FRONT.format(title="Page")
FORMS = {
    "script": ('<script>document.title="XSS"</script>', "Elementet <script>"),
    # Inside an HTML block Markdown passes it through as it is (on its own it becomes text).
    "handler": ('<div><img/alt="x"/src="x.png"/onerror=alert(1)></div>', "onerror"),
    "entity-javascript": ('<a href="&#106;avascript:alert(1)">x</a>', "'javascript:'"),
    "tab-javascript": ('<a href="java&#9;script:alert(1)">x</a>', "'javascript:'"),
    "svg-xlink": ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "xlink:href"),
    "backslash-script": ('<script src="/\\evil.example/x.js"></script>', "Elementet <script>"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "Elementet <meta>"),
    "external-image": ('<img src="https://evil.example/x.png" alt="x">', "henter noget fra en anden adresse"),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', "Elementet <iframe>"),
    "base": ('<base href="https://evil.example/">', "Elementet <base>"),
}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-html")
    pages = {}
    for name, (html, _) in FORMS.items():
        pages[f"docs/html-{name}.md"] = FRONT.format(title=f"Side {name}") + html + "\n"
        pages[f"docs/html-{name}.en.md"] = TWIN
    nav = ["index.md", "temaer/rusmidler.md", *(f"html-{name}.md" for name in FORMS)]
    return run_build(make_project(tmp, pages=pages, config={"nav": nav}), tmp / "site")


def test_the_build_stops_without_a_traceback(hostile_build):
    assert not hostile_build.ok
    assert "Traceback" not in hostile_build.output


@pytest.mark.parametrize("name", FORMS)
def test_each_form_names_its_page_and_line(hostile_build, name):
    _, words = FORMS[name]
    # The HTML stands on line 11 of each page (6 lines of front matter, heading, blank, text, blank).
    lines = [line for line in hostile_build.output.splitlines() if f"docs/html-{name}.md:11:" in line]
    assert lines, hostile_build.output[-3000:]
    assert any(words in line and "Sådan retter du" in line for line in lines), lines


def test_a_script_in_a_title_is_not_trusted_by_the_csp(tmp_path):
    """Material writes page titles unescaped into the header and the navigation. Whatever
    checks the front matter, the policy must not trust a script that no template wrote."""
    import base64
    import hashlib

    script = "document.title='XSS'"
    page = FRONT.format(title=f'"Rusmidler<script>{script}</script>"')
    project = make_project(tmp_path, pages={"docs/titel.md": page, "docs/titel.en.md": TWIN},
                           config={"nav": ["index.md", "temaer/rusmidler.md", "titel.md"]})
    result = run_build(project, tmp_path / "site", strict=False)
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    # The title is in every page's navigation: the CSP reports the script once, with the count.
    assert any("ikke kommer fra sidens skabeloner" in line and "andre sider" in line for line in lines), lines
    # ... at the line it comes from: the title in the page's front matter.
    assert any("docs/titel.md:2: Sikkerhedsreglen" in line for line in lines), lines
    assert any(line.startswith("WARNING") and "docs/titel.md:2" in line for line in lines), lines  # the front matter
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    headers = (tmp_path / "site" / "_headers").read_text(encoding="utf-8")
    assert f"sha256-{digest}" not in headers
    assert headers.count("'sha256-") >= 5  # Material's own scripts are still trusted


def test_a_symlink_out_of_the_project_is_not_published(tmp_path):
    import os

    project = make_project(tmp_path)
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("fra byggemaskinen", encoding="utf-8")
    os.symlink(secret, project / "docs" / "bilag.txt")
    os.symlink(project / "docs" / "index.md", project / "docs" / "kopi.txt")  # inside the project: fine
    strict = run_build(project, tmp_path / "strict")
    assert not strict.ok and "Traceback" not in strict.output
    assert any("docs/bilag.txt:1:" in line and "symlink" in line for line in strict.output.splitlines()), strict.output
    relaxed = run_build(project, tmp_path / "relaxed", strict=False)
    assert relaxed.ok
    assert not (tmp_path / "relaxed" / "bilag.txt").exists()
    assert (tmp_path / "relaxed" / "kopi.txt").exists()
