"""Hook: keep unlisted pages out of sitemap.xml – `noindex: true` pages and fallback pages.

While each language is built, the pages that must not be listed are noted in the build
state; after all languages, `_ungvejen.sitemap` removes them (and the hreflang links to them)
from sitemap.xml and sitemap.xml.gz.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from _ungvejen import sitemap
from _ungvejen.build import build_state


def on_page_context(context, page, config, nav):
    state = build_state(config)
    record = state.record(page)
    if (record and record.meta.get("noindex")) or state.is_fallback(page):
        state.unlisted_urls.add(page.canonical_url or page.abs_url or page.url)
    return context


@event_priority(-200)
def on_post_build(config):
    state = build_state(config)
    if state.building_other_language or not state.unlisted_urls:
        return
    path = Path(config.site_dir) / "sitemap.xml"
    if not path.is_file():
        return
    content = sitemap.without_pages(path.read_bytes(), state.unlisted_urls)
    path.write_bytes(content)
    path.with_name("sitemap.xml.gz").write_bytes(sitemap.gzipped(content))
