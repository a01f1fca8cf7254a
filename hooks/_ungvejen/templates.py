"""The one way our partials are rendered: overrides/partials/ung/*.html, autoescaped.

Every partial in overrides/partials/ung/ is rendered here, from a hook, and never included
by Material's templates: Material's own Jinja environment has autoescape off (and
`get_env()` makes a new one on each call), so text from data/*.yml rendered there could
carry markup into the page. Here a `<script>` in a YAML field always shows as text.
Material's templates (overrides/main.html, 404.html, partials/*.html) only place the
finished HTML that hooks put into their context. The UI-string translator is called
`ung_t` in both.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import jinja2

PARTIALS = "partials/ung"
# Compiled templates, keyed by each template's source checksum: an edited template is
# compiled again, an unchanged one (Material's ~80) is not compiled on every build and again
# for every language. Nothing from the site's content is in it.
BYTECODE_CACHE_FOLDER = Path(tempfile.gettempdir()) / "ungvejen-jinja-cache"


def bytecode_cache() -> jinja2.BytecodeCache:
    BYTECODE_CACHE_FOLDER.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(BYTECODE_CACHE_FOLDER))


class _Environment(jinja2.Environment):
    """Our partials get dicts (views.py): `contact.name` is looked up as a key first.

    Jinja tries the attribute first, and a dict has no attribute `name`: an exception for
    every field shown (the contact page with 5,000 contacts shows about 200,000). A key of the
    dict now wins over a dict method of the same name (`part.items` is the field)."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


class Renderer:
    def __init__(self, loader: jinja2.BaseLoader):
        self.environment = _Environment(
            loader=loader, autoescape=True, auto_reload=False,
            trim_blocks=True, lstrip_blocks=True, bytecode_cache=bytecode_cache(),
        )

    def render(self, template: str, **context) -> str:
        return self.environment.get_template(f"{PARTIALS}/{template}").render(**context)
