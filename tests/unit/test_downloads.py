"""_ungvejen.downloads: vCards, iCalendar files, and the hash that keys the PDF cache."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar

from _ungvejen.downloads import calendar, content_hash, vcard

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
PERSON = {"id": "ssp-test", "kind": "person", "name": {"da": "Keld Bjørbæk Hansen", "en": "Keld Bjørbæk Hansen"},
          "role": {"da": "SSP-konsulent", "en": "SSP consultant"}, "phone": "24 43 07 55",
          "email": "keld@vejen.dk", "url": "https://www.vejen.dk/ssp"}
EVENT = {"id": "foraeldremoede", "title": {"da": "Forældremøde", "en": "Parents' meeting"},
         "description": {"da": "Om hash.", "en": "About cannabis."}, "place": {"da": "Vejen Bibliotek", "en": "Vejen Library"},
         "start_at": dt.datetime(2027, 2, 3, 19, 0, tzinfo=COPENHAGEN),
         "end_at": dt.datetime(2027, 2, 3, 20, 30, tzinfo=COPENHAGEN)}


def card_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").splitlines()


def test_vcard_of_a_person():
    lines = card_lines(vcard(PERSON, "en"))
    assert lines[0] == "BEGIN:VCARD" and lines[-1] == "END:VCARD"
    for line in ("VERSION:3.0", "FN:Keld Bjørbæk Hansen", "N:Hansen;Keld Bjørbæk;;;", "TITLE:SSP consultant",
                 "ORG:SSP Vejen Kommune", "TEL;TYPE=CELL:+4524430755", "EMAIL:keld@vejen.dk",
                 "URL:https://www.vejen.dk/ssp"):
        assert line in lines


def test_vcard_of_a_short_number_with_one_word_name():
    service = {"id": "alarm", "kind": "service", "name": {"da": "Alarm", "en": "Alarm"},
               "role": {"da": "Fare", "en": "Danger"}, "phone": "112"}
    lines = card_lines(vcard(service, "da"))
    assert "N:Alarm;;;;" in lines
    assert "TEL;TYPE=VOICE:112" in lines
    assert "TITLE:Fare" in lines
    assert not any(line.startswith(("EMAIL", "URL")) for line in lines)


def test_calendar_with_one_event():
    ics = calendar([EVENT], "da", "https://www.ungvejen.dk/", "UngVejen")
    parsed = Calendar.from_ical(ics)
    assert str(parsed["X-WR-CALNAME"]) == "UngVejen"
    assert str(parsed["PRODID"]) == "-//SSP Vejen Kommune//UngVejen//DA"
    [event] = parsed.walk("VEVENT")
    assert str(event["UID"]) == "foraeldremoede@ungvejen.dk"
    assert str(event["SUMMARY"]) == "Forældremøde"
    assert str(event["DESCRIPTION"]) == "Om hash."
    assert str(event["LOCATION"]) == "Vejen Bibliotek"
    assert str(event["URL"]) == "https://www.ungvejen.dk/arrangementer/"
    assert event.decoded("DTSTART") == EVENT["start_at"]
    assert event.decoded("DTEND") == EVENT["end_at"]
    assert b"DTSTART;TZID=Europe/Copenhagen:20270203T190000" in ics


def test_calendar_is_reproducible():
    # DTSTAMP is fixed, so an unchanged event gives the same bytes in every build.
    assert calendar([EVENT], "en", "", "X") == calendar([EVENT], "en", "", "X")
    assert b"DTSTAMP:20260101T000000Z" in calendar([EVENT], "en", "", "X")


def test_calendar_registration_url_wins_and_no_site_url_gives_no_url():
    with_registration = Calendar.from_ical(calendar([{**EVENT, "registration_url": "https://tilmeld.dk/x"}],
                                                    "en", "https://www.ungvejen.dk", "X"))
    assert str(with_registration.walk("VEVENT")[0]["URL"]) == "https://tilmeld.dk/x"
    english = Calendar.from_ical(calendar([EVENT], "en", "", "X")).walk("VEVENT")[0]
    assert "URL" not in english
    assert str(english["SUMMARY"]) == "Parents' meeting"


def test_calendar_defines_the_time_zone_its_times_name():
    """RFC 5545, 3.2.19: a VTIMEZONE MUST be given for each TZID the file uses; without it
    a calendar program may read 19:00 Copenhagen time as UTC or floating time."""
    parsed = Calendar.from_ical(calendar([EVENT], "da", "", "UngVejen"))
    assert [str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


def test_empty_calendar():
    parsed = Calendar.from_ical(calendar([], "da", "", "UngVejen"))
    assert parsed.walk("VEVENT") == []


def test_content_hash():
    assert content_hash("abc") == "ba7816bf8f01cfea"  # the first 16 hex digits of sha256("abc")
    assert len(content_hash("æøå")) == 16
    assert content_hash("x") != content_hash("y")


# -- issue 14: text written over several lines in YAML (`da: >`) ------------------------------

FOLDED = {**EVENT, "title": {"da": "Temaaften om\nrusmidler\n", "en": "Theme evening\n"},
          "place": {"da": "Vejen\nBibliotek\n", "en": "Vejen Library"},
          "description": {"da": "Første linje.\nAnden linje.\n", "en": "About."}}


def test_calendar_with_a_title_written_over_several_lines():
    # make_downloads names each event's own calendar after its title.
    ics = calendar([FOLDED], "da", "", "Temaaften om\nrusmidler\n")
    parsed = Calendar.from_ical(ics)
    assert str(parsed["X-WR-CALNAME"]) == "Temaaften om rusmidler"
    [event] = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Temaaften om rusmidler"
    assert str(event["LOCATION"]) == "Vejen Bibliotek"
    assert str(event["DESCRIPTION"]) == "Første linje.\nAnden linje."


def test_vcard_with_a_name_and_role_written_over_several_lines():
    person = {**PERSON, "name": {"da": "Keld\nBjørbæk Hansen\n", "en": "Keld"}, "role": {"da": "SSP-\nkonsulent\n", "en": "x"}}
    lines = card_lines(vcard(person, "da"))
    assert "FN:Keld Bjørbæk Hansen" in lines and "TITLE:SSP- konsulent" in lines
    assert "N:Hansen;Keld Bjørbæk;;;" in lines


# -- issue 14: what a lesson PDF may embed ------------------------------------------------------

def test_a_lesson_pdf_may_embed_files_from_docs_and_the_built_site_only(tmp_path):
    from _ungvejen.downloads import allowed_file

    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "undervisning").mkdir(parents=True)
    (site / "assets").mkdir(parents=True)
    (docs / "undervisning" / "foto.png").write_bytes(b"png")
    (site / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x", encoding="utf-8")
    (docs / "genvej.png").symlink_to("/etc/passwd")
    # A page's URLs are relative to its place in the built site; MkDocs copies docs/ there later.
    assert allowed_file((site / "undervisning" / "foto.png").as_uri(), docs, site) == docs / "undervisning" / "foto.png"
    assert allowed_file((docs / "undervisning" / "foto.png").as_uri(), docs, site) == docs / "undervisning" / "foto.png"
    assert allowed_file((site / "assets" / "logo.svg").as_uri(), docs, site) == site / "assets" / "logo.svg"
    for refused in ("file:///etc/passwd", (tmp_path / "mkdocs.yml").as_uri(), (site / ".." / "mkdocs.yml").as_uri(),
                    (site / "undervisning" / "findes-ikke.png").as_uri(), (docs / "genvej.png").as_uri(),
                    "file://andenmaskine/etc/passwd", "http://127.0.0.1/x.png", "https://example.com/x.png",
                    "ftp://example.com/x", "data:image/png;base64,AAAA", "file:///etc/%2e%2e/etc/passwd"):
        assert allowed_file(refused, docs, site) is None, refused


def test_vcard_reads_back_with_commas_semicolons_backslashes_and_long_danish_names():
    import vobject

    name = "Søren Ærø-Østergård " * 6 + "Åkjær"
    person = {**PERSON, "name": {"da": name, "en": name}, "role": {"da": "SSP, rådgiver; C:\\mappe", "en": "x"},
              "url": "https://www.vejen.dk/a,b;c"}
    text = vcard(person, "da")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "folded at 75 octets"
    card = vobject.readOne(text)
    assert card.fn.value == name.strip()
    assert (card.n.value.family, card.n.value.given) == ("Åkjær", name.strip().rsplit(" ", 1)[0])
    assert card.title.value == "SSP, rådgiver; C:\\mappe"
    assert card.url.value == "https://www.vejen.dk/a,b;c"
    assert card.tel.value == "+4524430755" and card.email.value == "keld@vejen.dk"
