"""_ungvejen.paths: where the files made at build time live, and the way up to the site root."""

from __future__ import annotations

import pytest

from _ungvejen import paths


def test_made_files():
    assert paths.pdf_path("rusmidler-udskoling") == "undervisning/pdf/rusmidler-udskoling.pdf"
    assert paths.vcard_path("ssp-test") == "kontakt/ssp-test.vcf"
    assert paths.event_path("foraeldremoede") == "arrangementer/foraeldremoede.ics"
    assert paths.CALENDAR_FEED == "arrangementer/kalender.ics"
    assert paths.HELP_PAGE == "faa-hjaelp-nu/"


@pytest.mark.parametrize(("url", "root"), [
    ("", ""), ("index.html", ""), ("kontakt/", "../"), ("temaer/rusmidler/", "../../"),
    ("en/temaer/rusmidler/", "../../../"), ("404.html", ""),
])
def test_site_root(url, root):
    assert paths.site_root(url) == root


def test_source_path():
    assert paths.source_path("temaer/rusmidler.en.md") == "docs/temaer/rusmidler.en.md"
