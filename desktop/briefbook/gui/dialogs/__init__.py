"""Windows that open over the main window: import report, preferences, welcome, the fact editor, export, and the File menu's library dialogs."""
