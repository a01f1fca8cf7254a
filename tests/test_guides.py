"""Issue 15: the guides for the worst moments ("Hvad gør jeg, hvis …?") and the honest answers
about what happens when you reach out ("Hvad sker der, når …?"), and the contact cards that say
whether a contact is anonymous and who is told.

Built from the real site (the session fixture `site`); the Markdown is read for what the
build does not show (front matter, audiences, the shortcodes).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from htmlkit import parse
from sitekit import ROOT

from _ungvejen.readability import audience_sections, lix

DOCS = ROOT / "docs"
GUIDES = sorted(p.stem for p in (DOCS / "hvad-goer-jeg").glob("*.md") if p.stem != "index" and ".en" not in p.name)
WHAT_HAPPENS = ["index", "naar-du-ringer-eller-skriver", "naar-du-fortaeller-en-voksen", "bekymringssamtale", "underretning"]
LANGUAGES = {"da": "", "en": "en/"}
# Plain language on these pages is stricter than the site's limits: a scared 14-year-old reads them.
LIX_LIMITS = {"unge": 30, "foraeldre": 40, "fagpersoner": 50}
TOLD = {"da": "Hvem får det at vide?", "en": "Who is told?"}
ANONYMOUS = {"da": ("Anonymt", "Ikke anonymt"), "en": ("Anonymous", "Not anonymous")}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def article(site: Path, language: str, page: str):
    path = site / LANGUAGES[language] / page / "index.html"
    assert path.exists(), f"{page} was not built in {language}"
    document = parse(path)
    found = document.first("article")
    assert found is not None, path
    return document, found


def contacts() -> dict[str, dict]:
    data = yaml.safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    return {contact["id"]: contact for contact in data["contacts"]}


# -- the guides --------------------------------------------------------------------------------

def test_there_are_guides_for_young_people_and_for_parents():
    audiences = {name: front_matter(DOCS / "hvad-goer-jeg" / f"{name}.md")["audiences"] for name in GUIDES}
    assert sum(1 for a in audiences.values() if a == ["unge"]) >= 8, audiences
    assert sum(1 for a in audiences.values() if a == ["foraeldre"]) >= 3, audiences
    for needed in ("min-ven-er-meget-fuld", "et-billede-af-mig-er-delt", "jeg-bliver-truet-paa-nettet", "vold-derhjemme",
                   "nogen-vil-have-mig-til-at-saelge-stjaalne-ting", "jeg-vil-ud-af-en-gruppe",
                   "jeg-har-fortalt-om-et-overgreb", "nogen-presser-mig-til-nogenbilleder"):
        assert needed in GUIDES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("guide", GUIDES)
def test_every_guide_has_numbered_steps_and_contact_cards_that_say_who_is_told(site, guide, language):
    document, body = article(site, language, f"hvad-goer-jeg/{guide}")
    assert document.first("html").attrs["lang"] == language
    steps = body.find_all("ol")
    assert steps, f"{guide} ({language}) has no numbered steps"
    assert max(len(step.find_all("li")) for step in steps) >= 3
    cards = body.with_class("ung-contact")
    assert cards, f"{guide} ({language}) shows no contact"
    for card in cards:
        told = card.with_class("ung-contact__told")
        assert told and told[0].text.strip().startswith(TOLD[language]), card.text


@pytest.mark.parametrize("guide", GUIDES)
def test_the_english_guide_is_a_translation_not_the_danish_fallback(site, guide):
    danish = article(site, "da", f"hvad-goer-jeg/{guide}")[0].first("h1").text
    english = article(site, "en", f"hvad-goer-jeg/{guide}")[0].first("h1").text
    assert danish != english


# -- "Hvad sker der, når …?" --------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", WHAT_HAPPENS)
def test_what_happens_pages_exist_in_both_languages(site, page, language):
    assert (DOCS / "hvad-sker-der" / f"{page}.md").exists() and (DOCS / "hvad-sker-der" / f"{page}.en.md").exists()
    document, body = article(site, language, "hvad-sker-der/" + ("" if page == "index" else page + "/").rstrip("/"))
    assert document.first("html").attrs["lang"] == language
    assert body.with_class("ung-contact"), f"{page} ({language}) shows no contact"


def test_the_honest_answers_are_there(site):
    """The facts a young person asks about: a teacher must pass it on, the municipality's 24
    hours, the acknowledgment within 6 weekdays, and what is not anonymous."""
    told = article(site, "da", "hvad-sker-der/naar-du-fortaeller-en-voksen")[1].text
    assert "skal den voksne sige det til kommunen" in told and "heller ikke hvis du beder om det" in told
    report = article(site, "da", "hvad-sker-der/underretning")[1].text
    assert "24 timer" in report and "6 hverdage" in report and "§ 133" in report
    calling = article(site, "da", "hvad-sker-der/naar-du-ringer-eller-skriver")[1].text
    assert "ikke anonymt" in calling
    talk = article(site, "en", "hvad-sker-der/bekymringssamtale")[1].text
    assert "worried-conversation (bekymringssamtale)" in talk


# -- links from the help page and the doors -----------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page, wanted", [
    ("faa-hjaelp-nu", ("hvad-goer-jeg/", "hvad-sker-der/")),
    ("til-unge", ("hvad-goer-jeg/", "hvad-sker-der/")),
    ("til-foraeldre", ("hvad-goer-jeg/mit-barn", "hvad-sker-der/bekymringssamtale/")),
    ("til-fagpersoner", ("hvad-goer-jeg/", "hvad-sker-der/underretning/")),
])
def test_help_page_and_doors_link_to_the_guides(site, page, wanted, language):
    links = [a.attrs.get("href", "") for a in article(site, language, page)[1].find_all("a")]
    for target in wanted:
        assert any(target in href for href in links), (page, language, target)


def test_the_help_page_sends_each_situation_to_its_guide(site):
    links = [a.attrs.get("href", "") for a in article(site, "da", "faa-hjaelp-nu")[1].find_all("a")]
    guides_linked = {guide for guide in GUIDES if any(f"hvad-goer-jeg/{guide}/" in href for href in links)}
    assert len(guides_linked) >= 8, sorted(set(GUIDES) - guides_linked)


def test_the_guides_are_in_the_navigation_next_to_the_help_page():
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda l, n: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)["nav"]
    keys = [next(iter(item)) if isinstance(item, dict) else item for item in nav]
    assert keys.index("Hvad gør jeg?") == keys.index("faa-hjaelp-nu.md") + 1
    section = next(item["Hvad gør jeg?"] for item in nav if isinstance(item, dict) and "Hvad gør jeg?" in item)
    assert {f"hvad-goer-jeg/{guide}.md" for guide in GUIDES} <= set(section)


# -- the Markdown: sources, plain language, terms -----------------------------------------------

def pages() -> list[Path]:
    return sorted([*(DOCS / "hvad-goer-jeg").glob("*.md"), *(DOCS / "hvad-sker-der").glob("*.md")])


@pytest.mark.parametrize("path", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_a_page_with_a_law_an_age_or_a_number_has_sources(path):
    text = path.read_text(encoding="utf-8")
    body = re.sub(r"<!--.*?-->", "", text.split("---\n", 2)[2], flags=re.S)
    body = re.sub(r"(?m)^\s*\d+\.\s", "", body)  # the numbers of the steps
    meta = front_matter(path)
    states_a_fact = re.search(r"§|\d|\b(ulovligt|illegal|straf|punish|penalty|loven|the law)\b", body, re.I)
    if states_a_fact:
        assert meta.get("sources"), f"{path.name} states '{states_a_fact.group(0)}' but has no sources"
    for source in meta.get("sources") or []:
        assert source["title"] and re.match(r"https?://\S+$", source["url"]), source
        assert isinstance(source["checked"], dt.date), source


@pytest.mark.parametrize("path", [p for p in pages() if ".en" not in p.name], ids=lambda p: p.name)
def test_plain_language_per_audience(path):
    for section in audience_sections(path.read_text(encoding="utf-8")):
        score = lix(section.text).score
        assert score <= LIX_LIMITS[section.audience], (path.name, section.audience, round(score, 1))


@pytest.mark.parametrize("path", [p for p in pages() if ".en" in p.name], ids=lambda p: p.name)
def test_english_terms_are_the_agreed_ones(path):
    text = path.read_text(encoding="utf-8").lower()
    for drifted in ("concern talk", "concern meeting", "health visitor"):
        assert drifted not in text, (path.name, drifted)
    if "bekymringssamtale" in text:
        assert "worried-conversation (bekymringssamtale)" in text


# -- contacts: anonymous or not, and who is told -------------------------------------------------

def test_every_contact_says_who_is_told_in_both_languages():
    for contact_id, contact in contacts().items():
        told = contact.get("who_is_told")
        assert told and told.get("da", "").strip() and told.get("en", "").strip(), contact_id
        assert told["da"] != told["en"], contact_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cards_show_anonymity_as_the_data_says(site, language):
    by_name = {contact["name"][language]: contact for contact in contacts().values()}
    cards = article(site, language, "hvad-sker-der")[1].with_class("ung-contact")
    assert len(cards) >= 5
    yes, no = ANONYMOUS[language]
    for card in cards:
        name = card.with_class("ung-contact__name")[0].find_all("strong")[0].text.strip()
        contact = by_name[name]
        tags = [tag.text.strip() for tag in card.with_class("ung-tag")]
        expected = {True: yes, False: no}.get(contact.get("anonymous"))
        assert [t for t in tags if t in (yes, no)] == ([expected] if expected else []), (name, tags)
        told = card.with_class("ung-contact__told")[0].text
        assert contact["who_is_told"][language] in told, name
