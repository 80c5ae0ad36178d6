"""Opening, migrating, conflicts, search sync, backups and refusing what is not a store."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text

from briefer import models as m
from briefer.errors import ConflictError, StoreError
from briefer.models.search_doc import search_doc
from briefer.services import library, search
from briefer.services.lookup import fetch_for_update
from briefer.store import (
    BACKUPS_KEPT,
    Store,
    check_store,
    current_revision,
    head_revision,
    migrate,
)


def _point(store: Store, **extra) -> m.TalkingPoint:
    with store.session() as session:
        return library.create_point(
            session,
            topic="Emigration",
            title="Emigration plateau",
            body="Jewish emigration at 700–900 per month.",
            marking="SECRET",
            **extra,
        )


# ------------------------------------------------------------------ both dialects


def test_new_store_is_created_at_head_and_knows_what_it_is(empty_store_url):
    with Store.open(empty_store_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert store.info("application") == "briefer"
    assert check_store(empty_store_url) == []


def test_models_and_migrations_agree(store):
    """Alembic's autogenerate finds nothing to change: the migrations build the models."""
    with store.engine.connect() as connection:
        from briefer.migrations.env_filters import include_name_for

        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "include_name": include_name_for(connection.dialect.name)},
        )
        assert compare_metadata(context, m.Base.metadata) == []


def test_editing_from_a_stale_read_is_a_conflict_not_a_silent_overwrite(store):
    """Two windows: both show version 1; the second to save is told, and nothing is lost."""
    point = _point(store)
    with store.session() as window_a:
        seen_by_a = window_a.get(m.TalkingPoint, point.id).version
    with store.session() as window_b:
        library.update_point(
            window_b, window_b.get(m.TalkingPoint, point.id), body="B saved first."
        )
    with (
        pytest.raises(
            ConflictError, match="Someone else changed talking point 'Emigration plateau'"
        ),
        store.session() as window_a,
    ):
        stale = fetch_for_update(window_a, m.TalkingPoint, point.id, seen_by_a)
        library.update_point(window_a, stale, body="A's edit from a stale read.")
    with store.session() as session:
        assert session.get(m.TalkingPoint, point.id).body == "B saved first."


def test_overlapping_units_of_work_cannot_both_write_one_record(store):
    """The race the version check cannot see: the store itself refuses the second writer."""
    point = _point(store)
    with pytest.raises(ConflictError), store.session() as mine:
        my_copy = mine.get(m.TalkingPoint, point.id)
        with store.session() as theirs:
            theirs.get(m.TalkingPoint, point.id).body = "Their edit, saved first."
        my_copy.body = "My edit, from a stale read."
    with store.session() as session:
        assert session.get(m.TalkingPoint, point.id).body == "Their edit, saved first."


def test_every_revising_change_writes_a_revision(store):
    point = _point(store)
    with store.session() as session:
        library.update_point(session, session.get(m.TalkingPoint, point.id), body="Revised text.")
    with store.session() as session:
        fresh = session.get(m.TalkingPoint, point.id)
        library.update_point(session, fresh, reviewed_by="EUR/SOV")  # not a revising field
    with store.session() as session:
        fresh = session.get(m.TalkingPoint, point.id)
        revisions = library.history(session, fresh)
        assert fresh.revision == 2
        assert [r.number for r in revisions] == [1, 2]
        assert revisions[0].data["body"].startswith("Jewish emigration")
        assert revisions[1].data["body"] == "Revised text."


def test_search_index_follows_inserts_updates_and_deletes(store):
    point = _point(store)
    with store.session() as session:
        assert [h.id for h in search.search(session, "emigr")] == [point.id]
        library.update_point(
            session,
            session.get(m.TalkingPoint, point.id),
            title="Refuseniks",
            body="Secrecy refusals",
        )
    with store.session() as session:
        assert search.search(session, "plateau") == []
        assert [h.title for h in search.search(session, "secrecy")] == ["Refuseniks"]
        library.delete_entry(session, session.get(m.TalkingPoint, point.id))
    with store.session() as session:
        assert search.search(session, "secrecy") == []
        assert session.scalar(select(func.count()).select_from(search_doc)) == 0


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "emigr*", "(", "a:b", "'; DROP TABLE x;--"])
def test_search_syntax_in_user_text_never_errors(store, query):
    _point(store)
    with store.session() as session:
        search.search(session, query)


def test_as_of_date_is_today_for_every_rule(store, monkeypatch):
    monkeypatch.setenv("BRIEFER_TODAY", "2001-02-03")
    assert store.today() == date(2001, 2, 3)
    store.set_info("as_of", "1987-12-20")
    assert store.today() == date(1987, 12, 20)


def test_refuses_a_database_of_another_program(store_url, tmp_path):
    if store_url.startswith("postgresql"):
        engine = create_engine(store_url)
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE store_info CASCADE"))
        engine.dispose()
    else:
        other = tmp_path / "other.db"
        with sqlite3.connect(other) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER)")
        store_url = str(other)
    before = Path(store_url).read_bytes() if not store_url.startswith("postgresql") else None
    with pytest.raises(StoreError, match="another program"):
        Store.open(store_url)
    if before is not None:
        assert Path(store_url).read_bytes() == before


# ------------------------------------------------------------------ SQLite files


def test_store_file_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        Store.open(tmp_path / "private.db").close()
    finally:
        os.umask(old)
    assert (tmp_path / "private.db").stat().st_mode & 0o777 == 0o600


def test_sqlite_connections_enforce_foreign_keys_wal_and_busy_timeout(tmp_path):
    with Store.open(tmp_path / "s.db") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def _truncated_store(tmp_path: Path) -> Path:
    path = tmp_path / "truncated.db"
    with Store.open(path) as store:
        with store.session() as session:
            for n in range(200):
                library.create_point(session, topic="T", title=f"Point {n}", body="x" * 500)
        store.engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda p: (
            (p / "notes.txt").write_text("Talking points for the Secretary\n") and p / "notes.txt"
        ),
        lambda p: _truncated_store(p),
        lambda p: (p / "folder.db").mkdir() or p / "folder.db",
    ],
    ids=["text-file", "truncated-database", "directory"],
)
def test_corrupt_or_foreign_files_are_refused_and_left_byte_for_byte(tmp_path, make):
    path = make(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(StoreError, match="is not a Briefer store"):
        Store.open(path)
    if before is not None:
        assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()
    problems = check_store(path)
    assert problems and "is not a Briefer store" in problems[0]


def test_migrating_an_older_store_backs_it_up_first_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    from briefer.store import _sqlite_engine, create_private_file

    create_private_file(path)
    engine = _sqlite_engine(path)
    migrate(engine, "0001")
    with engine.begin() as connection:  # data written by the 0001-era app, straight SQL
        connection.execute(
            text(
                "INSERT INTO talking_point (id, version, sample, created_at, updated_at, topic,"
                " title, body, marking, tags, revision)"
                " VALUES ('0123456789abcdef0123456789abcdef', 1, 0,"
                " '1987-12-19', '1987-12-19', 'Radio', 'Jamming of RFE/RL', 'continues',"
                " 'CONFIDENTIAL', '[]', 1)"
            )
        )
    engine.dispose()
    assert check_store(path) == [
        f"schema: at revision 0001, not {head_revision()}; opening it in Briefer will migrate it"
    ]
    with Store.open(path) as store:
        assert current_revision(store.engine) == head_revision()
        backups = store.backups()
        assert len(backups) == 1 and "before-migration" in backups[0].name
        with store.session() as session:  # the migration filled the search index
            assert [h.title for h in search.search(session, "jamming")] == ["Jamming of RFE/RL"]
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_backups_rotate_keeping_the_newest(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        made = [store.backup() for _ in range(BACKUPS_KEPT + 3)]
        kept = store.backups()
    assert len(kept) == BACKUPS_KEPT
    assert kept == made[-BACKUPS_KEPT:]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)


def test_automatic_backup_on_open_is_at_most_daily(tmp_path):
    path = tmp_path / "s.db"
    Store.open(path).close()  # new: nothing to back up yet
    for _ in range(3):
        Store.open(path).close()
    with Store.open(path) as store:
        assert len(store.backups()) == 1


def test_restore_brings_back_a_backup_and_saves_the_current_content(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        _point(store)
        backup = store.backup(tmp_path / "before.db")
        with store.session() as session:
            library.create_point(session, topic="T", title="Added after the backup")
        safety = store.restore(backup)
        with store.session() as session:
            titles = [p.title for p in library.list_points(session)]
            assert [h.title for h in search.search(session, "plateau")] == ["Emigration plateau"]
    assert titles == ["Emigration plateau"]
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT count(*) FROM talking_point").fetchone() == (2,)


def test_restore_refuses_a_file_that_is_not_a_store(tmp_path):
    impostor = tmp_path / "impostor.db"
    impostor.write_text("not a database")
    with Store.open(tmp_path / "s.db") as store:
        _point(store)
        with pytest.raises(StoreError, match="is not a Briefer store"):
            store.restore(impostor)
        with store.session() as session:
            assert len(library.list_points(session)) == 1


def test_check_lists_a_broken_foreign_key_without_writing(tmp_path):
    path = tmp_path / "s.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(
            "INSERT INTO section (id, version, sample, created_at, updated_at, briefing_id,"
            " position, kind, title, intro) VALUES ('aa', 1, 0, '1987-01-01', '1987-01-01',"
            " 'missing', 0, 'summary', 'Orphan', '')"
        )
    mtime = path.stat().st_mtime_ns
    problems = check_store(path)
    assert any("foreign key: section" in p for p in problems)
    assert path.stat().st_mtime_ns == mtime


def test_two_threads_writing_one_file_both_succeed(tmp_path):
    """WAL and the busy timeout let a second writer wait instead of failing."""
    with Store.open(tmp_path / "s.db") as store:
        errors: list[Exception] = []

        def write(n: int) -> None:
            try:
                for k in range(20):
                    with store.session() as session:
                        library.create_point(session, topic="T", title=f"{n}-{k}")
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with store.session() as session:
            assert len(library.list_points(session)) == 40


def test_known_revisions_match_alembics_script_directory():
    """briefer.migrations.REVISIONS must list every revision, oldest first."""
    from alembic.script import ScriptDirectory

    from briefer.migrations import HEAD, REVISIONS
    from briefer.store import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    walked = [rev.revision for rev in script.walk_revisions()]
    assert tuple(reversed(walked)) == REVISIONS
    assert script.get_current_head() == HEAD


def _row_counts(path):
    with sqlite3.connect(path) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'search_fts%' AND name <> 'alembic_version'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_a_migration_that_rebuilds_a_table_keeps_every_row_that_refers_to_it(
    sample_sqlite, tmp_path
):
    """Down to the first revision and up to head again, on the sample workspace. 0005
    re-creates the briefing table on SQLite; with foreign keys on, that deleted every
    section, item and clearance of every briefing (caught on a real store)."""
    from briefer.store import _sqlite_engine

    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    before = _row_counts(path)
    assert before["section"] == 12 and before["clearance"] > 0
    engine = _sqlite_engine(path)
    migrate(engine, "0001", down=True)  # a store as the first release left it
    engine.dispose()
    older = _row_counts(path)
    assert "review_decision" not in older and "briefing_version" not in older
    assert {t: n for t, n in older.items()} == {t: before[t] for t in older}
    with Store.open(path) as store:  # opening it migrates it to head again
        assert current_revision(store.engine) == head_revision()
    assert _row_counts(path) == before
    assert check_store(path) == []
