"""The case table: every case with its latest status, sortable and filterable, and the
selected case's status history as a timeline, newest first; adding a status is one dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.errors import BrieferError
from briefer.gui import record_actions
from briefer.gui.context import StoreContext
from briefer.gui.forms import load_form
from briefer.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.gui.row_table import ID_ROLE, RowTableModel
from briefer.gui.widgets import filter_box, make_button, row_table_view
from briefer.services.case_table import case_rows, timeline
from briefer.vocabulary import case_vocabulary

if TYPE_CHECKING:
    from briefer.gui.case_editor import CaseEditorDialog


class CaseTableModel(RowTableModel):
    COLUMNS = (
        ("name", "Name"),
        ("category", "Category"),
        ("location", "Location"),
        ("status", "Latest status"),
        ("status_on", "Date"),
        ("source", "Source"),
        ("lists", "Lists"),
    )

    def __init__(self) -> None:
        super().__init__(self.COLUMNS)


class CaseBrowser(QWidget):
    changed = Signal()

    def __init__(self, ctx: StoreContext):
        super().__init__()
        self.ctx = ctx
        self.current_id: str | None = None
        self.undo_stack = QUndoStack(self)  # what Edit → Undo undoes while this page is shown
        self.model = CaseTableModel()
        self.filter = filter_box(
            self.model, "caseFilter", "Filter cases", "Filter by name, category, status, list…"
        )
        self.table = row_table_view(self.model, "caseTable", "Cases")
        self.title = QLabel("Select a case to see its status history.")
        self.title.setObjectName("caseTitle")
        self.history = QTreeWidget()
        self.history.setObjectName("caseTimeline")
        self.history.setAccessibleName("Status history, newest first")
        self.history.setHeaderLabels(["Date", "Status", "Source", "Reliability", "Note"])
        self.history.setRootIsDecorated(False)
        self.add_button = QPushButton("&Add status…")
        self.add_button.setObjectName("addStatusButton")
        self.add_button.setAccessibleName("Add status")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_status)
        self.new_button = make_button("&New case…", "newCase", self.new_case)
        self.edit_button = make_button("E&dit case…", "editCase", self.edit_case)
        self.history_button = make_button("Histor&y…", "caseHistory", self.show_history)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.history_button)
        top.addWidget(self.add_button)
        detail_layout.addLayout(top)
        detail_layout.addWidget(self.history, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("caseSplitter")
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([500, 250])
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_case())
        record_actions.add_record_actions(self.table, self.rename_selected, self.delete_selected)
        self.refresh()
        self._selected(QModelIndex(), QModelIndex())

    def refresh(self) -> None:
        selected = self.current_id
        self.model.set_rows(self.ctx.read(case_rows))
        self.table.resizeColumnsToContents()
        if selected:
            self.select(selected)

    def select(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_id = current.data(ID_ROLE) if current.isValid() else None
        for button in (self.add_button, self.edit_button, self.history_button):
            button.setEnabled(self.current_id is not None)
        self.show_timeline()

    def show_timeline(self) -> None:
        self.history.clear()
        if self.current_id is None:
            return
        name = self.model.index(self.table.currentIndex().row(), 0).data()
        self.title.setText(f"<b>{name}</b> — status history, newest first")
        for entry in self.ctx.read(timeline, self.current_id):
            self.history.addTopLevelItem(
                QTreeWidgetItem(
                    [entry.occurred_on, entry.status, entry.source, entry.reliability, entry.note]
                )
            )
        for column in range(4):
            self.history.resizeColumnToContents(column)

    def add_status(self) -> AddStatusDialog | None:
        if self.current_id is None:
            return None
        # Owned by this page (the dialog's parent); the dialog deletes itself when closed.
        dialog = AddStatusDialog(self.ctx, self.current_id, self)
        dialog.dialog.accepted.connect(self._added)
        dialog.dialog.open()
        return None

    def edit_case(self) -> CaseEditorDialog | None:
        return None if self.current_id is None else self._open_editor(self.current_id)

    def new_case(self) -> CaseEditorDialog:
        return self._open_editor(None)

    def _open_editor(self, case_id: str | None) -> CaseEditorDialog:
        from briefer.gui.case_editor import CaseEditorDialog

        dialog = CaseEditorDialog(self.ctx, case_id, self)
        dialog.editor.saved.connect(self._case_saved)
        dialog.open_existing.connect(self.select)
        dialog.open()
        return dialog

    def _case_saved(self, case_id: str) -> None:
        self.current_id = case_id
        self.refresh()
        self.select(case_id)
        self.changed.emit()

    def show_history(self) -> Any:
        from briefer.gui.history_view import HistoryView

        if self.current_id is None:
            return None
        view = HistoryView(self.ctx, "case", self.current_id, self, on_restored=self._added)
        view.open()
        return view

    def _added(self) -> None:
        self.refresh()
        self.show_timeline()
        self.changed.emit()

    def delete_selected(self) -> bool:
        """Delete the selected case with its statuses and its places on lists (asked first;
        briefings keep their copies); Edit → Undo on this page brings it all back."""
        if self.current_id is None:
            return False
        impact = record_actions.confirm_delete(self, self.ctx, "case", self.current_id)
        if impact is None:
            return False
        self.current_id = None
        self._selected(QModelIndex(), QModelIndex())
        deleted = record_actions.push_delete(self.ctx, impact, self.undo_stack)
        self.changed.emit()
        return deleted

    def rename_selected(self) -> bool:
        if self.current_id is None:
            return False
        renamed = record_actions.rename_with_undo(
            self, self.ctx, "case", self.current_id, self.undo_stack
        )
        if renamed:
            self.refresh()
            self.show_timeline()
        return renamed


class AddStatusDialog(QObject):
    """One report of a case's status: date, status, source, reliability, note. A QObject
    child of its dialog, so that its OK slot lives as long as the dialog does."""

    def __init__(self, ctx: StoreContext, case_id: str, parent: QWidget | None = None):
        from briefer.gui.date_field import DateField
        from briefer.services.cases import get_case

        dialog = load_form("add_status_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
        super().__init__(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog, self.ctx, self.case_id = dialog, ctx, case_id
        name = ctx.read(lambda s: str(get_case(s, case_id).primary_name))
        dialog.setWindowTitle(f"Add status — {name}")
        case_label = dialog.findChild(QLabel, "caseLabel")
        case_label.setTextFormat(Qt.TextFormat.PlainText)
        case_label.setText(f"A new status report for {name}")
        dialog.resize(max(480, dialog.sizeHint().width()), dialog.sizeHint().height())  # the title
        vocabulary = case_vocabulary()
        dialog.findChild(QComboBox, "statusCombo").addItems(list(vocabulary.statuses))
        dialog.findChild(QComboBox, "reliabilityCombo").addItems(list(vocabulary.reliability))
        today = ctx.store.today()
        self.date_field = dialog.findChild(DateField, "dateEdit")
        self.date_field.set_optional(False)
        self.date_field.set_value(today)
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(dialog.reject)

    def _save(self) -> None:
        from briefer.services.cases import add_status, get_case

        fields = {
            "occurred_on": self.date_field.text(),  # any typed form; the service reads it
            "status": self.dialog.findChild(QComboBox, "statusCombo").currentText(),
            "source": self.dialog.findChild(QLineEdit, "sourceEdit").text(),
            "reliability": self.dialog.findChild(QComboBox, "reliabilityCombo").currentText(),
            "note": self.dialog.findChild(QPlainTextEdit, "noteEdit").toPlainText(),
        }
        try:
            self.ctx.write(lambda s: add_status(s, get_case(s, self.case_id), **fields))
        except BrieferError as exc:
            QMessageBox.warning(self.dialog, "Add status", str(exc))
            return
        self.dialog.accept()
