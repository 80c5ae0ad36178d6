"""The main window. For now: the store in use and its briefings; the full workspace follows."""

from __future__ import annotations

from briefer import __version__
from briefer.gui.forms import load_form
from briefer.gui.models import BriefingTableModel
from briefer.gui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSettings,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from briefer.services.briefings import get_briefing
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
        about_action = QAction("&About Briefer", self)
        about_action.triggered.connect(self.show_about)
        self.menuBar().addMenu("&Help").addAction(about_action)
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

    def show_about(self) -> QDialog:
        dialog = load_form("about_dialog.ui", self)
        assert isinstance(dialog, QDialog)
        dialog.findChild(QLabel, "versionLabel").setText(f"Version {__version__}")
        dialog.findChild(QLabel, "storeLabel").setText(f"Store: {self.store.target.display}")
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        buttons.rejected.connect(dialog.reject)
        dialog.open()
        return dialog

    def open_briefing(self, ref: str) -> None:
        """Select the briefing named by id or exact title (raises if unknown or ambiguous)."""
        with self.store.session() as session:
            briefing_id = str(get_briefing(session, ref).id)
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == briefing_id:
                self.table.selectRow(row)
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
