"""The briefing as a person works on it: a new event and a briefing from a template, points
inserted by keyboard and by drag and drop, a marking change seen in the banner, undo and
redo by keyboard, delete and undo, quit and reopen.

Each step is awaited where the person sees it (title bar, banner, outline rows); the store
is then read through the command line (`briefer export`, `briefer list`), once a step has
shown, so that what the window shows is also what was written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import DEMO_BRIEFING as BRIEFING
from tests.e2e.driver import Briefer, UserHome, center, outline, sections

pytestmark = pytest.mark.e2e

TALKING_POINTS = "Talking Points for the Secretary"


def items_of(user: UserHome, store: Path, section: str) -> list[str]:
    """A section's items as the store holds them (the command line's export)."""
    return sections(user.export_markdown(store, BRIEFING))[section]


def opened(launch, store: Path) -> Briefer:
    app = launch("--db", str(store))
    app.wait_store(store)
    app.row("outlineView", TALKING_POINTS)  # the briefing is open
    return app


def banner(app: Briefer) -> str:
    return app.find("the marking banner", name="markingBanner")["text"]


def shown_items(app: Briefer, section: str, expected: list[str], what: str) -> None:
    app.wait_for(lambda s: outline(s).get(section) == expected, what)


def test_new_event_and_a_briefing_from_a_template(launch, store: Path, user: UserHome):
    app = opened(launch, store)
    app.menu("File", "New Event…")
    app.wait_active("^New Event$")
    app.key("alt+t")
    app.type("Helsinki review meeting")
    app.key("Return")
    app.wait_active("— Briefer$")
    app.row("navigator", "Helsinki review meeting")
    events = [e["title"] for e in user.cli_json("list", "events", db=store)]
    assert "Helsinki review meeting" in events

    app.key("ctrl+n")
    app.wait_active("^New Briefing$")
    event = app.find("the event field", name="eventCombo")
    assert event["text"].startswith("Helsinki review meeting"), "the event just made is chosen"
    app.key("alt+s")  # Start from: the template gallery
    app.type("Summit")  # type-ahead in the list, as a person picks by name
    app.wait_for(
        lambda s: any(
            r["current"] and r["text"] == "Summit human rights briefing book"
            for w in app.widgets(s, name="galleryList")
            for r in w["rows"]
        ),
        "the summit template chosen in the gallery",
    )
    app.key("alt+t")
    app.type("Helsinki brief")
    app.key("Return")
    app.wait_active("— Briefer$")
    app.row("outlineView", "They May Say / We Respond")  # the template's sections, shown
    app.row("outlineView", TALKING_POINTS)
    briefings = user.cli_json("list", "briefings", db=store)
    assert {(b["title"], b["event"]) for b in briefings} == {
        (BRIEFING, "Next U.S.–Soviet summit"),
        ("Helsinki brief", "Helsinki review meeting"),
    }
    assert app.quit() == 0


def test_insert_a_point_by_keyboard(launch, store: Path, user: UserHome, demo_markdown: str):
    user.cli("points", "revise", "Glasnost within limits", "--text", "Typed-in marker.", db=store)
    before = sections(demo_markdown)[TALKING_POINTS]
    app = opened(launch, store)
    app.click(app.row("outlineView", TALKING_POINTS))  # where the insert goes
    app.key("ctrl+f")
    app.find("the drawer's search field, focused", name="librarySearch", focus=True)
    app.type("Glasnost within limits")
    app.row("libraryResults", "Glasnost within limits")
    app.key("Return")  # to the results, the first one current
    app.find("the results, focused", name="libraryResults", focus=True)
    app.key("Return")  # insert it
    app.wait_for(
        lambda s: any("Glasnost within limits" in i for i in outline(s).get(TALKING_POINTS, [])),
        "the point in the outline's Talking Points",
    )
    after = items_of(user, store, TALKING_POINTS)
    assert after[:-1] == before
    assert "Typed-in marker." in after[-1]
    assert app.quit() == 0


def test_insert_a_point_by_drag_and_drop(launch, store: Path, user: UserHome, demo_markdown: str):
    user.cli("points", "revise", "Glasnost within limits", "--text", "Dragged marker.", db=store)
    before = sections(demo_markdown)["Objectives"]
    app = opened(launch, store)
    app.key("ctrl+f")
    app.type("Glasnost within limits")
    source = app.row("libraryResults", "Glasnost within limits")
    target = app.row("outlineView", "Objectives", exact=True)
    app.x.drag(center(source), center(target))
    app.wait_for(
        lambda s: any("Glasnost within limits" in i for i in outline(s).get("Objectives", [])),
        "the dropped point in the outline's Objectives",
    )
    after = items_of(user, store, "Objectives")
    assert len(after) == len(before) + 1
    assert [line for line in after if "Dragged marker." not in line] == before
    assert app.quit() == 0


def choose_marking(app: Briefer, item: str, letter: str) -> None:
    """Select an outline item and pick its portion marking by keyboard (Alt+M, a letter)."""
    app.click(app.row("outlineView", item))
    app.find("the item's marking, editable", name="itemMarking", enabled=True)
    app.key("alt+m")
    app.find("the marking field, focused", name="itemMarking", focus=True)
    app.key(letter)


def overall_marking(user: UserHome, store: Path) -> str:
    listed = user.cli_json("list", "briefings", db=store)
    return next(b["marking"] for b in listed if b["title"] == BRIEFING)


def test_a_marking_change_is_seen_in_the_banner(launch, store: Path, user: UserHome):
    app = opened(launch, store)
    assert banner(app) == "SECRET/SENSITIVE"
    choose_marking(app, "Jamming of RFE/RL continues", "t")  # TOP SECRET
    app.wait_for(lambda s: banner(app).startswith("TOP SECRET"), "TOP SECRET in the banner")
    assert overall_marking(user, store) == banner(app)
    assert any(line.startswith("- (TS") for line in items_of(user, store, TALKING_POINTS))
    assert app.quit() == 0


def test_undo_and_redo_by_keyboard(launch, store: Path, user: UserHome, demo_markdown: str):
    stored = sections(demo_markdown)[TALKING_POINTS]
    stored_moved = [stored[0], stored[2], stored[1], *stored[3:]]
    app = opened(launch, store)
    original = outline(app.snapshot())[TALKING_POINTS]
    moved = [original[0], original[2], original[1], *original[3:]]
    app.click(app.row("outlineView", "Repeal the relatives"))
    app.key("alt+Down")
    shown_items(app, TALKING_POINTS, moved, "the point moved down")
    app.key("ctrl+z")
    shown_items(app, TALKING_POINTS, original, "the move undone by Ctrl+Z")
    assert items_of(user, store, TALKING_POINTS) == stored
    app.key("ctrl+shift+z")
    shown_items(app, TALKING_POINTS, moved, "the move redone by Ctrl+Shift+Z")
    assert items_of(user, store, TALKING_POINTS) == stored_moved
    app.key("ctrl+z")
    shown_items(app, TALKING_POINTS, original, "the move undone again")
    app.key("ctrl+y")
    shown_items(app, TALKING_POINTS, moved, "the move redone by Ctrl+Y")
    assert items_of(user, store, TALKING_POINTS) == stored_moved
    assert app.quit() == 0


def test_delete_an_item_and_undo(launch, store: Path, user: UserHome, demo_markdown: str):
    stored = sections(demo_markdown)[TALKING_POINTS]
    app = opened(launch, store)
    original = outline(app.snapshot())[TALKING_POINTS]
    app.click(app.row("outlineView", "Institutionalise the reforms"))
    app.key("Delete")
    shown_items(
        app,
        TALKING_POINTS,
        [i for i in original if "Institutionalise the reforms" not in i],
        "the item gone from the outline",
    )
    assert items_of(user, store, TALKING_POINTS) == [
        line for line in stored if "Institutional changes" not in line
    ]
    app.key("ctrl+z")
    shown_items(app, TALKING_POINTS, original, "the item back in the outline after Ctrl+Z")
    assert items_of(user, store, TALKING_POINTS) == stored
    assert app.quit() == 0


def test_quit_and_reopen_keeps_everything(launch, store: Path, user: UserHome):
    app = opened(launch, store)
    choose_marking(app, "Jamming of RFE/RL continues", "t")
    app.wait_for(lambda s: banner(app).startswith("TOP SECRET"), "TOP SECRET in the banner")
    app.click(app.row("outlineView", "Keep the lists few"))
    app.click(app.find("the item's text", name="itemText", enabled=True))
    app.key("ctrl+End")
    app.type(" Typed just before quitting.")
    app.wait_for(
        lambda s: any(w["text"].endswith("quitting.") for w in app.widgets(s, name="itemText")),
        "the typing shown in the item editor",
    )
    assert app.quit() == 0  # at once: the last keystrokes must reach the store anyway

    assert items_of(user, store, TALKING_POINTS)[-1].endswith("Typed just before quitting.")
    again = opened(launch, store)
    assert banner(again).startswith("TOP SECRET")
    again.click(again.row("outlineView", "Keep the lists few"))
    again.wait_for(
        lambda s: any(
            w["text"].endswith("Typed just before quitting.")
            for w in again.widgets(s, name="itemText")
        ),
        "the typed text in the item editor after reopening",
    )
    assert again.quit() == 0
