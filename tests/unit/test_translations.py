"""_ungvejen.translations: the `translation:` front matter of the parents' pages (issue 18)."""

from __future__ import annotations

import datetime as dt

from _ungvejen.translations import Translation, read_translation, src_uri


def test_a_source_reviewed_after_the_translation_counts_as_changed():
    translation = Translation(("docs/om-ssp.md", "docs/privatliv.md"), dt.date(2026, 11, 30))
    changed = translation.changed_sources({"docs/om-ssp.md": dt.date(2026, 12, 5), "docs/privatliv.md": dt.date(2026, 11, 28)})
    assert changed == ["docs/om-ssp.md"]
    reviewed = Translation(("docs/om-ssp.md",), dt.date(2026, 11, 30), "A. Translator", dt.date(2026, 12, 10))
    assert reviewed.changed_sources({"docs/om-ssp.md": dt.date(2026, 12, 5)}) == []
    assert not reviewed.awaiting_review


def test_translation_front_matter_mistakes_are_named():
    _, problems = read_translation({"translation": {"source": "om-ssp.md", "translated": "snart", "reviewed": "ja"}},
                                   "docs/om-ssp.ar.md", 7)
    messages = " ".join(problem.message for problem in problems)
    assert len(problems) == 3 and "source" in messages and "translated" in messages and "reviewed" in messages
    assert all(problem.line == 7 for problem in problems)


def test_a_valid_block_and_its_defaults():
    translation, problems = read_translation(
        {"translation": {"source": "docs/om-ssp.md", "translated": dt.date(2026, 11, 30), "reviewed": False}}, "docs/x.ar.md")
    assert problems == []
    assert translation.sources == ("docs/om-ssp.md",) and translation.awaiting_review
    assert translation.main_source == "docs/om-ssp.md" and src_uri(translation.main_source) == "om-ssp.md"


def test_a_missing_block_is_a_problem():
    translation, problems = read_translation({}, "docs/x.ar.md")
    assert translation is None and "mangler feltet 'translation'" in problems[0].message
