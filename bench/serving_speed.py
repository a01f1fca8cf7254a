"""Serving speed: requests per second for a theme page through nginx with deploy/, with the build's
pre-compressed copies (gzip_static, brotli_static) against on-the-fly gzip, and the bytes saved.

Run: .venv/bin/python bench/serving_speed.py

Builds this site into a temporary folder, then starts Debian's nginx from deploy/ twice on this
machine, in the same run: "on-the-fly gzip" = the rendered config with `gzip_static off;
brotli_static off;` (nginx compresses every response, level 6, as before issue 13), and
"pre-compressed" = the config as it is. Each is loaded with `wrk` (Debian package `wrk`) for
BENCH_SERVE_SECONDS (10) at 200 connections from 2 threads, asking for PAGE with
`Accept-Encoding: gzip`; wrk runs on the same cores as nginx, as in the figures of issue 13.

Bytes: every text file of the site (hooks/_ungvejen/compression.py's is_compressible), fetched
from both servers – as nginx sends the body: on the fly at gzip level 6, the .gz copy (gzip -9),
the .br copy (brotli 11) – for the whole site and for PAGE.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "hooks"))

from page_weight import _mkdocs_build, nginx  # noqa: E402

from _ungvejen.compression import is_compressible  # noqa: E402

PAGE = "/temaer/rusmidler/"
CONNECTIONS, THREADS = 200, 2
SECONDS = int(os.environ.get("BENCH_SERVE_SECONDS", "10"))
OFF, ON = "on-the-fly gzip", "pre-compressed"


def without_copies(conf: str) -> str:
    """The rendered ungvejen.conf as before issue 13: nginx compresses every response itself."""
    conf, gzip_found = re.subn(r"^(\s*)gzip_static on;", r"\1gzip_static off;", conf, flags=re.M)
    conf, brotli_found = re.subn(r"^(\s*)brotli_static on;", r"\1brotli_static off;", conf, flags=re.M)
    if (gzip_found, brotli_found) != (1, 1):
        raise SystemExit("bench: deploy/ungvejen.conf has no `gzip_static on;` / `brotli_static on;` to turn off")
    return conf


def fetch(url: str, path: str, accept: str | None) -> tuple[int, str, bytes]:
    """(status, Content-Encoding, body as sent) of one GET."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", quote(path), headers={"Accept-Encoding": accept} if accept else {})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Encoding") or "", response.read()
    finally:
        connection.close()


def wrk(url: str, seconds: int = SECONDS) -> dict:
    """wrk's figures for PAGE with Accept-Encoding: gzip."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip",
               url + PAGE]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    found = re.search(r"Requests/sec:\s*([\d.]+)", output)
    if not found:
        raise SystemExit(f"bench: no Requests/sec in wrk's output:\n{output}")
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = re.search(r"Latency\s+(\S+)", output)
    return {"requests_per_s": float(found[1]), "latency_avg": latency[1] if latency else "?",
            "socket_errors": errors[1].strip() if errors else "", "non_2xx": int(non_2xx[1]) if non_2xx else 0}


def body_sizes(url: str, site: Path, accept: str) -> dict[str, tuple[int, str]]:
    """{site path: (body bytes as sent, Content-Encoding)} for every text file of the site."""
    sizes = {}
    for file in sorted(site.rglob("*")):
        if file.is_file() and is_compressible(file):
            path = "/" + file.relative_to(site).as_posix()
            status, encoding, body = fetch(url, path, accept)
            if status != 200:
                raise SystemExit(f"bench: {path} answered {status}")
            sizes[path] = (len(body), encoding)
    return sizes


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def measure(site: Path) -> dict:
    """Both servers, one after the other: wrk on PAGE, then the bytes of every text file."""
    figures: dict = {}
    page_file = PAGE.lstrip("/") + "index.html"
    for name, edit in ((OFF, without_copies), (ON, None)):
        with nginx(site, edit=edit, byte_log=False) as server:
            status, encoding, body = fetch(server.url, PAGE, "gzip")
            expected_body = (site / (page_file + ".gz")).read_bytes()
            if status != 200 or encoding != "gzip" or gzip.decompress(body) != (site / page_file).read_bytes():
                raise SystemExit(f"bench: {name}: {PAGE} did not come back gzip'd ({status}, {encoding!r})")
            if (body == expected_body) != (name == ON):
                raise SystemExit(f"bench: {name}: the .gz copy was {'not ' if name == ON else ''}sent")
            wrk(server.url, seconds=2)  # warm-up, not counted
            figures[name] = {"wrk": wrk(server.url), "gzip": body_sizes(server.url, site, "gzip")}
            if name == ON:
                figures[name]["br"] = body_sizes(server.url, site, "br")
    return figures


def report(figures: dict, site: Path) -> dict:
    off, on = figures[OFF]["wrk"], figures[ON]["wrk"]
    ratio = on["requests_per_s"] / off["requests_per_s"]
    print(f"Serving speed – {PAGE} with Accept-Encoding: gzip; wrk {THREADS} threads, {CONNECTIONS} connections, "
          f"{SECONDS} s; nginx from deploy/ on the same {os.cpu_count()} cores")
    for name, run in ((OFF, off), (ON, on)):
        setting = "gzip_static off; brotli_static off" if name == OFF else "gzip_static on; brotli_static on"
        problems = ", ".join(filter(None, [run["socket_errors"] and f"socket errors: {run['socket_errors']}",
                                           run["non_2xx"] and f"{run['non_2xx']} non-2xx"]))
        print(f"  {name:<16} ({setting}): {run['requests_per_s']:>9,.0f} requests/s, "
              f"latency {run['latency_avg']} on average{'; ' + problems if problems else ''}")
    print(f"  ratio: {ratio:.1f} ×")

    on_the_fly = figures[OFF]["gzip"]
    copies_gz, copies_br = figures[ON]["gzip"], figures[ON]["br"]
    raw = {path: (site / path.lstrip("/")).stat().st_size for path in on_the_fly}
    page = PAGE + "index.html"
    rows = [("raw", "uncompressed", raw),
            ("on_the_fly", "gzip level 6, on the fly", {p: s for p, (s, _) in on_the_fly.items()}),
            ("gz", ".gz copies (gzip -9)", {p: s for p, (s, _) in copies_gz.items()}),
            ("br", ".br copies (brotli 11)", {p: s for p, (s, _) in copies_br.items()})]
    baseline_site, baseline_page = sum(rows[1][2].values()), rows[1][2][page]
    print(f"\nBytes of the bodies as nginx sends them: all {len(raw)} text files of the site, and {PAGE}")
    print(f"  {'':<26} {'whole site':>11} {'vs on the fly':>14}   {PAGE:>20} {'vs on the fly':>14}")
    sizes = {}
    for key, label, values in rows:
        total, one = sum(values.values()), values[page]
        sizes[key] = {"site": total, "page": one}
        versus = key in ("gz", "br")
        line = (f"  {label:<26} {kb(total):>11} {(f'{(total - baseline_site) / baseline_site:+.1%}' if versus else ''):>14}"
                f"   {kb(one):>20} {(f'{(one - baseline_page) / baseline_page:+.1%}' if versus else ''):>14}")
        print(line.rstrip())
    print(f"  saved against on the fly: {kb(baseline_site - sizes['gz']['site'])} with .gz, "
          f"{kb(baseline_site - sizes['br']['site'])} with .br for the whole site; "
          f"{baseline_page - sizes['gz']['page']:,} and {baseline_page - sizes['br']['page']:,} bytes for {PAGE}")
    fallback = sorted(p for p, (_, encoding) in copies_gz.items() if encoding != "gzip" and raw[p] >= 256)
    if fallback:
        print(f"  sent uncompressed although ≥ 256 bytes: {', '.join(fallback)}")
    return {"page": PAGE, "seconds": SECONDS, "connections": CONNECTIONS, "threads": THREADS,
            "off_requests_per_s": off["requests_per_s"], "on_requests_per_s": on["requests_per_s"],
            "ratio": ratio, "wrk": {OFF: off, ON: on}, "bytes": sizes, "files": len(raw)}


def main(site: Path | None = None) -> dict:
    """Builds (unless `site` is given), serves twice, measures and prints; returns the figures."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (needed by this benchmark only)")
    tmp = Path(tempfile.mkdtemp(prefix="bench-serving-"))
    try:
        if site is None:
            print("Building the site …", file=sys.stderr, flush=True)
            site = tmp / "site"
            _mkdocs_build(ROOT / "mkdocs.yml", site, strict=True)
        return report(measure(site), site)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
