"""List hygiene: each rule on constructed data (both dialects), the sample's deliberate
problems, and `briefer lists check --json`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from briefer.services import cases, events
from briefer.services.hygiene import RULES, check_lists

TODAY = date(1987, 12, 20)


def _case(session, name, status, on):
    case = cases.create_case(session, primary_name=name, category="refusenik")
    cases.add_status(session, case, occurred_on=on, status=status, source="Embassy Moscow")
    return case


def test_each_rule_fires_on_what_it_names(store):
    with store.session() as session:
        fresh = _case(session, "Fresh Case", "refused", "1987-11-01")
        gone = _case(session, "Emigrated Case", "emigrated", "1987-10-02")
        quiet = _case(session, "Quiet Case", "refused", "1984-03-01")
        a = cases.create_list(session, name="A", kind="representation", forum="Moscow review")
        b = cases.create_list(session, name="B", kind="priority", forum="Moscow review")
        for case in (fresh, gone, quiet):
            cases.add_to_list(session, a, case)
        cases.add_to_list(session, b, fresh)
        events.create_event(session, title="E", kind="case review", starts_on="1987-11-17")
    with store.session() as session:
        found = {(w.rule, w.list, w.case) for w in check_lists(session, TODAY, max_names=2)}
    assert found == {
        ("too-many-names", "A", None),
        ("closed-but-listed", "A", "Emigrated Case"),
        ("no-recent-update", "A", "Quiet Case"),
        ("same-forum", "A", "Fresh Case"),
        ("same-forum", "B", "Fresh Case"),
    }


def test_a_tidy_list_gives_no_warning(store):
    with store.session() as session:
        case_list = cases.create_list(session, name="Tidy", kind="priority", forum="Summit")
        cases.add_to_list(session, case_list, _case(session, "Recent", "pending", "1987-12-01"))
    with store.session() as session:
        assert check_lists(session, TODAY) == []


def test_the_sample_workspace_holds_one_problem_of_each_kind(sample_store):
    with sample_store.session() as session:
        warnings = check_lists(session, sample_store.today())
    rules = {w.rule for w in warnings}
    assert rules == set(RULES)
    closed = {w.case for w in warnings if w.rule == "closed-but-listed"}
    assert "Grigory Semyonovich Voronel" in closed
    assert {w.case for w in warnings if w.rule == "same-forum"} == {"Mikhail Abramovich Berezin"}


def test_lists_check_json_on_the_command_line(sample_sqlite, tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "--db", str(path), "lists", "check", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(set(r) == {"rule", "list", "case", "message"} for r in rows)
    assert {r["rule"] for r in rows} == set(RULES)
