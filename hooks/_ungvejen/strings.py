"""UI strings of our own templates: one YAML file per language in hooks/_ungvejen/strings/.

Keys are dotted ("exit.label"). Lookup falls back from the page's language to the site's
default language, then English, then the key itself – as Material's partials/languages do.
"""

from __future__ import annotations

from pathlib import Path

import yaml

STRINGS_FOLDER = Path(__file__).parent / "strings"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})


def text_direction(language: str) -> str:
    """"rtl" for a language written right to left (Arabic), else "ltr"."""
    return "rtl" if language.split("-")[0] in RIGHT_TO_LEFT else "ltr"


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in (tree or {}).items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = str(value)
    return flat


def load_strings(folder: Path = STRINGS_FOLDER) -> dict[str, dict[str, str]]:
    """Every language's strings, by language code (the file name) – read once per build."""
    return {
        path.stem: _flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER))
        for path in sorted(folder.glob("*.yml"))
    }



class Translator:
    """`ung_t("exit.label")` in the given language, with the fallback chain."""

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
