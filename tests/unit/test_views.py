"""_ungvejen.views: data records as exactly what a partial shows, in one language."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from _ungvejen.data import SiteData
from _ungvejen.strings import Translator, load_strings
from _ungvejen.views import (
    GRADES, contact_view, event_view, events_view, help_links, material_view, materials_view, search_box,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
PERSON = {"id": "ssp-test", "kind": "person", "name": {"da": "Test Testesen", "en": "Test Testesen"},
          "role": {"da": "SSP-konsulent", "en": "SSP consultant"}, "phone": "24430755", "sms": "2443 0755",
          "audiences": ["unge"], "themes": ["rusmidler"], "urgency": "raad", "helpbar": True,
          "hours": {"da": "Hverdage", "en": "Weekdays"}, "anonymous": True, "free": None, "ages": "12–25"}
SERVICE = {"id": "alarm-112", "kind": "service", "name": {"da": "Alarm 112", "en": "Emergency 112"},
           "role": {"da": "Fare lige nu.", "en": "Danger right now."}, "short": {"da": "Akut fare", "en": "Danger now"},
           "phone": "112", "audiences": ["unge"], "themes": ["alle"], "urgency": "akut", "helpbar": True,
           "url": "https://politi.dk", "email": "x@politi.dk", "chat_url": "https://chat.dk"}
DATA = SiteData(
    themes={"rusmidler": {"id": "rusmidler", "title": {"da": "Rusmidler", "en": "Drugs"}},
            "trafik": {"id": "trafik", "title": {"da": "Trafik", "en": "Traffic"}}},
    contacts={"ssp-test": PERSON, "alarm-112": SERVICE},
)
STRINGS = load_strings()
DA, EN = Translator(STRINGS, "da"), Translator(STRINGS, "en")
LESSON = {"id": "rusmidler-udskoling", "title": {"da": "Rusmidler", "en": "Drugs"},
          "description": {"da": "En lektion.", "en": "A lesson."}, "theme": "rusmidler",
          "grades": ["udskoling", "ungdomsuddannelse"], "duration_minutes": 90, "format": "pdf",
          "language": "da", "lesson": "undervisning/rusmidler-udskoling.md"}
POSTER = {"id": "plakat", "title": {"da": "Plakat", "en": "Poster"}, "theme": "trafik", "grades": ["indskoling"],
          "duration_minutes": 10, "format": "pptx", "language": "da", "file": "filer/plakat.pptx"}


def test_contact_view_of_a_person():
    view = contact_view(PERSON, "da")
    assert view == {
        "id": "ssp-test", "kind": "person", "name": "Test Testesen", "role": "SSP-konsulent",
        "short": "Test Testesen", "phone": "24 43 07 55", "phone_href": "tel:+4524430755",
        "sms": "24 43 07 55", "sms_href": "sms:+4524430755", "email": None, "url": None, "chat_url": None,
        "hours": "Hverdage", "anonymous": True, "free": False, "ages": "12–25", "urgency": "raad",
        "vcard": "kontakt/ssp-test.vcf",
    }


def test_contact_view_of_a_service_in_english():
    view = contact_view(SERVICE, "en")
    assert (view["name"], view["role"], view["short"]) == ("Emergency 112", "Danger right now.", "Danger now")
    assert (view["phone"], view["phone_href"], view["sms"], view["sms_href"]) == ("112", "tel:112", None, None)
    assert (view["url"], view["email"], view["chat_url"]) == ("https://politi.dk", "x@politi.dk", "https://chat.dk")
    assert view["vcard"] is None and view["hours"] is None and view["anonymous"] is False


def test_help_links_and_search_box():
    links = help_links(DATA, "en", "../en/")
    assert [contact["id"] for contact in links["contacts"]] == ["alarm-112", "ssp-test"]
    assert links["help_href"] == "../en/faa-hjaelp-nu/"
    box = search_box(DATA, "da", "../", "../")
    assert (box["root"], box["language"], box["help"]["help_href"]) == ("../", "da", "../faa-hjaelp-nu/")


def test_material_view_of_a_lesson_with_a_made_pdf():
    view = material_view(LESSON, DATA, "da", "../../", "../../", DA,
                         {"undervisning/pdf/rusmidler-udskoling.pdf": 1_440_000})
    assert view == {
        "id": "rusmidler-udskoling", "title": "Rusmidler", "description": "En lektion.", "theme": "rusmidler",
        "theme_title": "Rusmidler", "grades": ["udskoling", "ungdomsuddannelse"],
        "grade_labels": ["Udskoling (7.–9. klasse)", "Ungdomsuddannelse"], "duration": "90 min.",
        "format": "PDF", "size": "1,4 MB", "href": "../../undervisning/pdf/rusmidler-udskoling.pdf",
        "page_href": "../../undervisning/rusmidler-udskoling/", "language": "da",
    }


def test_material_view_of_a_file_in_english():
    view = material_view(POSTER, DATA, "en", "../../", "../../en/", EN, {})
    assert (view["title"], view["theme_title"], view["description"]) == ("Poster", "Traffic", "")
    assert (view["href"], view["page_href"], view["size"], view["format"]) == (
        "../../filer/plakat.pptx", None, "", "PPTX")


def test_material_view_of_an_index_lesson():
    view = material_view({**LESSON, "lesson": "undervisning/index.md"}, DATA, "en", "", "en/", EN, {})
    assert view["page_href"] == "en/undervisning/"


def test_materials_view_grouped_in_the_themes_order():
    views = [material_view(m, DATA, "da", "", "", DA, {}) for m in (POSTER, LESSON)]
    catalogue = materials_view(views, DATA, "da", True, DA)
    assert [(group["theme"], group["title"], [m["id"] for m in group["materials"]])
            for group in catalogue["groups"]] == [("rusmidler", "Rusmidler", ["rusmidler-udskoling"]),
                                                  ("trafik", "Trafik", ["plakat"])]
    assert catalogue["count"] == 2
    assert [grade for grade, _ in catalogue["grades"]] == list(GRADES)
    assert catalogue["grades"][0] == ("indskoling", "Indskoling (0.–3. klasse)")
    theme_list = materials_view(views[1:], DATA, "da", False, DA)
    assert theme_list["groups"] == [] and theme_list["count"] == 1


def test_event_view_and_events_view():
    event = {"id": "moede", "title": {"da": "Møde", "en": "Meeting"}, "place": {"da": "Vejen", "en": "Vejen"},
             "start_at": dt.datetime(2027, 2, 3, 19, 0, tzinfo=COPENHAGEN),
             "end_at": dt.datetime(2027, 2, 3, 20, 30, tzinfo=COPENHAGEN)}
    view = event_view(event, "da", "../")
    assert view == {"id": "moede", "title": "Møde", "description": "",
                    "when": "onsdag 3. februar 2027, 19:00–20:30", "start_iso": "2027-02-03T19:00:00+01:00",
                    "place": "Vejen", "ics": "../arrangementer/moede.ics", "registration_url": None}
    assert event_view(event, "en", "")["when"] == "Wednesday 3 February 2027, 19:00–20:30"
    listing = events_view([event], "en", "../../")
    assert listing["feed"] == "../../arrangementer/kalender.ics"
    assert [item["title"] for item in listing["events"]] == ["Meeting"]
