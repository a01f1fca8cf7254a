"""_ungvejen.pagefind_index: pages go to Pagefind language by language, on a second thread,
and the index is written when the last language is in – without a MkDocs build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _ungvejen.pagefind_index import BackgroundIndex
from _ungvejen.search import SearchPage

PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
<article class="md-content__inner md-typeset"><h1>{title}</h1><p>{text}</p></article></body></html>"""


def page(tmp_path: Path, language: str, url: str, title: str, text: str, tags=()) -> tuple[SearchPage, str]:
    html = PAGE.format(lang=language, title=title, text=text)
    return SearchPage(path=str(tmp_path / "x.html"), url=url, page_path=url.removeprefix(f"{language}/"),
                      language=language, title=title, tags=list(tags)), html


def test_languages_handed_over_one_by_one_are_all_indexed(tmp_path):
    output = tmp_path / "pagefind"
    index = BackgroundIndex(output)
    for url, title, text in [("temaer/rusmidler/", "Rusmidler", "Hjælp til unge om hash og piller."),
                             ("kontakt/", "Kontakt", "Ring til SSP i Vejen Kommune.")]:
        index.add_page(*page(tmp_path, "da", url, title, text, tags=["hash"]))
    index.hand_over_all_but("en")  # Danish is complete while English is being built
    index.add_page(*page(tmp_path, "en", "en/temaer/rusmidler/", "Drugs", "Help about cannabis."))
    index.finish()
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    assert set(languages) == {"da", "en"}
    assert languages["da"]["page_count"] == 2 and languages["en"]["page_count"] == 1
    assert index.counts == {"da": 2, "en": 1}
    # Words with æ, ø or å, from the article, the title and the tags, for search.js's folding.
    assert "hjælp" in index.folding["da"] and index.folding["en"] == set()


def test_a_language_is_not_handed_over_while_it_is_being_built(tmp_path):
    index = BackgroundIndex(tmp_path / "pagefind")
    index.add_page(*page(tmp_path, "da", "a/", "A", "Tekst."))
    index.hand_over_all_but("da")
    assert index._folders.qsize() == 0
    index.hand_over_all_but("en")
    index.hand_over_all_but("en")  # only once
    assert index._folders.qsize() == 1
    index.finish()
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_an_index_that_cannot_be_written_stops_the_build_with_a_message(tmp_path):
    blocker = tmp_path / "pagefind"
    blocker.write_text("a file where the index folder should go", encoding="utf-8")
    index = BackgroundIndex(blocker, answer_limit=30)
    index.add_page(*page(tmp_path, "da", "a/", "A", "Tekst."))
    with pytest.raises(RuntimeError, match="kan ikke skrives til"):
        index.finish()


def test_every_index_file_is_complete_and_the_unused_uis_are_left_out(tmp_path):
    """Pagefind's own write_files answered before its writes reached the disk; on a busy
    machine the service was stopped first and pagefind-entry.json was left empty."""
    output = tmp_path / "pagefind"
    index = BackgroundIndex(output)
    for number in range(5):
        index.add_page(*page(tmp_path, "da", f"side-{number}/", f"Side {number}", "Hjælp til unge."))
    index.finish()
    written = {path.relative_to(output).as_posix(): path.stat().st_size for path in output.rglob("*") if path.is_file()}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.da.pagefind"} <= set(written)
    assert not [name for name, size in written.items() if size == 0]
    assert not [name for name in written if "-ui" in name or name.startswith(".") or "/." in name]
    assert json.loads((output / "pagefind-entry.json").read_text())["languages"]["da"]["page_count"] == 5


def test_an_empty_file_left_by_pagefind_stops_the_build(tmp_path):
    index = BackgroundIndex(tmp_path / "pagefind")
    index._written.mkdir()
    (index._written / "pagefind-entry.json").write_text('{"languages": {}}', encoding="utf-8")
    (index._written / "pagefind.js").touch()
    with pytest.raises(RuntimeError, match="tomme filer: pagefind.js"):
        index._write_files()


def test_an_entry_file_without_languages_stops_the_build(tmp_path):
    index = BackgroundIndex(tmp_path / "pagefind")
    index._written.mkdir()
    (index._written / "pagefind-entry.json").write_text("[]", encoding="utf-8")
    with pytest.raises(RuntimeError, match="ingen brugbar pagefind-entry.json"):
        index._write_files()


def test_a_build_that_stops_halfway_does_not_keep_the_process_alive(tmp_path):
    """mkdocs-static-i18n's English build can abort (strict warnings) after Danish went to
    Pagefind: the process must still exit at once, not wait for the next language."""
    import subprocess
    import sys

    script = f"""
import sys
sys.path[:0] = {[str(Path(__file__).resolve().parents[2] / "hooks")]!r}
from pathlib import Path
from _ungvejen.pagefind_index import BackgroundIndex
from _ungvejen.search import SearchPage
index = BackgroundIndex(Path({str(tmp_path / "pagefind")!r}))
index.add_page(SearchPage(path="x", url="a/", page_path="a/", language="da", title="A"),
               '<html lang="da"><article class="md-content__inner"><h1>A</h1><p>Tekst</p></article></html>')
index.hand_over_all_but("en")
raise SystemExit(3)  # the build stops here, as an Abort would
"""
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 3, completed.stderr
