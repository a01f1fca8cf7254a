"""Page weight: what a phone downloads for the first view of a page, our site next to a plain
Material build of the same Markdown, both served by Debian's nginx with deploy/ (compressed).

Run: .venv/bin/python bench/page_weight.py [--details]

- "UngVejen": this project as it is (mkdocs.yml, hooks, overrides), built --strict.
- "plain Material": bench/build_speed.py's plain_variant() (same Markdown and assets, Material +
  mkdocs-static-i18n, no hooks, no overrides) with Material's `search` plugin added, as
  Material ships it. It gets our security headers WITHOUT the Content-Security-Policy (our CSP
  hashes our inline scripts; the plain build's differ and would be blocked).

Each page is loaded in a fresh browser context (empty cache) by Chromium (Playwright,
/usr/bin/chromium) with Lighthouse's phone viewport; every request the page makes without user
action (the search worker's too) is recorded until the network is idle plus 0.5 s. Bytes are
nginx's own count from a measuring access log added to the rendered config: $bytes_sent =
status line + response headers + body as sent, compressed: our build's pre-compressed copies
(Chromium accepts brotli: the .br files), gzip level 6 on the fly where there is no copy (all of
the plain Material build). HTTP/1.1, so every response repeats its headers; HTTP/2 would
compress them.
Chromium's `request.sizes()` gives the same numbers for the page's own requests but not for the
search worker's. Goal: ≤ 100 KiB per page, headers included.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

CHROMIUM = "/usr/bin/chromium"
NGINX = Path("/usr/sbin/nginx")
RENDER = ROOT / "deploy" / "render.sh"
PAGES = ["/", "/temaer/rusmidler/", "/faa-hjaelp-nu/", "/ar/"]  # /ar/: the Arabic parents' start page (issue 18)
GOAL_KB = 100
OURS, PLAIN = "UngVejen", "plain Material"
VIEWPORT = {"width": 412, "height": 823}  # Lighthouse's mobile screen (Moto G Power)


# --- building --------------------------------------------------------------------------------


def _mkdocs_build(config: Path, site: Path, strict: bool) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config), "--site-dir", str(site),
               "--strict" if strict else "--no-strict"]
    done = subprocess.run(command, cwd=config.parent, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if done.returncode:
        raise SystemExit(f"build of {config} failed:\n{(done.stdout + done.stderr)[-3000:]}")


def plain_material_project(tmp: Path) -> Path:
    """build_speed.plain_variant() plus Material's default search plugin."""
    from build_speed import plain_variant

    project = plain_variant(tmp)
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    plugins = config.get("plugins") or []
    if not any(p == "search" or (isinstance(p, dict) and "search" in p) for p in plugins):
        plugins.insert(0, "search")
    config["plugins"] = plugins
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def headers_without_csp(ours_site: Path) -> str:
    text = (ours_site / "_nginx_headers.conf").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith("add_header Content-Security-Policy ")]
    return "# Our security headers without the Content-Security-Policy (bench/page_weight.py).\n" + "\n".join(kept) + "\n"


def build_sites(tmp: Path) -> dict[str, Path]:
    """Builds both sites into `tmp`; returns {name: site folder}."""
    sites = {OURS: tmp / "site-ours", PLAIN: tmp / "site-plain"}
    _mkdocs_build(ROOT / "mkdocs.yml", sites[OURS], strict=True)
    _mkdocs_build(plain_material_project(tmp / "plain") / "mkdocs.yml", sites[PLAIN], strict=False)
    (sites[PLAIN] / "_nginx_headers.conf").write_text(headers_without_csp(sites[OURS]), encoding="utf-8")
    return sites


# --- serving ---------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


BENCH_LOG_FORMAT = """log_format ungvejen_bench '$status $bytes_sent $body_bytes_sent "$sent_http_content_encoding" "$request_uri"';\n"""
NOIP_LOG = re.compile(r"^(\s*access_log\s+(\S+)/ungvejen\.access\.log\s+ungvejen_noip[^;]*;)$", re.M)
LOG_LINE = re.compile(r'^(\d+) (\d+) (\d+) "([^"]*)" "([^"]*)"$')


@dataclass
class Server:
    url: str
    log: Path

    def mark(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def since(self, offset: int) -> list[tuple[int, int, int, str, str]]:
        """(status, bytes sent, body bytes sent, content-encoding, path) of requests logged after `offset`."""
        if not self.log.exists():
            return []
        with self.log.open("rb") as handle:
            handle.seek(offset)
            lines = handle.read().decode("utf-8", "replace").splitlines()
        rows = []
        for line in lines:
            found = LOG_LINE.match(line)
            if found:
                status, sent, body, encoding, path = found.groups()
                rows.append((int(status), int(sent), int(body), "" if encoding == "-" else encoding, path))
        return rows


@contextmanager
def nginx(site: Path, edit: Callable[[str], str] | None = None, byte_log: bool = True):
    """Debian's nginx with deploy/nginx.conf + deploy/ungvejen.conf, rendered by deploy/render.sh and
    run from a temporary prefix on 127.0.0.1 as tests/test_serving.py does, serving `site`.

    One addition to the rendered copy, for measuring only (unless `byte_log` is False): a second
    access log with nginx's own byte counts ($bytes_sent = status line + headers + body as sent,
    $body_bytes_sent). `edit` may change the rendered ungvejen.conf's text (bench/serving_speed.py
    turns the pre-compressed copies off with it)."""
    if not NGINX.exists():
        raise SystemExit("nginx is missing: apt-get install -y nginx")
    folder = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    publish_root, conf_dir, port = folder / "publish", folder / "nginx", _free_port()
    (publish_root / "releases").mkdir(parents=True)
    (publish_root / "current").symlink_to(site.resolve(), target_is_directory=True)
    subprocess.run(["bash", str(RENDER), "--out", str(conf_dir), "--root", str(publish_root),
                    "--listen", f"127.0.0.1:{port}", "--server-name", "localhost"],
                   check=True, capture_output=True, text=True)
    site_conf = conf_dir / "ungvejen.conf"
    text = site_conf.read_text(encoding="utf-8")
    log = conf_dir / "logs" / "bench.log"
    if byte_log:
        text, found = NOIP_LOG.subn(lambda m: f"{m.group(1)}\n    access_log {log} ungvejen_bench;", text, count=1)
        if not found:
            raise SystemExit("bench: no `access_log … ungvejen_noip` line found in the rendered ungvejen.conf")
        text = BENCH_LOG_FORMAT + text
    if edit:
        text = edit(text)
    site_conf.write_text(text, encoding="utf-8")
    directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    process = subprocess.Popen([str(NGINX), "-p", str(conf_dir), "-c", str(conf_dir / "nginx.conf"), "-e", "stderr",
                                "-g", directives], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                raise SystemExit(f"nginx did not start:\n{process.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("nginx did not listen within 10 s")
                time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}", log)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)


# --- measuring -------------------------------------------------------------------------------


@dataclass
class Transfer:
    path: str
    status: int | None  # None: the browser gave up on it / it never reached nginx
    encoding: str
    sent: int           # nginx's $bytes_sent: status line + headers + body as sent
    body: int           # nginx's $body_bytes_sent: the body as sent (compressed where it is)
    raw: int            # the decoded body, as the browser got it

    @property
    def headers(self) -> int:
        return self.sent - self.body


@dataclass
class PageLoad:
    transfers: list[Transfer] = field(default_factory=list)
    browser_requests: int = 0
    elsewhere: list[str] = field(default_factory=list)  # requests to any other host

    @property
    def total(self) -> int:
        return sum(t.sent for t in self.transfers)

    @property
    def body(self) -> int:
        return sum(t.body for t in self.transfers)

    @property
    def raw(self) -> int:
        return sum(t.raw for t in self.transfers)

    @property
    def requests(self) -> int:
        return len(self.transfers) + len(self.elsewhere)

    @property
    def failed(self) -> list[Transfer]:
        return [t for t in self.transfers if t.status is None or t.status >= 400]


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                      args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                            "--disable-component-update", "--disable-sync", "--no-first-run"])


def measure_page(browser, server: Server, path: str) -> PageLoad:
    """One first view in a fresh context: nginx's log says what was sent, the browser what it asked for."""
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=1.75)
    page = context.new_page()
    seen: list = []
    context.on("requestfinished", lambda request: seen.append(request))
    context.on("requestfailed", lambda request: seen.append(request))
    offset = server.mark()
    page.goto(server.url + path, wait_until="networkidle", timeout=60000)
    page.wait_for_timeout(500)
    raw_sizes: dict[str, list[int]] = {}
    elsewhere = []
    for request in list(seen):
        if not request.url.startswith(server.url):
            if request.url.startswith("http"):
                elsewhere.append(request.url)
            continue
        response = request.response()
        try:
            size = len(response.body()) if response else 0
        except Exception:  # noqa: BLE001 – no body (redirect, aborted)
            size = 0
        raw_sizes.setdefault(request.url[len(server.url):], []).append(size)
    browser_requests = len([r for r in seen if r.url.startswith("http")])
    context.close()
    time.sleep(0.2)
    load = PageLoad(browser_requests=browser_requests, elsewhere=elsewhere)
    for status, sent, body, encoding, logged_path in server.since(offset):
        sizes = raw_sizes.get(logged_path, [])
        load.transfers.append(Transfer(logged_path, status, encoding, sent, body, sizes.pop(0) if sizes else 0))
    return load


def measure(servers: dict[str, Server], pages: list[str] = PAGES) -> dict[str, dict[str, PageLoad]]:
    """{site name: server} -> {site name: {page: PageLoad}}."""
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, PageLoad]] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, server in servers.items():
            measure_page(browser, server, pages[0])  # warms nginx and the OS file cache; not counted
            results[name] = {path: measure_page(browser, server, path) for path in pages}
        browser.close()
    return results


# --- reporting -------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


OUR_ASSETS = {"/" + path.relative_to(ROOT / "docs").as_posix()
              for path in (ROOT / "docs" / "assets").rglob("*") if path.suffix in (".js", ".css")}


def kind(path: str, page: str) -> str:
    """A label for where a response's bytes come from."""
    if path == page:
        return "HTML"
    if path in OUR_ASSETS:
        return "our JS+CSS"
    if "sitemap" in path:
        return "sitemap.xml"
    if "/search/" in path or "/lunr/" in path or "/workers/search" in path:
        return "Material search"
    if path.startswith("/pagefind/"):
        return "Pagefind"
    if path.startswith("/assets/") and path.endswith((".js", ".css")):
        return "Material JS+CSS"
    if path.startswith("/assets/images/"):
        return "logo+favicon"
    return "other"


def report(results: dict[str, dict[str, PageLoad]], details: bool = False) -> dict:
    ours, plain = results[OURS], results[PLAIN]
    print("Page weight – first view of a page (empty cache, phone viewport, until the network is idle),")
    print("served by nginx with deploy/ (the build's .br/.gz copies, else gzip level 6; HTTP/1.1). KB = 1024")
    print("bytes as nginx sent them ($bytes_sent: headers + compressed body); 'hdr' = the part that is")
    print("response headers; req = requests.\n")
    print(f"  {'page':<20} {'UngVejen KB':>11} {'hdr':>5} {'req':>4}   {'plain Material KB':>17} {'hdr':>5} {'req':>4}"
          f"   {'ratio':>5}   goal ≤ {GOAL_KB} KB")
    figures = {}
    for path in ours:
        a, b = ours[path], plain[path]
        ok = a.total <= GOAL_KB * 1024
        print(f"  {path:<20} {kb(a.total):>11} {kb(a.total - a.body):>5} {a.requests:>4}   {kb(b.total):>17} "
              f"{kb(b.total - b.body):>5} {b.requests:>4}   {a.total / b.total:>5.2f}   {'met' if ok else 'MISSED'}"
              f" ({kb(a.body)} KB without headers)")
        figures[path] = {"ours_kb": a.total / 1024, "ours_body_kb": a.body / 1024, "ours_raw_kb": a.raw / 1024,
                         "ours_requests": a.requests, "ours_failed": [t.path for t in a.failed],
                         "plain_kb": b.total / 1024, "plain_body_kb": b.body / 1024, "plain_raw_kb": b.raw / 1024,
                         "plain_requests": b.requests, "plain_failed": [t.path for t in b.failed],
                         "ratio": a.total / b.total, "goal_met": ok}
    print("\n  Where the bytes go (KB incl. headers, per page; same for the three pages except the HTML):")
    for name, loads in results.items():
        for path, load in loads.items():
            parts: dict[str, int] = {}
            for t in load.transfers:
                parts[kind(t.path, path)] = parts.get(kind(t.path, path), 0) + t.sent
            listed = ", ".join(f"{label} {kb(size)}" for label, size in sorted(parts.items(), key=lambda x: -x[1]))
            print(f"    {name:<15} {path:<20} {listed}")
    for name, loads in results.items():
        failed = sorted({f"{t.path} ({t.status})" for load in loads.values() for t in load.failed})
        if failed:
            print(f"  {name}: failed requests: {', '.join(failed)}")
        elsewhere = sorted({url for load in loads.values() for url in load.elsewhere})
        if elsewhere:
            print(f"  {name}: requests to other hosts: {', '.join(elsewhere)}")
        for path, load in loads.items():
            if load.browser_requests != len(load.transfers) + len(load.elsewhere):
                print(f"  {name} {path}: the browser saw {load.browser_requests} requests, nginx logged "
                      f"{len(load.transfers)} (+{len(load.elsewhere)} elsewhere)")
    if details:
        for name, loads in results.items():
            for path, load in loads.items():
                print(f"\n  {name} {path}: {kb(load.total)} KB in {load.requests} requests")
                print(f"    {'KB sent':>8} {'hdr B':>6} {'raw KB':>7} {'enc':>4} {'st':>4}  path")
                for t in sorted(load.transfers, key=lambda t: -t.sent):
                    print(f"    {kb(t.sent):>8} {t.headers:>6} {kb(t.raw):>7} {t.encoding or '-':>4} {t.status:>4}  {t.path}")
    return figures


def main(details: bool | None = None, sites: dict[str, Path] | None = None) -> dict:
    """Builds (unless `sites` is given), serves, measures and prints; returns the figures."""
    if details is None:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--details", action="store_true", help="list every request")
        details = parser.parse_args().details
    tmp = Path(tempfile.mkdtemp(prefix="bench-weight-"))
    try:
        if sites is None:
            print("Building both sites …", file=sys.stderr)
            sites = build_sites(tmp)
        with nginx(sites[OURS]) as ours, nginx(sites[PLAIN]) as plain:
            results = measure({OURS: ours, PLAIN: plain})
        return report(results, details)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
