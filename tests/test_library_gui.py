"""The library, case-list, review-session and goal pages, driven through their widgets."""

from __future__ import annotations

import pytest

from briefer.gui.history_view import HistoryView
from briefer.gui.qt import (
    QApplication,
    QDialogButtonBox,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QInputDialog,
    QMessageBox,
    QPointF,
    Qt,
)
from briefer.services import entry_forms as ef
from briefer.services import list_page
from briefer.services.cases import get_list

pytestmark = pytest.mark.gui


@pytest.fixture
def window(sample_window):
    return sample_window


def _click(qtbot, button):
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select_title(page, title):
    row = next(r for r in page.model.rows if r.title == title)
    assert page.select(row.id)
    return row.id


def test_edit_a_point_then_see_its_history_diff_and_restore(window, qtbot, monkeypatch):
    page = window.show_page("library")
    point_id = _select_title(page, "Emigration has reached a plateau")
    body = page.editor.inputs["body"]
    original = body.toPlainText()
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Figures for December confirm it.")
    assert page.editor.is_dirty
    qtbot.waitUntil(lambda: not page.editor.is_dirty)  # saved once the typing pauses
    assert "revision 2" in page.editor_title.text()

    _click(qtbot, page.history_button)
    view = page.findChild(HistoryView, "historyView")
    assert view is not None and view.isVisible()
    assert [view.revisions.topLevelItem(n).text(2) for n in range(2)] == ["body", "created"]
    assert (view.old.currentText(), view.new.currentText()) == ("1", "2")
    diff = view.diff.toPlainText()
    assert "+    " + original + " Figures for December confirm it." in diff
    assert "-    " + original in diff

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    view.revisions.setCurrentItem(view.revisions.topLevelItem(1))  # revision 1
    _click(qtbot, view.restore_button)
    assert view.revisions.topLevelItem(0).text(0) == "3"
    assert page.editor.value("body") == original
    assert "revision 3" in page.editor_title.text()
    with window.store.session() as session:
        assert ef.load_form(session, "point", point_id).values["body"] == original
    view.close()


def test_the_editor_refuses_a_classified_public_diplomacy_point(window, qtbot):
    page = window.show_page("library")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("pd"))
    assert page.kind == "pd" and len(page.model.rows) == 6
    page.select(page.model.rows[0].id)
    page.editor.inputs["marking"].setCurrentText("SECRET")
    page.editor.inputs["topic"].setText("Resolve (edited)")
    qtbot.waitUntil(page.editor.message.isVisible)  # the autosave is refused
    assert "always UNCLASSIFIED; 'SECRET' is refused" in page.editor.message.text()
    assert page.editor.value("topic") == "Resolve (edited)"  # what was typed is kept
    with window.store.session() as session:
        stored = ef.load_form(session, "pd", page.model.rows[0].id)
    assert stored.values["marking"] == "UNCLASSIFIED" and stored.revision == 1


def test_stale_points_are_shown_and_marking_one_reviewed_clears_it(window, qtbot, monkeypatch):
    page = window.show_page("library")
    page.stale_days.setValue(180)
    assert page.count_label.text() == "35 talking points, 7 stale"
    page.stale_only.setChecked(True)
    assert len(page.model.rows) == 7
    reviewed = page.model.index(0, [f for f, _ in page.model.columns].index("reviewed_on")).data()
    assert reviewed == "1987-06-01 — stale"
    page.select(page.model.rows[0].id)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("D. Ross", True)))
    _click(qtbot, page.review_button)
    assert len(page.model.rows) == 6
    assert page.editor.reviewed.text() == "1987-12-20 by D. Ross"


def test_a_new_case_with_a_known_name_offers_the_existing_case(window, qtbot, monkeypatch):
    browser = window.show_cases()
    dialog = browser.new_case()
    dialog.editor.inputs["primary_name"].setText("Щаранский Анатолий")
    dialog.check_duplicates()
    assert dialog.duplicates.count() == 1
    assert (
        dialog.duplicates.item(0).text() == "Anatoly Shcharanskiy — same name in another spelling"
    )
    answers = []

    def no(*args, **kwargs):
        answers.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(no))
    _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert "Anatoly Shcharanskiy is already in the library" in answers[0]
    assert browser.model.index(browser.table.currentIndex().row(), 0).data() == (
        "Anatoly Shcharanskiy"
    )
    assert len(browser.model.rows) == 40  # nothing added


def test_reorder_a_list_by_drag_and_drop(window, qtbot):
    page = window.show_page("lists")
    qtbot.waitExposed(page.members)
    names = page.member_names()
    model, view = page.members_model, page.members
    mime = model.mimeData([model.index(0, 0)])
    target = view.visualRect(model.index(3, 0))
    at = QPointF(target.center().x(), target.bottom() - 2)  # lower edge of the 4th row: below it
    args = (
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    for event in (QDragEnterEvent(at.toPoint(), *args), QDragMoveEvent(at.toPoint(), *args)):
        QApplication.sendEvent(view.viewport(), event)
        assert event.isAccepted()
    QApplication.sendEvent(view.viewport(), QDropEvent(at, *args))
    expected = [*names[1:4], names[0], *names[4:]]
    assert page.member_names() == expected
    with window.store.session() as session:
        detail = list_page.list_detail(
            session, str(get_list(session, page.detail.name).id), window.store.today()
        )
    assert [m.name for m in detail.members] == expected
    assert view.currentIndex().row() == 3  # the moved case stays selected


def test_a_review_session_records_replies_and_lists_discrepancies(window, qtbot):
    page = window.show_page("review")
    assert "Case review session, Moscow" in page.event_combo.currentText()
    before = page.discrepancy_messages()
    open_rows = [r for r in page.rows if not r.reply_status and r.known_status == "imprisoned"]
    agreeing = next(r for r in page.rows if not r.reply_status and r is not open_rows[0])
    page.set_reply(open_rows[0].name, "released", "Released in November, they say.")
    page.set_reply(agreeing.name, agreeing.known_status)
    _click(qtbot, page.record_button)
    after = page.discrepancy_messages()
    assert len(after) == len(before) + 1
    new = next(m for m in after if m not in before)
    assert new.startswith(f"{open_rows[0].name}: the counterpart says 'released' (1987-11-17)")
    assert "reported 'imprisoned'" in new
    assert page.summary_label.text().startswith(f"<b>{len(after)} discrepancies</b>")
    recorded = {r.name: r.reply_status for r in page.rows}
    assert recorded[open_rows[0].name] == "released"
    assert recorded[agreeing.name] == agreeing.known_status
    recorded_row = next(n for n, r in enumerate(page.rows) if r.name == agreeing.name)
    assert not page.reply_widget(recorded_row).isEnabled()  # shown, not recorded twice


def test_the_indicator_chart_shows_observations_against_the_target(window, qtbot):
    page = window.show_page("goals")
    goal = next(g for g in page.goals if "10,000" in g.text)
    page.select_goal(goal.id)
    indicator = page.indicator
    assert indicator is not None and indicator.target is not None
    axes = page.canvas.figure.axes[0]
    line, target = axes.get_lines()[:2]
    assert list(line.get_ydata()) == [o.value for o in indicator.observations]
    assert set(target.get_ydata()) == {indicator.target}
    assert page.observations.rowCount() == len(indicator.observations)
    image = page.canvas.grab().toImage()
    pixels = [
        image.pixelColor(x, y).getRgb()[:3]
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    ]
    assert any(b > 100 and r < 60 for r, _g, b in pixels)  # the series, drawn in navy
    assert any(r > 150 and g < 60 and b < 80 for r, g, b in pixels)  # the target, in red

    dialog = page.ask_observation()
    dialog.date.setText("1987-12-20")
    dialog.value.setText("1200")
    dialog.source.setText("Embassy Moscow")
    _click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    line = page.canvas.figure.axes[0].get_lines()[0]
    assert len(line.get_ydata()) == len(indicator.observations) + 1
    assert page.observations.item(0, 0).text() == "1987-12-20"  # newest first


def test_export_a_list_annex_from_the_window(window, qtbot, monkeypatch, tmp_path, modal_dialogs):
    from docx import Document

    from briefer.gui.qt import QFileDialog

    page = window.show_page("lists")
    out = tmp_path / "annex.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    _click(qtbot, page.export_button)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    tables = "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert page.detail.name in text
    assert page.member_names()[0] in text + tables  # a statement or a table, by list kind
    assert modal_dialogs[-1] == ("information", f"Exported docx to\n{out}")


def test_every_page_names_its_controls_for_screen_readers(window):
    from briefer.gui.qt import (
        QComboBox,
        QLineEdit,
        QListView,
        QPlainTextEdit,
        QTextBrowser,
        QTreeView,
    )

    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QTreeView, QListView, QTextBrowser)
    window.show_review()
    for name in ("library", "cases", "lists", "review", "goals"):
        page = window.show_page(name)
        unnamed = [
            w.objectName() or type(w).__name__
            for kind in kinds
            for w in page.findChildren(kind)
            if w.isVisibleTo(window)
            and not w.accessibleName()
            and not w.objectName().startswith("qt_")  # Qt's own parts of a spin box
            and not isinstance(w.parent(), QComboBox)  # an editable combo's line
        ]
        assert unnamed == [], name
