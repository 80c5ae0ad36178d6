"""``briefer delete`` and ``briefer rename`` as a script or a person at a terminal runs them."""

from __future__ import annotations

import json

import pytest

from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from tests.test_cli import briefer

USED_POINT = "Keep the lists few, small and accurate"


@pytest.fixture
def sample_db(sample_sqlite, tmp_path) -> str:
    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    path.chmod(0o600)
    return str(path)


def _titles(db: str, kind: str) -> list[str]:
    listed = briefer("--db", db, "list", kind, "--json")
    assert listed.returncode == 0, listed.stderr
    return [row["title"] for row in json.loads(listed.stdout)]


def test_delete_without_yes_says_what_would_go_and_deletes_nothing(sample_db):
    result = briefer("--db", sample_db, "delete", "point", USED_POINT)
    assert result.returncode == 1
    assert f"Delete the talking point '{USED_POINT}'?" in result.stdout
    assert f"'{SAMPLE_BRIEFING_TITLE}'" in result.stdout and "local copy" in result.stdout
    assert result.stderr.strip() == "briefer: Nothing was deleted; add --yes to delete it."
    assert USED_POINT in _titles(sample_db, "points")


def test_delete_with_yes_deletes_and_reports_what_went_and_what_stayed(sample_db):
    result = briefer("--db", sample_db, "delete", "point", USED_POINT, "--yes")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Deleted the talking point '{USED_POINT}'")
    assert f"1 briefing keeps a local copy: '{SAMPLE_BRIEFING_TITLE}'" in result.stdout
    assert USED_POINT not in _titles(sample_db, "points")
    again = briefer("--db", sample_db, "delete", "point", USED_POINT, "--yes")
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        f"briefer: No talking point has the id or title '{USED_POINT}'."
    ]


def test_delete_an_event_by_id_takes_its_briefings(sample_db):
    listed = json.loads(briefer("--db", sample_db, "list", "briefings", "--json").stdout)
    event = listed[0]["event"]
    events = json.loads(briefer("--db", sample_db, "list", "events", "--json").stdout)
    event_id = next(e["id"] for e in events if e["title"] == event)
    result = briefer("--db", sample_db, "delete", "event", event_id, "--yes")
    assert result.returncode == 0, result.stderr
    assert f"its 1 briefing '{SAMPLE_BRIEFING_TITLE}'" in result.stdout
    assert _titles(sample_db, "briefings") == []


def test_rename_then_refusals_are_one_line(sample_db):
    result = briefer("--db", sample_db, "rename", "briefing", SAMPLE_BRIEFING_TITLE, "Spring book")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == f"Renamed the briefing '{SAMPLE_BRIEFING_TITLE}' to 'Spring book'."
    )
    assert _titles(sample_db, "briefings") == ["Spring book"]
    empty = briefer("--db", sample_db, "rename", "list", "All known refuseniks", " ")
    assert empty.returncode == 1 and empty.stderr.strip() == "briefer: List name cannot be empty."
    unknown = briefer("--db", sample_db, "rename", "case", "Nobody at all", "Somebody")
    assert unknown.returncode == 1 and len(unknown.stderr.strip().splitlines()) == 1
    usage = briefer("--db", sample_db, "delete", "memo", "x")
    assert usage.returncode == 2


@pytest.mark.parametrize(("answer", "deleted"), [("y\n", True), ("\n", False)])
def test_at_a_terminal_delete_asks_first(sample_db, answer, deleted):
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    os.write(controller, answer.encode())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefer",
            "--db",
            sample_db,
            "delete",
            "pd",
            "Human rights was at the top of our agenda for the summit.",
        ],
        stdin=terminal,
        capture_output=True,
        text=True,
        timeout=300,
    )
    os.close(terminal)
    os.close(controller)
    assert "Delete it? [y/N]" in result.stdout
    assert result.returncode == (0 if deleted else 1), result.stderr
    assert ("Deleted the public-diplomacy point" in result.stdout) is deleted
    if not deleted:
        assert result.stderr.strip() == "briefer: Nothing was deleted."
