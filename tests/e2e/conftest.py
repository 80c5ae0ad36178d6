"""Fixtures of the end-to-end suite: one X display (Xvfb + openbox) per test module, a
person's own empty folders per test, and ``launch`` to start the installed ``briefer`` on
them. Whatever a test starts is stopped when it ends, pass or fail; on failure a screenshot
of the display, the app's output and its last snapshot are kept, and their paths printed.

A missing X tool fails the suite with what to install — it is never skipped (CI must not
pass without having driven the window). ``make test`` installs the tools.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.driver import Briefer, UserHome
from tests.e2e.xserver import XServer, missing_tools

DEFAULT_SCREEN = (1366, 768)
PASSPHRASE = "e2e passphrase, not a secret"
DEMO_BRIEFING = "Human Rights Between Summits"  # the one briefing `briefer demo` makes


@pytest.fixture(scope="module")
def x_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A display of the module's ``SCREEN`` size (width, height), shared by its tests."""
    missing = missing_tools()
    if missing:
        pytest.fail(
            "The end-to-end suite drives the window on an X display and needs: "
            + ", ".join(missing)
            + ". `make test` installs them (as root), or: apt-get install "
            + "xvfb openbox xdotool x11-utils imagemagick",
            pytrace=False,
        )
    width, height = getattr(request.module, "SCREEN", DEFAULT_SCREEN)
    server = XServer(tmp_path_factory.mktemp("x"), width, height)
    try:
        server.start()
    except Exception as exc:
        server.stop()
        pytest.fail(f"could not start the test display: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def user(tmp_path: Path) -> UserHome:
    """Empty HOME and XDG folders: a person who has never run Briefer."""
    return UserHome(tmp_path / "user")


class Launcher:
    """Starts ``briefer`` for the test and remembers every process to stop it afterwards."""

    def __init__(self, x: XServer, user: UserHome) -> None:
        self.x, self.user = x, user
        self.apps: list[Briefer] = []

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> Briefer:
        app = Briefer(self.x, self.user, list(args), env)
        self.apps.append(app)
        return app

    def stop_all(self) -> None:
        for app in self.apps:
            app.stop()

    def keep_evidence(self, folder: Path) -> list[str]:
        """Screenshot, the apps' output and last snapshots, for a failed test."""
        lines = [f"screenshot: {self.x.screenshot(folder / 'failure.png')}"]
        for number, app in enumerate(self.apps):
            lines.append(f"briefer #{number} {' '.join(app.args)} (pid {app.pid}):")
            lines.append(f"  output: {app.log_path}")
            if app.alive():
                lines.append(f"  windows: {app.titles()}")
            if app.last_snapshot is not None:
                saved = folder / f"snapshot-{number}.json"
                saved.write_text(json.dumps(app.last_snapshot, indent=1, ensure_ascii=False))
                lines.append(f"  last snapshot: {saved}")
            tail = app.log()[-2000:].strip()
            if tail:
                lines.append("  " + tail.replace("\n", "\n  "))
        return lines


@pytest.fixture
def launch(x_server: XServer, user: UserHome) -> Iterator[Launcher]:
    launcher = Launcher(x_server, user)
    try:
        yield launcher
    finally:
        launcher.stop_all()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]):
    """On failure, while the window is still up: keep what the display showed."""
    outcome = yield
    report = outcome.get_result()
    launcher = getattr(item, "funcargs", {}).get("launch")
    if report.when == "call" and report.failed and isinstance(launcher, Launcher):
        folder = launcher.user.root.parent / "evidence"
        try:
            lines = launcher.keep_evidence(folder)
        except Exception as exc:  # the evidence is a help, never a second failure
            lines = [f"could not keep the evidence: {exc!r}"]
        report.sections.append(("end-to-end evidence", "\n".join(lines)))


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of one's own holding the sample content, built once by `briefer demo`."""
    folder = tmp_path_factory.mktemp("demo")
    builder = UserHome(folder / "builder")
    path = folder / "demo.db"
    builder.cli("demo", db=path)
    return path


@pytest.fixture(scope="session")
def demo_markdown(demo_store: Path) -> str:
    """The demo store's briefing as the command line exports it, before any test's change."""
    folder = demo_store.parent / "reader"
    return UserHome(folder).export_markdown(demo_store, DEMO_BRIEFING)


@pytest.fixture
def store(demo_store: Path, user: UserHome) -> Path:
    """This test's copy of the demo store, in the person's home."""
    path = user.home / "briefing-book.db"
    shutil.copyfile(demo_store, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def encrypted_store(store: Path, user: UserHome) -> Path:
    """The demo store copied into an encrypted one by the command line (PASSPHRASE)."""
    path = user.home / "encrypted.db"
    user.cli(
        "copy",
        "--from",
        str(store),
        "--to",
        str(path),
        "--encrypt",
        env_extra={"BRIEFER_TO_PASSPHRASE": PASSPHRASE},
    )
    return path
