"""Moving a library between stores: every direction, verified, all or nothing."""

from __future__ import annotations

import shutil

import pytest

from briefer.errors import ValidationError
from briefer.services import copy as store_copy
from briefer.services.search import search
from briefer.store import Store, check_store
from tests.conftest import new_postgres_db
from tests.test_cli import briefer


@pytest.fixture
def sample_path(sample_sqlite, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    return str(path)


def _fingerprint(db: str) -> dict[str, str]:
    with Store.open(db, auto_backup=False) as store, store.engine.connect() as connection:
        return {  # each store keeps its own id in store_info: compared through is_sample/as_of
            t.name: store_copy.checksum(connection, t)
            for t in store_copy._tables()
            if t.name != "store_info"
        }


def _check_usable(db: str) -> None:
    with Store.open(db, auto_backup=False) as store:
        assert store.is_sample and str(store.as_of) == "1987-12-20"
        with store.session() as session:
            assert [h.title for h in search(session, "Щаранский", ("case",))] == [
                "Anatoly Shcharanskiy"
            ]


def test_sqlite_to_postgresql_to_sqlite_keeps_every_value(request, sample_path, tmp_path):
    postgres = new_postgres_db(request, from_template=False)
    report, _where = store_copy.copy_between(sample_path, postgres)
    assert report.rows["case_status_event"] == 68 and report.rows["briefing_item"] == 76
    _check_usable(postgres)
    back = str(tmp_path / "back.db")
    store_copy.copy_between(postgres, back)
    _check_usable(back)
    assert _fingerprint(back) == _fingerprint(sample_path)
    assert check_store(back) == []


def test_sqlite_to_sqlite_on_the_command_line_with_a_progress_line(sample_path, tmp_path):
    target = tmp_path / "copy.db"
    done = briefer("copy", "--from", sample_path, "--to", str(target))
    assert done.returncode == 0, done.stderr
    assert "counts and checksums of every table verified" in done.stdout
    assert "copying" in done.stderr and "100%" in done.stderr
    assert _fingerprint(str(target)) == _fingerprint(sample_path)
    again = briefer("copy", "--from", sample_path, "--to", str(target))
    assert again.returncode == 1 and "already holds data" in again.stderr


def test_a_failed_verification_leaves_nothing_behind(request, sample_path, tmp_path, monkeypatch):
    real = store_copy.checksum
    calls = {"n": 0}

    def corrupt_target(connection, table):  # the second read of a table is the target's
        calls["n"] += 1
        value = real(connection, table)
        return value + "!" if table.name == "case" and calls["n"] % 2 == 0 else value

    monkeypatch.setattr(store_copy, "checksum", corrupt_target)
    target = tmp_path / "new.db"
    with pytest.raises(store_copy.VerificationFailed, match="values of table case differ"):
        store_copy.copy_between(sample_path, str(target))
    assert not target.exists() and not (tmp_path / "new.db-wal").exists()
    postgres = new_postgres_db(request, from_template=False)
    with pytest.raises(store_copy.VerificationFailed):
        store_copy.copy_between(sample_path, postgres)
    with Store.open(postgres) as store, store.engine.connect() as connection:
        assert store_copy.is_empty(connection)  # the transaction was rolled back


def test_a_store_is_not_copied_onto_itself(sample_path):
    with pytest.raises(ValidationError, match="same store"):
        store_copy.copy_between(sample_path, sample_path)
