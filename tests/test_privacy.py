"""Issue 9: nothing tracked – no request leaves the site, no cookie, storage only as documented.

Every built page in every language is visited once: every other page at desktop width, the
pages between at phone width (and the front pages at both), each half in one browser context
(served by the plain test server from conftest, without any CSP, so an outside request would
really be attempted and seen here). Requests to other hosts are recorded and aborted: nothing leaves the machine.
On a sample of pages the test also scrolls, opens the menu, follows the table of contents and
the language switcher and searches, then reads localStorage, sessionStorage and cookies.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import built_pages, stub_exit_page, url_of, wait_for_material

# What the site may keep in the browser's storage: a pattern for the key (Material's keys are
# "<base path>.__<name>": the pattern matches <name>) and words that must appear on BOTH
# privacy pages, saying what it is for.
# Material would store e.g. "/.__palette" (colour toggle), "/.__tabs" (content tabs),
# "/.__consent" (cookie consent) – none of those features is on. Today nothing is stored.
DOCUMENTED_STORAGE: dict[str, tuple[str, ...]] = {}

PRIVACY_PAGES = ("privatliv/index.html", "en/privatliv/index.html")


INTERACT_EVERY = 6  # pages: the reader's actions (menu, contents, top, search, language) on every sixth page
STEPS = ["menu", "contents", "top", "search", "language"]
PHONE_BELOW = 1220  # px: Material shows the menu button (and hides the sidebar) below 76.25em


def visit_everything(browser, base_url, site, viewport, half: int):
    context = browser.new_context(viewport=viewport)
    stub_exit_page(context)
    origin = urlsplit(base_url)
    outside, storage_keys, interactions = [], set(), []

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
    paths = ["/", "/en/"] + [path for path in paths[half::2] if path not in ("/", "/en/")]
    for number, path in enumerate(paths):
        page.goto(base_url + path, wait_until="load")
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(40)
        if number % INTERACT_EVERY == 0:
            interactions.append((path, interact(page, phone=viewport["width"] < PHONE_BELOW)))
        storage_keys |= set(page.evaluate("[...Object.keys(localStorage).map(k => 'local ' + k),"
                                          " ...Object.keys(sessionStorage).map(k => 'session ' + k)]"))
    cookies = context.cookies() + [page.evaluate("document.cookie")]
    context.close()
    return paths, outside, storage_keys, [cookie for cookie in cookies if cookie], interactions


def interact(page, phone: bool) -> list[str]:
    """What a reader does: menu, table of contents, back to top, search, language switch.

    Every step is required: a control that is missing fails the test (it is never skipped),
    and each step checks that it did something. Returns the steps done, in order."""
    done = []
    language = page.evaluate("document.documentElement.lang")
    if phone:
        menu = page.locator("label.md-header__button[for='__drawer']")
        assert menu.is_visible(), f"no menu button on {page.url}"
        menu.click()
        assert page.locator("#__drawer").is_checked(), "the menu did not open"
        page.locator("label.md-overlay").click(position={"x": 360, "y": 400})
        assert not page.locator("#__drawer").is_checked(), "the menu did not close"
    else:
        assert page.locator(".md-sidebar--primary nav").first.is_visible(), f"no navigation on {page.url}"
    done.append("menu")
    toc = page.locator(".md-nav--secondary a.md-nav__link")
    assert toc.count() > 1, f"no table of contents on {page.url}"
    target = toc.nth(1).get_attribute("href")
    assert target.startswith("#"), target
    toc.nth(1).dispatch_event("click")
    page.wait_for_function("hash => location.hash === hash", arg=target)
    done.append("contents")
    top = page.locator("[data-md-component='top']")
    assert top.count() == 1, f"no back-to-top button on {page.url}"
    wait_for_material(page)  # the button is Material's: it works once Material has started (on the first wheel)
    top.dispatch_event("click")
    page.wait_for_function("() => scrollY === 0")
    done.append("top")
    search = page.locator("[data-ung-search-open]")
    assert search.is_visible(), f"no search button on {page.url}"
    search.click()
    page.locator("[data-ung-search-input]").fill("hjælp")
    # »hjælp« in Danish, “hjælp” in English, «hjælp» in Arabic and Ukrainian, „hjælp” in Polish.
    page.wait_for_function("() => /[»“«„]hjælp[«”»]/.test(document.querySelector('[data-ung-search-message]').textContent)")
    page.locator("[data-ung-search-close]").click()
    page.wait_for_function("() => !document.querySelector('[data-ung-search-dialog]').open")
    done.append("search")
    switch = page.locator(f".md-select__link:not([hreflang='{language}'])")
    assert switch.count() >= 1, f"no language switch on {page.url}"
    with page.expect_navigation(wait_until="load"):
        switch.first.dispatch_event("click")
    assert page.evaluate("document.documentElement.lang") not in ("", language), "the language did not change"
    done.append("language")
    return done


@pytest.mark.parametrize("viewport, half", [({"width": 1280, "height": 800}, 0), ({"width": 375, "height": 812}, 1)],
                         ids=["desktop-every-other-page", "mobile-the-pages-between"])
def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, base_url, site, viewport, half):
    paths, outside, storage_keys, cookies, interactions = visit_everything(browser, base_url, site, viewport, half)
    everything = [url_of(site, built) for built in built_pages(site)]
    assert set(paths) >= set(everything[half::2]) and len(paths) >= 50
    assert [path for path, _ in interactions] == paths[::INTERACT_EVERY]
    assert all(steps == STEPS for _, steps in interactions), interactions
    assert outside == []
    assert cookies == []
    undocumented = sorted(key for key in storage_keys
                          if not any(re.fullmatch(pattern, key.split(" ", 1)[1].split("__", 1)[-1])
                                     for pattern in DOCUMENTED_STORAGE))
    assert undocumented == [], (
        "The site now keeps something in the browser: list it with its purpose on docs/privatliv.md and "
        "docs/privatliv.en.md, and in DOCUMENTED_STORAGE here – or stop storing it.")


# What each privacy page must say while DOCUMENTED_STORAGE is empty: nothing is kept at all.
NOTHING_STORED = {
    "privatliv/index.html": ("siden sætter ingen cookies", "siden gemmer ikke noget i din browser",
                             "local storage", "session storage"),
    "en/privatliv/index.html": ("the site sets no cookies", "the site stores nothing in your browser",
                                "local storage", "session storage"),
}


def test_privacy_pages_describe_what_is_stored(site):
    assert set(NOTHING_STORED) == set(PRIVACY_PAGES)
    for relative in PRIVACY_PAGES:
        text = " ".join(re.sub(r"<[^>]+>", " ", (site / relative).read_text(encoding="utf-8")).lower().split())
        # Either every documented key's words, or – with nothing documented – the promise that nothing is kept.
        required = list(DOCUMENTED_STORAGE.values()) or [NOTHING_STORED[relative]]
        assert required and all(required), required
        for words in required:
            missing = [word for word in words if word.lower() not in text]
            assert not missing, (relative, missing)
        if DOCUMENTED_STORAGE:
            assert NOTHING_STORED[relative][1] not in text, f"{relative} still says nothing is stored"
        # There is no colour toggle any more: the page must not promise to remember one.
        assert "mørke farver" not in text and "dark colours" not in text, relative
