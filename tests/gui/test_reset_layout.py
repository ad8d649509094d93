"""Panes keep a usable size, the facts list gives its room to the text, and
View > Reset layout brings back the first-start layout (and saves it)."""

from __future__ import annotations

from briefbook.gui.models import fact_model
from briefbook.gui.runtime import settings as S


def test_panes_have_minimum_sizes_and_reset_layout(make_window, library_path, settings):
    window = make_window(library_path)
    window.resize(1440, 860)
    window.splitter.setSizes([1200, 40, 200])  # the reader dragged nearly shut
    assert window.reader.width() >= window.reader.minimumWidth() >= 320
    window.splitter.setSizes([500, 520, 420])
    table = window.facts.table
    conf = table.columnWidth(fact_model.CONFIDENCE)
    assert conf < 0.2 * window.facts.width() and table.columnWidth(fact_model.TEXT) > conf
    window.reset_layout_action.trigger()
    assert window.splitter.sizes() != [1200, 40, 200]
    assert abs(window.reader.width() - 520) < 200
    assert bytes(settings.get(S.LIBRARY_SPLITTER)) == bytes(window.splitter.saveState())
    proposals = window.entities.proposals
    assert proposals.minimumHeight() >= 8 * proposals.verticalHeader().defaultSectionSize()
