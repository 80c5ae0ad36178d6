"""Start the desktop app: paint the window first, then open the store and fill it.

The first frame needs only Qt, so the window appears at once; the store (and with it
SQLAlchemy, the largest import) is opened on the next turn of the event loop. ``ready`` is
emitted when the navigator is filled and the briefing's outline is visible.
"""

from __future__ import annotations

import os
import sys

from briefer import APP_AUTHOR, APP_NAME, __version__
from briefer.gui.qt import QApplication, QEvent, QIcon, QMessageBox, QObject, QTimer
from briefer.paths import asset


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(asset("resources", "icons", "briefer.svg"))))
    return app  # type: ignore[return-value]


class _QuitOnFirstPaint(QObject):
    """For the start-up benchmark: quit as soon as the window has painted once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run(
    db: str | None = None,
    open_briefing: str | None = None,
    exit_when_ready: bool = False,
    exit_on_first_paint: bool = False,
) -> int:
    from briefer.gui import theme
    from briefer.gui.main_window import MainWindow

    app = make_application()
    if os.environ.get("BRIEFER_INSPECT"):  # the end-to-end suite's eyes (tests/e2e), read-only
        from briefer.gui.inspect_hook import install

        install(app, os.environ["BRIEFER_INSPECT"])
    theme.apply(app)
    window = MainWindow()
    # A smoke-test or benchmark run is no visit of the person's: it leaves their saved
    # layout and window size alone (it closes before its own layout has settled).
    window.save_layout_on_close = not (exit_when_ready or exit_on_first_paint)
    painted = _QuitOnFirstPaint()
    if exit_on_first_paint:
        window.installEventFilter(painted)
    window.show()
    if exit_on_first_paint:
        return app.exec()
    outcome = {"code": 0}

    def load() -> None:
        from briefer.errors import BrieferError
        from briefer.gui import errors
        from briefer.gui.passphrase_dialog import open_with_passphrase
        from briefer.startup import open_startup_store, startup_target

        errors.install()
        try:
            startup = startup_target(db)
            store = open_with_passphrase(window, lambda key: open_startup_store(db, key))
        except BrieferError as exc:
            print(f"briefer: {exc}", file=sys.stderr)
            if exit_when_ready:
                outcome["code"] = 1
                app.quit()
                return
            store = None
            # The window stays usable: New Store, Open Store, Open Recent and Quit.
            window.show_no_store(f"Briefer cannot open the store. {exc}")
        else:
            if store is None:  # the passphrase was not given
                window.show_no_store("No store is open.")
        if store is not None:
            # A store built as the sample workspace is one, however it was named.
            window.attach(store, is_sample=startup.is_sample or store.is_sample)
            try:
                if open_briefing:
                    window.open_briefing(open_briefing)
                else:
                    window.open_default_briefing()
            except BrieferError as exc:
                print(f"briefer: {exc}", file=sys.stderr)
                if exit_when_ready:
                    outcome["code"] = 1
                    app.quit()
                    return
                QMessageBox.warning(window, "Briefer cannot open the briefing", str(exc))
        window.ready.emit()
        if exit_when_ready:
            QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, load)
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return outcome["code"] or code
