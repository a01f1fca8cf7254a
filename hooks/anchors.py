"""Hook: heading anchors written the Danish way – æ→ae, ø→oe, å→aa – like our page slugs.

Python-Markdown's default slugify drops æ, ø and å ("forældre" → "forldre"), which makes
anchors hard to read and to type. Set here because mkdocs.yml cannot import from hooks/.
"""

from _ungvejen.slugs import danish_slug


def on_config(config):
    config.mdx_configs.setdefault("toc", {})["slugify"] = lambda text, separator: danish_slug(text, separator)
    return config
