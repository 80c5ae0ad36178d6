"""The overall marking, always visible, in the conventional colours."""

from __future__ import annotations

from briefer.gui.qt import QLabel, Qt
from briefer.markings import default_scheme


class MarkingBanner(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("markingBanner")
        self.setAccessibleName("Overall classification")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_marking("UNCLASSIFIED")

    def set_marking(self, marking: str) -> None:
        level = default_scheme().parse(marking).level
        self.setText(marking)
        self.setToolTip(
            f"This briefing is marked {marking}: the highest of its base marking and every portion."
        )
        self.setStyleSheet(
            f"QLabel#markingBanner {{ background: {level.banner}; color: white; "
            "font-weight: bold; letter-spacing: 1px; padding: 4px; }"
        )
