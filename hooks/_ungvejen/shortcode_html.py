"""Shortcodes to HTML: each `<!-- ung:... -->` marker in a built page becomes its block.

The markers were parsed once, when the page was checked (shortcodes.find, kept in the
page's record in the build state); here each marker in the HTML is looked up by its text
and rendered through a partial in overrides/partials/ung/ with a view model from views.py.
A marker that had a problem (already reported with its line) renders as nothing.
"""

from __future__ import annotations

from .glossary import entries_view
from .paths import site_root
from .shortcodes import MARKER, Shortcode, replace_markers
from .views import contact_view, events_view, material_view, materials_view


def known_values(data, settings) -> dict[str, set[str]]:
    """The ids a shortcode argument may name."""
    return {"theme": set(data.themes), "audience": set(settings.audiences), "contact": set(data.contacts)}


def render_shortcode(shortcode: Shortcode, state, page_url: str, language: str, now) -> str:
    data, t = state.data, state.translator(language)
    root = site_root(page_url)
    # A fallback page under /en/ links to English pages; a Danish page to Danish ones.
    link_language = language if page_url.startswith(f"{language}/") else state.default_language
    language_root = root + state.language_prefix(link_language)
    args = shortcode.arguments
    if shortcode.name == "kontakter":
        contacts = [contact_view(c, language) for c in data.contacts_for(args.get("theme"), args.get("audience"))]
        return state.render("contacts.html", strings=language, contacts=contacts, root=root)
    if shortcode.name == "kontakt":
        return state.render("contact-card.html", strings=language, contact=contact_view(data.contacts[args["contact"]], language),
                            root=root)
    if shortcode.name == "materialer":
        sizes = {path: len(content) for path, content in state.made_files.items()}
        materials = [material_view(m, data, language, root, language_root, t, sizes) for m in data.materials
                     if args.get("theme") in (None, m["theme"])]
        return state.render("materials.html", strings=language,
                            **materials_view(materials, data, language, args.get("theme") is None, t))
    if shortcode.name == "arrangementer":
        return state.render("events.html", strings=language,
                            **events_view(data.upcoming_events(now, args.get("theme")), language, root))
    if shortcode.name == "ordliste":
        return state.render("glossary.html", strings=language, entries=entries_view(data.glossary, language))
    raise ValueError(shortcode.name)


def render_markers(html: str, shortcodes: dict[str, Shortcode], state, page_url: str, language: str, now) -> str:
    """Replace every marker in `html` by its block; markers with problems vanish."""
    if not MARKER.search(html):
        return html

    def replace(match):
        shortcode = shortcodes.get(match.group(0))
        return render_shortcode(shortcode, state, page_url, language, now) if shortcode else ""

    return replace_markers(html, replace)
