"""A case review session: walk the lists presented at the event and record the counterpart's
reply for each case in one pass; then see which replies contradict our own sources.

Replies are written together in one unit of work when "Record replies" is pressed, so a
refused row (a bad date) records nothing and the typed replies stay on screen to fix.
"""

from __future__ import annotations

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QUndoStack,
    QVBoxLayout,
    QWidget,
)
from briefer.services import review_session as rs
from briefer.vocabulary import case_vocabulary

NO_REPLY = "— no reply —"
LIST, CASE, KNOWN, REPLY, DATE, NOTE = range(6)


class ReviewSessionView(QWidget):
    def __init__(self, ctx: StoreContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)  # what Edit → Undo undoes while this page is shown
        self.ctx = ctx
        self.rows: list[rs.SessionRow] = []
        self.event_date = ""
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("reviewEvent")
        self.event_combo.setAccessibleName("Case review event")
        self.intro = QLabel()
        self.intro.setObjectName("reviewIntro")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("replyTable")
        self.table.setAccessibleName("Replies, one row per case")
        self.table.setHorizontalHeaderLabels(
            ["List", "Case", "Our latest information", "Their reply", "Date", "Note"]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.record_button = QPushButton("&Record replies")
        self.record_button.setObjectName("recordReplies")
        self.record_button.clicked.connect(self.record)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("discrepancySummary")
        self.summary_label.setWordWrap(True)
        self.summary = QListWidget()
        self.summary.setObjectName("discrepancies")
        self.summary.setAccessibleName("Discrepancies")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Session:"))
        top.addWidget(self.event_combo, 1)
        top.addWidget(self.record_button)
        box = QGroupBox("Discrepancies — their reply against our latest information")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.summary_label)
        box_layout.addWidget(self.summary, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(split, 1)
        for event_id, title, starts in ctx.read(rs.review_events):
            self.event_combo.addItem(f"{title} — {starts}", (event_id, starts))
        self.event_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    @property
    def event_id(self) -> str | None:
        data = self.event_combo.currentData()
        return data[0] if data else None

    def choose_event(self, event_id: str) -> bool:
        for n in range(self.event_combo.count()):
            if self.event_combo.itemData(n)[0] == event_id:
                self.event_combo.setCurrentIndex(n)
                return True
        return False

    def load(self) -> None:
        self.table.setRowCount(0)
        self.rows = []
        if self.event_id is None:
            self.intro.setText("No case review event yet: add an event of kind 'case review'.")
            self.record_button.setEnabled(False)
            self._show_discrepancies([])
            return
        self.event_date = self.event_combo.currentData()[1]
        self.rows = self.ctx.read(rs.session_rows, self.event_id)
        lists = list(dict.fromkeys(row.list_name for row in self.rows))
        self.intro.setText(
            f"{len(self.rows)} case(s) on {len(lists)} list(s) presented at this session"
            + (
                f": {', '.join(lists)}."
                if lists
                else ". Add a presentation on the Case lists page."
            )
            + " Choose their reply for each case asked about; the date defaults to the session's."
        )
        statuses = [NO_REPLY, *case_vocabulary().statuses]
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            known = (
                f"{row.known_status} ({row.known_on}, {row.known_source})"
                if row.known_status
                else "nothing recorded"
            )
            first_of_list = n == 0 or self.rows[n - 1].list_name != row.list_name
            shown_list = row.list_name if first_of_list else ""  # each list named once
            for column, text in ((LIST, shown_list), (CASE, row.name), (KNOWN, known)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(row.list_name if column == LIST else text)
                self.table.setItem(n, column, item)
            reply = QComboBox()
            reply.addItems(statuses)
            reply.setAccessibleName(f"Reply for {row.name}")
            date = QLineEdit(self.event_date)
            date.setAccessibleName(f"Date of the reply for {row.name}")
            note = QLineEdit(row.reply_note)
            note.setAccessibleName(f"Note for {row.name}")
            if row.reply_status:  # already recorded at this session: shown, not recorded twice
                reply.setCurrentText(row.reply_status)
                for widget in (reply, date, note):
                    widget.setEnabled(False)
                    widget.setToolTip("Recorded at this session")
            self.table.setCellWidget(n, REPLY, reply)
            self.table.setCellWidget(n, DATE, date)
            self.table.setCellWidget(n, NOTE, note)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(LIST, min(self.table.columnWidth(LIST), 200))
        self.table.setColumnWidth(KNOWN, min(self.table.columnWidth(KNOWN), 340))
        self.table.setColumnWidth(REPLY, max(self.table.columnWidth(REPLY), 150))
        self.record_button.setEnabled(bool(self.rows))
        self._show_discrepancies(self.ctx.read(rs.event_discrepancies, self.event_id))

    def reply_widget(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, REPLY)
        assert isinstance(widget, QComboBox)
        return widget

    def set_reply(self, case_name: str, status: str, note: str = "") -> None:
        """Fill one case's reply, as a person would by choosing it in the row."""
        for n, row in enumerate(self.rows):
            if row.name == case_name:
                self.reply_widget(n).setCurrentText(status)
                note_edit = self.table.cellWidget(n, NOTE)
                assert isinstance(note_edit, QLineEdit)
                note_edit.setText(note)
                return
        raise KeyError(case_name)

    def pending(self) -> list[rs.ReplyInput]:
        replies = []
        for n, row in enumerate(self.rows):
            reply = self.reply_widget(n)
            if not reply.isEnabled() or reply.currentText() == NO_REPLY:
                continue
            date, note = self.table.cellWidget(n, DATE), self.table.cellWidget(n, NOTE)
            assert isinstance(date, QLineEdit) and isinstance(note, QLineEdit)
            replies.append(
                rs.ReplyInput(row.case_id, reply.currentText(), note.text(), date.text())
            )
        return replies

    def record(self) -> bool:
        replies = self.pending()
        if self.event_id is None or not replies:
            QMessageBox.information(self, "Record replies", "Choose a reply for at least one case.")
            return False
        try:
            self.ctx.write(rs.record_replies, self.event_id, replies)
        except BrieferError as exc:
            QMessageBox.warning(self, "Record replies", str(exc))
            return False
        self.ctx.library_changed.emit()
        self.load()
        return True

    def _show_discrepancies(self, found: list[rs.Discrepancy]) -> None:
        self.summary.clear()
        warn = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for discrepancy in found:
            self.summary.addItem(discrepancy.message)
            self.summary.item(self.summary.count() - 1).setIcon(warn)
        names = {d.case for d in found}
        for n, row in enumerate(self.rows):
            colour = QBrush(QColor("#fde7c8")) if row.name in names else QBrush()
            for column in (LIST, CASE, KNOWN):
                self.table.item(n, column).setBackground(colour)
        recorded = sum(1 for row in self.rows if row.reply_status)
        if found:
            self.summary_label.setText(
                f"<b>{len(found)} discrepanc{'y' if len(found) == 1 else 'ies'}</b> among "
                f"{recorded} recorded repl{'y' if recorded == 1 else 'ies'}: follow these up "
                "before the next session."
            )
        else:
            self.summary_label.setText(
                f"No discrepancies among {recorded} recorded repl{'y' if recorded == 1 else 'ies'}."
            )

    def discrepancy_messages(self) -> list[str]:
        return [self.summary.item(n).text() for n in range(self.summary.count())]
