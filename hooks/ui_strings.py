"""Hook: make our UI strings available to every template as `ung_t("dotted.key")`.

The strings live in overrides/strings/<language>.yml; the language is the one being built.
"""

from _ungvejen.site import current_language, default_language, project_root
from _ungvejen.strings import Translator, load_strings


def on_env(env, config, files):
    strings = load_strings(project_root(config))
    env.globals["ung_t"] = Translator(strings, current_language(config), default_language(config))
    env.globals["ung_lang"] = current_language(config)
    # Links to our own pages from shared partials: "" for Danish, "en/" for English.
    is_default = current_language(config) == default_language(config)
    env.globals["ung_lang_prefix"] = "" if is_default else f"{current_language(config)}/"
    return env
