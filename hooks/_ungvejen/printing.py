"""Print-ready PDFs from our own HTML, with WeasyPrint: lesson plans, pupil material, parents'
leaflets and the wallet card.

A PDF may embed only files from docs/ and the built site (downloads.allowed_file) and data:
URLs: anything else – another file on the computer, an address on the net – is refused and
noted, so the hook can tell the editor. PDFs made from their HTML alone are cached by content
(a rebuild with unchanged text costs nothing); one that embeds a file from docs/ is made
again, so it sees the file's changes.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import downloads
from .filestore import keep

PDF_CACHE = Path(tempfile.gettempdir()) / "ungvejen-pdf-cache"


@dataclass
class PrintResult:
    pdf: bytes
    pages: int
    refused: list[str] = field(default_factory=list)   # URLs the PDF was not allowed to fetch
    served: list[Path] = field(default_factory=list)   # files from docs/ or the site it embedded


def print_pdf(html: str, base_url: str, docs_dir: Path, site_dir: Path) -> PrintResult:
    """The PDF of `html`; `base_url` is where relative URLs in it are resolved from. Its number
    of pages is kept beside it in the cache (a leaflet must be one page: reading the count back
    out of the PDF took longer than fetching the PDF)."""
    key = downloads.content_hash(downloads.PDF_FETCH_POLICY, html)
    cached, pages_file = PDF_CACHE / f"{key}.pdf", PDF_CACHE / f"{key}.pages"
    if cached.exists():
        try:
            return PrintResult(cached.read_bytes(), int(pages_file.read_text(encoding="ascii")))
        except (OSError, ValueError):
            pass  # a cache from before the count was kept: made again below
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML  # imported late: it is slow to import and only needed here

    fetcher = site_files_only(docs_dir, site_dir)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
    pdf, pages = document.write_pdf(), len(document.pages)
    # The count first: the PDF's presence says both are there.
    if not fetcher.refused and not fetcher.served and keep(pages_file, str(pages).encode("ascii")):
        keep(cached, pdf)
    return PrintResult(pdf, pages, list(dict.fromkeys(fetcher.refused)), fetcher.served)


def site_files_only(docs_dir: Path, site_dir: Path):
    """A WeasyPrint URL fetcher that serves files from docs/ and the built site (and data: URLs)
    and refuses everything else, noting what it refused."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SiteFilesOnly(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"data"})
            self.refused: list[str] = []
            self.served: list[Path] = []

        def fetch(self, url, headers=None):
            if url.lower().startswith("data:"):
                return super().fetch(url, headers)
            path = downloads.allowed_file(url, docs_dir, site_dir)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"Only files from docs/ and the built site: {url}")
            self.served.append(path)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return SiteFilesOnly()


def merge_pdfs(*parts: bytes) -> bytes:
    """One PDF of several, page after page ("hent det hele": the plan and the pupil material).
    Cached by the parts' content like the PDFs themselves: merging the 18 bundles again took
    about a second of every rebuild."""
    digest = hashlib.sha256(b"merged PDF")
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))  # the lengths keep the parts apart
        digest.update(part)
    cached = PDF_CACHE / f"merged-{digest.hexdigest()[:32]}.pdf"
    if cached.exists():
        return cached.read_bytes()
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    out = io.BytesIO()
    writer.write(out)
    keep(cached, out.getvalue())
    return out.getvalue()
