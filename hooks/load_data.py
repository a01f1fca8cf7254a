"""Hook: start the build – validate our settings and the editors' data, create the build state.

The first hook of every build and of every `mkdocs serve` rebuild (mkdocs.yml lists it
first). `extra.ungvejen` in mkdocs.yml is checked against data/schema/settings.schema.json
and data/*.yml against their schemas; every problem names file, line, field and fix, and
stops the build (a `PluginError`: no traceback). The result is one `BuildState` that every
later hook reads; mkdocs-static-i18n's other-language builds reuse it.

Before MkDocs reads any page (on_files), every Markdown file is checked to be UTF-8: MkDocs
would otherwise stop with a Python traceback at the first one that is not.
"""

from pathlib import Path

from _ungvejen.build import start_build
from _ungvejen.paths import source_path
from _ungvejen.problems import Problem, ProblemReport
from _ungvejen.schema_errors import load_validator

SETTINGS_SCHEMA = "data/schema/settings.schema.json"


def on_config(config):
    plugin = config.plugins.get("i18n")
    if not (plugin and plugin.building):  # the other languages' builds share the state
        root = Path(config.config_file_path).resolve().parent
        _, problems = load_validator(root / SETTINGS_SCHEMA, SETTINGS_SCHEMA, "mkdocs.yml (extra → ungvejen)")
        if problems:
            raise ProblemReport(problems, "Fejl i skemaerne i data/schema/")
        start_build(config)
    return config


def on_files(files, config):
    problems = [problem for file in files.documentation_pages() if (problem := _not_utf8(file)) is not None]
    if problems:
        raise ProblemReport(problems, "Sider, der ikke kan læses – ret dem, så bygger siden igen")
    return files


def _not_utf8(file) -> Problem | None:
    """The page's first byte that is not UTF-8, as a problem with its line and column."""
    if not file.abs_src_path:
        return None  # made by a plugin: nothing on disk to check
    try:
        content = Path(file.abs_src_path).read_bytes()
    except OSError as error:
        return Problem(source_path(file.src_uri), 1, 0, f"Filen kan ikke læses ({error.strerror}).",
                       "Tjek at filen findes og må læses, eller slet den.")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        before = content[:error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return Problem(source_path(file.src_uri), line, column,
                       f"Filen er ikke gemt som UTF-8 (byte 0x{content[error.start]:02X} kan ikke læses).",
                       "Gem filen som UTF-8 i din editor (i VS Code: klik på kodningen nederst til højre, "
                       "'Save with Encoding', UTF-8), og tjek æ, ø og å på linjen.")
    return None
