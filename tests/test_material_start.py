"""Material's script (bundle.js) starts on the reader's first action, not while the page loads
(docs/assets/javascripts/start-material.js, overrides/main.html, hooks/page_chrome.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from conftest import wait_for_material, wait_until_still
from sitekit import ROOT


def bundle_requests(page) -> list[str]:
    return [url for url in page.requests_seen if re.search(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$", url)]


@pytest.fixture
def watched_page(new_page):
    def make(viewport: str):
        page = new_page(viewport)
        page.requests_seen = []
        page.on("request", lambda request: page.requests_seen.append(request.url))
        return page
    return make


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_material_waits_for_the_first_action_and_then_starts(watched_page, base_url, viewport):
    page = watched_page(viewport)
    page.goto(base_url + "/temaer/rusmidler/", wait_until="load")
    page.wait_for_timeout(500)
    assert bundle_requests(page) == [], "Material's script was loaded with the page"
    # What a scared reader needs first works already: the quick exit, the help bar, the menu (on phones).
    assert page.locator("[data-ung-exit]").first.is_visible()
    assert page.locator(".ung-helpbar a[href^='tel:']").first.is_visible()
    top = page.locator("[data-md-component='top']")
    assert top.get_attribute("hidden") is not None

    page.mouse.wheel(0, 1500)  # the first action: Material is fetched, and started
    wait_for_material(page)
    page.wait_for_function("() => document.querySelector('.md-header').classList.contains('md-header--shadow')")
    # Back up only once the way down has ended: a wheel turned during a smooth scroll changes
    # where that scroll ends, and the page never moves up.
    wait_until_still(page)
    page.mouse.wheel(0, -300)  # scrolling back up shows Material's back-to-top button
    try:
        page.wait_for_function("() => !document.querySelector('[data-md-component=top]').hidden", timeout=10_000)
    except PlaywrightTimeoutError:
        state = page.evaluate("({y: scrollY, height: document.documentElement.scrollHeight,"
                              " header: document.querySelector('.md-header').className,"
                              " top: document.querySelector('[data-md-component=top]').outerHTML.slice(0, 200)})")
        pytest.fail(f"scrolling up did not show the back-to-top button: {state}")
    page.mouse.wheel(0, 300)
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    assert len(bundle_requests(page)) == 1, "Material's script must be fetched once"
    assert page.console_messages_seen == [] and page.failed_requests_seen == []


def test_a_tap_starts_material_too(watched_page, base_url):
    page = watched_page("mobile")
    page.goto(base_url + "/faa-hjaelp-nu/", wait_until="load")
    page.locator("label.md-header__button[for='__drawer']").click()  # the menu opens without Material
    assert page.locator("#__drawer").is_checked()
    page.wait_for_function("() => [...document.scripts].some(s => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(s.src))")
    page.wait_for_timeout(300)
    assert len(bundle_requests(page)) == 1 and page.console_messages_seen == []


def test_pages_name_the_bundle_material_ships(site):
    """A new Material release renames bundle.js: the page must name the file that was published."""
    html = (site / "temaer" / "rusmidler" / "index.html").read_text(encoding="utf-8")
    named = re.findall(r'<script src="[^"]*start-material\.js" data-bundle="\.\./\.\./(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)">', html)
    assert len(named) == 1 and (site / named[0]).is_file()
    assert not re.search(r'<script src="[^"]*bundle\.[0-9a-f]+\.min\.js"', html), "Material's own tag is gone"
    assert (ROOT / "docs" / "assets" / "javascripts" / "start-material.js").is_file()


def test_code_and_tables_that_scroll_are_reachable_by_keyboard_before_material_starts(watched_page, base_url):
    page = watched_page("mobile")
    page.goto(base_url + "/redaktoer/", wait_until="load")
    assert bundle_requests(page) == []
    wide = page.evaluate("[...document.querySelectorAll('.md-typeset pre > code, .md-typeset table:not([class])')]"
                         ".filter(code => code.scrollWidth > code.clientWidth)"
                         ".map(code => code.getAttribute('tabindex'))")
    assert len(wide) >= 2 and set(wide) == {"0"}, wide
    assert page.evaluate("[...document.querySelectorAll('.md-typeset table:not([class])')]"
                         ".some(table => table.scrollWidth > table.clientWidth)"), "the guide's wide table"
