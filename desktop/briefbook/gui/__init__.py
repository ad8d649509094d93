"""The PySide6 desktop app, the only package that imports Qt.

app.py starts the app and builds (or replaces) the main window; selftest_window.py
is the GUI part of ``briefbook --self-test``.  Below them, from the top down:
views/ (the main window and its panels), dialogs/ (windows over it), models/ (Qt
item models; the outline model pushes commands when something is dropped on it),
commands/ (undoable edits), runtime/ (settings, language, fonts, background jobs,
the shared library connection).  A folder imports only the folders below it
(tests/gui/test_layout.py checks this).
"""
