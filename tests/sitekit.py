"""Build sites for tests: the real site, or a tiny fixture site that uses our real hooks.

Everything is built into temporary folders, never into site/ or docs/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
# The second engine CI builds with: ProperDocs, the maintained continuation of MkDocs 1.x.
ENGINES = {"mkdocs": MKDOCS, "properdocs": [sys.executable, "-m", "properdocs"]}


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_build(project: Path, site: Path, strict: bool = True, env: dict | None = None,
              engine: str = "mkdocs") -> BuildResult:
    command = ENGINES[engine] + ["build", "--site-dir", str(site), "--config-file", str(project / "mkdocs.yml")]
    command.append("--strict" if strict else "--no-strict")
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    completed = subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment, timeout=600)
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


def make_project(tmp: Path, pages: dict[str, str] | None = None, data: dict[str, str] | None = None,
                 config: dict | None = None, copy_docs: bool = False) -> Path:
    """A project in `tmp` with our hooks, templates and schemas.

    `pages` and `data` are file contents by relative path (docs/… and data/…); by default
    the tiny fixture site in tests/fixtures/tiny is used. `config` is merged into mkdocs.yml.
    """
    project = tmp / "project"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    if copy_docs:
        shutil.copytree(ROOT / "docs", project / "docs")
        for name in ("themes", "tags", "contacts", "materials", "events", "glossary"):
            shutil.copy(ROOT / "data" / f"{name}.yml", project / "data" / f"{name}.yml")
        base = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    else:
        shutil.copytree(FIXTURES / "tiny" / "docs", project / "docs")
        for path in (FIXTURES / "tiny" / "data").glob("*.yml"):
            shutil.copy(path, project / "data" / path.name)
        base = yaml.load((FIXTURES / "tiny" / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
        real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
        for key in ("hooks", "extra_css", "extra_javascript"):
            base[key] = real[key]
        shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    for relative, text in {**(pages or {}), **(data or {})}.items():
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    _merge(base, config or {})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(base, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default value."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                           if isinstance(node, yaml.SequenceNode) else None)
