"""The navigator: events and their briefings, then the library by kind and topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.gui.qt import QStandardItem, QStandardItemModel, Qt, QTreeView, Signal

if TYPE_CHECKING:  # the navigator is built before SQLAlchemy is imported
    from briefer.services.navigation import Navigation

NODE_ROLE = (
    Qt.ItemDataRole.UserRole + 10
)  # ("briefing", id) | ("event", id) | ("library", kind, topic)


class Navigator(QTreeView):
    briefing_chosen = Signal(str)
    event_chosen = Signal(str)
    library_chosen = Signal(str, str)  # kind, topic ("" for all)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navigator")
        self.setAccessibleName("Navigator")
        self.setHeaderHidden(True)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.selectionModel().currentChanged.connect(self._chosen)

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

    def select_briefing(self, briefing_id: str) -> None:
        matches = self.model_.match(
            self.model_.index(0, 0),
            NODE_ROLE,
            ("briefing", briefing_id),
            1,
            Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly,
        )
        if matches:
            selection = self.selectionModel()
            selection.blockSignals(True)
            self.setCurrentIndex(matches[0])
            selection.blockSignals(False)

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
