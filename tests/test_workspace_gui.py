"""The briefing workspace driven as a user would, with pytest-qt on the offscreen platform."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from docx import Document

from briefer.gui.main_window import MainWindow
from briefer.gui.outline_model import ID_ROLE
from briefer.gui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPointF,
    Qt,
    QTextBrowser,
    QTreeView,
)
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import outline
from briefer.store import Store

pytestmark = pytest.mark.gui


@pytest.fixture
def sample_path(sample_sqlite, tmp_path) -> Path:
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def window(qtbot, sample_path):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 1000)
    win.show()
    store = Store.open(sample_path)
    win.attach(store, is_sample=True)
    win.open_briefing(SAMPLE_BRIEFING_TITLE)
    yield win
    win.close()
    if win.store is not None:
        win.store.close()


def _stored_outline(win: MainWindow):
    return win.ctx.read(outline.outline, win.editor.briefing_id)


def _select(win: MainWindow, section: int, item: int | None = None):
    model = win.editor.model
    index = model.index(section, 0)
    if item is not None:
        index = model.index(item, 0, index)
    win.editor.tree.setCurrentIndex(index)
    return index


def test_window_opens_the_briefing_with_banner_navigator_and_drawer(window, qtbot):
    assert window.windowTitle() == "Sample workspace — Briefer"
    assert window.editor.banner.text() == "SECRET/SENSITIVE"
    assert window.editor.model.rowCount() == 12
    assert window.navigator.model_.rowCount() == 2
    assert "As of 1987-12-20" in window.store_label.text()
    qtbot.waitUntil(lambda: window.drawer.model.rowCount() > 0)  # listed just after ready


def test_create_an_event_and_a_briefing_through_the_dialogs(window, qtbot):
    from briefer.gui.dialogs import EventDialog, NewBriefingDialog

    events = EventDialog(window.ctx, window)
    events.dialog.open()
    events.child(QLineEdit, "titleEdit").setText("Moscow summit")
    events.child(QComboBox, "kindCombo").setCurrentText("summit")
    events.child(QLineEdit, "locationEdit").setText("Moscow")
    qtbot.mouseClick(
        events.child(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    assert events.result
    briefing = NewBriefingDialog(window.ctx, window, event_id=events.result)
    briefing.dialog.open()
    briefing.child(QLineEdit, "titleEdit").setText("Moscow summit book")
    qtbot.mouseClick(
        briefing.child(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    window.open_briefing(briefing.result)
    assert window.editor.model.data_.title == "Moscow summit book"


def test_empty_title_is_refused_in_words(window, qtbot, monkeypatch):
    from briefer.gui import dialogs

    messages = []
    monkeypatch.setattr(dialogs.QMessageBox, "warning", lambda *a: messages.append(a[2]))
    events = dialogs.EventDialog(window.ctx, window)
    events.dialog.open()
    qtbot.mouseClick(
        events.child(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    assert messages == ["Title cannot be empty."]
    assert events.dialog.isVisible()
    events.dialog.reject()


def _drop(view: QTreeView, mime, target_index) -> None:
    """What a real drag does at the end: enter, move over the target, drop."""
    view.scrollTo(target_index, QTreeView.ScrollHint.PositionAtCenter)
    for _ in range(5):
        QApplication.processEvents()
    point = view.visualRect(target_index).center()
    assert view.viewport().rect().contains(point), "drop target is not visible"
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(point, actions, mime, buttons, keys))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(point, actions, mime, buttons, keys))
    QApplication.sendEvent(
        view.viewport(), QDropEvent(QPointF(point), actions, mime, buttons, keys)
    )


def test_drag_a_library_entry_onto_a_section(window, qtbot):
    drawer = window.drawer
    drawer.kind.setCurrentIndex(drawer.kind.findData("point"))
    drawer.search.setText("Codify the rules on secrecy refusals")
    qtbot.waitUntil(
        lambda: [r.title for r in drawer.model.rows][:1] == ["Codify the rules on secrecy refusals"]
    )
    mime = drawer.model.mimeData([drawer.model.index(0)])
    section_index = window.editor.model.index(10, 0)  # Conditions
    before = len(_stored_outline(window).sections[10].items)
    _drop(window.editor.tree, mime, section_index)
    after = _stored_outline(window).sections[10].items
    assert len(after) == before + 1
    assert any(i.source_kind == "point" and "secrecy" in i.text for i in after)
    assert window.editor.undo_stack.undoText() == "Insert from library"


def test_enter_in_the_drawer_inserts_after_the_selected_item(window, qtbot):
    _select(window, 3, 0)
    drawer = window.drawer
    drawer.search.setText("Sharansky")
    qtbot.waitUntil(lambda: [r.title for r in drawer.model.rows] == ["Anatoly Shcharanskiy"])
    drawer.results.setFocus()
    drawer.results.setCurrentIndex(drawer.model.index(0))
    qtbot.keyClick(drawer.results, Qt.Key.Key_Return)
    items = _stored_outline(window).sections[3].items
    assert items[1].title == "Anatoly Shcharanskiy" and items[1].source_kind == "case"


def test_drag_an_item_to_reorder_it(window):
    model = window.editor.model
    source = model.index(2, 0, model.index(2, 0))  # third objective
    moving_id = source.data(ID_ROLE)
    mime = model.mimeData([source])
    _drop(window.editor.tree, mime, model.index(0, 0, model.index(2, 0)))
    ids = [i.id for i in _stored_outline(window).sections[2].items]
    assert ids.index(moving_id) in (0, 1)
    assert window.editor.undo_stack.undoText() == "Move item"


def test_typing_and_marking_reach_the_store_and_the_banner(window, qtbot):
    _select(window, 2, 0)
    editor = window.editor.item_editor
    editor.text.setFocus()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.ctx.saved, timeout=3000):
        qtbot.keyClicks(editor.text, " Added in the window.")
    item = _stored_outline(window).sections[2].items[0]
    assert item.text.endswith("Added in the window.")
    assert "Added in the window." in editor.preview.toPlainText()
    editor.marking.setCurrentText("TOP SECRET")
    assert window.editor.banner.text() == "TOP SECRET/SENSITIVE"
    assert "#ff8c00" in window.editor.banner.styleSheet()
    assert _stored_outline(window).sections[2].items[0].marking == "TOP SECRET"
    assert window.undo_action.text() == "&Undo Change marking"
    window.undo_action.trigger()
    assert window.editor.banner.text() == "SECRET/SENSITIVE"


def _ids_in(window, section: int) -> list[str]:
    return [i.id for i in _stored_outline(window).sections[section].items]


def test_alt_arrows_reorder_and_undo_redo_restore(window, qtbot):
    index = _select(window, 2, 0)
    first_id = index.data(ID_ROLE)
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _ids_in(window, 2).index(first_id) == 1
    assert window.undo_action.text() == "&Undo Move item"
    window.undo_action.trigger()
    assert _ids_in(window, 2).index(first_id) == 0
    window.redo_action.trigger()
    assert _ids_in(window, 2).index(first_id) == 1


def test_delete_section_and_undo_puts_it_back(window, qtbot):
    before = _stored_outline(window)
    _select(window, 4)
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    assert len(_stored_outline(window).sections) == 11
    window.undo_action.trigger()
    assert _stored_outline(window) == before


def test_edits_survive_closing_and_reopening_the_store(qtbot, sample_path):
    win = MainWindow()
    qtbot.addWidget(win)
    win.attach(Store.open(sample_path), is_sample=True)
    win.open_briefing(SAMPLE_BRIEFING_TITLE)
    _select(win, 1, 0)
    win.editor.item_editor.text.setPlainText("Rewritten background paragraph.")
    win.close()  # closing flushes pending typing
    win.store.close()
    with Store.open(sample_path) as store, store.session() as session:
        from briefer.services.briefings import get_briefing

        book = get_briefing(session, SAMPLE_BRIEFING_TITLE)
        assert book.sections[1].items[0].text == "Rewritten background paragraph."


def _export_dialog(window):
    """Open File → Export as a person does and find the dialog on screen (nothing returned
    by the action is kept: the window alone owns the dialog)."""
    window.export_action.trigger()
    gc.collect()
    return next(w for w in window.findChildren(QDialog) if w.objectName() == "ExportDialog")


def test_export_through_the_dialog_and_read_the_file_back(window, qtbot, tmp_path):
    dialog = _export_dialog(window)
    out = tmp_path / "from-window.docx"
    dialog.findChild(QLineEdit, "pathEdit").setText(str(out))
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: bool(_boxes("exportedMessage")), timeout=60_000)
    done = _boxes("exportedMessage")[0]
    assert str(out) in done.text()
    done.close()
    document = Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "SECRET/SENSITIVE"


def _boxes(name):
    shown = QApplication.topLevelWidgets()
    return [w for w in shown if isinstance(w, QMessageBox) and w.objectName() == name]


def test_export_failure_is_explained_and_the_dialog_stays(window, qtbot, tmp_path):
    dialog = _export_dialog(window)
    dialog.findChild(QLineEdit, "pathEdit").setText(str(tmp_path / "missing-folder" / "x.docx"))
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    warning = dialog.findChild(QLabel, "warningsLabel")
    qtbot.waitUntil(lambda: "does not exist" in warning.text(), timeout=60_000)
    assert dialog.isVisible()
    dialog.reject()


def test_search_as_you_type_filters_the_drawer(window, qtbot):
    drawer = window.drawer
    qtbot.keyClicks(drawer.search, "jamm")
    qtbot.waitUntil(lambda: drawer.model.rowCount() > 0)
    titles = [r.title for r in drawer.model.rows]
    assert any("Jamming" in t or "jamming" in t for t in titles)
    drawer.kind.setCurrentIndex(drawer.kind.findData("counter"))
    qtbot.waitUntil(lambda: all(r.kind == "counter" for r in drawer.model.rows))


def test_opening_a_corrupt_store_explains_and_keeps_the_current_one(window, tmp_path, monkeypatch):
    from briefer.gui import main_window

    messages = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda *a: messages.append(a[2]))
    bad = tmp_path / "bad.db"
    bad.write_text("not a store")
    current = window.store
    assert window.switch_store(str(bad)) is False
    assert "is not a Briefer store" in messages[0]
    assert window.store is current and bad.read_text() == "not a store"
    _select(window, 2, 0)
    window.editor.item_editor.marking.setCurrentText("CONFIDENTIAL")
    assert _stored_outline(window).sections[2].items[0].marking == "CONFIDENTIAL"


def test_new_store_is_empty_and_real(window, tmp_path):
    path = tmp_path / "mine.db"
    assert window.switch_store(str(path), create=True)  # as New Store does; nothing else creates
    assert window.windowTitle() == "mine.db — Briefer"
    assert window.editor.briefing_id is None
    assert not window.store.is_sample


def test_unexpected_errors_are_logged_and_shown(window, monkeypatch, isolated_user_dirs):
    from briefer.gui import errors

    shown = []
    monkeypatch.setattr(errors.QMessageBox, "open", lambda self: shown.append(self.text()))
    log_file = errors.install()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        errors.report(type(exc), exc, exc.__traceback__)
    assert shown and "bug in Briefer" in shown[0] and len(shown[0]) < 120
    logged = Path(log_file).read_text()
    # The frames are logged; the message is not (a message may quote a record's text).
    assert "RuntimeError (message withheld" in logged and "RuntimeError: boom" not in logged


def test_controls_carry_accessible_names(window):
    widgets = (QLineEdit, QComboBox, QPlainTextEdit, QTreeView, QListView, QTextBrowser)
    unnamed = [
        w.objectName() or type(w).__name__
        for kind in widgets
        for w in window.findChildren(kind)
        if w.isVisibleTo(window) and not w.accessibleName()
    ]
    assert unnamed == []


def test_document_preview_shows_the_paper_as_exported(window):
    window.editor.tabs.setCurrentIndex(2)
    text = window.editor.preview.toPlainText()
    assert text.startswith("SECRET/SENSITIVE")
    assert "INFORMATION MEMORANDUM" in text and "They may say" in text


def test_window_geometry_is_remembered(qtbot, sample_path):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    size = (first.width(), first.height())
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size != (1280, 800)


def test_typing_on_after_a_save_keeps_the_cursor_and_every_keystroke(window, qtbot):
    _select(window, 2, 0)
    text = window.editor.item_editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    original = text.toPlainText()
    with qtbot.waitSignal(window.ctx.saved, timeout=3000):
        qtbot.keyClicks(text, " first")
    qtbot.keyClicks(text, " second")
    window.editor.flush_typing()
    assert text.toPlainText() == original + " first second"
    assert _stored_outline(window).sections[2].items[0].text == original + " first second"
    assert window.undo_action.text() == "&Undo Edit text"
    window.undo_action.trigger()
    assert _stored_outline(window).sections[2].items[0].text == original
    assert text.toPlainText() == original


def test_insert_undo_redo_brings_back_the_same_item(window, qtbot):
    _select(window, 3, 0)
    drawer = window.drawer
    drawer.search.setText("Sharansky")
    qtbot.waitUntil(lambda: [r.title for r in drawer.model.rows] == ["Anatoly Shcharanskiy"])
    drawer.results.setCurrentIndex(drawer.model.index(0))
    qtbot.keyClick(drawer.results, Qt.Key.Key_Return)
    inserted = _stored_outline(window).sections[3].items[1]
    window.undo_action.trigger()
    assert inserted.id not in _ids_in(window, 3)
    window.redo_action.trigger()
    assert _ids_in(window, 3)[1] == inserted.id
    assert _stored_outline(window).sections[3].items[1] == inserted


def test_properties_edit_with_undo_including_clearances(window, qtbot, monkeypatch):
    from briefer.gui import briefing_editor, main_window
    from briefer.gui.qt import QPushButton, QTableWidget

    refusals = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda *a: refusals.append(a[2]))

    window.editor.tabs.setCurrentIndex(1)
    panel = window.editor.properties
    subject = panel.form.findChild(QLineEdit, "subjectEdit")
    subject.setText("Human Rights After Washington")
    subject.editingFinished.emit()
    assert window.undo_action.text() == "&Undo Change subject"
    table = panel.form.findChild(QTableWidget, "clearancesTable")
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "EUR/SOV/SOVI",
        "EUR/SOV",
        "EUR/RPM",
        "EUR",
    ]
    monkeypatch.setattr(briefing_editor.QInputDialog, "getText", lambda *a, **k: ("S/P", True))
    qtbot.mouseClick(
        panel.form.findChild(QPushButton, "addClearanceButton"), Qt.MouseButton.LeftButton
    )
    assert table.rowCount() == 5 and table.item(4, 0).text() == "S/P"
    table.item(4, 2).setText("cleared")
    clearances = window.ctx.read(outline.clearances, window.editor.briefing_id)
    assert (clearances[-1].office, clearances[-1].status) == ("S/P", "cleared")
    table.item(3, 2).setText("approved-ish")  # not a clearance status: refused in words
    assert refusals and "Clearance status 'approved-ish' is not one of" in refusals[0]
    assert window.ctx.read(outline.clearances, window.editor.briefing_id)[3].status == "pending"
    assert table.item(3, 2).text() == "pending"
    window.undo_action.trigger()  # the status edit
    window.undo_action.trigger()  # the added clearance
    assert table.rowCount() == 4
    window.undo_action.trigger()  # the subject
    assert subject.text() == "Human Rights Between Summits: Some Thoughts"


def test_double_click_opens_the_entry_and_insert_adds_it(window, qtbot):
    from briefer.gui.qt import QLabel, QPushButton, QTextBrowser

    _select(window, 3, 0)
    drawer = window.drawer
    drawer.search.setText("Sharansky")
    qtbot.waitUntil(lambda: [r.title for r in drawer.model.rows] == ["Anatoly Shcharanskiy"])
    with qtbot.waitSignal(drawer.open_requested):
        drawer.results.doubleClicked.emit(drawer.model.index(0))
    viewer = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "LibraryEntryDialog" and w.isVisible()
    )
    assert viewer.findChild(QLabel, "titleLabel").text() == "Anatoly Shcharanskiy"
    text = viewer.findChild(QTextBrowser, "textBrowser").toPlainText()
    assert "Щаранский" in text and "released" in text
    qtbot.mouseClick(viewer.findChild(QPushButton, "insertButton"), Qt.MouseButton.LeftButton)
    assert _stored_outline(window).sections[3].items[1].title == "Anatoly Shcharanskiy"
