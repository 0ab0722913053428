"""Shared test fixtures. Bigger fixture sets live in plugin modules listed below."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Fixture modules of the separate parts (sites, search, ...); add one line per module.
pytest_plugins: list[str] = ["fixtures_sites", "fixtures_zoeken"]


@pytest.fixture
def catalogus_kopie(tmp_path: Path) -> Path:
    """A writable copy of the example catalogue (content/ and schemas/) as a catalogue root."""
    root = tmp_path / "catalogus"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "schemas", root / "schemas")
    return root
