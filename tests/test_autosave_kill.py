"""Nothing typed is lost to a crash: SIGKILL the real app and reopen its store."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services.briefings import get_briefing
from briefer.store import Store, check_store
from tests.drivers.typing_driver import BURST, ONCE

pytestmark = pytest.mark.gui
DRIVER = Path(__file__).parent / "drivers" / "typing_driver.py"
SAFETY_TIMEOUT = 120  # seconds; a hang fails the test, it is not a measurement


def _start(store: Path, mode: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).parents[1]),
    }
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(store), mode],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _lines(process: subprocess.Popen):
    while True:
        ready, _, _ = select.select([process.stdout], [], [], SAFETY_TIMEOUT)
        assert ready, "the app stopped reporting (hung?)"
        line = process.stdout.readline()
        assert line, f"the app exited early: {process.stderr.read()}"
        kind, _, payload = line.partition(" ")
        yield kind, json.loads(payload)


def _stored_text(store: Path) -> str:
    with Store.open(store) as opened, opened.session() as session:
        return get_briefing(session, SAMPLE_BRIEFING_TITLE).sections[2].items[0].text


@pytest.fixture
def store(sample_sqlite, tmp_path) -> Path:
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    path.chmod(0o600)
    return path


def test_text_saved_before_sigkill_is_there_after(store):
    process = _start(store, "once")
    try:
        lines = _lines(process)
        kind, original = next(lines)
        assert kind == "READY"
        for kind, saved in lines:
            if kind == "SAVED" and saved == original + ONCE:
                break
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert check_store(store) == []
    assert _stored_text(store) == original + ONCE


def test_sigkill_in_a_burst_of_typing_keeps_the_last_saved_state(store):
    process = _start(store, "burst")
    saves = []
    try:
        lines = _lines(process)
        kind, original = next(lines)
        for kind, saved in lines:
            if kind == "SAVED":
                saves.append(saved)
            if len(saves) >= 3:
                break
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.wait()
    assert check_store(store) == []
    stored = _stored_text(store)
    typed = stored[len(original) :]
    assert stored.startswith(original)
    assert BURST.startswith(typed), "the store holds something that was never typed"
    assert len(stored) >= len(saves[-1]), "a change reported as saved was lost"
