"""Where things are on screen, for the end-to-end suite (``tests/e2e``); off by default.

The suite drives the real program with real X input events (xdotool), as a person would; to
aim a click or a drag it needs to know where a button, a tab or a row is. With
``BRIEFER_INSPECT=/path/snapshot.json`` set, :func:`install` watches for
``/path/snapshot.json.request``; when that file appears, it writes what is visible — every
shown widget's class, objectName, accessible name, text, enabled state and global geometry,
the rows of item views, the tabs of tab bars, the entries of menus, the active, modal and
focused window — to the snapshot as JSON, tagged with the request's token, and removes the
request.

It only reads: it never clicks, types or calls a slot. Nothing here runs unless the
environment variable is set (``briefer.gui.app`` checks it before importing this module).
"""

from __future__ import annotations

import json
import os
import traceback
from pathlib import Path
from typing import Any

from briefer.gui.qt import QApplication, QModelIndex, QObject, QTimer, QWidget

POLL_MS = 50
MAX_ROWS_PER_VIEW = 400
MAX_TEXT = 300
_installed: list[QObject] = []  # the watcher lives as long as the application


def install(app: QApplication, snapshot_path: str) -> QObject:
    """Start watching for requests; returns the watcher (also kept here)."""
    watcher = _Watcher(app, Path(snapshot_path))
    _installed.append(watcher)
    return watcher


class _Watcher(QObject):
    def __init__(self, app: QApplication, snapshot: Path) -> None:
        super().__init__(app)
        self.snapshot = snapshot
        self.request = snapshot.with_name(snapshot.name + ".request")
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        try:
            token = self.request.read_text(encoding="utf-8").strip()
        except OSError:
            return
        if not token:  # being written
            return
        try:
            data = snapshot()
        except Exception:  # a bug here must not reach the app's error dialog: say it there
            data = {"error": traceback.format_exc()}
        data["token"] = token
        partial = self.snapshot.with_name(self.snapshot.name + ".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.snapshot)
        self.request.unlink(missing_ok=True)


def _rect(widget: QWidget, rect: Any = None) -> list[int]:
    rect = rect if rect is not None else widget.rect()
    top_left = widget.mapToGlobal(rect.topLeft())
    return [top_left.x(), top_left.y(), rect.width(), rect.height()]


def _window_title(widget: QWidget | None) -> str | None:
    return widget.window().windowTitle() if widget is not None else None


def _text(widget: Any) -> str:
    if any(widget.inherits(c) for c in ("QAbstractButton", "QLabel", "QLineEdit")):
        text = widget.text()
    elif widget.inherits("QComboBox"):
        text = widget.currentText()
    elif widget.inherits("QGroupBox"):
        text = widget.title()
    elif widget.inherits("QPlainTextEdit") or widget.inherits("QTextEdit"):
        text = widget.toPlainText()
    elif widget.inherits("QDockWidget") or widget.isWindow():
        text = widget.windowTitle()
    else:
        text = ""
    return text[:MAX_TEXT]


def _rows(view: Any) -> list[dict[str, Any]]:
    """The rows of ``view`` that are scrolled into sight (expanded ones only, for a tree):
    each row's cells joined by " | " (one cell for a list or a tree) and the geometry of its
    first column."""
    model = view.model()
    if model is None:
        return []
    viewport = view.viewport()
    visible = viewport.rect()
    rows: list[dict[str, Any]] = []
    expanded = getattr(view, "isExpanded", None)
    hidden = getattr(view, "isColumnHidden", lambda _column: False)

    def walk(parent: QModelIndex, path: list[int]) -> None:
        if view.inherits("QListView"):  # a list model's columnCount is not public
            columns = [view.modelColumn()]
        else:
            columns = [c for c in range(model.columnCount(parent)) if not hidden(c)]
        for row in range(model.rowCount(parent)):
            if len(rows) >= MAX_ROWS_PER_VIEW:
                return
            index = model.index(row, columns[0] if columns else 0, parent)
            rect = view.visualRect(index)
            if rect.isValid() and rect.intersects(visible):
                cells = [str(model.index(row, c, parent).data() or "") for c in columns]
                selection = view.selectionModel()
                rows.append(
                    {
                        "path": [*path, row],
                        "text": " | ".join(cells)[:MAX_TEXT],
                        "selected": selection is not None and selection.isSelected(index),
                        "current": index.row() == view.currentIndex().row()
                        and index.parent() == view.currentIndex().parent(),
                        "geometry": _rect(viewport, rect.intersected(visible)),
                    }
                )
            if expanded is not None and model.hasChildren(index) and expanded(index):
                walk(index, [*path, row])

    walk(view.rootIndex(), [])
    return rows


def _describe(widget: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "class": type(widget).__name__,
        "qt_class": widget.metaObject().className(),
        "name": widget.objectName(),
        "accessible": widget.accessibleName(),
        "text": _text(widget),
        "enabled": widget.isEnabled(),
        "focus": widget.hasFocus(),
        "window": _window_title(widget),
        "geometry": _rect(widget),
    }
    if widget.inherits("QAbstractButton") and widget.isCheckable():
        entry["checked"] = widget.isChecked()
    if widget.inherits("QAbstractItemView") and not widget.inherits("QHeaderView"):
        entry["rows"] = _rows(widget)
    if widget.inherits("QTabBar"):
        entry["tabs"] = [
            {
                "text": widget.tabText(i),
                "current": i == widget.currentIndex(),
                "enabled": widget.isTabEnabled(i),
                "geometry": _rect(widget, widget.tabRect(i)),
            }
            for i in range(widget.count())
            if widget.isTabVisible(i)
        ]
    if widget.inherits("QMenu") or widget.inherits("QMenuBar"):
        entry["actions"] = [
            {
                "text": action.text(),
                "enabled": action.isEnabled(),
                "geometry": _rect(widget, widget.actionGeometry(action)),
            }
            for action in widget.actions()
            if action.isVisible() and not action.isSeparator()
        ]
    return entry


def snapshot() -> dict[str, Any]:
    """What a person sees now, as plain data."""
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    widgets: list[dict[str, Any]] = []
    for window in windows:
        widgets.append(_describe(window))
        widgets.extend(
            _describe(child) for child in window.findChildren(QWidget) if child.isVisible()
        )
    screen = QApplication.primaryScreen().availableGeometry()
    return {
        "active_window": _window_title(QApplication.activeWindow()),
        "modal": _window_title(QApplication.activeModalWidget()),
        "popup": _window_title(QApplication.activePopupWidget()),
        "focus": _describe(QApplication.focusWidget()) if QApplication.focusWidget() else None,
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "windows": [
            {"title": w.windowTitle(), "class": type(w).__name__, "geometry": _frame(w)}
            for w in windows
        ],
        "widgets": widgets,
    }


def _frame(window: QWidget) -> list[int]:
    frame = window.frameGeometry()
    return [frame.x(), frame.y(), frame.width(), frame.height()]
