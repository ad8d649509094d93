"""THIRD-PARTY-NOTICES.md names every shipped data file, font and bundled package."""

from __future__ import annotations

import importlib.metadata as metadata
import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from briefbook.paths import notices_path, resource

ROOT = Path(__file__).resolve().parents[1]
# Required by a dependency's metadata but never imported at run time, so not bundled.
NOT_BUNDLED = {"pip", "setuptools", "briefbook"}


def _notices() -> str:
    return notices_path().read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["dict", "fonts", "models"])
def test_every_file_in_resources_is_named(folder):
    text = _notices()
    files = [p for p in resource(folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert files
    missing = [str(p.relative_to(resource())) for p in files if f"`{p.name}`" not in text
               and f"`{p.relative_to(resource(folder)).as_posix()}`" not in text]
    assert not missing, f"add these to THIRD-PARTY-NOTICES.md with source and licence: {missing}"


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_distributions() -> set[str]:
    """Briefbook's installed dependencies, transitively (what the build bundles)."""
    seen: set[str] = set()
    todo = ["briefbook"]
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        seen.add(_key(name))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen - NOT_BUNDLED


def test_every_bundled_package_is_named():
    listed = {_key(n) for n in re.findall(r"[A-Za-z][\w.-]+", _notices())}
    missing = sorted(d for d in _runtime_distributions() if d not in listed)
    assert not missing, f"add these packages with their licence to THIRD-PARTY-NOTICES.md: {missing}"


def test_the_build_ships_the_notices():
    spec = (ROOT / "packaging" / "briefbook.spec").read_text(encoding="utf-8")
    assert "THIRD-PARTY-NOTICES.md" in spec
