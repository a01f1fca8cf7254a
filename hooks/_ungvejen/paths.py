"""Where things are: the files made at build time (relative to the site root; both languages
share them), the way from a page up to the site root, and a page's source file."""

PDF_FOLDER = "undervisning/pdf"
HELP_PAGE = "faa-hjaelp-nu/"
CONTACT_PAGE = "kontakt/"  # the directory: its lists show every contact (antal=alle)
VCARD_FOLDER = "kontakt"
CALENDAR_FOLDER = "arrangementer"
CALENDAR_FEED = f"{CALENDAR_FOLDER}/kalender.ics"


def pdf_path(material_id: str) -> str:
    return f"{PDF_FOLDER}/{material_id}.pdf"


def vcard_path(contact_id: str) -> str:
    return f"{VCARD_FOLDER}/{contact_id}.vcf"


def event_path(event_id: str) -> str:
    return f"{CALENDAR_FOLDER}/{event_id}.ics"


def site_root(page_url: str) -> str:
    """Relative path from a page to the site root (above any /en/ prefix): "temaer/x/" -> "../../"."""
    return "../" * page_url.count("/")


def source_path(src_uri: str) -> str:
    """A page's Markdown file as an editor finds it: "temaer/x.md" -> "docs/temaer/x.md"."""
    return f"docs/{src_uri}"


def page_url(src_uri: str) -> str:
    """Where MkDocs publishes a Markdown file: "temaer/x.md" -> "temaer/x/",
    "undervisning/index.md" -> "undervisning/", "index.md" -> ""."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


LEAFLET_FOLDER = "foldere"


def _language_suffix(language: str, default_language: str = "da") -> str:
    return "" if language == default_language else f"-{language}"


def pupil_pdf_path(material_id: str, language: str) -> str:
    """A lesson's pupil material: undervisning/pdf/<id>-elevmateriale.pdf (-en.pdf in English)."""
    return f"{PDF_FOLDER}/{material_id}-elevmateriale{_language_suffix(language)}.pdf"


def bundle_path(material_id: str, language: str) -> str:
    """"Hent det hele": the lesson plan and the pupil material in one PDF."""
    return f"{PDF_FOLDER}/{material_id}-samlet{_language_suffix(language)}.pdf"


def leaflet_path(theme_id: str, language: str) -> str:
    """A theme's one-page leaflet for parents."""
    return f"{LEAFLET_FOLDER}/{theme_id}-foraeldre{_language_suffix(language)}.pdf"


def wallet_card_path(language: str) -> str:
    """The wallet card with the help numbers (ten to an A4 sheet, with cut marks)."""
    return f"{LEAFLET_FOLDER}/lommekort{_language_suffix(language)}.pdf"
