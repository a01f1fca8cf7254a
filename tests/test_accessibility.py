"""Issue 10: axe-core on every built page in both languages at phone and desktop width,
in light and dark colours; keyboard: skip links first, focus visible, controls reachable."""

from __future__ import annotations

import re

import pytest

from conftest import VIEWPORTS, axe_source, built_pages, url_of
from sitekit import ROOT


def all_urls(site):
    return [url_of(site, page) for page in built_pages(site) if "/redaktoer/rapport/" not in url_of(site, page)]


SHARDS = 6  # the pages in six parts, so both test workers share the work evenly


WCAG_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
# Dark colours change only colours (ungvejen.css's prefers-color-scheme block sets colour
# variables, nothing else): in the dark the rules about colour are run on every page.
COLOUR_RULES = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
# On a desktop the page's content has the colours it has on a phone (checked there, every page);
# what only a desktop shows – the sidebars – is the same template on every page. So at desktop
# width the costliest rule, colour contrast, runs on every CONTRAST_EVERY-th page (the front pages
# of every language among them) and every other rule on every page.
CONTRAST_EVERY = 8


def axe_options(viewport: str, scheme: str, url: str, number: int) -> dict:
    if scheme == "dark":
        return {"runOnly": COLOUR_RULES}
    options = {"runOnly": WCAG_AA}
    if viewport == "desktop" and number % CONTRAST_EVERY and url.count("/") > 2:
        options["rules"] = {"color-contrast": {"enabled": False}}
    return options


def test_desktop_contrast_is_checked_on_the_front_pages_and_a_spread_of_pages(site):
    urls = all_urls(site)
    contrast = [url for number, url in enumerate(urls)
                if "rules" not in axe_options("desktop", "light", url, number)]
    assert {"/", "/en/", "/ar/", "/uk/", "/pl/", "/so/"} <= set(contrast)
    assert len(contrast) >= len(urls) // CONTRAST_EVERY
    assert all("rules" not in axe_options("mobile", "light", url, number) for number, url in enumerate(urls))


def test_dark_colours_change_nothing_but_colours():
    """What makes running only the colour rules in the dark enough: the dark block of our
    stylesheet sets custom properties (colours) and nothing else."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "ungvejen.css").read_text(encoding="utf-8")
    dark_blocks = re.findall(r"@media [^{]*\(prefers-color-scheme: dark\) \{(.*?)\n\}", css, re.S)
    assert len(dark_blocks) >= 1
    for block in dark_blocks:
        declarations = re.findall(r"([\w-]+)\s*:\s*[^;{}]+;", block)
        assert declarations and all(name.startswith("--") or name == "color-scheme" for name in declarations), declarations


# Each page is opened once, at phone width in light colours, and checked three ways: as it is;
# in dark colours; and widened to a desktop. Changing the colour scheme or the width restyles the
# page as a fresh load would (only start-material.js looks at widths at load: it makes code that
# scrolls sideways focusable, which a wider screen only makes harmless). What a load costs is
# spent once; the checks themselves are the cost.
VARIANTS = [("mobile", "light"), ("mobile", "dark"), ("desktop", "light")]
# Colours fade (Material's links have a transition): check once the new colours are in place.
TRANSITIONS_DONE = "() => Promise.all(document.getAnimations().map(animation => animation.finished))"


def axe_three_ways(page, url: str, number: int) -> dict[str, list]:
    """The open page's violations as it is (phone, light), in the dark and widened to a desktop."""
    failures = {}
    for viewport, scheme in VARIANTS:
        page.set_viewport_size(VIEWPORTS[viewport])
        page.emulate_media(color_scheme=scheme)
        page.evaluate(TRANSITIONS_DONE)
        assert page.evaluate("[innerWidth, matchMedia('(prefers-color-scheme: dark)').matches]") == \
            [VIEWPORTS[viewport]["width"], scheme == "dark"]
        # resultTypes: only the violations are worked out in full (a third less time per page).
        result = page.evaluate("options => axe.run(document, {...options, resultTypes: ['violations']})",
                               axe_options(viewport, scheme, url, number))
        if result["violations"]:
            failures[f"{url} ({viewport}, {scheme})"] = [(v["id"], [n["target"] for n in v["nodes"]][:3])
                                                         for v in result["violations"]]
    return failures


def axe_page(browser):
    context = browser.new_context(viewport=VIEWPORTS["mobile"], color_scheme="light")
    context.route("https://www.dmi.dk/**", lambda route: route.fulfill(body="<title>Vejret</title>"))
    # axe-core is handed to the browser once and put into every page it opens (not sent per page).
    context.add_init_script(axe_source())
    return context, context.new_page()


def open_light_on_a_phone(page, address: str) -> None:
    page.set_viewport_size(VIEWPORTS["mobile"])
    page.emulate_media(color_scheme="light")
    page.goto(address)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_axe_on_every_page(browser, base_url, site, shard):
    context, page = axe_page(browser)
    failures = {}
    urls = all_urls(site)
    assert len(urls) > 50
    for number, url in list(enumerate(urls))[shard::SHARDS]:
        open_light_on_a_phone(page, base_url + url)
        failures |= axe_three_ways(page, url, number)
    context.close()
    assert not failures, failures


def test_the_three_ways_find_what_only_the_dark_or_a_desktop_shows(browser, base_url):
    """Faults that show only in dark colours, or only on a wide screen, are found by the checks
    of a page opened on a phone in light colours."""
    context, page = axe_page(browser)
    open_light_on_a_phone(page, base_url + "/om-ssp/")
    page.add_style_tag(content="@media (prefers-color-scheme: dark) { .md-typeset p { color: #222 !important } }"
                               "@media (min-width: 1000px) { .md-typeset h1 { color: #eee !important } }")
    failures = axe_three_ways(page, "/om-ssp/", 0)  # number 0: the desktop check includes contrast
    context.close()
    assert set(failures) == {"/om-ssp/ (mobile, dark)", "/om-ssp/ (desktop, light)"}, failures
    assert all(rule == "color-contrast" for found in failures.values() for rule, _ in found), failures


# Before any Tab: every element's own outline and box-shadow, to compare the focused look with.
REMEMBER_UNFOCUSED = """() => {
    window.__unfocused = new WeakMap();
    for (const element of document.querySelectorAll('body *')) {
        const style = getComputedStyle(element);
        window.__unfocused.set(element, {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
                                         outlineColor: style.outlineColor, boxShadow: style.boxShadow});
    }
}"""


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {text: (el.innerText || el.getAttribute('aria-label') || '').trim(), tag: el.tagName,
                visible: !!(el.offsetWidth || el.offsetHeight),
                now: {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
                      outlineColor: style.outlineColor, boxShadow: style.boxShadow},
                before: window.__unfocused && window.__unfocused.get(el) || null};
    }""")


COLOUR = r"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^)]*\)|transparent"


def alpha(colour: str) -> float:
    """The opacity of a computed colour: rgba(r, g, b, a) or colour(… / a) has a, 'transparent' none."""
    if colour == "transparent":
        return 0.0
    if "/" in colour:
        return float(re.search(r"/\s*([\d.]+)(%?)", colour).group(1)) / (100 if "%" in colour.split("/")[1] else 1)
    numbers = re.findall(r"[\d.]+", colour)
    return float(numbers[3]) if colour.startswith(("rgba", "hsla")) and len(numbers) == 4 else 1.0


def shadows(value: str) -> set[str]:
    """The visible shadows of a computed box-shadow: a non-transparent colour and some blur or spread."""
    if value == "none":
        return set()
    found = set()
    for shadow in re.split(r",(?![^(]*\))", value):
        colour = re.search(COLOUR, shadow)
        lengths = [float(number) for number in re.findall(r"(-?[\d.]+)px", re.sub(COLOUR, "", shadow))]
        blur_and_spread = lengths[2:4]
        if colour and alpha(colour.group()) > 0 and any(length > 0 for length in blur_and_spread):
            found.add(" ".join(shadow.split()))
    return found


def focus_indicator(state: dict) -> str | None:
    """What shows the focus: an outline of at least 2px, or a box-shadow ring, that the element
    does not have when it is not focused. None when there is no such indicator."""
    now, before = state["now"], state["before"]
    assert before is not None, f"no unfocused look was recorded for {state}"
    outline = (now["outlineStyle"], now["outlineWidth"], now["outlineColor"])
    if (now["outlineStyle"] not in ("none", "hidden") and float(now["outlineWidth"].removesuffix("px")) >= 2
            and alpha(now["outlineColor"]) > 0
            and outline != (before["outlineStyle"], before["outlineWidth"], before["outlineColor"])):
        return "outline"
    if shadows(now["boxShadow"]) - shadows(before["boxShadow"]):
        return "box-shadow"
    return None


def test_focus_indicator_rules():
    def state(now, before=None):
        empty = {"outlineStyle": "none", "outlineWidth": "0px", "outlineColor": "rgb(0, 0, 0)", "boxShadow": "none"}
        return {"now": {**empty, **now}, "before": {**empty, **(before or {})}}

    ring = {"outlineStyle": "solid", "outlineWidth": "3px", "outlineColor": "rgb(224, 165, 38)"}
    assert focus_indicator(state(ring)) == "outline"
    assert focus_indicator(state({**ring, "outlineWidth": "1px"})) is None
    assert focus_indicator(state({**ring, "outlineColor": "rgba(0, 0, 0, 0)"})) is None
    assert focus_indicator(state({**ring, "outlineStyle": "auto", "outlineWidth": "1px"})) is None
    assert focus_indicator(state(ring, before=ring)) is None, "the same outline as unfocused shows nothing"
    assert focus_indicator(state({"boxShadow": "rgb(11, 11, 11) 0px 0px 0px 5px"})) == "box-shadow"
    assert focus_indicator(state({"boxShadow": "rgba(0, 0, 0, 0.35) 0px 2px 0px 0px"})) is None, "no blur, no spread"
    assert focus_indicator(state({"boxShadow": "rgba(0, 0, 0, 0) 0px 0px 0px 5px"})) is None, "transparent"
    assert focus_indicator(state({"boxShadow": "oklch(0.5 0.1 200 / 0) 0px 0px 0px 5px"})) is None, "transparent"
    assert focus_indicator(state({"boxShadow": "oklch(0.5 0.1 200) 0px 0px 0px 5px"})) == "box-shadow"
    assert focus_indicator(state({"boxShadow": "rgb(0, 0, 0) 0px 0px 4px 0px"},
                                 before={"boxShadow": "rgb(0, 0, 0) 0px 0px 4px 0px"})) is None, "unchanged"
    assert focus_indicator(state({"boxShadow": "rgba(0, 0, 0, 0.35) 0px 2px 0px 0px, rgb(11, 11, 11) 0px 0px 0px 5px"},
                                 before={"boxShadow": "rgba(0, 0, 0, 0.35) 0px 2px 0px 0px"})) == "box-shadow"


def tab_and_check(page) -> dict:
    page.keyboard.press("Tab")
    state = focused(page)
    assert state["visible"], f"focus went to something not shown: {state}"
    assert focus_indicator(state), f"no visible focus indicator: {state}"
    return state


@pytest.mark.parametrize("path, labels", [("/temaer/rusmidler/", ("Gå til indhold", "Forlad siden hurtigt")),
                                          ("/en/temaer/rusmidler/", ("Skip to content", "Leave this site quickly"))])
def test_skip_links_come_first_and_focus_is_visible(new_page, base_url, path, labels):
    page = new_page()
    page.goto(base_url + path)
    page.evaluate(REMEMBER_UNFOCUSED)
    first = tab_and_check(page)
    assert first["text"] == labels[0] and focus_indicator(first) == "outline"
    assert tab_and_check(page)["text"] == labels[1]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "indhold"
    for _ in range(40):  # every stop through the content after "skip to content" shows focus
        tab_and_check(page)
    # And every stop through the header (quick exit, logo, search, language) and the help bar.
    page.goto(base_url + path)
    page.evaluate(REMEMBER_UNFOCUSED)
    skip_links = [tab_and_check(page)["text"] for _ in range(2)]
    header_and_helpbar = [tab_and_check(page)["text"] for _ in range(12)]
    assert skip_links == list(labels)
    assert header_and_helpbar[0] == labels[1], "the quick exit button comes first in the header"
    assert any("112" in text for text in header_and_helpbar), header_and_helpbar


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
