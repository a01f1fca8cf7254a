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


def test_the_drugs_a_to_z_escapes_its_data_and_leaves_out_empty_lists():
    renderer = Renderer(jinja2.FileSystemLoader(str(OVERRIDES)))
    source = {"title": "<b>Kilde</b>", "url": "https://example.org/a?b=1&c=2", "claim": "", "checked": "30. november 2026"}
    substance = {"id": "kokain", "name": "Kokain <script>", "slang": ["coke", "<i>sne</i>"], "what": "Et stof.",
                 "risks": [], "law": ["Spørg SSP."], "contacts": [], "theme_title": "Rusmidler",
                 "theme_href": "../rusmidler/", "sources": [source]}
    html = renderer.render("substances.html", substances=[substance], root="../",
                           ung_t=Translator(load_strings(), "da"))
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    assert '<h2 id="kokain">Kokain &lt;script&gt;</h2>' in html
    assert "coke, &lt;i&gt;sne&lt;/i&gt;" in html
    assert "Risici" not in html and "Hvad siger loven?" in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html and '<a href="#kokain">' in html
    myths = renderer.render("myths.html", myths=[{"id": "m", "myth": "<u>Myte</u>", "fact": "Fakta.", "sources": [source]}],
                            ung_t=Translator(load_strings(), "en"))
    assert "&lt;u&gt;Myte&lt;/u&gt;" in myths and "<summary>Sources</summary>" in myths and 'id="myte-m"' in myths


@pytest.mark.parametrize("anonymous, tag", [(True, "Anonymt"), (False, "Ikke anonymt"), (None, None)])
def test_contact_card_says_whether_it_is_anonymous_and_who_is_told(anonymous, tag):
    renderer = Renderer(jinja2.FileSystemLoader(str(OVERRIDES)))
    contact = {"id": "x", "urgency": "raad", "name": "BørneTelefonen", "role": "Rådgivning",
               "anonymous": anonymous, "who_is_told": "Ingen <b>– rådgiveren</b> kan ikke se dit nummer."}
    html = renderer.render("contact-card.html", contact=contact, root="../", ung_t=Translator(load_strings(), "da"))
    tags = [text for text in ("Anonymt", "Ikke anonymt") if f">{text}</span>" in html]
    assert tags == ([tag] if tag else [])
    assert "<strong>Hvem får det at vide?</strong> Ingen &lt;b&gt;– rådgiveren&lt;/b&gt; kan ikke se dit nummer." in html


def test_a_field_of_a_view_is_read_as_a_key_before_a_dict_method():
    # Jinja looks up attributes first: `part.items` was the dict's method, not the field.
    loader = jinja2.DictLoader({f"{PARTIALS}/list.html": "{% for item in part.items %}[{{ item }}]{% endfor %}"
                                                           "{{ part.title }}|{{ part.missing }}|{{ part.keys()|list|length }}"})
    html = Renderer(loader).render("list.html", part={"items": ["a", "<b>"], "title": "T"})
    assert html == "[a][&lt;b&gt;]T||2"
