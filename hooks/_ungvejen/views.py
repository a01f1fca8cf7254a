"""View models: data records turned into exactly what a partial shows, in one language.

Every view model of the site lives here. Templates present; this module decides which
number is shown how, which link is used and which text is in which language. Nothing here
renders HTML (that is overrides/partials/ung/, through templates.Renderer).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from .formatting import day_range, long_date, localized, phone_display, phone_href, short_time, size_label, weekday_date_time
from .paths import (CALENDAR_FEED, HELP_PAGE, bundle_path, event_path, leaflet_path, page_url, pdf_path,
                    pupil_pdf_path, vcard_path, wallet_card_path)
from .shortcodes import ALL

WEEKDAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")  # contacts.yml `opening` days, Monday first
GRADES = ("indskoling", "mellemtrin", "udskoling", "ungdomsuddannelse")
SUBJECTS = ("ssf", "faerdselslaere", "tvaerfagligt")
DURATIONS = ("kort", "lang")
SHORT_LESSON_MINUTES = 45  # "kort": one lesson; longer ones are "lang"


def help_links(data, language: str, language_root: str) -> dict:
    """What the help bar and the search's "nothing found" show: the help-bar contacts, most
    urgent first, and the link to "Få hjælp nu" (`language_root` leads to /, or to /en/)."""
    return {"contacts": [contact_view(contact, language) for contact in data.helpbar_contacts()],
            "help_href": language_root + HELP_PAGE}


def search_box(data, language: str, root: str, language_root: str) -> dict:
    """The search dialog: where Pagefind lives (from the site root), in which language, and
    the help contacts it shows when nothing is found."""
    return {"root": root, "language": language, "help": help_links(data, language, language_root)}


def themes_view(data, language: str, language_root: str) -> list[dict]:
    """Every theme (data/themes.yml order) as a tile: title, link, icon name (its id)."""
    return [{"id": theme_id, "title": localized(theme["title"], language), "href": language_root + page_url(theme["page"])}
            for theme_id, theme in data.themes.items()]


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
        "opening": opening_view(contact.get("opening"), language),
        # True, False, or None where the source does not say: the card shows no claim then.
        "anonymous": contact.get("anonymous") if isinstance(contact.get("anonymous"), bool) else None,
        "who_is_told": localized(contact.get("who_is_told"), language) if contact.get("who_is_told") else None,
        "free": contact.get("free") is True,
        "ages": contact.get("ages"),
        "urgency": contact["urgency"],
        "vcard": vcard_path(contact["id"]) if contact["kind"] == "person" else None,
    }


def contacts_view(data, args: dict, limit: int, directory: str) -> dict:
    """A contact list (ung:kontakter): the contacts (data records; each is shown as a card,
    shortcode_html.contact_card), the most urgent first, at most `limit` of them unless the
    list says antal=alle (the contact page) or antal=<n>; when some are left out, the way to all
    of them: the contact page's section for the audience."""
    chosen = data.contacts_for(args.get("theme"), args.get("audience"))
    count = args.get("count")
    shown = len(chosen) if count == ALL else int(count) if count else limit
    audience = args.get("audience")
    return {"contacts": chosen[:shown],
            "total": len(chosen),
            "all_href": directory + (f"#{audience}" if audience else "") if len(chosen) > shown else None}


def duration_group(minutes: int) -> str:
    return "kort" if minutes <= SHORT_LESSON_MINUTES else "lang"


def _download(label: str, path: str, root: str, sizes: dict[str, int], language: str) -> dict | None:
    """A file made in this build, as a link with its size; None if it was not made."""
    if path not in sizes:
        return None
    return {"label": label, "href": root + path, "size": size_label(sizes[path], language)}


def opening_view(opening, language: str) -> dict | None:
    """Structured opening hours (contacts.yml `opening`): `json` for opening.js, which works out
    "Åben nu" in Danish time, and what is shown as text without JavaScript."""
    if not opening:
        return None
    if opening == "always":
        return {"always": True, "times": [], "holidays": False, "json": json.dumps({"always": True})}
    times = [{"days": [WEEKDAYS.index(day) for day in entry["days"]], "from": entry["from"], "to": entry["to"]}
             for entry in opening["times"]]
    holidays = opening.get("closed_on_public_holidays") is True
    return {
        "always": False,
        "times": [{"days": day_range(entry["days"], language), "from": entry["from"], "to": entry["to"]} for entry in times],
        "holidays": holidays,
        "json": json.dumps({"times": times, "holidays": holidays}, separators=(",", ":")),
    }


def material_view(material: dict, data, language: str, root: str, language_root: str, t,
                  made_file_sizes: dict[str, int]) -> dict:
    """One lesson in the catalogue and in its page's box; `made_file_sizes` gives the size of
    the files made in this build (plan, pupil material in each language, "hent det hele")."""
    download = material.get("file") or pdf_path(material["id"])
    size = made_file_sizes.get(download)
    lesson = material.get("lesson")
    curriculum = material.get("curriculum") or {"subject": "tvaerfagligt"}
    other = "en" if language == "da" else "da"
    downloads = [item for item in (
        _download(t("materials.bundle"), bundle_path(material["id"], language), root, made_file_sizes, language),
        _download(t("materials.plan"), download, root, made_file_sizes, language),
        _download(t("materials.pupil"), pupil_pdf_path(material["id"], language), root, made_file_sizes, language),
        _download(t("materials.pupil_other"), pupil_pdf_path(material["id"], other), root, made_file_sizes, language),
    ) if item]
    return {
        "id": material["id"],
        "title": localized(material["title"], language),
        "description": localized(material.get("description"), language) if material.get("description") else "",
        "theme": material["theme"],
        "theme_title": localized(data.themes[material["theme"]]["title"], language),
        "grades": material["grades"],
        "grade_labels": [t(f"materials.grade.{grade}") for grade in material["grades"]],
        "duration": t("materials.minutes", count=material["duration_minutes"]),
        "duration_group": duration_group(material["duration_minutes"]),
        "subject": curriculum["subject"],
        "subject_label": t(f"materials.subject.{curriculum['subject']}"),
        "areas": [t(f"materials.areas.{area}") for area in curriculum.get("areas", [])],
        "goals": [{"kind": t(f"materials.goal_kind.{goal['kind']}"), "text": localized(goal["text"], language),
                   "quote": goal["text"]["da"]} for goal in curriculum.get("goals", [])],
        "curriculum_sources": curriculum.get("sources", []),
        "format": material["format"].upper(),
        "size": size_label(size, language) if size is not None else "",
        "href": root + download,
        "downloads": downloads,
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
    def grouped(key, values, label):
        """Links to the lessons, grouped by one facet: the catalogue's overview without JavaScript."""
        return [{"value": value, "label": t(label.format(value=value)),
                 "materials": [m for m in materials if value in (m[key] if isinstance(m[key], list) else [m[key]])]}
                for value in values]

    facets = []
    if whole_catalogue:
        facets = [{"name": "grade", "title": t("materials.by_grade"), "groups": grouped("grades", GRADES, "materials.grade.{value}")},
                  {"name": "subject", "title": t("materials.by_subject"), "groups": grouped("subject", SUBJECTS, "materials.subject.{value}")},
                  {"name": "duration", "title": t("materials.by_duration"),
                   "groups": grouped("duration_group", DURATIONS, "materials.duration_group.{value}")}]
        for facet in facets:
            facet["groups"] = [group for group in facet["groups"] if group["materials"]]
    return {"materials": materials, "groups": groups, "count": len(materials), "facets": facets,
            "themes": [(group["theme"], group["title"]) for group in groups],
            "grades": [(grade, t(f"materials.grade.{grade}")) for grade in GRADES],
            "subjects": [(subject, t(f"materials.subject.{subject}")) for subject in SUBJECTS
                         if any(m["subject"] == subject for m in materials)],
            "durations": [(duration, t(f"materials.duration_group.{duration}")) for duration in DURATIONS]}


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


def source_view(source: dict, language: str) -> dict:
    """One source of a fact: title, address, the date it was last read (as the page shows dates)."""
    checked = source["checked"]
    if isinstance(checked, str):
        checked = dt.date.fromisoformat(checked)
    return {"title": source["title"], "url": source["url"], "claim": source.get("claim", ""),
            "checked": long_date(checked, language)}


def substance_view(substance: dict, data, language: str, language_root: str) -> dict:
    """One entry of the drugs A–Z: its names and slang (what search finds it by), the facts
    with their sources, and where to get help (contact cards and the theme page)."""
    theme = data.themes.get(substance["help"].get("theme") or "")
    return {
        "id": substance["id"],
        "name": localized(substance["name"], language),
        "slang": substance["slang"].get(language) or [],
        "what": localized(substance["what"], language),
        "risks": substance["risks"].get(language) or [],
        "law": substance["law"].get(language) or [],
        "contacts": [contact_view(data.contacts[contact_id], language) for contact_id in substance["help"]["contacts"]],
        "theme_title": localized(theme["title"], language) if theme else "",
        "theme_href": language_root + page_url(theme["page"]) if theme else "",
        "sources": [source_view(source, language) for source in substance["sources"]],
    }


def myth_view(myth: dict, language: str) -> dict:
    return {"id": myth["id"], "myth": localized(myth["myth"], language), "fact": localized(myth["fact"], language),
            "sources": [source_view(source, language) for source in myth["sources"]]}


PHONE_PLACEHOLDER = re.compile(r"\[tlf:(?P<contact>[a-z0-9]+(?:-[a-z0-9]+)*)\]")


def pupil_view(pupil: dict, material: dict, language: str, t, phones: dict[str, str] | None = None) -> dict:
    """A lesson's pupil material in one language, as pupil-pdf.html prints it. Indskoling
    material is printed in large type; a quiz gets its answer key on a page of its own.
    `[tlf:alarm-112]` in a text becomes that contact's number from data/contacts.yml (`phones`:
    contact id -> number as shown), so no number is written anywhere else."""
    def text(value):
        if not value:
            return ""
        return PHONE_PLACEHOLDER.sub(lambda match: (phones or {}).get(match["contact"], match.group(0)),
                                     localized(value, language).strip())

    parts = []
    for part in pupil["parts"]:
        view = {"kind": part["kind"], "title": text(part["title"]), "instructions": text(part.get("instructions")),
                "items": [text(item) for item in part.get("items", [])],
                "paragraphs": [p.strip() for p in text(part.get("text")).split("\n\n") if p.strip()],
                "questions": []}
        for question in part.get("questions", []):
            if "statement" in question:
                view["questions"].append({"text": text(question["statement"]),
                                          "answer": t(f"pupil.answer.{question['answer']}"),
                                          "is_true": question["answer"] == "sandt",
                                          "explanation": text(question["explanation"])})
            else:
                view["questions"].append({"text": text(question)})
        parts.append(view)
    return {"title": text(pupil["title"]), "lesson_title": localized(material["title"], language),
            "grades": ", ".join(t(f"materials.grade.{grade}") for grade in material["grades"]),
            "large": "indskoling" in material["grades"], "parts": parts}


def leaflets_view(data, language: str, root: str, made_file_sizes: dict[str, int], theme: str | None, t) -> dict:
    """Links to the parents' leaflets made in this build: one theme's, or every theme's and the
    wallet card (on the events page)."""
    themes = [theme] if theme else list(data.themes)
    leaflets = [item for item in (
        _download(t("leaflets.leaflet", theme=localized(data.themes[theme_id]["title"], language)),
                  leaflet_path(theme_id, language), root, made_file_sizes, language) for theme_id in themes) if item]
    wallet = None if theme else _download(t("leaflets.wallet"), wallet_card_path(language), root, made_file_sizes, language)
    return {"leaflets": leaflets, "wallet": wallet, "single": theme is not None}
