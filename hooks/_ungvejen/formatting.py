"""How facts are written for people: Danish phone grouping, dates and file sizes in the page's
language, and a text picked from its translations."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel.dates import format_date, format_time, get_day_names


def phone_display(number: str) -> str:
    """24430755 -> '24 43 07 55'; 116111 -> '116 111'; 112, 114 and 1888 stay as they are."""
    digits = re.sub(r"\D", "", str(number))
    if len(digits) == 8:
        return " ".join(digits[i:i + 2] for i in range(0, 8, 2))
    if len(digits) == 6:
        return f"{digits[:3]} {digits[3:]}"
    return digits


def phone_href(number: str) -> str:
    digits = re.sub(r"\D", "", str(number))
    return f"+45{digits}" if len(digits) == 8 else digits


@lru_cache(maxsize=512)  # Babel takes ~2 ms a call; a site has few distinct dates
def long_date(day: dt.date, language: str) -> str:
    """'20. november 2026' in Danish, '20 November 2026' in English."""
    pattern = "d. MMMM y" if language == "da" else "d MMMM y"
    return format_date(day, pattern, locale=language)


@lru_cache(maxsize=256)
def weekday_date_time(moment: dt.datetime, language: str) -> str:
    pattern = "EEEE d. MMMM y" if language == "da" else "EEEE d MMMM y"
    time_pattern = "HH:mm"
    return f"{format_date(moment, pattern, locale=language)}, {format_time(moment, time_pattern, locale=language)}"


def short_time(moment: dt.datetime, language: str) -> str:
    return format_time(moment, "HH:mm", locale=language)


def localized(value, language: str, default_language: str = "da"):
    """{da: ..., en: ...} -> the text in `language`, falling back to the default language."""
    if isinstance(value, dict):
        return value.get(language) or value.get(default_language) or next(iter(value.values()), "")
    return value


def size_label(size: int, language: str) -> str:
    """182 kB (Danish decimal comma for small files: 1,4 MB)."""
    if round(size / 1000) < 1000:
        return f"{max(1, round(size / 1000))} kB"
    value = f"{size / 1000 / 1000:.1f}"
    return f"{value.replace('.', ',') if language == 'da' else value} MB"


def day_range(days: list[int], language: str) -> str:
    """Weekdays (0 = Monday) as people write them: [0, 1, 2, 3, 4] -> 'man.–fre.', [0, 2, 4, 5, 6] ->
    'man., ons. og fre.–søn.' ('Mon–Fri', 'Mon, Wed and Fri–Sun' in English)."""
    names = get_day_names("abbreviated", locale=language)
    days = sorted(set(days))
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [f"{names[run[0]]}–{names[run[-1]]}" if len(run) > 2 else ", ".join(names[day] for day in run)
             for run in runs]
    joiner = " og " if language == "da" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1] if len(parts) > 1 else parts[0]
