"""The first launch, with nothing in HOME: the sample workspace opens, labelled as a sample,
and the way to a store of one's own is offered; work made in the sample is not stranded.
A store that cannot be opened leaves a window that still opens another."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.driver import Briefer, UserHome, strip_mnemonic

pytestmark = pytest.mark.e2e

SAMPLE_TITLE = "^Sample workspace — Briefer$"


def own_store(user: UserHome) -> Path:
    """Where a person's own store lives (briefer.paths.default_store_path, for this HOME)."""
    return user.dirs["XDG_DATA_HOME"] / "briefer" / "briefer.db"


def new_event(app: Briefer, title: str) -> None:
    app.menu("File", "New Event…")
    app.wait_active("^New Event$")
    app.key("alt+t")
    app.type(title)
    app.key("Return")
    app.wait_active("— Briefer$")
    app.row("navigator", title)


def test_first_launch_offers_the_sample_then_a_store_of_ones_own(launch, user: UserHome):
    app = launch()  # no --db, nothing in HOME: a person's very first run
    app.wait_ready(SAMPLE_TITLE)
    strip = app.find("the strip saying this is the sample", text_has="this is the sample")
    assert strip["geometry"][2] > 0
    new_event(app, "Made in the sample")

    app.click(app.find("the way to one's own store", cls="QPushButton", text_has="own store"))
    app.wait_active("^New Store$")
    app.key("Return")  # Create, not encrypted
    app.wait_store(own_store(user))
    assert own_store(user).exists()
    assert not list(app.widgets(app.snapshot(), text_has="this is the sample"))
    new_event(app, "Made in my own store")
    assert app.quit() == 0

    # The next launch opens one's own store; the sample's work is found again.
    again = launch()
    again.wait_store(own_store(user))
    events = [e["title"] for e in user.cli_json("list", "events", db=own_store(user))]
    assert events == ["Made in my own store"]
    again.menu("File", "Open Recent")
    sample_entry = again.wait_for(
        lambda s: next(
            (
                a
                for m in again.widgets(s, cls="QMenu")
                for a in m["actions"]
                if "sample" in strip_mnemonic(a["text"]).lower()
            ),
            None,
        ),
        "the sample workspace in Open Recent",
    )
    again.click(sample_entry)
    again.wait_ready(SAMPLE_TITLE)
    again.row("navigator", "Made in the sample")
    assert again.quit() == 0


def test_a_store_that_cannot_be_opened_leaves_a_usable_window(launch, user: UserHome, store: Path):
    notes = user.home / "notes.db"
    notes.write_text("not a store\n", encoding="utf-8")
    app = launch("--db", str(notes))
    app.wait_window(r"Briefer$")

    def said_why(snapshot: dict) -> bool:
        return any("cannot open" in w["text"].lower() for w in app.widgets(snapshot) if w["text"])

    app.wait_for(said_why, "the reason the store did not open, shown")
    if app.snapshot()["modal"]:  # a message box first: dismiss it as a person would
        app.key("Return")
    app.wait_active(r"Briefer$")
    app.key("ctrl+o")  # File → Open Store still works
    app.wait_active("^Open Store$")
    app.type(str(store))
    app.key("Return")
    app.wait_store(store)
    assert notes.read_text(encoding="utf-8") == "not a store\n", "the file is left alone"
    assert app.quit() == 0


def test_quit_works_when_no_store_is_open(launch, user: UserHome):
    notes = user.home / "notes.db"
    notes.write_text("not a store\n", encoding="utf-8")
    app = launch("--db", str(notes))
    app.wait_ready("^No store open — Briefer$")
    assert app.quit() == 0
