"""Reuse in the window: a briefing from the template gallery, carry-forward review flags
resolved in the Review panel, Save as Template."""

from __future__ import annotations

import pytest

from briefer.gui.dialogs import NewBriefingDialog
from briefer.gui.outline_model import ID_ROLE
from briefer.gui.qt import QComboBox, QDialog, QDialogButtonBox, QInputDialog, QLabel, Qt
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, cases, library
from briefer.services.carry_forward import carry_forward
from briefer.services.events import get_event

pytestmark = pytest.mark.gui


def _ok(qtbot, dialog):
    button = dialog.dialog.findChild(QDialogButtonBox, "buttonBox").button(
        QDialogButtonBox.StandardButton.Ok
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_briefing_from_the_template_gallery(sample_window, qtbot):
    window = sample_window
    dialog = NewBriefingDialog(window.ctx, window)
    names = [dialog.gallery.item(n).text() for n in range(dialog.gallery.count())]
    assert names[0] == "Blank briefing" and names[-1] == "Carry forward a previous briefing"
    assert "Country action plan (cable)" in names
    dialog.choose("Country action plan (cable)")
    description = dialog.child(QLabel, "descriptionLabel").text()
    assert "Sections: Purpose, US Objectives, Recommendations." in description
    assert not dialog.child(QComboBox, "memoKindCombo").isEnabled()  # the template says
    dialog.dialog.show()
    _ok(qtbot, dialog)
    assert dialog.dialog.result() == 1, "the dialog should close on OK"
    window.open_briefing(dialog.result)
    outline = window.editor.model.data_
    assert [s.title for s in outline.sections] == ["Purpose", "US Objectives", "Recommendations"]
    assert outline.title == "Country action plan (cable) — Next U.S.–Soviet summit"
    with window.store.session() as session:
        book = briefings.get_briefing(session, dialog.result)
        assert (book.memo_kind.value, book.base_marking, book.tags) == (
            "cable",
            "CONFIDENTIAL",
            "SHUM, PINT, UR, US",
        )
        assert book.sections[2].items[-1].title == "Raise cases privately first"


def test_resolve_review_flags_in_the_panel(sample_window, qtbot, monkeypatch):
    window = sample_window
    with window.store.session() as session:
        event = get_event(session, "Next U.S.–Soviet summit")
        old = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        new_id = str(carry_forward(session, event, old, title="Moscow book").id)
        point = library.get_point(session, "Repeal the relatives' permission requirement")
        library.update_point(session, point, body="It blocks most applicants.")
        reznik = cases.get_case(session, "Tamara Lvovna Reznik")
        cases.add_status(
            session, reznik, occurred_on="1987-12-18", status="under review", source="Embassy"
        )
    window.open_briefing(new_id)
    panel = window.show_review()
    assert window.review_dock.isVisible()
    assert panel.tree.topLevelItemCount() == 6
    assert panel.summary.text().startswith("<b>6 item(s) need a look</b>")

    flag = panel.select_flag("revised", "Repeal the relatives' permission requirement")
    assert "+    It blocks most applicants." in panel.detail.toPlainText()
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert window.editor.tree.currentIndex().data(ID_ROLE) == flag.item_id  # shown in the outline
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == 5
    with window.store.session() as session:
        item = next(
            i for i in briefings.get_briefing(session, new_id).items if str(i.id) == flag.item_id
        )
        assert item.text == "It blocks most applicants."

    panel.select_flag("status-changed", "Tamara Lvovna Reznik")
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Asked again in May.", True))
    )
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == 4
    panel.select_flag("closed", "Grigory Semyonovich Voronel")
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.tree.topLevelItemCount() == 3
    titles = [
        window.editor.model.index(r, 0, window.editor.model.index(s, 0)).data()
        for s in range(window.editor.model.rowCount())
        for r in range(window.editor.model.rowCount(window.editor.model.index(s, 0)))
    ]
    assert not any("Voronel" in (t or "") for t in titles)  # the outline shows the removal


def test_save_as_template_from_the_window(sample_window, monkeypatch):
    window = sample_window
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Our book", True)))
    template_id = window.save_as_template()
    dialog = NewBriefingDialog(window.ctx, window)
    names = [dialog.gallery.item(n).text() for n in range(dialog.gallery.count())]
    assert template_id and "Our book" in names


def test_import_cases_from_the_file_menu_previews_then_writes(sample_window, monkeypatch, tmp_path):
    from briefer.gui.qt import QMessageBox

    window = sample_window
    path = tmp_path / "cases.csv"
    path.write_text(
        "ФИО;категория\nЕлена Боннэр;Helsinki monitor\nЩаранский Анатолий;refusenik\n",
        encoding="cp1251",
    )
    asked = []

    def yes(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    report = window.import_file("cases", path)
    assert asked == ["cases.csv: 1 new and 1 merged into existing entries. Import them?"]
    assert [c["name"] for c in report.created] == ["Елена Боннэр"]
    browser = window.show_cases()
    assert "Елена Боннэр" in [r.name for r in browser.model.rows]


def test_a_refused_import_says_which_line_and_writes_nothing(
    sample_window, tmp_path, modal_dialogs
):
    window = sample_window
    path = tmp_path / "bad.csv"
    path.write_text("name,category,since\nX Y,refusenik,05/06/1980\n", encoding="utf-8")
    assert window.import_file("cases", path) is None
    kind, message = modal_dialogs[-1]
    assert kind == "warning" and "line 2: since '05/06/1980' is ambiguous" in message
    with window.store.session() as session:
        assert "X Y" not in [c.primary_name for c in cases.list_cases(session)]


def test_compare_a_draft_with_the_version_sent_for_clearance(sample_window):
    from briefer.services.versions import set_status

    window = sample_window
    with window.store.session() as session:
        event = get_event(session, "Next U.S.–Soviet summit")
        old = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        book = carry_forward(session, event, old, title="Moscow book")
        set_status(session, book, "in-clearance")
        book_id = str(book.id)
        briefings.add_text_item(session, book.sections[0], "Added after clearance.", marking="C")
    dialog = window.compare()
    dialog.choose(f"{book_id}@1", book_id)
    rows = [dialog.changes.topLevelItem(n) for n in range(dialog.changes.topLevelItemCount())]
    texts = [(r.text(0), r.text(1), r.text(3)) for r in rows]
    assert ("added", "item", "Added after clearance.") in texts
    assert dialog.summary.text() == f"<b>{len(rows)} change(s)</b>"
    dialog.close()


def test_the_export_dialog_warns_while_review_flags_remain(sample_window):
    window = sample_window
    window.export_action.trigger()
    dialog = next(w for w in window.findChildren(QDialog) if w.objectName() == "ExportDialog")
    warning = dialog.findChild(QLabel, "warningsLabel").text()
    assert warning.startswith("⚠ 4 carry-forward review flag(s) unresolved")
    dialog.reject()
