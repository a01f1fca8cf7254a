"""Render one shortcode to HTML through the partials in overrides/partials/ung/."""

from __future__ import annotations

from .downloads import made_file_sizes, size_label
from .paths import CALENDAR_FEED, event_path, pdf_path
from .formatting import short_time, weekday_date_time
from .site import default_language, language_prefix, settings
from .strings import translator
from .templates import render
from .views import contact_view, localized

GRADES = ("indskoling", "mellemtrin", "udskoling", "ungdomsuddannelse")


def site_root(page) -> str:
    """Relative path from a page to the site root (above any /en/ prefix)."""
    return "../" * page.url.count("/")


def language_root(page, config, language: str) -> str:
    return site_root(page) + language_prefix(config, language)


def material_view(material: dict, data, language: str, root: str, lang_root: str, t) -> dict:
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
        "page_href": lang_root + lesson.removesuffix(".md").removesuffix("index") + "/" if lesson else None,
        "language": material["language"],
    }


def render_shortcode(shortcode, data, page, config, language: str, now) -> str:
    default = default_language(config)
    t = translator(config, language)
    root = site_root(page)
    lang_root = language_root(page, config, language if page.url.startswith(f"{language}/") else default)
    args = shortcode.arguments
    if shortcode.name == "kontakter":
        contacts = [contact_view(c, language) for c in data.contacts_for(args.get("theme"), args.get("audience"))]
        return render(config, "contacts.html", contacts=contacts, t=t, root=root)
    if shortcode.name == "kontakt":
        return render(config, "contact-card.html", contact=contact_view(data.contacts[args["contact"]], language), t=t, root=root)
    if shortcode.name == "materialer":
        materials = [material_view(m, data, language, root, lang_root, t) for m in data.materials
                     if args.get("theme") in (None, m["theme"])]
        groups = []
        if args.get("theme") is None:  # the whole catalogue: grouped by theme, in the themes' order
            groups = [{"theme": theme_id, "title": localized(theme["title"], language),
                       "materials": [m for m in materials if m["theme"] == theme_id]}
                      for theme_id, theme in data.themes.items() if any(m["theme"] == theme_id for m in materials)]
        grades = [(grade, t(f"materials.grade.{grade}")) for grade in GRADES]
        return render(config, "materials.html", materials=materials, groups=groups, grades=grades, t=t,
                      count=len(materials))
    if shortcode.name == "arrangementer":
        events = [{
            "id": event["id"], "example": event.get("example", False),
            "title": localized(event["title"], language),
            "description": localized(event.get("description"), language) if event.get("description") else "",
            "when": f"{weekday_date_time(event['start_at'], language)}–{short_time(event['end_at'], language)}",
            "start_iso": event["start_at"].isoformat(),
            "place": localized(event["place"], language),
            "ics": root + event_path(event["id"]),
            "registration_url": event.get("registration_url"),
        } for event in data.upcoming_events(now, args.get("theme"))]
        return render(config, "events.html", events=events, feed=root + CALENDAR_FEED, t=t)
    raise ValueError(shortcode.name)


def known_values(data, config) -> dict[str, set[str]]:
    """The ids a shortcode argument may name."""
    return {"theme": set(data.themes), "audience": set(settings(config).get("audiences", {})), "contact": set(data.contacts)}


def render_markers(html: str, data, page, config, language: str, now) -> str:
    """Replace every valid shortcode marker in `html`; invalid ones (already reported) vanish."""
    from .shortcodes import find, replace_markers

    known = known_values(data, config)

    def replace(match):
        shortcodes, problems = find(match.group(0), "", known)
        if problems or not shortcodes:
            return ""
        return render_shortcode(shortcodes[0], data, page, config, language, now)

    return replace_markers(html, replace)
