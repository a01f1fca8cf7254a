"""Hook: printed material for parents – a one-page A4 leaflet per theme, and the wallet card.

- Leaflets (foldere/<theme>-foraeldre.pdf, -en.pdf in English): for every theme in
  data/themes.yml, from the parents' section of the theme's page (_ungvejen/leaflets.py),
  with the theme's contacts for parents from data/contacts.yml and a QR code (made here, as
  SVG) that opens the theme page. A new theme gets its leaflet by itself. It lists as many of
  the theme's contacts as fit on the page (at most 8, most urgent first); a parents' section
  too long for one page even with 4 is reported to the editor (a page without one gets no leaflet).
- The wallet card (foldere/lommekort.pdf): the help bar's numbers (data/contacts.yml,
  helpbar: true) and a QR code to "Få hjælp nu", ten cards to an A4 sheet with cut lines.
Made once, in the default-language build (on_env, before the pages that link to them are
written, so the links show the sizes), into the build state's `made_files`, which
make_downloads.py writes.
"""

import logging
from functools import partial
from pathlib import Path

from _ungvejen import paths
from _ungvejen.build import build_state
from _ungvejen.formatting import localized
from _ungvejen.leaflets import CONTACTS_HERE, LEAFLET_CONTACTS, fit_on_one_page, leaflet_body, parents_section, theme_source
from _ungvejen.printing import PrintResult, print_pdf
from _ungvejen.problems import Problem
from _ungvejen.qr import page_address, qr_svg
from _ungvejen.views import contact_view

log = logging.getLogger("mkdocs.plugins.ungvejen")


def on_env(env, config, files):
    state = build_state(config)
    if state.building_other_language:
        return env
    docs_dir, site_dir = Path(config.docs_dir), Path(config.site_dir)
    site_url = config.site_url or "https://www.ungvejen.dk/"
    for language in state.languages:
        t = state.translator(language)
        for theme_id, theme in state.data.themes.items():
            source = theme_source(docs_dir, theme["page"], language, state.default_language)
            section = parents_section(source.read_text(encoding="utf-8"))
            relative = paths.source_path(str(source.relative_to(docs_dir)))
            if section is None:
                # Not an error: a theme may have no parents' section (tests/test_leaflets.py checks
                # that every theme of the real site has one and links its leaflet).
                log.info("%s: intet afsnit til forældre (## Til forældre {: #foraeldre ... }), "
                         "så temaet får ingen forælderfolder.", relative)
                continue
            body, has_place = leaflet_body(section)
            title = localized(theme["title"], language)
            address = page_address(site_url, state.language_prefix(language) + paths.page_url(theme["page"]))
            reachable = [c for c in state.data.contacts_for(theme_id, "foraeldre") if c.get("phone") or c.get("sms")]
            text = {"title": title, "body": body, "has_place": has_place, "address": address,
                    "qr": qr_svg(address, t("leaflets.scan") + " " + address)}
            print_with = partial(_leaflet_pdf, state, language, text, reachable, docs_dir, site_dir)
            leaflet = fit_on_one_page(print_with, len(reachable))
            if not leaflet.fits:
                state.warn(Problem(relative, 1, 0, "Afsnittet til forældre er for langt til forælderfolderen (én A4-side).",
                                   "Gør afsnittet kortere, fx ved at fjerne et underafsnit eller nogle punkter."))
            elif leaflet.contacts_shown < min(LEAFLET_CONTACTS, len(reachable)):
                log.info("%s: forælderfolderen (%s) har plads til %d af temaets %d kontakter til forældre.",
                         relative, language, leaflet.contacts_shown, len(reachable))
            state.made_files[paths.leaflet_path(theme_id, language)] = leaflet.pdf
        _wallet_card(state, language, site_url, docs_dir, site_dir)
    return env


def _leaflet_pdf(state, language, text, contacts, docs_dir, site_dir, count) -> PrintResult:
    """The leaflet with the first `count` of `contacts`."""
    html = state.render("leaflet-pdf.html", strings=language, language=language, contacts_here=CONTACTS_HERE,
                        contacts=[contact_view(c, language) for c in contacts[:count]], **text)
    return print_pdf(html, site_dir.as_uri() + "/", docs_dir, site_dir)


def _wallet_card(state, language, site_url, docs_dir, site_dir):
    t = state.translator(language)
    address = page_address(site_url, state.language_prefix(language) + paths.HELP_PAGE)
    contacts = [contact_view(c, language) for c in state.data.helpbar_contacts() if c.get("phone")]
    html = state.render("wallet-card-pdf.html", strings=language, language=language, contacts=contacts,
                        address=address, qr=qr_svg(address, t("leaflets.wallet_scan") + " " + address))
    state.made_files[paths.wallet_card_path(language)] = print_pdf(html, site_dir.as_uri() + "/", docs_dir, site_dir).pdf

