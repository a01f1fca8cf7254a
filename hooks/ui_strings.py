"""Hook: make our UI strings available to every template as `ung_t("dotted.key")`.

The strings live in hooks/_ungvejen/strings/<language>.yml; the language is the one being built.
"""

from _ungvejen.site import current_language, language_prefix
from _ungvejen.strings import translator


def on_env(env, config, files):
    env.globals["ung_t"] = translator(config)
    env.globals["ung_lang"] = current_language(config)
    # Links to our own pages from shared partials: "" for Danish, "en/" for English.
    env.globals["ung_lang_prefix"] = language_prefix(config)
    return env
