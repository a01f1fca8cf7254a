"""Render our partials (overrides/partials/ung/) from hooks, with autoescape on.

The theme's own Jinja environment has autoescape off, and every `get_env()` call makes a
new one, so we build one autoescaping environment per theme loader and reuse it: text
from data/*.yml is then always escaped, a `<script>` in a YAML field shows as text.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig

_environments: dict[int, jinja2.Environment] = {}


def environment(config: MkDocsConfig) -> jinja2.Environment:
    theme = config.theme
    key = id(theme)
    if key not in _environments:
        loader = theme.get_env().loader
        _environments.clear()
        _environments[key] = jinja2.Environment(
            loader=loader, autoescape=True, auto_reload=False,
            trim_blocks=True, lstrip_blocks=True,
        )
    return _environments[key]


def render(config: MkDocsConfig, template: str, **context) -> str:
    return environment(config).get_template(f"partials/ung/{template}").render(**context)
