"""The library's list-editor: one component for talking points, counter-arguments and
public-diplomacy points — a filtered table, the shared entry editor, history and review.

Which columns and fields a kind has is described once in ``services.entry_forms``; nothing
here knows a talking point from a counter-argument beyond the kind's name.
"""

from __future__ import annotations

from typing import Any

from briefer.errors import BrieferError
from briefer.gui import record_actions
from briefer.gui.context import StoreContext
from briefer.gui.entry_editor import EntryEditor
from briefer.gui.qt import (
    QBrush,
    QCheckBox,
    QColor,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QModelIndex,
    QSettings,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    Qt,
    QUndoStack,
    QVBoxLayout,
    QWidget,
)
from briefer.gui.row_table import ID_ROLE, RowTableModel
from briefer.gui.widgets import filter_box, make_button, row_table_view
from briefer.markings import default_scheme
from briefer.services.entry_forms import ENTRY_KINDS, EntryRow, entry_rows, facets

LIBRARY_KINDS = ("point", "counter", "pd")
STALE_DAYS_KEY = "library/staleDays"
DEFAULT_STALE_DAYS = 180  # two review cycles a year, as the office reviews before each round
_ANY = ""


class EntryTableModel(RowTableModel):
    STALE = "#8a5300"

    def display(self, row: EntryRow, field: str) -> Any:
        value = getattr(row, field)
        if field == "reviewed_on" and row.stale:
            return f"{value or 'never'} — stale"
        return value

    def extra_data(self, row: EntryRow, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.stale:
                return "Not reviewed recently: check it is still accurate before reusing it."
            return row.title
        if role == Qt.ItemDataRole.ForegroundRole and row.stale and field == "reviewed_on":
            return QBrush(QColor(self.STALE))
        return None


def _columns(kind: str) -> list[tuple[str, str]]:
    spec = ENTRY_KINDS[kind]
    columns = [("group", spec.fields[0].label.replace("&", "")), ("title", "Entry")]
    columns.append(("marking", "Marking"))
    if kind == "point":
        columns += [("reviewed_on", "Reviewed"), ("tags", "Tags")]
    return columns


class LibraryBrowser(QWidget):
    def __init__(self, ctx: StoreContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)  # what Edit → Undo undoes while this page is shown
        self.ctx = ctx
        self.kind = "point"
        self.model = EntryTableModel()

        self.kind_combo = self._combo("libraryKind", "Kind of entry")
        for kind in LIBRARY_KINDS:
            self.kind_combo.addItem(ENTRY_KINDS[kind].plural, kind)
        self.group_combo = self._combo("groupFilter", "Topic filter")
        self.marking_combo = self._combo("markingFilter", "Marking filter")
        self.marking_combo.addItem("Any marking", _ANY)
        for level in default_scheme().levels:
            self.marking_combo.addItem(level.name, level.name)
        self.tag_combo = self._combo("tagFilter", "Tag filter")
        self.stale_only = QCheckBox("Stale &only")
        self.stale_only.setObjectName("staleOnly")
        self.stale_days = QSpinBox()
        self.stale_days.setObjectName("staleDays")
        self.stale_days.setAccessibleName("Days before a point is stale")
        self.stale_days.setRange(1, 3650)
        self.stale_days.setSuffix(" days")
        self.stale_days.setValue(int(QSettings().value(STALE_DAYS_KEY, DEFAULT_STALE_DAYS)))
        self.stale_days.setToolTip("A talking point not reviewed for this long is shown as stale")
        self.text_filter = filter_box(self.model, "libraryFilter", "Filter entries", "Filter…")
        self.table = row_table_view(self.model, "libraryTable", "Library entries")
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")

        self.editors = QStackedWidget()
        self.editor_for: dict[str, EntryEditor] = {}
        self.new_button = make_button("&New", "newEntry", self.new_entry)
        self.history_button = make_button("Histor&y…", "entryHistory", self.show_history)
        self.review_button = make_button("Mark &reviewed…", "markReviewed", self.mark_reviewed)
        self.editor_title = QLabel()
        self.editor_title.setObjectName("editorTitle")

        # Filters in two rows, the entry's buttons beside its title and below it: the page
        # fits a 1024-px screen beside the navigator.
        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.group_combo, 1)
        filters.addWidget(self.marking_combo)
        more_filters = QHBoxLayout()
        more_filters.addWidget(self.tag_combo, 1)
        more_filters.addWidget(self.stale_only)
        more_filters.addWidget(QLabel("after"))
        more_filters.addWidget(self.stale_days)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(more_filters)
        left_layout.addWidget(self.text_filter)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)  # no Save: the entry saves as it is typed
        buttons.addStretch(1)
        title_row = QHBoxLayout()
        self.editor_title.setWordWrap(True)  # a long title wraps instead of widening the page
        title_row.addWidget(self.editor_title, 1)
        title_row.addWidget(self.review_button)
        title_row.addWidget(self.history_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.editors, 1)
        right_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("librarySplitter")
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self.set_kind(self.kind_data()))
        for combo in (self.group_combo, self.marking_combo, self.tag_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.stale_only.toggled.connect(lambda _on: self.refresh())
        self.stale_days.valueChanged.connect(self._stale_days_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        record_actions.add_record_actions(self.table, self.rename_selected, self.delete_selected)
        ctx.records_changed.connect(self._records_changed)
        self.set_kind("point")

    # ------------------------------------------------------------ building

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        return combo

    @property
    def editor(self) -> EntryEditor:
        if self.kind not in self.editor_for:
            editor = EntryEditor(self.ctx, self.kind, undo_stack=self.undo_stack)
            editor.dirty_changed.connect(self._update_buttons)
            editor.undone.connect(lambda entry_id, kind=self.kind: self._undone(kind, entry_id))
            editor.saved.connect(self._saved)
            self.editor_for[self.kind] = editor
            self.editors.addWidget(editor)
        return self.editor_for[self.kind]

    def kind_data(self) -> str:
        return str(self.kind_combo.currentData())

    # ------------------------------------------------------------ listing

    def set_kind(self, kind: str, group: str | None = None) -> None:
        """Show one kind of entry (optionally one topic); what was typed in the entry shown
        is saved first (a refused save keeps it on screen, with the reason)."""
        if not self._may_leave():
            self.kind_combo.blockSignals(True)
            self.kind_combo.setCurrentIndex(LIBRARY_KINDS.index(self.kind))
            self.kind_combo.blockSignals(False)
            return
        self.kind = kind
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(LIBRARY_KINDS.index(kind))
        self.kind_combo.blockSignals(False)
        found = self.ctx.read(facets, kind)
        spec = ENTRY_KINDS[kind]
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(f"All {spec.fields[0].label.replace('&', '').lower()}s", _ANY)
        for name in found.groups:
            self.group_combo.addItem(name, name)
        if group:
            self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group)))
        self.group_combo.blockSignals(False)
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("Any tag", _ANY)
        for tag in found.tags:
            self.tag_combo.addItem(tag, tag)
        self.tag_combo.blockSignals(False)
        self.tag_combo.setVisible(spec.reviewable)
        self.stale_only.setVisible(spec.reviewable)
        self.stale_days.setVisible(spec.reviewable)
        self.review_button.setVisible(spec.reviewable)
        self.editors.setCurrentWidget(self.editor)
        self.refresh()
        self.editor.load(None)
        self._update_title()

    def refresh(self) -> None:
        spec = ENTRY_KINDS[self.kind]
        rows = self.ctx.read(
            entry_rows,
            self.kind,
            today=self.ctx.store.today(),
            stale_days=self.stale_days.value(),
            group=self.group_combo.currentData() or None,
            marking=self.marking_combo.currentData() or None,
            tag=(self.tag_combo.currentData() or None) if spec.reviewable else None,
            stale_only=spec.reviewable and self.stale_only.isChecked(),
        )
        current = self.editor.form.id
        self.model.set_rows(rows, _columns(self.kind))
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 270)
        for column in range(2, len(self.model.columns)):
            self.table.resizeColumnToContents(column)
        stale = sum(row.stale for row in rows)
        self.count_label.setText(
            f"{len(rows):,} {spec.plural.lower()}" + (f", {stale:,} stale" if stale else "")
        )
        if current:
            self.select(current)

    def select(self, entry_id: str) -> bool:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))
        return row >= 0

    def _stale_days_changed(self, days: int) -> None:
        QSettings().setValue(STALE_DAYS_KEY, days)
        self.refresh()

    # ------------------------------------------------------------ editing

    def _row_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        entry_id = current.data(ID_ROLE) if current.isValid() else None
        if entry_id == self.editor.form.id:
            return
        if not self._may_leave():
            self.table.selectionModel().blockSignals(True)
            self.table.setCurrentIndex(previous)
            self.table.selectionModel().blockSignals(False)
            return
        self.editor.load(entry_id)
        self._update_title()

    def _may_leave(self) -> bool:
        """What was typed is saved before the entry is left; a save the store refuses keeps
        the person on the entry, its reason under the form (nothing typed is lost)."""
        editor = self.editor_for.get(self.kind)
        if editor is None:
            return True
        editor.flush_typing()
        return not editor.is_dirty

    def flush_typing(self) -> None:
        """Save what was typed in any kind's editor now (leaving the page, closing)."""
        for editor in self.editor_for.values():
            editor.flush_typing()

    def _update_title(self) -> None:
        spec = ENTRY_KINDS[self.kind]
        form = self.editor.form
        self.editor_title.setText(
            f"<b>New {spec.label.lower()}</b>"
            if form.id is None
            else f"<b>{spec.label}</b> — revision {form.revision}"
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        saved = self.editor.form.id is not None
        self.history_button.setEnabled(saved)
        self.review_button.setEnabled(saved)

    def new_entry(self) -> None:
        if self._may_leave():
            self.table.clearSelection()
            self.editor.load(None)
            self._update_title()
            self.editor.inputs[ENTRY_KINDS[self.kind].fields[0].name].setFocus()

    def save(self) -> bool:
        """Save now what would be saved after the typing pause (True if nothing is left)."""
        return self.editor.save()

    def _undone(self, kind: str, entry_id: str) -> None:
        """An undo or redo changed an entry: show it, so the person sees what changed."""
        if kind != self.kind:
            self.set_kind(kind)
        self.refresh()
        if entry_id and not self.select(entry_id):
            self.editor.load(entry_id)
        self._update_title()

    def _saved(self, entry_id: str) -> None:
        self.refresh()
        self.select(entry_id)
        self._update_title()

    def show_history(self) -> Any:
        from briefer.gui.history_view import HistoryView

        entry_id = self.editor.form.id
        if entry_id is None:
            return None
        view = HistoryView(self.ctx, self.kind, entry_id, self, on_restored=self._restored)
        view.open()
        return view

    def _restored(self) -> None:
        entry_id = self.editor.form.id
        self.editor.load(entry_id)
        self.refresh()
        self._update_title()

    def mark_reviewed(self) -> bool:
        from briefer.services.history import mark_reviewed
        from briefer.services.library import get_point

        entry_id = self.editor.form.id
        if entry_id is None or not self._may_leave():
            return False
        settings = QSettings()
        who, ok = QInputDialog.getText(
            self,
            "Mark reviewed",
            f"Reviewed on {self.ctx.store.today().isoformat()} by:",
            text=str(settings.value("library/reviewer", "")),
        )
        if not ok:
            return False
        settings.setValue("library/reviewer", who)
        today = self.ctx.store.today()
        try:
            self.ctx.write(lambda s: mark_reviewed(s, get_point(s, entry_id), who, today))
        except BrieferError as exc:
            self.editor.show_message(str(exc))
            return False
        self.editor.load(entry_id)
        self.refresh()
        self._update_title()
        return True

    # ------------------------------------------------------------ delete and rename

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def delete_selected(self) -> bool:
        """Delete the selected entry, asked first (the question names the briefings that
        keep a copy of it); Edit → Undo on this page brings it back."""
        entry_id = self.selected_id()
        if entry_id is None:
            return False
        self.flush_typing()  # what was typed is a step of its own, before the delete
        impact = record_actions.confirm_delete(self, self.ctx, self.kind, entry_id)
        if impact is None:
            return False
        if self.editor.form.id == entry_id:
            self.editor.load(None)  # what was typed into it goes with it
            self._update_title()
        return record_actions.push_delete(self.ctx, impact, self.undo_stack)

    def rename_selected(self) -> bool:
        entry_id = self.selected_id()
        if entry_id is None or not self._may_leave():
            return False
        self.flush_typing()
        return record_actions.rename_with_undo(self, self.ctx, self.kind, entry_id, self.undo_stack)

    def _records_changed(self, kind: str) -> None:
        """An entry was deleted, put back or renamed (here or elsewhere): the list is read
        again, and the entry being edited too unless it holds unsaved changes."""
        if kind not in LIBRARY_KINDS:
            return
        editor = self.editor_for.get(self.kind)
        if editor is not None and editor.form.id is not None and not editor.is_dirty:
            try:
                editor.load(editor.form.id)
            except BrieferError:  # it was deleted
                editor.load(None)
        self.refresh()
        self._update_title()
