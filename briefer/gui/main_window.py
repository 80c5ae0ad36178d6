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
    QSize,
    QTabWidget,
    QTimer,
    QToolBar,
    QUndoGroup,
    QVBoxLayout,
    QWidget,
    Signal,
)
from briefer.paths import asset, default_store_path

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
    "review": ("Review sess&ion", "briefer.gui.review_session", "ReviewSessionView"),
    "goals": ("&Goals", "briefer.gui.goals_view", "GoalsView"),
}
DRAWER_DELAY_MS = 50
MAX_RECENT = 8
# Room for the window manager's frame, which is not known before the window is shown.
FRAME_ALLOWANCE = QSize(16, 40)
# Below these the outline and the navigator are unusable: a saved layout narrower than this
# (a run closed before its layout settled) is replaced by the default one.
MIN_OUTLINE_WIDTH = 220
MIN_NAVIGATOR_WIDTH = 150
SAMPLE_STRIP_STYLE = (
    "QFrame#sampleStrip { background: #fff1a8; border-bottom: 1px solid #c9b458; }"
    " QFrame#sampleStrip QLabel { color: #3b3000; }"
)


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
        # A smoke-test run (--exit-when-ready) closes before the layout has settled: what it
        # would save is not the person's layout (see closeEvent).
        self.save_layout_on_close = True
        self._build_actions()
        self.resize(1280, 800)
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Never larger than the screen it opens on, whatever size was saved (a geometry
        saved on a bigger monitor, or the 1280×800 default on a 1024×700 one)."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        # The frame is not known before the window is shown: leave room for a title bar.
        width = min(self.width(), room.width() - FRAME_ALLOWANCE.width())
        height = min(self.height(), room.height() - FRAME_ALLOWANCE.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = max(room.left(), min(self.x(), room.right() + 1 - width - FRAME_ALLOWANCE.width()))
        y = max(room.top(), min(self.y(), room.bottom() + 1 - height - FRAME_ALLOWANCE.height()))
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

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
        self.view_menu.addSeparator()
        self.reset_layout_action = QAction("Reset &Layout", self)
        self.reset_layout_action.setObjectName("resetLayout")
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.addAction(self.reset_layout_action)
        state = QSettings().value("main/state")
        self._default_layout = state is None or not self.restoreState(state)

        self.navigator.briefing_chosen.connect(self.open_briefing)
        self.navigator.library_chosen.connect(self._library_chosen)
        self.navigator.event_chosen.connect(self._event_chosen)
        self.navigator.rename_requested.connect(self.rename_record)
        self.navigator.delete_requested.connect(self.delete_record)

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
        the window is on screen anyway. "std:New" names every binding the platform gives
        that standard key; a plain spec ("Ctrl+Y") is added only if the platform has not
        bound it already, so no sequence is bound twice (Qt would call it ambiguous and
        ignore it)."""
        for action, specs in self._shortcuts:
            action.setShortcuts(shortcut_sequences(specs))
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self._shortcuts = []

    def _build_actions(self) -> None:
        self._shortcuts: list[tuple[QAction, list[str]]] = []
        self.new_action = self._action(
            "&New Briefing…", self.new_briefing, "std:New", "new", "newBriefing"
        )
        self.new_event_action = self._action("Ne&w Event…", self.new_event, None, None, "newEvent")
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
            "Re&view Briefing", self.show_review, "Ctrl+Shift+R", None, "reviewBriefing"
        )
        self.new_store_action = self._action("New &Store…", self.new_store, None, None, "newStore")
        self.open_store_action = self._action(
            "&Open Store…", self.choose_store, "std:Open", None, "openStore"
        )
        self.copy_store_action = self._action(
            "&Copy Store To…", self.copy_store, None, None, "copyStore"
        )
        self.quit_action = self._action("&Quit", self.close, "std:Quit", None, "quit")
        self._shortcuts[-1][1].append("Ctrl+Q")  # where the platform binds no Quit key
        # The group's actions keep their "Undo <what>" text and enabled state; triggering
        # one first flushes the typing of the shown page, so that it is undone first.
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.triggered.disconnect()
        self.undo_action.triggered.connect(self._undo)
        self._shortcuts.append((self.undo_action, ["std:Undo"]))
        self.undo_action.setIcon(_icon("undo"))
        self.undo_action.setObjectName("undo")
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.triggered.disconnect()
        self.redo_action.triggered.connect(self._redo)
        # Both forms of redo, whatever the platform's own binding is (X11 has Ctrl+Shift+Z,
        # Windows Ctrl+Y): each is bound once.
        self._shortcuts.append((self.redo_action, ["std:Redo", "Ctrl+Shift+Z", "Ctrl+Y"]))
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
            "Prefere&nces…", self.preferences, "std:Preferences", None, "preferences"
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
        from briefer.gui.qt import QFrame, QScrollArea

        self._build_docks()
        old = self.store
        self.store = store
        self.ctx = StoreContext(store, is_sample)
        self.ctx.dialog_parent = self
        self.ctx.saving.connect(lambda: self.save_label.setText("Saving…"))
        self.ctx.saved.connect(lambda: self.save_label.setText("All changes saved"))
        self.ctx.failed.connect(self._failed)
        self.ctx.records_changed.connect(self._records_changed)
        for stack in list(self.undo_group.stacks()):
            self.undo_group.removeStack(stack)
        self.editor = BriefingEditor(self.ctx)
        self.pages: dict[str, QWidget] = {}
        self._page_hosts: dict[str, QScrollArea] = {}
        self.workspace_tabs = QTabWidget()
        self.workspace_tabs.setObjectName("workspaceTabs")
        self.workspace_tabs.addTab(self.editor, "&Briefing")
        for name, (label, _module, _cls) in PAGES.items():
            # A page that needs more room than the screen has scrolls inside its tab: the
            # window never grows past the screen to make room for it.
            host = QScrollArea()
            host.setObjectName(f"{name}Page")
            host.setWidgetResizable(True)
            host.setFrameShape(QFrame.Shape.NoFrame)
            self._page_hosts[name] = host
            self.workspace_tabs.addTab(host, label)
        self.workspace_tabs.currentChanged.connect(self._workspace_tab_changed)
        self.setCentralWidget(self._workspace(self.workspace_tabs, store, is_sample))
        splitter_state = QSettings().value("main/outlineSplitter")
        if splitter_state is not None:
            self.editor.splitter.restoreState(splitter_state)
        # First run: the default layout once the new widgets are laid out; later runs: the
        # saved one, unless it leaves the outline or the navigator too narrow to use.
        QTimer.singleShot(
            0, self, self._apply_default_layout if self._default_layout else self._check_layout
        )
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
        # The sample workspace too: work made in it is found again in Open Recent once the
        # person has a store of their own (which then opens at start-up instead).
        if store.target.path is not None:
            self._remember_store(str(store.target.path))
        if old is not None and old is not store:
            old.close()

    def _workspace(self, tabs: QTabWidget, store: Store, is_sample: bool) -> QWidget:
        """The tabs, under a yellow strip when the store is the sample workspace: made-up
        data to try Briefer on, and the way to a store of one's own."""
        if not is_sample:
            return tabs
        from briefer.gui.qt import QFrame, QHBoxLayout, QPushButton

        strip = QFrame()
        strip.setObjectName("sampleStrip")
        strip.setStyleSheet(SAMPLE_STRIP_STYLE)
        label = QLabel(self._sample_text(store))
        label.setObjectName("sampleStripText")
        label.setWordWrap(True)
        own = default_store_path()
        button = QPushButton("Open my own store" if own.exists() else "Create my own store…")
        button.setObjectName("createOwnStore")
        button.setToolTip(f"Your own store lives at {own}")
        button.clicked.connect(self.open_own_store)
        row = QHBoxLayout(strip)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(label, 1)
        row.addWidget(button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(strip)
        column.addWidget(tabs, 1)
        return page

    def _sample_text(self, store: Store) -> str:
        from briefer.sample.workspace import holds_other_data

        with store.session() as session:
            own_work = holds_other_data(session)
        text = (
            "<b>This is the sample workspace</b> — papers of 1977–1987 to try Briefer on, "
            "in a store of its own."
        )
        if own_work:
            return text + " What you make here stays here; your own store keeps real work."
        return text + " For real work, use a store of your own."

    def open_own_store(self) -> bool:
        """Open the person's own store at the default place, creating it first if need be
        (asking whether to encrypt it). The sample workspace is left as it is."""
        own = default_store_path()
        if own.exists():
            return self.switch_store(str(own))
        from briefer.gui.passphrase_dialog import PassphraseDialog

        choice = PassphraseDialog(self, path=own, new=True).ask_new()
        if choice is None:
            return False
        encrypt, passphrase = choice
        return self.switch_store(str(own), passphrase=passphrase, encrypt=encrypt, create=True)

    def show_no_store(self, reason: str) -> None:
        """No store could be opened: say why, and leave the window usable — New Store,
        Open Store, Open Recent and Quit work by menu and by key."""
        from briefer.gui.qt import QHBoxLayout, QPushButton, Qt

        self._apply_shortcuts()
        page = QWidget()
        page.setObjectName("noStorePage")
        column = QVBoxLayout(page)
        column.addStretch(1)
        message = QLabel(f"{reason}\n\nOpen a store, or start a new one.")
        message.setObjectName("noStoreMessage")
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setMaximumWidth(640)  # a readable line, not the window's width
        column.addWidget(message, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for action in (self.new_store_action, self.open_store_action):
            button = QPushButton(action.text().replace("&", ""))
            button.setObjectName(f"{action.objectName()}Button")
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(2)
        self.setCentralWidget(page)
        self.setWindowTitle("No store open — Briefer")

    def _apply_default_layout(self) -> None:
        """Room for the outline and the item editor, the docks at a readable width."""
        from briefer.gui.qt import Qt

        if self.navigator_dock is None or self.drawer_dock is None or self.editor is None:
            return
        # On a small screen the docks give up room first: the editor is where work is done.
        navigator = max(MIN_NAVIGATOR_WIDTH + 30, min(280, int(self.width() * 0.18)))
        drawer = max(230, min(340, int(self.width() * 0.22)))
        self.resizeDocks(
            [self.navigator_dock, self.drawer_dock], [navigator, drawer], Qt.Orientation.Horizontal
        )
        # The outline's share once the docks have their new widths (the next turn of the
        # event loop lays them out).
        QTimer.singleShot(0, self, self._default_outline_split)

    def _default_outline_split(self) -> None:
        if self.editor is None:
            return
        width = self.editor.splitter.width()
        outline = max(MIN_OUTLINE_WIDTH, int(width * 0.42))
        self.editor.splitter.setSizes([outline, max(1, width - outline)])

    def _check_layout(self) -> None:
        """A saved layout that leaves the outline or the navigator too narrow to use (one
        saved by a run that closed before its layout settled) is replaced by the default."""
        if self.editor is None or self.navigator_dock is None:
            return
        outline = self.editor.splitter.sizes()[0] if self.editor.splitter.count() else 0
        navigator_shown = self.navigator_dock.isVisible() and not self.navigator_dock.isFloating()
        if outline < MIN_OUTLINE_WIDTH or (
            navigator_shown and self.navigator_dock.width() < MIN_NAVIGATOR_WIDTH
        ):
            self._apply_default_layout()

    def reset_layout(self) -> None:
        """View → Reset Layout: the docks where they start, at their default widths, the
        outline beside the item editor; the saved layout is forgotten."""
        from briefer.gui.qt import Qt

        settings = QSettings()
        for key in ("main/state", "main/outlineSplitter"):
            settings.remove(key)
        if self.navigator_dock is None or self.drawer_dock is None or self.review_dock is None:
            return
        self._drawer_was_shown = False
        for dock, area in (
            (self.navigator_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.drawer_dock, Qt.DockWidgetArea.RightDockWidgetArea),
            (self.review_dock, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            dock.setFloating(False)
            self.addDockWidget(area, dock)
        self.navigator_dock.show()
        on_briefing = self.editor is None or self.workspace_tabs.currentWidget() is self.editor
        self.drawer_dock.setVisible(on_briefing)
        self._drawer_was_shown = not on_briefing
        self.review_dock.hide()
        QTimer.singleShot(0, self, self._apply_default_layout)

    def open_briefing(self, ref: str) -> None:
        """Open a briefing by id or exact title in the editor (raises if unknown/ambiguous)."""
        from briefer.services.briefings import get_briefing

        assert self.ctx is not None and self.editor is not None
        briefing_id = self.ctx.read(lambda s: str(get_briefing(s, ref).id))
        self.editor.open_briefing(briefing_id)
        self.undo_group.addStack(self.editor.undo_stack)
        self.undo_group.setActiveStack(self.active_undo_stack())
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

    # ---------------------------------------------------------------- delete and rename

    def delete_record(self, kind: str, record_id: str) -> bool:
        """Delete a record (asked first) as a step of the shown page's undo history. If the
        open briefing goes with it, the editor shows another one (or none) first; on the
        briefing tab the step is then on that one's history, so Ctrl+Z brings it back."""
        from briefer.gui import record_actions

        assert self.ctx is not None and self.editor is not None
        self.flush_pages()
        impact = record_actions.confirm_delete(self, self.ctx, kind, record_id)
        if impact is None:
            return False
        going = self._briefings_going(kind, record_id)
        if self.editor.briefing_id in going:
            self._leave_open_briefing(going)
        return record_actions.push_delete(self.ctx, impact, self.active_undo_stack())

    def rename_record(self, kind: str, record_id: str) -> bool:
        from briefer.gui import record_actions

        assert self.ctx is not None
        return record_actions.rename_with_undo(
            self, self.ctx, kind, record_id, self.active_undo_stack()
        )

    def _briefings_going(self, kind: str, record_id: str) -> set[str]:
        if kind == "briefing":
            return {record_id}
        if kind != "event":
            return set()
        assert self.ctx is not None
        nav = self.ctx.read(_navigation)
        return {b for e in nav.events if e.id == record_id for b, _title in e.briefings}

    def _leave_open_briefing(self, going: set[str]) -> None:
        """Show a briefing that stays (the first in the navigator), else an empty editor."""
        assert self.ctx is not None and self.editor is not None
        nav = self.ctx.read(_navigation)
        staying = [b for e in nav.events for b, _title in e.briefings if b not in going]
        if staying:
            self.open_briefing(staying[0])
            return
        self.editor.show_nothing()
        self.undo_group.addStack(self.editor.undo_stack)
        self.undo_group.setActiveStack(self.active_undo_stack())
        if self.review_panel is not None:
            self.review_panel.show_briefing(None)

    def _records_changed(self, _kind: str) -> None:
        """A record was deleted, put back or renamed: everything that lists records is read
        again; if the open briefing is gone, another one is shown."""
        assert self.ctx is not None and self.editor is not None
        nav = self.ctx.read(_navigation)
        self.navigator.fill(nav)
        open_id = self.editor.briefing_id
        if open_id is not None:
            if any(open_id == b for e in nav.events for b, _title in e.briefings):
                self.navigator.select_briefing(open_id)
                self.ctx.outline_changed.emit(open_id)  # items may have lost their source
            else:
                self._leave_open_briefing({open_id})
        for page in self.pages.values():
            if hasattr(page, "refresh"):
                page.refresh()
        if self.drawer is not None and self.drawer.ctx is not None:
            self.drawer.refresh()

    def choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Store", "", "Briefer stores (*.db);;All files (*)"
        )
        if path:
            self.switch_store(path)

    def new_store(self) -> None:
        """A new, empty store file, encrypted if the person chooses a passphrase."""
        from briefer.gui.passphrase_dialog import PassphraseDialog

        # The default place first: the store there is the one Briefer opens at start-up.
        own = default_store_path()
        suggested = own if not own.exists() else Path.home() / "briefer.db"
        path, _ = QFileDialog.getSaveFileName(
            self, "New Store", str(suggested), "Briefer stores (*.db)"
        )
        if not path:
            return
        if Path(path).exists():
            QMessageBox.warning(self, "New Store", f"{path} already exists; choose a new name.")
            return
        choice = PassphraseDialog(self, path=Path(path), new=True).ask_new()
        if choice is not None:
            encrypt, passphrase = choice
            self.switch_store(path, passphrase=passphrase, encrypt=encrypt, create=True)

    def copy_store(self) -> None:
        """Copy the open store to a new file or a PostgreSQL database, with progress."""
        from briefer.gui.copy_dialog import CopyStoreDialog

        if self.store is None:
            return
        self.flush_pages()  # the copy reads the store: the last keystrokes too
        CopyStoreDialog(self.store, self).exec()

    def switch_store(
        self,
        path: str,
        *,
        passphrase: str | None = None,
        encrypt: bool = False,
        create: bool = False,
    ) -> bool:
        """Open another store (asking for its passphrase if it is encrypted); if it cannot
        be opened, or the person cancels, say why and keep the current one. Only New Store
        (``create``) makes a file: a path where no store is is refused, never created."""
        from briefer.errors import BrieferError
        from briefer.gui.passphrase_dialog import open_with_passphrase
        from briefer.store import Store

        def attempt(key: str | None) -> Store:
            return Store.open(path, passphrase=key, encrypt=encrypt, create=create)

        try:
            store = open_with_passphrase(self, attempt, passphrase)
        except BrieferError as exc:
            QMessageBox.warning(self, "Cannot open the store", str(exc))
            return False
        if store is None:
            return False
        self.flush_pages()  # every page's last keystrokes reach the store being left
        self.attach(store, is_sample=store.is_sample)
        self.open_default_briefing()
        return True

    def _remember_store(self, path: str) -> None:
        recent = [p for p in recent_stores() if p != path]
        QSettings().setValue(RECENT_KEY, [path, *recent][:MAX_RECENT])
        self._update_recent_menu()

    def _forget_store(self, path: str) -> None:
        QSettings().setValue(RECENT_KEY, [p for p in recent_stores() if p != path])
        self._update_recent_menu()

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = recent_stores()
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_recent(p))
        self.recent_menu.setEnabled(bool(recent))

    def open_recent(self, path: str) -> bool:
        """Open a remembered store. One that is no longer there (moved, deleted, on a drive
        not mounted) is reported and may be taken off the list; nothing is created."""
        if "://" not in path and not Path(path).is_file():
            answer = QMessageBox.question(
                self,
                "Open Recent",
                f"There is no store at {path} any more: it may have been moved or deleted.\n\n"
                "Remove it from the Open Recent list?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._forget_store(path)
            return False
        return self.switch_store(path)

    # ---------------------------------------------------------------- commands

    def new_briefing(self) -> None:
        """A new briefing for the event selected in the navigator (or just made), else for
        the open briefing's event."""
        from briefer.gui.dialogs import NewBriefingDialog

        assert self.ctx is not None
        dialog = NewBriefingDialog(self.ctx, self, event_id=self._current_event_id())
        created = dialog.exec()
        if created:
            self.navigator.fill(self.ctx.read(_navigation))
            self.open_briefing(created)
            if getattr(dialog, "notes", None):
                QMessageBox.information(
                    self, "New Briefing", "Made, with these notes:\n" + "\n".join(dialog.notes)
                )

    def new_event(self) -> str | None:
        """Make an event; it is left selected, so that New Briefing is for it."""
        from briefer.gui.dialogs import EventDialog

        assert self.ctx is not None
        created = EventDialog(self.ctx, self).exec()
        if created:
            self.navigator.fill(self.ctx.read(_navigation))
            self.navigator.select_event(created)
        return created

    def edit_event(self, event_id: str | None = None) -> None:
        """Edit the event selected in the navigator (or the open briefing's)."""
        from briefer.gui.dialogs import EventDialog

        assert self.ctx is not None
        event_id = event_id or self._current_event_id()
        if event_id and EventDialog(self.ctx, self, event_id=event_id).exec():
            self.navigator.fill(self.ctx.read(_navigation))
            self.navigator.select_event(event_id)

    def _current_event_id(self) -> str | None:
        """The event the person means: the one selected in the navigator, the event of the
        briefing selected there, else the open briefing's."""
        from briefer.errors import BrieferError
        from briefer.services.briefings import get_briefing

        assert self.ctx is not None
        node = self.navigator.current_node() if self.navigator is not None else None
        if node is not None and node[0] == "event":
            return node[1]
        briefing_id = node[1] if node is not None and node[0] == "briefing" else None
        if briefing_id is None and self.editor is not None:
            briefing_id = self.editor.briefing_id
        if briefing_id is None:
            return None
        try:
            return self.ctx.read(lambda s: str(get_briefing(s, briefing_id).event_id))
        except BrieferError:  # deleted meanwhile (another window): no event to offer
            return None

    def _event_chosen(self, event_id: str) -> None:
        """An event row selected: File → Edit Event and New Briefing act on it (read from
        the navigator's selection when they are used)."""

    def export(self) -> Any:
        from briefer.gui.export_dialog import ExportDialog

        if self.editor is None or self.editor.briefing_id is None or self.ctx is None:
            return None
        self.editor.flush_typing()
        title = self.editor.model.data_.title if self.editor.model.data_ else "briefing"
        # Owned by this window (the dialog's parent), which holds it while it is shown; the
        # dialog deletes itself when closed. Nothing here needs to keep it.
        ExportDialog(self.ctx, self.editor.briefing_id, title, self).open()
        return None

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
        """Insert a library entry, or a whole case list (from the drawer or the Case lists
        page), into the open briefing where the outline's selection says."""
        if self.editor is None:
            return
        if self.editor.briefing_id is None:
            QMessageBox.information(self, "Insert", "Open a briefing first (File → New Briefing).")
            return
        target = self.editor.insertion_point()
        if kind == "list":
            self.workspace_tabs.setCurrentWidget(self.editor)
            self.editor.tabs.setCurrentWidget(self.editor.splitter)  # show where it went
            section_id = self.editor.insert_case_list(source_id, target[0] if target else None)
            if section_id is not None:
                self.statusBar().showMessage("Inserted the case list into the briefing.", 5000)
            return
        if target is None:
            QMessageBox.information(self, "Insert", "Add a section to the briefing first.")
            return
        self.editor.insert_from_library(kind, source_id, *target)

    def open_entry(self, kind: str, entry_id: str) -> Any:
        """Show a library entry in full; its Insert button adds it to the briefing."""
        from briefer.gui.entry_dialog import LibraryEntryDialog

        assert self.ctx is not None
        viewer = LibraryEntryDialog(self.ctx, kind, entry_id, self)  # owned by this window
        viewer.insert_requested.connect(lambda: self._insert_from_drawer(kind, entry_id))
        viewer.open()
        return None

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
            # Decisions are undo steps of the open briefing (the outline reloads through
            # ctx.outline_changed, as for any other command).
            self.review_panel = ReviewPanel(
                self.ctx, undo_stack=lambda: self.editor.undo_stack if self.editor else None
            )
            self.review_panel.open_item.connect(self._open_flagged_item)
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
        from briefer.gui.qt import Qt

        assert self.ctx is not None
        current = self.editor.briefing_id if self.editor else None
        dialog = CompareDialog(self.ctx, self, new=current)  # owned by this window
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
            self._page_hosts[name].setWidget(widget)  # a scroll area (see attach)
            widget.show()  # at once, not on the layout's next turn of the event loop
            if hasattr(widget, "open_entry_requested"):
                widget.open_entry_requested.connect(self.show_entry)
            if hasattr(widget, "insert_requested"):  # Case lists → Insert into briefing
                widget.insert_requested.connect(self._insert_from_drawer)
            self.undo_group.addStack(widget.undo_stack)
        return self.pages[name]

    def shown_page(self) -> Any:
        """The workspace page in front: the briefing editor or one of PAGES's widgets."""
        current = self.workspace_tabs.currentWidget()
        for name, host in self._page_hosts.items():
            if host is current:
                return self.page(name)
        return self.editor

    def active_undo_stack(self) -> Any:
        """The undo stack of what is shown: Edit → Undo acts on the page the person sees
        (on the briefing tab, the open briefing's stack)."""
        page = self.shown_page()
        return page.undo_stack if page is not None else None

    def flush_pages(self) -> None:
        """Everything typed on any page reaches the store (and its undo stack) now."""
        for page in [self.editor, *getattr(self, "pages", {}).values()]:
            flush = getattr(page, "flush_typing", None)
            if flush is not None:
                flush()

    def _undo(self) -> None:
        self.flush_pages()  # the last keystrokes are a step of their own, undone first
        self.undo_group.undo()

    def _redo(self) -> None:
        self.flush_pages()
        self.undo_group.redo()

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
        self.flush_pages()  # the page left behind keeps nothing unsaved
        self.undo_group.setActiveStack(self.active_undo_stack())
        # The drawer inserts into the briefing: the other pages get its room while shown.
        # Hiding and showing a dock lets the main window share the freed width out again,
        # so the navigator is held at the width the person gave it.
        if self.drawer_dock is not None and self.navigator_dock is not None:
            from briefer.gui.qt import Qt

            on_briefing = current is self.editor
            navigator = self.navigator_dock.width()
            if not on_briefing and self.drawer_dock.isVisible():
                self._drawer_was_shown = True
                self.drawer_dock.hide()
            elif on_briefing and self._drawer_was_shown:
                self._drawer_was_shown = False
                self.drawer_dock.show()
            else:
                return
            if self.navigator_dock.isVisible() and not self.navigator_dock.isFloating():
                self.resizeDocks([self.navigator_dock], [navigator], Qt.Orientation.Horizontal)

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
        from briefer.gui.qt import Qt

        dialog = load_form("about_dialog.ui", self)  # owned by this window
        assert isinstance(dialog, QDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.findChild(QLabel, "versionLabel").setText(f"Version {__version__}")
        where = self.store.target.display if self.store else "none"
        dialog.findChild(QLabel, "storeLabel").setText(f"Store: {where}")
        dialog.findChild(QDialogButtonBox, "buttonBox").rejected.connect(dialog.reject)
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_pages()
        if self.save_layout_on_close:
            settings = QSettings()
            if self.editor is not None:
                settings.setValue("main/outlineSplitter", self.editor.splitter.saveState())
            settings.setValue("main/geometry", self.saveGeometry())
            if self.navigator_dock is not None:  # a window that never opened a store has none
                if self._drawer_was_shown and self.drawer_dock is not None:
                    self.drawer_dock.show()  # hidden only while another page is shown
                settings.setValue("main/state", self.saveState())
        super().closeEvent(event)


def shortcut_sequences(specs: list[str]) -> list[QKeySequence]:
    """The key sequences named by ``specs`` ("std:Undo" or "Ctrl+Y"), each once, in order."""
    sequences: list[QKeySequence] = []
    for spec in specs:
        if spec.startswith("std:"):
            found = QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, spec[4:]))
        else:
            found = [QKeySequence(spec)]
        for sequence in found:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def recent_stores() -> list[str]:
    """The remembered stores, newest first. QSettings gives a list saved with one entry back
    as a plain string (from the INI file), which must not be read letter by letter."""
    value = QSettings().value(RECENT_KEY)
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(path) for path in value]


def _navigation(session: Any) -> Any:
    from briefer.services.navigation import navigation

    return navigation(session)


__all__ = ["MainWindow", "QWidget"]
