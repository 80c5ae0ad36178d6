"""Keystroke latency in the briefing editor's item text, autosave flush included.

``python bench/typing_latency.py STORE BRIEFING`` adds one paragraph of 500, 5,000 and
20,000 characters of Markdown to the briefing, opens the real window (offscreen) on it and
types real key events (``QTest.keyClick``) at the end of each paragraph: a key every 70 ms
(a fast typist) with a pause of 0.6 s every 40 keys. Prints one JSON object: per size, the
median, 95th percentile and maximum in milliseconds, and the autosaves that ran.

What one keystroke costs is the time from the key event until the event loop is idle again
(the edit, its signals, layout and paint), plus all the work the event loop does before the
next key: the autosave flush when its timer fires (after a pause, or at the latest 0.9 s
after the first unsaved key), the preview catching up after a pause. That work happens
between keys, but a key pressed meanwhile waits for it, so it is charged to the key after
which it ran, and is in the percentiles; the keys that paid for a flush are also reported
on their own ("flush median").

Run by ``bench.run`` in a subprocess, on the large briefing; ``python -m bench.run typing``
runs only this one, on the sample workspace (about a minute).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from briefer.gui.app import make_application
from briefer.gui.main_window import MainWindow
from briefer.services import briefings as briefing_service
from briefer.services import outline
from briefer.store import Store

SIZES = (500, 5_000, 20_000)
KEYSTROKES = 120  # per size: 8.4 s of typing at the pace below, about nine autosaves
PACE_S = 0.070  # one key every 70 ms: a fast typist (about 170 words a minute)
PAUSE_EVERY, PAUSE_S = 40, 0.6  # and a pause to think every 40 keys
IDLE_CALL_S = 0.0005  # a processEvents call that found nothing to do takes well under this
TYPED = "and the delegation will raise each of these cases again at the next round. "

_PARAGRAPH = (
    "The **Soviet delegation** is expected to argue that emigration is an internal matter "
    "and that the *Helsinki Final Act* does not oblige it to publish its criteria; we hold "
    "that Basket III commitments were freely entered into and are reviewed in Madrid.\n\n"
    "- Family reunification cases pending for more than five years\n"
    "- Refuseniks denied on grounds of *secrecy* long after any access ended\n"
    "- Jamming of foreign broadcasts, resumed in 1980\n\n"
)


def long_text(size: int) -> str:
    """``size`` characters of the Markdown a briefing item really holds."""
    text = _PARAGRAPH * (size // len(_PARAGRAPH) + 1)
    return text[:size].rstrip() + " "


def add_paragraphs(store_path: str, briefing_title: str) -> dict[int, str]:
    """One new paragraph per size in the briefing's background section; their ids."""
    ids: dict[int, str] = {}
    with Store.open(store_path, auto_backup=False) as store, store.session() as session:
        book = briefing_service.get_briefing(session, briefing_title)
        section = next((s for s in book.sections if s.kind.value == "background"), None)
        section = section or book.sections[0]
        for size in SIZES:
            ids[size] = str(
                briefing_service.add_text_item(session, section, long_text(size), index=0).id
            )
    return ids


def _until_idle(app: Any) -> None:
    """Process events until a pass finds nothing to do (posted layout and paint included)."""
    for _ in range(20):
        start = time.perf_counter()
        app.processEvents()
        if time.perf_counter() - start < IDLE_CALL_S:
            return


def _pump_until(app: Any, deadline: float) -> float:
    """Run the event loop (timers included) until ``deadline``; the seconds spent working.

    It sleeps 5 ms between passes: a timer's work is timed whole wherever it falls, and
    calls into Qt from Python stay few (PySide6 6.12 drops a reference to ``None`` on every
    call of a void method, and a process that makes some tens of thousands aborts)."""
    busy = 0.0
    while True:
        now = time.perf_counter()
        if now >= deadline:
            return busy
        app.processEvents()
        spent = time.perf_counter() - now
        if spent >= IDLE_CALL_S:
            busy += spent
        else:
            time.sleep(min(0.005, max(0.0, deadline - time.perf_counter())))


def type_into(
    app: Any, window: MainWindow, item_id: str, saves: dict[str, int]
) -> tuple[list[float], list[float]]:
    """Type ``KEYSTROKES`` keys at the end of the item; per-key latency and, for the keys
    after which an autosave ran, the same figures again (ms). ``saves["n"]`` counts saves."""
    editor = window.editor
    editor.select_record(item_id)
    _until_idle(app)
    text = editor.item_editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    _pump_until(app, time.perf_counter() + 1.0)  # the selection's own work is not typing
    latencies: list[float] = []
    flushes: list[float] = []
    for n in range(KEYSTROKES):
        before = saves["n"]
        start = time.perf_counter()
        QTest.keyClick(text, TYPED[n % len(TYPED)])
        _until_idle(app)
        own = time.perf_counter() - start
        if n + 1 == KEYSTROKES:  # the last keys reach the store too: that flush is the last key's
            between = _pump_until(app, time.perf_counter() + 1.2)
        elif (n + 1) % PAUSE_EVERY == 0:  # a pause: the autosave and the preview catch up
            between = _pump_until(app, start + PAUSE_S)
        else:
            between = _pump_until(app, start + PACE_S)
        latencies.append((own + between) * 1000)
        if saves["n"] > before:
            flushes.append(latencies[-1])
    stored = window.ctx.read(outline.item, item_id).text
    if stored != text.toPlainText() or not stored.endswith(TYPED[: KEYSTROKES % len(TYPED)]):
        raise SystemExit("the typed text did not reach the store")
    return latencies, flushes


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main(store_path: str, briefing_title: str) -> int:
    ids = add_paragraphs(store_path, briefing_title)
    app = make_application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.attach(Store.open(store_path, auto_backup=False), is_sample=False)
    window.open_briefing(briefing_title)
    _until_idle(app)
    saves = {"n": 0}
    assert window.ctx is not None
    window.ctx.saved.connect(lambda: saves.__setitem__("n", saves["n"] + 1))
    results = {}
    for size in SIZES:
        latencies, flushes = type_into(app, window, ids[size], saves)
        results[str(size)] = {
            "median_ms": statistics.median(latencies),
            "p95_ms": _p95(latencies),
            "max_ms": max(latencies),
            "flush_median_ms": statistics.median(flushes) if flushes else 0.0,
            "flushes": len(flushes),
            "keystrokes": len(latencies),
        }
    print(json.dumps(results))
    window.close()
    sys.stdout.flush()
    # As in interaction.py: PySide6 can abort in its garbage collection at exit after QTest
    # has driven widgets; the measurements are printed, so leave at once.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
