"""The daily backup happens in the background after the window opens, not before."""

from briefbook.store.backup import list_backups
from briefbook.store.db import open_library


def test_window_makes_the_daily_backup_once(make_window, library_path):
    open_library(library_path).close()
    window = make_window(library_path)
    assert window is not None
    first = list_backups(library_path)
    assert len(first) == 1 and "daily" in first[0].name
    window.close()
    window.ctx.lib.close()
    again = make_window(library_path)
    assert again is not None
    assert list_backups(library_path) == first
