"""Files made at build time that pages link to: lesson PDFs, vCards, iCalendar files.

Pure content: vCards and iCalendar files from data records, and the content hash that keys
the lesson-PDF cache. hooks/make_downloads.py decides when they are made and where they go.

A text an editor wrote over several lines in YAML (`da: >` with the text on the lines below)
ends with a line break, and may hold more: names, titles and places are written on one line
(a line break there is not allowed in iCalendar and vCard), descriptions keep theirs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from icalendar import Calendar, Event

from .formatting import localized, phone_href


def one_line(value) -> str:
    """'Temaaften om\nrusmidler\n' -> 'Temaaften om rusmidler'."""
    return " ".join(str(value).split())


def _text(value, language: str) -> str:
    return one_line(localized(value, language))


def vcard(contact: dict, language: str) -> str:
    """A vCard 3.0 (RFC 2426) for one contact.

    Written here rather than with a vCard library: the format of these few lines is simple, and
    a site with thousands of contacts makes thousands of cards in every build (vobject took
    0.5 ms a card, this takes a few µs). tests/unit/test_downloads.py reads them back with vobject.
    """
    name = _text(contact["name"], language)
    parts = name.split()
    family, given = (parts[-1], " ".join(parts[:-1])) if len(parts) > 1 else (name, "")
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"FN:{_vcard_text(name)}",
             f"N:{_vcard_text(family)};{_vcard_text(given)};;;",
             f"TITLE:{_vcard_text(_text(contact['role'], language))}",
             "ORG:SSP Vejen Kommune"]
    if contact.get("phone"):
        number = phone_href(contact["phone"])
        lines.append(f"TEL;TYPE={'CELL' if len(number) > 8 else 'VOICE'}:{_vcard_text(number)}")
    if contact.get("email"):
        lines.append(f"EMAIL:{_vcard_text(one_line(contact['email']))}")
    if contact.get("url"):
        lines.append(f"URL:{_vcard_text(one_line(contact['url']))}")
    lines.append("END:VCARD")
    return "".join(_folded(line) + "\r\n" for line in lines)


def _vcard_text(value: str) -> str:
    """RFC 2426 5.8.4: a backslash, comma, semicolon or line break in a text value is escaped."""
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _folded(line: str, limit: int = 75) -> str:
    """RFC 2425 5.8.1: a line longer than 75 octets goes on in lines that start with a space,
    never splitting a character's UTF-8 bytes (æ, ø and å are two bytes each)."""
    if len(line.encode("utf-8")) <= limit:
        return line
    pieces, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
        current += character
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _event(event: dict, language: str, site_url: str) -> Event:
    item = Event()
    item.add("uid", f"{event['id']}@ungvejen.dk")
    item.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    item.add("dtstart", event["start_at"])
    item.add("dtend", event["end_at"])
    item.add("summary", _text(event["title"], language))
    if event.get("description"):
        item.add("description", str(localized(event["description"], language)).strip())
    item.add("location", _text(event["place"], language))
    if event.get("registration_url"):
        item.add("url", one_line(event["registration_url"]))
    elif site_url:
        item.add("url", f"{site_url.rstrip('/')}/arrangementer/")
    return item


def calendar(events: list[dict], language: str, site_url: str, name: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//SSP Vejen Kommune//UngVejen//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", one_line(name))
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    for event in events:
        cal.add_component(_event(event, language, site_url))
    # RFC 5545 3.2.19: every TZID used needs its VTIMEZONE, or 19:00 may be read as UTC.
    cal.add_missing_timezones()
    return cal.to_ical()


# Part of the lesson-PDF cache key: PDFs made before lessons could embed only the site's own
# files are never reused.
PDF_FETCH_POLICY = "embed: docs/ and the built site only"


def allowed_file(url: str, docs_dir: Path, site_dir: Path) -> Path | None:
    """The file a lesson PDF may embed for `url` (an image, a stylesheet, an attachment), or None.

    Only `file:` URLs of files inside docs/ or the built site are allowed – after symbolic links
    and '..' are resolved. A lesson's URLs are relative to its place in the built site, but
    MkDocs copies the files from docs/ there only after the PDFs are made: a file below the
    site folder is read from the same place in docs/ when it is there. Anything else – another
    file on the computer, a web address – is refused.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(unquote(parts.path)).resolve()
        docs, site = docs_dir.resolve(), site_dir.resolve()
        candidates = []
        if path.is_relative_to(site):
            candidates.append((docs / path.relative_to(site)).resolve())
        candidates.append(path)
        for candidate in candidates:
            if (candidate.is_relative_to(docs) or candidate.is_relative_to(site)) and candidate.is_file():
                return candidate
    except (OSError, RuntimeError, ValueError):
        return None
    return None


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:16]
