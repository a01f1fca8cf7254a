"""Shared fixtures: the real site built once, a local web server, Chromium through Playwright."""

from __future__ import annotations

import fcntl
import functools
import http.server
import threading
from pathlib import Path

import pytest

from sitekit import ROOT, run_build

CHROMIUM = Path("/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"mobile": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id) -> Path:
    """The real site, built strictly once per test run into a temporary folder.

    With pytest-xdist the workers share one build: the first to get here builds it under a lock,
    the others wait and use it (a build of the real site is the slowest fixture of the run; the
    folder is read-only to the tests). Without xdist (`worker_id` "master") it is built here."""
    if worker_id == "master":
        return _build_real_site(tmp_path_factory.mktemp("real-site") / "site")
    run_folder = tmp_path_factory.getbasetemp().parent  # one per test run, shared by its workers
    folder, done = run_folder / "real-site" / "site", run_folder / "real-site" / "built"
    with open(run_folder / "real-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            _build_real_site(folder)
            done.write_text("ok", encoding="utf-8")
    return folder


def _build_real_site(folder: Path) -> Path:
    result = run_build(ROOT, folder)
    assert result.ok, f"The real site does not build strictly:\n{result.output[-4000:]}"
    return folder


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site like a web server: 404.html (per language) for missing paths."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        page = root / "en" / "404.html" if self.path.startswith("/en/") else root / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(folder: Path):
    handler = functools.partial(_SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def base_url(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing in CI is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install it with `apt-get install -y chromium` (see README).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


NEUTRAL_PAGE = "<!doctype html><html lang='da'><title>Vejret</title><h1>Vejret</h1></html>"


def stub_exit_page(context):
    """The quick exit's neutral page (DMI) is served locally: no request leaves the machine."""
    context.route("https://www.dmi.dk/**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE))


@pytest.fixture
def new_page(browser):
    """A page factory: new_page(viewport="mobile", javascript=True) -> page, with logs."""
    contexts = []

    def make(viewport: str = "desktop", javascript: bool = True, **options):
        context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript, **options)
        stub_exit_page(context)
        contexts.append(context)
        page = context.new_page()
        page.console_messages_seen = []
        page.failed_requests_seen = []
        page.on("console", lambda message: page.console_messages_seen.append(message)
                if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: page.console_messages_seen.append(error))
        page.on("requestfailed", lambda request: page.failed_requests_seen.append(request.url))
        page.on("response", lambda response: page.failed_requests_seen.append(f"{response.status} {response.url}")
                if response.status >= 400 else None)
        return page

    yield make
    for context in contexts:
        context.close()


def wait_for_material(page) -> None:
    """Material's script starts on the reader's first action (start-material.js), a moment after it:
    wait until its components (back to top, header, contents) are mounted. Material announces the
    page on document$, a replayed stream; its own components subscribed to it first."""
    page.wait_for_function("() => typeof window.document$ === 'object'")
    page.evaluate("() => new Promise(resolve => window.document$.subscribe(() => resolve()))")


def wait_until_still(page, settled_ms: int = 150, tries: int = 60) -> None:
    """Wait until the page has stopped scrolling (a wheel can scroll smoothly, for a while)."""
    for _ in range(tries):
        if page.evaluate("ms => new Promise(resolve => { const y = scrollY; setTimeout(() => resolve(scrollY === y), ms); })",
                         settled_ms):
            return
    raise AssertionError(f"the page kept scrolling on {page.url}")


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    """axe-core's source, read once per test run (it is half a megabyte)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now."""
    page.evaluate(axe_source())
    # resultTypes: only the violations are worked out in full (a third less time per page).
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", AXE_TAGS)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def built_pages(site: Path) -> list[Path]:
    """Every page MkDocs built (the standalone editors' report is not one of them)."""
    return sorted(path for path in site.rglob("index.html") if "redaktoer/rapport" not in path.as_posix())


def public_pages(site: Path) -> list[Path]:
    """The pages for the public: without the editors' guide (noindex, outside the navigation)."""
    return [path for path in built_pages(site) if "/redaktoer/" not in "/" + path.relative_to(site).as_posix()]


def url_of(site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")
