"""The paged table base on its own: a fake 'library' of numbered rows, read through
the same page/count hooks the library and fact tables use."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt

from briefbook.gui.models.paged_table import Column, IdRole, PagedTableModel, SortKeyRole
from briefbook.gui.runtime.queries import ManualQueries, SyncQueries


class Numbers:
    """Rows 1..n; ``slow`` makes every read exceed the page budget (as an interrupted query)."""

    def __init__(self, n: int):
        self.data = [{"id": i, "name": f"n{i}", "size": i * 10} for i in range(1, n + 1)]
        self.reads = 0
        self.slow = False

    @contextmanager
    def time_limit(self, seconds):
        if self.slow:
            import sqlite3
            raise sqlite3.OperationalError("interrupted")
        yield


COLUMNS = (
    Column("Name", lambda row: row["name"], roles={Qt.ItemDataRole.ToolTipRole: lambda row: f"tip {row['id']}"}),
    Column("Size", lambda row: str(row["size"]), align=Qt.AlignmentFlag.AlignRight,
           sort_key=lambda row: row["size"]),
)


class NumberModel(PagedTableModel):
    page_size = 3

    def columns(self):
        return COLUMNS

    def page_reader(self, flt, limit, last, offset):
        def read(lib):
            lib.reads += 1
            return [dict(r) for r in lib.data if r["id"] > (last["id"] if last else 0)][:limit]
        return read

    def counter(self, flt):
        return lambda lib: len(lib.data)


def test_pages_are_fetched_until_the_end_and_the_total_is_counted(qapp):
    lib = Numbers(8)
    model = NumberModel(lib, object(), queries=SyncQueries(lib))
    model.reload()
    assert model.rowCount() == 3 and model.canFetchMore()
    assert model.total == 8 and model.total_known  # counted at once by the synchronous query runner
    model.fetchMore()
    model.fetchMore()
    assert [r["id"] for r in model.rows] == list(range(1, 9)) and not model.canFetchMore()
    assert model.row_of(7) == 6 and model.row_id(6) == 7 and model.row_of(99) is None
    model.refresh()  # keeps what was loaded
    assert model.rowCount() == 8 and model.row_of(8) == 7


def test_the_total_waits_for_the_count_unless_a_short_page_says_it(qapp):
    lib = Numbers(5)
    queries = ManualQueries(lib)
    model = NumberModel(lib, object(), queries=queries)
    model.reload()
    assert model.rowCount() == 3 and not model.total_known and model.total == 3
    queries.run_all()
    assert model.total_known and model.total == 5
    small = NumberModel(Numbers(2), object(), queries=ManualQueries(None))
    small.reload()
    assert small.total_known and small.total == 2 and not small.canFetchMore()


def test_a_slow_page_is_read_in_the_background(qapp):
    lib = Numbers(5)
    lib.slow = True
    queries = ManualQueries(lib)
    model = NumberModel(lib, object(), queries=queries)
    model.page_budget = 0.01
    model.reload()
    assert model.loading and model.rowCount() == 0
    queries.run_all()  # the page, then the count it asked for
    assert not model.loading and model.rowCount() == 3 and model.total_known and model.total == 5
    model.fetchMore()
    assert not model.canFetchMore()  # a page is on its way: no second request
    queries.run_all()
    assert model.rowCount() == 5 and model.row_of(5) == 4


def test_columns_give_text_alignment_sort_key_and_roles(qapp):
    lib = Numbers(4)
    model = NumberModel(lib, object(), queries=SyncQueries(lib))
    model.reload()
    name, size = model.index(1, 0), model.index(1, 1)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Size"
    assert (model.data(name), model.data(size)) == ("n2", "20")
    assert model.data(size, SortKeyRole) == 20 and model.data(name, SortKeyRole) == "n2"
    assert model.data(size, Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight)
    assert model.data(name, Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(name, Qt.ItemDataRole.ToolTipRole) == "tip 2" and model.data(size, Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(size, IdRole) == 2


def test_replaced_rows_change_in_place(qapp):
    lib = Numbers(4)
    model = NumberModel(lib, object(), queries=SyncQueries(lib))
    model.reload()
    changed = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    model.replace_rows({2: {"id": 2, "name": "two", "size": 2}, 3: {"id": 3, "name": "three", "size": 3},
                        9: {"id": 9, "name": "not loaded", "size": 0}})
    assert [r["name"] for r in model.rows] == ["n1", "two", "three"]
    assert changed == [(1, 2)] and model.row_of(3) == 2
