"""Hook: pre-compressed copies of the built site – `x.gz` and `x.br` beside each text file.

One concern: after every other hook has written its files, compress the site's text files
once (gzip -9 and brotli, cached by content), so nginx serves them with `gzip_static` and
`brotli_static` instead of compressing every response (issue 13; see
_ungvejen/compression.py for which files and why).

Runs last: `on_post_build` at priority -300, below security_headers (-250), search_index and
editor_report (-200) and mkdocs-static-i18n (-100, which builds /en/ inside its own
on_post_build); skipped in that nested build, so both languages are compressed once.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from _ungvejen import compression
from _ungvejen.build import build_state

log = logging.getLogger("mkdocs.plugins.ungvejen.precompress")


def is_live_preview(config) -> bool:
    """`mkdocs serve` builds with site_url set to its own address (http://127.0.0.1:8000/): its
    dev server sends no compressed copies, and making them (brotli 11) would only slow every
    reload after an edit by a few seconds."""
    address = config.dev_addr
    return bool(address) and urlsplit(config.site_url or "").netloc == f"{address.host}:{address.port}"


@event_priority(-300)
def on_post_build(config):
    if build_state(config).building_other_language or is_live_preview(config):
        return
    started = time.perf_counter()
    summary = compression.precompress_site(Path(config.site_dir), cache=compression.CACHE)
    log.info(f"precompress: {summary.describe()} in {time.perf_counter() - started:.2f} s")
