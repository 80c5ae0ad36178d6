"""The installed ``briefer`` as its own process on the test display, and how a test reads
what it shows.

A test acts only through the X server (keys, clicks, drags: :class:`~tests.e2e.xserver.XServer`)
and reads outcomes where a person would: window titles, files written, the store through
the command line. To know *where* to click it asks the app's read-only inspection hook
(``briefer/gui/inspect_hook.py``, on only when ``BRIEFER_INSPECT`` is set) for a snapshot of
the visible widgets and their screen geometry.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.e2e.xserver import WAIT_S, XServer, die_with_the_tests, poll, stop_process


def briefer_command() -> list[str]:
    """The console script installed next to this Python (``make test``'s .venv), else the
    package run as a module by the same interpreter."""
    script = Path(sys.executable).with_name("briefer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefer"]


class UserHome:
    """A person's own folders (HOME and the XDG ones): settings and stores live here."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = root / "home"
        self.dirs = {
            "XDG_CONFIG_HOME": root / "config",
            "XDG_DATA_HOME": root / "data",
            "XDG_STATE_HOME": root / "state",
            "XDG_CACHE_HOME": root / "cache",
            "XDG_RUNTIME_DIR": root / "runtime",
        }
        self.home.mkdir(parents=True, exist_ok=True)
        for folder in self.dirs.values():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    @property
    def env(self) -> dict[str, str]:
        return {
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            **{name: str(path) for name, path in self.dirs.items()},
        }

    def cli(
        self,
        *args: str,
        db: Path | None = None,
        passphrase: str | None = None,
        check: bool = True,
        env_extra: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``briefer [--db DB] ARGS`` as this person, as one would in a terminal."""
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **self.env, **(env_extra or {})}
        if passphrase is not None:
            env["BRIEFER_PASSPHRASE"] = passphrase
        argv = [*briefer_command(), *(["--db", str(db)] if db else []), *args]
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(argv)} failed:\n{done.stdout}{done.stderr}")
        return done

    def cli_json(self, *args: str, db: Path | None = None, passphrase: str | None = None) -> Any:
        return json.loads(self.cli(*args, "--json", db=db, passphrase=passphrase).stdout)

    def export_markdown(self, db: Path, briefing: str, passphrase: str | None = None) -> str:
        """The briefing's text as the command line exports it (what is really in the store)."""
        out = self.root / f"check-{uuid.uuid4().hex[:8]}.md"
        self.cli("export", briefing, "--out", str(out), db=db, passphrase=passphrase)
        text = out.read_text(encoding="utf-8")
        out.unlink()
        return text


def sections(markdown: str) -> dict[str, list[str]]:
    """An exported Markdown briefing's sections: title -> its items (list lines), in order."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = found.setdefault(line[3:].strip(), [])
        elif current is not None and re.match(r"^(- |\d+\. )", line):
            current.append(line)
    return found


def outline(snapshot: dict[str, Any]) -> dict[str, list[str]]:
    """The outline as the window shows it (rows scrolled into sight): section -> items."""
    shown: dict[str, list[str]] = {}
    titles: dict[int, str] = {}
    for widget in snapshot["widgets"]:
        if widget["name"] != "outlineView":
            continue
        for row in widget["rows"]:
            if len(row["path"]) == 1:
                titles[row["path"][0]] = row["text"]
                shown.setdefault(row["text"], [])
            elif row["path"][0] in titles:
                shown[titles[row["path"][0]]].append(row["text"])
    return shown


def strip_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


class Briefer:
    """One running window. ``args`` are passed on the command line (``--db`` …)."""

    def __init__(
        self, x: XServer, user: UserHome, args: list[str], env: dict[str, str] | None = None
    ) -> None:
        self.x, self.user, self.args = x, user, args
        self.snapshot_path = user.root / f"inspect-{uuid.uuid4().hex[:8]}.json"
        self.log_path = self.snapshot_path.with_suffix(".log")
        self.last_snapshot: dict[str, Any] | None = None
        environment = {
            **x.env,
            **user.env,
            "QT_QPA_PLATFORM": "xcb",  # `make test` exports offscreen for the in-process tests
            "BRIEFER_INSPECT": str(self.snapshot_path),
            **({"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}),
            **(env or {}),
        }
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [*briefer_command(), *args],
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_the_tests,
            )
        self._token = 0

    # ------------------------------------------------------------ process

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_exit(self, timeout: float = WAIT_S) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            message = f"briefer still running {timeout:.0f} s after it was told to quit"
            raise AssertionError(message) from None

    def stop(self) -> None:
        stop_process(self.process)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    # ------------------------------------------------------------ windows (X's view)

    def titles(self) -> list[str]:
        return [self.x.title(w) for w in self.x.windows(self.pid)]

    def wait_window(self, name: str, timeout: float = WAIT_S) -> str:
        """The id of a visible window of this app whose title matches the regex ``name``."""

        def found() -> str | None:
            self._check_alive()
            windows = self.x.windows(self.pid, name)
            return windows[0] if windows else None

        return poll(found, f"a window titled /{name}/ (titles: {self.titles()})", timeout)

    def wait_no_window(self, name: str, timeout: float = WAIT_S) -> None:
        poll(lambda: not self.x.windows(self.pid, name), f"the window /{name}/ to close", timeout)

    def main_window(self) -> str:
        return self.wait_window(r"Briefer$")

    def wait_ready(self, title: str = r".+ — Briefer$") -> str:
        """Wait for the store to be open (its name in the title bar) and the window active."""
        window = self.wait_window(title)
        self.wait_active(title)
        return window

    def wait_store(self, store: Path | str) -> str:
        """Wait for ``store`` to be open: named in the status bar, the window active."""
        window = self.wait_ready()
        self.find(f"{store} in the status bar", name="storeLabel", text_has=f"Store: {store}")
        return window

    def wait_active(self, title: str, timeout: float = WAIT_S) -> dict[str, Any]:
        return self.wait_for(
            lambda s: s if re.search(title, s.get("active_window") or "") else None,
            f"the active window to be /{title}/",
            timeout,
        )

    def _check_alive(self) -> None:
        if not self.alive():
            raise AssertionError(
                f"briefer exited with {self.process.returncode}; its output:\n{self.log()[-3000:]}"
            )

    # ------------------------------------------------------------ snapshot (where things are)

    def snapshot(self, timeout: float = WAIT_S) -> dict[str, Any]:
        """Ask the inspection hook what is visible now."""
        self._token += 1
        token = f"{self.pid}-{self._token}"
        request = self.snapshot_path.with_name(self.snapshot_path.name + ".request")
        partial = request.with_name(request.name + ".partial")
        partial.write_text(token, encoding="utf-8")
        os.replace(partial, request)  # whole or not at all: the app polls for this file

        def answered() -> dict[str, Any] | None:
            self._check_alive()
            try:
                data = json.loads(self.snapshot_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            return data if data.get("token") == token else None

        self.last_snapshot = poll(answered, "the window to answer a snapshot request", timeout)
        if "error" in self.last_snapshot:
            raise AssertionError(f"the inspection hook failed:\n{self.last_snapshot['error']}")
        return self.last_snapshot

    def wait_for(self, probe: Any, what: str, timeout: float = WAIT_S) -> Any:
        """Take snapshots until ``probe(snapshot)`` returns something truthy."""
        return poll(lambda: probe(self.snapshot()), what, timeout, every=0.2)

    @staticmethod
    def widgets(snapshot: dict[str, Any], **criteria: Any) -> Iterator[dict[str, Any]]:
        """Widgets matching every criterion: name, cls (Python or Qt class), text (exact,
        without mnemonic ampersands), text_has, accessible, window (title regex), enabled."""
        for widget in snapshot["widgets"]:
            if _matches(widget, criteria):
                yield widget

    def find(self, what: str | None = None, timeout: float = WAIT_S, **criteria: Any) -> dict:
        """Wait for one visible widget matching ``criteria`` and return it."""
        label = what or ", ".join(f"{k}={v!r}" for k, v in criteria.items())
        return self.wait_for(
            lambda s: next(self.widgets(s, **criteria), None),
            f"a visible widget ({label})",
            timeout,
        )

    def row(self, view: str, text: str, timeout: float = WAIT_S, exact: bool = False) -> dict:
        """A visible row of the item view named ``view`` whose text has (or is) ``text``."""

        def probe(snapshot: dict[str, Any]) -> dict[str, Any] | None:
            for widget in self.widgets(snapshot, name=view):
                for row in widget.get("rows", []):
                    if (row["text"] == text) if exact else (text in row["text"]):
                        return row
            return None

        return self.wait_for(probe, f"a row with {text!r} in {view}", timeout)

    def tab(self, text: str, timeout: float = WAIT_S) -> dict:
        def probe(snapshot: dict[str, Any]) -> dict[str, Any] | None:
            for bar in self.widgets(snapshot, cls="QTabBar"):
                for tab in bar.get("tabs", []):
                    if strip_mnemonic(tab["text"]) == text:
                        return tab
            return None

        return self.wait_for(probe, f"a tab labelled {text!r}", timeout)

    # ------------------------------------------------------------ acting (real X input)

    def click(self, target: dict[str, Any], button: int = 1, repeat: int = 1) -> None:
        self.x.click(*center(target), button=button, repeat=repeat)

    def key(self, *keys: str) -> None:
        self._check_alive()
        self.x.key(*keys)

    def type(self, text: str) -> None:
        self._check_alive()
        self.x.type(text)

    def menu(self, *path: str) -> None:
        """Choose a menu entry by keyboard, as a person does: Alt and the menu's underlined
        letter, then each entry's letter (``menu("File", "New Event…")``). The letters are
        read from the menus themselves; an entry without one is clicked."""
        bar = self.find("the menu bar", cls="QMenuBar", window=r"Briefer$")
        top = next(a for a in bar["actions"] if strip_mnemonic(a["text"]) == path[0])
        self.key(f"alt+{mnemonic(top['text'])}")
        for entry in path[1:]:

            def shown(snapshot: dict[str, Any], entry: str = entry) -> dict[str, Any] | None:
                for menu in self.widgets(snapshot, cls="QMenu"):
                    for action in menu.get("actions", []):
                        if strip_mnemonic(action["text"]) == entry:
                            return action
                return None

            action = self.wait_for(shown, f"the menu entry {entry!r}")
            assert action["enabled"], f"the menu entry {entry!r} is disabled"
            letter = mnemonic(action["text"])
            if letter:
                self.key(letter)
            else:
                self.click(action)

    def quit(self) -> int:
        """Ctrl+Q, as a person quits; the exit code once the process has ended."""
        self.key("ctrl+q")
        return self.wait_exit()


def mnemonic(text: str) -> str:
    """The underlined letter of a label ("Ne&w Event…" → "w"), lower case; "" if none."""
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else ""


def center(target: dict[str, Any]) -> tuple[int, int]:
    x, y, width, height = target["geometry"]
    return x + width // 2, y + height // 2


def _matches(widget: dict[str, Any], criteria: dict[str, Any]) -> bool:
    for key, wanted in criteria.items():
        if key == "cls":
            ok = wanted in (widget["class"], widget["qt_class"])
        elif key == "text":
            ok = strip_mnemonic(widget["text"]) == wanted
        elif key == "text_has":
            ok = wanted.lower() in strip_mnemonic(widget["text"]).lower()
        elif key == "window":
            ok = re.search(wanted, widget["window"] or "") is not None
        else:
            ok = widget.get(key) == wanted
        if not ok:
            return False
    return True
