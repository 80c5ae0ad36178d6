"""Interaction latency in the real window on the large store, in milliseconds.

Prints one JSON object: keystroke → drawer results updated (debounce included), and
opening the large briefing → its outline shown. Run by ``bench.run`` in a subprocess.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from briefer.gui.app import make_application
from briefer.gui.main_window import MainWindow
from briefer.gui.qt import QApplication, Qt
from briefer.sample.large import LARGE_BRIEFING_TITLE
from briefer.store import Store

WORDS = ["emigration", "refusenik", "Kalinin", "prisoners", "jamming", "secrecy", "Helsinki"]


def main(store_path: str) -> int:
    app = make_application()
    window = MainWindow()
    window.show()
    window.attach(Store.open(store_path, auto_backup=False), is_sample=True)
    drawer = window.drawer
    updated = {"flag": False}
    drawer.results_updated.connect(lambda: updated.__setitem__("flag", True))
    keystrokes: list[float] = []
    for word in WORDS * 2:
        drawer.search.clear()
        QApplication.processEvents()
        for char in word:
            updated["flag"] = False
            start = time.perf_counter()
            QTest.keyClick(drawer.search, char)
            while not updated["flag"]:
                app.processEvents()
            keystrokes.append((time.perf_counter() - start) * 1000)
    opens: list[float] = []
    for _ in range(3):
        window.editor.briefing_id = None
        start = time.perf_counter()
        window.open_briefing(LARGE_BRIEFING_TITLE)
        app.processEvents()
        opens.append((time.perf_counter() - start) * 1000)
        assert window.editor.model.rowCount() == 40
    # The Cases page, built on first show: query, model, view, then a sort by latest status.
    start = time.perf_counter()
    browser = window.show_page("cases")
    browser.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    case_table_ms = (time.perf_counter() - start) * 1000
    assert browser.model.rowCount() >= 5000
    keystrokes.sort()
    print(
        json.dumps(
            {
                "keystroke_median_ms": statistics.median(keystrokes),
                "keystroke_p95_ms": keystrokes[int(len(keystrokes) * 0.95) - 1],
                "keystrokes": len(keystrokes),
                "open_large_briefing_ms": min(opens),
                "case_table_ms": case_table_ms,
                "case_rows": browser.model.rowCount(),
                "outline_rows": window.editor.model.rowCount(),
            }
        )
    )
    window.close()
    sys.stdout.flush()
    # PySide6 6.12 can abort in its garbage collection at interpreter exit after QTest has
    # driven widgets ("bool_dealloc"); the measurements are printed, so leave at once.
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
