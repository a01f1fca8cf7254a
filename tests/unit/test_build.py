"""_ungvejen.build: one build's shared state, made from stand-ins for MkDocs' config and the
mkdocs-static-i18n plugin."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from _ungvejen.build import STATE_KEY, BuildState, PageRecord, build_state, start_build
from _ungvejen.frontmatter import split
from _ungvejen.problems import Problem, ProblemReport

from .stand_ins import fake_config, fake_i18n


def page(src_uri: str, locale: str | None = None, dest: str | None = None):
    file = SimpleNamespace(src_uri=src_uri, abs_dest_path=dest or "/nowhere/index.html")
    if locale:
        file.locale = locale
    return SimpleNamespace(file=file)


def test_start_build_keeps_the_state_on_the_config(project):
    config = fake_config(project, fake_i18n())
    state = start_build(config)
    assert config[STATE_KEY] is state
    assert build_state(config) is state
    assert state.root == project.resolve()
    assert state.site_dir == project / "site"
    assert list(state.data.contacts) == ["alarm-112", "ssp-test"]
    assert state.settings.review_months("fagpersoner") == 12
    assert {"da", "en"} <= set(state.strings)
    assert (state.pages, state.made_files, state.report_rows, state.unlisted_urls, state.translation_rows) == ({}, {}, {}, set(), {})


def test_each_build_gets_a_fresh_state(project):
    config = fake_config(project, fake_i18n())
    first = start_build(config)
    first.made_files["x"] = b"x"
    second = start_build(config)
    assert second is not first and build_state(config) is second and second.made_files == {}


def test_build_state_before_load_data_is_a_plugin_error(project):
    with pytest.raises(PluginError, match="hooks/load_data.py skal stå først under hooks:"):
        build_state(fake_config(project))


def test_invalid_settings_stop_the_build(project):
    extra = {"ungvejen": {"exit_url": "https://www.dmi.dk/", "audiences": {"unge": {"review_every": "6 uger"}}}}
    with pytest.raises(ProblemReport, match="review_every"):
        start_build(fake_config(project, extra=extra))


def test_invalid_data_stop_the_build(project):
    (project / "data" / "tags.yml").write_text("da: [Stort]\nen: []\n", encoding="utf-8")
    with pytest.raises(ProblemReport, match="data/tags.yml:1"):
        start_build(fake_config(project))


def test_languages_without_i18n_come_from_the_theme(project):
    state = start_build(fake_config(project, i18n=None, theme_language="en"))
    assert (state.default_language, state.language, state.languages) == ("en", "en", ["en"])
    assert state.building_other_language is False
    assert state.language_prefix() == ""


def test_languages_while_building_danish(state):
    assert (state.default_language, state.language) == ("da", "da")
    assert state.languages == ["da", "en"]
    assert state.building_other_language is False
    assert (state.language_prefix(), state.language_prefix("en")) == ("", "en/")


def test_languages_while_building_english_inside_danish(project):
    i18n = fake_i18n(current="en", building=True, languages=[("en", True), ("da", True), ("de", False)])
    state = start_build(fake_config(project, i18n))
    assert (state.default_language, state.language) == ("da", "en")
    assert state.languages == ["da", "en"]  # the default first, languages not built left out
    assert state.building_other_language is True
    assert (state.language_prefix(), state.language_prefix("da")) == ("en/", "")


def test_no_current_language_yet_means_the_default(project):
    state = start_build(fake_config(project, fake_i18n(current=None)))
    assert state.language == "da"


def test_page_locale_and_fallback(project):
    state = start_build(fake_config(project, fake_i18n(current="en")))
    assert state.page_locale(page("temaer/rusmidler.en.md", "en")) == "en"
    assert state.page_locale(page("temaer/rusmidler.md")) == "da"
    assert state.is_fallback(page("temaer/rusmidler.md", "da")) is True
    assert state.is_fallback(page("temaer/rusmidler.en.md", "en")) is False


def test_remember_page_sets_the_due_date_and_record_finds_it(state, monkeypatch):
    source = "---\ntitle: x\ndescription: y\naudiences: [fagpersoner, unge]\nreviewed: 2026-01-31\n---\n"
    record = state.remember_page(PageRecord("docs/temaer/x.md", split(source, "docs/temaer/x.md")), "temaer/x.md")
    assert record.due == dt.date(2026, 7, 31)  # unge: 6 months, the shortest
    assert state.record(page("temaer/x.md")) is record
    assert state.record(page("temaer/y.md")) is None
    assert record.meta["title"] == "x"
    monkeypatch.setenv("UNGVEJEN_TODAY", "2026-07-31")
    assert record.overdue is False
    monkeypatch.setenv("UNGVEJEN_TODAY", "2026-08-01")
    assert record.overdue is True


def test_a_page_without_a_review_date_is_never_overdue(state, monkeypatch):
    record = state.remember_page(PageRecord("docs/x.md", split("# X\n", "docs/x.md")), "x.md")
    monkeypatch.setenv("UNGVEJEN_TODAY", "2100-01-01")
    assert (record.due, record.overdue) == (None, False)


def test_a_new_build_trusts_no_script_yet(state):
    """The CSP's trusted scripts come from the templates (hooks/security_headers.py on_env)."""
    assert state.template_scripts == set() and state.script_hashes == set() and state.scanned_files == set()


def test_translator_and_render(state):
    assert state.translator()("contact.call") == "Ring"
    assert state.translator("en")("contact.call") == "Call"
    html = state.render("contacts.html", strings="en", contacts=[], root="")
    assert html.strip() == '<p class="ung-empty">There are no contacts for this topic yet.</p>'
    assert "Der er ingen kontakter" in state.render("contacts.html", contacts=[], root="")


def test_each_warning_is_given_once_per_build(state, caplog):
    problem = Problem("docs/x.md", 3, 1, "Noget er galt.", "Ret det.")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.ungvejen"):
        state.warn(problem)
        state.warn(Problem("docs/x.md", 3, 1, "Noget er galt.", "Ret det."))
        state.warn("En anden advarsel.")
    assert [record.getMessage() for record in caplog.records] == [
        "docs/x.md:3:1: Noget er galt. Sådan retter du: Ret det.", "En anden advarsel."]


def test_a_buildstate_can_be_made_directly(project):
    from _ungvejen.data import SiteData
    from _ungvejen.settings import Settings

    state = BuildState(fake_config(project, fake_i18n()), project, Settings("/", {}), SiteData())
    assert state.data.contacts == {} and state.settings.exit_url == "/"


def test_parents_languages_start_at_their_own_front_page(project):
    """Issue 18: a parents' language starts at /ar/; Danish and English at their parents' page."""
    from .stand_ins import tiny_settings_block
    block = {**tiny_settings_block(), "parent_languages": {"languages": ["ar"], "parents_page": "til-foraeldre.md"}}
    i18n = fake_i18n(languages=(("da", True), ("en", True), ("ar", True)))
    for language in i18n.config.languages:
        language.name = {"da": "Dansk", "en": "English", "ar": "العربية"}[language.locale]
    state = start_build(fake_config(project, i18n, extra={"generator": False, "ungvejen": block}))
    assert state.is_parent_language("ar") and not state.is_parent_language("en")
    assert state.parents_start_url("ar") == "ar/"
    assert state.parents_start_url("en") == "en/til-foraeldre/"
    assert state.parents_start_url("da") == "til-foraeldre/"
    assert state.language_name("ar") == "العربية"
