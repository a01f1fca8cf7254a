"""Pagefind indexing beside the build: each language is indexed while the next one builds.

mkdocs-static-i18n builds the default language, then the others one by one. Each page is
copied with its search extras (search.html_for_index) as soon as its HTML is finished; when
a language is complete its folder of copies goes to Pagefind – a separate program, so it
works on the second core while Python builds the next language. When the last language is
in, the index is written (`finish`).

A thread owns the Pagefind session (its Python API is asyncio); languages reach it through a
queue. Each language goes in with one `add_directory` call: the API answers each request
after a 0.1 s poll, so one call per page made 54 pages take 5.5 s instead of 0.3 s. If a
build fails halfway (a `mkdocs serve` rebuild with an error), the thread gives up after
`IDLE_LIMIT` seconds without work and the session ends.

Pagefind's `write_files` answers before its writes have reached the disk (it hands them to
background threads), and stopping the service right after left files empty on a busy
machine – an empty pagefind-entry.json breaks search on the whole site. So Pagefind writes
into a hidden folder beside the output; the service is stopped only when no file there is
empty any more (each of Pagefind's files is written in one go, and none is empty when whole);
the folder is checked and then renamed to `pagefind/` in one step.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import shutil
import tempfile
import threading
import time
from pathlib import Path

from .search import EXCLUDE_SELECTORS, ROOT_SELECTOR, SearchPage, article_text, html_for_index, words_with_special_letters

IDLE_LIMIT = 300  # seconds between two languages; a real build takes a few
POLL_SECONDS = 0.01
# Pagefind's Python API waits for ever when the index cannot be written (a file where the
# folder should be): the build gives up after this long instead of hanging.
ANSWER_LIMIT = 120
# Pagefind also makes its ready-made UIs; search.js uses only the core API (pagefind.js).
UNUSED_BUNDLE_FILES = frozenset({
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
})
ENTRY_FILE = "pagefind-entry.json"


class BackgroundIndex:
    def __init__(self, output: Path, answer_limit: float = ANSWER_LIMIT):
        self.output = output
        self.answer_limit = answer_limit
        self.counts: dict[str, int] = {}
        self.folding: dict[str, set[str]] = {}
        self._handed_over: set[str] = set()
        self._folders: queue.Queue = queue.Queue()
        self._error: BaseException | None = None
        self._indexed = 0
        self._written = output.with_name(f".{output.name}-partial")
        self._work = Path(tempfile.mkdtemp(prefix="ungvejen-search-"))
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def add_page(self, page: SearchPage, html: str) -> None:
        """Copy one finished page with its search extras, and note its words with æ, ø or å."""
        copy = self._work / page.language / page.url / "index.html"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(html_for_index(html, page), encoding="utf-8")
        self.folding.setdefault(page.language, set()).update(
            words_with_special_letters([article_text(html), page.title, *page.tags, *page.search_words]))
        self.counts[page.language] = self.counts.get(page.language, 0) + 1

    def hand_over_all_but(self, language: str | None) -> None:
        """Queue every language whose pages are complete (all but the one being built)."""
        for done in sorted(set(self.counts) - self._handed_over - {language}):
            self._handed_over.add(done)
            self._folders.put(self._work / done)

    def finish(self) -> None:
        """Hand over the rest, wait for Pagefind to write the index; raise what went wrong."""
        self.hand_over_all_but(None)
        self._folders.put(None)
        self._thread.join(self.answer_limit)
        shutil.rmtree(self._work, ignore_errors=True)
        if self._thread.is_alive():
            shutil.rmtree(self._written, ignore_errors=True)
            raise RuntimeError(f"Pagefind svarede ikke inden for {self.answer_limit:.0f} s "
                               f"(kan {self.output} skrives?)")
        if self._error is not None:
            shutil.rmtree(self._written, ignore_errors=True)
            raise self._error
        sent = sum(self.counts.values())
        try:
            if self._indexed != sent:
                raise RuntimeError(f"{sent} sider sendt, {self._indexed} indekseret")
            self._write_files()
        finally:
            shutil.rmtree(self._written, ignore_errors=True)

    def _write_files(self) -> None:
        """Check what Pagefind wrote, leave out the UIs we do not use, put it in place."""
        empty = [path.name for path in self._written.rglob("*") if path.is_file() and path.stat().st_size == 0]
        if empty:
            raise RuntimeError(f"Pagefind skrev tomme filer: {', '.join(sorted(empty)[:5])}")
        if not _is_entry(self._written / ENTRY_FILE):
            raise RuntimeError(f"Pagefind lavede ingen brugbar {ENTRY_FILE}")
        for name in UNUSED_BUNDLE_FILES:
            (self._written / name).unlink(missing_ok=True)
        try:
            os.replace(self._written, self.output)
        except OSError as error:
            raise RuntimeError(f"indekset kan ikke skrives til {self.output}: {error.strerror or error}") from error

    def _run(self) -> None:
        try:
            asyncio.run(self._index())
        except BaseException as error:  # handed to the build's thread in finish()
            self._error = error

    async def _next_folder(self) -> Path | None:
        # Polled, not a blocking get() in an executor thread: Python waits for executor threads
        # at exit, so a build that stops halfway would hang until IDLE_LIMIT.
        deadline = time.monotonic() + IDLE_LIMIT
        while time.monotonic() < deadline:
            try:
                return self._folders.get_nowait()
            except queue.Empty:
                await asyncio.sleep(POLL_SECONDS)
        return None

    async def _index(self) -> None:
        from pagefind.index import IndexConfig
        from pagefind.service import PagefindService

        folder = await self._next_folder()
        if folder is None:
            return
        config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(EXCLUDE_SELECTORS))
        async with PagefindService() as service:
            index = await service.create_index(config)
            while folder is not None:
                result = await index.add_directory(str(folder), glob="**/index.html")
                self._indexed += result["page_count"]
                folder = await self._next_folder()
            shutil.rmtree(self._written, ignore_errors=True)  # left by a build that stopped halfway
            await index.write_files(output_path=str(self._written))
            await _until_no_file_is_empty(self._written, self.answer_limit)


async def _until_no_file_is_empty(folder: Path, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if not any(path.stat().st_size == 0 for path in folder.rglob("*") if path.is_file()):
            return
        await asyncio.sleep(POLL_SECONDS)


def _is_entry(path: Path) -> bool:
    try:
        entry = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(entry, dict) and isinstance(entry.get("languages"), dict)
