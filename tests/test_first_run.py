"""First run, the sample workspace, a failed open, Open Recent and the window's layout — as a
person meets them: the real start-up (``briefer.gui.app.run``) in this process, or the
installed program in its own, with the user folders of the test (tests/conftest.py)."""

from __future__ import annotations

import gc
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefer.gui.main_window import RECENT_KEY, MainWindow
from briefer.gui.qt import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QMessageBox,
    QPushButton,
    QSettings,
    Qt,
    QTimer,
    QWidget,
)
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.store import Store

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent
LAYOUT_KEYS = ("main/geometry", "main/state", "main/outlineSplitter")
SETTLE_MS = 20_000  # the sample workspace is built on first run: seconds on a busy machine


def _data_dir(home: Path) -> Path:
    return home / "xdg_data_home" / "briefer"


def run_app(monkeypatch: pytest.MonkeyPatch, probe: Callable[[MainWindow], None], **kwargs: Any):
    """Start Briefer as ``briefer`` does and call ``probe`` with its window once the store
    is open (or has failed to open); the window is then closed (unless the probe quit)."""
    from briefer.gui import app as app_module
    from briefer.gui import errors

    monkeypatch.setattr(errors, "install", lambda: "")  # keep pytest's own excepthook
    outcome: dict[str, Any] = {}

    def settled(window: MainWindow) -> bool:
        return window.store is not None or window.findChild(QWidget, "noStorePage") is not None

    waited = {"ms": 0}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        window = next((w for w in shown if settled(w)), None)
        if window is None and shown and waited["ms"] > SETTLE_MS:
            window = shown[-1]  # never settled: the probe says what is wrong
        if window is None:
            waited["ms"] += 20
            QTimer.singleShot(20, look)
            return
        QApplication.processEvents()
        try:
            probe(window)
        except BaseException as exc:  # reported after run() returns
            outcome["error"] = exc
        if window.isVisible():
            window.close()
        QTimer.singleShot(0, QApplication.quit)

    QTimer.singleShot(0, look)
    outcome["code"] = app_module.run(**kwargs)
    gc.collect()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["code"]


def _sample_strip(window: MainWindow) -> QFrame | None:
    strip = window.findChild(QFrame, "sampleStrip")
    return strip if strip is not None and strip.isVisible() else None


# ---------------------------------------------------------------- first run, the sample


def test_first_launch_opens_the_sample_labelled_as_a_sample(monkeypatch, isolated_user_dirs):
    seen: dict[str, Any] = {}

    def probe(window: MainWindow) -> None:
        seen["title"] = window.windowTitle()
        strip = _sample_strip(window)
        seen["strip"] = strip is not None and strip.findChild(QPushButton, "createOwnStore")
        seen["button"] = seen["strip"] and seen["strip"].text()
        seen["briefing"] = window.editor.model.data_.title

    assert run_app(monkeypatch, probe) == 0
    assert "Sample" in seen["title"]
    assert seen["strip"], "no visible strip says this is the sample workspace"
    assert seen["button"] == "Create my own store…"
    assert seen["briefing"] == SAMPLE_BRIEFING_TITLE
    assert (_data_dir(isolated_user_dirs) / "sample-workspace.db").exists()
    assert not (_data_dir(isolated_user_dirs) / "briefer.db").exists()


def test_work_made_in_the_sample_reopens_with_it_on_the_next_launch(
    monkeypatch, isolated_user_dirs
):
    from briefer.services import events

    assert run_app(monkeypatch, lambda window: None) == 0
    sample = _data_dir(isolated_user_dirs) / "sample-workspace.db"
    with Store.open(sample) as store, store.session() as session:
        events.create_event(session, title="My own summit", kind="summit", starts_on="1988-05-29")
    seen: dict[str, Any] = {}

    def probe(window: MainWindow) -> None:
        model = window.navigator.model_
        events_node = model.item(0)
        seen["events"] = [events_node.child(r).text() for r in range(events_node.rowCount())]
        seen["title"] = window.windowTitle()
        seen["strip"] = _sample_strip(window) is not None

    assert run_app(monkeypatch, probe) == 0
    assert any(e.startswith("My own summit") for e in seen["events"]), seen["events"]
    assert "Sample" in seen["title"] and seen["strip"]


def test_create_my_own_store_from_the_strip_makes_it_at_the_default_place(
    monkeypatch, isolated_user_dirs
):
    seen: dict[str, Any] = {}

    def accept_the_new_store_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, accept_the_new_store_dialog)
            return
        dialog.accept()  # not encrypted: the box is unticked

    def probe(window: MainWindow) -> None:
        button = _sample_strip(window).findChild(QPushButton, "createOwnStore")
        QTimer.singleShot(0, accept_the_new_store_dialog)
        button.click()
        seen["title"] = window.windowTitle()
        seen["strip"] = _sample_strip(window) is not None

    assert run_app(monkeypatch, probe) == 0
    assert (_data_dir(isolated_user_dirs) / "briefer.db").exists()
    assert seen == {"title": "briefer.db — Briefer", "strip": False}
    reopened: dict[str, Any] = {}
    assert run_app(monkeypatch, lambda w: reopened.update(title=w.windowTitle())) == 0
    assert reopened["title"] == "briefer.db — Briefer"


# ---------------------------------------------------------------- a failed open


def test_a_failed_open_leaves_a_window_whose_store_actions_work_by_key(
    monkeypatch, qtbot, tmp_path
):
    bad = tmp_path / "bad.db"
    bad.write_text("not a store")
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (asked.append("open"), ("", ""))[1]),
    )
    seen: dict[str, Any] = {}

    def probe(window: MainWindow) -> None:
        page = window.findChild(QWidget, "noStorePage")
        seen["message"] = page is not None and page.isVisible()
        seen["enabled"] = [
            a.isEnabled()
            for a in (window.new_store_action, window.open_store_action, window.quit_action)
        ]
        seen["keys"] = [a.shortcut().isEmpty() for a in (window.open_store_action,)]
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        seen["opened"] = list(asked)
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        seen["quit"] = not window.isVisible()

    assert run_app(monkeypatch, probe, db=str(bad)) == 0
    assert seen["message"], "the window is left on 'Opening the store…'"
    assert seen["enabled"] == [True, True, True]
    assert seen["keys"] == [False]
    assert seen["opened"] == ["open"], "Ctrl+O does nothing"
    assert seen["quit"], "Ctrl+Q does nothing"
    assert bad.read_text() == "not a store"


# ---------------------------------------------------------------- Open Recent


@pytest.fixture
def plain_window(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    if window.store is not None:
        window.store.close()


def test_open_recent_with_one_store_lists_its_whole_path(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "mine.db"
    shutil.copyfile(sample_sqlite, path)
    # What QSettings gives back for a list saved with one entry: a plain string.
    QSettings().setValue(RECENT_KEY, str(path))
    window = MainWindow()
    qtbot.addWidget(window)
    assert [a.text() for a in window.recent_menu.actions()] == [str(path)]
    window.recent_menu.actions()[0].trigger()
    assert window.store is not None and window.store.target.path == path
    window.close()
    window.store.close()


def test_a_missing_recent_store_is_reported_never_created(
    qtbot, tmp_path, modal_dialogs, monkeypatch
):
    gone = tmp_path / "moved-away.db"
    QSettings().setValue(RECENT_KEY, [str(gone), str(tmp_path / "other.db")])
    window = MainWindow()
    qtbot.addWidget(window)
    window.recent_menu.actions()[0].trigger()
    assert not gone.exists()
    assert window.store is None
    assert modal_dialogs and modal_dialogs[-1][0] == "question"
    assert str(gone) in modal_dialogs[-1][1]
    assert len(window.recent_menu.actions()) == 2  # "No" keeps it on the list
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    window.recent_menu.actions()[0].trigger()
    assert [a.text() for a in window.recent_menu.actions()] == [str(tmp_path / "other.db")]
    assert not gone.exists()
    window.close()


def test_open_store_refuses_a_path_where_no_store_is(plain_window, tmp_path, modal_dialogs):
    missing = tmp_path / "typed-by-hand.db"
    assert plain_window.switch_store(str(missing)) is False
    assert not missing.exists()
    assert modal_dialogs[-1][0] == "warning" and str(missing) in modal_dialogs[-1][1]


# ---------------------------------------------------------------- the layout


def test_a_smoke_test_run_leaves_the_saved_layout_alone(isolated_user_dirs):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    saved = "".join(
        p.read_text() for p in (isolated_user_dirs / "xdg_config_home").rglob("*") if p.is_file()
    )
    assert not any(key.split("/")[1] in saved for key in LAYOUT_KEYS), saved


@pytest.fixture
def sample_window(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.attach(Store.open(path), is_sample=True)
    window.open_briefing(SAMPLE_BRIEFING_TITLE)
    qtbot.wait(50)
    yield window
    window.close()
    window.store.close()


def _outline_width(window: MainWindow) -> int:
    return window.editor.splitter.sizes()[0]


def test_reset_layout_gives_the_outline_its_room_back(sample_window, qtbot):
    sample_window.editor.splitter.setSizes([60, 1000])
    assert _outline_width(sample_window) < 100
    reset = next(a for a in sample_window.view_menu.actions() if a.objectName() == "resetLayout")
    reset.trigger()
    qtbot.waitUntil(lambda: _outline_width(sample_window) >= 220)
    assert sample_window.navigator_dock.width() >= 150
    assert sample_window.drawer_dock.isVisible()


def test_a_saved_layout_with_a_sliver_of_an_outline_is_not_restored(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(1400, 900)
    first.show()
    first.attach(Store.open(path), is_sample=True)
    first.open_briefing(SAMPLE_BRIEFING_TITLE)
    qtbot.wait(50)
    first.editor.splitter.setSizes([60, 1000])
    first.close()
    first.store.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.resize(1400, 900)  # the test screen is smaller than the saved window
    second.show()
    second.attach(Store.open(path), is_sample=True)
    second.open_briefing(SAMPLE_BRIEFING_TITLE)
    qtbot.waitUntil(lambda: _outline_width(second) >= 220)
    second.close()
    second.store.close()


def test_switching_tabs_leaves_the_navigator_edge_where_it_was(sample_window, qtbot):
    before = sample_window.navigator_dock.width()
    tabs = sample_window.workspace_tabs
    for index in [*range(1, tabs.count()), 0, 2, 0]:
        tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert sample_window.navigator_dock.width() == before, tabs.tabText(index)
    assert sample_window.drawer_dock.isVisible()


def test_closing_on_another_page_keeps_the_library_drawer(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.attach(Store.open(path), is_sample=True)
    first.open_briefing(SAMPLE_BRIEFING_TITLE)
    first.workspace_tabs.setCurrentIndex(2)  # Cases: the drawer gives the page its room
    assert not first.drawer_dock.isVisible()
    first.close()
    first.store.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.attach(Store.open(path), is_sample=True)
    assert second.drawer_dock.isVisible()
    second.close()
    second.store.close()


def _layout_probe() -> None:
    """Run in a process whose offscreen screen is the size under test (see below): visit
    every tab, print what fits."""
    from briefer.gui.app import make_application
    from briefer.gui.main_window import PAGES

    app = make_application()
    big = MainWindow()
    big.resize(1700, 1200)  # as if saved on a larger monitor
    QSettings().setValue("main/geometry", big.saveGeometry())
    big.deleteLater()
    window = MainWindow()
    window.show()
    path = Path(os.environ["PROBE_STORE"])
    window.attach(Store.open(path), is_sample=True)
    window.open_briefing(SAMPLE_BRIEFING_TITLE)
    for _ in range(5):
        app.processEvents()
    report: dict[str, Any] = {
        "screen": app.primaryScreen().availableGeometry().size().toTuple(),
        "pages": {},
    }

    def fits(widget: Any, room: Any) -> list[int]:
        need = widget.minimumSizeHint()
        return [need.width(), need.height(), room.width(), room.height()]

    report["pages"]["briefing"] = fits(window.editor, window.editor.size())
    for name in PAGES:
        window.show_page(name)
        for _ in range(3):
            app.processEvents()
        host = window.workspace_tabs.currentWidget()
        room = host.viewport().size() if hasattr(host, "viewport") else host.size()
        report["pages"][name] = fits(window.pages[name], room)
    window.workspace_tabs.setCurrentIndex(0)
    app.processEvents()
    report["window"] = window.frameGeometry().size().toTuple()
    report["outline"] = window.editor.splitter.sizes()[0]
    print(json.dumps(report))


@pytest.mark.parametrize("size", ["1024x700", "1366x768"])
def test_every_page_fits_a_small_screen_after_a_visit_to_each(
    size, sample_sqlite, tmp_path, isolated_user_dirs
):
    width, height = (int(n) for n in size.split("x"))
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )
    store = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, store)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "PROBE_STORE": str(store),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", "from tests.test_first_run import _layout_probe; _layout_probe()"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["screen"] == [width, height]
    assert report["window"][0] <= width and report["window"][1] <= height, report
    for name, (need_w, need_h, room_w, room_h) in report["pages"].items():
        assert need_w <= room_w and need_h <= room_h, (name, report["pages"][name])
    assert report["outline"] >= 200, report
