"""Start the desktop app on the right store; turn start-up failures into a clear message."""

from __future__ import annotations

import sys

from briefer import APP_AUTHOR, APP_NAME, __version__
from briefer.errors import BrieferError
from briefer.gui.qt import QApplication, QIcon, QMessageBox, QTimer
from briefer.paths import asset


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(asset("resources", "icons", "briefer.svg"))))
    return app  # type: ignore[return-value]


def run(
    db: str | None = None, open_briefing: str | None = None, exit_when_ready: bool = False
) -> int:
    from briefer.gui.main_window import MainWindow
    from briefer.startup import open_startup_store, startup_target

    app = make_application()
    try:
        startup = startup_target(db)
        store = open_startup_store(db)
    except BrieferError as exc:
        print(f"briefer: {exc}", file=sys.stderr)
        if not exit_when_ready:
            QMessageBox.critical(None, "Briefer cannot open the store", str(exc))
        return 1
    try:
        window = MainWindow(store, is_sample=startup.is_sample)
        if open_briefing:
            window.open_briefing(open_briefing)
    except BrieferError as exc:
        store.close()
        print(f"briefer: {exc}", file=sys.stderr)
        if not exit_when_ready:
            QMessageBox.critical(None, "Briefer", str(exc))
        return 1
    window.show()
    if exit_when_ready:
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        store.close()
