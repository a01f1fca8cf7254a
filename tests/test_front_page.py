"""Issue 16: a front page for people in trouble. On a 375 × 812 phone the help numbers and the
situations show first, before any paragraph of text; then the themes as tiles with icons, then
the three doors. Navigation by audience: lesson plans and the organisation sit under the
professionals' section. The help bar is one line on a phone."""

from __future__ import annotations

import pytest
import yaml

from sitekit import ROOT, _EnvLoader

PHONE_HEIGHT = 812
ORDER = ["#hjaelp-nu", ".ung-helpnow", "#situationer", ".ung-situations", "#temaer", ".ung-themes", "#vej", ".ung-doors"]


def top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_help_and_situations_come_first_on_a_phone(new_page, base_url, path):
    page = new_page("mobile")
    page.goto(base_url + path)
    # In this order, top to bottom.
    tops = [top(page, selector) for selector in ORDER]
    assert tops == sorted(tops), dict(zip(ORDER, tops))
    # The help block and the first situations are inside the first screen.
    help_box = page.locator(".ung-helpnow").bounding_box()
    assert help_box["y"] + help_box["height"] <= PHONE_HEIGHT
    first_situation = page.locator(".ung-situations a").first.bounding_box()
    assert first_situation["y"] + first_situation["height"] <= PHONE_HEIGHT
    # No paragraph of text before them: the title, then the help.
    before = page.evaluate("""() => {
        const article = document.querySelector('article.md-content__inner');
        const help = document.querySelector('#hjaelp-nu');
        return [...article.querySelectorAll('p')].filter(p =>
            help.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_PRECEDING).map(p => p.textContent.trim()).filter(Boolean);
    }""")
    assert before == []
    # The help buttons call the national numbers.
    hrefs = page.eval_on_selector_all(".ung-helpnow__call", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs[:3] == ["tel:112", "tel:114", "tel:116111"]


def test_situations_lead_to_pages_that_exist(new_page, base_url):
    page = new_page("mobile")
    page.goto(base_url + "/")
    links = page.eval_on_selector_all(".ung-situations a", "links => links.map(a => a.href)")
    assert len(links) >= 6
    for link in links:
        response = page.request.get(link)
        assert response.status == 200, link


def test_every_theme_is_a_tile_with_an_icon(new_page, base_url):
    themes = yaml.safe_load((ROOT / "data" / "themes.yml").read_text(encoding="utf-8"))["themes"]
    page = new_page("desktop")
    page.goto(base_url + "/")
    tiles = page.locator(".ung-themes__tile")
    assert tiles.count() == len(themes)
    assert tiles.all_inner_texts() == [theme["title"]["da"] for theme in themes]
    for index in range(tiles.count()):
        icon = tiles.nth(index).locator("svg")
        assert icon.get_attribute("aria-hidden") == "true"
        assert icon.locator("path, circle, rect").count() >= 1
    # Each theme has its own drawing (the general icon, a circled "i", is for themes added later).
    drawings = page.eval_on_selector_all(".ung-themes__tile svg", "icons => icons.map(svg => svg.innerHTML)")
    own = [drawing for drawing in drawings if 'd="M12 11v5M12 8h.01"' not in drawing]
    assert len(own) >= 9 and len(set(own)) == len(own)


def test_help_bar_is_one_line_on_a_phone(new_page, base_url):
    page = new_page("mobile")
    page.goto(base_url + "/temaer/rusmidler/")
    bar = page.locator(".ung-helpbar").bounding_box()
    title = page.locator(".ung-helpbar__title").bounding_box()
    first = page.locator(".ung-helpbar__item").first.bounding_box()
    assert bar["height"] <= 50
    assert abs((title["y"] + title["height"] / 2) - (first["y"] + first["height"] / 2)) < 4  # side by side
    assert page.locator(".ung-helpbar__title").bounding_box()["x"] >= 8  # not flush against the edge
    # The rest of the numbers scroll sideways inside the bar, which stays inside the screen.
    assert bar["x"] + bar["width"] <= 375
    assert page.eval_on_selector(".ung-helpbar__list", "list => getComputedStyle(list).overflowX") == "auto"
    assert page.eval_on_selector(".ung-helpbar__list", "list => list.getBoundingClientRect().right") <= 375


def test_navigation_by_audience(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    top_level = [entry if isinstance(entry, str) else next(iter(entry)) for entry in config["nav"]]
    assert "Undervisning" not in top_level and "Om SSP" not in top_level
    professionals = next(entry["Fagpersoner"] for entry in config["nav"] if isinstance(entry, dict) and "Fagpersoner" in entry)
    assert "om-ssp.md" in professionals
    assert any(isinstance(entry, dict) and "Undervisning" in entry for entry in professionals)
    # Help first; the action guides ("Hvad gør jeg?") are help too; then the doors and the themes.
    assert top_level[:2] == ["index.md", "faa-hjaelp-nu.md"]
    assert top_level.index("til-unge.md") < top_level.index("Temaer") and top_level.index("til-foraeldre.md") < top_level.index("Temaer")
    assert "Fagpersoner" in html


@pytest.mark.parametrize("path", ["/til-unge/", "/til-foraeldre/", "/en/til-unge/", "/en/til-foraeldre/"])
def test_audience_pages_follow_the_same_pattern(new_page, base_url, path):
    """The young people's and the parents' doors also start with help and situations: on a
    phone both are on the first screen, and each situation leads to a page that exists."""
    page = new_page("mobile")
    page.goto(base_url + path)
    tops = [top(page, selector) for selector in ["#hjaelp-nu", ".ung-helpnow", "#situationer", ".ung-situations"]]
    assert tops == sorted(tops)
    assert page.locator(".ung-helpnow").bounding_box()["y"] + page.locator(".ung-helpnow").bounding_box()["height"] <= PHONE_HEIGHT
    first_situation = page.locator(".ung-situations a").first.bounding_box()
    assert first_situation["y"] + first_situation["height"] <= PHONE_HEIGHT
    links = page.eval_on_selector_all(".ung-situations a", "links => links.map(a => a.href)")
    assert len(links) >= 5 and all("/hvad-goer-jeg/" in link or "/hvad-sker-der/" in link for link in links), links
    for link in links:
        assert page.request.get(link).status == 200, link


@pytest.mark.parametrize("path", ["/", "/en/", "/ar/", "/uk/", "/til-foraeldre/"])
def test_nothing_sticks_out_sideways_on_a_phone(new_page, base_url, path):
    """At 375 px nothing – not the closed language menu either – makes the page scroll sideways."""
    page = new_page("mobile")
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("window.innerWidth")
