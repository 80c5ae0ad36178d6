"""Around the briefing: Cases → Add status, deleting from the library and the navigator (and
undoing it), File → Open Recent when a remembered store has been moved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import DEMO_BRIEFING
from tests.e2e.driver import Briefer, UserHome, strip_mnemonic

pytestmark = pytest.mark.e2e

CASE = "Andrei Valentinovich Sokolov"


def opened(launch, store: Path) -> Briefer:
    app = launch("--db", str(store))
    app.wait_store(store)
    return app


def show_tab(app: Briefer, label: str) -> None:
    app.click(app.tab(label))
    app.wait_for(
        lambda s: any(
            t["current"] and strip_mnemonic(t["text"]) == label
            for bar in app.widgets(s, cls="QTabBar")
            for t in bar["tabs"]
        ),
        f"the {label} tab shown",
    )


def case_row(user: UserHome, store: Path, name: str) -> dict:
    return next(c for c in user.cli_json("list", "cases", db=store) if c["name"] == name)


def test_cases_add_status(launch, store: Path, user: UserHome):
    app = opened(launch, store)
    show_tab(app, "Cases")
    app.click(app.find("the case filter", name="caseFilter"))
    app.type("Sokolov")
    app.click(app.row("caseTable", CASE))
    app.click(app.find("the Add status button", name="addStatusButton", enabled=True))
    app.wait_active("^Add status")
    app.key("alt+d")
    app.key("ctrl+a")
    app.type("1987-12-15")  # a whole date, typed
    app.key("alt+s")
    app.type("rel")  # "released", picked by typing
    app.find("the status field", name="statusCombo", text="released")
    app.key("alt+o")
    app.type("Embassy Moscow, by telephone")
    app.key("Return")
    app.wait_active("— Briefer$")
    app.row("caseTimeline", "Embassy Moscow, by telephone")
    latest = case_row(user, store, CASE)
    assert (latest["status"], latest["status_date"], latest["source"]) == (
        "released",
        "1987-12-15",
        "Embassy Moscow, by telephone",
    )
    assert app.quit() == 0


def confirm_delete(app: Briefer) -> None:
    """The confirmation names what goes; Yes deletes."""
    app.wait_active("^Delete ")
    app.click(app.find("the Yes button", cls="QPushButton", text="Yes", window="^Delete "))
    app.wait_active("— Briefer$")


def titles(user: UserHome, store: Path, kind: str) -> list[str]:
    return [row["title"] for row in user.cli_json("list", kind, db=store)]


def test_delete_a_talking_point_in_the_library_and_undo(launch, store: Path, user: UserHome):
    point = "Glasnost within limits"
    app = opened(launch, store)
    show_tab(app, "Library")
    app.click(app.row("libraryTable", point))
    app.key("Delete")
    confirm_delete(app)
    app.wait_for(
        lambda s: (
            not any(
                point in r["text"] for w in app.widgets(s, name="libraryTable") for r in w["rows"]
            )
        ),
        "the point gone from the library table",
    )
    assert point not in titles(user, store, "points")
    app.key("ctrl+z")
    app.row("libraryTable", point)
    assert point in titles(user, store, "points")
    assert app.quit() == 0


def test_delete_a_briefing_in_the_navigator_and_undo(launch, store: Path, user: UserHome):
    app = opened(launch, store)
    app.click(app.row("navigator", DEMO_BRIEFING))
    app.key("Delete")
    confirm_delete(app)
    app.wait_for(
        lambda s: (
            not any(
                DEMO_BRIEFING in r["text"]
                for w in app.widgets(s, name="navigator")
                for r in w["rows"]
            )
        ),
        "the briefing gone from the navigator",
    )
    assert titles(user, store, "briefings") == []
    app.key("ctrl+z")
    app.row("navigator", DEMO_BRIEFING)
    assert titles(user, store, "briefings") == [DEMO_BRIEFING]
    assert app.quit() == 0


def recent_entries(app: Briefer) -> list[str]:
    """File → Open Recent, opened by keyboard; its entries as listed."""
    app.menu("File", "Open Recent")

    def listed(snapshot: dict) -> list[str] | None:
        for menu in app.widgets(snapshot, cls="QMenu"):
            texts = [strip_mnemonic(a["text"]) for a in menu["actions"]]
            if "Open Recent" not in texts and "Quit" not in texts:  # the submenu
                return texts
        return None

    return app.wait_for(listed, "the Open Recent menu")


def test_open_recent_with_a_moved_store(launch, store: Path, user: UserHome, demo_store: Path):
    other = user.home / "other.db"
    shutil.copyfile(demo_store, other)
    assert opened(launch, store).quit() == 0
    app = opened(launch, other)
    entries = recent_entries(app)
    assert str(store) in entries, f"the first store is remembered by its path: {entries}"
    assert str(other) in entries
    app.key("Escape", "Escape")

    moved = user.home / "moved" / store.name
    moved.parent.mkdir()
    store.rename(moved)
    recent_entries(app)
    app.click(_entry(app, str(store)))
    app.wait_active("^Open Recent$")  # reported, and offered for removal
    assert not store.exists(), "a missing recent store must never be created"
    app.click(app.find("the Yes button", cls="QPushButton", text="Yes", window="^Open Recent$"))
    app.wait_store(other)
    assert str(store) not in recent_entries(app)
    app.key("Escape", "Escape")
    assert not store.exists()
    assert app.quit() == 0


def _entry(app: Briefer, text: str) -> dict:
    def found(snapshot: dict) -> dict | None:
        for menu in app.widgets(snapshot, cls="QMenu"):
            for action in menu["actions"]:
                if strip_mnemonic(action["text"]) == text:
                    return action
        return None

    return app.wait_for(found, f"the menu entry {text!r}")
