"""Issue 4: data rendered by hooks – contact cards, escaping, vCards, iCalendar, JSON-LD,
shortcode mistakes."""

from __future__ import annotations

import json
import re

import vobject
from icalendar import Calendar

from htmlkit import parse
from sitekit import make_project, run_build

CONTACTS_WITH_MARKUP = """
contacts:
  - id: alarm-112
    kind: service
    name: {da: "Alarm 112", en: "Emergency 112"}
    role: {da: "Fare lige nu.", en: "Danger right now."}
    phone: "112"
    audiences: [unge]
    themes: [alle]
    urgency: akut
    helpbar: true
    source: test
    last_verified: 2026-11-28
    who_is_told: {da: "Alarmcentralen.", en: "The emergency centre."}
  - id: ssp-test
    kind: person
    name: {da: "<b>Test</b> Testesen", en: "Test Testesen"}
    role: {da: "<script>alert('x')</script> SSP-konsulent", en: "SSP consultant"}
    phone: "24 43 07 55"
    sms: "24430755"
    anonymous: true
    free: true
    audiences: [unge]
    themes: [rusmidler]
    urgency: raad
    source: test
    last_verified: 2026-11-28
    who_is_told: {da: "<i>Ingen</i>.", en: "No one."}
"""

EVENTS = """
timezone: Europe/Copenhagen
events:
  - id: forbi
    title: {da: "Afholdt møde", en: "Past meeting"}
    start: "2020-02-03 19:00"
    end: "2020-02-03 20:30"
    place: {da: "Skolen", en: "The school"}
    audiences: [foraeldre]
  - id: temaaften
    title: {da: "Temaaften om rusmidler", en: "Theme evening on drugs"}
    start: "2031-02-05 19:00"
    end: "2031-02-05 20:30"
    place: {da: "Skolen", en: "The school"}
    audiences: [foraeldre]
    theme: rusmidler
"""

EVENTS_PAGE = """
---
title: Arrangementer
description: Forældremøder og temaaftener i en lille testside til UngVejen.
audiences: [foraeldre]
reviewed: 2026-11-20
---
# Arrangementer

<!-- ung:arrangementer -->
"""


def build(tmp_path, **kwargs):
    project = make_project(tmp_path, **kwargs)
    result = run_build(project, tmp_path / "site")
    assert result.ok, result.output
    return tmp_path / "site"


def test_markup_from_yaml_is_shown_as_text(tmp_path):
    site = build(tmp_path, data={"data/contacts.yml": CONTACTS_WITH_MARKUP})
    html = (site / "temaer" / "rusmidler" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>Test</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; SSP-konsulent" in html
    assert "&lt;b&gt;Test&lt;/b&gt; Testesen" in html


def contact_cards(path) -> dict[str, object]:
    """The page's contact cards (not the help bar), by the contact's name as shown."""
    cards = parse(path).with_class("ung-contact")
    return {" ".join(card.with_class("ung-contact__name")[0].find_all("strong")[0].text.split()): card
            for card in cards}


def phone_links(card) -> dict[str, str]:
    return {a.attrs["href"]: " ".join(a.text.split()) for a in card.find_all("a")
            if a.attrs.get("href", "").startswith(("tel:", "sms:"))}


def test_contact_card_links_and_grouped_numbers(tmp_path):
    site = build(tmp_path, data={"data/contacts.yml": CONTACTS_WITH_MARKUP})
    cards = contact_cards(site / "temaer" / "rusmidler" / "index.html")
    assert set(cards) == {"Alarm 112", "<b>Test</b> Testesen"}
    # Each card carries its own links (the help bar, outside the cards, also has tel:112).
    assert phone_links(cards["<b>Test</b> Testesen"]) == {"tel:+4524430755": "Ring 24 43 07 55",
                                                          "sms:+4524430755": "Send sms 24 43 07 55"}
    assert phone_links(cards["Alarm 112"]) == {"tel:112": "Ring 112"}
    assert [tag.text for tag in cards["<b>Test</b> Testesen"].with_class("ung-tag")] == ["Anonymt", "Gratis"]
    assert cards["Alarm 112"].with_class("ung-tag") == []
    english = contact_cards(site / "en" / "temaer" / "rusmidler" / "index.html")
    assert set(english) == {"Emergency 112", "Test Testesen"}
    assert phone_links(english["Test Testesen"]) == {"tel:+4524430755": "Call 24 43 07 55",
                                                     "sms:+4524430755": "Send a text 24 43 07 55"}
    assert phone_links(english["Emergency 112"]) == {"tel:112": "Call 112"}
    assert [tag.text for tag in english["Test Testesen"].with_class("ung-tag")] == ["Anonymous", "Free"]


def test_vcard_parses_back(tmp_path):
    site = build(tmp_path, data={"data/contacts.yml": CONTACTS_WITH_MARKUP})
    card = vobject.readOne((site / "kontakt" / "ssp-test.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "<b>Test</b> Testesen"
    assert card.tel.value == "+4524430755"
    assert card.org.value == ["SSP Vejen Kommune"]
    assert not (site / "kontakt" / "alarm-112.vcf").exists(), "services get no vCard"


def test_events_ics_parse_back_and_past_events_drop_out(tmp_path):
    english_page = EVENTS_PAGE.replace("title: Arrangementer", "title: Events").replace("# Arrangementer", "# Events")
    site = build(tmp_path, data={"data/events.yml": EVENTS},
                 pages={"docs/arrangementer.md": EVENTS_PAGE, "docs/arrangementer.en.md": english_page},
                 config={"nav": ["index.md", "temaer/rusmidler.md", "arrangementer.md"]})
    feed = Calendar.from_ical((site / "arrangementer" / "kalender.ics").read_bytes())
    events = feed.walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Temaaften om rusmidler"]
    start = events[0].decoded("dtstart")
    assert (start.year, start.month, start.day, start.hour) == (2031, 2, 5, 19)
    assert str(start.tzinfo) == "Europe/Copenhagen"
    single = Calendar.from_ical((site / "arrangementer" / "temaaften.ics").read_bytes())
    assert str(single.walk("VEVENT")[0]["location"]) == "Skolen"
    assert not (site / "arrangementer" / "forbi.ics").exists()
    danish = (site / "arrangementer" / "index.html").read_text(encoding="utf-8")
    assert "Afholdt møde" not in danish
    assert "onsdag 5. februar 2031, 19:00–20:30" in danish
    english = (site / "en" / "arrangementer" / "index.html").read_text(encoding="utf-8")
    assert "Wednesday 5 February 2031, 19:00–20:30" in english


def test_contact_page_has_json_ld(site):
    html = (site / "kontakt" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    document = json.loads(block)
    assert document["@type"] == "GovernmentOrganization"
    phones = {point.get("telephone") for point in document["contactPoint"]}
    assert {"112", "114", "116111", "+4524430755", "+4540362959"} <= phones


def test_real_site_shows_contacts_from_data(site):
    html = (site / "kontakt" / "index.html").read_text(encoding="utf-8")
    for number in ("24 43 07 55", "40 36 29 59", "116 111"):
        assert number in html
    assert (site / "kontakt" / "ssp-mads-ulf-hansen.vcf").exists()


def test_shortcode_mistakes_name_page_and_line(tmp_path):
    page = """
        ---
        title: Forside
        description: En forside med forkerte shortcodes til en test af fejlbeskeder.
        audiences: [unge]
        reviewed: 2026-11-20
        ---
        # Forside

        <!-- ung:kontaktr tema=rusmidler -->

        <!-- ung:kontakter farve=blå -->

        <!-- ung:kontakter tema=hash -->

        <!-- ung:kontakt -->

        <!-- ung:kontakt ingen-saadan -->
        """
    project = make_project(tmp_path, pages={"docs/index.md": page})
    result = run_build(project, tmp_path / "site")
    assert not result.ok
    for expected in ("docs/index.md:9: Ukendt shortcode 'ung:kontaktr'",
                     "docs/index.md:11: ung:kontakter kender ikke argumentet 'farve'",
                     "docs/index.md:13: Ukendt tema 'hash'",
                     "docs/index.md:15: ung:kontakt mangler et id",
                     "docs/index.md:17: Ukendt kontakt-id 'ingen-saadan'"):
        assert expected in result.output
    assert "Traceback" not in result.output
