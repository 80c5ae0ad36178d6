"""Export from the dialog, as a person does it: Ctrl+E, the file name typed, Export clicked;
the Word file must appear and read back. On a plain and on an encrypted store."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tests.e2e.conftest import PASSPHRASE
from tests.e2e.driver import Briefer
from tests.e2e.xserver import poll

pytestmark = pytest.mark.e2e

BRIEFING = "Human Rights Between Summits"


def export_from_the_dialog(app: Briefer, out: Path) -> None:
    app.key("ctrl+e")
    app.wait_active("^Export Briefing$")
    app.key("alt+s")  # "Save to:"
    app.find("the output path field, focused", name="pathEdit", focus=True)
    app.key("ctrl+a")
    app.type(str(out))
    app.click(app.find("the Export button", cls="QPushButton", text="Export", enabled=True))
    poll(out.exists, f"the exported file {out}")
    app.wait_active("^Exported$")  # the closing message: where the file went
    app.key("Escape")
    app.wait_no_window("^Exported$")


def read_back(path: Path) -> tuple[str, str]:
    """The document's body text and its page header (the overall marking)."""
    document = Document(str(path))
    header = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    return "\n".join(p.text for p in document.paragraphs), header


def test_export_from_the_dialog_writes_the_file(launch, store: Path, user):
    app = launch("--db", str(store))
    app.wait_store(store)
    out = user.home / "exports" / "from-the-window.docx"
    out.parent.mkdir()
    export_from_the_dialog(app, out)
    text, header = read_back(out)
    assert BRIEFING in text
    assert header == "SECRET/SENSITIVE"
    assert app.quit() == 0


def test_export_from_the_dialog_on_an_encrypted_store(launch, encrypted_store: Path, user):
    app = launch("--db", str(encrypted_store))
    app.wait_active("^Encrypted Store$")  # asked in the window: nothing in the environment
    app.type(PASSPHRASE)
    app.key("Return")
    app.wait_store(encrypted_store)
    out = user.home / "encrypted-export.docx"
    export_from_the_dialog(app, out)
    text, header = read_back(out)
    assert BRIEFING in text
    assert header == "SECRET/SENSITIVE"
    assert app.quit() == 0
