"""Where we are in the build: project paths, settings from mkdocs.yml, the language being built.

mkdocs-static-i18n builds the whole site once per language (the default language first,
the others inside its own on_post_build), so every hook runs once per language.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def settings(config: MkDocsConfig) -> dict:
    """The `extra.ungvejen` block of mkdocs.yml."""
    return config.extra.get("ungvejen", {}) or {}


def i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def default_language(config: MkDocsConfig) -> str:
    plugin = i18n(config)
    return plugin.default_language if plugin else config.theme.get("language", "da")


def current_language(config: MkDocsConfig) -> str:
    plugin = i18n(config)
    if plugin and plugin.current_language:
        return plugin.current_language
    return default_language(config)


def is_first_language_build(config: MkDocsConfig) -> bool:
    """True for the default-language build, which starts every `build` and `serve` rebuild."""
    plugin = i18n(config)
    return not plugin or not plugin.building


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds another language inside its on_post_build."""
    plugin = i18n(config)
    return bool(plugin and plugin.building)


def language_prefix(config: MkDocsConfig, language: str | None = None) -> str:
    """Where a language's pages live below the site root: "" for the default, "en/" for English."""
    language = language or current_language(config)
    return "" if language == default_language(config) else f"{language}/"


def page_locale(page, config: MkDocsConfig) -> str:
    """The language a page's text is written in (a fallback page is in the default language)."""
    return getattr(page.file, "locale", None) or default_language(config)


def source_path(page) -> str:
    """The page's Markdown file as an editor finds it: docs/temaer/x.md."""
    return f"docs/{page.file.src_uri}"
