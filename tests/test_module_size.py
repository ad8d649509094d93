"""No module of the package grows past 600 lines: a module that size is where a newcomer
stops reading (issue of the house rules; split by subject instead)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "briefbook"
LIMIT = 600


def test_no_module_over_the_limit():
    too_long = {}
    for path in PACKAGE.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > LIMIT:
            too_long[path.relative_to(PACKAGE).as_posix()] = lines
    assert too_long == {}
