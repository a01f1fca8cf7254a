"""Hook: schema.org JSON-LD on the contact page – a GovernmentOrganization with ContactPoints.

Search engines can then show SSP Vejen Kommune's numbers. The JSON is made with json.dumps
(data, not HTML), and `<`, `>` and `&` are written as \\u003c, \\u003e and \\u0026 (the same
text to a JSON reader): no text from data/ can close the script element or open a comment in
it (`<!--<script>` in a name made Chromium read the rest of /kontakt/ as script).
"""

import json

from markupsafe import Markup

from _ungvejen.build import build_state
from _ungvejen.formatting import localized, phone_href

CONTACT_PAGE = "kontakt.md"


def on_page_context(context, page, config, nav):
    if page.file.src_uri.removesuffix(".en.md").removesuffix(".md") + ".md" != CONTACT_PAGE:
        return context
    state = build_state(config)
    data, language = state.data, state.page_locale(page)
    points = []
    for contact in data.contacts.values():
        if contact["kind"] != "person" and not contact.get("helpbar"):
            continue
        point = {"@type": "ContactPoint", "name": localized(contact["name"], language),
                 "description": localized(contact["role"], language),
                 "contactType": localized(contact.get("short") or contact["role"], language),
                 "availableLanguage": ["da"]}
        if contact.get("phone"):
            point["telephone"] = phone_href(contact["phone"])
        points.append(point)
    document = {
        "@context": "https://schema.org", "@type": "GovernmentOrganization",
        "name": "SSP Vejen Kommune", "alternateName": "UngVejen",
        "url": config.site_url, "areaServed": "Vejen Kommune", "contactPoint": points,
    }
    context["ung_jsonld"] = Markup(json_ld_script(document))
    return context


# Characters that mean something to the HTML parser inside a <script>, or end a line in old
# JavaScript parsers; JSON reads the escaped form as the same text.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                             "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_ld_script(document: dict) -> str:
    # Compact: with indent, json.dumps takes its pure-Python way (5,000 contacts: 3 × slower).
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_SAFE)
    return f'<script type="application/ld+json">{text}</script>'

