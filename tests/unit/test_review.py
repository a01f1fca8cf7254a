"""_ungvejen.review: review intervals, due dates, and the date the site is seen on."""

from __future__ import annotations

import datetime as dt

import pytest

from _ungvejen.review import DEFAULT_MONTHS, add_months, due_date, review_interval, today
from _ungvejen.settings import AudienceSettings, Settings

SETTINGS = Settings(
    exit_url="https://www.dmi.dk/",
    audiences={
        "unge": AudienceSettings(review_every_months=6),
        "foraeldre": AudienceSettings(review_every_months=9),
        "fagpersoner": AudienceSettings(review_every_months=12),
    },
)


def test_mixed_audiences_use_the_shortest_interval():
    # The longer interval is listed first, so neither "the first" nor "the largest" passes.
    assert review_interval({"audiences": ["fagpersoner", "unge"]}, SETTINGS) == 6
    assert review_interval({"audiences": ["fagpersoner", "foraeldre"]}, SETTINGS) == 9
    assert review_interval({"audiences": ["unge", "foraeldre", "fagpersoner"]}, SETTINGS) == 6


def test_mixed_audiences_due_date_follows_the_shortest_interval():
    meta = {"audiences": ["fagpersoner", "unge"], "reviewed": dt.date(2026, 1, 15)}
    assert due_date(meta, SETTINGS) == dt.date(2026, 7, 15)


def test_single_audience_uses_its_own_interval():
    assert review_interval({"audiences": ["fagpersoner"]}, SETTINGS) == 12
    assert review_interval({"audiences": ["foraeldre"]}, SETTINGS) == 9


def test_pages_own_review_every_wins_over_audiences():
    assert review_interval({"audiences": ["unge"], "review_every": "2 years"}, SETTINGS) == 24
    assert review_interval({"audiences": ["fagpersoner"], "review_every": "3 måneder"}, SETTINGS) == 3


def test_unparsable_review_every_falls_back_to_the_audiences():
    # frontmatter.check reports it; the due date still uses the audiences' interval.
    assert review_interval({"audiences": ["unge"], "review_every": "hvert halve år"}, SETTINGS) == 6


def test_unknown_or_missing_audiences_use_the_default():
    assert DEFAULT_MONTHS == 12
    assert review_interval({}, SETTINGS) == 12
    assert review_interval({"audiences": []}, SETTINGS) == 12
    assert review_interval({"audiences": ["boern"]}, SETTINGS) == 12
    # An unknown audience counts as the default: together with "unge" the shortest still wins.
    assert review_interval({"audiences": ["boern", "unge"]}, SETTINGS) == 6
    # Not texts (a YAML mapping in the list) are ignored.
    assert review_interval({"audiences": [{"unge": 1}, "foraeldre"]}, SETTINGS) == 9


@pytest.mark.parametrize(("day", "months", "expected"), [
    (dt.date(2026, 1, 15), 6, dt.date(2026, 7, 15)),
    (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),   # no 31 February: last day of the month
    (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),   # leap year
    (dt.date(2026, 12, 1), 1, dt.date(2027, 1, 1)),    # over the new year
    (dt.date(2026, 11, 30), 12, dt.date(2027, 11, 30)),
    (dt.date(2026, 5, 31), 0, dt.date(2026, 5, 31)),
    (dt.date(2026, 3, 31), 25, dt.date(2028, 4, 30)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_due_date_needs_a_real_date():
    meta = {"audiences": ["unge"]}
    assert due_date({**meta, "reviewed": dt.date(2026, 2, 1)}, SETTINGS) == dt.date(2026, 8, 1)
    assert due_date(meta, SETTINGS) is None
    assert due_date({**meta, "reviewed": "2026-02-01"}, SETTINGS) is None
    assert due_date({**meta, "reviewed": dt.datetime(2026, 2, 1, 10, 0)}, SETTINGS) is None


def test_today_can_be_fixed_for_tests_and_editors(monkeypatch):
    monkeypatch.setenv("UNGVEJEN_TODAY", "2030-05-17")
    assert today() == dt.date(2030, 5, 17)
    monkeypatch.delenv("UNGVEJEN_TODAY")
    assert today() == dt.date.today()
