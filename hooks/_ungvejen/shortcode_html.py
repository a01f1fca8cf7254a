"""Shortcodes to HTML: each `<!-- ung:... -->` marker in a built page becomes its block.

The markers were parsed once, when the page was checked (shortcodes.find, kept in the
page's record in the build state); here each marker in the HTML is looked up by its text
and rendered through a partial in overrides/partials/ung/ with a view model from views.py.
A marker that had a problem (already reported with its line) renders as nothing.
"""

from __future__ import annotations

from markupsafe import Markup

from .glossary import entries_view
from .paths import CONTACT_PAGE, site_root
from .problems import Problem
from .shortcodes import COUNTS, MARKER, Shortcode, replace_markers
from .views import (contact_view, contacts_view, events_view, help_links, leaflets_view, material_view, materials_view, myth_view,
                    substance_view, themes_view)


def known_values(data, settings) -> dict[str, set[str]]:
    """The ids a shortcode argument may name."""
    return {"theme": set(data.themes), "audience": set(settings.audiences), "contact": set(data.contacts),
            "material": {material["id"] for material in data.materials}, "count": set(COUNTS)}


def render_shortcode(shortcode: Shortcode, state, page_url: str, language: str, now,
                     shown_contacts: set[str] | None = None) -> str:
    """One shortcode's block. `shown_contacts`: the contacts whose cards are on the page already
    (render_markers keeps it per page); a card shown again is kept out of the search index."""
    data, t = state.data, state.translator(language)
    shown_contacts = set() if shown_contacts is None else shown_contacts
    root = site_root(page_url)
    # A fallback page under /en/ links to English pages; a Danish page to Danish ones.
    link_language = language if page_url.startswith(f"{language}/") else state.default_language
    language_root = root + state.language_prefix(link_language)
    args = shortcode.arguments
    if shortcode.name == "kontakter":
        # Parents' languages have no contact page of their own: "see all" leads to the Danish one.
        directory = root + ("" if state.is_parent_language(language) else state.language_prefix(link_language)) + CONTACT_PAGE
        view = contacts_view(data, args, state.settings.contacts_per_list, directory)
        cards = []
        for contact in view["contacts"]:
            # A card already on the page (the contact page lists a contact under each of its
            # audiences) is kept out of the search index: each contact is indexed once per page,
            # and a contact page with thousands of contacts is not indexed three times over.
            cards.append({"html": contact_card(state, contact, language, root), "again": contact["id"] in shown_contacts})
            shown_contacts.add(contact["id"])
        return state.render("contacts.html", strings=language, total=view["total"], all_href=view["all_href"], cards=cards)
    if shortcode.name == "kontakt":
        shown_contacts.add(args["contact"])
        return contact_card(state, data.contacts[args["contact"]], language, root)
    if shortcode.name == "materialer":
        sizes = {path: len(content) for path, content in state.made_files.items()}
        materials = [material_view(m, data, language, root, language_root, t, sizes) for m in data.materials
                     if args.get("theme") in (None, m["theme"])]
        return state.render("materials.html", strings=language,
                            **materials_view(materials, data, language, args.get("theme") is None, t))
    if shortcode.name == "lektion":
        sizes = {path: len(content) for path, content in state.made_files.items()}
        material = next(m for m in data.materials if m["id"] == args["material"])
        return state.render("lesson-facts.html", strings=language,
                            material=material_view(material, data, language, root, language_root, t, sizes))
    if shortcode.name == "foraeldrefolder":
        sizes = {path: len(content) for path, content in state.made_files.items()}
        return state.render("leaflets.html", strings=language,
                            **leaflets_view(data, language, root, sizes, args.get("theme"), t))
    if shortcode.name == "arrangementer":
        return state.render("events.html", strings=language,
                            **events_view(data.upcoming_events(now, args.get("theme")), language, root))
    if shortcode.name == "stoffer":
        return state.render("substances.html", strings=language,
                            substances=[substance_view(s, data, language, language_root) for s in data.substances], root=root)
    if shortcode.name == "myter":
        return state.render("myths.html", strings=language, myths=[myth_view(m, language) for m in data.myths])
    if shortcode.name == "ordliste":
        return state.render("glossary.html", strings=language, entries=entries_view(data.glossary, language))
    if shortcode.name == "hjaelp":
        return state.render("help-now.html", strings=language, help=help_links(data, language, language_root))
    if shortcode.name == "temaer":
        return state.render("themes.html", strings=language, themes=themes_view(data, language, language_root))
    raise ValueError(shortcode.name)


def contact_card(state, contact: dict, language: str, root: str) -> Markup:
    """One contact's card, rendered once per language and page depth (kept in the build state):
    the same card is on the contact page once per audience, and on many theme pages."""
    key = (contact["id"], language, root)
    if key not in state.contact_cards:
        state.contact_cards[key] = state.render("contact-card.html", strings=language,
                                                contact=contact_view(contact, language), root=root)
    return Markup(state.contact_cards[key])


def render_markers(html: str, shortcodes: dict[str, Shortcode], state, page_url: str, language: str, now) -> str:
    """Replace every marker in `html` by its block; markers with problems vanish."""
    if not MARKER.search(html):
        return html
    shown_contacts: set[str] = set()

    def replace(match):
        shortcode = shortcodes.get(match.group(0))
        return render_shortcode(shortcode, state, page_url, language, now, shown_contacts) if shortcode else ""

    return replace_markers(html, replace)


def missing_data(shortcodes: list[Shortcode], data, file: str) -> list[Problem]:
    """A shortcode whose data file does not exist (data/substances.yml is optional) would
    render as nothing: report it with its line instead."""
    return [Problem(file, shortcode.line, 0, f"ung:{shortcode.name} viser data/substances.yml, men filen findes ikke.",
                    "Opret data/substances.yml (se data/schema/substances.schema.json), eller slet shortcoden.")
            for shortcode in shortcodes if shortcode.name in ("stoffer", "myter") and not data.has_substances]
