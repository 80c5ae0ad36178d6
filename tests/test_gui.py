"""The window, driven with pytest-qt on the offscreen platform."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefer.gui.main_window import MainWindow
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.store import Store

pytestmark = pytest.mark.gui


def test_main_window_lists_the_sample_briefing(qtbot, sample_sqlite, tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    with Store.open(path) as store:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.attach(store, is_sample=True)
        window.open_default_briefing()
        assert window.editor.model.data_.title == SAMPLE_BRIEFING_TITLE
        assert window.editor.banner.text() == "SECRET/SENSITIVE"
        assert window.windowTitle().startswith("Sample workspace")
        assert "As of 1987-12-20" in window.store_label.text()


def test_first_run_opens_the_sample_workspace_in_its_own_store(isolated_user_dirs):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = isolated_user_dirs / "xdg_data_home" / "briefer"
    assert (data / "sample-workspace.db").exists()
    assert not (data / "briefer.db").exists()  # the sample never enters the real store


def test_window_refuses_a_corrupt_store_with_a_message(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a store")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--db", str(bad), "--exit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "is not a Briefer store" in result.stderr
    assert bad.read_text() == "not a store"


def test_every_designer_form_loads(qtbot):
    from briefer.gui.forms import form_names, load_form

    names = form_names()
    assert "about_dialog.ui" in names
    for name in names:
        widget = load_form(name)
        qtbot.addWidget(widget)
        assert widget.objectName()


def test_about_dialog_names_version_and_store(qtbot, sample_sqlite, tmp_path):
    from briefer import __version__
    from briefer.gui.qt import QLabel

    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    with Store.open(path) as store:
        window = MainWindow()
        qtbot.addWidget(window)
        window.attach(store, is_sample=True)
        dialog = window.show_about()
        assert dialog.findChild(QLabel, "versionLabel").text() == f"Version {__version__}"
        assert str(path) in dialog.findChild(QLabel, "storeLabel").text()
        dialog.reject()
