"""A table model over plain row objects that sorts and filters in Python.

A QSortFilterProxyModel compares rows by calling ``data()`` across the Python boundary
hundreds of thousands of times for a few thousand rows (about half a second for the 5,000
cases of the large workload); sorting the row list with a key and filtering against one
pre-built lower-case string per row takes a few milliseconds. Views call ``sort()`` through
``sortByColumn`` as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from briefer.gui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 20


class RowTableModel(QAbstractTableModel):
    """Rows are objects with an ``id`` and one attribute per column."""

    def __init__(self, columns: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.columns: list[tuple[str, str]] = list(columns)
        self.all_rows: list[Any] = []
        self.rows: list[Any] = []  # filtered and sorted: what the view shows
        self._haystacks: dict[int, str] = {}
        self._filter = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------ content

    def set_rows(self, rows: Sequence[Any], columns: Sequence[tuple[str, str]] | None = None):
        self.beginResetModel()
        if columns is not None:
            self.columns = list(columns)
        self.all_rows = list(rows)
        fields = [field for field, _label in self.columns]
        self._haystacks = {
            id(row): "\t".join(str(getattr(row, f)) for f in fields).casefold()
            for row in self.all_rows
        }
        self.rows = self._arranged()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text.casefold().strip()
        self.rows = self._arranged()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.rows
        self._sort = (column, order)
        self.rows = self._arranged()
        # Keep the selection and the current row on the same rows after the sort.
        position = {id(row): n for n, row in enumerate(self.rows)}
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved,
            [self.index(position[id(before[i.row()])], i.column()) for i in moved],
        )
        self.layoutChanged.emit()

    def _arranged(self) -> list[Any]:
        rows = self.all_rows
        if self._filter:
            rows = [row for row in rows if self._filter in self._haystacks[id(row)]]
        if self._sort is not None and self._sort[0] < len(self.columns):
            column, order = self._sort
            value = attrgetter(self.columns[column][0])
            rows = sorted(
                rows,
                key=lambda row: str(value(row)).casefold(),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        return list(rows)

    def row_of(self, row_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.id == row_id), -1)

    # ------------------------------------------------------------ Qt's side

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def display(self, row: Any, field: str) -> Any:
        return getattr(row, field)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, self.columns[index.column()][0])
        if role == ID_ROLE:
            return row.id
        return self.extra_data(row, self.columns[index.column()][0], role)

    def extra_data(self, row: Any, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, field)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][1]
        return None
