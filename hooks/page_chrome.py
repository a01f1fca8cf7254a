"""Hook: what every page carries around its content – skip links, quick exit, help bar, search.

Rendered from overrides/partials/ung/ through the build state's one autoescaping renderer,
and handed to Material's templates as finished HTML in `ung` (overrides/main.html places
it). The help bar lists the contacts marked `helpbar: true` in data/contacts.yml, most
urgent first; the quick exit goes to `extra.ungvejen.exit_url`. Danish and English pages
link to the parents' start page in each parents' language (issue 18). For Material's own
overridden partials (the footer, 404.html) the Jinja environment gets `ung_t` (our UI
strings in the language being built) and `ung_lang_prefix` ("" or "en/").

Material's templates are compiled once and kept in a bytecode cache (templates.py), not
again in every build and for every language. The environment also gets a `material/` prefix for Material's original templates, so an
override can add to a Material partial (`{% include "material/partials/alternate.html" %}`)
instead of copying it.
"""

import re
from pathlib import Path

import jinja2
import material
from markupsafe import Markup

from _ungvejen.build import build_state
from _ungvejen.strings import text_direction
from _ungvejen.language_links import mark_link_languages
from _ungvejen.paths import site_root
from _ungvejen.templates import bytecode_cache
from _ungvejen.views import help_links, search_box

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def on_env(env, config, files):
    state = build_state(config)
    env.globals["ung_material_bundle"] = material_bundle()
    env.globals["ung_t"] = state.translator()
    env.globals["ung_lang_prefix"] = state.language_prefix()
    env.globals["ung_parent_language"] = state.is_parent_language()
    env.filters["ung_language_links"] = mark_link_languages
    env.bytecode_cache = bytecode_cache()
    env.loader = jinja2.ChoiceLoader([
        env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(str(MATERIAL_TEMPLATES))}),
    ])
    return env


def material_bundle() -> str | None:
    """Material's script as its base.html names it (the name changes with every release), for
    overrides/main.html to start it on the reader's first action (start-material.js). None if
    Material's base.html no longer names it so: the page then loads it as Material does."""
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    found = re.search(r"<script src=\"\{\{ '(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)' \| url \}\}\"></script>", base)
    return found.group(1) if found else None


def on_page_context(context, page, config, nav):
    context["ung"] = _chrome(build_state(config), site_root(page.url))
    return context


def on_template_context(context, template_name, config):
    # The 404 page is served at any depth, so it links from the site root.
    if template_name == "404.html":
        context["ung"] = _chrome(build_state(config), "/")
    return context


def _chrome(state, root: str) -> dict:
    language = state.language
    language_root = root + state.language_prefix(language)
    exit_url = state.settings.exit_url
    return {
        "skip_links": Markup(state.render("skip-links.html", ung_exit_url=exit_url)),
        "exit": Markup(state.render("exit.html", ung_exit_url=exit_url)),
        "helpbar": Markup(state.render("helpbar.html", help=help_links(state.data, language, language_root))),
        "read_aloud": Markup(state.render("read-aloud.html")),
        "search": Markup(state.render("search.html", ung_exit_url=exit_url,
                                      search=search_box(state.data, language, root, language_root))),
        "parent_languages": _parent_languages(state, root),
    }


def _parent_languages(state, root: str) -> Markup:
    """"Information til forældre på andre sprog" on Danish and English pages (issue 18)."""
    if state.is_parent_language() or not state.settings.parent_languages:
        return Markup("")
    languages = [{"lang": other, "name": state.language_name(other), "dir": text_direction(other),
                  "href": root + state.parents_start_url(other)} for other in state.settings.parent_languages]
    return Markup(state.render("parent-languages.html", languages=languages))
