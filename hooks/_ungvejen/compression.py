"""Pre-compressed copies of the built site's text files: `x.html.gz` and `x.html.br` beside `x.html`.

Why: nginx compressing every response on the fly (gzip level 6) is what limits how many
requests it serves – about 3,100 a second for a theme page on two cores, against 34,000
uncompressed (issue 13). With a `.gz` and a `.br` beside each file, deploy/ungvejen.conf's
`gzip_static on;` and `brotli_static on;` send the file that is already compressed, better
than level 6 could afford (gzip -9 and brotli quality 11), and nginx compresses nothing.

Which files: those nginx serves as text (HTML, CSS, JavaScript, JSON, SVG, XML, iCalendar,
vCard, plain text; see SUFFIXES) of at least MIN_SIZE bytes – below that, the headers cost
more than compression saves, as nginx's own `gzip_min_length 256`. A copy is written only
when it is smaller than the file. Pagefind's index chunks are compressed by Pagefind already,
and the site's .csv is served as a download (application/octet-stream), not as text.

Fast: the copies are cached by content hash in the temp folder (like the lesson PDFs in
hooks/downloads.py), so a rebuild costs a hash and two small reads per unchanged file –
Material's assets never change, and the builds are deterministic, so a rebuild compresses only
what was edited. What is not cached is compressed in a thread pool (zlib and brotli release
the GIL). The cache is never pruned: the temp folder is emptied on reboot.

A stale copy would be served instead of its file: a copy that is no longer smaller is
removed, and MkDocs empties the site folder before every build that is not `--dirty`.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

# Served as text by deploy/ungvejen.conf (Debian's mime.types + its `types` block).
SUFFIXES = frozenset({
    ".html", ".css", ".js", ".mjs", ".json", ".webmanifest", ".svg", ".xml", ".ics", ".vcf", ".txt",
})
MIN_SIZE = 256
GZIP_LEVEL = 9
BROTLI_QUALITY = 11
ENCODINGS = (".gz", ".br")
CACHE = Path(tempfile.gettempdir()) / "ungvejen-compression-cache" / f"gzip{GZIP_LEVEL}-br{BROTLI_QUALITY}"


def is_compressible(path: Path) -> bool:
    """Whether a file of this name is served as text and gets compressed copies (by name only)."""
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def files_to_compress(site: Path) -> list[Path]:
    """The site's text files of at least MIN_SIZE bytes, largest first (the pool finishes sooner)."""
    found = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            if is_compressible(path):
                size = path.stat().st_size
                if size >= MIN_SIZE:
                    found.append((size, path))
    return [path for _, path in sorted(found, key=lambda item: (-item[0], item[1]))]


def compress(data: bytes) -> dict[str, bytes]:
    """{".gz": gzip -9 (no timestamp: the same input gives the same bytes), ".br": brotli q11}."""
    return {
        ".gz": gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
        ".br": brotli.compress(data, quality=BROTLI_QUALITY),
    }


def cache_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def compressed(data: bytes, cache: Path | None = CACHE) -> tuple[dict[str, bytes], bool]:
    """compress(data), from the cache when it holds this content; returns (copies, from the cache?)."""
    if cache is None:
        return compress(data), False
    key = cache_key(data)
    try:
        return {encoding: (cache / f"{key}{encoding}").read_bytes() for encoding in ENCODINGS}, True
    except FileNotFoundError:
        pass
    copies = compress(data)
    cache.mkdir(parents=True, exist_ok=True)
    for encoding, content in copies.items():
        # Write and rename: a build running at the same time never reads half a file.
        partial = cache / f"{key}{encoding}.{os.getpid()}-{threading.get_ident()}.tmp"
        partial.write_bytes(content)
        os.replace(partial, cache / f"{key}{encoding}")
    return copies, False


@dataclass(frozen=True)
class Result:
    """One file: its size, and the size of each copy written (None: not smaller, not written)."""

    path: Path
    size: int
    gz: int | None
    br: int | None
    cached: bool


def precompress_file(path: Path, cache: Path | None = CACHE) -> Result:
    """Writes `path.gz` and `path.br` beside `path` where they are smaller than it."""
    data = path.read_bytes()
    copies, cached = compressed(data, cache)
    sizes: dict[str, int | None] = {}
    for encoding, content in copies.items():
        target = path.with_name(path.name + encoding)
        # A new file, never one rewritten in place: ext4 flushes a truncated file to disk on
        # close (slow), and MkDocs' own sitemap.xml.gz is there already.
        target.unlink(missing_ok=True)
        if len(content) < len(data):
            target.write_bytes(content)
            sizes[encoding] = len(content)
        else:
            sizes[encoding] = None
    return Result(path, len(data), sizes[".gz"], sizes[".br"], cached)


@dataclass(frozen=True)
class Summary:
    results: tuple[Result, ...]

    @property
    def cached(self) -> int:
        return sum(result.cached for result in self.results)

    def total(self, encoding: str) -> int:
        """Bytes a browser gets for all files: the copy where one was written, else the file."""
        return sum(getattr(result, encoding.lstrip(".")) or result.size for result in self.results)

    def describe(self) -> str:
        size = sum(result.size for result in self.results)
        written = {encoding: sum(getattr(r, encoding.lstrip(".")) is not None for r in self.results)
                   for encoding in ENCODINGS}
        return (f"{len(self.results)} files, {size / 1024:.0f} KB: {written['.gz']} × .gz "
                f"({self.total('.gz') / 1024:.0f} KB), {written['.br']} × .br ({self.total('.br') / 1024:.0f} KB); "
                f"{self.cached} from the cache")


def precompress_site(site: Path, cache: Path | None = CACHE, workers: int | None = None) -> Summary:
    """Compressed copies beside every text file of the built site (see the module docstring)."""
    files = files_to_compress(site)
    with ThreadPoolExecutor(max_workers=workers or min(8, os.cpu_count() or 1)) as pool:
        results = tuple(pool.map(lambda path: precompress_file(path, cache), files))
    return Summary(results)
