"""The main window. For now: the store in use and its briefings; the full workspace follows."""

from __future__ import annotations

from briefer.gui.models import BriefingTableModel
from briefer.gui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSettings,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from briefer.services.overview import briefing_rows
from briefer.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, is_sample: bool):
        super().__init__()
        self.store = store
        self.setObjectName("MainWindow")
        title = "Sample workspace" if is_sample else store.target.display
        self.setWindowTitle(f"{title} — Briefer")
        self.model = BriefingTableModel()
        self.table = QTableView()
        self.table.setObjectName("briefingTable")
        self.table.setAccessibleName("Briefings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        heading = QLabel("Briefings")
        heading.setObjectName("heading")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)
        as_of = store.as_of
        status = f"Store: {store.target.display}"
        if as_of:
            status += f"   ·   As of {as_of.isoformat()}"
        self.statusBar().showMessage(status)
        self.resize(960, 600)
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh()

    def refresh(self) -> None:
        with self.store.session() as session:
            self.model.set_rows(briefing_rows(session))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
