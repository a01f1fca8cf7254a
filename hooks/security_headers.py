"""Hook: the security headers for the built site – a strict Content-Security-Policy and friends.

Runs once, after every language is built and every other file is written (see mkdocs.yml's
hook phases): it hands the site to `_ungvejen.csp`, which hashes each inline script the
browser runs and finds what the policy would block, and writes the headers twice into the
site root – `_headers` (Netlify / Cloudflare Pages) and `_nginx_headers.conf` (included by
deploy/ungvejen.conf). Anything the policy would silently break (an inline event handler, a
`javascript:` link, a script from another host, a `style` attribute or `<style>` element) is
a warning naming the Markdown file, so the strict build stops.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from _ungvejen import csp
from _ungvejen.build import build_state

log = logging.getLogger("mkdocs.plugins.ungvejen.security_headers")


def on_page_context(context, page, config, nav):
    build_state(config).note_built(page)  # so a warning can name the Markdown file, not the HTML
    return context


# After mkdocs-static-i18n (-100) has built every language, and after the hooks that write
# more files at -200 (the search index, the editors' report): every file is on disk by now.
@event_priority(-250)
def on_post_build(config):
    state = build_state(config)
    if state.building_other_language:
        return
    site = Path(config.site_dir)
    hashes, problems = csp.scan_site(site)
    # A fallback page (no .en.md) is built twice from the same file: warn once.
    messages = {f"{state.source_of_built(file)}: Sikkerhedsreglen (Content-Security-Policy) blokerer {problem}."
                for file, found in problems.items() for problem in found}
    for message in sorted(messages):
        log.warning(message)
    headers = csp.security_headers(hashes)
    (site / csp.HEADERS_FILE).write_text(csp.headers_file(headers, csp.fingerprinted_assets(site)), encoding="utf-8")
    (site / csp.NGINX_FILE).write_text(csp.nginx_file(headers), encoding="utf-8")
    log.info(f"security_headers: {len(hashes)} inline script hashes in the CSP; "
             f"wrote {csp.HEADERS_FILE} and {csp.NGINX_FILE}")
