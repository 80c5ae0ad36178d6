"""Unexpected errors (bugs): logged to a rotating file, and shown as a short message whose
details are collapsed behind "Show Details…"; the app goes on.

Neither the message, its details nor the log quote the store's content: a traceback's
frames are code, but an exception's message can carry a record's text (``KeyError('…')``,
a PostgreSQL "DETAIL: Key (name)=(…)" line). So a message is kept only for exceptions
whose messages are about code (see :func:`safe_message`), and then only its first line;
the engines hide statement parameters (``hide_parameters``, see ``briefer.store``).
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType

from briefer import paths
from briefer.errors import BrieferError
from briefer.gui.qt import QApplication, QMainWindow, QMessageBox, Qt, QWidget

log = logging.getLogger("briefer")

# Exceptions whose message names code (a type, an attribute, a module), not data.
_CODE_ERRORS: tuple[type[BaseException], ...] = (
    AttributeError,
    ImportError,
    NameError,
    NotImplementedError,
    RecursionError,
    TypeError,
    ZeroDivisionError,
)
# Database drivers and SQLAlchemy: the first line is the driver's own sentence
# ("UNIQUE constraint failed: cases.name", "SQLite objects created in a thread…").
_CODE_ERROR_PACKAGES = ("sqlite3", "_sqlite3", "sqlcipher3", "sqlalchemy", "psycopg")
# Shown boxes without a window to own them, held until they close.
_unowned: set[QMessageBox] = set()


def setup_logging() -> str:
    log_file = paths.user_log_dir() / "briefer.log"
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("briefer")
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(log_file)


def safe_message(exc: BaseException) -> str:
    """The exception's type, with its message's first line only when that names code."""
    kind = type(exc)
    name = f"{kind.__module__}.{kind.__qualname__}".removeprefix("builtins.")
    package = kind.__module__.split(".")[0]
    if not isinstance(exc, _CODE_ERRORS) and package not in _CODE_ERROR_PACKAGES:
        return f"{name} (message withheld: it may quote the store's content)"
    lines = str(exc).strip().splitlines()
    return f"{name}: {lines[0]}" if lines else name


def bug_details(exc: BaseException) -> str:
    """A traceback for a bug report: every frame of the chain, messages as ``safe_message``."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts = [
        "Traceback (most recent call last):\n"
        + "".join(traceback.format_tb(link.__traceback__))
        + safe_message(link)
        + "\n"
        for link in reversed(chain)
    ]
    return "\nWhile handling the error above, another one followed:\n\n".join(parts)


def _owner(parent: QWidget | None) -> QWidget | None:
    """The window a message belongs to: the given one, the active one, else the main one."""
    if parent is not None:
        return parent
    active = QApplication.activeWindow()
    if active is not None:
        return active
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    return next((w for w in windows if w.isVisible()), windows[0] if windows else None)


def show_bug(parent: QWidget | None, what: str, details: str) -> QMessageBox:
    """Say in two short lines that ``what`` failed because of a bug; the traceback is in
    the collapsed details (and the log). The box is owned by its window and deleted when
    closed; it does not block."""
    log.error("%s\n%s", what, details)
    owner = _owner(parent)
    box = QMessageBox(owner)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Something went wrong")
    box.setText(f"{what}: this is a bug in Briefer, not something you did.")
    box.setInformativeText(
        "Your saved work is safe. The details are also in the log file; "
        "please include them when you report the bug."
    )
    box.setDetailedText(details)
    if owner is None:
        _unowned.add(box)
        box.finished.connect(lambda _code: _unowned.discard(box))
    box.open()
    return box


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: a user error is a message; anything else is a bug, logged in full."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, BrieferError):
        QMessageBox.warning(QApplication.activeWindow(), "Briefer", str(exc))
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    show_bug(None, "Briefer hit an unexpected problem", bug_details(exc))


def install() -> str:
    log_file = setup_logging()
    sys.excepthook = report
    return log_file
