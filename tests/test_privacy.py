"""Issue 9: nothing tracked – no request leaves the site, no cookie, storage only as documented.

Every built page in both languages is visited in one browser context (served by the plain
test server from conftest, without any CSP, so an outside request would really be attempted
and seen here). Requests to other hosts are recorded and aborted: nothing leaves the machine.
On a sample of pages the test also scrolls, opens the menu, follows the table of contents and
the language switcher and searches, then reads localStorage, sessionStorage and cookies.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import built_pages, stub_exit_page, url_of

# What the site may keep in the browser's storage: a pattern for the key (Material's keys are
# "<base path>.__<name>": the pattern matches <name>) and words that must appear on BOTH
# privacy pages, saying what it is for.
# Material would store e.g. "/.__palette" (colour toggle), "/.__tabs" (content tabs),
# "/.__consent" (cookie consent) – none of those features is on. Today nothing is stored.
DOCUMENTED_STORAGE: dict[str, tuple[str, ...]] = {}

PRIVACY_PAGES = ("privatliv/index.html", "en/privatliv/index.html")


def visit_everything(browser, base_url, site, viewport, every: int = 1):
    context = browser.new_context(viewport=viewport)
    stub_exit_page(context)
    origin = urlsplit(base_url)
    outside, storage_keys = [], set()

    def guard(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or (url.scheme, url.netloc) == (origin.scheme, origin.netloc):
            route.fallback()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.on("request", lambda request: outside.append(request.url)
               if not request.url.startswith((base_url + "/", "data:", "blob:")) else None)
    page = context.new_page()
    paths = [url_of(site, built) for built in built_pages(site)]
    paths = ["/", "/en/"] + [path for path in paths[::every] if path not in ("/", "/en/")]
    for number, path in enumerate(paths):
        page.goto(base_url + path, wait_until="load")
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(40)
        if number % 6 == 0:
            interact(page)
        storage_keys |= set(page.evaluate("[...Object.keys(localStorage).map(k => 'local ' + k),"
                                          " ...Object.keys(sessionStorage).map(k => 'session ' + k)]"))
    cookies = context.cookies() + [page.evaluate("document.cookie")]
    context.close()
    return paths, outside, storage_keys, [cookie for cookie in cookies if cookie]


def interact(page):
    """What a reader does: menu, table of contents, back to top, search, language switch."""
    drawer = page.locator("label[for='__drawer']").first
    if drawer.is_visible():
        drawer.click()
        page.wait_for_timeout(40)
        page.keyboard.press("Escape")
    toc = page.locator(".md-nav--secondary a.md-nav__link")
    if toc.count() > 1:
        toc.nth(1).dispatch_event("click")
    top = page.locator("[data-md-component='top']")
    if top.count():
        top.first.dispatch_event("click")
    search = page.locator("[data-ung-search-open]")
    if search.count() and search.first.is_visible():
        search.first.click()
        page.locator("input[type='search']").first.fill("hjælp")
        page.wait_for_timeout(400)
        page.keyboard.press("Escape")
    switch = page.locator(".md-select__link:not([href='./'])")
    if switch.count():
        with page.expect_navigation(wait_until="load"):
            switch.first.dispatch_event("click")


@pytest.mark.parametrize("viewport, every", [({"width": 1280, "height": 800}, 1), ({"width": 375, "height": 812}, 3)],
                         ids=["desktop-every-page", "mobile-every-third-page"])
def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, base_url, site, viewport, every):
    paths, outside, storage_keys, cookies = visit_everything(browser, base_url, site, viewport, every)
    assert len(paths) >= (50 if every == 1 else 15)
    assert outside == []
    assert cookies == []
    undocumented = sorted(key for key in storage_keys
                          if not any(re.fullmatch(pattern, key.split(" ", 1)[1].split("__", 1)[-1])
                                     for pattern in DOCUMENTED_STORAGE))
    assert undocumented == [], (
        "The site now keeps something in the browser: list it with its purpose on docs/privatliv.md and "
        "docs/privatliv.en.md, and in DOCUMENTED_STORAGE here – or stop storing it.")


def test_privacy_pages_describe_what_is_stored(site):
    for relative in PRIVACY_PAGES:
        text = re.sub(r"<[^>]+>", " ", (site / relative).read_text(encoding="utf-8")).lower()
        for words in DOCUMENTED_STORAGE.values():
            assert all(word.lower() in text for word in words), relative
        # There is no colour toggle any more: the page must not promise to remember one.
        assert "mørke farver" not in text and "dark colours" not in text, relative

