"""Load Qt Designer forms from ``ui/`` at run time — the one loader every dialog uses."""

from __future__ import annotations

from briefer import paths
from briefer.gui.qt import QFile, QIODevice, QUiLoader, QWidget


class FormError(RuntimeError):
    """A form is missing or malformed: a packaging bug, not a user error."""


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = paths.asset("ui", name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"Cannot open the form {path}")
    loader = QUiLoader()
    from briefer.gui.date_field import DateField  # the forms' one custom widget

    loader.registerCustomWidget(DateField)
    try:
        widget = loader.load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise FormError(f"Cannot load the form {path}")
    return widget


def form_names() -> list[str]:
    return sorted(p.name for p in paths.asset_dir("ui").glob("*.ui"))
