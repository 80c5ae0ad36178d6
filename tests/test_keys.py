"""Every key in the window is bound once: mnemonics (Alt+letter) and shortcuts are walked on
the live window, page by page, and in every menu and Designer form; redo answers both of
its keys on X11, whose standard bindings differ from the offscreen platform's."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabBar, QWidget

pytestmark = pytest.mark.gui

# What the X11 platform theme binds (QKeySequence.keyBindings under QT_QPA_PLATFORM=xcb);
# the offscreen platform the suite runs on binds Redo to Ctrl+Y first instead.
X11_BINDINGS = {
    "Undo": ["Ctrl+Z", "F14"],
    "Redo": ["Ctrl+Shift+Z"],
    "New": ["Ctrl+N"],
    "Open": ["Ctrl+O"],
    "Quit": ["Ctrl+Q"],
    "Find": ["Ctrl+F"],
    "Preferences": [],
}


class X11KeySequence(QKeySequence):
    """QKeySequence as the X11 platform builds it from a standard key."""

    def __init__(self, *args: object) -> None:
        if args and isinstance(args[0], QKeySequence.StandardKey):
            found = X11_BINDINGS[args[0].name]
            super().__init__(found[0] if found else "")
        else:
            super().__init__(*args)

    @staticmethod
    def keyBindings(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        return [QKeySequence(text) for text in X11_BINDINGS[key.name]]


@pytest.fixture
def x11_window(monkeypatch, request):
    """The sample window with the key bindings an X11 desktop gives it."""
    import briefer.gui.main_window as main_window

    monkeypatch.setattr(main_window, "QKeySequence", X11KeySequence)
    return request.getfixturevalue("sample_window")


def _mnemonic(text: str) -> str | None:
    sequence = QKeySequence.mnemonic(text)
    return None if sequence.isEmpty() else sequence.toString()


def keys_in(root: QWidget) -> dict[str, list[str]]:
    """Every key that does something in ``root`` as it is shown now, with what it does:
    menu-bar titles, tabs, buttons, labels with buddies, group boxes, action shortcuts."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(sequence: str | None, what: str) -> None:
        if sequence:
            keys[sequence].append(what)

    def visible(widget: QWidget) -> bool:
        return widget.isVisibleTo(root) and widget.window() is root

    if hasattr(root, "menuBar"):
        for action in root.menuBar().actions():
            if action.isVisible() and action.menu() is not None:
                add(_mnemonic(action.text()), f"menu {action.text()!r}")
    for bar in root.findChildren(QTabBar):
        if visible(bar):
            for n in range(bar.count()):
                if bar.isTabVisible(n):
                    add(_mnemonic(bar.tabText(n)), f"tab {bar.tabText(n)!r}")
    for button in root.findChildren(QAbstractButton):
        if visible(button):
            mnemonic = _mnemonic(button.text())
            add(mnemonic, f"button {button.text()!r}")
            if button.shortcut().toString() != mnemonic:  # a mnemonic is its shortcut too
                add(button.shortcut().toString(), f"button {button.text()!r} shortcut")
    for label in root.findChildren(QLabel):
        if visible(label) and label.buddy() is not None:
            add(_mnemonic(label.text()), f"label {label.text()!r}")
    for box in root.findChildren(QGroupBox):
        if visible(box):
            add(_mnemonic(box.title()), f"group box {box.title()!r}")
    actions = {id(a): a for a in [*root.actions(), *root.findChildren(QAction)]}
    for action in actions.values():
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for sequence in action.shortcuts():
            add(sequence.toString(), f"action {action.text()!r}")
    return keys


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            mnemonic = _mnemonic(action.text())
            if mnemonic:
                keys[mnemonic].append(action.text())
    return keys


def _duplicates(keys: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: whats for key, whats in keys.items() if len(whats) > 1}


def _window_states(window):
    """Each page of the workspace, and each tab of the briefing editor, shown in turn."""
    window.show_review()  # the review dock's buttons are in the window too
    tabs = window.workspace_tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        if tabs.currentWidget() is window.editor:
            for sub in range(window.editor.tabs.count()):
                window.editor.tabs.setCurrentIndex(sub)
                yield f"{tabs.tabText(index)} / {window.editor.tabs.tabText(sub)}"
        else:
            yield tabs.tabText(index)


def test_no_key_is_bound_twice_on_any_page_of_the_window(x11_window, qtbot):
    window = x11_window
    found = {}
    for state in _window_states(window):
        qtbot.wait(1)
        duplicates = _duplicates(keys_in(window))
        if duplicates:
            found[state] = duplicates
    assert found == {}


def test_no_menu_has_two_items_on_one_letter(x11_window):
    window = x11_window
    window._update_recent_menu()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    menus += [m for m in window.findChildren(QMenu) if m not in menus]
    found = {
        menu.title(): duplicates
        for menu in menus
        if (duplicates := _duplicates(menu_mnemonics(menu)))
    }
    assert found == {}


def test_no_designer_form_binds_a_key_twice(qtbot):
    from briefer.gui.forms import form_names, load_form

    found = {}
    forms = form_names()
    assert len(forms) >= 10
    for name in forms:
        form = load_form(name, None)
        qtbot.addWidget(form)
        duplicates = _duplicates(keys_in(form))
        if duplicates:
            found[name] = duplicates
    assert found == {}


def test_redo_is_bound_to_ctrl_shift_z_and_ctrl_y_once_each(x11_window):
    window = x11_window
    redo = [s.toString() for s in window.redo_action.shortcuts()]
    assert len(redo) == len(set(redo))
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(redo)
    assert window.undo_action.shortcuts()[0].toString() == "Ctrl+Z"
    owners = defaultdict(list)
    for action in window.findChildren(QAction):
        if action.isEnabled():
            for sequence in action.shortcuts():
                owners[sequence.toString()].append(action.text())
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def _stored_text(store, item_id):
    from briefer.services import outline

    with store.session() as session:
        return outline.item(session, item_id).text


def test_undo_and_redo_by_keyboard_with_both_redo_keys(x11_window, qtbot):
    window = x11_window
    editor = window.editor
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    section = editor.model.index(0, 0)
    item = editor.model.index(0, 0, section)
    editor.tree.setCurrentIndex(item)
    item_id = editor.current_item.id
    before = editor.current_item.text
    editor.item_editor.text.setPlainText("Typed on X11.")
    editor.flush_typing()
    assert _stored_text(window.store, item_id) == "Typed on X11."
    editor.tree.setFocus()
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier

    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, ctrl)
    assert _stored_text(window.store, item_id) == before
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, ctrl | shift)
    assert _stored_text(window.store, item_id) == "Typed on X11."
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, ctrl)
    assert _stored_text(window.store, item_id) == before
    qtbot.keyClick(editor.tree, Qt.Key.Key_Y, ctrl)
    assert _stored_text(window.store, item_id) == "Typed on X11."


def test_no_dialog_built_in_code_binds_a_key_twice(sample_window, qtbot):
    from briefer.errors import EditConflict
    from briefer.gui.conflict_dialog import ConflictDialog

    window = sample_window
    goals = window.show_page("goals")
    conflict = EditConflict("Someone else saved it.", "Item", {"text": ("Text", "a", "b")})
    dialogs = {
        "observation": goals.ask_observation(),
        "case editor": window.show_cases().new_case(),
        "compare": window.compare(),
        "conflict": ConflictDialog(conflict, window),
    }
    found = {}
    for name, dialog in dialogs.items():
        dialog.show()
        if duplicates := _duplicates(keys_in(dialog)):
            found[name] = duplicates
        dialog.done(0)  # the conflict dialog ignores Escape and its close box
    assert found == {}
