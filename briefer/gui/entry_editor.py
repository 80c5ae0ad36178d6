"""One editor for every kind of library entry, built from the kind's fields.

The fields come from ``services.entry_forms``, so talking points, counter-arguments,
public-diplomacy points and cases share this widget. A refused save (a classified marking
on a public-diplomacy point, an empty title, a colleague's newer save) is shown under the
form and the typed text stays where it is: nothing is lost.

Given an undo stack, the editor saves as the briefing editor does: a short pause after
typing (or :meth:`flush_typing`, called when the person leaves the entry) pushes one
undoable save; there is no Save button and nothing waits to be saved.
"""

from __future__ import annotations

from typing import Any

from briefer.errors import BrieferError, EditConflict
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.gui.typing_pause import TypingPause
from briefer.services.entry_forms import (
    EntryForm,
    blank_form,
    entry_kind,
    load_form,
    resolve_conflict,
    save_form,
)

PREVIEW_DELAY_MS = 150


class EntryEditor(QWidget):
    saved = Signal(str)  # the entry's id
    dirty_changed = Signal(bool)
    # An undo or redo changed an entry of this kind: its id ("" if it is gone), so that the
    # page shows what was undone.
    undone = Signal(str)

    def __init__(
        self,
        ctx: StoreContext,
        kind: str,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = entry_kind(kind)
        self.form: EntryForm = blank_form(kind)
        self.undo_stack = undo_stack
        self._baseline: dict[str, str] = dict(self.form.values)  # what the store holds
        self._flushing: dict[str, str] | None = None
        self._dirty = False
        self._loading = False
        self.inputs: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        fields = QWidget()
        layout = QFormLayout(fields)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.spec.fields:
            widget = self._input_for(spec.widget, spec.choices() if spec.choices else [])
            widget.setObjectName(f"field_{spec.name}")
            widget.setAccessibleName(spec.label.replace("&", ""))
            if spec.hint:
                widget.setToolTip(spec.hint)
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(spec.hint)
            label = QLabel(spec.label)
            label.setBuddy(widget)
            layout.addRow(label, widget)
            self.inputs[spec.name] = widget
        self.reviewed = QLabel()
        self.reviewed.setObjectName("reviewedLabel")
        if self.spec.reviewable:
            layout.addRow("Reviewed:", self.reviewed)
        self.message = QLabel()
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4000f;")
        self.message.hide()
        self.preview = QTextBrowser()
        self.preview.setObjectName("entryPreview")
        self.preview.setAccessibleName("Preview")
        self.preview.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(fields)
        split.addWidget(self.preview)
        split.setSizes([400, 180])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split, 1)
        outer.addWidget(self.message)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._render_preview)
        self._trees: Any = None
        self.typing = TypingPause(self, self.flush_typing)

    def _input_for(self, widget: str, choices: list[str]) -> QLineEdit | QComboBox | QPlainTextEdit:
        if widget in ("marking", "choice"):
            combo = QComboBox()
            combo.addItems(choices)
            combo.setEditable(widget == "choice")
            combo.currentTextChanged.connect(self._edited)
            return combo
        if widget in ("markdown", "text"):
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.textChanged.connect(self._edited)
            return text
        line = QLineEdit()
        line.textChanged.connect(self._edited)
        return line

    # ------------------------------------------------------------ values

    def value(self, name: str) -> str:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.inputs}

    def set_value(self, name: str, text: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QComboBox):
            if widget.findText(text) < 0:
                widget.addItem(text)
            widget.setCurrentText(text)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._set_dirty(self.values() != self._baseline)
        self._preview_timer.start()
        if self.undo_stack is not None and self._dirty:
            self.typing.typed()

    # ------------------------------------------------------------ load and save

    def show_form(self, form: EntryForm) -> None:
        self.form = form
        self._loading = True
        try:
            for name, text in form.values.items():
                self.set_value(name, text)
        finally:
            self._loading = False
        by = f" by {form.reviewed_by}" if form.reviewed_by else ""
        self.reviewed.setText(f"{form.reviewed_on}{by}" if form.reviewed_on else "never")
        self.message.hide()
        self._baseline = dict(form.values)
        self._set_dirty(False)
        self._render_preview()

    def load(self, entry_id: str | None) -> None:
        """Show an entry, or a blank form for a new one."""
        kind = self.spec.kind
        self.show_form(
            blank_form(kind) if entry_id is None else self.ctx.read(load_form, kind, entry_id)
        )

    def revert(self) -> None:
        self.show_form(self.form)

    def flush_typing(self) -> None:
        """Push what was typed as one undoable save (written to the store at once); a
        refusal is shown under the form and the text stays, still to be saved."""
        from briefer.gui.page_commands import SaveEntryCommand

        self.typing.stop()
        if self.undo_stack is None or not self._dirty:
            return
        self._flushing = self.values()
        try:
            self.undo_stack.push(
                SaveEntryCommand(self.ctx, self.form, self._flushing, self._written, self._refused)
            )
        finally:
            self._flushing = None

    def _written(self, entry_id: str, form: EntryForm | None, typed: bool) -> None:
        """A save command wrote ``form`` (None: the entry it created is gone again)."""
        if typed and form is not None and self._flushing is not None:
            self.form = form  # its new version; the widgets keep what is being typed
            self._baseline = dict(self._flushing)
            self.message.hide()
            self._set_dirty(self.values() != self._baseline)
            assert form.id is not None
            self.saved.emit(form.id)
        else:  # undone, redone or resolved in the conflict dialog: shown as the store has it
            if entry_id == self.form.id:
                self.show_form(form or blank_form(self.spec.kind))
            self.undone.emit(entry_id if form is not None else "")
        self.ctx.library_changed.emit()

    def _refused(self, message: str) -> None:
        self.show_message(message)

    def save(self) -> bool:
        """Write the form; on refusal say why under the form and keep the typed text."""
        if self.undo_stack is not None:
            self.flush_typing()
            return not self._dirty
        try:
            form = self.ctx.write(save_form, self.form, self.values())
        except EditConflict as conflict:
            form = self._resolve(conflict)
            if form is None:
                return False
        except BrieferError as exc:
            self.show_message(str(exc))
            return False
        self.show_form(form)
        assert form.id is not None
        self.saved.emit(form.id)
        self.ctx.library_changed.emit()
        return True

    def _resolve(self, conflict: EditConflict) -> EntryForm | None:
        """Someone else saved this entry first: the person chooses, field by field."""
        from briefer.gui.conflict_dialog import TAKE_THEIRS, resolve

        choice, chosen = resolve(conflict, self)
        if choice == TAKE_THEIRS:
            self.load(self.form.id)
            self.show_message("Their version is shown; yours was not saved.")
            return None
        values = {**self.values(), **chosen}
        try:
            return self.ctx.write(resolve_conflict, self.form, values)
        except BrieferError as exc:
            self.show_message(str(exc))
            return None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _render_preview(self) -> None:
        if self._trees is None:
            from briefer.export.markdown_tree import MarkdownTrees

            self._trees = MarkdownTrees()
        parts = []
        for spec in self.spec.fields:
            if spec.widget == "markdown" and self.value(spec.name).strip():
                label = spec.label.replace("&", "")
                parts.append(f"<h4>{label}</h4>{self._trees.html(self.value(spec.name))}")
        self.preview.setHtml("".join(parts) or "<i>Nothing to preview yet.</i>")
