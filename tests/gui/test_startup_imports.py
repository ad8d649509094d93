"""Opening the main window loads only what the first window shows: the extractor's
pipeline, the figure readers and the exporters (reportlab, python-docx) are
imported when first used, not at every start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

NOT_AT_START = ("briefbook.extract.pipeline", "briefbook.services.knowledge", "briefbook.knowledge.figures",
                "briefbook.export.pdf", "briefbook.export.docx_writer", "reportlab", "docx",
                "briefbook.gui.dialogs.library_actions", "briefbook.gui.dialogs.about")

SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from briefbook.ingest import read_pasted
from briefbook.store.articles import add_article
from briefbook.store.db import open_library

path, settings_path = sys.argv[1], sys.argv[2]
lib = open_library(path)
add_article(lib, read_pasted("Qingdao and Japan\\n\\nThe delegation met JETRO in Tokyo on 3 May 2024."))
lib.close()
before = set(sys.modules)  # the test's own setup imports the ingest side; only the window counts
from briefbook.gui.app import build_window, setup_application
from briefbook.gui.runtime.settings import WELCOME_SHOWN, Settings
settings = Settings(settings_path)
settings.set(WELCOME_SHOWN, True)
app = setup_application(settings)
window = build_window(path, False, settings, show_dialogs=False)
window.show()
for _ in range(50):
    app.processEvents()
    if window.article_id is not None:
        break
print(json.dumps({"modules": sorted(set(sys.modules) - before), "article": window.article_id,
                  "menus": [a.text() for a in window.menuBar().actions()]}))
window.ctx.queries.shutdown()
window.ctx.lib.close()
"""


def test_the_main_window_opens_without_the_extractor_and_exporters(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "desktop"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "lib.briefbook"), str(tmp_path / "s.ini")],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown["article"] is not None  # the first article is open
    assert len(shown["menus"]) >= 3
    loaded = set(shown["modules"])
    assert "briefbook.gui.views.main_window" in loaded
    early = sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert early == []


def test_exporting_needs_no_extractor_pipeline():
    code = ("import sys; import briefbook.services.exporting, briefbook.extract.dictionaries; "
            "print('briefbook.extract.pipeline' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, PYTHONPATH=str(ROOT / "desktop")))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
    from briefbook.extract import EXTRACTOR_VERSION, extract  # the names still there, loaded on use

    assert callable(extract) and EXTRACTOR_VERSION
