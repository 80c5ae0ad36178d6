"""Case review sessions: replies as counterpart claims, discrepancies, the CSV import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefer.services import cases, events
from briefer.services.review_session import (
    COUNTERPART_CLAIM,
    ImportRefused,
    discrepancies,
    import_replies,
    presented_lists,
    record_reply,
)


@pytest.fixture
def review(store):
    with store.session() as session:
        event = events.create_event(
            session, title="Case review, Moscow", kind="case review", starts_on="1988-02-10"
        )
        prisoner = cases.create_case(
            session,
            primary_name="Pavel Lisitsyn",
            category="political prisoner",
            name_variants=["Павел Лисицын"],
        )
        cases.add_status(
            session,
            prisoner,
            occurred_on="1988-01-20",
            status="imprisoned",
            source="Letter from family",
            reliability="confirmed",
        )
        refusenik = cases.create_case(session, primary_name="Semyon Kagan", category="refusenik")
        cases.add_status(
            session,
            refusenik,
            occurred_on="1987-06-01",
            status="refused",
            source="Embassy Moscow",
            reliability="confirmed",
        )
        case_list = cases.create_list(session, name="Prisoners", kind="representation")
        cases.add_to_list(session, case_list, prisoner)
        cases.add_presentation(session, case_list, event)
        return str(event.id)


def test_a_reply_is_a_counterpart_claim_linked_to_the_session(store, review):
    with store.session() as session:
        event = events.get_event(session, review)
        assert [cl.name for cl in presented_lists(session, event)] == ["Prisoners"]
        case = cases.get_case(session, "Semyon Kagan")
        reply, discrepancy = record_reply(session, event, case, "refused", "No change.")
        assert (reply.reliability, reply.event_id, str(reply.occurred_on)) == (
            COUNTERPART_CLAIM,
            event.id,
            "1988-02-10",
        )
        assert reply.source == "Case review, Moscow — counterpart reply"
        assert discrepancy is None  # agrees with the embassy
        assert case.latest_status is reply


def test_a_contradicting_reply_is_a_discrepancy(store, review):
    with store.session() as session:
        event = events.get_event(session, review)
        case = cases.get_case(session, "Pavel Lisitsyn")
        _reply, discrepancy = record_reply(session, event, case, "released")
        assert discrepancy is not None
        assert "says 'released'" in discrepancy.message
        assert "Letter from family reported 'imprisoned' on 1988-01-20" in discrepancy.message
        assert [d.case for d in discrepancies(session, event)] == ["Pavel Lisitsyn"]


def test_import_replies_matches_names_in_any_spelling(store, review, tmp_path):
    csv_file = tmp_path / "replies.csv"
    csv_file.write_text(
        "\ufeffcase,status,date,note\n"
        "Павел Лисицын,released,1988-02-10,Released in January they say\n"
        "Semyon Kagan,refused,,Secrecy\n",
        encoding="utf-8",
    )
    with store.session() as session:
        event = events.get_event(session, review)
        rows, found = import_replies(session, event, csv_file)
        assert [(r.case.primary_name, r.status) for r in rows] == [
            ("Pavel Lisitsyn", "released"),
            ("Semyon Kagan", "refused"),
        ]
        assert [d.case for d in found] == ["Pavel Lisitsyn"]
        assert str(rows[1].on) == "1988-02-10"  # empty date: the session's


def test_bad_rows_are_all_reported_and_nothing_is_written(store, review, tmp_path):
    csv_file = tmp_path / "replies.csv"
    csv_file.write_text(
        "case,status,date,note\n"
        "Semyon Kagan,released,1988-02-10,\n"
        "Nobody Known,released,,\n"
        "Semyon Kagan,vanished,,\n"
        "Semyon Kagan,released,10 Feb,\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused) as refused, store.session() as session:
        import_replies(session, events.get_event(session, review), csv_file)
    assert [line for line, _ in refused.value.problems] == [3, 4, 5]
    assert "no case is named 'Nobody Known'" in str(refused.value)
    with store.session() as session:
        assert cases.get_case(session, "Semyon Kagan").latest_status.status == "refused"


def test_import_replies_on_the_command_line_with_dry_run(sample_sqlite, tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    csv_file = tmp_path / "replies.csv"
    csv_file.write_text("case,status,date,note\nWashington nobody,released,,\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "briefer",
        "--db",
        str(path),
        "import",
        "replies",
        "Case review session, Moscow",
        str(csv_file),
    ]
    bad = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "line 2: no case is named" in bad.stderr
    csv_file.write_text(
        "case,status,date,note\nShcharansky,emigrated,1987-12-01,\n", encoding="utf-8"
    )
    dry = subprocess.run([*command, "--dry-run"], capture_output=True, text=True, timeout=120)
    assert dry.returncode == 0 and "1 reply would import" in dry.stdout
    real = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert real.returncode == 0 and "1 reply imported" in real.stdout
    assert "discrepancy: Anatoly Shcharanskiy" in real.stdout
