"""Start the desktop app: paint the window first, then open the store and fill it.

The first frame needs only Qt, so the window appears at once; the store (and with it
SQLAlchemy, the largest import) is opened on the next turn of the event loop. ``ready`` is
emitted when the navigator is filled and the briefing's outline is visible.
"""

from __future__ import annotations

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
    theme.apply(app)
    window = MainWindow()
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
            if store is not None:
                window.attach(store, is_sample=startup.is_sample)
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
            QMessageBox.warning(
                window,
                "Briefer cannot open the store",
                f"{exc}\n\nUse File → Open Store or File → New Store.",
            )
        window.ready.emit()
        if exit_when_ready:
            QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, load)
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return outcome["code"] or code
