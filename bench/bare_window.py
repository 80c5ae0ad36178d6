"""The start-up floor: a bare PySide6 main window that exits on its first paint.

``python bench/bare_window.py [--sqlalchemy]``: with the flag it also imports
``sqlalchemy.orm`` first, the floor for "ready" (SQLAlchemy's import is the largest fixed
cost of any app built on it).
"""

import sys

if "--sqlalchemy" in sys.argv:
    import sqlalchemy.orm  # noqa: F401

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
quitter = _Quit()
window.installEventFilter(quitter)
window.resize(1280, 800)
window.show()
raise SystemExit(app.exec())
