"""_ungvejen.templates: our partials rendered autoescaped from overrides/partials/ung/."""

from __future__ import annotations

import jinja2
import pytest

from _ungvejen.strings import Translator, load_strings
from _ungvejen.templates import PARTIALS, Renderer

from .stand_ins import OVERRIDES


def test_partials_are_found_below_partials_ung_and_escaped():
    # trim_blocks and lstrip_blocks: block tags leave no blank lines or indentation behind.
    loader = jinja2.DictLoader({f"{PARTIALS}/hello.html": "<p>{{ name }}</p>\n  {% if x %}\n<b>x</b>\n  {% endif %}\n"})
    renderer = Renderer(loader)
    assert renderer.render("hello.html", name="<script>alert(1)</script>", x=True) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<b>x</b>\n")


def test_missing_partial():
    with pytest.raises(jinja2.TemplateNotFound):
        Renderer(jinja2.DictLoader({})).render("missing.html")


def test_real_partial_escapes_text_from_data():
    renderer = Renderer(jinja2.FileSystemLoader(str(OVERRIDES)))
    contact = {"id": "x", "urgency": "raad", "name": "<script>alert('x')</script>", "role": "R & D",
               "anonymous": True, "free": False}
    html = renderer.render("contact-card.html", contact=contact, root="../",
                           ung_t=Translator(load_strings(), "da"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "R &amp; D" in html
    assert '<span class="ung-tag">Anonymt</span>' in html
    assert "Gratis" not in html
    assert "Ikke anonymt" not in html


@pytest.mark.parametrize("anonymous, tag", [(True, "Anonymt"), (False, "Ikke anonymt"), (None, None)])
def test_contact_card_says_whether_it_is_anonymous_and_who_is_told(anonymous, tag):
    renderer = Renderer(jinja2.FileSystemLoader(str(OVERRIDES)))
    contact = {"id": "x", "urgency": "raad", "name": "BørneTelefonen", "role": "Rådgivning",
               "anonymous": anonymous, "who_is_told": "Ingen <b>– rådgiveren</b> kan ikke se dit nummer."}
    html = renderer.render("contact-card.html", contact=contact, root="../", ung_t=Translator(load_strings(), "da"))
    tags = [text for text in ("Anonymt", "Ikke anonymt") if f">{text}</span>" in html]
    assert tags == ([tag] if tag else [])
    assert "<strong>Hvem får det at vide?</strong> Ingen &lt;b&gt;– rådgiveren&lt;/b&gt; kan ikke se dit nummer." in html
