"""The Qt binding itself must survive a long session of the calls the window makes."""

from __future__ import annotations

import os
import subprocess
import sys

# One keystroke restarts a timer or two and emits a signal; a day of typing is tens of
# thousands of them. PySide6 6.12.0 dropped a reference to None on each void call and to
# True on each emit, and aborted the process once the count ran out.
LONG_SESSION = """
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

class Source(QObject):
    changed = Signal(bool)

app = QApplication([])
timer, source = QTimer(), Source()
for _ in range(60_000):
    timer.start(100)
    source.changed.emit(True)
print("survived")
"""


def test_sixty_thousand_timer_restarts_and_emits_do_not_abort_the_process():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LONG_SESSION], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "survived"
