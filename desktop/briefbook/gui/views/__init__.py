"""The main window and the panels and tabs inside it: library, reader, facts, notes, review queue, entities, books."""
