"""Fixtures for the unit tests: the tiny project in tmp_path and a BuildState made from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .stand_ins import fake_config, fake_i18n, make_project


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path)


@pytest.fixture
def state(project):
    """A real BuildState for the tiny project, Danish default, building Danish."""
    from _ungvejen.build import start_build

    return start_build(fake_config(project, fake_i18n()))
