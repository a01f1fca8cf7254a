"""_ungvejen.views: data records as exactly what a partial shows, in one language."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from _ungvejen.data import SiteData
from _ungvejen.strings import Translator, load_strings
from _ungvejen.views import (
    GRADES, contact_view, event_view, events_view, help_links, material_view, materials_view, myth_view, search_box,
    source_view, substance_view,
)

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
PERSON = {"id": "ssp-test", "kind": "person", "name": {"da": "Test Testesen", "en": "Test Testesen"},
          "role": {"da": "SSP-konsulent", "en": "SSP consultant"}, "phone": "24430755", "sms": "2443 0755",
          "audiences": ["unge"], "themes": ["rusmidler"], "urgency": "raad", "helpbar": True,
          "hours": {"da": "Hverdage", "en": "Weekdays"}, "anonymous": True, "free": None, "ages": "12–25",
          "who_is_told": {"da": "Kommunen, hvis du er i fare.", "en": "The municipality, if you are in danger."}}
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
        "hours": "Hverdage", "anonymous": True, "who_is_told": "Kommunen, hvis du er i fare.", "free": False,
        "ages": "12–25", "urgency": "raad",
        "vcard": "kontakt/ssp-test.vcf", "opening": None,
    }


def test_contact_view_of_a_service_in_english():
    view = contact_view(SERVICE, "en")
    assert (view["name"], view["role"], view["short"]) == ("Emergency 112", "Danger right now.", "Danger now")
    assert (view["phone"], view["phone_href"], view["sms"], view["sms_href"]) == ("112", "tel:112", None, None)
    assert (view["url"], view["email"], view["chat_url"]) == ("https://politi.dk", "x@politi.dk", "https://chat.dk")
    # The data says nothing about anonymity: neither "anonymous" nor "not anonymous" is claimed.
    assert view["vcard"] is None and view["hours"] is None and view["anonymous"] is None
    assert view["who_is_told"] is None
    assert contact_view({**SERVICE, "anonymous": False}, "en")["anonymous"] is False
    assert contact_view({**PERSON, "anonymous": None}, "en")["who_is_told"] == "The municipality, if you are in danger."


def test_help_links_and_search_box():
    links = help_links(DATA, "en", "../en/")
    assert [contact["id"] for contact in links["contacts"]] == ["alarm-112", "ssp-test"]
    assert links["help_href"] == "../en/faa-hjaelp-nu/"
    box = search_box(DATA, "da", "../", "../")
    assert (box["root"], box["language"], box["help"]["help_href"]) == ("../", "da", "../faa-hjaelp-nu/")


def test_material_view_of_a_lesson_with_a_made_pdf():
    view = material_view(LESSON, DATA, "da", "../../", "../../", DA,
                         {"undervisning/pdf/rusmidler-udskoling.pdf": 1_440_000,
                          "undervisning/pdf/rusmidler-udskoling-elevmateriale.pdf": 20_000,
                          "undervisning/pdf/rusmidler-udskoling-samlet.pdf": 60_000})
    assert [(d["label"], d["href"]) for d in view.pop("downloads")] == [
        ("Hent det hele (plan og elevmateriale)", "../../undervisning/pdf/rusmidler-udskoling-samlet.pdf"),
        ("Lektionsplan", "../../undervisning/pdf/rusmidler-udskoling.pdf"),
        ("Elevmateriale", "../../undervisning/pdf/rusmidler-udskoling-elevmateriale.pdf")]
    assert (view.pop("subject"), view.pop("duration_group")) == ("tvaerfagligt", "lang")
    for key in ("subject_label", "areas", "goals", "curriculum_sources"):
        view.pop(key)
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


SOURCE = {"title": "Stoflex", "url": "https://example.org/stoflex", "checked": "2026-11-30", "claim": "Kokain kaldes sne."}
SUBSTANCE = {"id": "kokain", "name": {"da": "Kokain", "en": "Cocaine"}, "slang": {"da": ["coke", "sne"], "en": ["coke"]},
             "what": {"da": "Et stof.", "en": "A drug."}, "risks": {"da": ["Spørg SSP."], "en": ["Ask SSP."]},
             "law": {"da": ["Spørg SSP."], "en": []}, "help": {"contacts": ["alarm-112", "ssp-test"], "theme": "rusmidler"},
             "sources": [SOURCE]}


def test_a_source_shows_its_checked_date_as_the_page_shows_dates():
    assert source_view(SOURCE, "da") == {"title": "Stoflex", "url": "https://example.org/stoflex",
                                         "claim": "Kokain kaldes sne.", "checked": "30. november 2026"}
    assert source_view({**SOURCE, "checked": dt.date(2026, 11, 30)}, "en")["checked"] == "30 November 2026"


def test_a_substance_in_each_language_with_its_contacts_and_theme_link():
    data = SiteData(themes={"rusmidler": {"id": "rusmidler", "page": "temaer/rusmidler.md",
                                          "title": {"da": "Rusmidler", "en": "Drugs"}}}, contacts=DATA.contacts)
    danish, english = (substance_view(SUBSTANCE, data, language, prefix)
                       for language, prefix in (("da", "../../"), ("en", "../../en/")))
    assert (danish["name"], danish["slang"], danish["law"]) == ("Kokain", ["coke", "sne"], ["Spørg SSP."])
    assert (english["name"], english["slang"], english["law"]) == ("Cocaine", ["coke"], [])
    assert [c["id"] for c in danish["contacts"]] == ["alarm-112", "ssp-test"]
    assert (danish["theme_href"], english["theme_href"]) == ("../../temaer/rusmidler/", "../../en/temaer/rusmidler/")
    assert english["theme_title"] == "Drugs" and english["sources"][0]["checked"] == "30 November 2026"
    no_theme = substance_view({**SUBSTANCE, "help": {"contacts": ["alarm-112"]}}, data, "da", "")
    assert (no_theme["theme_href"], no_theme["theme_title"]) == ("", "")


def test_a_myth_and_its_fact():
    myth = {"id": "sove", "myth": {"da": "Sov den ud.", "en": "Sleep it off."}, "fact": {"da": "Nej.", "en": "No."},
            "sources": [SOURCE]}
    assert myth_view(myth, "en")["myth"] == "Sleep it off." and myth_view(myth, "da")["fact"] == "Nej."


PUPIL = {"title": {"da": "Elevark", "en": "Pupil sheets"}, "parts": [
    {"kind": "quiz", "title": {"da": "Sandt eller falsk?", "en": "True or false?"}, "questions": [
        {"statement": {"da": "A", "en": "A"}, "answer": "sandt", "explanation": {"da": "Fordi.", "en": "Because."}},
        {"statement": {"da": "B", "en": "B"}, "answer": "falsk", "explanation": {"da": "Nej.", "en": "No."}}]},
    {"kind": "story", "title": {"da": "Case", "en": "Case"}, "text": {"da": "Et.\n\nTo.\n", "en": "One.\n\nTwo.\n"},
     "questions": [{"da": "Hvad?", "en": "What?"}]},
]}


def test_pupil_view_in_both_languages_with_the_answer_key_and_large_type_for_indskoling():
    from _ungvejen.views import pupil_view

    view = pupil_view(PUPIL, {**LESSON, "grades": ["indskoling"]}, "da", DA)
    assert view["large"] is True and view["title"] == "Elevark"
    quiz, story = view["parts"]
    assert [(q["answer"], q["is_true"]) for q in quiz["questions"]] == [("Sandt", True), ("Falsk", False)]
    assert story["paragraphs"] == ["Et.", "To."] and story["questions"] == [{"text": "Hvad?"}]
    english = pupil_view({**PUPIL, "parts": [*PUPIL["parts"], {"kind": "worksheet", "title": {"da": "A", "en": "A"},
                                                                 "questions": [{"da": "Ring [tlf:alarm-112].",
                                                                                "en": "Call [tlf:alarm-112]."}]}]},
                         LESSON, "en", EN, {"alarm-112": "112"})
    assert english["large"] is False
    assert english["parts"][2]["questions"] == [{"text": "Call 112."}]
    assert [q["answer"] for q in english["parts"][0]["questions"]] == ["True", "False"]


def test_opening_view():
    from _ungvejen.views import opening_view

    assert opening_view(None, "da") is None
    assert opening_view("always", "da")["json"] == '{"always": true}'
    view = opening_view({"times": [{"days": ["man", "tir", "ons", "tor", "fre"], "from": "09:00", "to": "15:00"},
                                   {"days": ["lør"], "from": "10:00", "to": "12:00"}],
                         "closed_on_public_holidays": True}, "da")
    assert view["json"] == ('{"times":[{"days":[0,1,2,3,4],"from":"09:00","to":"15:00"},'
                            '{"days":[5],"from":"10:00","to":"12:00"}],"holidays":true}')
    assert [entry["days"] for entry in view["times"]] == ["man.–fre.", "lør."]
    assert view["holidays"] is True
