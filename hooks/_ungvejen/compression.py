"""Pre-compressed copies of the built site's text files: `x.html.gz` and `x.html.br` beside `x.html`.

Why: nginx compressing every response on the fly (gzip level 6) is what limits how many
requests it serves – about 3,100 a second for a theme page on two cores, against 34,000
uncompressed (issue 13). With a `.gz` and a `.br` beside each file, deploy/ungvejen.conf's
`gzip_static on;` and `brotli_static on;` send the file that is already compressed, better
than level 6 could afford (gzip -9 and brotli quality 11, 9 for a file over a MiB), and nginx
compresses nothing.

Which files: those nginx serves as text (HTML, CSS, JavaScript, JSON, SVG, XML, iCalendar,
vCard, plain text; see SUFFIXES) of at least MIN_SIZE bytes – below that, the headers cost
more than compression saves, as nginx's own `gzip_min_length 256`. A copy is written only
when it is smaller than the file. Pagefind's index chunks are compressed by Pagefind already,
and the site's .csv is served as a download (application/octet-stream), not as text.

Fast: the copies are cached by content hash in the temp folder (like the lesson PDFs in
hooks/downloads.py) – Material's assets never change, and the builds are deterministic, so a
rebuild compresses only what was edited. An unchanged file costs a hash and two hard links to
the cache's read-only files (writing the ~230 copies of this site takes about 0.1 s, linking
them 0.02 s); what is not cached is compressed in a thread pool (zlib and brotli release the
GIL): brotli quality 11 is by far the slowest part, about 4 s for the whole site on two cores,
once. The cache is never pruned: Debian empties the temp folder at boot.

A stale copy would be served instead of its file: a copy that is no longer smaller is
removed, and MkDocs empties the site folder before every build that is not `--dirty`.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from .filestore import content_key, linked, store_read_only

# Served as text by deploy/ungvejen.conf (Debian's mime.types + its `types` block).
SUFFIXES = frozenset({
    ".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".ics", ".vcf", ".txt",
})
MIN_SIZE = 256
GZIP_LEVEL = 9
BROTLI_QUALITY = 11
# Brotli 11 takes about 1.3 s per MB, and its time grows with the file: a contact page with
# 5,000 contacts (9.5 MB) took 12 s. Quality 9 takes 0.1 s for it and is about 30 % larger.
# No page of today's site comes near a MiB; only such a page is compressed less hard.
LARGE_FILE = 1024 * 1024
BROTLI_QUALITY_LARGE = 9
ENCODINGS = (".gz", ".br")
CACHE = (Path(tempfile.gettempdir()) / "ungvejen-compression-cache"
         / f"gzip{GZIP_LEVEL}-br{BROTLI_QUALITY}-large{BROTLI_QUALITY_LARGE}")


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


def brotli_quality(size: int) -> int:
    return BROTLI_QUALITY_LARGE if size > LARGE_FILE else BROTLI_QUALITY


def compress(data: bytes) -> dict[str, bytes]:
    """{".gz": gzip -9 (no timestamp: the same input gives the same bytes), ".br": brotli q11
    (q9 above LARGE_FILE)}."""
    return {
        ".gz": gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0),
        ".br": brotli.compress(data, quality=brotli_quality(len(data))),
    }


cache_key = content_key  # the cache names a file by what it holds


def cached_copies(data: bytes, cache: Path) -> tuple[dict[str, tuple[Path, int]], bool]:
    """{encoding: (the cache's file with that copy of `data`, its size)}, compressed and stored
    first if the cache lacks them; and whether the cache held them already."""
    key = cache_key(data)
    paths = {encoding: cache / f"{key}{encoding}" for encoding in ENCODINGS}
    try:
        return {encoding: (path, path.stat().st_size) for encoding, path in paths.items()}, True
    except FileNotFoundError:
        pass
    cache.mkdir(parents=True, exist_ok=True)
    copies = compress(data)
    for encoding, content in copies.items():
        store_read_only(paths[encoding], content)
    return {encoding: (paths[encoding], len(content)) for encoding, content in copies.items()}, False


@dataclass(frozen=True)
class Result:
    """One file: its size, and the size of each copy written (None: not smaller, not written)."""

    path: Path
    size: int
    gz: int | None
    br: int | None
    cached: bool


def precompress_file(path: Path, cache: Path | None = CACHE) -> Result:
    """Writes `path.gz` and `path.br` beside `path` where they are smaller than it.

    With a cache, a copy is a hard link to the cache's file – no bytes written, which is most of
    the time a warm build spends here – where its name is free and the cache is on the same file
    system; otherwise a file of its own. A name already taken (MkDocs writes sitemap.xml.gz, and
    rewrites it in place in a `--dirty` build) always gets a file of its own."""
    data = path.read_bytes()
    cached, sources, copies = False, {}, {}
    if cache is not None:
        try:
            sources, cached = cached_copies(data, cache)
        except OSError:  # an unusable cache (another user's, a full disk): do without it
            sources = {}
    if not sources:
        copies = compress(data)
    sizes: dict[str, int | None] = {}
    for encoding in ENCODINGS:
        target = path.with_name(path.name + encoding)
        size = sources[encoding][1] if sources else len(copies[encoding])
        if size >= len(data):
            target.unlink(missing_ok=True)  # a stale copy would be sent instead of the file
            sizes[encoding] = None
            continue
        sizes[encoding] = size
        if sources and linked(sources[encoding][0], target):
            continue
        # A new file, never one rewritten in place (that could be a hard link into the cache).
        target.unlink(missing_ok=True)
        target.write_bytes(copies[encoding] if copies else sources[encoding][0].read_bytes())
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
