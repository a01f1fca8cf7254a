"""hooks/structured_data.py: the JSON-LD on the contact page is JSON inside a <script>; no text
from data/ may change how the browser reads the page around it (issue 14)."""

from __future__ import annotations

import json

import pytest

from structured_data import json_ld_script

HOSTILE = ["<!--<script>", "</script><script>alert(1)</script>", "Skole & SSP", "a > b", "<!-- x -->",
           "</SCRIPT", "&lt;", "\u2028\u2029"]


@pytest.mark.parametrize("name", HOSTILE)
def test_text_from_data_cannot_leave_the_script_or_open_a_comment(name):
    script = json_ld_script({"@type": "ContactPoint", "name": name})
    assert script.startswith('<script type="application/ld+json">') and script.endswith("</script>")
    inner = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    for character in "<>&\u2028\u2029":
        assert character not in inner
    assert json.loads(inner) == {"@type": "ContactPoint", "name": name}


def test_danish_letters_stay_readable():
    assert "Bjørbæk" in json_ld_script({"name": "Bjørbæk"})
