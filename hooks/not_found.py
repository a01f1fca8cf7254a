"""Hook: one 404 page per language: /404.html in Danish and /en/404.html in English.

mkdocs-static-i18n renders the theme's 404.html in every language build to the same
/404.html, so the last language wins. We keep the default language's page at the root
(in the build state) and write each other language's page into its own folder. Its
language switcher leads to the front page in each language.
"""

from pathlib import Path

from _ungvejen.build import build_state


def on_pre_template(template, template_name, config):
    """The 404 page has no translation of its own: its language switcher goes to each front page."""
    if template_name == "404.html":
        default = build_state(config).default_language
        # mkdocs-static-i18n sets extra.alternate per page, by attribute; read it the same way.
        for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []:
            alternate["link"] = "/" if alternate.get("lang") == default else f"/{alternate.get('lang')}/"
    return template


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    state = build_state(config)
    if not state.building_other_language:
        state.default_language_404 = output_content
        return output_content
    target = Path(config.site_dir) / state.language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return state.default_language_404 or output_content
