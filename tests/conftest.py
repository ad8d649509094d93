"""Shared fixtures: a fresh library per test, and the repo's seed articles."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Qt tests need no display; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The CLI logs library warnings to the user data folder; tests keep theirs apart.
# Parsed font tables are cached in a folder of the test run, not the user's cache.
os.environ.setdefault("BRIEFBOOK_CACHE", os.path.join(tempfile.gettempdir(), "briefbook-tests-cache"))
os.environ.setdefault("BRIEFBOOK_LOG_FILE", os.path.join(tempfile.gettempdir(), f"briefbook-tests-{os.getpid()}.log"))

import pytest

from briefbook.paths import seeds_dir
from briefbook.store.db import open_library


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "test.briefbook")
    yield lib
    lib.close()


@pytest.fixture
def seeds() -> Path:
    return seeds_dir()


@pytest.fixture
def seed_library(library, seeds):
    from briefbook.services.importing import import_paths

    report = import_paths(library, [seeds])
    assert len(report.imported) == 5, report.summary()
    return library


def seed_id(lib, prefix: str) -> int:
    """Library id of the seed file whose name starts with ``prefix`` (e.g. '002')."""
    row = lib.conn.execute("SELECT id FROM articles WHERE path LIKE ?", (f"%/{prefix}_%",)).fetchone()
    assert row is not None, prefix
    return row[0]
