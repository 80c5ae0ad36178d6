"""The main window: navigator, briefing editor, library drawer, menus, status bar.

The window is built in two steps so that it paints at once: ``MainWindow()`` makes the
shell from Qt alone; :meth:`attach` (called on the next turn of the event loop) opens the
store's side — it is the first code that imports SQLAlchemy and the services.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer import __version__
from briefer.gui.forms import load_form
from briefer.gui.qt import (
    QAction,
    QCloseEvent,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QIcon,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSettings,
    QTabWidget,
    QTimer,
    QToolBar,
    QUndoGroup,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.paths import asset

if TYPE_CHECKING:
    from briefer.gui.briefing_editor import BriefingEditor
    from briefer.gui.context import StoreContext
    from briefer.gui.library_drawer import LibraryDrawer
    from briefer.gui.navigator import Navigator
    from briefer.store import Store

RECENT_KEY = "stores/recent"
# The workspace's pages beside the briefing: name -> (tab label, module, class). Each is
# built the first time it is shown, so opening the store costs none of them.
PAGES = {
    "library": ("&Library", "briefer.gui.library_browser", "LibraryBrowser"),
    "cases": ("&Cases", "briefer.gui.case_browser", "CaseBrowser"),
    "lists": ("Case li&sts", "briefer.gui.case_lists", "CaseListsView"),
    "review": ("Re&view session", "briefer.gui.review_session", "ReviewSessionView"),
    "goals": ("&Goals", "briefer.gui.goals_view", "GoalsView"),
}
DRAWER_DELAY_MS = 50
MAX_RECENT = 8


def _icon(name: str) -> QIcon:
    return QIcon(str(asset("resources", "icons", f"{name}.svg")))


class MainWindow(QMainWindow):
    ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle("Briefer")
        self.store: Store | None = None
        self.ctx: StoreContext | None = None
        self.editor: BriefingEditor | None = None
        self.drawer: LibraryDrawer | None = None
        self.undo_group = QUndoGroup(self)

        self._default_layout = True
        self._drawer_was_shown = False
        self.navigator: Navigator | None = None
        self.navigator_dock: QDockWidget | None = None
        self.drawer_dock: QDockWidget | None = None
        self.review_dock: QDockWidget | None = None
        self.review_panel: Any = None
        # The first frame shows only what needs no data and no Qt enums; the docks are built
        # as the store opens (see _build_docks), a few milliseconds after it.
        self.setCentralWidget(QLabel("Opening the store…"))

        self.store_label = QLabel()
        self.store_label.setObjectName("storeLabel")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.save_label.setAccessibleName("Save state")
        self._build_actions()
        self.resize(1280, 800)
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _build_docks(self) -> None:
        """The navigator and the library drawer's dock, with their remembered layout."""
        if self.navigator_dock is not None:
            return
        from briefer.gui.navigator import Navigator
        from briefer.gui.qt import Qt  # resolved on first use: not needed for the first frame

        self.navigator = Navigator()
        self.navigator_dock = QDockWidget("Navigator", self)
        self.navigator_dock.setObjectName("navigatorDock")
        self.navigator_dock.setWidget(self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)
        self.drawer_dock = QDockWidget("Library", self)
        self.drawer_dock.setObjectName("libraryDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.drawer_dock)
        # Carry-forward review of the open briefing; hidden until asked for (it reads every
        # item's source), refreshed whenever it is shown.
        self.review_dock = QDockWidget("Review", self)
        self.review_dock.setObjectName("reviewDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
        self.review_dock.hide()
        self.review_dock.visibilityChanged.connect(self._review_visibility)
        self._apply_shortcuts()
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.save_label)
        self.view_menu.addActions(
            [
                self.navigator_dock.toggleViewAction(),
                self.drawer_dock.toggleViewAction(),
                self.review_dock.toggleViewAction(),
            ]
        )
        state = QSettings().value("main/state")
        self._default_layout = state is None or not self.restoreState(state)

        self.navigator.briefing_chosen.connect(self.open_briefing)
        self.navigator.library_chosen.connect(self._library_chosen)
        self.navigator.event_chosen.connect(self._event_chosen)

    # ---------------------------------------------------------------- actions

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: Any = None,
        icon: str | None = None,
        name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            self._shortcuts.append((action, [shortcut]))
        if icon:
            action.setIcon(_icon(icon))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _apply_shortcuts(self) -> None:
        """Key bindings, set after the first paint: building the first QKeySequence from a
        standard key costs PySide6 ~15 ms of enum set-up, and no key can be pressed before
        the window is on screen anyway. "std:New" names a platform-standard binding."""
        for action, specs in self._shortcuts:
            sequences = [
                QKeySequence(getattr(QKeySequence.StandardKey, spec[4:]))
                if spec.startswith("std:")
                else QKeySequence(spec)
                for spec in specs
            ]
            action.setShortcuts([seq for seq in sequences if not seq.isEmpty()] or sequences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self._shortcuts = []

    def _build_actions(self) -> None:
        self._shortcuts: list[tuple[QAction, list[str]]] = []
        self.new_action = self._action(
            "&New Briefing…", self.new_briefing, "std:New", "new", "newBriefing"
        )
        self.new_event_action = self._action("New &Event…", self.new_event, None, None, "newEvent")
        self.edit_event_action = self._action(
            "Edit E&vent…", self.edit_event, None, None, "editEvent"
        )
        self.export_action = self._action("&Export…", self.export, "Ctrl+E", "export", "export")
        self.import_points_action = self._action(
            "Talking &Points…", lambda: self.import_file("points"), None, None, "importPoints"
        )
        self.import_cases_action = self._action(
            "&Cases…", lambda: self.import_file("cases"), None, None, "importCases"
        )
        self.compare_action = self._action(
            "Co&mpare Briefings…", self.compare, None, None, "compareBriefings"
        )
        self.save_template_action = self._action(
            "Save as &Template…", self.save_as_template, None, None, "saveTemplate"
        )
        self.new_draft_action = self._action(
            "New &Draft of This Briefing", self.new_draft, None, None, "newDraft"
        )
        self.review_action = self._action(
            "&Review Briefing", self.show_review, "Ctrl+Shift+R", None, "reviewBriefing"
        )
        self.new_store_action = self._action("New &Store…", self.new_store, None, None, "newStore")
        self.open_store_action = self._action(
            "&Open Store…", self.choose_store, "std:Open", None, "openStore"
        )
        self.copy_store_action = self._action(
            "&Copy Store To…", self.copy_store, None, None, "copyStore"
        )
        self.quit_action = self._action("&Quit", self.close, "std:Quit", None, "quit")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self._shortcuts.append((self.undo_action, ["std:Undo"]))
        self.undo_action.setIcon(_icon("undo"))
        self.undo_action.setObjectName("undo")
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self._shortcuts.append((self.redo_action, ["std:Redo", "Ctrl+Shift+Z"]))
        self.redo_action.setIcon(_icon("redo"))
        self.redo_action.setObjectName("redo")
        self.find_action = self._action("&Find in Library", self.find, "std:Find", "find", "find")
        self.add_paragraph_action = self._action(
            "Add &Paragraph", self._add_paragraph, "Ctrl+Return", None, "addParagraph"
        )
        self.add_section_action = self._action(
            "Add &Section…", self._add_section, None, None, "addSection"
        )
        self.preferences_action = self._action(
            "Pre&ferences…", self.preferences, "std:Preferences", None, "preferences"
        )
        about = self._action("&About Briefer", self.show_about, None, None, "about")

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new_action, self.new_event_action, self.edit_event_action])
        file_menu.addSeparator()
        file_menu.addActions([self.new_store_action, self.open_store_action])
        self.recent_menu = QMenu("Open &Recent", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.copy_store_action)
        file_menu.addSeparator()
        import_menu = file_menu.addMenu("&Import")
        import_menu.addActions([self.import_points_action, self.import_cases_action])
        file_menu.addActions(
            [
                self.export_action,
                self.save_template_action,
                self.new_draft_action,
                self.compare_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.add_paragraph_action, self.add_section_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.review_action, self.preferences_action])
        self.view_menu = menu.addMenu("&View")
        menu.addMenu("&Help").addAction(about)

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.addActions([self.new_action, self.export_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addAction(self.find_action)
        self.addToolBar(toolbar)
        self._update_recent_menu()
        self._set_store_actions(False)

    def _set_store_actions(self, enabled: bool) -> None:
        for action in (
            self.new_action,
            self.new_event_action,
            self.edit_event_action,
            self.export_action,
            self.copy_store_action,
            self.save_template_action,
            self.new_draft_action,
            self.import_points_action,
            self.import_cases_action,
            self.compare_action,
            self.review_action,
            self.find_action,
            self.add_paragraph_action,
            self.add_section_action,
        ):
            action.setEnabled(enabled)

    # ---------------------------------------------------------------- the store

    def attach(self, store: Store, *, is_sample: bool) -> None:
        """Show ``store``: build the editor and drawer on it and fill the navigator."""
        from briefer.gui.briefing_editor import BriefingEditor
        from briefer.gui.context import StoreContext
        from briefer.gui.library_drawer import LibraryDrawer

        self._build_docks()
        old = self.store
        self.store = store
        self.ctx = StoreContext(store, is_sample)
        self.ctx.dialog_parent = self
        self.ctx.saving.connect(lambda: self.save_label.setText("Saving…"))
        self.ctx.saved.connect(lambda: self.save_label.setText("All changes saved"))
        self.ctx.failed.connect(self._failed)
        for stack in list(self.undo_group.stacks()):
            self.undo_group.removeStack(stack)
        self.editor = BriefingEditor(self.ctx)
        self.pages: dict[str, QWidget] = {}
        self._page_hosts: dict[str, QWidget] = {}
        self.workspace_tabs = QTabWidget()
        self.workspace_tabs.setObjectName("workspaceTabs")
        self.workspace_tabs.addTab(self.editor, "&Briefing")
        for name, (label, _module, _cls) in PAGES.items():
            host = QWidget()
            host.setObjectName(f"{name}Page")
            host.setLayout(QVBoxLayout())
            host.layout().setContentsMargins(0, 0, 0, 0)
            self._page_hosts[name] = host
            self.workspace_tabs.addTab(host, label)
        self.workspace_tabs.currentChanged.connect(self._workspace_tab_changed)
        self.setCentralWidget(self.workspace_tabs)
        if self._default_layout:  # first run: applied once the new widgets are laid out
            QTimer.singleShot(0, self, self._apply_default_layout)
        splitter_state = QSettings().value("main/outlineSplitter")
        if splitter_state is not None:
            self.editor.splitter.restoreState(splitter_state)
        self.drawer = LibraryDrawer()
        self.drawer_dock.setWidget(self.drawer)
        self.review_panel = None
        self.review_dock.setWidget(QWidget())
        # The drawer's first page of entries is not needed to show the briefing: it is listed
        # just after the window is ready (a search typed before then runs at once anyway).
        ctx, drawer = self.ctx, self.drawer
        # The drawer is the timer's context: if it is gone first (store switched, window
        # closed), the timer is cancelled with it.
        QTimer.singleShot(
            DRAWER_DELAY_MS, drawer, lambda: drawer.ctx is None and drawer.set_context(ctx)
        )
        self.drawer.insert_requested.connect(self._insert_from_drawer)
        self.drawer.open_requested.connect(self.open_entry)
        self.navigator.fill(self.ctx.read(_navigation))
        name = "Sample workspace" if is_sample else Path(store.target.display).name
        self.setWindowTitle(f"{name} — Briefer")
        as_of = store.as_of
        self.store_label.setText(
            f"Store: {store.target.display}"
            + ("   ·   Encrypted" if store.encrypted else "")
            + (f"   ·   As of {as_of.isoformat()}" if as_of else "")
        )
        self.save_label.setText("All changes saved")
        self._set_store_actions(True)
        if not is_sample and store.target.path is not None:
            self._remember_store(str(store.target.path))
        if old is not None and old is not store:
            old.close()

    def _apply_default_layout(self) -> None:
        """Room for the outline and the item editor, the docks at a readable width."""
        from briefer.gui.qt import Qt

        if self.navigator_dock is None or self.drawer_dock is None or self.editor is None:
            return
        self.resizeDocks(
            [self.navigator_dock, self.drawer_dock], [280, 340], Qt.Orientation.Horizontal
        )
        width = max(600, self.editor.width())
        self.editor.splitter.setSizes([int(width * 0.42), int(width * 0.58)])

    def open_briefing(self, ref: str) -> None:
        """Open a briefing by id or exact title in the editor (raises if unknown/ambiguous)."""
        from briefer.services.briefings import get_briefing

        assert self.ctx is not None and self.editor is not None
        briefing_id = self.ctx.read(lambda s: str(get_briefing(s, ref).id))
        self.editor.open_briefing(briefing_id)
        self.undo_group.addStack(self.editor.undo_stack)
        self.undo_group.setActiveStack(self.editor.undo_stack)
        self.navigator.select_briefing(briefing_id)
        if self.review_dock is not None and self.review_dock.isVisible():
            self._review()
        assert self.store is not None
        QSettings().setValue(f"stores/last-briefing/{self.store.target.display}", briefing_id)

    def open_default_briefing(self) -> None:
        """The briefing open last time in this store, else the first one."""
        from briefer.services.overview import briefing_rows

        assert self.ctx is not None and self.store is not None
        rows = self.ctx.read(briefing_rows)
        last = QSettings().value(f"stores/last-briefing/{self.store.target.display}")
        ids = [r.id for r in rows]
        if last in ids:
            self.open_briefing(last)
        elif ids:
            self.open_briefing(ids[0])

    def choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Store", "", "Briefer stores (*.db);;All files (*)"
        )
        if path:
            self.switch_store(path)

    def new_store(self) -> None:
        """A new, empty store file, encrypted if the person chooses a passphrase."""
        from briefer.gui.passphrase_dialog import PassphraseDialog

        path, _ = QFileDialog.getSaveFileName(
            self, "New Store", str(Path.home() / "briefer.db"), "Briefer stores (*.db)"
        )
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(self, "New Store", f"{path} already exists; choose a new name.")
            return
        choice = PassphraseDialog(self, path=Path(path), new=True).ask_new()
        if choice is not None:
            encrypt, passphrase = choice
            self.switch_store(path, passphrase=passphrase, encrypt=encrypt)

    def copy_store(self) -> None:
        """Copy the open store to a new file or a PostgreSQL database, with progress."""
        from briefer.gui.copy_dialog import CopyStoreDialog

        if self.store is None:
            return
        if self.editor is not None:
            self.editor.flush_typing()  # the copy reads the store: the last keystrokes too
        CopyStoreDialog(self.store, self).exec()

    def switch_store(
        self, path: str, *, passphrase: str | None = None, encrypt: bool = False
    ) -> bool:
        """Open another store (asking for its passphrase if it is encrypted); if it cannot
        be opened, or the person cancels, say why and keep the current one."""
        from briefer.errors import BrieferError
        from briefer.gui.passphrase_dialog import open_with_passphrase
        from briefer.store import Store

        def attempt(key: str | None) -> Store:
            return Store.open(path, passphrase=key, encrypt=encrypt)

        try:
            store = open_with_passphrase(self, attempt, passphrase)
        except BrieferError as exc:
            QMessageBox.warning(self, "Cannot open the store", str(exc))
            return False
        if store is None:
            return False
        if self.editor is not None:
            self.editor.flush_typing()
        self.attach(store, is_sample=store.is_sample)
        self.open_default_briefing()
        return True

    def _remember_store(self, path: str) -> None:
        settings = QSettings()
        recent = [p for p in (settings.value(RECENT_KEY) or []) if p != path]
        settings.setValue(RECENT_KEY, [path, *recent][:MAX_RECENT])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = QSettings().value(RECENT_KEY) or []
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.switch_store(p))
        self.recent_menu.setEnabled(bool(recent))

    # ---------------------------------------------------------------- commands

    def new_briefing(self) -> None:
        from briefer.gui.dialogs import NewBriefingDialog

        assert self.ctx is not None
        dialog = NewBriefingDialog(self.ctx, self)
        created = dialog.exec()
        if created:
            self.navigator.fill(self.ctx.read(_navigation))
            self.open_briefing(created)
            if getattr(dialog, "notes", None):
                QMessageBox.information(
                    self, "New Briefing", "Made, with these notes:\n" + "\n".join(dialog.notes)
                )

    def new_event(self) -> None:
        from briefer.gui.dialogs import EventDialog

        assert self.ctx is not None
        if EventDialog(self.ctx, self).exec():
            self.navigator.fill(self.ctx.read(_navigation))

    def edit_event(self, event_id: str | None = None) -> None:
        from briefer.gui.dialogs import EventDialog

        assert self.ctx is not None
        event_id = event_id or self._current_event_id()
        if event_id and EventDialog(self.ctx, self, event_id=event_id).exec():
            self.navigator.fill(self.ctx.read(_navigation))

    def _current_event_id(self) -> str | None:
        if self.editor is None or self.editor.briefing_id is None:
            return None
        from briefer.services.briefings import get_briefing

        assert self.ctx is not None
        return self.ctx.read(lambda s: str(get_briefing(s, self.editor.briefing_id).event_id))

    def _event_chosen(self, event_id: str) -> None:
        self._chosen_event = event_id

    def export(self) -> Any:
        from briefer.gui.export_dialog import ExportDialog

        if self.editor is None or self.editor.briefing_id is None or self.ctx is None:
            return None
        self.editor.flush_typing()
        title = self.editor.model.data_.title if self.editor.model.data_ else "briefing"
        dialog = ExportDialog(self.ctx, self.editor.briefing_id, title, self)
        dialog.dialog.open()
        return dialog

    def find(self) -> None:
        if self.drawer_dock is not None:
            self.drawer_dock.show()
        if self.drawer is not None:
            self.drawer.search.setFocus()
            self.drawer.search.selectAll()

    def preferences(self) -> None:
        from briefer.gui.dialogs import PreferencesDialog

        PreferencesDialog(self).exec()

    def _add_paragraph(self) -> None:
        if self.editor is not None:
            self.editor.add_paragraph()

    def _add_section(self) -> None:
        if self.editor is not None:
            self.editor.ask_new_section()

    def _insert_from_drawer(self, kind: str, source_id: str) -> None:
        if self.editor is None:
            return
        target = self.editor.insertion_point()
        if target is None:
            QMessageBox.information(self, "Insert", "Add a section to the briefing first.")
            return
        self.editor.insert_from_library(kind, source_id, *target)

    def open_entry(self, kind: str, entry_id: str) -> Any:
        """Show a library entry in full; its Insert button adds it to the briefing."""
        from briefer.gui.entry_dialog import LibraryEntryDialog

        assert self.ctx is not None
        viewer = LibraryEntryDialog(self.ctx, kind, entry_id, self)
        viewer.dialog.finished.connect(
            lambda _code: viewer.insert_chosen and self._insert_from_drawer(kind, entry_id)
        )
        viewer.dialog.open()
        return viewer

    # ---------------------------------------------------------------- reuse

    def show_review(self) -> Any:
        """The Review dock for the open briefing (built the first time it is shown)."""
        from briefer.gui.qt import Qt

        assert self.review_dock is not None
        self.review_dock.show()
        self.review_dock.raise_()
        if self.drawer_dock is not None and self.drawer_dock.isVisible():  # room for the list
            self.resizeDocks([self.drawer_dock, self.review_dock], [1, 2], Qt.Orientation.Vertical)
        return self._review()

    def _review(self) -> Any:
        from briefer.gui.review_panel import ReviewPanel

        assert self.ctx is not None and self.review_dock is not None
        if self.review_panel is None:
            self.review_panel = ReviewPanel(self.ctx)
            self.review_panel.open_item.connect(self._open_flagged_item)
            self.review_panel.changed.connect(lambda: self.editor and self.editor.reload())
            self.review_dock.setWidget(self.review_panel)
        self.review_panel.show_briefing(self.editor.briefing_id if self.editor else None)
        return self.review_panel

    def _review_visibility(self, visible: bool) -> None:
        if visible and self.ctx is not None:
            self._review()

    def _open_flagged_item(self, item_id: str) -> None:
        if self.editor is not None:
            self.workspace_tabs.setCurrentWidget(self.editor)
            self.editor.select_record(item_id)

    def import_file(self, kind: str, path: Any = None) -> Any:
        from briefer.gui.import_flow import import_file

        assert self.ctx is not None
        report = import_file(self, self.ctx, kind, path)
        if report is not None:
            self.navigator.fill(self.ctx.read(_navigation))
            for page in self.pages.values():
                if hasattr(page, "refresh"):
                    page.refresh()
            self.statusBar().showMessage(
                f"Imported: {len(report.created)} new, {len(report.merged)} merged.", 8000
            )
        return report

    def compare(self) -> Any:
        from briefer.gui.compare_dialog import CompareDialog

        assert self.ctx is not None
        current = self.editor.briefing_id if self.editor else None
        dialog = CompareDialog(self.ctx, self, new=current)
        dialog.open()
        return dialog

    def save_as_template(self) -> str | None:
        from briefer.errors import BrieferError
        from briefer.gui.qt import QInputDialog
        from briefer.services.briefings import get_briefing
        from briefer.services.templates import save_template

        if self.editor is None or self.editor.briefing_id is None or self.ctx is None:
            return None
        self.editor.flush_typing()
        name, ok = QInputDialog.getText(self, "Save as Template", "Name of the new template:")
        if not ok:
            return None
        briefing_id = self.editor.briefing_id
        try:
            template_id = self.ctx.write(
                lambda s: str(save_template(s, get_briefing(s, briefing_id), name).id)
            )
        except BrieferError as exc:
            QMessageBox.warning(self, "Save as Template", str(exc))
            return None
        self.navigator.fill(self.ctx.read(_navigation))
        self.statusBar().showMessage(f"Saved the template '{name}'.", 5000)
        return template_id

    def new_draft(self) -> str | None:
        from briefer.errors import BrieferError
        from briefer.services.briefings import get_briefing
        from briefer.services.carry_forward import new_draft

        if self.editor is None or self.editor.briefing_id is None or self.ctx is None:
            return None
        briefing_id = self.editor.briefing_id
        try:
            created = self.ctx.write(lambda s: str(new_draft(s, get_briefing(s, briefing_id)).id))
        except BrieferError as exc:
            QMessageBox.warning(self, "New Draft", str(exc))
            return None
        self.navigator.fill(self.ctx.read(_navigation))
        self.open_briefing(created)
        return created

    def show_page(self, name: str) -> Any:
        """Bring a workspace page to the front (building it the first time)."""
        self.workspace_tabs.setCurrentWidget(self._page_hosts[name])
        return self.page(name)

    def page(self, name: str) -> Any:
        if name not in self.pages:
            import importlib

            assert self.ctx is not None
            _label, module, cls = PAGES[name]
            widget = getattr(importlib.import_module(module), cls)(self.ctx)
            self.pages[name] = widget
            self._page_hosts[name].layout().addWidget(widget)
            widget.show()  # at once, not on the layout's next turn of the event loop
            if hasattr(widget, "open_entry_requested"):
                widget.open_entry_requested.connect(self.show_entry)
        return self.pages[name]

    @property
    def case_browser(self) -> Any:
        return self.pages.get("cases")

    def show_cases(self) -> Any:
        return self.show_page("cases")

    def show_entry(self, kind: str, entry_id: str) -> None:
        """Show a library entry where it is edited: a case in the case table, others in the
        library page."""
        if kind == "case":
            self.show_page("cases").select(entry_id)
        else:
            library = self.show_page("library")
            library.set_kind(kind)
            library.select(entry_id)

    def _workspace_tab_changed(self, _index: int) -> None:
        current = self.workspace_tabs.currentWidget()
        for name, host in self._page_hosts.items():
            if host is current:
                self.page(name)
        # The drawer inserts into the briefing: the other pages get its room while shown.
        if self.drawer_dock is not None:
            on_briefing = current is self.editor
            if not on_briefing and self.drawer_dock.isVisible():
                self._drawer_was_shown = True
                self.drawer_dock.hide()
            elif on_briefing and self._drawer_was_shown:
                self._drawer_was_shown = False
                self.drawer_dock.show()

    def _library_chosen(self, kind: str, topic: str) -> None:
        if kind in ("point", "counter", "pd"):
            self.show_page("library").set_kind(kind, topic or None)
        elif kind == "case":
            self.show_page("cases")
        elif kind == "list":
            self.show_page("lists")
        elif kind == "goal":
            self.show_page("goals")

    def _failed(self, message: str) -> None:
        self.save_label.setText("Change refused")
        QMessageBox.warning(self, "Briefer", message)

    def show_about(self) -> QDialog:
        dialog = load_form("about_dialog.ui", self)
        assert isinstance(dialog, QDialog)
        dialog.findChild(QLabel, "versionLabel").setText(f"Version {__version__}")
        where = self.store.target.display if self.store else "none"
        dialog.findChild(QLabel, "storeLabel").setText(f"Store: {where}")
        dialog.findChild(QDialogButtonBox, "buttonBox").rejected.connect(dialog.reject)
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None:
            self.editor.flush_typing()
            QSettings().setValue("main/outlineSplitter", self.editor.splitter.saveState())
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        super().closeEvent(event)


def _navigation(session: Any) -> Any:
    from briefer.services.navigation import navigation

    return navigation(session)


__all__ = ["MainWindow", "QWidget"]
