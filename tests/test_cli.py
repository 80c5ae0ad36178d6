"""The ``briefer`` command driven as a real subprocess, as a user or a script would."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE


def briefer(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture
def sample_db(sample_sqlite, tmp_path) -> str:
    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    path.chmod(0o600)
    return str(path)


def test_version_and_help():
    result = briefer("--version")
    assert result.returncode == 0 and result.stdout.startswith("Briefer ")
    assert "demo" in briefer("--help").stdout


def test_usage_errors_exit_2():
    assert briefer("list", "memos").returncode == 2
    assert briefer("frobnicate").returncode == 2


def test_demo_then_list_briefings_as_json(empty_store_url):
    first = briefer("--db", empty_store_url, "demo")
    assert first.returncode == 0, first.stderr
    assert "Built the sample workspace" in first.stdout
    again = briefer("--db", empty_store_url, "demo")
    assert again.returncode == 0 and "Already there" in again.stdout
    listed = briefer("--db", empty_store_url, "list", "briefings", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["title"], r["marking"]) for r in rows] == [
        (SAMPLE_BRIEFING_TITLE, "SECRET/SENSITIVE")
    ]
    assert all("id" in r for r in rows)


@pytest.mark.parametrize(
    "kind", ["events", "points", "counters", "pd", "cases", "lists", "templates"]
)
def test_every_list_kind_prints_json_with_id_and_a_name(sample_db, kind):
    result = briefer("--db", sample_db, "list", kind, "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all("id" in r and ("title" in r or "name" in r) for r in rows)
    if kind != "templates":
        assert rows


def test_search_json_uses_the_windows_search(sample_db):
    result = briefer("--db", sample_db, "search", "Sharansky", "--kind", "case", "--json")
    assert result.returncode == 0, result.stderr
    assert [(h["kind"], h["title"]) for h in json.loads(result.stdout)] == [
        ("case", "Anatoly Shcharanskiy")
    ]


def test_check_is_read_only_and_reports_soundness(sample_db):
    before = Path(sample_db).read_bytes()
    result = briefer("--db", sample_db, "check")
    assert result.returncode == 0 and "sound" in result.stdout
    assert Path(sample_db).read_bytes() == before


def test_check_lists_problems_and_exits_1(sample_db):
    with sqlite3.connect(sample_db) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE section SET briefing_id = 'gone' WHERE rowid = 1")
    result = briefer("--db", sample_db, "check")
    assert result.returncode == 1
    assert "foreign key: section" in result.stderr


def test_ambiguous_briefing_title_exits_1_listing_ids(sample_db):
    from briefer.services import briefings, events
    from briefer.store import Store

    with Store.open(sample_db) as store, store.session() as session:
        event = events.get_event(session, "Washington summit")
        copies = [
            briefings.create_briefing(session, event, title="Talking points card", sample=True)
            for _ in range(2)
        ]
        ids = {str(b.id) for b in copies}
    result = briefer(
        "--db",
        sample_db,
        "--open",
        "Talking points card",
        "--exit-when-ready",
        env_extra={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    assert "2 briefings are titled 'Talking points card'" in result.stderr
    assert all(i in result.stderr for i in ids)
    by_id = briefer(
        "--db",
        sample_db,
        "--open",
        sorted(ids)[0],
        "--exit-when-ready",
        env_extra={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert by_id.returncode == 0, by_id.stderr


@pytest.mark.parametrize("kind", ["text", "truncated", "directory"])
def test_bad_db_gets_one_line_exit_1_and_is_untouched(tmp_path, kind):
    if kind == "text":
        target = tmp_path / "notes.db"
        target.write_text("These are my notes, not a database.\n")
    elif kind == "truncated":
        target = tmp_path / "t.db"
        assert briefer("--db", str(target), "demo").returncode == 0
        with sqlite3.connect(target) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
        target.write_bytes(target.read_bytes()[:40_000])
    else:
        target = tmp_path / "folder"
        target.mkdir()
    before = target.read_bytes() if target.is_file() else None
    for command in (["list", "briefings"], ["check"], ["demo"]):
        result = briefer("--db", str(target), *command)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert "is not a Briefer store" in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2
    if before is not None:
        assert target.read_bytes() == before


def test_backup_and_restore_round_trip(sample_db, tmp_path):
    backup = tmp_path / "copy.db"
    made = briefer("--db", sample_db, "backup", str(backup))
    assert made.returncode == 0, made.stderr
    assert backup.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(sample_db) as conn:
        conn.execute("DELETE FROM case_status_event")
    restored = briefer("--db", sample_db, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(sample_db) as conn:
        assert conn.execute("SELECT count(*) FROM case_status_event").fetchone()[0] > 40


def test_restore_refuses_a_non_store(sample_db, tmp_path):
    impostor = tmp_path / "impostor.db"
    impostor.write_text("hello")
    result = briefer("--db", sample_db, "restore", str(impostor))
    assert result.returncode == 1 and "is not a Briefer store" in result.stderr


def test_briefer_db_environment_variable_selects_the_store(sample_db):
    result = briefer("list", "briefings", "--json", env_extra={"BRIEFER_DB": sample_db})
    assert json.loads(result.stdout)[0]["title"] == SAMPLE_BRIEFING_TITLE


def test_unreachable_postgres_is_a_clear_error():
    result = briefer("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "list", "events")
    assert result.returncode == 1
    assert "Cannot open the store at postgresql+psycopg://nobody@127.0.0.1:1/none" in result.stderr
    assert "Traceback" not in result.stderr
