"""The library drawer: search-as-you-type over the library, filters, drag or Enter to insert.

Keystrokes are coalesced to the next turn of the event loop (a zero-length timer), so a
burst of typing runs one query, and every query is a single indexed search returning at
most a page of rows: the drawer stays fluid with 10,000 points and 5,000 cases.
"""

from __future__ import annotations

import json
from typing import Any

from briefer.gui.context import StoreContext
from briefer.gui.outline_model import LIBRARY_MIME
from briefer.gui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.markings import default_scheme
from briefer.services.drawer import KIND_LABELS, DrawerRow, drawer_rows

ROW_LIMIT = 200
# What each row is, said before its title (a case and a point can share a name or a topic).
KIND_TAGS = {
    "point": "Point",
    "counter": "Counter",
    "pd": "PD",
    "case": "Case",
    "list": "List",
}


class DrawerModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DrawerRow] = []

    def set_rows(self, rows: list[DrawerRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # "(C) Case · Anatoly Shcharanskiy"
            portion = default_scheme().parse(row.marking).portion
            return f"{portion} {KIND_TAGS.get(row.kind, row.kind)} · {row.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{KIND_LABELS[row.kind]} · {row.topic} · {row.marking}\n{row.title}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS[row.kind]}: {row.title}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [LIBRARY_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        index = next((i for i in indexes if i.isValid()), None)
        if index is not None:
            row = self.rows[index.row()]
            mime.setData(LIBRARY_MIME, json.dumps({"kind": row.kind, "id": row.id}).encode())
            mime.setText(row.title)
        return mime


class _ResultsView(QListView):
    insert_pressed = Signal(QModelIndex)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.insert_pressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LibraryDrawer(QWidget):
    insert_requested = Signal(str, str)  # kind, source id
    open_requested = Signal(str, str)
    results_updated = Signal()

    def __init__(self, ctx: StoreContext | None = None):
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName("Search the library")
        self.search.setPlaceholderText("Search talking points, cases, counter-arguments…")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.setAccessibleName("Filter by kind")
        self.kind.addItem("All kinds", None)
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(f"{label}s", kind)
        self.topic = QComboBox()
        self.topic.setObjectName("topicFilter")
        self.topic.setAccessibleName("Filter by topic")
        self.topic.addItem("All topics", None)
        self.marking = QComboBox()
        self.marking.setObjectName("markingFilter")
        self.marking.setAccessibleName("Filter by marking")
        self.marking.addItem("All markings", None)
        for level in default_scheme().levels:
            self.marking.addItem(level.name, level.name)
        for combo in (self.kind, self.topic, self.marking):  # "All topics" is never cut
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(len(combo.itemText(0)) + 1)
        self.model = DrawerModel()
        self.results = _ResultsView()
        self.results.setObjectName("libraryResults")
        self.results.setAccessibleName("Library entries")
        self.results.setModel(self.model)
        self.results.setDragEnabled(True)
        self.results.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.results.setUniformItemSizes(True)
        self.count = QLabel()
        self.count.setObjectName("libraryCount")
        # The filters one above the other: the drawer fits beside the outline on a small
        # screen, and no filter's text is cut.
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        for combo in (self.kind, self.topic, self.marking):
            layout.addWidget(combo)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        hint = QLabel("Drag an entry onto the outline, or press Enter to insert it.")
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout.addWidget(hint)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)  # coalesce a burst of keystrokes into one query
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.timer.start)
        self.search.returnPressed.connect(self._focus_results)
        for combo in (self.kind, self.topic, self.marking):
            combo.currentIndexChanged.connect(self.timer.start)
        self.results.insert_pressed.connect(self._insert)
        self.results.doubleClicked.connect(self._open)

    def set_context(self, ctx: StoreContext) -> None:
        self.ctx = ctx
        from briefer.services.library import topics

        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem("All topics", None)
        for topic in ctx.read(topics):
            self.topic.addItem(topic, topic)
        self.topic.blockSignals(False)
        self.refresh()

    def set_filter(self, kind: str | None = None, topic: str | None = None) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.topic.setCurrentIndex(max(0, self.topic.findData(topic)))
        self.refresh()

    def refresh(self) -> None:
        if self.ctx is None:
            window = self.window()
            ctx = getattr(window, "ctx", None)
            if ctx is None:
                return
            self.set_context(ctx)  # typed before the first page was listed
            return
        rows = self.ctx.read(
            drawer_rows,
            self.search.text(),
            kind=self.kind.currentData(),
            topic=self.topic.currentData(),
            marking=self.marking.currentData(),
            limit=ROW_LIMIT,
        )
        self.model.set_rows(rows)
        more = " (showing the first 200)" if len(rows) >= ROW_LIMIT else ""
        self.count.setText(f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}{more}")
        self.results_updated.emit()

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0))

    def _insert(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.insert_requested.emit(row.kind, row.id)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.open_requested.emit(row.kind, row.id)
