"""Issue 16: "Åben nu" – structured opening hours (data/contacts.yml `opening`) turned into
"Åben nu" / "Lukket – åbner i morgen kl. 9" in the browser, from the time in Denmark, at fixed
clock times: a weekday morning, Sunday night, public holidays. Without JavaScript the hours
are text. A tiny site with two contacts: 112 (always open) and a consultant (weekdays
9.30–15.30, closed on public holidays)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import VIEWPORTS, axe_violations, serve, stub_exit_page
from sitekit import make_project, run_build

CONTACTS = """contacts:
  - id: alarm-112
    kind: service
    name: {da: "Alarm 112", en: "Emergency 112"}
    role: {da: "Fare lige nu.", en: "Danger right now."}
    short: {da: "Akut fare", en: "Danger now"}
    phone: "112"
    opening: always
    who_is_told: {da: "Alarmcentralen.", en: "The emergency centre."}
    audiences: [unge, foraeldre, fagpersoner]
    themes: [alle]
    urgency: akut
    helpbar: true
    source: https://politi.dk/kontakt-politiet/alarm-112
    last_verified: 2026-11-28
  - id: ssp-test
    kind: person
    name: {da: "Test Testesen", en: "Test Testesen"}
    role: {da: "SSP-konsulent", en: "SSP consultant"}
    short: {da: "SSP", en: "SSP"}
    phone: "24430755"
    sms: "24430755"
    opening:
      times:
        - {days: [man, tir, ons, tor, fre], from: "09:30", to: "15:30"}
      closed_on_public_holidays: true
    who_is_told: {da: "SSP-konsulenten.", en: "The SSP consultant."}
    audiences: [unge, foraeldre, fagpersoner]
    themes: [alle]
    urgency: snart
    helpbar: true
    source: "test"
    last_verified: 2026-11-28
"""
PAGE = """---
title: Forside
description: En lille testside.
audiences: [unge]
reviewed: 2026-11-20
---
# Forside

<!-- ung:kontakter -->
"""
PAGE_EN = PAGE.replace("Forside", "Front page").replace("En lille testside.", "A small test page.")
CARD_STATUS = ".ung-contact:has-text('Test Testesen') .ung-contact__open"
CARD_112_STATUS = ".ung-contact:has-text('Alarm 112') .ung-contact__open"
HELPBAR_STATUS = ".ung-helpbar__item--snart .ung-helpbar__open"
COPENHAGEN_WINTER = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture(scope="module")
def opening_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("opening")
    project = make_project(tmp, pages={"docs/index.md": PAGE, "docs/index.en.md": PAGE_EN},
                           data={"data/contacts.yml": CONTACTS})
    result = run_build(project, tmp / "site")
    assert result.ok, result.output[-3000:]
    server = serve(tmp / "site")
    yield f"http://127.0.0.1:{server.server_port}", tmp / "site"
    server.shutdown()


def status_at(browser, base_url, when: dt.datetime, path="/", selector=CARD_STATUS, zone="America/New_York",
              viewport="mobile"):
    """The status text at `when` (Danish local time), on a device in another time zone."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], timezone_id=zone)
    stub_exit_page(context)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(when)
        page.goto(base_url + path)
        page.wait_for_selector(selector + ":not([hidden])")
        return page.inner_text(selector)
    finally:
        context.close()


def cph(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=COPENHAGEN_WINTER)


@pytest.mark.parametrize("when, expected", [
    (cph(2027, 1, 13, 10, 0), "Åben nu"),                                  # Wednesday morning
    (cph(2027, 1, 13, 9, 30), "Åben nu"),                                  # the minute it opens
    (cph(2027, 1, 13, 7, 0), "Lukket – åbner kl. 9.30"),                   # before opening
    (cph(2027, 1, 13, 16, 0), "Lukket – åbner i morgen kl. 9.30"),         # 10:00 in New York: still closed
    (cph(2027, 1, 15, 15, 30), "Lukket – åbner mandag kl. 9.30"),          # Friday, the minute it closes
    (cph(2027, 1, 17, 23, 30), "Lukket – åbner i morgen kl. 9.30"),        # Sunday night
    (cph(2027, 3, 25, 10, 0), "Lukket – åbner tirsdag kl. 9.30"),          # Maundy Thursday: Easter until Monday
    (cph(2027, 5, 6, 10, 0), "Lukket – åbner i morgen kl. 9.30"),         # Ascension Day (Thursday)
    (cph(2026, 12, 24, 16, 0), "Lukket – åbner mandag kl. 9.30"),          # Christmas Day and Boxing Day
], ids=["weekday-morning", "opening-minute", "early", "afternoon", "friday-close", "sunday-night",
        "maundy-thursday", "ascension", "christmas"])
def test_status_from_danish_time(browser, opening_site, when, expected):
    base_url, _ = opening_site
    assert status_at(browser, base_url, when) == expected


def test_always_open_and_the_help_bar(browser, opening_site):
    base_url, _ = opening_site
    sunday_night = cph(2027, 1, 17, 23, 30)
    assert status_at(browser, base_url, sunday_night, selector=CARD_112_STATUS) == "Åben nu"
    # The help bar shows it on wider screens (on a phone the bar is one line of numbers), short:
    # "Åben nu" or "Lukket" in a slot that has room for both, so the bar never moves.
    assert status_at(browser, base_url, sunday_night, selector=HELPBAR_STATUS, viewport="desktop") == "Lukket"
    assert status_at(browser, base_url, cph(2027, 1, 13, 10, 0), selector=HELPBAR_STATUS, viewport="desktop") == "Åben nu"


def test_english_status(browser, opening_site):
    base_url, _ = opening_site
    assert status_at(browser, base_url, cph(2027, 1, 13, 10, 0), path="/en/") == "Open now"
    assert status_at(browser, base_url, cph(2027, 3, 25, 10, 0), path="/en/") == "Closed – opens on Tuesday at 9:30"
    assert status_at(browser, base_url, cph(2027, 1, 17, 23, 0), path="/en/") == "Closed – opens tomorrow at 9:30"


def test_summer_time(browser, opening_site):
    base_url, _ = opening_site
    # 08:00 UTC in July is 10:00 in Denmark (UTC+2): open.
    assert status_at(browser, base_url, dt.datetime(2027, 7, 7, 8, 0, tzinfo=dt.timezone.utc)) == "Åben nu"
    assert status_at(browser, base_url, dt.datetime(2027, 7, 7, 7, 0, tzinfo=dt.timezone.utc)) == "Lukket – åbner kl. 9.30"


@pytest.mark.parametrize("when, expected", [
    # Summer time began at 01:00 UTC on Sunday 29 March 2026 (in 2027 that Sunday is Easter):
    # 07:45 UTC on Monday is 9.45 in Denmark.
    (dt.datetime(2026, 3, 30, 7, 45, tzinfo=dt.timezone.utc), "Åben nu"),
    (dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.timezone.utc), "Lukket – åbner i morgen kl. 9.30"),
    # It ended at 01:00 UTC on Sunday 31 October 2027: 08:15 UTC on Monday is 9.15 again.
    (dt.datetime(2027, 11, 1, 8, 15, tzinfo=dt.timezone.utc), "Lukket – åbner kl. 9.30"),
    (dt.datetime(2027, 11, 1, 8, 30, tzinfo=dt.timezone.utc), "Åben nu"),
], ids=["after-spring-switch", "night-of-spring-switch", "after-autumn-switch", "autumn-opening-minute"])
def test_the_days_summer_time_begins_and_ends(browser, opening_site, when, expected):
    """opening.js works out Danish time by the EU's summer-time rule (no Intl time zones)."""
    base_url, _ = opening_site
    assert status_at(browser, base_url, when) == expected


def test_without_javascript_the_hours_are_text(browser, opening_site):
    base_url, _ = opening_site
    context = browser.new_context(viewport=VIEWPORTS["desktop"], java_script_enabled=False)
    stub_exit_page(context)
    try:
        page = context.new_page()
        page.goto(base_url + "/")
        card = page.locator(".ung-contact:has-text('Test Testesen')")
        assert card.locator(".ung-contact__facts").inner_text() == "Åbent: man.–fre. 09:30–15:30 (lukket på helligdage)"
        assert not card.locator(".ung-contact__open").is_visible()
        # No empty room kept for a status that will never come: not on the card, not in the help bar.
        assert not card.locator(".ung-contact__status").is_visible()
        assert page.locator(".ung-helpbar__open").count() >= 1
        assert not any(slot.is_visible() for slot in page.locator(".ung-helpbar__open").all())
        assert page.locator(".ung-contact:has-text('Alarm 112') .ung-contact__facts").inner_text() == "Åbent: Døgnet rundt"
        # Channels are buttons: call and text.
        assert card.locator(".ung-contact__ways a").all_inner_texts()[:2] == ["Ring 24 43 07 55", "Send sms 24 43 07 55"]
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_status_passes_axe(browser, opening_site, scheme):
    base_url, _ = opening_site
    for when in (cph(2027, 1, 13, 10, 0), cph(2027, 1, 17, 23, 30)):
        context = browser.new_context(viewport=VIEWPORTS["mobile"], color_scheme=scheme)
        stub_exit_page(context)
        try:
            page = context.new_page()
            page.clock.set_fixed_time(when)
            page.goto(base_url + "/")
            page.wait_for_selector(CARD_STATUS + ":not([hidden])")
            assert axe_violations(page) == []
        finally:
            context.close()


def test_status_markup_is_escaped_json_and_no_inline_script(opening_site):
    _, site = opening_site
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'data-ung-opening="{&#34;times&#34;:[{&#34;days&#34;:[0,1,2,3,4]' in html
    assert "opening.js" in html
