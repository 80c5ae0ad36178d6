"""Dialogs laid out in Designer (``ui/``) and filled here: events, new briefing, preferences."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.date_field import DateField
from briefer.gui.forms import load_form
from briefer.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from briefer.markings import default_scheme


class _FormDialog:
    """A Designer dialog whose OK button validates through a service before closing."""

    def __init__(self, form_name: str, parent: QWidget | None):
        dialog = load_form(form_name, parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(dialog.reject)
        self.result: Any = None

    def child(self, kind: type, name: str) -> Any:
        return self.dialog.findChild(kind, name)

    def _accept(self) -> None:
        try:
            self.result = self.save()
        except BrieferError as exc:
            QMessageBox.warning(self.dialog, self.dialog.windowTitle(), str(exc))
            return
        self.dialog.accept()

    def save(self) -> Any:
        raise NotImplementedError

    def exec(self) -> Any:
        accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
        self.dialog.deleteLater()  # owned by its window until now; not kept hidden there
        return self.result if accepted else None


class EventDialog(_FormDialog):
    """Create an event, or edit one (``event_id``)."""

    def __init__(
        self,
        ctx: StoreContext,
        parent: QWidget | None = None,
        event_id: str | None = None,
        today: date | None = None,
    ):
        super().__init__("event_dialog.ui", parent)
        from briefer.models import EventKind

        self.ctx, self.event_id = ctx, event_id
        self.child(QComboBox, "kindCombo").addItems([k.value for k in EventKind])
        start = today or ctx.store.today()
        self.starts: DateField = self.child(DateField, "startsOnEdit")
        self.ends: DateField = self.child(DateField, "endsOnEdit")
        self.starts.set_optional(False)
        self.starts.set_label("Start date")
        self.ends.set_label("End date")
        self.ends.setPlaceholderText("Same day (a one-day event)")
        self.starts.set_value(start)
        self.ends.set_reference(start)
        self._start_shown: date | None = start
        self.starts.date_changed.connect(self._start_moved)
        self.dialog.setWindowTitle("Edit Event" if event_id else "New Event")
        if event_id:
            self._load()

    def _load(self) -> None:
        from briefer.services.events import get_event

        def read(session: Any) -> dict[str, Any]:
            event = get_event(session, self.event_id)
            return {
                c: getattr(event, c)
                for c in (
                    "title",
                    "kind",
                    "starts_on",
                    "ends_on",
                    "location",
                    "principal",
                    "counterpart",
                    "notes",
                )
            }

        values = self.ctx.read(read)
        self.child(QLineEdit, "titleEdit").setText(values["title"])
        self.child(QComboBox, "kindCombo").setCurrentText(values["kind"].value)
        self.starts.set_value(values["starts_on"])
        self.ends.set_value(values["ends_on"])
        for name in ("location", "principal", "counterpart"):
            self.child(QLineEdit, f"{name}Edit").setText(values[name])
        self.child(QPlainTextEdit, "notesEdit").setPlainText(values["notes"])

    def _start_moved(self, start: date | None) -> None:
        """The end follows the start: a one-day event stays one day, and a start moved past
        the end takes the end along, keeping the event's length."""
        old, end = self._start_shown, self.ends.value()
        self._start_shown = start
        self.ends.set_reference(start)
        if start is None or end is None:
            return
        if end == old:
            self.ends.set_value(start)
        elif start > end:
            length = end - old if old is not None and old <= end else timedelta(0)
            self.ends.set_value(start + length)

    def fields(self) -> dict[str, Any]:
        starts_on = self.starts.checked_value()
        ends_on = self.ends.checked_value()
        return {
            "title": self.child(QLineEdit, "titleEdit").text(),
            "kind": self.child(QComboBox, "kindCombo").currentText(),
            "starts_on": starts_on,
            "ends_on": ends_on,
            "location": self.child(QLineEdit, "locationEdit").text(),
            "principal": self.child(QLineEdit, "principalEdit").text(),
            "counterpart": self.child(QLineEdit, "counterpartEdit").text(),
            "notes": self.child(QPlainTextEdit, "notesEdit").toPlainText(),
        }

    def save(self) -> str:
        from briefer.services import events

        fields = self.fields()
        if self.event_id:

            def change(session: Any) -> str:
                event = events.get_event(session, self.event_id)
                events.update_event(session, event, **fields)
                return str(event.id)

            return self.ctx.write(change)
        return self.ctx.write(lambda session: str(events.create_event(session, **fields).id))


class NewBriefingDialog(_FormDialog):
    """A new briefing for an event: blank, from a template (the gallery), or carried forward
    from a previous briefing."""

    BLANK, TEMPLATE, PREVIOUS = "blank", "template", "previous"

    def __init__(
        self, ctx: StoreContext, parent: QWidget | None = None, event_id: str | None = None
    ):
        super().__init__("new_briefing_dialog.ui", parent)
        from briefer.gui.qt import QListWidget, QListWidgetItem, QSize, Qt
        from briefer.models import MemoKind
        from briefer.services.briefings import list_briefings
        from briefer.services.events import list_events
        from briefer.services.templates import list_templates

        self.ctx = ctx
        events = ctx.read(
            lambda s: [(str(e.id), f"{e.title} ({e.starts_on})") for e in list_events(s)]
        )
        combo = self.child(QComboBox, "eventCombo")
        for event_key, label in events:
            combo.addItem(label, event_key)
        if event_id:
            combo.setCurrentIndex(max(0, combo.findData(event_id)))
        self.child(QComboBox, "memoKindCombo").addItems([k.value for k in MemoKind])
        self.child(QComboBox, "baseMarkingCombo").addItems(
            [level.name for level in default_scheme().levels]
        )
        previous = self.child(QComboBox, "previousCombo")
        for briefing_id, title, event in ctx.read(
            lambda s: [(str(b.id), b.title, b.event.title) for b in list_briefings(s)]
        ):
            previous.addItem(f"{title} — {event}", briefing_id)
        self.gallery = self.child(QListWidget, "galleryList")
        self.gallery.setIconSize(QSize(0, 0))
        self.gallery.setSpacing(2)
        self.descriptions: dict[int, str] = {}
        entries = [
            (self.BLANK, None, "Blank briefing", "An empty briefing: add sections as you go.")
        ]
        entries += [
            (self.TEMPLATE, t.id, t.name, f"{t.description}\n\nSections: {', '.join(t.sections)}.")
            for t in ctx.read(list_templates)
        ]
        entries.append(
            (
                self.PREVIOUS,
                None,
                "Carry forward a previous briefing",
                "A copy of an earlier briefing for this event, linked to its sources so that "
                "the Review panel lists everything that changed since.",
            )
        )
        for kind, key, name, description in entries:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, (kind, key))
            item.setToolTip(description)
            self.descriptions[self.gallery.count()] = description
            self.gallery.addItem(item)
        self.gallery.currentRowChanged.connect(self._chosen)
        self.gallery.setCurrentRow(0)
        self.dialog.resize(560, 520)

    def choose(self, name: str) -> None:
        """Pick a gallery entry by its name (as a click would)."""
        from briefer.gui.qt import Qt

        found = self.gallery.findItems(name, Qt.MatchFlag.MatchExactly)
        self.gallery.setCurrentItem(found[0])

    def _chosen(self, row: int) -> None:
        from briefer.gui.qt import QLabel, Qt

        kind, _key = self.gallery.item(row).data(Qt.ItemDataRole.UserRole)
        self.child(QLabel, "descriptionLabel").setText(self.descriptions[row])
        self.child(QComboBox, "previousCombo").setEnabled(kind == self.PREVIOUS)
        for name in ("memoKindCombo", "baseMarkingCombo"):
            self.child(QComboBox, name).setEnabled(kind == self.BLANK)
        title = self.child(QLineEdit, "titleEdit")
        title.setPlaceholderText(
            "Required" if kind == self.BLANK else "Leave empty for the template's or previous title"
        )

    def save(self) -> str:
        from briefer.gui.qt import Qt
        from briefer.services import briefings, events
        from briefer.services.carry_forward import carry_forward
        from briefer.services.templates import new_from_template

        title = self.child(QLineEdit, "titleEdit").text().strip() or None
        event_id = self.child(QComboBox, "eventCombo").currentData()
        if not event_id:
            raise BrieferError(
                "Create an event first (File → New Event): a briefing is for an event."
            )
        kind, key = self.gallery.currentItem().data(Qt.ItemDataRole.UserRole)
        memo_kind = self.child(QComboBox, "memoKindCombo").currentText()
        marking = self.child(QComboBox, "baseMarkingCombo").currentText()
        previous_id = self.child(QComboBox, "previousCombo").currentData()
        self.notes: list[str] = []

        def create(session: Any) -> str:
            event = events.get_event(session, event_id)
            if kind == self.TEMPLATE:
                made = new_from_template(session, event, key, title=title)
                self.notes = made.notes
                return str(made.briefing.id)
            if kind == self.PREVIOUS:
                if not previous_id:
                    raise BrieferError("There is no previous briefing to carry forward yet.")
                old = briefings.get_briefing(session, previous_id)
                return str(carry_forward(session, event, old, title=title).id)
            book = briefings.create_briefing(
                session, event, title=title or "", memo_kind=memo_kind, base_marking=marking
            )
            return str(book.id)

        return self.ctx.write(create)


class PreferencesDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("preferences_dialog.ui", parent)
        from briefer.gui import theme

        combo = self.child(QComboBox, "themeCombo")
        for choice in theme.THEMES:
            combo.addItem(
                {"system": "Follow the system", "light": "Light", "dark": "Dark"}[choice], choice
            )
        combo.setCurrentIndex(combo.findData(theme.current_choice()))

    def save(self) -> str:
        from briefer.gui import theme
        from briefer.gui.qt import QApplication, QSettings

        choice = self.child(QComboBox, "themeCombo").currentData()
        QSettings().setValue(theme.SETTING, choice)
        theme.apply(QApplication.instance(), choice)  # type: ignore[arg-type]
        return choice
