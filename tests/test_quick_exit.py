"""Issue 5: the quick exit – click, Shift x 3, modifiers, the 5-second window, no JavaScript,
storage cleared, history replaced; and the help bar and exit on every page."""

from __future__ import annotations

import pytest

from conftest import built_pages, url_of
from htmlkit import parse

NEUTRAL = "https://www.dmi.dk/"
THEME = "/temaer/overgreb/"


def open_page(new_page, base_url, path=THEME, **options):
    page = new_page(**options)
    page.goto(base_url + path)
    return page


def exited(page) -> bool:
    return page.url.startswith(NEUTRAL)


def test_click_leaves_and_back_does_not_return(new_page, base_url):
    page = new_page()
    page.goto(base_url + "/")
    page.goto(base_url + THEME)
    page.click(".ung-exit__button")
    page.wait_for_url(NEUTRAL + "**")
    assert page.title() == "Vejret"
    page.go_back()
    assert page.url == base_url + "/", "Back must not return to the page the reader left"


def test_the_second_skip_link_exits(new_page, base_url):
    page = open_page(new_page, base_url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Forlad siden hurtigt"
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL + "**")


def test_shift_three_times_exits_and_counts_down(new_page, base_url):
    page = open_page(new_page, base_url)
    status = page.locator("[data-ung-exit-status]")
    page.keyboard.press("Shift")
    assert status.text_content() == "Tryk Shift 2 gang(e) mere for at forlade siden."
    page.keyboard.press("Shift")
    assert status.text_content() == "Tryk Shift 1 gang(e) mere for at forlade siden."
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL + "**")


def press(page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)


def test_shift_as_a_modifier_does_not_count_and_other_keys_reset(new_page, base_url):
    page = open_page(new_page, base_url)
    press(page, "Shift", "Shift", "Shift+A", "Shift", "Shift")  # Shift+A: Shift used as a modifier
    page.wait_for_timeout(300)
    assert not exited(page)
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL + "**")


def test_any_other_key_resets(new_page, base_url):
    page = open_page(new_page, base_url)
    press(page, "Shift", "Shift", "x", "Shift")
    page.wait_for_timeout(300)
    assert not exited(page)
    assert page.locator("[data-ung-exit-status]").text_content() == "Tryk Shift 2 gang(e) mere for at forlade siden."


def test_the_count_resets_after_five_seconds(new_page, base_url):
    page = new_page()
    page.clock.install()
    page.goto(base_url + THEME)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(5100)
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert not exited(page)
    page.clock.fast_forward(4000)  # within 5 s of the last press: the count goes on
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL + "**")


# Runs at the very moment the page starts to leave: the Navigation API's `navigate` event fires
# synchronously inside location.replace(), before anything is fetched. It reports whether the
# page can still be seen then (whatever exit.js does to hide it), what is left in storage, and
# how it leaves (navigationType "replace" = location.replace, so Back does not return here).
RECORD_LEAVING = """() => {
    navigation.addEventListener('navigate', (event) => {
        const shown = [...document.body.children].filter((element) =>
            element.checkVisibility({opacityProperty: true, visibilityProperty: true}));
        window.__recordLeaving({
            to: event.destination.url, how: event.navigationType,
            shown: shown.map((element) => element.tagName + '.' + element.className),
            text: document.body.innerText.trim().length,
            stored: localStorage.length + sessionStorage.length,
        });
    });
}"""


@pytest.mark.parametrize("how", ["button", "shift"])
def test_exit_clears_storage_and_hides_the_page_first(new_page, base_url, how):
    page = open_page(new_page, base_url)
    page.evaluate("localStorage.setItem('x', '1'); sessionStorage.setItem('y', '2')")
    leaving = []
    page.expose_function("__recordLeaving", lambda report: leaving.append(report))
    page.evaluate(RECORD_LEAVING)
    # The neutral page is held back until the report from the page that left has arrived.
    held = []
    page.route(NEUTRAL + "**", lambda route: held.append(route))
    if how == "button":
        page.click(".ung-exit__button", no_wait_after=True)
    else:
        for _ in range(3):
            page.keyboard.press("Shift")
    for _ in range(100):
        if held and leaving:
            break
        page.wait_for_timeout(50)
    assert len(leaving) == 1, leaving
    assert leaving[0]["to"] == NEUTRAL and leaving[0]["how"] == "replace", leaving
    assert leaving[0]["shown"] == [] and leaving[0]["text"] == 0, \
        f"the page was still visible when it left: {leaving[0]['shown']}"
    assert leaving[0]["stored"] == 0, "storage must be cleared before leaving"
    assert len(held) == 1
    held[0].fulfill(status=200, content_type="text/html", body="<title>Vejret</title>")
    page.wait_for_url(NEUTRAL + "**")
    page.goto(base_url + THEME)
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_without_javascript_the_link_still_leaves(new_page, base_url):
    page = open_page(new_page, base_url, javascript=False)
    page.click(".ung-exit__button")
    page.wait_for_url(NEUTRAL + "**")


def test_exit_button_is_big_enough_and_sticky_on_phones(new_page, base_url):
    page = open_page(new_page, base_url, viewport="mobile")
    box = page.locator(".ung-exit__button").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    after = page.locator(".ung-exit__button").bounding_box()
    assert 0 <= after["y"] < 60, "the exit button stays at the top while scrolling"


def test_help_bar_and_exit_on_every_page_in_both_languages(site):
    pages = built_pages(site)
    assert len(pages) > 50
    for path in pages:
        document = parse(path)
        # Material's own skip link stays in the markup but is display:none (ungvejen.css).
        links = [a for a in document.find_all("a") if a.attrs.get("class") != "md-skip"]
        assert "ung-skip__link" in links[0].attrs.get("class", ""), url_of(site, path)
        assert links[1].attrs.get("data-ung-exit") is not None, url_of(site, path)
        assert document.with_class("ung-exit__button"), url_of(site, path)
        helpbar = document.with_class("ung-helpbar")
        assert helpbar, url_of(site, path)
        numbers = [a.attrs["href"] for a in document.find_all("a") if a.attrs.get("href", "").startswith("tel:")]
        assert numbers[:3] == ["tel:112", "tel:114", "tel:116111"], url_of(site, path)


def test_the_neutral_page_is_configurable_and_can_be_local(tmp_path, browser):
    """extra.ungvejen.exit_url in mkdocs.yml: here a page of the test site itself."""
    from conftest import serve
    from sitekit import make_project, run_build

    project = make_project(tmp_path, config={"extra": {"ungvejen": {"exit_url": "/neutral.html"}}})
    (project / "docs" / "neutral.html").write_text("<!doctype html><title>Vejret</title><p>Sol og skyer</p>",
                                                   encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.ok, result.output
    server = serve(tmp_path / "site")
    try:
        root = f"http://127.0.0.1:{server.server_port}"
        page = browser.new_page()
        page.goto(root + "/")
        page.goto(root + "/temaer/rusmidler/")
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.wait_for_url(root + "/neutral.html")
        page.go_back()
        assert page.url == root + "/"
        page.close()
    finally:
        server.shutdown()
