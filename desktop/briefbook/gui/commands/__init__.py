"""Undoable edits (QUndoCommands): each calls a store function and keeps the record the store returns to undo it."""
