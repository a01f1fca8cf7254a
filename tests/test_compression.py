"""Issue 13: pre-compressed copies of the built site (hooks/_ungvejen/compression.py, hooks/precompress.py).

Unit tests, without a MkDocs build: which files, one file's copies, the cache, the hook's
place in the build. tests/test_serving.py checks that nginx sends the copies.
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import os
import re
from pathlib import Path
from types import SimpleNamespace

import brotli
import pytest
import yaml

from _ungvejen import compression
from _ungvejen.build import STATE_KEY
from _ungvejen.compression import (
    MIN_SIZE, cache_key, cached_copies, compress, files_to_compress, is_compressible, precompress_file, precompress_site,
)
from sitekit import ROOT

PAGE = ("<!doctype html><html lang=\"da\"><head><title>Rusmidler</title></head><body>"
        + "<p>Hvis du er bekymret for en ven, kan du ringe til SSP-konsulenten.</p>" * 60 + "</body></html>")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(content, bytes) else lambda text: path.write_text(text, encoding="utf-8"))(content)
    return path


def copies_beside(path: Path) -> dict[str, Path]:
    return {encoding: path.with_name(path.name + encoding) for encoding in (".gz", ".br")
            if path.with_name(path.name + encoding).exists()}


# --- which files ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["index.html", "main.57a0d79d.min.css", "bundle.a5f9d56c.min.js", "x.mjs",
                                  "search.json", "pagefind-entry.json", "logo.svg",
                                  "sitemap.xml", "kalender.ics", "anna.vcf", "robots.txt", "UPPER.HTML"])
def test_text_files_are_compressed(name):
    assert is_compressible(Path("site", name))


@pytest.mark.parametrize("name", [
    "_headers", "_nginx_headers.conf",                 # build by-products nginx never serves
    "index.html.gz", "index.html.br", "sitemap.xml.gz",  # copies are not compressed again
    "logo.png", "lesson.pdf", "wasm.da.pagefind",      # compressed formats
    "en_1a2b3c4.pf_fragment", "da_1a2b3c4.pf_index",   # Pagefind compresses its chunks itself
    "rapport.csv", "site.webmanifest",                 # served as downloads (octet-stream), not as text
    "bundle.js.map", ".hidden.js",
])
def test_other_files_are_not(name):
    assert not is_compressible(Path("site", name))


def test_files_to_compress_skips_small_files_and_lists_largest_first(tmp_path):
    site = tmp_path / "site"
    big = write(site / "index.html", PAGE)
    middle = write(site / "assets" / "app.js", "let x = 1;\n" * 100)
    edge = write(site / "en" / "edge.css", "a" * MIN_SIZE)
    write(site / "tiny.js", "x" * (MIN_SIZE - 1))
    write(site / "image.png", PAGE)
    assert files_to_compress(site) == [big, middle, edge]


# --- one file ---------------------------------------------------------------------------------


def test_copies_decompress_to_the_original(tmp_path):
    page = write(tmp_path / "site" / "temaer" / "rusmidler" / "index.html", PAGE)
    result = precompress_file(page, cache=tmp_path / "cache")
    copies = copies_beside(page)
    assert set(copies) == {".gz", ".br"}
    assert gzip.decompress(copies[".gz"].read_bytes()) == page.read_bytes()
    assert brotli.decompress(copies[".br"].read_bytes()) == page.read_bytes()
    assert (result.size, result.gz, result.br) == (len(PAGE), copies[".gz"].stat().st_size,
                                                   copies[".br"].stat().st_size)
    assert result.br < result.gz < result.size / 5  # gzip -9 and brotli 11 on repetitive HTML


def test_compress_is_deterministic_and_at_least_as_good_as_nginx_level_6():
    data = PAGE.encode()
    first, second = compress(data), compress(data)
    assert first == second  # no timestamp in the gzip header: the same ETag-worthy bytes every build
    assert first[".gz"][4:8] == b"\0\0\0\0"
    assert len(first[".gz"]) <= len(gzip.compress(data, compresslevel=6, mtime=0))
    assert len(first[".br"]) < len(first[".gz"])


def test_a_copy_that_is_not_smaller_is_not_written_and_a_stale_one_is_removed(tmp_path):
    noise = write(tmp_path / "site" / "noise.txt", os.urandom(2000))  # random bytes do not compress
    write(noise.with_name("noise.txt.gz"), b"stale copy of an older noise.txt")
    result = precompress_file(noise, cache=tmp_path / "cache")
    assert (result.gz, result.br) == (None, None)
    assert copies_beside(noise) == {}


def test_small_files_get_no_copies(tmp_path):
    site = tmp_path / "site"
    small = write(site / "assets" / "small.js", "console.log(1);" * 10)
    big = write(site / "index.html", PAGE)
    summary = precompress_site(site, cache=tmp_path / "cache")
    assert [result.path for result in summary.results] == [big]
    assert copies_beside(small) == {}
    assert set(copies_beside(big)) == {".gz", ".br"}


def test_the_whole_site_with_the_thread_pool(tmp_path):
    site = tmp_path / "site"
    pages = [write(site / f"side-{n}" / "index.html", PAGE.replace("Rusmidler", f"Side {n}")) for n in range(12)]
    pages.append(write(site / "assets" / "ungvejen.css", ".ung-helpbar { display: flex; }\n" * 40))
    summary = precompress_site(site, cache=tmp_path / "cache", workers=4)
    assert len(summary.results) == len(pages)
    for page in pages:
        assert gzip.decompress(copies_beside(page)[".gz"].read_bytes()) == page.read_bytes()
        assert brotli.decompress(copies_beside(page)[".br"].read_bytes()) == page.read_bytes()
    size = sum(page.stat().st_size for page in pages)
    assert summary.total(".br") < summary.total(".gz") < size / 5
    assert f"{len(pages)} × .gz" in summary.describe() and "0 from the cache" in summary.describe()


# --- the cache --------------------------------------------------------------------------------


def test_the_cache_is_used_the_second_time(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first_site, second_site = tmp_path / "first", tmp_path / "second"
    first = write(first_site / "index.html", PAGE)
    assert precompress_site(first_site, cache=cache).cached == 0
    key = cache_key(PAGE.encode())
    assert sorted(path.name for path in cache.iterdir()) == [f"{key}.br", f"{key}.gz"]  # no .tmp left behind

    # The second build of the same content compresses nothing: the copies come from the cache.
    def no_compressing(data):
        raise AssertionError("compressed again although the cache holds this content")

    monkeypatch.setattr(compression, "compress", no_compressing)
    second = write(second_site / "index.html", PAGE)
    summary = precompress_site(second_site, cache=cache)
    assert summary.cached == 1
    for encoding in (".gz", ".br"):
        assert copies_beside(second)[encoding].read_bytes() == copies_beside(first)[encoding].read_bytes()
        # A hard link to the cache's file: nothing written.
        assert copies_beside(second)[encoding].samefile(cache / f"{key}{encoding}")


def test_changed_content_is_compressed_again(tmp_path):
    cache = tmp_path / "cache"
    files, cached = cached_copies(PAGE.encode(), cache)
    assert not cached
    assert cached_copies(PAGE.encode(), cache) == (files, True)
    changed = PAGE.replace("ven", "veninde").encode()
    files, cached = cached_copies(changed, cache)
    assert not cached and brotli.decompress(files[".br"][0].read_bytes()) == changed
    assert files[".br"][1] == files[".br"][0].stat().st_size
    assert len(list(cache.iterdir())) == 4


def test_the_cache_cannot_be_changed_through_a_site(tmp_path):
    """The site's copies may be hard links to the cache: its files are read-only, and a name that
    was taken (MkDocs' sitemap.xml.gz, which a --dirty build rewrites in place) gets a file of its
    own, so rewriting it changes nothing in the cache."""
    cache = tmp_path / "cache"
    sitemap = write(tmp_path / "site" / "sitemap.xml", "<urlset>" + "<url><loc>/x/</loc></url>" * 40 + "</urlset>")
    write(sitemap.with_name("sitemap.xml.gz"), gzip.compress(sitemap.read_bytes()))  # as MkDocs writes it
    precompress_file(sitemap, cache)
    key = cache_key(sitemap.read_bytes())
    for encoding in (".gz", ".br"):
        assert (cache / f"{key}{encoding}").stat().st_mode & 0o222 == 0
    assert not copies_beside(sitemap)[".gz"].samefile(cache / f"{key}.gz")
    assert copies_beside(sitemap)[".br"].samefile(cache / f"{key}.br")
    cached = (cache / f"{key}.gz").read_bytes()
    with copies_beside(sitemap)[".gz"].open("r+b") as rewritten:  # in place, as a --dirty MkDocs build does
        rewritten.write(b"something else")
    assert (cache / f"{key}.gz").read_bytes() == cached
    # A rebuild into the same folder (--dirty) replaces its own links too, never writing through them.
    precompress_file(sitemap, cache)
    assert gzip.decompress(copies_beside(sitemap)[".gz"].read_bytes()) == sitemap.read_bytes()
    assert (cache / f"{key}.gz").read_bytes() == cached


def test_copies_are_files_of_their_own_where_links_fail(tmp_path, monkeypatch):
    def no_links(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    page = write(tmp_path / "site" / "index.html", PAGE)
    precompress_file(page, tmp_path / "cache")
    precompress_file(page, tmp_path / "cache")  # from the cache, and over the first copies
    assert gzip.decompress(copies_beside(page)[".gz"].read_bytes()) == page.read_bytes()
    assert brotli.decompress(copies_beside(page)[".br"].read_bytes()) == page.read_bytes()
    assert os.stat(copies_beside(page)[".br"]).st_nlink == 1


def test_without_a_usable_cache_the_copies_are_made_all_the_same(tmp_path):
    blocked = write(tmp_path / "not-a-folder", "a file where the cache folder should be")
    page = write(tmp_path / "site" / "index.html", PAGE)
    result = precompress_file(page, blocked / "cache")
    assert not result.cached and gzip.decompress(copies_beside(page)[".gz"].read_bytes()) == page.read_bytes()
    result = precompress_file(page, None)
    assert not result.cached and brotli.decompress(copies_beside(page)[".br"].read_bytes()) == page.read_bytes()


def test_the_cache_lives_in_the_temp_folder_and_names_its_settings():
    import tempfile

    assert compression.CACHE.is_relative_to(Path(tempfile.gettempdir()))
    assert compression.CACHE.name == (f"gzip{compression.GZIP_LEVEL}-br{compression.BROTLI_QUALITY}"
                                      f"-large{compression.BROTLI_QUALITY_LARGE}")


def test_a_file_over_a_mib_is_compressed_with_brotli_9_and_still_reads_back():
    import random

    words = ["kontakt", "SSP", "ring", "Vejen", "forældre", "hjælp"]
    rng = random.Random(1)
    large = " ".join(rng.choice(words) + str(rng.randrange(10_000)) for _ in range(200_000)).encode()
    assert len(large) > compression.LARGE_FILE
    assert compression.brotli_quality(len(large)) == 9 and compression.brotli_quality(len(PAGE)) == 11
    copies = compression.compress(large)
    assert brotli.decompress(copies[".br"]) == large
    assert copies[".br"] == brotli.compress(large, quality=9)


# --- the hook ---------------------------------------------------------------------------------


def load_hook():
    spec = importlib.util.spec_from_file_location("precompress_hook_under_test", ROOT / "hooks" / "precompress.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Config(dict):
    """What the hook reads of MkDocs' config: the site folder and the build state on it."""

    def __init__(self, site: Path, state, site_url: str = "https://www.ungvejen.dk/"):
        super().__init__({STATE_KEY: state})
        self.site_dir = str(site)
        self.site_url = site_url
        self.dev_addr = SimpleNamespace(host="127.0.0.1", port=8000)


def fake_config(site: Path, nested: bool):
    return _Config(site, SimpleNamespace(building_other_language=nested))


def test_the_hook_compresses_the_site_once_after_both_languages(tmp_path, monkeypatch):
    monkeypatch.setattr(compression, "CACHE", tmp_path / "cache")
    hook = load_hook()
    site = tmp_path / "site"
    danish, english = write(site / "index.html", PAGE), write(site / "en" / "index.html", PAGE.replace("da", "en"))
    hook.on_post_build(fake_config(site, nested=True))  # mkdocs-static-i18n building /en/: not yet
    assert copies_beside(danish) == {} and copies_beside(english) == {}
    hook.on_post_build(fake_config(site, nested=False))
    assert set(copies_beside(danish)) == set(copies_beside(english)) == {".gz", ".br"}


def test_the_live_preview_gets_no_compressed_copies(tmp_path, monkeypatch):
    monkeypatch.setattr(compression, "CACHE", tmp_path / "cache")
    hook = load_hook()
    site = tmp_path / "site"
    page = write(site / "index.html", PAGE)
    preview = _Config(site, SimpleNamespace(building_other_language=False), site_url="http://127.0.0.1:8000/")
    hook.on_post_build(preview)
    assert copies_beside(page) == {}


def post_build_priority(path: Path) -> int | None:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef) and node.name == "on_post_build":
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "event_priority":
                    return ast.literal_eval(decorator.args[0])
            return 0
    return None


def test_the_hook_runs_after_every_other_hook_and_is_listed_last():
    hooks = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["hooks"]
    assert hooks[-1] == "hooks/precompress.py"
    priorities = {hook: post_build_priority(ROOT / hook) for hook in hooks}
    ours = priorities.pop("hooks/precompress.py")
    others = [priority for priority in priorities.values() if priority is not None]
    assert others and ours < min(others + [-100])  # -100: mkdocs-static-i18n builds /en/ there


def test_the_hook_keeps_no_module_level_state():
    tree = ast.parse((ROOT / "hooks" / "precompress.py").read_text(encoding="utf-8"))
    mutable = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = node.value
            assert not isinstance(value, mutable), ast.unparse(node)
            if isinstance(value, ast.Call):
                assert getattr(value.func, "id", "") not in {"dict", "list", "set", "defaultdict", "deque"}, \
                    ast.unparse(node)
        assert not isinstance(node, ast.Global)
    assert not re.search(r"^\s*global\s", (ROOT / "hooks" / "precompress.py").read_text(encoding="utf-8"), re.M)
