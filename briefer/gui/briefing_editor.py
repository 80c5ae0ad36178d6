"""The briefing editor: marking banner, outline, item editor with live preview, properties,
and a preview of the whole paper as it will be exported.

Every change is an undo command on the briefing's own QUndoStack; commands write to the
store at once, and typing is coalesced into one command after a short pause, so nothing
typed waits for a Save.
"""

from __future__ import annotations

from typing import Any, ClassVar

from briefer.errors import BrieferError
from briefer.gui import commands
from briefer.gui.banner import MarkingBanner
from briefer.gui.context import StoreContext
from briefer.gui.date_field import DateField
from briefer.gui.forms import load_form
from briefer.gui.item_preview import ItemPreview
from briefer.gui.outline_model import ID_ROLE, OutlineModel
from briefer.gui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QInputDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.gui.typing_pause import TypingPause
from briefer.markings import default_scheme
from briefer.services import outline
from briefer.services.outline import ItemRow, OutlineData, SectionRow

_UNMARKED = "(not marked)"


class OutlineView(QTreeView):
    """The outline tree; Alt+Up/Down moves the selection, Delete removes it."""

    move_by = Signal(int)
    delete_pressed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("outlineView")
        self.setAccessibleName("Briefing outline")
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def keyPressEvent(self, event: Any) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_by.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class ItemEditor(QWidget):
    """Markdown text with a live preview, the portion marking and where the item came from."""

    def __init__(self) -> None:
        super().__init__()
        self._trees: Any = None
        self.marking = QComboBox()
        self.marking.setObjectName("itemMarking")
        self.marking.setAccessibleName("Portion marking")
        self.marking.addItem(_UNMARKED)
        self.marking.addItems(default_scheme().choices())
        self.source = QLabel()
        self.source.setObjectName("itemSource")
        self.source.setAccessibleName("Source of this item")
        self.source.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("itemText")
        self.text.setAccessibleName("Item text (Markdown)")
        self.text.setPlaceholderText("Write in Markdown: **bold**, *italic*, - bullets …")
        self.preview = ItemPreview(lambda: self.trees)
        self.preview.setObjectName("itemPreview")
        self.preview.setAccessibleName("Item preview")
        self.preview.setOpenLinks(False)
        top = QHBoxLayout()
        label = QLabel("Portion &marking:")
        label.setBuddy(self.marking)
        top.addWidget(label)
        top.addWidget(self.marking)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("itemSplitter")
        split.addWidget(self.text)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.source)
        layout.addWidget(split, 1)
        self.text.textChanged.connect(self._text_changed)
        self.setEnabled(False)

    def show_item(self, item: ItemRow | None) -> None:
        self.setEnabled(item is not None)
        blockers = [self.text.blockSignals(True), self.marking.blockSignals(True)]
        try:
            if item is None:
                self.text.setPlainText("")
                self.source.setText("Select an item of the outline to edit it.")
                self.marking.setCurrentIndex(0)
            else:
                if self.text.toPlainText() != item.text:
                    self.text.setPlainText(item.text)
                self.marking.setCurrentText(item.marking or _UNMARKED)
                self.show_source(item)
        finally:
            self.text.blockSignals(blockers[0])
            self.marking.blockSignals(blockers[1])
        self.preview.show_text(self.text.toPlainText(), at_once=True)

    def show_source(self, item: ItemRow) -> None:
        """Where the item came from, and whether it was edited since."""
        if item.source_kind and item.source_id is None:  # its library entry was deleted
            self.source.setText(
                f"Copied from the library ({item.source_kind}, revision "
                f"{item.source_revision}); that entry was deleted since, so this copy is the "
                "briefing's own."
            )
        elif item.source_kind:
            edited = "edited for this briefing" if item.locally_edited else "as in the library"
            revision = item.source_revision
            self.source.setText(
                f"From the library: {item.source_kind}, revision {revision} — {edited}."
            )
        else:
            self.source.setText("Written for this briefing.")

    @property
    def trees(self) -> Any:
        """The Markdown parser, built on first use (it is not needed to show an outline)."""
        if self._trees is None:
            from briefer.export.markdown_tree import MarkdownTrees

            self._trees = MarkdownTrees()
        return self._trees

    def chosen_marking(self) -> str | None:
        value = self.marking.currentText()
        return None if value == _UNMARKED else value

    def _text_changed(self) -> None:
        self.preview.show_text(self.text.toPlainText())  # rendered after a pause, not per key


class BriefingEditor(QWidget):
    """Edits one briefing at a time; owns that briefing's undo stack."""

    outline_shown = Signal()

    def __init__(self, ctx: StoreContext):
        super().__init__()
        self.ctx = ctx
        self.briefing_id: str | None = None
        self.stacks: dict[str, QUndoStack] = {}
        self.undo_stack = QUndoStack(self)
        self.current_item: ItemRow | None = None
        self._pending_text: tuple[str, str, str] | None = None  # item id, old, new

        self.banner = MarkingBanner()
        self.model = OutlineModel()
        self.tree = OutlineView()
        self.tree.setModel(self.model)
        self.item_editor = ItemEditor()
        self._properties: PropertiesPanel | None = None
        self.properties_tab = QWidget()
        self.properties_tab.setLayout(QVBoxLayout())
        self.properties_tab.layout().setContentsMargins(0, 0, 0, 0)
        self.preview = QTextBrowser()
        self.preview.setObjectName("documentPreview")
        self.preview.setAccessibleName("Document preview")
        self.preview.setOpenLinks(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("outlineSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.item_editor)
        self.splitter.setStretchFactor(1, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self.splitter, "&Outline")
        self.tabs.addTab(self.properties_tab, "P&roperties")
        self.tabs.addTab(self.preview, "Previe&w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)

        self.typing = TypingPause(self, self.flush_typing)
        self.item_editor.text.textChanged.connect(self._text_changed)
        self.item_editor.marking.currentIndexChanged.connect(self._marking_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.move_by.connect(self.move_selection)
        self.tree.delete_pressed.connect(self.delete_selection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._rename_if_section)
        self.model.move_item_requested.connect(self.move_item)
        self.model.move_section_requested.connect(self.move_section)
        self.model.insert_requested.connect(self.insert_from_library)
        self.model.refused.connect(lambda reason: self.ctx.failed.emit(reason))  # a bad drop
        self.tabs.currentChanged.connect(self._tab_changed)
        ctx.outline_changed.connect(self._outline_changed)
        ctx.item_changed.connect(self._item_changed)
        self.setEnabled(False)

    # ---------------------------------------------------------------- opening

    def open_briefing(self, briefing_id: str) -> None:
        self.flush_typing()
        self.briefing_id = briefing_id
        self.undo_stack = self.stacks.setdefault(briefing_id, QUndoStack(self))
        self.setEnabled(True)
        self.reload()
        self.tabs.setCurrentIndex(0)
        self.outline_shown.emit()

    def show_nothing(self) -> None:
        """No briefing is open (the one that was has been deleted): an empty editor, with a
        history of its own for what the window does meanwhile."""
        self._pending_text = None  # typing for a deleted briefing has nowhere to go
        self.typing.stop()
        self.briefing_id = None
        self.undo_stack = self.stacks.setdefault("", QUndoStack(self))
        self.model.set_outline(None)
        self._current_changed(QModelIndex(), QModelIndex())
        self.item_editor.source.setText("No briefing is open: choose one in the navigator.")
        self.setEnabled(False)

    def reload(self, keep: str | None = None) -> None:
        """Rebuild the outline from the store, keeping the selection where it was."""
        if self.briefing_id is None:
            return
        data: OutlineData = self.ctx.read(outline.outline, self.briefing_id)
        selected = keep or (
            self.tree.currentIndex().data(ID_ROLE) if self.tree.currentIndex().isValid() else None
        )
        same_briefing = (
            self.model.data_ is not None and self.model.data_.briefing_id == data.briefing_id
        )
        near = self._place_of(selected) if selected and same_briefing else None
        self.model.set_outline(data)
        self.tree.expandAll()
        self.banner.set_marking(data.marking)
        self._drop_typing_for_deleted_item()
        index = self.model.index_of(selected) if selected else QModelIndex()
        if not index.isValid() and near is not None:  # it was deleted: edit its neighbour
            index = self._index_near(*near)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:  # nothing is selected: the item editor edits nothing
            self._current_changed(QModelIndex(), QModelIndex())
        if self.tabs.currentWidget() is self.preview:
            self.refresh_preview()

    def _place_of(self, record_id: str) -> tuple[str | None, int] | None:
        """Where a record is in the outline shown now: (section id, item index) for an item,
        (None, section index) for a section."""
        for s_index, section in enumerate(self.model.data_.sections if self.model.data_ else ()):
            if section.id == record_id:
                return None, s_index
            for i_index, item in enumerate(section.items):
                if item.id == record_id:
                    return section.id, i_index
        return None

    def _index_near(self, section_id: str | None, position: int) -> QModelIndex:
        """What takes a deleted record's place: the item now at its position in its section
        (else the one before it, else the section); for a section, the one now in its place."""
        sections = self.model.data_.sections if self.model.data_ else ()
        if section_id is None:
            return (
                self.model.index_of(sections[min(position, len(sections) - 1)].id)
                if sections
                else QModelIndex()
            )
        section = next((s for s in sections if s.id == section_id), None)
        if section is None:
            return QModelIndex()
        if not section.items:
            return self.model.index_of(section.id)
        return self.model.index_of(section.items[min(position, len(section.items) - 1)].id)

    def _drop_typing_for_deleted_item(self) -> None:
        """Typing not yet saved for an item that is no longer in the outline (deleted by an
        undo, the review, or another window) has nowhere to go: it is not an error."""
        if (
            self._pending_text is not None
            and not self.model.index_of(self._pending_text[0]).isValid()
        ):
            self._pending_text = None
            self.typing.stop()

    def _outline_changed(self, briefing_id: str) -> None:
        if briefing_id == self.briefing_id:
            self.reload()
            # Only a visible properties tab is re-read (an undone property shows at once);
            # typing in an item does not pay for a properties query.
            if self.tabs.currentWidget() is self.properties_tab:
                self._refresh_properties()

    def _item_changed(self, briefing_id: str, row: ItemRow) -> None:
        """One item's text was saved (an autosave, or its undo): its row is updated in place.
        The outline is not read again nor rebuilt, and the text being typed is not reset."""
        if briefing_id != self.briefing_id:
            return
        self.model.replace_item(row)
        if self.current_item is not None and self.current_item.id == row.id:
            self.current_item = row
            if self.item_editor.text.toPlainText() != row.text:  # undone or redone
                self.item_editor.show_item(row)
            else:
                self.item_editor.show_source(row)
        if self.tabs.currentWidget() is self.preview:
            self.refresh_preview()

    # ---------------------------------------------------------------- selection and typing

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush_typing()
        row = self.model.row_for(current)
        self.current_item = row if isinstance(row, ItemRow) else None
        self.item_editor.show_item(self.current_item)

    def _text_changed(self) -> None:
        if self.current_item is None:
            return
        old = self._pending_text[1] if self._pending_text else self.current_item.text
        self._pending_text = (self.current_item.id, old, self.item_editor.text.toPlainText())
        self.typing.typed()

    def flush_typing(self) -> None:
        """Push the pending typing as one command (it is written to the store at once)."""
        self.typing.stop()
        pending, self._pending_text = self._pending_text, None
        if pending is None or self.briefing_id is None or pending[1] == pending[2]:
            return
        item_id, old, new = pending
        self.undo_stack.push(
            commands.EditItemCommand(self.ctx, self.briefing_id, item_id, "text", old, new)
        )

    def _marking_changed(self) -> None:
        if self.current_item is None or self.briefing_id is None:
            return
        new = self.item_editor.chosen_marking()
        if new != self.current_item.marking:
            self.flush_typing()
            self.undo_stack.push(
                commands.EditItemCommand(
                    self.ctx,
                    self.briefing_id,
                    self.current_item.id,
                    "marking",
                    self.current_item.marking,
                    new,
                )
            )

    # ---------------------------------------------------------------- outline operations

    def move_item(self, item_id: str, section_id: str, index: int) -> None:
        self.flush_typing()
        assert self.briefing_id is not None
        self.undo_stack.push(
            commands.MoveItemCommand(self.ctx, self.briefing_id, item_id, section_id, index)
        )
        self.select_record(item_id)

    def move_section(self, section_id: str, index: int) -> None:
        self.flush_typing()
        assert self.briefing_id is not None
        self.undo_stack.push(
            commands.MoveSectionCommand(self.ctx, self.briefing_id, section_id, index)
        )
        self.select_record(section_id)

    def insert_from_library(self, kind: str, source_id: str, section_id: str, index: int) -> None:
        """Insert a copy of a library entry; a case list (kind "list") comes in whole."""
        self.flush_typing()
        assert self.briefing_id is not None
        if kind == "list":
            self.insert_case_list(source_id, section_id)
            return
        command = commands.InsertFromLibraryCommand(
            self.ctx, self.briefing_id, section_id, kind, source_id, index
        )
        self.undo_stack.push(command)
        if command.item_id:
            self.select_record(command.item_id)

    def insert_case_list(self, case_list_id: str, section_id: str | None = None) -> str | None:
        """Present a case list: an empty case-list section ``section_id`` is filled, else a
        new case-list section goes after it (or at the end). Returns the section's id."""
        self.flush_typing()
        assert self.briefing_id is not None
        command = commands.InsertCaseListCommand(
            self.ctx, self.briefing_id, case_list_id, section_id
        )
        self.undo_stack.push(command)
        if command.done is None:
            return None
        self.select_record(command.done.section_id)
        return command.done.section_id

    def insertion_point(self) -> tuple[str, int] | None:
        """Where Enter in the library drawer inserts: after the selected item, or at the end
        of the selected section (else of the last section)."""
        row = self.model.row_for(self.tree.currentIndex())
        data = self.model.data_
        if data is None or not data.sections:
            return None
        if isinstance(row, ItemRow):
            section = next(s for s in data.sections if s.id == row.section_id)
            return section.id, [i.id for i in section.items].index(row.id) + 1
        section = row if isinstance(row, SectionRow) else data.sections[-1]
        return section.id, len(section.items)

    def move_selection(self, step: int) -> None:
        row = self.model.row_for(self.tree.currentIndex())
        data = self.model.data_
        if row is None or data is None:
            return
        if isinstance(row, SectionRow):
            position = [s.id for s in data.sections].index(row.id)
            target = position + step
            if 0 <= target < len(data.sections):
                self.move_section(row.id, target)
            return
        sections = list(data.sections)
        s_index = next(i for i, s in enumerate(sections) if s.id == row.section_id)
        i_index = [i.id for i in sections[s_index].items].index(row.id)
        target = i_index + step
        if 0 <= target < len(sections[s_index].items):
            self.move_item(row.id, row.section_id, target)
        elif step < 0 and s_index > 0:  # off the top: to the end of the section above
            self.move_item(row.id, sections[s_index - 1].id, len(sections[s_index - 1].items))
        elif step > 0 and s_index + 1 < len(sections):  # off the bottom: top of the next
            self.move_item(row.id, sections[s_index + 1].id, 0)

    def delete_selection(self) -> None:
        row = self.model.row_for(self.tree.currentIndex())
        if row is None or self.briefing_id is None:
            return
        self.flush_typing()
        if isinstance(row, SectionRow):
            self.undo_stack.push(commands.DeleteSectionCommand(self.ctx, self.briefing_id, row.id))
        else:
            self.undo_stack.push(commands.DeleteItemCommand(self.ctx, self.briefing_id, row.id))

    def add_section(self, kind: str, title: str) -> None:
        assert self.briefing_id is not None
        data = self.model.data_
        row = self.model.row_for(self.tree.currentIndex())
        index = None
        if data is not None and row is not None:
            section_id = row.id if isinstance(row, SectionRow) else row.section_id
            index = [s.id for s in data.sections].index(section_id) + 1
        command = commands.AddSectionCommand(self.ctx, self.briefing_id, kind, title, index)
        self.undo_stack.push(command)
        if command.section_id:
            self.select_record(command.section_id)

    def add_paragraph(self) -> None:
        target = self.insertion_point()
        if target is None or self.briefing_id is None:
            return
        data = self.model.data_
        assert data is not None
        command = commands.AddTextItemCommand(
            self.ctx, self.briefing_id, target[0], "", data.base_marking, target[1]
        )
        self.undo_stack.push(command)
        if command.item_id:
            self.select_record(command.item_id)
            self.item_editor.text.setFocus()

    def rename_section(self, section: SectionRow, title: str) -> None:
        assert self.briefing_id is not None
        if title.strip() and title != section.title:
            self.undo_stack.push(
                commands.RenameSectionCommand(
                    self.ctx, self.briefing_id, section.id, section.title, title
                )
            )

    def _rename_if_section(self, index: QModelIndex) -> None:
        row = self.model.row_for(index)
        if isinstance(row, SectionRow):
            title, ok = QInputDialog.getText(
                self, "Rename section", "Section title:", QLineEdit.EchoMode.Normal, row.title
            )
            if ok:
                self.rename_section(row, title)

    def _context_menu(self, point: Any) -> None:
        menu = QMenu(self)
        menu.addAction("Add paragraph", self.add_paragraph)
        menu.addAction("Add section…", self.ask_new_section)
        if self.tree.currentIndex().isValid():
            menu.addAction("Move up\tAlt+Up", lambda: self.move_selection(-1))
            menu.addAction("Move down\tAlt+Down", lambda: self.move_selection(1))
            menu.addAction("Delete\tDel", self.delete_selection)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def ask_new_section(self) -> None:
        kinds = outline.section_kinds()
        kind, ok = QInputDialog.getItem(self, "Add section", "Kind of section:", kinds, 0, False)
        if not ok:
            return
        title, ok = QInputDialog.getText(
            self, "Add section", "Section title:", QLineEdit.EchoMode.Normal, kind.title()
        )
        if ok and title.strip():
            self.add_section(kind, title)

    def select_record(self, record_id: str) -> None:
        index = self.model.index_of(record_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # ---------------------------------------------------------------- preview

    @property
    def properties(self) -> PropertiesPanel:
        """The properties form, loaded from its Designer file when first needed."""
        if self._properties is None:
            self._properties = PropertiesPanel(self)
            self.properties_tab.layout().addWidget(self._properties)
            self._properties.load()
        return self._properties

    def _tab_changed(self, _index: int) -> None:
        self.flush_typing()
        if self.tabs.currentWidget() is self.preview:
            self.refresh_preview()
        elif self.tabs.currentWidget() is self.properties_tab:
            self._refresh_properties()

    def _refresh_properties(self) -> None:
        """Read the properties when their tab is shown (built, and so read, the first time)."""
        if self._properties is None:
            _ = self.properties
        elif not self._properties.loading:
            self._properties.load()

    def refresh_preview(self) -> None:
        """The whole paper through the export's own Markdown path."""
        if self.briefing_id is None:
            return
        from briefer.export.assemble import ExportOptions
        from briefer.export.md_writer import render_markdown
        from briefer.services.exports import load_document

        doc = self.ctx.read(load_document, self.briefing_id, ExportOptions())
        self.preview.setHtml(self.item_editor.trees.html(render_markdown(doc)))


class PropertiesPanel(QWidget):
    """The briefing's own fields, from a Designer form; each change is an undo command."""

    TEXT_FIELDS: ClassVar[dict[str, Any]] = {
        "subjectEdit": ("subject", "subject"),
        "fromEdit": ("from_line", "From"),
        "toEdit": ("to_line", "To"),
        "draftedByEdit": ("drafted_by", "drafted by"),
        "approvedByEdit": ("approved_by", "approved by"),
        "classifiedByEdit": ("classified_by", "classified by"),
        "reasonEdit": ("classification_reason", "reason"),
        "declassifyEdit": ("declassify_on", "declassify on"),
        "titleEdit": ("title", "title"),
    }
    COMBOS: ClassVar[dict[str, Any]] = {
        "memoKindCombo": ("memo_kind", "memo kind"),
        "statusCombo": ("status", "status"),
        "baseMarkingCombo": ("base_marking", "base marking"),
    }

    def __init__(self, editor: BriefingEditor):
        super().__init__()
        self.editor = editor
        self.form = load_form("briefing_properties.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.values: dict[str, Any] = {}
        self.loading = False
        from briefer.models import BriefingStatus, MemoKind

        self.form.findChild(QComboBox, "memoKindCombo").addItems([k.value for k in MemoKind])
        self.form.findChild(QComboBox, "statusCombo").addItems([s.value for s in BriefingStatus])
        self.form.findChild(QComboBox, "baseMarkingCombo").addItems(default_scheme().choices())
        for name in self.TEXT_FIELDS:
            self.form.findChild(QLineEdit, name).editingFinished.connect(self._changed)
        for name in self.COMBOS:
            self.form.findChild(QComboBox, name).activated.connect(self._changed)
        self.summary = self.form.findChild(QPlainTextEdit, "summaryEdit")
        self.summary.installEventFilter(self)
        self.drafted_on: DateField = self.form.findChild(DateField, "draftedOnEdit")
        self.drafted_on.set_label("Drafted on")
        self.drafted_on.date_changed.connect(self._changed)
        self.clearances = self.form.findChild(QTableWidget, "clearancesTable")
        self.clearances.setColumnCount(4)
        self.clearances.setHorizontalHeaderLabels(["Office", "Person", "Status", "Date"])
        self.clearances.horizontalHeader().setStretchLastSection(True)
        self.clearances.verticalHeader().hide()
        self.clearances.setMinimumHeight(120)
        self.clearances.itemChanged.connect(self._clearance_edited)
        self.form.findChild(QPushButton, "addClearanceButton").clicked.connect(self.add_clearance)
        self.form.findChild(QPushButton, "removeClearanceButton").clicked.connect(
            self.remove_clearance
        )
        self.clearance_rows: list[Any] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.summary and event.type() == QEvent.Type.FocusOut:
            self._changed()
        return super().eventFilter(watched, event)

    def load(self) -> None:
        if self.editor.briefing_id is None:
            return
        from briefer.services.briefings import get_briefing

        def read(session: Any) -> dict[str, Any]:
            book = get_briefing(session, self.editor.briefing_id)
            values = {
                field: getattr(book, field)
                for field, _ in [*self.TEXT_FIELDS.values(), *self.COMBOS.values()]
            }
            values["summary"] = book.summary
            values["drafted_on"] = book.drafted_on
            values["event"] = f"{book.event.title} ({book.event.starts_on.isoformat()})"
            return values

        self.values = self.editor.ctx.read(read)
        self.loading = True
        try:
            for name, (field, _label) in self.TEXT_FIELDS.items():
                self.form.findChild(QLineEdit, name).setText(self.values[field])
            for name, (field, _label) in self.COMBOS.items():
                value = self.values[field]
                self.form.findChild(QComboBox, name).setCurrentText(getattr(value, "value", value))
            self.summary.setPlainText(self.values["summary"])
            self.drafted_on.set_value(self.values["drafted_on"])  # None stays "No date"
            self.form.findChild(QLabel, "eventLabel").setText(self.values["event"])
            self._fill_clearances()
        finally:
            self.loading = False

    CLEARANCE_FIELDS = ("office", "person", "status", "cleared_on")

    def _fill_clearances(self) -> None:
        from briefer.gui.qt import QTableWidgetItem

        self.clearance_rows = self.editor.ctx.read(outline.clearances, self.editor.briefing_id)
        self.clearances.blockSignals(True)
        try:
            self.clearances.setRowCount(len(self.clearance_rows))
            for row, clearance in enumerate(self.clearance_rows):
                for column, field in enumerate(self.CLEARANCE_FIELDS):
                    self.clearances.setItem(
                        row, column, QTableWidgetItem(getattr(clearance, field))
                    )
        finally:
            self.clearances.blockSignals(False)

    def _clearance_edited(self, cell: Any) -> None:
        if self.loading or self.editor.briefing_id is None:
            return
        clearance = self.clearance_rows[cell.row()]
        field = self.CLEARANCE_FIELDS[cell.column()]
        old, new = getattr(clearance, field), cell.text().strip()
        if old != new:
            self.editor.undo_stack.push(
                commands.EditClearanceCommand(
                    self.editor.ctx, self.editor.briefing_id, clearance.id, field, old, new
                )
            )
        self._fill_clearances()

    def add_clearance(self) -> None:
        office, ok = QInputDialog.getText(self, "Add clearance", "Office (e.g. EUR/SOV):")
        if ok and office.strip() and self.editor.briefing_id is not None:
            self.editor.undo_stack.push(
                commands.AddClearanceCommand(self.editor.ctx, self.editor.briefing_id, office)
            )
            self._fill_clearances()

    def remove_clearance(self) -> None:
        row = self.clearances.currentRow()
        if 0 <= row < len(self.clearance_rows) and self.editor.briefing_id is not None:
            self.editor.undo_stack.push(
                commands.DeleteClearanceCommand(
                    self.editor.ctx, self.editor.briefing_id, self.clearance_rows[row].id
                )
            )
            self._fill_clearances()

    def _changed(self) -> None:
        if self.loading or self.editor.briefing_id is None:
            return
        changes: list[tuple[str, str, Any]] = []
        for name, (field, label) in self.TEXT_FIELDS.items():
            value = self.form.findChild(QLineEdit, name).text()
            if value != self.values.get(field):
                changes.append((field, label, value))
        for name, (field, label) in self.COMBOS.items():
            value = self.form.findChild(QComboBox, name).currentText()
            current = self.values.get(field)
            if value != getattr(current, "value", current):
                changes.append((field, label, value))
        if self.summary.toPlainText() != self.values.get("summary"):
            changes.append(("summary", "summary", self.summary.toPlainText()))
        day = self.drafted_on.value()  # text that is not a date is flagged in the field
        if self.values.get("drafted_on") != day:
            changes.append(("drafted_on", "drafted on", day))
        for field, label, value in changes:
            old = self.values.get(field)
            self.editor.undo_stack.push(
                commands.EditBriefingCommand(
                    self.editor.ctx,
                    self.editor.briefing_id,
                    field,
                    label,
                    getattr(old, "value", old),
                    value,
                )
            )
        if changes:
            try:
                self.load()
            except BrieferError as exc:
                self.editor.ctx.failed.emit(str(exc))


def shortcut_text(sequence: QKeySequence.StandardKey) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
