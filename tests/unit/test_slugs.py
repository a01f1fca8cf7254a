"""_ungvejen.slugs: Danish slugs."""

from __future__ import annotations

import pytest

from _ungvejen.slugs import danish_slug


@pytest.mark.parametrize(("text", "slug"), [
    ("Forældremøder på Åen", "foraeldremoeder-paa-aaen"),
    ("ÆBLER, ØL & ÅER", "aebler-oel-aaer"),
    ("<b>Hjælp</b> nu!", "hjaelp-nu"),
    ("Café  under_streg -- bindestreg", "cafe-under-streg-bindestreg"),
    ("  Til unge  ", "til-unge"),
    ("", ""),
])
def test_danish_slug(text, slug):
    assert danish_slug(text) == slug


def test_separator():
    assert danish_slug("Få hjælp nu", "_") == "faa_hjaelp_nu"
