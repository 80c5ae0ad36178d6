"""Every Qt name the app uses, imported in one place (as Anki's ``aqt.qt`` does).

Other modules write ``from briefer.gui.qt import QMainWindow``; swapping or pinning the Qt
binding, or checking what the app uses, is done here.
"""

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QCloseEvent",
    "QHeaderView",
    "QKeySequence",
    "QLabel",
    "QMainWindow",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPersistentModelIndex",
    "QSettings",
    "QTableView",
    "QTimer",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
]
