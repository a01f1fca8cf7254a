#!/usr/bin/env python3
"""Screenshots of the front page for the README: a phone (375 × 812) and a desktop (1280 × 800),
taken by Chromium (Playwright, /usr/bin/chromium) from a built site.

    .venv/bin/python scripts/screenshots.py [--site SITE_DIR] [--out screenshots/]

Without --site the site is built first (strictly, into a temporary folder). The site is served
from 127.0.0.1 only; requests to other hosts are refused. The clock is fixed to a weekday
morning in Denmark, so "Åben nu" reads the same in every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SHOTS = {"front-page-phone.png": {"width": 375, "height": 812}, "front-page-desktop.png": {"width": 1280, "height": 800}}
FIXED_TIME = dt.datetime(2027, 1, 13, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(target: Path) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target),
                    "--config-file", str(ROOT / "mkdocs.yml")], cwd=ROOT, check=True, env=environment)


def take(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            for name, viewport in SHOTS.items():
                context = browser.new_context(viewport=viewport, device_scale_factor=1, locale="da-DK")
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                              else route.abort())
                page = context.new_page()
                page.clock.set_fixed_time(FIXED_TIME)
                page.goto(base + "/", wait_until="networkidle")
                page.screenshot(path=str(out / name))
                written.append(out / name)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    options = parser.parse_args()
    if options.site:
        written = take(options.site, options.out)
    else:
        with tempfile.TemporaryDirectory(prefix="ungvejen-shots-") as folder:
            build(Path(folder) / "site")
            written = take(Path(folder) / "site", options.out)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
