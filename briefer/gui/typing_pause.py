"""When typing reaches the store: a pause after the last key, and a deadline after the first.

Every editor in the window (the briefing's items, library entries, case-list headers, goal
assessments) saves what was typed the same way, so one object decides when: a moment after
the person stops typing, and never later than about a second after the first unsaved key,
so a crash loses at most that (DESIGN §5).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from briefer.gui.qt import QObject, QTimer

TYPING_PAUSE_MS = 400  # typing reaches the store this long after the last keystroke …
TYPING_DEADLINE_MS = 900  # … and never later than this after the first unsaved one


class TypingPause(QObject):
    """Calls ``flush`` once typing pauses or the deadline passes, whichever comes first.

    The pause timer is not restarted on every key (that is a call into Qt per keystroke):
    when it fires it waits out the rest of the pause if a key came meanwhile. The deadline
    timer is started by the first unsaved key and never restarted, so a burst of typing still
    reaches the store at least once a second.
    """

    def __init__(self, parent: QObject, flush: Callable[[], None]):
        super().__init__(parent)
        self._flush = flush
        self._last_key = 0.0  # time.monotonic() of the last keystroke
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self._paused)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(TYPING_DEADLINE_MS)
        self._deadline.timeout.connect(flush)

    def typed(self) -> None:
        """A key changed what is to be saved."""
        self._last_key = time.monotonic()
        if not self._pause.isActive():
            self._pause.start(TYPING_PAUSE_MS)
        if not self._deadline.isActive():
            self._deadline.start()

    def stop(self) -> None:
        """Nothing is waiting any more (it was just saved, or has nowhere to go)."""
        self._pause.stop()
        self._deadline.stop()

    def _paused(self) -> None:
        waited_ms = (time.monotonic() - self._last_key) * 1000
        if waited_ms < TYPING_PAUSE_MS - 5:  # typed since the timer started
            self._pause.start(int(TYPING_PAUSE_MS - waited_ms) + 1)
        else:
            self._flush()
