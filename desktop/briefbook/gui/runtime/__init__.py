"""What the rest of the GUI stands on: settings, UI language, fonts, background jobs, the serialised library and its read-only queries, the shared context, opening a library."""
