"""Case lists: their order (drag and drop, or Ctrl+Up/Down), kind and forum, where they were
presented, and the hygiene warnings that keep them "few, small and accurate"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefer.errors import BrieferError
from briefer.gui import record_actions
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSplitter,
    QStyle,
    Qt,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.gui.typing_pause import TypingPause
from briefer.gui.widgets import make_button
from briefer.models.enums import CaseListKind
from briefer.services import list_page
from briefer.services.list_page import ListDetail, MemberRow

CASE_IDS_MIME = "application/x-briefer-case-ids"
Index = QModelIndex | QPersistentModelIndex


def _fit_columns(header: Any, *stretch: int) -> None:
    """Short columns as wide as their contents; the ``stretch`` ones share the rest (and
    elide when the page is narrow): no date or count is cut while a name has room."""
    from briefer.gui.qt import QHeaderView

    header.setStretchLastSection(False)
    fit, rest = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
    for column in range(header.count()):
        header.setSectionResizeMode(column, rest if column in stretch else fit)
    header.setMinimumSectionSize(48)


LISTS_MIN_WIDTH = 220  # px: a list's name and its two counts


class MembersModel(QAbstractTableModel):
    """The cases of one list in order; a drop asks for a move instead of editing rows, so
    the store decides the order and the view shows what it holds."""

    move_requested = Signal(str, int)  # case id, new index
    COLUMNS = (
        ("name", "Name"),
        ("category", "Category"),
        ("status", "Latest status"),
        ("status_on", "Date"),
        ("source", "Source"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MemberRow] = []

    def set_rows(self, rows: Sequence[MemberRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return getattr(row, self.COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][1]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CASE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = dict.fromkeys(self.rows[i.row()].case_id for i in indexes if i.isValid())
        mime = QMimeData()
        mime.setData(CASE_IDS_MIME, "\n".join(ids).encode())
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(CASE_IDS_MIME):
            return False
        if row < 0:  # dropped on a row: in its place; on empty space: at the end
            row = parent.row() if parent.isValid() else len(self.rows)
        ids = [i for i in bytes(data.data(CASE_IDS_MIME).data()).decode().split("\n") if i]
        positions = {r.case_id: n for n, r in enumerate(self.rows)}
        for case_id in ids:
            if case_id not in positions:
                return False
            source = positions[case_id]
            self.move_requested.emit(case_id, row - 1 if source < row else row)
        # The move is done by the store; returning False keeps the view from removing rows.
        return False


class CaseListsView(QWidget):
    open_entry_requested = Signal(str, str)  # kind, id
    insert_requested = Signal(str, str)  # "list", list id: into the open briefing

    def __init__(self, ctx: StoreContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)  # what Edit → Undo undoes while this page is shown
        self.ctx = ctx
        self.detail: ListDetail | None = None
        self._baseline: dict[str, str] = {}  # the header as last shown or saved
        self._flushing: dict[str, str] | None = None
        self.lists = QTreeWidget()
        self.lists.setObjectName("caseLists")
        self.lists.setAccessibleName("Case lists")
        self.lists.setHeaderLabels(["List", "Names", "Warnings"])
        self.lists.setRootIsDecorated(False)
        _fit_columns(self.lists.header(), 0)
        self.new_list_button = make_button("&New list…", "newList", self.new_list)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("listName")
        self.name_edit.setAccessibleName("List name")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("listKind")
        self.kind_combo.setAccessibleName("List kind")
        self.kind_combo.addItems([kind.value for kind in CaseListKind])
        self.forum_edit = QLineEdit()
        self.forum_edit.setObjectName("listForum")
        self.forum_edit.setAccessibleName("Forum")
        self.forum_edit.setPlaceholderText("e.g. Shultz–Shevardnadze, CSCE Vienna")
        # No Save: the header saves as it is typed (see flush_typing); a refusal is said here.
        self.header_message = QLabel()
        self.header_message.setObjectName("listMessage")
        self.header_message.setWordWrap(True)
        self.header_message.setStyleSheet("color: #a4000f;")
        self.header_message.hide()
        header = QFormLayout()
        header.addRow("Na&me:", self.name_edit)
        header.addRow("&Kind:", self.kind_combo)
        header.addRow("Fo&rum:", self.forum_edit)
        header.addRow(self.header_message)

        self.members_model = MembersModel()
        self.members_model.move_requested.connect(self.move_member)
        self.members = QTableView()
        self.members.setObjectName("listMembers")
        self.members.setAccessibleName("Cases on this list, in order")
        self.members.setModel(self.members_model)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setDragEnabled(True)
        self.members.setAcceptDrops(True)
        self.members.setDropIndicatorShown(True)
        self.members.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.members.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Name and source (a sentence, often) share what is left; category, status and
        # date are shown whole.
        _fit_columns(self.members.horizontalHeader(), 0, len(MembersModel.COLUMNS) - 1)
        self.members.verticalHeader().setDefaultSectionSize(self.members.fontMetrics().height() + 8)
        self.members.doubleClicked.connect(self._open_case)
        self.add_button = make_button("&Add case…", "addMember", self.ask_add_member)
        self.remove_button = make_button("Rem&ove", "removeMember", self.remove_selected)
        self.up_button = make_button("Move &up", "moveUp", lambda: self.move_selected(-1))
        self.down_button = make_button("Move do&wn", "moveDown", lambda: self.move_selected(1))
        self.up_button.setShortcut(QKeySequence("Ctrl+Up"))
        self.down_button.setShortcut(QKeySequence("Ctrl+Down"))
        self.export_button = make_button("E&xport annex…", "exportAnnex", self.ask_export)
        self.insert_button = make_button(
            "Inser&t into briefing", "insertList", self.insert_into_briefing
        )
        self.insert_button.setToolTip(
            "Present this list in the open briefing: a case-list section with its cases"
        )

        self.warnings = QListWidget()
        self.warnings.setObjectName("hygieneWarnings")
        self.warnings.setAccessibleName("List hygiene warnings")
        self.warnings.setWordWrap(True)
        self.presentations = QTreeWidget()
        self.presentations.setObjectName("presentations")
        self.presentations.setAccessibleName("Presentations of this list")
        self.presentations.setHeaderLabels(["Presented at", "On", "Note"])
        self.presentations.setRootIsDecorated(False)
        _fit_columns(self.presentations.header(), 0, 2)
        self.present_button = make_button(
            "Add &presentation…", "addPresentation", self.ask_add_presentation
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.lists, 1)
        left_layout.addWidget(self.new_list_button)
        member_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        # Export beside Save, over the list it exports: the members' row fits a small screen.
        head_buttons = QVBoxLayout()
        head_buttons.addStretch(1)
        head_buttons.addWidget(self.insert_button)
        head_buttons.addWidget(self.export_button)
        head_row = QHBoxLayout()
        head_row.addLayout(header, 1)
        head_row.addLayout(head_buttons)
        warnings_box = QGroupBox("List hygiene")
        QVBoxLayout(warnings_box).addWidget(self.warnings)
        presentations_box = QGroupBox("Presentations")
        presentations_layout = QVBoxLayout(presentations_box)
        presentations_layout.addWidget(self.presentations)
        presentations_layout.addWidget(self.present_button, 0, Qt.AlignmentFlag.AlignLeft)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(warnings_box)
        side.addWidget(presentations_box)
        side.setSizes([420, 220])
        self.members_label = QLabel()
        self.members_label.setWordWrap(True)  # wraps rather than widening the page
        members_pane = QWidget()
        members_layout = QVBoxLayout(members_pane)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addWidget(self.members_label)
        members_layout.addWidget(self.members, 1)
        members_layout.addLayout(member_buttons)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(members_pane)
        body.addWidget(side)
        body.setSizes([640, 380])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(head_row)
        right_layout.addWidget(body, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("listsSplitter")
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 1000])
        # On a narrow page the list of lists keeps room to read its names and counts; the
        # list's own pane gives way first.
        left.setMinimumWidth(LISTS_MIN_WIDTH)
        split.setCollapsible(0, False)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.lists.currentItemChanged.connect(self._list_chosen)
        self.typing = TypingPause(self, self.flush_typing)
        self.name_edit.textEdited.connect(self._header_typed)
        self.forum_edit.textEdited.connect(self._header_typed)
        self.kind_combo.activated.connect(lambda _i: self.flush_typing())
        record_actions.add_record_actions(self.lists, self.rename_selected, self.delete_selected)
        self.members.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.refresh()
        if self.lists.topLevelItemCount():
            self.lists.setCurrentItem(self.lists.topLevelItem(0))

    # ------------------------------------------------------------ reading

    def refresh(self, *, keep_header: bool = False) -> None:
        current = self.detail.id if self.detail else None
        rows = self.ctx.read(list_page.list_rows, self.ctx.store.today())
        self.lists.blockSignals(True)
        self.lists.clear()
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row in rows:
            item = QTreeWidgetItem([row.name, str(row.size), str(row.warnings or "")])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            forum = f" for {row.forum}" if row.forum else ""
            item.setToolTip(0, f"{row.name}\n{row.kind} list{forum}")  # the name, if elided
            if row.warnings:
                item.setIcon(2, warn_icon)
            self.lists.addTopLevelItem(item)
            if row.id == current:
                self.lists.setCurrentItem(item)
        self.lists.blockSignals(False)
        if current:
            self.show_list(current, keep_header=keep_header)
        else:
            self._update_buttons()

    def select_list(self, list_id: str) -> None:
        for n in range(self.lists.topLevelItemCount()):
            item = self.lists.topLevelItem(n)
            if item.data(0, Qt.ItemDataRole.UserRole) == list_id:
                self.lists.setCurrentItem(item)

    def _list_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        list_id = current.data(0, Qt.ItemDataRole.UserRole)
        if self._header_changes():  # the list left behind is saved first (that refreshes)
            self.flush_typing()
            if self._header_changes() and self.detail is not None:  # refused: stay, and say why
                self.lists.blockSignals(True)
                self.select_list(self.detail.id)
                self.lists.blockSignals(False)
            else:
                self.select_list(list_id)
            return
        self.show_list(list_id)

    def show_list(self, list_id: str, *, keep_header: bool = False) -> None:
        """Show a list as the store has it; ``keep_header``: an autosave while the person
        types, whose header fields stay as typed (the cursor does not move)."""
        detail = self.ctx.read(list_page.list_detail, list_id, self.ctx.store.today())
        self.detail = detail
        if not keep_header:
            self.name_edit.setText(detail.name)
            self.kind_combo.setCurrentText(detail.kind)
            self.forum_edit.setText(detail.forum)
            self._baseline = self._header_values()
            self.header_message.hide()
        selected = self.selected_case()
        self.members_model.set_rows(detail.members)
        self.members_label.setText(
            f"<b>{len(detail.members)}</b> name(s), in the order they are presented — "
            "drag to reorder"
        )
        if selected:
            self.select_case(selected)
        self.warnings.clear()
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for warning in detail.warnings:
            item = QListWidgetItem(warn_icon, warning.message)
            item.setToolTip(warning.rule)
            self.warnings.addItem(item)
        if not detail.warnings:
            self.warnings.addItem("No problems found.")
        self.presentations.clear()
        for presentation in detail.presentations:
            self.presentations.addTopLevelItem(
                QTreeWidgetItem([presentation.event, presentation.presented_on, presentation.note])
            )
        self._update_buttons()

    def member_names(self) -> list[str]:
        return [row.name for row in self.members_model.rows]

    def selected_case(self) -> str | None:
        index = self.members.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_case(self, case_id: str) -> None:
        for row, member in enumerate(self.members_model.rows):
            if member.case_id == case_id:
                self.members.setCurrentIndex(self.members_model.index(row, 0))

    def _update_buttons(self) -> None:
        has_list = self.detail is not None
        row = self.members.currentIndex().row() if self.selected_case() else -1
        for widget in (self.add_button, self.export_button, self.present_button):
            widget.setEnabled(has_list)
        self.insert_button.setEnabled(has_list)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.members_model.rows) - 1)

    # ------------------------------------------------------------ changing

    def _write(self, title: str, fn: Any, *args: Any, **kwargs: Any) -> bool:
        self.flush_typing()  # the header's last keystrokes first: refresh() shows the store
        try:
            self.ctx.write(fn, *args, **kwargs)
        except BrieferError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        self.refresh()
        return True

    def move_member(self, case_id: str, index: int) -> None:
        if self.detail is not None:
            self._write("Reorder", list_page.move_member, self.detail.id, case_id, index)
            self.select_case(case_id)

    def move_selected(self, step: int) -> None:
        case_id = self.selected_case()
        if case_id is not None:
            self.move_member(case_id, self.members.currentIndex().row() + step)

    def remove_selected(self) -> None:
        case_id = self.selected_case()
        if case_id is not None and self.detail is not None:
            self._write("Remove", list_page.remove_member, self.detail.id, case_id)

    def save_header(self) -> None:
        """Save now what would be saved after the typing pause."""
        self.flush_typing()

    def _header_values(self) -> dict[str, str]:
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentText(),
            "forum": self.forum_edit.text(),
        }

    def _header_changes(self) -> bool:
        """Typed and not yet saved (compared with what was last shown or saved)."""
        return self.detail is not None and self._header_values() != self._baseline

    def _header_typed(self, _text: str) -> None:
        self.typing.typed()

    def flush_typing(self) -> None:
        """Push the header's changes as one undoable save, written to the store at once
        (unless another window changed the list meanwhile: then the person chooses)."""
        from briefer.gui.page_commands import EditFieldsCommand

        self.typing.stop()
        if self.detail is None or not self._header_changes():
            return
        detail = self.detail
        old = {"name": detail.name, "kind": detail.kind, "forum": detail.forum}
        self._flushing = self._header_values()
        try:
            self.undo_stack.push(
                EditFieldsCommand(
                    self.ctx,
                    f"Edit list '{detail.name}'",
                    detail.id,
                    list_page.update_list_from,
                    _write_list,
                    old,
                    self._flushing,
                    self._header_written,
                    self._header_refused,
                )
            )
        finally:
            self._flushing = None

    def _header_written(self, list_id: str, typed: bool) -> None:
        """Show the store's list: after typing, the tree's name; after undo, the list."""
        if typed and self._flushing is not None:
            self._baseline = dict(self._flushing)
            self.header_message.hide()
            self.refresh(keep_header=True)
        elif self.detail is not None and self.detail.id == list_id:
            self.refresh()
        else:
            self.detail = None
            self.refresh()
            self.select_list(list_id)

    def _header_refused(self, message: str) -> None:
        self.header_message.setText(message)
        self.header_message.show()

    def new_list(self) -> None:
        name, ok = QInputDialog.getText(self, "New case list", "Name of the list:")
        if not ok or not name.strip():
            return
        try:
            list_id = self.ctx.write(list_page.create_list, name, "representation")
        except BrieferError as exc:
            QMessageBox.warning(self, "New case list", str(exc))
            return
        self.refresh()
        self.select_list(list_id)

    def ask_add_member(self) -> None:
        if self.detail is None:
            return
        on_list = {m.case_id for m in self.detail.members}
        choices = [c for c in self.ctx.read(list_page.case_choices) if c[0] not in on_list]
        names = [name for _id, name in choices]
        name, ok = QInputDialog.getItem(self, "Add case", "Case:", names, 0, True)
        if ok and name in names:
            case_id = choices[names.index(name)][0]
            if self._write("Add case", list_page.add_member, self.detail.id, case_id):
                self.select_case(case_id)

    def ask_add_presentation(self) -> None:
        if self.detail is None:
            return
        events = self.ctx.read(list_page.event_choices)
        labels = [f"{title} ({starts})" for _id, title, starts in events]
        label, ok = QInputDialog.getItem(self, "Add presentation", "Presented at:", labels, 0)
        if ok and label in labels:
            event_id, _title, starts = events[labels.index(label)]
            self._write(
                "Add presentation", list_page.add_presentation, self.detail.id, event_id, starts
            )

    def insert_into_briefing(self) -> None:
        """The window inserts the list where the open briefing's outline selection says."""
        if self.detail is not None:
            self.insert_requested.emit("list", self.detail.id)

    def ask_export(self) -> None:
        if self.detail is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export case-list annex",
            str(Path.home() / f"{self.detail.name}.docx"),
            "Word document (*.docx);;CSV, UTF-8 (*.csv);;Markdown (*.md)",
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        from briefer.services.exports import export_list

        assert self.detail is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_list(self.ctx.store.session, self.detail.id, path)
        except BrieferError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Export annex", str(exc))
            return False
        QApplication.restoreOverrideCursor()
        QMessageBox.information(self, "Export annex", f"Exported {result.format} to\n{result.path}")
        return True

    def delete_selected(self) -> bool:
        """Delete the list shown (asked first: its entries and presentations go, its cases
        stay); Edit → Undo on this page brings it back."""
        if self.detail is None:
            return False
        self.flush_typing()  # what was typed is a step of its own, before the delete
        impact = record_actions.confirm_delete(self, self.ctx, "list", self.detail.id)
        if impact is None:
            return False
        self.detail = None
        deleted = record_actions.push_delete(self.ctx, impact, self.undo_stack)
        self.refresh()
        if self.detail is None and self.lists.topLevelItemCount():
            self.lists.setCurrentItem(self.lists.topLevelItem(0))
        return deleted

    def rename_selected(self) -> bool:
        if self.detail is None:
            return False
        self.flush_typing()
        renamed = record_actions.rename_with_undo(
            self, self.ctx, "list", self.detail.id, self.undo_stack
        )
        if renamed:
            self.refresh()
        return renamed

    def _open_case(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_entry_requested.emit("case", index.data(Qt.ItemDataRole.UserRole))


def _write_list(session: Any, list_id: str, values: dict[str, str]) -> None:
    list_page.update_list(session, list_id, **values)
