"""The glossary (data/glossary.yml): every glossary word on a page is explained with <abbr>,
in the page's language; /ordliste/ lists them all; a broken entry names file and line."""

from __future__ import annotations

import re

import yaml

from htmlkit import parse
from sitekit import ROOT, make_project, run_build

GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["glossary"]
PAGES = ["om-ssp", "temaer/psp-og-ksp", "til-fagpersoner", "faa-hjaelp-nu", "ordliste"]


def forms(entry, language):
    return [entry["term"][language], *(entry.get("forms") or {}).get(language, [])]


def prose_of(source: str) -> str:
    """The Markdown a reader sees as text: no front matter, comments, raw HTML or code."""
    body = source.split("\n---\n", 1)[1] if source.startswith("---") else source
    body = re.sub(r"<!--.*?-->|```.*?```|`[^`]*`|<svg.*?</svg>|<figure.*?</figure>", " ", body, flags=re.S)
    return "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("<"))


def test_glossary_words_are_marked_where_they_are_used(site):
    checked = 0
    for language, suffix, prefix in (("da", ".md", ""), ("en", ".en.md", "en/")):
        explanations = {entry["explanation"][language] for entry in GLOSSARY}
        for page in PAGES:
            prose = prose_of((ROOT / "docs" / f"{page}{suffix}").read_text(encoding="utf-8"))
            html = (site / prefix / page / "index.html").read_text(encoding="utf-8")
            article = parse(re.search(r"<article.*?</article>", html, re.S).group(0))
            marked = {abbr.text: abbr.attrs.get("title") for abbr in article.find_all("abbr")}
            assert set(marked.values()) <= explanations, (page, language)
            for entry in GLOSSARY:
                for form in forms(entry, language):
                    if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", prose):
                        checked += 1
                        assert marked.get(form) == " ".join(entry["explanation"][language].split()), (
                            f"{prefix}{page}: '{form}' is not marked as a glossary word")
    assert checked >= 15


def test_the_glossary_page_lists_every_entry_in_both_languages(site):
    for language, prefix in (("da", ""), ("en", "en/")):
        document = parse((site / prefix / "ordliste" / "index.html").read_text(encoding="utf-8"))
        terms = [" ".join(dt.text.split()) for dt in document.find_all("dt")]
        assert len(terms) == len(GLOSSARY)
        for entry in GLOSSARY:
            assert any(term.startswith(entry["term"][language]) for term in terms), (language, entry["id"])
        assert document.first("dt", id="ord-bekymringssamtale") is not None


def test_a_glossary_entry_without_an_explanation_names_file_and_line(tmp_path):
    broken = 'glossary:\n  - id: ssp\n    term: {da: "SSP", en: "SSP"}\n'
    result = run_build(make_project(tmp_path, data={"data/glossary.yml": broken}), tmp_path / "site")
    assert not result.ok
    assert "data/glossary.yml:2" in result.output and "explanation" in result.output, result.output
    assert "Traceback" not in result.output
