"""Hook: the security headers for the built site – a strict Content-Security-Policy and friends.

The policy lets the browser run only the inline scripts our theme's templates write. Those
are taken from their source: when the template environment is ready (on_env), Material's
script partials (partials/javascripts/*.html) are rendered for every depth a page can have,
and their scripts are the trusted set. Each finished page is scanned once, as it is written
(on_post_page, from the HTML in hand): trusted scripts are hashed into the policy; any other
inline script – from a title, a nav label, anything that slipped past the checks – gets no
hash, so the browser would not run it, and is a warning naming the Markdown file, so the
strict build stops. So is anything else the policy would block (an inline handler, a
`javascript:` link, a script from another host, a `style` attribute or `<style>` element).

After every language and every other hook's files (priority -250), the HTML files that are
not pages (the 404 pages, the editors' report) are scanned the same way, and the headers are
written twice into the site root: `_headers` (Netlify / Cloudflare Pages) and
`_nginx_headers.conf` (included by deploy/ungvejen.conf). The pure logic is _ungvejen/csp.py.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority

from _ungvejen import csp
from _ungvejen.build import build_state
from _ungvejen.paths import source_path

log = logging.getLogger("mkdocs.plugins.ungvejen.security_headers")

SCRIPT_PARTIALS = "partials/javascripts/"
# Relative ways to the site root a page can have ("." for the front page, "../.." for
# /en/temaer/x/, ...), and "/" for the 404 pages, which are served at any depth.
BASE_URLS = ("/", ".", *("/".join([".."] * depth) for depth in range(1, 10)))


def on_env(env, config, files):
    state = build_state(config)
    features = config.theme.get("features") or []
    # The theme's folders (ours first, then Material's), read directly: listing every template
    # through Jinja walks Material's thousands of icon files.
    names = {path.relative_to(folder).as_posix() for folder in map(Path, config.theme.dirs)
             for path in (folder / SCRIPT_PARTIALS).glob("*.html")}
    for name in sorted(names):
        template = env.get_template(name)
        for base_url in BASE_URLS:
            rendered = template.render(config=config, base_url=base_url, features=features, page=None)
            state.template_scripts.update(csp.inline_scripts(rendered))
    return env


def on_post_page(output, page, config):
    state = build_state(config)
    hashes, problems = csp.scan_page(output, frozenset(state.template_scripts))
    state.script_hashes |= hashes
    state.scanned_files.add(Path(os.path.relpath(page.file.abs_dest_path, state.site_dir)).as_posix())
    for problem in problems:
        # One problem on many pages (a script in a title is in every page's navigation) is
        # reported once, after the build, with the pages it is on.
        state.csp_problems.setdefault(problem, set()).add(source_path(page.file.src_uri))
    return output


def _possible_origins(root: Path, pages: set[str]) -> list[Path]:
    """Where a blocked piece of HTML can come from: the pages it is on, then the navigation
    and settings, the data and our templates (a line number for each problem, not just a page)."""
    markdown = [root / page for page in sorted(pages) if page.startswith("docs/")]
    return [*markdown, root / "mkdocs.yml", *sorted((root / "data").glob("*.yml")),
            *sorted((root / "overrides").rglob("*.html"))]


# After mkdocs-static-i18n (-100) has built every language, and after the hooks that write
# more files at -200 (the search index, the editors' report): every file is on disk by now.
@event_priority(-250)
def on_post_build(config):
    state = build_state(config)
    if state.building_other_language:
        return
    site = Path(config.site_dir)
    hashes, problems = csp.scan_site(site, frozenset(state.template_scripts), skip=frozenset(state.scanned_files))
    for file, found in sorted(problems.items()):
        for problem in found:
            state.csp_problems.setdefault(problem, set()).add(f"site/{file}")
    root = Path(config.config_file_path).parent
    for problem, sources in sorted(state.csp_problems.items()):
        first, *others = sorted(sources)
        where = f" (også på {len(others)} andre sider)" if others else ""
        origin = csp.source_line(problem, _possible_origins(root, sources), root) or first
        state.warn(f"{origin}: Sikkerhedsreglen (Content-Security-Policy) blokerer {problem}{where}.")
    script_hashes = sorted(state.script_hashes | set(hashes))
    headers = csp.security_headers(script_hashes)
    (site / csp.HEADERS_FILE).write_text(csp.headers_file(headers, csp.fingerprinted_assets(site)), encoding="utf-8")
    (site / csp.NGINX_FILE).write_text(csp.nginx_file(headers), encoding="utf-8")
    log.info(f"security_headers: {len(script_hashes)} inline script hashes in the CSP; "
             f"wrote {csp.HEADERS_FILE} and {csp.NGINX_FILE}")
