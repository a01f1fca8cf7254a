"""Hook: start the build – validate our settings and the editors' data, create the build state.

The first hook of every build and of every `mkdocs serve` rebuild (mkdocs.yml lists it
first). `extra.ungvejen` in mkdocs.yml is checked against data/schema/settings.schema.json
and data/*.yml against their schemas; every problem names file, line, field and fix, and
stops the build (a `PluginError`: no traceback). The result is one `BuildState` that every
later hook reads; mkdocs-static-i18n's other-language builds reuse it.
"""

from _ungvejen.build import start_build


def on_config(config):
    plugin = config.plugins.get("i18n")
    if not (plugin and plugin.building):  # the other languages' builds share the state
        start_build(config)
    return config
