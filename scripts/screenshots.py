"""Screenshots of the real window on the sample workspace, for the README (``make screenshots``).

Run under Xvfb (the Makefile does): a real X11 window is shown, then grabbed by Qt.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def main(out_dir: str) -> int:
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    os.environ["BRIEFER_DATA_DIR"] = tempfile.mkdtemp(prefix="briefer-shots-")
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="briefer-shots-config-"))

    from briefer.gui.app import make_application
    from briefer.gui.main_window import MainWindow
    from briefer.gui.qt import QApplication
    from briefer.sample.workspace import ensure_sample_store
    from briefer.store import Store

    app = make_application()
    store = Store.open(Path(os.environ["BRIEFER_DATA_DIR"]) / "sample-workspace.db")
    ensure_sample_store(store)
    window = MainWindow(store, is_sample=True)
    window.resize(1200, 720)
    window.show()
    for _ in range(20):
        QApplication.processEvents()
    shot = target / "main-window.png"
    window.grab().save(str(shot))
    print(f"wrote {shot}")
    dialog = window.show_about()
    for _ in range(20):
        QApplication.processEvents()
    about = target / "about-dialog.png"
    dialog.grab().save(str(about))
    print(f"wrote {about}")
    window.close()
    store.close()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
