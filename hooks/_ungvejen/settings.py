"""Our settings in mkdocs.yml (`extra.ungvejen`), checked against a JSON Schema, as typed values.

A typo in mkdocs.yml must not silently change the site (a misspelt `review_every` used to
become 12 months without a word): the block is validated against
data/schema/settings.schema.json before anything is built, and each mistake is a Danish
problem with `mkdocs.yml:line`, the field and the fix. Hooks then read `Settings`, never the
raw dictionary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


from .frontmatter import months_between_reviews
from .problems import Problem, ProblemReport
from .schema_errors import as_json, schema_problems, validator_for
from .yamlsource import Positions, positions_only

SCHEMA_FILE = "data/schema/settings.schema.json"
SETTINGS_PATH = ("extra", "ungvejen")
DEFAULT_EXIT_URL = "https://www.dmi.dk/"


@dataclass(frozen=True)
class AudienceSettings:
    review_every_months: int
    lix_max: int | None = None
    requires_translation: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    exit_url: str
    audiences: dict[str, AudienceSettings]
    overdue_is_error: bool = False
    parent_languages: tuple[str, ...] = ()   # languages with only the parents' pages
    parents_page: str = "til-foraeldre.md"   # where da and en start for parents
    contacts_per_list: int = 15              # ung:kontakter shows at most this many, unless antal=alle

    def review_months(self, audience: str) -> int | None:
        known = self.audiences.get(audience)
        return known.review_every_months if known else None

    def audiences_requiring(self, language: str) -> set[str]:
        return {name for name, audience in self.audiences.items() if language in audience.requires_translation}


def read_settings(raw, config_file: Path, root: Path) -> Settings:
    """`raw` is `config.extra["ungvejen"]` as MkDocs read it (with `!ENV` resolved); the
    problems name lines in `config_file`. Raises ProblemReport (a PluginError: no traceback)."""
    file = _display_name(config_file, root)
    schema = json.loads((root / SCHEMA_FILE).read_text(encoding="utf-8"))
    validator = validator_for(schema)
    positions = _settings_positions(config_file, file)
    if not isinstance(raw, dict):
        line, column = positions.of(())
        raise ProblemReport([Problem(file, line, column, "Blokken extra → ungvejen mangler eller er ikke felter.",
                                     "Skriv  ungvejen:  under  extra:  med felterne exit_url og audiences (se README).")],
                            "Fejl i indstillingerne i mkdocs.yml")
    problems = schema_problems(validator, as_json(raw), file, positions)
    if problems:
        raise ProblemReport(problems, "Fejl i indstillingerne i mkdocs.yml (extra → ungvejen)")
    return Settings(
        exit_url=raw["exit_url"] or DEFAULT_EXIT_URL,
        audiences={name: AudienceSettings(review_every_months=months_between_reviews(spec["review_every"]),
                                          lix_max=spec.get("lix_max"),
                                          requires_translation=tuple(spec.get("requires_translation") or ()))
                   for name, spec in raw["audiences"].items()},
        overdue_is_error=bool(raw.get("overdue_is_error", False)),
        contacts_per_list=raw.get("contacts_per_list", Settings.contacts_per_list),
        parent_languages=tuple((raw.get("parent_languages") or {}).get("languages") or ()),
        parents_page=(raw.get("parent_languages") or {}).get("parents_page") or "til-foraeldre.md",
    )


class _Shifted(Positions):
    """Positions inside `extra.ungvejen`, answered from the positions of the whole file."""

    def __init__(self, whole: Positions):
        super().__init__(whole.lines)

    def of(self, path) -> tuple[int, int]:
        return super().of(SETTINGS_PATH + tuple(path))


def _settings_positions(config_file: Path, file: str) -> Positions:
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Positions()
    return _Shifted(positions_only(text, file))


def _display_name(config_file: Path, root: Path) -> str:
    try:
        return config_file.resolve().relative_to(root).as_posix()
    except ValueError:
        return config_file.name
