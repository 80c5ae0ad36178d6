"""Every Qt name the app uses, imported in one place (as Anki's ``aqt.qt`` does).

Other modules write ``from briefer.gui.qt import QMainWindow``; swapping or pinning the Qt
binding, or checking what the app uses, is done here.
"""

from PySide6.QtCore import (
    QAbstractTableModel,
    QFile,
    QIODevice,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
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
    "QDialog",
    "QDialogButtonBox",
    "QFile",
    "QHeaderView",
    "QIODevice",
    "QIcon",
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
    "QUiLoader",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
]
