"""What search costs a reader on a phone: bytes a theme page downloads before and after its
first search, our Pagefind search next to Material's built-in search, measured in one run.

    .venv/bin/python bench/search_weight.py [--page /temaer/rusmidler/] [--queries hash knallert]

Builds two sites into a temporary folder:
- "UngVejen (Pagefind)": this project as it is;
- "Material (lunr)": a copy with Material's `search` plugin enabled and our search removed
  (hooks/search_index.py, search.js, search.css), otherwise identical.
Each is served by a local server that records every response; Chromium (Playwright) loads
the theme page in a fresh context (empty cache), opens the search and types the queries.
Bytes are counted as a server sends them: text (HTML, CSS, JS, JSON, SVG, XML) gzipped at
level 6 per response; Pagefind's index, fragment and wasm files are already gzip-compressed
by Pagefind and are counted as they are. Raw (uncompressed) bytes are shown too.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", "/")
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")
OUR_SEARCH_LINES = ("  - hooks/search_index.py", "  - assets/javascripts/search.js", "  - assets/stylesheets/search.css")


@dataclass
class Transfer:
    path: str
    raw: int
    sent: int


@dataclass
class Recorder:
    transfers: list[Transfer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str, body: bytes):
        compressible = path.split("?")[0].endswith(COMPRESSIBLE)
        sent = len(gzip.compress(body, compresslevel=6)) if compressible else len(body)
        with self.lock:
            self.transfers.append(Transfer(path, len(body), sent))

    def mark(self) -> int:
        with self.lock:
            return len(self.transfers)

    def since(self, start: int, end: int | None = None) -> list[Transfer]:
        with self.lock:
            return list(self.transfers[start:end])


def serve(folder: Path, recorder: Recorder):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def copyfile(self, source, outputfile):
            body = source.read()
            recorder.add(self.path, body)
            outputfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(project: Path, site: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site),
               "--config-file", str(project / "mkdocs.yml")]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=900)
    if done.returncode:
        sys.exit(f"Build of {project} failed:\n{(done.stdout + done.stderr)[-3000:]}")


def material_copy(folder: Path) -> Path:
    """The project with Material's search plugin instead of ours."""
    project = folder / "material-project"
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, project / part)
    config = project / "mkdocs.yml"
    lines = [line for line in config.read_text(encoding="utf-8").splitlines() if line.rstrip() not in OUR_SEARCH_LINES]
    plugins = lines.index("plugins:")
    lines.insert(plugins + 1, "  - search")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (project / "hooks" / "search_index.py").unlink(missing_ok=True)
    return project


def wait_quiet(recorder: Recorder, quiet: float = 0.8, limit: float = 20) -> None:
    """Until the server has sent nothing for `quiet` seconds."""
    started, count, changed = time.monotonic(), recorder.mark(), time.monotonic()
    while time.monotonic() - started < limit:
        time.sleep(0.1)
        now = recorder.mark()
        if now != count:
            count, changed = now, time.monotonic()
        elif time.monotonic() - changed >= quiet:
            return


def ours_search(page, query: str) -> None:
    if not page.locator("[data-ung-search-dialog]").evaluate("d => d.open"):
        page.click("[data-ung-search-open]")
    page.fill("[data-ung-search-input]", query)
    page.wait_for_function("q => document.querySelector('[data-ung-search-message]').textContent.includes(q)",
                           arg=query, timeout=15000)


def material_search(page, query: str) -> None:
    # Opened the way Material's own toggle does it (its header button is hidden in our theme).
    if not page.locator("#__search").is_checked():
        page.locator("#__search").evaluate("toggle => { toggle.checked = true; toggle.dispatchEvent(new Event('change')); }")
    field = page.locator("[data-md-component='search-query']")
    field.fill("")
    field.press_sequentially(query, delay=60)  # Material reads key events, not a filled value
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').textContent.trim() && "
                           "document.querySelector('.md-search-result__item')", arg=query, timeout=15000)


def measure(browser, site: Path, path: str, queries: list[str], search) -> dict:
    recorder = Recorder()
    server = serve(site, recorder)
    try:
        context = browser.new_context(viewport={"width": 375, "height": 812})
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_port}{path}", wait_until="load")
        wait_quiet(recorder)
        phases = [("load", recorder.since(0))]
        # Material's script starts on the reader's first action, whatever it is (start-material.js,
        # in both sites): a mouse move, counted apart, so the searches count only what search costs.
        start = recorder.mark()
        page.mouse.move(10, 10)
        page.wait_for_function("() => typeof window.document$ === 'object'")
        wait_quiet(recorder)
        phases.append(("first action", recorder.since(start)))
        for query in queries:
            start = recorder.mark()
            search(page, query)
            wait_quiet(recorder)
            phases.append((query, recorder.since(start)))
        context.close()
    finally:
        server.shutdown()
    return dict(phases)


def is_search_file(path: str) -> bool:
    lowered = path.lower()
    return "/pagefind/" in lowered or "search" in lowered or "lunr" in lowered


def kb(transfers: list[Transfer], attribute: str = "sent", only=None) -> str:
    chosen = [t for t in transfers if only is None or only(t.path)]
    return f"{sum(getattr(t, attribute) for t in chosen) / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="/temaer/rusmidler/")
    parser.add_argument("--queries", nargs="+", default=["hash", "knallert"])
    parser.add_argument("--details", action="store_true", help="list every response")
    arguments = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="ungvejen-bench-") as temp:
        folder = Path(temp)
        print("Building both sites …", file=sys.stderr)
        build(ROOT, folder / "ours")
        build(material_copy(folder), folder / "material")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            results = {
                "UngVejen (Pagefind)": measure(browser, folder / "ours", arguments.page, arguments.queries, ours_search),
                "Material (lunr)": measure(browser, folder / "material", arguments.page, arguments.queries, material_search),
            }
            browser.close()

    print(f"\nSearch weight of {arguments.page} – KB as sent (gzip -6 for text), raw KB in brackets, one run\n")
    header = ["", "page load", "of it search", "first action"] + [f"1st search »{q}«" if i == 0 else f"then »{q}«"
                                                   for i, q in enumerate(arguments.queries)] + ["total"]
    rows = []
    for name, phases in results.items():
        everything = [t for transfers in phases.values() for t in transfers]
        row = [name,
               f"{kb(phases['load'])} ({kb(phases['load'], 'raw')})",
               f"{kb(phases['load'], only=is_search_file)} ({kb(phases['load'], 'raw', only=is_search_file)})",
               f"{kb(phases['first action'])} ({kb(phases['first action'], 'raw')})"]
        row += [f"{kb(phases[q])} ({kb(phases[q], 'raw')})" for q in arguments.queries]
        row.append(f"{kb(everything)} ({kb(everything, 'raw')})")
        rows.append(row)
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    for row in [header] + rows:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)))
    print("\n'of it search': files for search fetched while the page loads, before anyone searches"
          "\n(ours: search.js and search.css; Material: its search index, worker and lunr files –"
          "\nMaterial's search UI code inside its main bundle is not counted there)."
          "\n'first action': Material's own script, fetched on the reader's first tap, key or mouse move"
          "\n(whatever it is: here a mouse move before the first search); in the Material site Material"
          "\nthen also fetches its search index, worker and lunr, before anyone searches.")
    if arguments.details:
        for name, phases in results.items():
            print(f"\n{name}")
            for phase, transfers in phases.items():
                for transfer in transfers:
                    print(f"  {phase:>10}  {transfer.sent:>8}  {transfer.raw:>8}  {transfer.path}")


if __name__ == "__main__":
    main()
