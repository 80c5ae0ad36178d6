"""Light and dark themes; "system" (the default) follows the desktop's colour scheme."""

from __future__ import annotations

from briefer.gui.qt import (
    QApplication,
    QColor,
    QGuiApplication,
    QPalette,
    QSettings,
    QStyleFactory,
)

THEMES = ("system", "light", "dark")
SETTING = "ui/theme"


def current_choice() -> str:
    value = QSettings().value(SETTING, "system")
    return value if value in THEMES else "system"


_system_dark: bool | None = None


def is_dark(choice: str) -> bool:
    """ "system" reads the desktop's own palette (captured before Briefer changes it)."""
    global _system_dark
    if _system_dark is None:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _system_dark = window.lightness() < 128
    return _system_dark if choice == "system" else choice == "dark"


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#313338",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#313338",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8f94",
        QPalette.ColorRole.Link: "#7aa7ff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    return palette


def apply(app: QApplication, choice: str | None = None) -> str:
    choice = choice or current_choice()
    is_dark("system")  # capture the desktop's palette before replacing it
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_dark_palette() if is_dark(choice) else app.style().standardPalette())
    return choice
