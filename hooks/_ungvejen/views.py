"""View models: data records turned into exactly what a partial shows, in one language.

Templates present; this module decides (which number is shown how, which link is used).
"""

from __future__ import annotations

from .paths import HELP_PAGE, vcard_path
from .formatting import phone_display, phone_href


def localized(value, language: str, default_language: str = "da"):
    """{da: ..., en: ...} -> the text in `language`, falling back to the default language."""
    if isinstance(value, dict):
        return value.get(language) or value.get(default_language) or next(iter(value.values()), "")
    return value


def help_links(data, language: str, language_root: str) -> dict:
    """What the help bar and the search's "nothing found" show: the help-bar contacts, most
    urgent first, and the link to "Få hjælp nu" (`language_root` leads to /, or to /en/)."""
    return {"contacts": [contact_view(contact, language) for contact in data.helpbar_contacts()],
            "help_href": language_root + HELP_PAGE}


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
