"""UI strings of our own templates: one YAML file per language in hooks/_ungvejen/strings/.

Keys are dotted ("exit.label"). Lookup falls back from the page's language to the site's
default language, then English, then the key itself – as Material's partials/languages do.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .site import current_language, default_language


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in (tree or {}).items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = str(value)
    return flat


@lru_cache(maxsize=4)
def _load(folder: str) -> dict[str, dict[str, str]]:
    return {
        path.stem: _flatten(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(Path(folder).glob("*.yml"))
    }


def load_strings(root: Path | None = None) -> dict[str, dict[str, str]]:
    """Read once per process: like the hooks themselves, edited strings need a restart of
    `mkdocs serve` (they are code-side text, not editors' content)."""
    return _load(str(Path(__file__).parent / "strings"))


def translator(config, language: str | None = None) -> "Translator":
    """UI strings in `language` (default: the language being built) for a hook or partial."""
    return Translator(load_strings(), language or current_language(config), default_language(config))


class Translator:
    """`t("exit.label")` in the given language, with the fallback chain."""

    def __init__(self, strings: dict[str, dict[str, str]], language: str, default_language: str = "da"):
        chain = [language, default_language, "en"]
        self.language = language
        self._tables = [strings[code] for code in dict.fromkeys(chain) if code in strings]

    def __call__(self, key: str, **values) -> str:
        for table in self._tables:
            if key in table:
                text = table[key]
                return text.format(**values) if values else text
        return key
