"""One engine factory for every SQLite store (issue 13, item 2): plain and encrypted stores
behave the same across threads, and no error message quotes a stored value."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from briefer.store import Store
from tests.conftest import PASSPHRASE

SECRET = "the name of a person at risk"


@pytest.fixture(params=["plain", "encrypted"])
def any_store(request, sample_sqlite, encrypted_sample, tmp_path):
    if request.param == "plain":
        path = tmp_path / "plain.db"
        shutil.copyfile(sample_sqlite, path)
        passphrase = None
    else:
        path = tmp_path / "encrypted.db"
        shutil.copyfile(encrypted_sample, path)
        passphrase = PASSPHRASE
    path.chmod(0o600)
    store = Store.open(Path(path), passphrase=passphrase, auto_backup=False)
    yield store
    store.close()


def test_a_connection_made_on_one_thread_works_on_another(any_store):
    """The window reads the store on the main thread and exports on a QThreadPool worker,
    which gets a pooled connection the main thread made."""
    with any_store.session() as session:
        session.execute(text("SELECT 1"))  # the pool now holds a main-thread connection
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            with any_store.session() as session:
                outcome["count"] = session.execute(text('SELECT count(*) FROM "case"')).scalar()
        except Exception as exc:  # reported below, in the test's own thread
            outcome["error"] = exc

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert "error" not in outcome, outcome.get("error")
    assert isinstance(outcome["count"], int) and outcome["count"] > 0


def test_connections_are_made_the_same_way_for_both(any_store):
    """Both kinds come from one factory: the same pool and the same connection set-up."""
    raw = any_store.engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert driver.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        raw.close()
    assert type(any_store.engine.pool).__name__ == "QueuePool"


def test_a_database_error_does_not_quote_the_stored_values(any_store):
    """Error messages reach logs and the window's bug report: the engine hides parameters."""
    insert = text("INSERT INTO store_info (key, value) VALUES (:key, :value)")
    with pytest.raises(IntegrityError) as caught, any_store.engine.begin() as connection:
        connection.execute(insert, {"key": "application", "value": SECRET})  # key taken
    assert "UNIQUE constraint failed" in str(caught.value)
    assert SECRET not in str(caught.value)
