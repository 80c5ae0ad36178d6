"""Unexpected errors: logged to a rotating file, shown with details to copy; the app goes on."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType

from briefer import paths
from briefer.errors import BrieferError
from briefer.gui.qt import QApplication, QMessageBox

log = logging.getLogger("briefer")


def setup_logging() -> str:
    log_file = paths.user_log_dir() / "briefer.log"
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("briefer")
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(log_file)


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: a user error is a message; anything else is a bug, logged in full."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, BrieferError):
        QMessageBox.warning(QApplication.activeWindow(), "Briefer", str(exc))
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("Unexpected error\n%s", details)
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Something went wrong")
    box.setText(
        f"Briefer hit an unexpected problem: {exc}\n\nYour work is saved. "
        "The details below are also in the log file."
    )
    box.setDetailedText(details)
    box.setObjectName("errorDialog")
    box.open()


def install() -> str:
    log_file = setup_logging()
    sys.excepthook = report
    return log_file
