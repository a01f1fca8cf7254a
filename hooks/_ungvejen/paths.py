"""Where the files made at build time live, relative to the site root (both languages share them)."""

PDF_FOLDER = "undervisning/pdf"
HELP_PAGE = "faa-hjaelp-nu/"
VCARD_FOLDER = "kontakt"
CALENDAR_FOLDER = "arrangementer"
CALENDAR_FEED = f"{CALENDAR_FOLDER}/kalender.ics"


def pdf_path(material_id: str) -> str:
    return f"{PDF_FOLDER}/{material_id}.pdf"


def vcard_path(contact_id: str) -> str:
    return f"{VCARD_FOLDER}/{contact_id}.vcf"


def event_path(event_id: str) -> str:
    return f"{CALENDAR_FOLDER}/{event_id}.ics"
