"""View models: data records turned into exactly what a partial shows, in one language.

Every view model of the site lives here. Templates present; this module decides which
number is shown how, which link is used and which text is in which language. Nothing here
renders HTML (that is overrides/partials/ung/, through templates.Renderer).
"""

from __future__ import annotations

from .formatting import localized, phone_display, phone_href, short_time, size_label, weekday_date_time
from .paths import CALENDAR_FEED, HELP_PAGE, event_path, page_url, pdf_path, vcard_path

GRADES = ("indskoling", "mellemtrin", "udskoling", "ungdomsuddannelse")


def help_links(data, language: str, language_root: str) -> dict:
    """What the help bar and the search's "nothing found" show: the help-bar contacts, most
    urgent first, and the link to "Få hjælp nu" (`language_root` leads to /, or to /en/)."""
    return {"contacts": [contact_view(contact, language) for contact in data.helpbar_contacts()],
            "help_href": language_root + HELP_PAGE}


def search_box(data, language: str, root: str, language_root: str) -> dict:
    """The search dialog: where Pagefind lives (from the site root), in which language, and
    the help contacts it shows when nothing is found."""
    return {"root": root, "language": language, "help": help_links(data, language, language_root)}


def contact_view(contact: dict, language: str) -> dict:
    return {
        "id": contact["id"],
        "kind": contact["kind"],
        "name": localized(contact["name"], language),
        "role": localized(contact["role"], language),
        "short": localized(contact.get("short") or contact["name"], language),
        "phone": phone_display(contact["phone"]) if contact.get("phone") else None,
        "phone_href": f"tel:{phone_href(contact['phone'])}" if contact.get("phone") else None,
        "sms": phone_display(contact["sms"]) if contact.get("sms") else None,
        "sms_href": f"sms:{phone_href(contact['sms'])}" if contact.get("sms") else None,
        "email": contact.get("email"),
        "url": contact.get("url"),
        "chat_url": contact.get("chat_url"),
        "hours": localized(contact.get("hours"), language) if contact.get("hours") else None,
        "anonymous": contact.get("anonymous") is True,
        "free": contact.get("free") is True,
        "ages": contact.get("ages"),
        "urgency": contact["urgency"],
        "vcard": vcard_path(contact["id"]) if contact["kind"] == "person" else None,
    }


def material_view(material: dict, data, language: str, root: str, language_root: str, t,
                  made_file_sizes: dict[str, int]) -> dict:
    """One lesson in the catalogue; `made_file_sizes` gives the size of PDFs made in this build."""
    download = material.get("file") or pdf_path(material["id"])
    size = made_file_sizes.get(download)
    lesson = material.get("lesson")
    return {
        "id": material["id"],
        "title": localized(material["title"], language),
        "description": localized(material.get("description"), language) if material.get("description") else "",
        "theme": material["theme"],
        "theme_title": localized(data.themes[material["theme"]]["title"], language),
        "grades": material["grades"],
        "grade_labels": [t(f"materials.grade.{grade}") for grade in material["grades"]],
        "duration": t("materials.minutes", count=material["duration_minutes"]),
        "format": material["format"].upper(),
        "size": size_label(size, language) if size is not None else "",
        "href": root + download,
        "page_href": language_root + page_url(lesson) if lesson else None,
        "language": material["language"],
    }


def materials_view(materials: list[dict], data, language: str, whole_catalogue: bool, t) -> dict:
    """The catalogue (grouped by theme, in the themes' order, with filters) or a theme's list."""
    groups = []
    if whole_catalogue:
        groups = [{"theme": theme_id, "title": localized(theme["title"], language),
                   "materials": [m for m in materials if m["theme"] == theme_id]}
                  for theme_id, theme in data.themes.items() if any(m["theme"] == theme_id for m in materials)]
    return {"materials": materials, "groups": groups, "count": len(materials),
            "grades": [(grade, t(f"materials.grade.{grade}")) for grade in GRADES]}


def event_view(event: dict, language: str, root: str) -> dict:
    return {
        "id": event["id"],
        "title": localized(event["title"], language),
        "description": localized(event.get("description"), language) if event.get("description") else "",
        "when": f"{weekday_date_time(event['start_at'], language)}–{short_time(event['end_at'], language)}",
        "start_iso": event["start_at"].isoformat(),
        "place": localized(event["place"], language),
        "ics": root + event_path(event["id"]),
        "registration_url": event.get("registration_url"),
    }


def events_view(events: list[dict], language: str, root: str) -> dict:
    return {"events": [event_view(event, language, root) for event in events], "feed": root + CALENDAR_FEED}
