"""Issue 9: the built site served by Debian's nginx with deploy/ – headers, gzip, caching, 404s.

nginx runs on 127.0.0.1 (a free port) from a temporary prefix, with the configuration
rendered by deploy/render.sh, against a publish root whose `current` is the built site.
The browser test visits every page of both languages through nginx and fails on any console
message or Content-Security-Policy violation.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import brotli
import pytest

from _ungvejen.compression import MIN_SIZE, is_compressible
from conftest import built_pages, url_of
from sitekit import ROOT

NGINX = Path("/usr/sbin/nginx")
RENDER = ROOT / "deploy" / "render.sh"
LONG_CACHE = "public, max-age=31536000, immutable"
FINGERPRINTED = re.compile(r"^assets/.+\.[0-9a-f]{8,}\.min\.(js|css)$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Nginx:
    """Debian's nginx with deploy/nginx.conf + deploy/ungvejen.conf, serving <publish_root>/current."""

    def __init__(self, publish_root: Path, folder: Path):
        if not NGINX.exists():
            pytest.fail("nginx is missing: install it with `apt-get install -y nginx` (scripts/test.sh does).")
        self.publish_root, self.conf_dir = publish_root, folder / "nginx"
        self.port = free_port()
        subprocess.run(["bash", str(RENDER), "--out", str(self.conf_dir), "--root", str(publish_root),
                        "--listen", f"127.0.0.1:{self.port}", "--server-name", "localhost"],
                       check=True, capture_output=True, text=True)
        self.conf = self.conf_dir / "nginx.conf"
        self.access_log = self.conf_dir / "logs" / "ungvejen.access.log"
        # Under root, workers would run as "nobody" and could not read pytest's private temp folders.
        directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
        self.process = subprocess.Popen(
            [str(NGINX), "-p", str(self.conf_dir), "-c", str(self.conf), "-e", "stderr", "-g", directives],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"nginx did not start:\n{self.process.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            self.stop()
            pytest.fail("nginx did not listen within 10 s")
        self.url = f"http://127.0.0.1:{self.port}"

    @property
    def reload_command(self) -> str:
        """For scripts/publish.sh: re-read the configuration (and the release's headers)."""
        return f"{NGINX} -p {self.conf_dir} -c {self.conf} -e stderr -s reload"

    def get(self, path: str, headers: dict | None = None, method: str = "GET") -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, headers={"User-Agent": "UngVejen-test/1.0", **(headers or {})})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("nginx")
    publish_root = folder / "publish"
    (publish_root / "releases").mkdir(parents=True)
    (publish_root / "current").symlink_to(site, target_is_directory=True)
    server = Nginx(publish_root, folder)
    yield server
    server.stop()


def expected_headers(site: Path) -> dict[str, str]:
    """The headers hooks/security_headers.py wrote for nginx, by lower-case name: plain ones
    (`add_header X "v"`) and document-only ones (`set $ungvejen_x "v"` + `add_header X $..._for_documents`)."""
    text = (site / "_nginx_headers.conf").read_text(encoding="utf-8")
    headers = {name.lower(): value for name, value in re.findall(r'^add_header (\S+) "([^"]*)" always;$', text, re.M)}
    variables = dict(re.findall(r'^set (\$\S+) "([^"]*)";$', text, re.M))
    for name, variable in re.findall(r"^add_header (\S+) (\$\S+)_for_documents always;$", text, re.M):
        headers[name.lower()] = variables[variable]
    return headers


DOCUMENT_ONLY = {"content-security-policy", "permissions-policy", "x-frame-options", "cross-origin-opener-policy"}


def fingerprinted_asset(site: Path, suffix: str) -> str:
    return next("/" + path.relative_to(site).as_posix() for path in sorted(site.rglob(f"*{suffix}"))
                if FINGERPRINTED.match(path.relative_to(site).as_posix()))


def csp_directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def inline_script_hashes(site: Path) -> set[str]:
    """Every executed inline script in the built HTML, hashed independently of the hook."""
    hashes = set()
    for path in site.rglob("*.html"):
        for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", path.read_text(encoding="utf-8"), re.S):
            if "src=" in attributes or re.search(r'type="application/(ld\+)?json"', attributes):
                continue
            hashes.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'")
    return hashes


# --- the hook's output ------------------------------------------------------------------------


def test_csp_allows_exactly_the_inline_scripts_and_no_unsafe_inline(site):
    policy = csp_directives(expected_headers(site)["content-security-policy"])
    scripts = policy["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "'self'" in scripts and "'wasm-unsafe-eval'" in scripts
    assert {source for source in scripts if source.startswith("'sha256-")} == inline_script_hashes(site)
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert not any(source.startswith("http") or source == "*" for sources in policy.values() for source in sources)


def test_headers_file_for_static_hosts_sends_the_same_headers(site):
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    start = lines.index("/*")
    everywhere = {}
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        name, value = line.strip().split(": ", 1)
        everywhere[name.lower()] = value
    assert everywhere == expected_headers(site)
    long_cached = [line for line in lines[start + 1:] if line.startswith("/")]
    assert fingerprinted_asset(site, ".js") in long_cached and fingerprinted_asset(site, ".css") in long_cached
    for path in long_cached:
        assert lines[lines.index(path) + 1] == f"  Cache-Control: {LONG_CACHE}"


def test_the_build_wrote_a_compressed_copy_of_every_text_file(site):
    """hooks/precompress.py: a .gz and a .br beside each text file of MIN_SIZE bytes or more, each
    decompressing to the file as built (a stale copy would be served in its place)."""
    copies = sorted(site.rglob("*.gz")) + sorted(site.rglob("*.br"))
    assert len(copies) > 100
    for copy in copies:
        original = copy.with_suffix("")
        assert original.is_file(), copy
        decompress = gzip.decompress if copy.suffix == ".gz" else brotli.decompress
        assert decompress(copy.read_bytes()) == original.read_bytes(), copy
        assert copy.stat().st_size < original.stat().st_size, copy
    texts = [path for path in site.rglob("*") if path.is_file() and is_compressible(path)]
    for path in texts:
        expected = path.stat().st_size >= MIN_SIZE
        for encoding in (".gz", ".br"):
            assert path.with_name(path.name + encoding).exists() == expected, (path, encoding)
    for by_product in ("_headers", "_nginx_headers.conf"):
        assert not list(site.glob(by_product + ".*")), by_product


# --- nginx ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/en/", "/privatliv/", "/assets/javascripts/exit.js", "/findes-ikke/",
                                  "/en/findes-ikke/", "/privatliv"])
def test_security_headers_on_every_response(nginx, site, path):
    status, headers, _ = nginx.get(path)
    assert status in (200, 301, 404)
    # Every path here is a document (a page, a redirect, a script): all headers apply, none is skipped.
    # (Stylesheets and other files: test_stylesheets_and_images_carry_no_document_headers.)
    assert status == 301 or headers["content-type"].startswith(("text/html", "application/javascript")), headers
    expected = expected_headers(site)
    assert DOCUMENT_ONLY <= set(expected) and len(expected) > len(DOCUMENT_ONLY), expected
    for name, value in expected.items():
        assert headers.get(name) == value, name
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
    assert "set-cookie" not in headers


def raw_request(nginx, request: bytes) -> tuple[int, dict]:
    """Send bytes as they are (http.client would refuse a malformed request) and read the head."""
    with socket.create_connection(("127.0.0.1", nginx.port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    status_line, *header_lines = answer.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    return int(status_line.split()[1]), {name.lower(): value.strip() for name, value in
                                          (line.split(":", 1) for line in header_lines)}


@pytest.mark.parametrize("status, request_bytes", [
    (400, b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
    (400, b"GET /\x01 HTTP/1.1\r\nHost: a\r\n\r\n"),
    (414, b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: a\r\n\r\n"),
    (405, b"POST /favicon.ico HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"),
])
def test_requests_nginx_rejects_itself_carry_the_security_headers(nginx, site, status, request_bytes):
    """nginx answers these before the rewrite phase that sets the document-only headers; the
    error_page through /_fejl/ runs it, so the error page has the CSP and X-Frame-Options too."""
    answered, headers = raw_request(nginx, request_bytes)
    assert answered == status
    expected = expected_headers(site)
    for name in ("content-security-policy", "x-frame-options", "x-content-type-options"):
        assert headers.get(name) == expected[name], (name, headers)
    assert nginx.get("/_fejl/400")[0] == 404, "the error pages are internal"


def test_stylesheets_and_images_carry_no_document_headers(nginx, site):
    for path in ("/assets/stylesheets/ungvejen.css", fingerprinted_asset(site, ".css"), "/arrangementer/kalender.ics"):
        status, headers, _ = nginx.get(path)
        assert status == 200, path
        assert not DOCUMENT_ONLY & set(headers), (path, DOCUMENT_ONLY & set(headers))
        assert headers["x-content-type-options"] == "nosniff"


def test_no_server_version(nginx):
    _, headers, _ = nginx.get("/")
    assert headers["server"] == "nginx"
    _, headers, body = nginx.get("/findes-ikke/")
    assert headers["server"] == "nginx" and b"nginx/" not in body


@pytest.mark.parametrize("kind", ["html", "css", "js"])
def test_gzip_for_text(nginx, site, kind):
    path = {"html": "/temaer/rusmidler/", "css": fingerprinted_asset(site, ".css"),
            "js": fingerprinted_asset(site, ".js")}[kind]
    file = site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
    status, headers, body = nginx.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    assert "Accept-Encoding" in headers.get("vary", "")
    assert gzip.decompress(body) == file.read_bytes()
    assert len(body) < file.stat().st_size / 2
    status, headers, body = nginx.get(path)
    assert "content-encoding" not in headers and body == file.read_bytes()


def built_file(site: Path, path: str) -> Path:
    return site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


@pytest.mark.parametrize("kind", ["html", "css", "js", "404"])
def test_precompressed_copies_are_sent_as_they_are(nginx, site, kind):
    """gzip_static/brotli_static: the body is the build's .gz / .br byte for byte (nginx compresses
    nothing), with the headers of the file itself."""
    path = {"html": "/temaer/rusmidler/", "css": fingerprinted_asset(site, ".css"),
            "js": fingerprinted_asset(site, ".js"), "404": "/findes-ikke/"}[kind]
    file = site / "404.html" if kind == "404" else built_file(site, path)
    _, plain, _ = nginx.get(path)
    for accept, encoding in (("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br, zstd", "br"),
                             ("br;q=0, gzip", "gzip")):
        status, headers, body = nginx.get(path, {"Accept-Encoding": accept})
        assert status == (404 if kind == "404" else 200), (path, accept)
        assert headers.get("content-encoding") == encoding, (path, accept)
        assert body == file.with_name(file.name + {"gzip": ".gz", "br": ".br"}[encoding]).read_bytes(), (path, accept)
        assert headers["vary"] == "Accept-Encoding"
        assert headers["content-type"] == plain["content-type"]
        assert headers["cache-control"] == plain["cache-control"]
        for name in set(expected_headers(site)) | {"x-content-type-options", "referrer-policy"}:
            assert headers.get(name) == plain.get(name), (path, accept, name)
    assert "content-security-policy" in plain if kind in ("html", "js", "404") else "content-security-policy" not in plain


def test_compressed_responses_revalidate_with_their_own_etag(nginx, site):
    for path in ("/temaer/rusmidler/", fingerprinted_asset(site, ".js")):
        etags = set()
        for accept in ("gzip", "br", None):
            request = {"Accept-Encoding": accept} if accept else {}
            status, headers, _ = nginx.get(path, request)
            assert status == 200 and headers["etag"].startswith('"'), (path, accept)  # strong: a file's own
            etags.add(headers["etag"])
            status, revalidated, body = nginx.get(path, {**request, "If-None-Match": headers["etag"]})
            assert (status, body) == (304, b""), (path, accept)
            assert revalidated["cache-control"] == headers["cache-control"], (path, accept)
        assert len(etags) == 3, path  # one per representation: a cache never mixes them up


def test_on_the_fly_gzip_for_a_text_file_without_a_copy(site, tmp_path):
    """Anything the build did not compress is still gzip'd by nginx (level 6), never sent as br."""
    root = tmp_path / "publish"
    release = root / "releases" / "r1"
    release.mkdir(parents=True)
    for name in ("_nginx_headers.conf", "404.html"):
        (release / name).write_bytes((site / name).read_bytes())
    text = "Hvis du er bekymret for en ven, kan du ringe til SSP-konsulenten.\n" * 40
    (release / "noter.txt").write_text(text, encoding="utf-8")
    (root / "current").symlink_to(release, target_is_directory=True)
    server = Nginx(root, tmp_path)
    try:
        status, headers, body = server.get("/noter.txt", {"Accept-Encoding": "gzip, br"})
    finally:
        server.stop()
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == text.encode() and "Accept-Encoding" in headers["vary"]


def test_cache_headers(nginx, site):
    for path in (fingerprinted_asset(site, ".css"), fingerprinted_asset(site, ".js")):
        status, headers, _ = nginx.get(path)
        assert (status, headers["cache-control"]) == (200, LONG_CACHE), path
    for path in ("/", "/en/", "/index.html", "/en/kontakt/", "/assets/javascripts/exit.js",
                 "/assets/stylesheets/ungvejen.css", "/sitemap.xml"):
        status, headers, _ = nginx.get(path)
        assert (status, headers["cache-control"]) == (200, "no-cache"), path
        assert "etag" in headers  # revalidation is a cheap 304
    # A missing "fingerprinted" file is a 404 that is not cached for a year.
    status, headers, _ = nginx.get("/assets/javascripts/bundle.0123abcd.min.js")
    assert (status, headers["cache-control"]) == (404, "no-cache")


def test_404_pages_per_language(nginx, site):
    status, headers, body = nginx.get("/findes-ikke/")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert body == (site / "404.html").read_bytes() and b'<html lang="da"' in body
    status, _, body = nginx.get("/en/findes-ikke/")
    assert status == 404
    assert body == (site / "en" / "404.html").read_bytes() and b'<html lang="en"' in body


def test_danish_at_root_english_at_en(nginx):
    status, _, body = nginx.get("/")
    assert status == 200 and b'<html lang="da"' in body
    status, _, body = nginx.get("/en/")
    assert status == 200 and b'<html lang="en"' in body
    status, headers, _ = nginx.get("/en/kontakt")
    assert (status, headers["location"]) == (301, "/en/kontakt/")


def test_build_by_products_and_hidden_files_are_not_served(nginx, site):
    for path in ("/_headers", "/_nginx_headers.conf", "/_headers.gz", "/_headers.br", "/_nginx_headers.conf.gz",
                 "/_nginx_headers.conf.br"):
        for accept in (None, "gzip", "br"):
            status, headers, body = nginx.get(path, {"Accept-Encoding": accept} if accept else {})
            assert status == 404, (path, accept)
            if "content-encoding" in headers:  # our 404 page, compressed
                body = (gzip.decompress if headers["content-encoding"] == "gzip" else brotli.decompress)(body)
            assert body == (site / "404.html").read_bytes(), (path, accept)
    assert nginx.get("/", method="POST")[0] in (403, 405)


def test_hidden_files_are_not_served_even_with_a_hashed_name(nginx, site):
    """nginx takes the first regular-expression location that matches: the hidden-file rule
    must come before the rule for hashed assets (issue 14, item 11)."""
    hidden = site / "assets" / ".hidden" / "x.0123abcd.min.js"
    hidden.parent.mkdir(exist_ok=True)
    hidden.write_text("console.log('hemmelig')", encoding="utf-8")
    try:
        status, _, body = nginx.get("/assets/.hidden/x.0123abcd.min.js")
        assert status == 404 and b"hemmelig" not in body
    finally:
        hidden.unlink()
        hidden.parent.rmdir()


def test_no_source_maps_are_published(site):
    assert list(site.rglob("*.map")) == []
    assert (site / "assets" / "javascripts").is_dir()


def test_access_log_has_no_ip_address(nginx):
    nginx.get("/privatliv/?q=hemmelig", {"Accept-Encoding": "gzip"})
    nginx.get("/en/findes-ikke/")
    nginx.get("/pagefind/pagefind-entry.json")
    time.sleep(0.2)
    lines = nginx.access_log.read_text(encoding="utf-8").splitlines()
    assert any('"GET /privatliv/" 200' in line and '"UngVejen-test/1.0"' in line for line in lines)
    assert any('"GET /en/findes-ikke/" 404' in line for line in lines)
    log = "\n".join(lines)
    assert "127.0.0.1" not in log and "hemmelig" not in log
    assert "/pagefind/" not in log  # what the search fetches hints at what was searched for
    assert not re.search(r"\b\d{1,3}(\.\d{1,3}){3}\b", log)


# --- in the browser ---------------------------------------------------------------------------

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`));
"""


def test_every_page_runs_cleanly_under_the_csp(nginx, site, browser):
    """Every page in both languages, through nginx: no CSP violation, no console message."""
    paths = [url_of(site, page) for page in built_pages(site)]
    assert any(path.startswith("/en/") for path in paths) and "/" in paths
    problems = []
    for viewport, chosen in (({"width": 1280, "height": 800}, paths), ({"width": 375, "height": 812}, paths[::5])):
        context = browser.new_context(viewport=viewport)
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        seen = []
        page.on("console", lambda message: seen.append(f"console {message.type}: {message.text}")
                if message.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
        page.on("response", lambda response: seen.append(f"{response.status} {response.url}")
                if response.status >= 400 else None)
        for path in chosen:
            seen.clear()
            page.goto(nginx.url + path, wait_until="load")
            page.mouse.wheel(0, 2500)  # Material's header, TOC and back-to-top react to scrolling
            page.wait_for_timeout(60)
            page.mouse.wheel(0, -800)
            page.wait_for_timeout(60)
            if viewport["width"] < 600:  # on phones the menu is opened too (the overlay label came first before)
                menu = page.locator("label.md-header__button[for='__drawer']")
                assert menu.is_visible(), f"no menu button on {path}"
                menu.click()
                assert page.locator("#__drawer").is_checked(), f"the menu did not open on {path}"
                page.wait_for_timeout(60)
            violations = page.evaluate("window.__cspViolations")
            problems += [f"{path} ({viewport['width']}px): {item}" for item in violations + seen]
        context.close()
    assert problems == []


def test_404_pages_run_cleanly_under_the_csp(nginx, new_page):
    page = new_page("desktop")
    page.add_init_script(RECORD_VIOLATIONS)
    for path in ("/findes-ikke/", "/en/findes-ikke/"):
        # networkidle: the next goto must not abort this page's favicon request.
        response = page.goto(nginx.url + path, wait_until="networkidle")
        assert response.status == 404
        assert page.evaluate("window.__cspViolations") == []
    # The only message: Chromium's own note that the document itself was a 404.
    assert all("404" in str(getattr(message, "text", message)) for message in page.console_messages_seen)
    assert [item for item in page.failed_requests_seen if "findes-ikke" not in item] == []


def test_search_compiles_its_webassembly_under_the_csp(nginx, new_page):
    """Pagefind (the search, issue 8) needs 'wasm-unsafe-eval': search through nginx."""
    page = new_page("desktop")
    page.add_init_script(RECORD_VIOLATIONS)
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    for path, query in (("/", "rusmidler"), ("/en/", "drugs")):
        page.goto(nginx.url + path, wait_until="load")
        page.locator("[data-ung-search-open]").click()
        page.locator("[data-ung-search-input]").fill(query)
        page.locator("[data-ung-search-results] li").first.wait_for(timeout=10_000)
        assert page.evaluate("window.__cspViolations") == []
    assert any(url.endswith(".pagefind") and "/pagefind/wasm." in url for url in fetched)
    assert page.console_messages_seen == [] and page.failed_requests_seen == []
