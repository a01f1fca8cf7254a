"""Hook: the help bar and the quick exit on every page.

The help bar lists the contacts marked `helpbar: true` in data/contacts.yml, most urgent
first, rendered from partials/ung/helpbar.html (autoescaped). The quick exit goes to
`extra.ungvejen.exit_url` (DMI's forecast by default).
"""

from markupsafe import Markup

from _ungvejen.data import load_site_data
from _ungvejen.render_blocks import site_root
from _ungvejen.site import current_language, language_prefix, project_root, settings
from _ungvejen.strings import translator
from _ungvejen.templates import render
from _ungvejen.views import help_links

DEFAULT_EXIT_URL = "https://www.dmi.dk/"


def on_env(env, config, files):
    env.globals["ung_exit_url"] = settings(config).get("exit_url") or DEFAULT_EXIT_URL
    return env


def on_page_context(context, page, config, nav):
    links = help_links(load_site_data(project_root(config)), current_language(config),
                       site_root(page) + language_prefix(config))
    context["ung_helpbar_html"] = Markup(render(config, "helpbar.html", t=translator(config), **links))
    return context
