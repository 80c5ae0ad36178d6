"""Run the real window on a store and type into the first Background paragraph.

``typing_driver.py STORE once``  types a phrase once;
``typing_driver.py STORE burst`` types one character every 15 ms, forever.
Every time a change reaches the store, prints ``SAVED <json text>``; the test kills the
process with SIGKILL and checks what the store holds.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from briefer.gui.app import make_application
from briefer.gui.main_window import MainWindow
from briefer.gui.qt import QTimer
from briefer.store import Store

ONCE = " Typed before the kill."
BURST = " abcdefghijklmnopqrstuvwxyz" * 40


def main(store_path: str, mode: str) -> int:
    app = make_application()
    window = MainWindow()
    window.show()
    window.attach(Store.open(store_path), is_sample=True)
    window.open_briefing("Human Rights Between Summits")
    editor = window.editor
    editor.tree.setCurrentIndex(editor.model.index(0, 0, editor.model.index(2, 0)))
    text = editor.item_editor.text
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)

    def report() -> None:
        stored = window.ctx.read(
            lambda s: (
                __import__("briefer.services.outline", fromlist=["x"])
                .item(s, editor.current_item.id)
                .text
            )
        )
        print("SAVED", json.dumps(stored), flush=True)

    window.ctx.saved.connect(report)
    print("READY", json.dumps(text.toPlainText()), flush=True)
    if mode == "once":
        QTest.keyClicks(text, ONCE)
    else:
        position = {"n": 0}

        def type_one() -> None:
            QTest.keyClick(text, BURST[position["n"] % len(BURST)])
            position["n"] += 1

        timer = QTimer()
        timer.timeout.connect(type_one)
        timer.start(15)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
