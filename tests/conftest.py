"""Test isolation: every test gets its own user folders, store and (for the PostgreSQL half
of the parametrised fixtures) its own database, cloned from a migrated template."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

# Qt must never look for a display in the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefer.store import Store
from tests.pg import Cluster, PostgresUnavailable

DIALECTS = ["sqlite", "postgresql"]


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's data, config or logs."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    for name in (
        "BRIEFER_DB",
        "BRIEFER_TODAY",
        "BRIEFER_DATA_DIR",
        "BRIEFER_PASSPHRASE",
        "BRIEFER_TO_PASSPHRASE",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True)
def modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes and input prompts are recorded instead of blocking a headless run
    (a test that expects one asserts on this list, or patches its own answer)."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind: str):
        def show(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
            shown.append((kind, str(args[2]) if len(args) > 2 else ""))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    return shown


def _dialog_watcher() -> object:
    """An application event filter noting what is wrong with each dialog shown: no parent
    window, or — once the code that opened it has returned and garbage has been collected —
    buttons whose slots are gone (their owner was collected: the bug of issue 13)."""
    import gc

    import shiboken6
    from PySide6.QtCore import SIGNAL, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

    roles = QDialogButtonBox.ButtonRole
    role_signal = {
        roles.AcceptRole: "accepted()",
        roles.YesRole: "accepted()",
        roles.RejectRole: "rejected()",
        roles.NoRole: "rejected()",
        roles.HelpRole: "helpRequested()",
    }

    def describe(dialog: QDialog) -> str:
        return f"{type(dialog).__name__} '{dialog.objectName()}' ({dialog.windowTitle()!r})"

    def dead_buttons(dialog: QDialog) -> list[str]:
        dead = []
        for box in dialog.findChildren(QDialogButtonBox):
            clicked = box.receivers(SIGNAL("clicked(QAbstractButton*)"))
            for button in box.buttons():
                signal = role_signal.get(box.buttonRole(button))
                own = button.receivers(SIGNAL("clicked()")) > 1  # one is the box's own
                if not (clicked or own or (signal and box.receivers(SIGNAL(signal)))):
                    dead.append(button.text())
        boxed = {id(b) for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
        for button in dialog.findChildren(QPushButton):
            if id(button) in boxed or button.menu() is not None:
                continue
            if button.isVisibleTo(dialog) and button.receivers(SIGNAL("clicked()")) == 0:
                dead.append(button.text())
        return dead

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.problems: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
                if watched.parentWidget() is None:
                    self.problems.append(f"{describe(watched)} was shown with no owner window")
                QTimer.singleShot(0, lambda: self.check_buttons(watched))
            return False

        def check_buttons(self, dialog: QDialog) -> None:
            gc.collect()
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dead = dead_buttons(dialog)
                if dead:
                    self.problems.append(
                        f"{describe(dialog)}: buttons {dead} do nothing - the object holding "
                        "their slots was garbage-collected (nothing owns it)"
                    )

    return Watcher()


@pytest.fixture(autouse=True)
def dialogs_are_owned(request: pytest.FixtureRequest) -> Iterator[None]:
    """In GUI tests, every dialog the app shows is owned (it has a parent window, and the
    object behind its buttons outlives the slot that opened it), and no window is left
    open after the test (in the spirit of novelWriter's tests/conftest.py). A test keeps no
    reference that the app does not keep, so a dialog nobody owns shows up here."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

    app = request.getfixturevalue("qapp")
    watcher = _dialog_watcher()
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.processEvents()
        app.removeEventFilter(watcher)
    problems = list(watcher.problems)  # type: ignore[attr-defined]
    left = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, (QDialog, QMainWindow)) and w.isVisible()
    ]
    for widget in left:
        problems.append(f"{type(widget).__name__} '{widget.windowTitle()}' was left open")
        widget.close()
        widget.deleteLater()
    app.processEvents()
    if problems:
        pytest.fail("Unowned or leftover windows:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Server URL (no database) of a cluster started for this test session."""
    cluster = Cluster()
    try:
        url = cluster.start()
    except PostgresUnavailable as exc:
        cluster.stop()
        pytest.fail(f"PostgreSQL is needed for these tests and could not start: {exc}")
    try:
        yield url
    finally:
        cluster.stop()


def _admin(url: str, *statements: str) -> None:
    engine = create_engine(f"{url}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_template(postgres_url: str) -> str:
    """A database migrated to head once, cloned by every test that wants a PostgreSQL store."""
    _admin(postgres_url, "CREATE DATABASE briefer_template")
    Store.open(f"{postgres_url}/briefer_template").close()
    return "briefer_template"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    os.environ.setdefault("BRIEFER_DATA_DIR", str(path.parent / "data"))
    store = Store.open(path, auto_backup=False)
    store.close()
    os.environ.pop("BRIEFER_DATA_DIR", None)
    return path


def new_postgres_db(request: pytest.FixtureRequest, *, from_template: bool) -> str:
    url = request.getfixturevalue("postgres_url")
    name = f"t_{uuid.uuid4().hex[:12]}"
    if from_template:
        request.getfixturevalue("postgres_template")
        _admin(url, f"CREATE DATABASE {name} TEMPLATE briefer_template")
    else:
        _admin(url, f"CREATE DATABASE {name}")
    request.addfinalizer(lambda: _admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    return f"{url}/{name}"


@pytest.fixture(params=DIALECTS)
def empty_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store does not exist yet: a new file path, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "new.db")
    return new_postgres_db(request, from_template=False)


@pytest.fixture(params=DIALECTS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty store on each dialect."""
    if request.param == "sqlite":
        path = tmp_path / "store.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        path.chmod(0o600)
        return str(path)
    return new_postgres_db(request, from_template=True)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store.open(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def sample_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workspace, built once; tests copy it before changing anything."""
    from briefer.sample.workspace import ensure_sample_store

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    os.environ["BRIEFER_DATA_DIR"] = str(path.parent / "data")
    try:
        with Store.open(path) as store:
            ensure_sample_store(store)
    finally:
        os.environ.pop("BRIEFER_DATA_DIR", None)
    return path


PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="session")
def encrypted_sample(sample_sqlite: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample workspace in an encrypted store (passphrase PASSPHRASE), built once."""
    from briefer.services.copy import copy_between

    folder = tmp_path_factory.mktemp("encrypted")
    path, plain = folder / "sample.db", folder / "plain.db"
    shutil.copyfile(sample_sqlite, plain)  # a copy records its peer in the source: not ours
    os.environ["BRIEFER_DATA_DIR"] = str(path.parent / "data")
    try:
        copy_between(str(plain), str(path), target_passphrase=PASSPHRASE, encrypt=True)
    finally:
        os.environ.pop("BRIEFER_DATA_DIR", None)
    return path


@pytest.fixture(params=DIALECTS)
def sample_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh sample workspace on each dialect."""
    from briefer.sample.workspace import ensure_sample_store

    if request.param == "sqlite":
        path = tmp_path / "sample.db"
        shutil.copyfile(request.getfixturevalue("sample_sqlite"), path)
        path.chmod(0o600)
        opened = Store.open(path)
    else:
        opened = Store.open(new_postgres_db(request, from_template=True))
        ensure_sample_store(opened)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sample_window(qtbot: object, sample_sqlite: Path, tmp_path: Path) -> Iterator[object]:
    """The main window on a copy of the sample workspace, its sample briefing open."""
    from briefer.gui.main_window import MainWindow
    from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE

    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.resize(1400, 900)
    window.show()
    window.attach(Store.open(path), is_sample=True)
    window.open_briefing(SAMPLE_BRIEFING_TITLE)
    yield window
    window.close()
    assert window.store is not None
    window.store.close()
