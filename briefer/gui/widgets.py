"""Small widget recipes the workspace pages share, so each is set up one way everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefer.gui.qt import QAbstractItemView, QLineEdit, QPushButton, Qt, QTableView
from briefer.gui.row_table import RowTableModel


def make_button(text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.clicked.connect(slot)
    return widget


def filter_box(model: RowTableModel, name: str, accessible: str, hint: str) -> QLineEdit:
    """A type-to-filter line over every column of a row table."""
    box = QLineEdit()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setPlaceholderText(hint)
    box.setClearButtonEnabled(True)
    box.textChanged.connect(model.set_filter)
    return box


def row_table_view(model: RowTableModel, name: str, accessible: str) -> QTableView:
    """A sortable, single-selection table of compact rows."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setStretchLastSection(True)
    # Column widths from the first rows, not all 5,000: measuring every row costs more than
    # building the table.
    table.horizontalHeader().setResizeContentsPrecision(200)
    return table
