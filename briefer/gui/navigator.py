"""The navigator: events and their briefings, then the library by kind and topic.

A briefing or an event can be renamed (F2) or deleted (Delete), also from its context menu;
the navigator only asks, by signal: the window confirms and does it as an undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.qt import (
    QAction,
    QKeySequence,
    QMenu,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTreeView,
    Signal,
)

if TYPE_CHECKING:  # the navigator is built before SQLAlchemy is imported
    from briefer.services.navigation import Navigation

NODE_ROLE = (
    Qt.ItemDataRole.UserRole + 10
)  # ("briefing", id) | ("event", id) | ("library", kind, topic)


class Navigator(QTreeView):
    briefing_chosen = Signal(str)
    event_chosen = Signal(str)
    library_chosen = Signal(str, str)  # kind, topic ("" for all)
    rename_requested = Signal(str, str)  # "briefing" | "event", id
    delete_requested = Signal(str, str)  # "briefing" | "event", id

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navigator")
        self.setAccessibleName("Navigator")
        self.setHeaderHidden(True)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.selectionModel().currentChanged.connect(self._chosen)
        self.rename_action = self._record_action("&Rename…", "F2", self.rename_requested)
        self.delete_action = self._record_action("&Delete…", "Del", self.delete_requested)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    # ---------------------------------------------------------------- rename and delete

    def current_record(self) -> tuple[str, str] | None:
        """(kind, id) of the briefing or event that is current, else None."""
        index = self.currentIndex()
        node = index.data(NODE_ROLE) if index.isValid() else None
        return (node[0], node[1]) if node and node[0] in ("briefing", "event") else None

    def _record_action(self, text: str, key: str, signal: Signal) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not while typing elsewhere
        action.triggered.connect(lambda: self._request(signal))
        self.addAction(action)
        return action

    def _request(self, signal: Signal) -> None:
        record = self.current_record()
        if record is not None:
            signal.emit(*record)

    def _context_menu(self, point: object) -> None:
        if self.current_record() is None or self.indexAt(point) != self.currentIndex():
            return
        menu = QMenu(self)
        menu.addActions([self.rename_action, self.delete_action])
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def fill(self, nav: Navigation) -> None:
        self.model_.clear()
        events = QStandardItem(f"Events ({len(nav.events)})")
        events.setData(("heading",), NODE_ROLE)
        for event in nav.events:
            node = QStandardItem(f"{event.title} — {event.starts_on}")
            node.setData(("event", event.id), NODE_ROLE)
            node.setToolTip(f"{event.kind}, {event.starts_on}")
            for briefing_id, title in event.briefings:
                child = QStandardItem(title)
                child.setData(("briefing", briefing_id), NODE_ROLE)
                child.setAccessibleText(f"Briefing {title}")
                node.appendRow(child)
            events.appendRow(node)
        library = QStandardItem("Library")
        library.setData(("heading",), NODE_ROLE)
        points = QStandardItem(f"Talking points ({nav.counts['point']:,})")
        points.setData(("library", "point", ""), NODE_ROLE)
        for topic, count in nav.topics:
            child = QStandardItem(f"{topic} ({count:,})")
            child.setData(("library", "point", topic), NODE_ROLE)
            points.appendRow(child)
        library.appendRow(points)
        for kind, label in (
            ("counter", "Counter-arguments"),
            ("pd", "Public-diplomacy points"),
            ("case", "Cases"),
            ("list", "Case lists"),
            ("goal", "Goals"),
            ("template", "Templates"),
        ):
            node = QStandardItem(f"{label} ({nav.counts[kind]:,})")
            node.setData(("library", kind, ""), NODE_ROLE)
            library.appendRow(node)
        self.model_.appendRow(events)
        self.model_.appendRow(library)
        self.expand(events.index())
        for row in range(events.rowCount()):
            self.expand(events.child(row).index())
        self.expand(library.index())

    def current_node(self) -> tuple[str, ...] | None:
        """What the person has selected: ("event", id), ("briefing", id), ("library", …)."""
        index = self.currentIndex()
        node = index.data(NODE_ROLE) if index.isValid() else None
        return tuple(node) if node else None

    def select_briefing(self, briefing_id: str) -> None:
        self._select(("briefing", briefing_id))

    def select_event(self, event_id: str) -> None:
        """Select an event's row (without opening anything), e.g. the one just made."""
        self._select(("event", event_id))

    def _select(self, node: tuple[str, str]) -> None:
        """Make ``node``'s row current without emitting a choice. The rows are walked here:
        QAbstractItemModel.match cannot compare the Python tuples the rows hold."""
        found = self._find(self.model_.invisibleRootItem(), node)
        if found is not None:
            selection = self.selectionModel()
            selection.blockSignals(True)
            self.setCurrentIndex(found.index())
            selection.blockSignals(False)
            self.viewport().update()

    def _find(self, parent: QStandardItem, node: tuple[str, str]) -> QStandardItem | None:
        for row in range(parent.rowCount()):
            child = parent.child(row)
            data = child.data(NODE_ROLE)
            if data and tuple(data) == node:
                return child
            found = self._find(child, node)
            if found is not None:
                return found
        return None

    def _chosen(self, current, _previous) -> None:
        node = current.data(NODE_ROLE) if current.isValid() else None
        if not node:
            return
        if node[0] == "briefing":
            self.briefing_chosen.emit(node[1])
        elif node[0] == "event":
            self.event_chosen.emit(node[1])
        elif node[0] == "library":
            self.library_chosen.emit(node[1], node[2])
