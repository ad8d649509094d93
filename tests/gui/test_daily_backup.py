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



def test_preferences_show_the_space_backups_take_and_set_their_count(make_window, library_path):
    from briefbook.gui.dialogs.small import PreferencesDialog
    from briefbook.store import backup

    window = make_window(library_path)
    assert window is not None
    count, used = backup.space_used(library_path)
    assert count == 1
    dialog = PreferencesDialog(window.ctx.settings, window, library_path=library_path)
    assert dialog.backups.value() == backup.KEEP
    assert f"1 backup takes {used / 1e6:.1f} MB" in dialog.backup_space.text()  # one: the singular form
    dialog.backups.setValue(3)
    dialog.save()
    assert backup.backup_count(library_path) == 3
    assert PreferencesDialog(window.ctx.settings, window, library_path=library_path).backups.value() == 3
