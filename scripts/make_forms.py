"""Write the simple form-layout dialogs of ``ui/`` as Qt Designer files.

The files are ordinary Designer forms — open and edit them in Qt Designer; this script only
saved typing when they were first laid out and is kept to regenerate them consistently.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

WIDGETS = {
    "line": "QLineEdit",
    "secret": "QLineEdit",
    "text": "QPlainTextEdit",
    "combo": "QComboBox",
    "date": "QDateEdit",
    "label": "QLabel",
    "check": "QCheckBox",
    "progress": "QProgressBar",
    "table": "QTableWidget",
    "browser": "QTextBrowser",
    "list": "QListWidget",
}


def _prop(name: str, kind: str, value: str) -> str:
    return f'<property name="{name}"><{kind}>{value}</{kind}></property>'


def _widget(kind: str, name: str, accessible: str, extra: str = "") -> str:
    props = _prop("accessibleName", "string", escape(accessible)) + extra
    if kind == "date":
        props += _prop("calendarPopup", "bool", "true") + _prop(
            "displayFormat", "string", "yyyy-MM-dd"
        )
    if kind == "secret":
        props += _prop("echoMode", "enum", "QLineEdit::Password")
    if kind == "label":
        props += _prop("wordWrap", "bool", "true")
    if kind == "text":
        props += _prop("tabChangesFocus", "bool", "true")
    return f'<widget class="{WIDGETS[kind]}" name="{name}">{props}</widget>'


def _button_row(layout: str, *buttons: tuple[str, str, str]) -> str:
    """A row of push buttons: (object name, text with &shortcut, accessible name)."""
    items = "".join(
        f'<item><widget class="QPushButton" name="{name}">'
        f"{_prop('text', 'string', escape(text))}{_prop('accessibleName', 'string', accessible)}"
        "</widget></item>"
        for name, text, accessible in buttons
    )
    return f'<item><layout class="QHBoxLayout" name="{layout}">{items}</layout></item>'


def form(
    class_name: str,
    title: str,
    rows: list[tuple[str, str, str, str]],
    *,
    dialog: bool,
    buttons: str = "QDialogButtonBox::Cancel|QDialogButtonBox::Ok",
    extra_rows: str = "",
) -> str:
    items = []
    for index, (label, kind, name, accessible) in enumerate(rows):
        if label:
            items.append(
                f'<item row="{index}" column="0"><widget class="QLabel" name="{name}Label">'
                f"{_prop('text', 'string', escape(label))}{_prop('buddy', 'cstring', name)}"
                f"</widget></item>"
            )
            items.append(f'<item row="{index}" column="1">{_widget(kind, name, accessible)}</item>')
        else:
            text = _prop("text", "string", escape(accessible))
            items.append(
                f'<item row="{index}" column="0" colspan="2">'
                f"{_widget(kind, name, accessible, text)}</item>"
            )
    base = "QDialog" if dialog else "QWidget"
    button_box = ""
    if dialog:
        button_box = (
            f'<item><widget class="QDialogButtonBox" name="buttonBox">'
            f"{_prop('standardButtons', 'set', buttons)}</widget></item>"
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<ui version="4.0">
 <class>{class_name}</class>
 <widget class="{base}" name="{class_name}">
  {_prop("windowTitle", "string", escape(title))}
  {_prop("accessibleName", "string", escape(title))}
  <layout class="QVBoxLayout" name="outerLayout">
   <item><layout class="QGridLayout" name="formLayout">{"".join(items)}</layout></item>
   {extra_rows}
   {button_box}
  </layout>
 </widget>
 <resources/>
 <connections/>
</ui>
"""


FORMS = {
    "event_dialog.ui": form(
        "EventDialog",
        "Event",
        [
            ("&Title:", "line", "titleEdit", "Event title"),
            ("&Kind:", "combo", "kindCombo", "Kind of event"),
            ("&Starts on:", "date", "startsOnEdit", "Start date"),
            ("&Ends on:", "date", "endsOnEdit", "End date"),
            ("", "check", "hasEndCheck", "Lasts more than one day"),
            ("&Location:", "line", "locationEdit", "Location"),
            ("&Principal:", "line", "principalEdit", "Principal"),
            ("C&ounterpart:", "line", "counterpartEdit", "Counterpart"),
            ("&Notes:", "text", "notesEdit", "Notes"),
        ],
        dialog=True,
    ),
    "new_briefing_dialog.ui": form(
        "NewBriefingDialog",
        "New Briefing",
        [
            ("&Event:", "combo", "eventCombo", "Event the briefing is for"),
            (
                "&Start from:",
                "list",
                "galleryList",
                "Start from: a template, a blank briefing or a previous one",
            ),
            ("", "label", "descriptionLabel", "What the chosen template holds"),
            (
                "Carry forward &from:",
                "combo",
                "previousCombo",
                "Previous briefing to carry forward",
            ),
            ("&Title:", "line", "titleEdit", "Briefing title"),
            ("&Memo kind:", "combo", "memoKindCombo", "Memo kind"),
            ("&Base marking:", "combo", "baseMarkingCombo", "Base marking"),
        ],
        dialog=True,
    ),
    "preferences_dialog.ui": form(
        "PreferencesDialog",
        "Preferences",
        [
            ("&Theme:", "combo", "themeCombo", "Colour theme"),
        ],
        dialog=True,
    ),
    "export_dialog.ui": form(
        "ExportDialog",
        "Export Briefing",
        [
            ("&Format:", "combo", "formatCombo", "Format"),
            ("&Save to:", "line", "pathEdit", "Output file"),
            ("Reference &document:", "line", "referenceEdit", "Reference document (optional)"),
            ("", "check", "numberedCheck", "Number paragraphs continuously"),
            ("", "check", "tocCheck", "Table of contents"),
            ("", "check", "coverCheck", "Cover page"),
            ("", "label", "warningsLabel", "Warnings"),
            ("", "progress", "progressBar", "Export progress"),
        ],
        dialog=True,
        extra_rows=_button_row(
            "browseRow",
            ("browseButton", "&Browse…", "Choose file"),
            ("referenceButton", "Choose &reference…", "Choose reference document"),
        ),
    ),
    "add_status_dialog.ui": form(
        "AddStatusDialog",
        "Add status",
        [
            ("&Date:", "date", "dateEdit", "Date of the status"),
            ("&Status:", "combo", "statusCombo", "Status"),
            ("S&ource:", "line", "sourceEdit", "Source of the report"),
            ("&Reliability:", "combo", "reliabilityCombo", "Reliability"),
            ("&Note:", "text", "noteEdit", "Note"),
        ],
        dialog=True,
    ),
    "library_entry_dialog.ui": form(
        "LibraryEntryDialog",
        "Library entry",
        [
            ("Kind:", "label", "kindLabel", "Kind of entry"),
            ("Topic:", "label", "topicLabel", "Topic or category"),
            ("Marking:", "label", "markingLabel", "Marking"),
            ("Title:", "label", "titleLabel", "Title"),
            ("", "browser", "textBrowser", "Entry text"),
        ],
        dialog=True,
        buttons="QDialogButtonBox::Close",
        extra_rows=_button_row(
            "entryButtons", ("insertButton", "&Insert into briefing", "Insert into briefing")
        ),
    ),
    "briefing_properties.ui": form(
        "BriefingProperties",
        "Briefing properties",
        [
            ("&Title:", "line", "titleEdit", "Briefing title"),
            ("Event:", "label", "eventLabel", "Event"),
            ("Memo kin&d:", "combo", "memoKindCombo", "Memo kind"),
            ("Sub&ject:", "line", "subjectEdit", "Subject"),
            ("Fro&m:", "line", "fromEdit", "From"),
            ("To:", "line", "toEdit", "To"),
            ("S&ummary:", "text", "summaryEdit", "Summary"),
            ("St&atus:", "combo", "statusCombo", "Status"),
            ("Base mar&king:", "combo", "baseMarkingCombo", "Base marking"),
            ("Classified b&y:", "line", "classifiedByEdit", "Classified by"),
            ("Reason:", "line", "reasonEdit", "Classification reason"),
            ("Declassify on:", "line", "declassifyEdit", "Declassify on"),
            ("Drafted by:", "line", "draftedByEdit", "Drafted by"),
            ("Drafted o&n:", "date", "draftedOnEdit", "Drafted on"),
            ("A&pproved by:", "line", "approvedByEdit", "Approved by"),
            ("Clearances:", "table", "clearancesTable", "Clearances"),
        ],
        dialog=False,
        extra_rows=_button_row(
            "clearanceButtons",
            ("addClearanceButton", "Add clearance", "Add clearance"),
            ("removeClearanceButton", "Remove clearance", "Remove clearance"),
        ),
    ),
    "passphrase_dialog.ui": form(
        "PassphraseDialog",
        "Passphrase",
        [
            ("", "label", "messageLabel", "What the passphrase is for"),
            ("", "check", "encryptCheck", "Encrypt this store with a passphrase"),
            ("&Passphrase:", "secret", "passphraseEdit", "Passphrase"),
            ("&Again:", "secret", "confirmEdit", "The same passphrase again"),
            ("", "label", "errorLabel", "Why the passphrase is refused"),
        ],
        dialog=True,
    ),
    "copy_store_dialog.ui": form(
        "CopyStoreDialog",
        "Copy Store",
        [
            ("", "label", "sourceLabel", "The store to copy"),
            ("&To:", "line", "targetEdit", "Target: a new file, or a PostgreSQL URL"),
            ("", "check", "mergeCheck", "Merge into a store that already holds data"),
            ("", "check", "encryptCheck", "Encrypt the new store with a passphrase"),
            ("&Passphrase:", "secret", "passphraseEdit", "Passphrase of the target store"),
            ("&Again:", "secret", "confirmEdit", "The same passphrase again"),
            ("", "label", "statusLabel", "Copy status"),
            ("", "progress", "progressBar", "Copy progress"),
        ],
        dialog=True,
        extra_rows=_button_row("browseRow", ("browseButton", "&Browse…", "Choose target file")),
    ),
}


def main(out_dir: str) -> int:
    for name, text in FORMS.items():
        (Path(out_dir) / name).write_text(text, encoding="utf-8")
        print(f"wrote {Path(out_dir) / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "ui"))
