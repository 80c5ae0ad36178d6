"""Qt item models that adapt service results (plain rows); they own no data of their own."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from briefer.gui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from briefer.services.overview import BriefingRow


class BriefingTableModel(QAbstractTableModel):
    COLUMNS = (
        ("title", "Briefing"),
        ("event", "Event"),
        ("event_date", "Date"),
        ("status", "Status"),
        ("marking", "Marking"),
    )

    def __init__(self, rows: list[BriefingRow] | None = None):
        super().__init__()
        self._rows = rows or []
        assert {name for name, _ in self.COLUMNS} <= {f.name for f in fields(BriefingRow)}

    def set_rows(self, rows: list[BriefingRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> BriefingRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return getattr(self._rows[index.row()], self.COLUMNS[index.column()][0])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        return None
