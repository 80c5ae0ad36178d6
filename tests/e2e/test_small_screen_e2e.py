"""The window on a 1024×700 screen: it fits when it opens, and still fits — every button on
screen — after each page of the workspace has been shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.driver import Briefer, strip_mnemonic

pytestmark = pytest.mark.e2e

SCREEN = (1024, 700)  # the module's display (see conftest.x_server)
PAGES = ["Library", "Cases", "Case lists", "Review session", "Goals", "Briefing"]


def assert_fits(app: Briefer, window: str, where: str) -> None:
    x, y, width, height = app.x.frame(window)  # as the X server has it, title bar included
    assert x >= 0 and y >= 0, f"{where}: the window starts off screen at {x},{y}"
    assert x + width <= SCREEN[0] and y + height <= SCREEN[1], (
        f"{where}: the window ({width}×{height} at {x},{y}) does not fit the "
        f"{SCREEN[0]}×{SCREEN[1]} screen"
    )
    snapshot = app.snapshot()
    cut = [
        f"{strip_mnemonic(b['text']) or b['name']} at {b['geometry']}"
        for b in app.widgets(snapshot, cls="QPushButton", window=r"Briefer$")
        if b["geometry"][0] + b["geometry"][2] > SCREEN[0]
        or b["geometry"][1] + b["geometry"][3] > SCREEN[1]
    ]
    assert not cut, f"{where}: buttons off screen: {cut}"


def test_every_page_fits_a_1024_by_700_screen(launch, store: Path):
    app = launch("--db", str(store))
    window = app.wait_store(store)
    assert_fits(app, window, "opened")
    for label in PAGES:
        app.click(app.tab(label))
        app.wait_for(
            lambda s, label=label: any(
                t["current"] and strip_mnemonic(t["text"]) == label
                for bar in app.widgets(s, cls="QTabBar")
                for t in bar["tabs"]
            ),
            f"the {label} page shown",
        )
        assert_fits(app, window, f"with the {label} page shown")
    assert app.quit() == 0
