"""GUI tests: offscreen, one QApplication per session, a fresh library per test,
jobs run synchronously, dialogs that would block replaced by scripted answers."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from briefbook.core.facts import Fact  # noqa: E402
from briefbook.paths import seeds_dir  # noqa: E402

SEEDS = seeds_dir()


class ScriptedPrompts:
    def __init__(self, confirm: bool = True):
        self.errors: list[tuple[str, str]] = []
        self.questions: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.answer = confirm

    def error(self, title, text):
        self.errors.append((title, text))

    def confirm(self, title, text):
        self.questions.append((title, text))
        return self.answer

    def info(self, title, text):
        self.infos.append((title, text))


@pytest.fixture(scope="session", autouse=True)
def _gui_session(qapp):
    from briefbook.gui.runtime import i18n
    from briefbook.gui.runtime.fonts import apply_app_font, register_fonts

    i18n.install("en")
    apply_app_font(qapp, register_fonts())
    yield


@pytest.fixture
def settings(tmp_path):
    from briefbook.gui.runtime.settings import EXTRACT_AFTER_IMPORT, WELCOME_SHOWN, Settings

    s = Settings(str(tmp_path / "settings.ini"))
    s.set(EXTRACT_AFTER_IMPORT, False)  # tests create facts themselves; extraction has its own test
    s.set(WELCOME_SHOWN, True)
    return s


@pytest.fixture
def library_path(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BRIEFBOOK_LIBRARY", str(tmp_path / "default.briefbook"))
    return tmp_path / "test.briefbook"


@pytest.fixture
def make_window(qtbot, settings):
    """Opens a main window on a library path; closes windows and libraries afterwards."""
    from briefbook.gui.app import build_window
    from briefbook.gui.runtime.tasks import SyncExecutor

    windows = []

    def make(path, prompts=None, first_run_demo=False):
        prompts = prompts or ScriptedPrompts()
        window = build_window(str(path) if path else None, first_run_demo, settings, SyncExecutor(),
                              prompts=prompts, show_dialogs=False)
        if window is not None:
            qtbot.addWidget(window)
            window.show()
            windows.append(window)
        return window

    yield make
    for w in windows:
        close(w)


def close(window) -> None:
    if window.ctx.lib.raw.conn is not None:
        window.close()
        window.ctx.lib.close()


def add_facts(lib, article_id: int) -> list[int]:
    """Deterministic facts for an article (independent of the extractor)."""
    from briefbook.store.facts import save_extracted

    text = lib.scalar("SELECT text FROM articles WHERE id = ?", (article_id,))
    facts = []
    for name, kind, conf in (("高燕", "person", 0.9), ("刘家义", "person", 0.8), ("李干杰", "person", 0.7),
                             ("日本贸易振兴机构", "organization", 0.6)):
        start = text.find(name)
        if start >= 0:
            facts.append(Fact(kind=kind, start=start, end=start + len(name), text=name,
                              value={"name": name}, confidence=conf))
    lib.conn.execute("DELETE FROM facts WHERE article_id = ?", (article_id,))
    save_extracted(lib, article_id, facts, "test")
    return [r[0] for r in lib.query("SELECT id FROM facts WHERE article_id = ? ORDER BY start", (article_id,))]
