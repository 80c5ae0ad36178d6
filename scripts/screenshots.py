"""Screenshots of the real window on the sample workspace, for the README (``make screenshots``).

Run under Xvfb (the Makefile does): the app's own start-up path opens the sample workspace,
then each view is shown and grabbed by Qt.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def _settle(app) -> None:
    for _ in range(30):
        app.processEvents()


def _store_dialogs(app, window, target: Path) -> None:
    """A new store's passphrase, an encrypted store asking for its own, and a copy caught
    half-way by its progress bar (grabbed from the running copy, not posed)."""
    from briefer.gui.copy_dialog import CopyStoreDialog
    from briefer.gui.passphrase_dialog import PassphraseDialog

    new = PassphraseDialog(window, path=Path.home() / "summit-laptop.db", new=True)
    new.encrypt.setChecked(True)
    new.passphrase.setText("a long passphrase")
    new.confirm.setText("a long passphrase")
    new.dialog.show()
    _settle(app)
    new.dialog.grab().save(str(target / "new-store-passphrase.png"))
    new.dialog.reject()

    copy = CopyStoreDialog(window.store, window)
    copy.target.setText(str(Path(tempfile.mkdtemp(prefix="briefer-shots-copy-")) / "laptop.db"))
    copy.encrypt.setChecked(True)
    copy.passphrase.setText("a long passphrase")
    copy.confirm.setText("a long passphrase")
    copy.dialog.show()
    grabbed = []

    def halfway(value: int) -> None:
        if not grabbed and value * 2 >= copy.progress.maximum() > 1:
            grabbed.append(copy.dialog.grab())

    copy.progress.valueChanged.connect(halfway)
    copy.start()
    while copy.job is not None:  # not a tight loop: each call into Qt costs a reference
        app.processEvents()
        time.sleep(0.02)
    grabbed[0].save(str(target / "copy-store.png"))
    copy.dialog.reject()

    asking = PassphraseDialog(
        window,
        path=Path.home() / "summit-laptop.db",
        new=False,
        error="That passphrase does not open the store. Check it and try again.",
    )
    asking.dialog.show()
    _settle(app)
    asking.dialog.grab().save(str(target / "open-encrypted.png"))
    asking.dialog.reject()


def main(out_dir: str) -> int:
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    os.environ["BRIEFER_DATA_DIR"] = tempfile.mkdtemp(prefix="briefer-shots-")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="briefer-shots-config-")

    from briefer.gui import theme
    from briefer.gui.app import make_application
    from briefer.gui.main_window import MainWindow
    from briefer.gui.qt import QDialog
    from briefer.sample.workspace import ensure_sample_store
    from briefer.store import Store

    app = make_application()
    theme.apply(app, "light")
    store = Store.open(Path(os.environ["BRIEFER_DATA_DIR"]) / "sample-workspace.db")
    ensure_sample_store(store)
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    window.attach(store, is_sample=True)
    window.open_default_briefing()
    _settle(app)
    editor = window.editor
    assert editor is not None
    item = editor.model.index(0, 0, editor.model.index(2, 0))  # Background, first paragraph
    editor.tree.setCurrentIndex(item)
    window.drawer.search.setText("emigration")
    _settle(app)
    shots = {"main-window.png": window}
    window.grab().save(str(target / "main-window.png"))

    editor.tabs.setCurrentIndex(2)
    _settle(app)
    window.grab().save(str(target / "document-preview.png"))
    editor.tabs.setCurrentIndex(0)

    window.export_action.trigger()  # the window owns the dialog: find it as a person sees it
    _settle(app)
    shown = app.activeModalWidget() or next(
        d for d in window.findChildren(QDialog) if d.isVisible()
    )
    shown.grab().save(str(target / "export-dialog.png"))
    shown.reject()

    browser = window.show_cases()
    _settle(app)
    browser.select(next(r.id for r in browser.model.rows if r.name == "Pavel Andreyevich Lisitsyn"))
    _settle(app)
    window.grab().save(str(target / "case-table.png"))

    library = window.show_page("library")
    library.select(next(r.id for r in library.model.rows if r.title.startswith("Emigration has")))
    body = library.editor.value("body")
    library.editor.set_value("body", body + " December's figures, not yet final, confirm it.")
    library.save()  # a second revision, so the history below has a diff to show
    _settle(app)
    window.grab().save(str(target / "library.png"))
    history = library.show_history()
    _settle(app)
    history.grab().save(str(target / "history.png"))
    history.close()

    lists = window.show_page("lists")
    _settle(app)
    window.grab().save(str(target / "case-lists.png"))

    review = window.show_page("review")
    _settle(app)
    window.grab().save(str(target / "review-session.png"))

    goals = window.show_page("goals")
    goals.select_goal(next(g.id for g in goals.goals if "10,000" in g.text))
    _settle(app)
    window.grab().save(str(target / "goal-chart.png"))
    window.workspace_tabs.setCurrentIndex(0)
    del lists, review

    from briefer.gui.dialogs import NewBriefingDialog
    from briefer.services import briefings, cases, library
    from briefer.services.carry_forward import carry_forward
    from briefer.services.events import create_event

    gallery = NewBriefingDialog(window.ctx, window)
    gallery.choose("Country action plan (cable)")
    gallery.dialog.show()
    _settle(app)
    gallery.dialog.grab().save(str(target / "template-gallery.png"))
    gallery.dialog.reject()

    with store.session() as session:  # the next summit's book, carried forward, then news
        event = create_event(session, title="Moscow summit", kind="summit", starts_on="1988-05-29")
        old = briefings.get_briefing(session, "Human Rights Between Summits")
        carried = str(
            carry_forward(session, event, old, title="Human Rights at the Moscow Summit").id
        )
        point = library.get_point(session, "Repeal the relatives' permission requirement")
        library.update_point(session, point, body=point.body + " It blocks most applicants.")
        reznik = cases.get_case(session, "Tamara Lvovna Reznik")
        cases.add_status(
            session,
            reznik,
            occurred_on="1987-12-18",
            status="under review",
            source="Embassy Moscow",
        )
    window.open_briefing(carried)
    panel = window.show_review()
    panel.select_flag("revised", "Repeal the relatives' permission requirement")
    _settle(app)
    window.grab().save(str(target / "review-panel.png"))

    _store_dialogs(app, window, target)

    theme.apply(app, "dark")
    window.editor.banner.set_marking(editor.model.data_.marking)
    _settle(app)
    window.grab().save(str(target / "dark-theme.png"))
    for name in (
        "main-window.png",
        "document-preview.png",
        "export-dialog.png",
        "case-table.png",
        "library.png",
        "history.png",
        "case-lists.png",
        "review-session.png",
        "goal-chart.png",
        "template-gallery.png",
        "review-panel.png",
        "dark-theme.png",
        "new-store-passphrase.png",
        "copy-store.png",
        "open-encrypted.png",
    ):
        print(f"wrote {target / name}")
    del shots
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
