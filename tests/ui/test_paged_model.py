"""The lazy paged table model: pages on demand, sorting by asking again, stale pages dropped."""

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from jewelbench.ui.paged_model import Column, PagedTableModel, paged_table, show


@dataclass(frozen=True)
class Row:
    code: str
    price: Decimal


ROWS = [Row(f"{n:04d}", Decimal(n) / 4) for n in range(1, 451)]
COLUMNS = [Column("Code", lambda r: r.code, sort_key="code"),
           Column("Price", lambda r: r.price, sort_key="price", kind="money"),
           Column("Note", lambda r: "cheap" if r.price < 1 else None)]


class Source:
    """Stands in for a service: remembers what it was asked."""

    def __init__(self):
        self.calls = []

    def __call__(self, offset, limit, sort_key, descending):
        self.calls.append((offset, limit, sort_key, descending))
        rows = sorted(ROWS, key=lambda r: getattr(r, sort_key or "code"), reverse=descending)
        return rows[offset:offset + limit]


def test_pages_are_fetched_as_the_view_asks(qapp):
    source = Source()
    model = PagedTableModel(COLUMNS, source, sort_key="code")
    model.reload()
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and model.complete and not model.canFetchMore()
    assert source.calls == [(0, 200, "code", False), (200, 200, "code", False),
                            (400, 200, "code", False)]
    assert model.data(model.index(3, 1)) == "1.00"
    assert model.data(model.index(3, 1), Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    assert model.data(model.index(0, 2)) == "cheap" and model.data(model.index(9, 2)) == ""
    assert model.view_at(449).code == "0450"


def test_sorting_asks_the_source_again_from_the_top(qapp):
    source = Source()
    model = PagedTableModel(COLUMNS, source, sort_key="code")
    model.reload()
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.calls[-1] == (0, 200, "price", True)
    assert model.view_at(0).code == "0450" and model.rowCount() == 200
    calls = len(source.calls)
    model.sort(2)  # not sortable: nothing happens
    assert len(source.calls) == calls


def test_a_table_view_shows_the_sort_and_loads_more_when_scrolled(qtbot):
    source = Source()
    model = PagedTableModel(COLUMNS, source, sort_key="price", descending=True, page_size=50)
    table = paged_table(model)
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.show()
    model.reload()
    assert table.horizontalHeader().sortIndicatorSection() == 1
    assert source.calls[0] == (0, 50, "price", True)  # showing did not re-sort
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 50)


def test_pages_from_a_runner_arrive_later_and_stale_ones_are_dropped(qapp):
    pending = []

    def run(fn, on_success, on_failure):
        pending.append((fn, on_success))

    model = PagedTableModel(COLUMNS, Source(), run=run)
    loaded = []
    model.loaded.connect(lambda rows, complete: loaded.append((rows, complete)))
    model.reload()
    assert model.busy and model.rowCount() == 0
    model.fetchMore(QModelIndex())  # already fetching: not asked twice
    assert len(pending) == 1
    model.reload()  # the filter changed before the first page came back
    stale, fresh = pending
    stale[1](stale[0]())
    assert model.rowCount() == 0
    fresh[1](fresh[0]())
    assert model.rowCount() == 200 and loaded == [(200, False)]


def test_a_failed_fetch_is_reported_once(qapp):
    def broken(*_args):
        raise RuntimeError("database went away")

    model = PagedTableModel(COLUMNS, broken)
    errors = []
    model.failed.connect(errors.append)
    model.reload()
    assert [str(e) for e in errors] == ["database went away"]
    assert not model.canFetchMore()


def test_values_read_well():
    assert show(Decimal("1234.5"), "money") == "1,234.50"
    assert show(Decimal("0.9"), "carats") == "0.900"
    assert show(12000, "count") == "12,000"
    assert show(None) == ""
