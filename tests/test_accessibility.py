"""Issue 10: axe-core on every built page in both languages at phone and desktop width,
in light and dark colours; keyboard: skip links first, focus visible, controls reachable."""

from __future__ import annotations

import pytest

from conftest import VIEWPORTS, axe_source, built_pages, url_of


def all_urls(site):
    return [url_of(site, page) for page in built_pages(site) if "/redaktoer/rapport/" not in url_of(site, page)]


@pytest.mark.parametrize("viewport, scheme", [("mobile", "light"), ("desktop", "light"), ("mobile", "dark")])
def test_axe_on_every_page(browser, base_url, site, viewport, scheme):
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    context.route("https://www.dmi.dk/**", lambda route: route.fulfill(body="<title>Vejret</title>"))
    page = context.new_page()
    failures = {}
    urls = all_urls(site)
    assert len(urls) > 50
    for url in urls:
        page.goto(base_url + url)
        page.evaluate(axe_source())
        result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
        if result["violations"]:
            failures[url] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    context.close()
    assert not failures, failures


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {text: (el.innerText || el.getAttribute('aria-label') || '').trim(), tag: el.tagName,
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                shadow: style.boxShadow !== 'none', visible: !!(el.offsetWidth || el.offsetHeight)};
    }""")


@pytest.mark.parametrize("path, labels", [("/temaer/rusmidler/", ("Gå til indhold", "Forlad siden hurtigt")),
                                          ("/en/temaer/rusmidler/", ("Skip to content", "Leave this site quickly"))])
def test_skip_links_come_first_and_focus_is_visible(new_page, base_url, path, labels):
    page = new_page()
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == labels[0] and first["visible"] and first["outline"]
    page.keyboard.press("Tab")
    assert focused(page)["text"] == labels[1]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"
    for _ in range(40):  # every stop on the way through the header and help bar shows focus
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["outline"] or state["shadow"], state


def test_language_switch_and_help_bar_work_by_keyboard(new_page, base_url):
    page = new_page()
    page.goto(base_url + "/temaer/rusmidler/")
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(focused(page)["text"])
        if stops[-1] == "Vælg sprog":
            break
    assert "Vælg sprog" in stops
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The list opens on focus; the next stops are the languages.
    for _ in range(3):
        if focused(page)["text"] == "English":
            break
        page.keyboard.press("Tab")
    assert focused(page)["text"] == "English"
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/temaer/rusmidler/")
    page.goto(base_url + "/temaer/rusmidler/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if "112" in focused(page)["text"]:
            break
    assert "112" in focused(page)["text"]
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:112"
