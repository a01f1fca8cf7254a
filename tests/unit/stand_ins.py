"""Small stand-ins for what the hooks get from MkDocs (config, theme, the i18n plugin), and the
tiny fixture project (tests/fixtures/tiny) copied into a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
import yaml

REPO = Path(__file__).resolve().parents[2]
TINY = REPO / "tests" / "fixtures" / "tiny"
OVERRIDES = REPO / "overrides"
SCHEMAS = REPO / "data" / "schema"


class FakeTheme(dict):
    """`config.theme`: `.get("language")` and a Jinja environment whose loader finds our partials."""

    def get_env(self):
        return SimpleNamespace(loader=jinja2.FileSystemLoader(str(OVERRIDES)))


class FakeConfig(dict):
    """A MkDocs config as the hooks use it: attributes and `config[KEY] = ...` alike."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as missing:
            raise AttributeError(name) from missing


def fake_i18n(current="da", default="da", building=False, languages=(("da", True), ("en", True))):
    return SimpleNamespace(
        current_language=current, default_language=default, building=building,
        config=SimpleNamespace(languages=[SimpleNamespace(locale=code, build=build) for code, build in languages]),
    )


def tiny_settings_block() -> dict:
    return yaml.safe_load((TINY / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]["ungvejen"]


def make_project(root: Path) -> Path:
    """The tiny fixture project's data files, the real schemas, the pages the data points to."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    for source in (TINY / "data").glob("*.yml"):
        shutil.copy(source, root / "data" / source.name)
    shutil.copytree(SCHEMAS, root / "data" / "schema", dirs_exist_ok=True)
    (root / "docs" / "temaer").mkdir(parents=True, exist_ok=True)
    shutil.copy(TINY / "docs" / "temaer" / "rusmidler.md", root / "docs" / "temaer" / "rusmidler.md")
    shutil.copy(TINY / "mkdocs.yml", root / "mkdocs.yml")
    return root


def fake_config(root: Path, i18n=None, theme_language="da", extra=None) -> FakeConfig:
    plugins = {"i18n": i18n} if i18n is not None else {}
    return FakeConfig(
        plugins=plugins,
        theme=FakeTheme(language=theme_language),
        config_file_path=str(root / "mkdocs.yml"),
        site_dir=str(root / "site"),
        extra={"generator": False, "ungvejen": tiny_settings_block()} if extra is None else extra,
    )
