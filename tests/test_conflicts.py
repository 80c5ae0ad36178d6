"""Two people (or two windows) edit one record: the second to save sees both texts and
chooses; nothing is written before; undo stays consistent. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from briefer.errors import EditConflict
from briefer.gui.conflict_dialog import ConflictDialog
from briefer.gui.main_window import MainWindow
from briefer.gui.qt import Qt
from briefer.models import BriefingItem
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import library, outline
from briefer.store import Store

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, sample_store):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    window.attach(sample_store, is_sample=True)
    window.open_briefing(SAMPLE_BRIEFING_TITLE)
    yield window
    window.close()


@pytest.fixture
def colleague(sample_store):
    """The same store opened a second time: another window, or a colleague's machine."""
    other = Store.open(sample_store.target.url, auto_backup=False)
    yield other
    other.close()


def _answer(monkeypatch, qtbot, button: str, merged: str | None = None) -> list[ConflictDialog]:
    """Answer the conflict dialog as a person would: read it, maybe edit, click."""
    shown: list[ConflictDialog] = []

    def exec_(dialog: ConflictDialog) -> int:
        shown.append(dialog)
        if merged is not None:
            next(iter(dialog.results.values())).setPlainText(merged)
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown


def _first_item(window):
    editor = window.editor
    index = editor.model.index(0, 0, editor.model.index(2, 0))  # Background, first paragraph
    editor.tree.setCurrentIndex(index)
    return editor, editor.current_item


def _stored_text(store, item_id):
    with store.session() as session:
        return session.get(BriefingItem, uuid.UUID(item_id)).text


def _colleague_edits(colleague, item_id, text):
    with colleague.session() as session:
        outline.update_item(session, item_id, text=text)


@pytest.mark.parametrize(
    ("button", "merged", "expected"),
    [
        ("keep_button", None, "MINE"),
        ("take_button", None, "THEIRS"),
        ("merge_button", "THEIRS and MINE, merged by hand", "THEIRS and MINE, merged by hand"),
    ],
)
def test_a_stale_item_edit_asks_and_writes_only_the_choice(
    window, colleague, qtbot, monkeypatch, button, merged, expected
):
    editor, item = _first_item(window)
    original = item.text
    shown = _answer(monkeypatch, qtbot, button, merged)
    editor.item_editor.text.setPlainText("MINE")  # typed, not yet written …
    _colleague_edits(colleague, item.id, "THEIRS")  # … when someone else saves first
    editor.flush_typing()
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.findChild(type(dialog.results["text"]), "theirs_text").toPlainText() == "THEIRS"
    assert dialog.findChild(type(dialog.results["text"]), "mine_text").toPlainText() == "MINE"
    assert _stored_text(window.store, item.id) == expected
    assert editor.current_item.text == expected  # the editor shows what the store holds
    editor.undo_stack.undo()
    if button == "take_button":
        assert _stored_text(window.store, item.id) == "THEIRS"  # nothing of ours to undo
    else:
        assert _stored_text(window.store, item.id) == original
        editor.undo_stack.redo()
        assert _stored_text(window.store, item.id) == expected


def test_without_a_conflict_no_dialog_appears(window, qtbot, monkeypatch):
    editor, item = _first_item(window)
    shown = _answer(monkeypatch, qtbot, "keep_button")
    editor.item_editor.text.setPlainText("Only mine.")
    editor.flush_typing()
    assert shown == [] and _stored_text(window.store, item.id) == "Only mine."


def test_escape_decides_nothing(window, colleague):
    _editor, item = _first_item(window)
    _colleague_edits(colleague, item.id, "THEIRS")
    with window.store.session() as session, pytest.raises(EditConflict) as conflict:
        outline.update_item_from(session, item.id, "text", item.text, "MINE")
    dialog = ConflictDialog(conflict.value, window)
    dialog.show()
    dialog.reject()  # Escape or the close box
    assert dialog.isVisible() and dialog.choice is None
    assert _stored_text(window.store, item.id) == "THEIRS"
    dialog.done(0)


@pytest.mark.parametrize("button", ["keep_button", "take_button", "merge_button"])
def test_a_stale_library_save_asks_too(window, colleague, qtbot, monkeypatch, button):
    page = window.show_page("library")
    row = next(r for r in page.model.rows if r.title == "Glasnost within limits")
    page.select(row.id)
    shown = _answer(
        monkeypatch, qtbot, button, "Merged body." if button == "merge_button" else None
    )
    with colleague.session() as session:
        point = library.get_point(session, row.id)
        library.update_point(session, point, body="Their body.")
    page.editor.set_value("body", "My body.")
    page.save()
    assert len(shown) == 1 and set(shown[0].conflict.fields) == {"body"}
    with window.store.session() as session:
        point = library.get_point(session, row.id)
        body, revision = point.body, point.revision
    expected = {
        "keep_button": "My body.",
        "take_button": "Their body.",
        "merge_button": "Merged body.",
    }
    assert body == expected[button]
    assert revision == (2 if button == "take_button" else 3)
    assert page.editor.value("body") == expected[button] and not page.editor.is_dirty


def test_the_command_line_names_the_record_it_refuses(sample_store, colleague):
    """A script revises a point only if it is still the revision it read (--if-revision);
    a colleague's save in between is refused with exit 1, naming the point."""
    from tests.test_cli import briefer

    db = ("--db", sample_store.target.url)
    title = "Glasnost within limits"
    with colleague.session() as session:  # a colleague revises it after the script read it
        library.update_point(session, library.get_point(session, title), body="Theirs.")
    refused = briefer(*db, "points", "revise", title, "--text", "Mine.", "--if-revision", "1")
    assert refused.returncode == 1
    assert f"talking point '{title}'" in refused.stderr and "revision 2" in refused.stderr
    with sample_store.session() as session:
        assert library.get_point(session, title).body == "Theirs."
    done = briefer(*db, "points", "revise", title, "--text", "Mine.", "--if-revision", "2")
    assert done.returncode == 0 and "revision 3" in done.stdout
