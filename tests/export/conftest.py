"""Shared exports of the demo book, built once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from briefbook.export import export_book
from tests.export.sample_book import demo_book

EPOCH = "1763769600"  # 2025-11-22, fixed for reproducible output


def need(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        pytest.skip(f"{tool} is not installed (Debian: poppler-utils / libreoffice-writer-nogui)")
    return path


def pdftotext(path: Path, layout: bool = False) -> str:
    need("pdftotext")
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    """{(locale, fmt): path} for the demo book in zh-Hans, en and de (de with DRAFT)."""
    out = tmp_path_factory.mktemp("exports")
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        paths = {}
        for loc in ("zh-Hans", "en", "de"):
            for fmt in ("pdf", "docx"):
                p = out / f"demo-{loc}.{fmt}"
                export_book(demo_book(loc, draft=(loc == "de")), p, fmt=fmt)
                paths[(loc, fmt)] = p
        yield paths
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
