"""Typing in an item as a person does: the preview and the outline keep up without being
rebuilt on every key or every autosave (issue 13, item 11), and nothing typed is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefer.gui.main_window import MainWindow
from briefer.gui.outline_model import ID_ROLE
from briefer.gui.qt import QSplitter
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import outline
from briefer.store import Store

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    Path(path).chmod(0o600)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.attach(Store.open(path), is_sample=True)
    win.open_briefing(SAMPLE_BRIEFING_TITLE)
    qtbot.waitExposed(win)
    qtbot.wait(50)  # the first-run layout is applied once the window is laid out
    yield win
    win.close()
    if win.store is not None:
        win.store.close()


def _first_background_item(win: MainWindow):
    """Click the first item of the Background section, as a person chooses it."""
    tree = win.editor.tree
    index = win.editor.model.index(0, 0, win.editor.model.index(2, 0))
    tree.scrollTo(index)
    return index


def _choose(qtbot, win: MainWindow, index) -> None:
    """Select the item in the outline (what a click on its row does)."""
    tree = win.editor.tree
    tree.setFocus()
    tree.setCurrentIndex(index)
    qtbot.waitUntil(lambda: tree.currentIndex().data(ID_ROLE) == index.data(ID_ROLE))


def _stored_text(win: MainWindow, item_id: str) -> str:
    return win.ctx.read(outline.item, item_id).text


def test_the_preview_catches_up_after_a_pause_not_on_every_key(window, qtbot):
    index = _first_background_item(window)
    _choose(qtbot, window, index)
    editor = window.editor.item_editor
    editor.text.setFocus()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.text, " Zanzibar")
    # The keys are in the text at once; the preview has not re-rendered for each of them …
    assert editor.text.toPlainText().endswith(" Zanzibar")
    assert "Zanzibar" not in editor.preview.toPlainText()
    # … and shows them as soon as typing pauses.
    qtbot.waitUntil(lambda: "Zanzibar" in editor.preview.toPlainText(), timeout=3000)


def test_a_collapsed_preview_is_not_rendered_and_catches_up_when_opened(window, qtbot):
    index = _first_background_item(window)
    _choose(qtbot, window, index)
    editor = window.editor.item_editor
    splitter = window.findChild(QSplitter, "itemSplitter")
    sizes = splitter.sizes()
    splitter.setSizes([sum(sizes), 0])  # the preview collapsed, as by dragging the handle
    qtbot.waitUntil(lambda: editor.preview.height() == 0 or not editor.preview.isVisible())
    editor.text.setFocus()
    editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
    item_id = window.editor.current_item.id
    with qtbot.waitSignal(window.ctx.saved, timeout=3000):
        qtbot.keyClicks(editor.text, " Zanzibar")
    assert _stored_text(window, item_id).endswith(" Zanzibar")
    qtbot.wait(400)  # longer than the preview's pause: it still has not been rendered
    assert "Zanzibar" not in editor.preview.toPlainText()
    splitter.setSizes(sizes)
    qtbot.waitUntil(lambda: "Zanzibar" in editor.preview.toPlainText(), timeout=3000)


def test_an_autosave_updates_the_outline_row_in_place_and_undo_restores_it(window, qtbot):
    index = _first_background_item(window)
    _choose(qtbot, window, index)
    model, tree = window.editor.model, window.editor.tree
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    item_id = window.editor.current_item.id
    original = _stored_text(window, item_id)
    text = window.editor.item_editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.Start)
    with qtbot.waitSignal(window.ctx.saved, timeout=3000):
        qtbot.keyClicks(text, "Zanzibar first. ")
    assert _stored_text(window, item_id) == "Zanzibar first. " + original
    # The outline shows the new start of the text in the same row, still selected, and was
    # not rebuilt for it (a reset re-reads and redraws the whole outline on every autosave).
    assert "Zanzibar first." in tree.currentIndex().data()
    assert tree.currentIndex().data(ID_ROLE) == item_id
    assert resets == []
    # Typing goes on where the cursor was.
    with qtbot.waitSignal(window.ctx.saved, timeout=3000):
        qtbot.keyClicks(text, "Then ")
    assert _stored_text(window, item_id) == "Zanzibar first. Then " + original
    window.undo_action.trigger()
    assert _stored_text(window, item_id) == original
    assert text.toPlainText() == original
    assert "Zanzibar" not in tree.currentIndex().data()
    qtbot.waitUntil(lambda: "Zanzibar" not in window.editor.item_editor.preview.toPlainText())
    window.redo_action.trigger()
    assert _stored_text(window, item_id) == "Zanzibar first. Then " + original
    assert text.toPlainText() == "Zanzibar first. Then " + original
    assert "Zanzibar first." in tree.currentIndex().data()
