"""Where things are: the files made at build time (relative to the site root; both languages
share them), the way from a page up to the site root, and a page's source file."""

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
