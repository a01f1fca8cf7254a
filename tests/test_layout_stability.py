"""Issue 16: pages do not jump while they load (Lighthouse's Cumulative Layout Shift).

Our scripts change the page after it is shown: search.js shows the search button in the header,
opening.js fills in "Åben nu" on contact cards and in the help bar, read-aloud.js shows "Læs op"
when the browser has a voice (phones have; here a stand-in speech gives every language one). Either must not move what
the reader already sees – a scared reader taps the wrong line when the page jumps. Measured with
the browser's own layout-shift entries on a phone (Lighthouse's screen) and on a desktop, on the
pages that have both: every language's front page and help page, and the contact pages.
"""

from __future__ import annotations

import pytest

from conftest import stub_exit_page
from test_read_aloud import STUB as SPEECH_STUB

# A voice in every language of the site, as phones have: "Læs op" then shows on content pages.
VOICES = str([{"lang": code, "name": code, "localService": True}
              for code in ("da-DK", "en-GB", "ar", "uk-UA", "pl-PL", "so")]).replace("True", "true").replace("'", '"')

# Every layout shift the browser records from the start of the page, kept for the test to read.
RECORD_SHIFTS = """
window.__layoutShifts = [];
const rect = r => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__layoutShifts.push({value: entry.value, moved: entry.sources.map(source =>
      (source.node ? (source.node.className || source.node.nodeName) + ': ' + (source.node.textContent || '').trim().slice(0, 50) : '?')
      + ` at ${entry.startTime | 0} ms: ${rect(source.previousRect)} -> ${rect(source.currentRect)}`)});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

LANGUAGE_ROOTS = ["/", "/en/", "/ar/", "/uk/", "/pl/", "/so/"]
PAGES = ([root for root in LANGUAGE_ROOTS] + [root + "faa-hjaelp-nu/" for root in LANGUAGE_ROOTS]
         + ["/kontakt/", "/en/kontakt/", "/temaer/rusmidler/", "/en/til-unge/"])
SCREENS = {"phone": {"width": 412, "height": 823}, "desktop": {"width": 1280, "height": 800}}


def shifts_while_loading(page, url: str) -> tuple[list, int, int]:
    """Loads `url`, waits until the scripts have done what moves things (the search button
    shown, every opening status filled in, "Læs op" shown where there is one, then one more frame
    for layout); returns the layout shifts recorded, and how many statuses and "Læs op" it saw."""
    response = page.goto(url, wait_until="load")
    assert response.ok, url
    page.wait_for_selector("[data-ung-search]:not([hidden])", state="attached")
    page.wait_for_function("() => [...document.querySelectorAll('[data-ung-opening]')]"
                           ".every(status => !status.hidden && status.textContent.trim())")
    read_aloud = page.locator("[data-ung-readaloud]").count()
    if read_aloud:
        page.wait_for_selector("[data-ung-readaloud]:not([hidden])")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    shifts = page.evaluate("window.__layoutShifts")
    return [shift for shift in shifts if shift["value"] > 0], page.locator("[data-ung-opening]").count(), read_aloud


@pytest.mark.parametrize("screen", SCREENS)
def test_pages_do_not_jump_while_they_load(browser, base_url, screen):
    context = browser.new_context(viewport=SCREENS[screen], is_mobile=screen == "phone")
    stub_exit_page(context)
    context.add_init_script(RECORD_SHIFTS)
    context.add_init_script(SPEECH_STUB % VOICES)
    page = context.new_page()
    jumps, statuses_seen, read_aloud_seen = {}, 0, 0
    # Each script's text once before measuring: the first Cyrillic or Arabic text in a fresh
    # Chromium on Linux is laid out with a stand-in font until fontconfig answers (the browser's
    # own font loading, no font of ours: the site uses the device's system fonts).
    for root in LANGUAGE_ROOTS:
        page.goto(base_url + root + "faa-hjaelp-nu/", wait_until="load")
    for path in PAGES:
        shifts, statuses, read_aloud = shifts_while_loading(page, base_url + path)
        if shifts:
            # A jump our scripts cause happens on every load; one from the machine (a paint while
            # the test machine is busy) rarely twice: such a page is measured once more.
            shifts, statuses, read_aloud = shifts_while_loading(page, base_url + path)
        if shifts:
            jumps[path] = shifts
        statuses_seen += statuses
        read_aloud_seen += read_aloud
    context.close()
    assert statuses_seen >= len(PAGES), "the pages should show opening statuses: the test would prove nothing"
    assert read_aloud_seen >= 8, "'Læs op' should show on the content pages here"
    assert jumps == {}, jumps
