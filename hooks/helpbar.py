"""Hook: the help bar and the quick exit on every page.

The help bar lists the contacts marked `helpbar: true` in data/contacts.yml, most urgent
first, rendered from partials/ung/helpbar.html (autoescaped). The quick exit goes to
`extra.ungvejen.exit_url` (DMI's forecast by default).
"""

from markupsafe import Markup

from _ungvejen.data import load_site_data
from _ungvejen.render_blocks import site_root
from _ungvejen.site import current_language, default_language, project_root, settings
from _ungvejen.strings import Translator, load_strings
from _ungvejen.templates import render
from _ungvejen.views import contact_view

DEFAULT_EXIT_URL = "https://www.dmi.dk/"
HELP_PAGE = "faa-hjaelp-nu/"


def on_env(env, config, files):
    env.globals["ung_exit_url"] = settings(config).get("exit_url") or DEFAULT_EXIT_URL
    return env


def on_page_context(context, page, config, nav):
    language, default = current_language(config), default_language(config)
    contacts = [contact_view(contact, language) for contact in load_site_data(project_root(config)).helpbar_contacts()]
    language_prefix = "" if language == default else f"{language}/"
    context["ung_helpbar_html"] = Markup(render(
        config, "helpbar.html", contacts=contacts,
        t=Translator(load_strings(project_root(config)), language, default),
        help_href=site_root(page) + language_prefix + HELP_PAGE,
    ))
    return context
