"""One date field for every date in the window: type the whole date, or pick it from a
calendar, or leave it empty.

QDateEdit made people click a section before typing and could not be empty, so an unset
date showed (and then saved) its minimum, January 1, 2000. This field is a line edit: any
form ``briefer.dates`` reads is accepted ("1987-12-19", "12/19/1987", "December 19, 1987",
"19 Dec 1987"), shown back as YYYY-MM-DD once the field is left; an empty field is an unset
date, shown as "No date". Text that is not a date is kept as typed (nothing is lost), the
field is framed in red, and its warning icon and tooltip say why. Alt+Down or F4 (or the
arrow) opens the calendar; Up and Down step a day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from briefer import clock
from briefer.dates import iso, parse_optional_date, spoken
from briefer.errors import ValidationError
from briefer.gui.qt import (
    QAction,
    QCalendarWidget,
    QDate,
    QIcon,
    QLineEdit,
    QStyle,
    Qt,
    QWidget,
    Signal,
)

EMPTY_TEXT = "No date"
_INVALID_STYLE = "DateField { border: 2px solid #c62828; }"


class DateField(QLineEdit):
    """A date typed in full or picked from a calendar; ``value()`` is a ``date`` or None."""

    date_changed = Signal(object)  # the date it holds (or None) changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._value: date | None = None
        self._error: str | None = None
        self._optional = True
        self._reference: date | None = None
        self._label = ""
        self.setPlaceholderText(EMPTY_TEXT)
        self.setClearButtonEnabled(True)
        style = self.style()
        self.calendar_action = QAction(
            QIcon.fromTheme(
                "x-office-calendar", style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
            ),
            "Choose from a calendar (Alt+Down)",
            self,
        )
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.warning_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), "", self
        )
        self.addAction(self.warning_action, QLineEdit.ActionPosition.LeadingPosition)
        self.warning_action.setVisible(False)  # after adding: the line edit shows it otherwise
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("dateFieldCalendar")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.editingFinished.connect(self.commit)
        self.textEdited.connect(self._typing)

    # ------------------------------------------------------------ settings

    def set_optional(self, optional: bool) -> None:
        """An optional date may stay empty ("No date"); a required one says so when empty."""
        self._optional = optional
        self.setPlaceholderText(EMPTY_TEXT if optional else "Required: e.g. 1987-12-19")

    def set_reference(self, day: date | None) -> None:
        """The day the calendar and the arrow keys start from while the field is empty."""
        self._reference = day

    def label(self) -> str:
        return self._label or self.accessibleName() or "Date"

    def set_label(self, label: str) -> None:
        self._label = label

    # ------------------------------------------------------------ value

    def value(self) -> date | None:
        """The date held: the last one typed in full, picked or set (None when unset)."""
        return self._value

    def set_value(self, day: date | None) -> None:
        self.setText(iso(day))
        self._show_error(None)
        self._hold(day)

    def error(self) -> str | None:
        """Why the text is not a date (None when it is one, or empty and optional)."""
        return self._error

    def checked_value(self) -> date | None:
        """The date the text names now, for a dialog's OK: ValidationError when it is not."""
        self.commit()
        if self._error:
            raise ValidationError(self._error)
        return self._value

    def commit(self) -> bool:
        """Read the text: a date is held and shown as YYYY-MM-DD; anything else is kept as
        typed and flagged. Returns whether the text is acceptable."""
        text = self.text()
        if not text.strip() and not self._optional:
            self._show_error(f"{self.label()} is required; type a date such as 1987-12-19.")
            return False
        try:
            day = parse_optional_date(text, self.label())
        except ValidationError as exc:
            self._show_error(str(exc))
            return False
        self._show_error(None)
        if self.text() != iso(day):
            self.setText(iso(day))
        self._hold(day)
        return True

    def _hold(self, day: date | None) -> None:
        self.setToolTip(spoken(day) if day else EMPTY_TEXT)
        if day != self._value:
            self._value = day
            self.date_changed.emit(day)

    def _show_error(self, message: str | None) -> None:
        self._error = message
        self.warning_action.setVisible(message is not None)
        self.warning_action.setToolTip(message or "")
        self.warning_action.setText(message or "")
        self.setStyleSheet(_INVALID_STYLE if message else "")
        self.setAccessibleDescription(message or "")
        if message:
            self.setToolTip(message)

    def _typing(self, text: str) -> None:
        """Confirm what a complete date is understood as while it is typed."""
        try:
            day = parse_optional_date(text, self.label())
        except ValidationError:
            return
        if self._error:
            self._show_error(None)
        self.setToolTip(spoken(day) if day else EMPTY_TEXT)

    # ------------------------------------------------------------ keyboard and calendar

    def keyPressEvent(self, event: Any) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            if self.commit():
                start = self._value or self._reference or clock.today()
                step = 1 if key == Qt.Key.Key_Up else -1
                self.set_value(start + timedelta(days=step) if self._value else start)
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        self.commit()
        day = self._value or self._reference or clock.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, chosen: QDate) -> None:
        self.calendar.hide()
        self.set_value(chosen.toPython())
        self.setFocus()
