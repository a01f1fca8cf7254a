"""_ungvejen.formatting: phone numbers, dates, sizes and texts as people read them."""

from __future__ import annotations

import datetime as dt

import pytest

from _ungvejen.formatting import (
    localized, long_date, phone_display, phone_href, short_time, size_label, weekday_date_time,
)


@pytest.mark.parametrize(("number", "shown", "href"), [
    ("24430755", "24 43 07 55", "+4524430755"),
    ("24 43 07 55", "24 43 07 55", "+4524430755"),
    ("2443-0755", "24 43 07 55", "+4524430755"),
    ("116111", "116 111", "116111"),
    ("112", "112", "112"),
    ("114", "114", "114"),
    ("1888", "1888", "1888"),
    (24430755, "24 43 07 55", "+4524430755"),
])
def test_phone_numbers(number, shown, href):
    assert phone_display(number) == shown
    assert phone_href(number) == href


def test_long_date():
    assert long_date(dt.date(2026, 11, 20), "da") == "20. november 2026"
    assert long_date(dt.date(2026, 11, 20), "en") == "20 November 2026"
    assert long_date(dt.date(2027, 5, 1), "da") == "1. maj 2027"


def test_weekday_date_time_and_short_time():
    moment = dt.datetime(2027, 2, 3, 19, 0)
    assert weekday_date_time(moment, "da") == "onsdag 3. februar 2027, 19:00"
    assert weekday_date_time(moment, "en") == "Wednesday 3 February 2027, 19:00"
    assert short_time(dt.datetime(2027, 2, 3, 8, 5), "da") == "08:05"


@pytest.mark.parametrize(("size", "language", "label"), [
    (400, "da", "1 kB"), (0, "da", "1 kB"), (182_400, "da", "182 kB"), (182_600, "en", "183 kB"),
    (1_000_000, "da", "1,0 MB"), (1_440_000, "da", "1,4 MB"), (1_440_000, "en", "1.4 MB"),
    (12_345_678, "da", "12,3 MB"),
])
def test_size_label(size, language, label):
    assert size_label(size, language) == label


def test_localized():
    text = {"da": "Hjælp", "en": "Help"}
    assert localized(text, "en") == "Help"
    assert localized(text, "da") == "Hjælp"
    assert localized(text, "de") == "Hjælp"           # the default language
    assert localized({"en": "Help"}, "da") == "Help"   # whatever there is
    assert localized({}, "da") == ""
    assert localized("Plain text", "en") == "Plain text"
    assert localized(None, "en") is None
    assert localized({"da": "Hej", "en": "Hi"}, "de", default_language="en") == "Hi"


def test_a_size_that_rounds_to_1000_kb_is_written_in_mb():
    from _ungvejen.formatting import size_label

    assert size_label(999_400, "da") == "999 kB"
    assert size_label(999_999, "da") == "1,0 MB"
    assert size_label(999_999, "en") == "1.0 MB"
