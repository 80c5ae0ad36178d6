"""The outline of a briefing as a two-level Qt model: sections, and the items in each.

The model only adapts ``services.outline.OutlineData``; it never changes data itself. A drop
(an item or section dragged within the outline, or a library entry dragged in from the
drawer) is turned into a request signal, which the editor answers with an undo command.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from briefer.gui.qt import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from briefer.markings import default_scheme
from briefer.services.outline import ItemRow, OutlineData, SectionRow, duplicate, refusal

OUTLINE_MIME = "application/x-briefer-outline"
LIBRARY_MIME = "application/x-briefer-library"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "section" or "item"

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = 0xFFFFFFFF


class OutlineModel(QAbstractItemModel):
    move_item_requested = Signal(str, str, int)  # item id, section id, index
    move_section_requested = Signal(str, int)  # section id, index
    insert_requested = Signal(str, str, str, int)  # library kind, source id, section id, index
    refused = Signal(str)  # why a drop was not taken: the section cannot hold it

    def __init__(self) -> None:
        super().__init__()
        self.data_: OutlineData | None = None
        self._sections: tuple[SectionRow, ...] = ()

    # ---------------------------------------------------------------- content

    def set_outline(self, data: OutlineData | None) -> None:
        self.beginResetModel()
        self.data_ = data
        self._sections = data.sections if data else ()
        self.endResetModel()

    def replace_item(self, row: ItemRow) -> QModelIndex:
        """Show one changed item in place, without a reset: typing saves one item at a time,
        and a reset would rebuild the whole tree and lose the view's state."""
        for s_row, section in enumerate(self._sections):
            for i_row, item in enumerate(section.items):
                if item.id == row.id:
                    items = (*section.items[:i_row], row, *section.items[i_row + 1 :])
                    sections = list(self._sections)
                    sections[s_row] = replace(section, items=items)
                    self._sections = tuple(sections)
                    if self.data_ is not None:
                        self.data_ = replace(self.data_, sections=self._sections)
                    index = self.index(i_row, 0, self.index(s_row, 0))
                    self.dataChanged.emit(index, index)
                    return index
        return QModelIndex()

    def section_at(self, row: int) -> SectionRow:
        return self._sections[row]

    def index_of(self, record_id: str) -> QModelIndex:
        for s_row, section in enumerate(self._sections):
            if section.id == record_id:
                return self.index(s_row, 0)
            for i_row, item in enumerate(section.items):
                if item.id == record_id:
                    return self.index(i_row, 0, self.index(s_row, 0))
        return QModelIndex()

    def row_for(self, index: Index) -> SectionRow | ItemRow | None:
        if not index.isValid():
            return None
        parent_row = index.internalId()
        if parent_row == _NO_PARENT:
            return self._sections[index.row()]
        return self._sections[parent_row].items[index.row()]

    # ---------------------------------------------------------------- structure

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, 0, _NO_PARENT) if row < len(self._sections) else QModelIndex()
            )
        if parent.internalId() != _NO_PARENT:
            return QModelIndex()
        items = self._sections[parent.row()].items
        return self.createIndex(row, 0, parent.row()) if row < len(items) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections)
        if parent.internalId() == _NO_PARENT:
            return len(self._sections[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        if isinstance(row, SectionRow):
            if role == Qt.ItemDataRole.DisplayRole:
                return row.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{row.title} — {row.kind} section, {len(row.items)} item(s)"
            if role == ID_ROLE:
                return row.id
            if role == KIND_ROLE:
                return "section"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"Section {row.title}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            portion = default_scheme().parse(row.marking).portion if row.marking else "(?)"
            edited = " ✎" if row.locally_edited else ""
            return f"{portion} {row.label}{edited}"
        if role == Qt.ItemDataRole.ToolTipRole:
            source = (
                f"From the library ({row.source_kind}, revision {row.source_revision})"
                if row.source_kind
                else "Written for this briefing"
            )
            return f"{source}\n\n{row.text[:600]}"
        if role == ID_ROLE:
            return row.id
        if role == KIND_ROLE:
            return "item"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Item {row.label}, marked {row.marking or 'not marked'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == _NO_PARENT:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # ---------------------------------------------------------------- drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [OUTLINE_MIME, LIBRARY_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        index = next((i for i in indexes if i.isValid()), None)
        if index is not None:
            payload = {"type": self.data(index, KIND_ROLE), "id": self.data(index, ID_ROLE)}
            mime.setData(OUTLINE_MIME, json.dumps(payload).encode())
        return mime

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        return data.hasFormat(OUTLINE_MIME) or data.hasFormat(LIBRARY_MIME)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if data.hasFormat(LIBRARY_MIME):
            payload = json.loads(bytes(data.data(LIBRARY_MIME).data()).decode())
            target = self._item_target(row, parent)
            if target is None:
                return False
            if payload["kind"] != "list":  # a case list is placed by the editor, whole
                reason = self._refusal(target[0], payload["kind"], payload["id"])
                if reason:
                    self.refused.emit(reason)
                    return False
            self.insert_requested.emit(payload["kind"], payload["id"], *target)
            return False  # the command rebuilds the model; the view must not remove rows
        if not data.hasFormat(OUTLINE_MIME):
            return False
        payload = json.loads(bytes(data.data(OUTLINE_MIME).data()).decode())
        if payload["type"] == "section":
            if parent.isValid() and parent.internalId() != _NO_PARENT:
                parent = parent.parent()
            index = (
                row
                if not parent.isValid() and row >= 0
                else (parent.row() if parent.isValid() else len(self._sections))
            )
            current = next(i for i, s in enumerate(self._sections) if s.id == payload["id"])
            if index > current:
                index -= 1  # the section leaves its old place before it lands
            self.move_section_requested.emit(payload["id"], index)
            return False
        target = self._item_target(row, parent)
        if target is None:
            return False
        section_id, index = target
        section = next(s for s in self._sections if s.id == section_id)
        ids = [i.id for i in section.items]
        if payload["id"] not in ids:
            moving = next(i for s in self._sections for i in s.items if i.id == payload["id"])
            reason = self._refusal(section_id, moving.source_kind, moving.source_id)
            if reason:
                self.refused.emit(reason)
                return False
        if payload["id"] in ids and ids.index(payload["id"]) < index:
            index -= 1
        self.move_item_requested.emit(payload["id"], section_id, index)
        return False

    def _refusal(self, section_id: str, kind: str | None, source_id: str | None) -> str | None:
        """The core's rule, read before the drop: the section's kind, then the same entry."""
        section = next(s for s in self._sections if s.id == section_id)
        return refusal(section.kind, kind, section.title) or duplicate(section, source_id)

    def _item_target(self, row: int, parent: Index) -> tuple[str, int] | None:
        """Where a dropped item lands: (section id, index in that section)."""
        if not parent.isValid():
            if not self._sections:
                return None
            # Dropped between sections: at the end of the section above the gap.
            section_row = (
                min(max(row, 1), len(self._sections)) - 1 if row >= 0 else len(self._sections) - 1
            )
            section = self._sections[section_row]
            return section.id, len(section.items)
        if parent.internalId() == _NO_PARENT:
            section = self._sections[parent.row()]
            return section.id, row if row >= 0 else len(section.items)
        section = self._sections[parent.internalId()]
        return section.id, parent.row() + 1
