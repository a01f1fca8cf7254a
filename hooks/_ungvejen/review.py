"""Content review dates (as NHS and GOV.UK do): when a page was last reviewed and when the
next review is due. These are editors' dates from front matter, never git change dates."""

from __future__ import annotations

import calendar
import datetime as dt
import os

from .frontmatter import months_between_reviews

DEFAULT_MONTHS = 12


def today() -> dt.date:
    """Today – or UNGVEJEN_TODAY, so tests and editors can see the site as on a later date."""
    fixed = os.environ.get("UNGVEJEN_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_interval(meta: dict, settings) -> int:
    """Months between reviews: the page's own `review_every`, else the shortest of its
    audiences' (a page for young people and professionals is checked as often as the
    young people's pages are). `settings` answers `review_months(audience)`."""
    own = months_between_reviews(meta.get("review_every", "")) if meta.get("review_every") else None
    if own:
        return own
    intervals = [settings.review_months(a) or DEFAULT_MONTHS
                 for a in meta.get("audiences") or [] if isinstance(a, str)]
    return min(intervals, default=DEFAULT_MONTHS)


def due_date(meta: dict, settings) -> dt.date | None:
    reviewed = meta.get("reviewed")
    if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
        return None
    return add_months(reviewed, review_interval(meta, settings))
