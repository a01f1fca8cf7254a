"""Issue 7: `mkdocs serve` previews the site with every hook, and an edit in data/ reloads it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from sitekit import make_project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_runs_every_hook_and_reloads_on_data_edits(tmp_path):
    project = make_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    page = f"http://127.0.0.1:{port}/temaer/rusmidler/"
    try:
        assert wait_for(lambda: "SSP-konsulent" in fetch(page), 60), "the preview never came up"
        html = fetch(page)
        assert "ung-helpbar" in html and "ung-exit__button" in html and "Sidst gennemgået" in html
        assert "Ring 24 43 07 55" in html
        contacts = project / "data" / "contacts.yml"
        contacts.write_text(contacts.read_text(encoding="utf-8").replace("SSP-konsulent", "SSP-konsulent i Vejen"),
                            encoding="utf-8")
        assert wait_for(lambda: "SSP-konsulent i Vejen" in fetch(page), 30), "an edit in data/ did not reload"
        assert fetch(f"http://127.0.0.1:{port}/en/temaer/rusmidler/")
        # A mistake in data/ is reported, the preview keeps running, and the fix is picked up.
        good = contacts.read_text(encoding="utf-8")
        contacts.write_text(good.replace('phone: "24430755"', 'phone: "2443075"'), encoding="utf-8")
        time.sleep(3)
        contacts.write_text(good.replace("SSP-konsulent i Vejen", "SSP-konsulent igen"), encoding="utf-8")
        assert wait_for(lambda: "SSP-konsulent igen" in fetch(page), 30), "the preview did not recover"
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "Traceback" not in output, output[-3000:]
    assert "data/contacts.yml:" in output and "er ikke et gyldigt dansk telefonnummer" in output
