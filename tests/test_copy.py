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


def _fingerprint(db: str, passphrase: str | None = None) -> dict[str, list[list[str]]]:
    """Every value of every row of every table (stricter than the copy's own checksum of
    keys and texts)."""
    with (
        Store.open(db, auto_backup=False, passphrase=passphrase) as store,
        store.engine.connect() as connection,
    ):
        return {  # each store keeps its own id in store_info: compared through is_sample/as_of
            t.name: [[store_copy._plain(v) for v in row] for row in store_copy._rows(connection, t)]
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

    def corrupt_target(connection, table):  # as if a value changed on its way in
        value = real(connection, table)
        return value + "!" if table.name == "case" else value

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


def _edit(db, fn):
    with Store.open(db, auto_backup=False) as store, store.session() as session:
        return fn(session)


def test_merge_takes_newer_records_keeps_the_targets_and_reports_conflicts(request, sample_path):
    from briefer.services import cases, library

    postgres = new_postgres_db(request, from_template=False)
    store_copy.copy_between(sample_path, postgres)  # the office's shared library
    # Then, apart: the laptop revises one point and adds a case; the office revises another
    # point; both change the same case.
    _edit(
        sample_path,
        lambda s: library.update_point(
            s, library.get_point(s, "Glasnost within limits"), body="Laptop's text."
        ),
    )
    _edit(
        sample_path,
        lambda s: cases.create_case(s, primary_name="Елена Боннэр", category="Helsinki monitor"),
    )
    _edit(
        postgres,
        lambda s: library.update_point(
            s, library.get_point(s, "Foreign literature"), body="Office's text."
        ),
    )
    for db, where in ((sample_path, "Gorky"), (postgres, "Moscow")):
        _edit(
            db,
            lambda s, w=where: cases.update_case(
                s, cases.get_case(s, "Anatoly Shcharanskiy"), location=w
            ),
        )

    report, _where = store_copy.merge_between(sample_path, postgres)
    assert report.inserted == {"case": 1}
    assert report.updated == {"talking_point": 1}
    assert [(c["table"], c["title"]) for c in report.conflicts] == [
        ("case", "Anatoly Shcharanskiy")
    ]

    def office(session):
        return (
            library.get_point(session, "Glasnost within limits").body,
            library.get_point(session, "Foreign literature").body,
            cases.get_case(session, "Anatoly Shcharanskiy").location,
            [h.title for h in search(session, "Боннэр", ("case",))],
            len(library.history(session, library.get_point(session, "Glasnost within limits"))),
        )

    assert _edit(postgres, office) == (
        "Laptop's text.",
        "Office's text.",
        "Moscow",  # the conflict is left as it was
        ["Елена Боннэр"],
        2,  # the laptop's revision came with it
    )
    again, _ = store_copy.merge_between(sample_path, postgres)
    assert (again.inserted, again.updated) == ({}, {})
    assert [c["title"] for c in again.conflicts] == ["Anatoly Shcharanskiy"]  # still both changed


def test_merge_on_the_command_line_exits_1_while_conflicts_remain(sample_path, tmp_path):
    from briefer.services import cases

    target = str(tmp_path / "office.db")
    assert briefer("copy", "--from", sample_path, "--to", target).returncode == 0
    for db, where in ((sample_path, "Gorky"), (target, "Moscow")):
        _edit(
            db,
            lambda s, w=where: cases.update_case(
                s, cases.get_case(s, "Anatoly Shcharanskiy"), location=w
            ),
        )
    merged = briefer("copy", "--merge", "--from", sample_path, "--to", target)
    assert merged.returncode == 1
    assert "0 added, 0 updated, 1 conflict(s) left as they were" in merged.stdout
    assert "conflict: case" in merged.stderr and "Anatoly Shcharanskiy" in merged.stderr


def _carry_until_sorted_before(db: str, times: int = 40, *, twice: bool = False) -> str:
    """Carry the sample briefing forward (``twice``: and that copy forward again) until the
    last copy's random id sorts before the briefing it came from: the order in which a copy
    reads rows by key (half the ids do)."""
    from briefer.services.briefings import get_briefing
    from briefer.services.carry_forward import carry_forward
    from briefer.services.events import create_event

    with Store.open(db, auto_backup=False) as store, store.session() as session:
        event = create_event(session, title="Moscow summit", kind="summit", starts_on="1988-05-29")
        original = get_briefing(session, "Human Rights Between Summits")
        for n in range(times):
            parent = original
            if twice:
                parent = carry_forward(session, event, original, title=f"Between {n}")
                session.flush()
            carried = carry_forward(session, event, parent, title=f"Carried {n}")
            session.flush()
            if carried.id.hex < parent.id.hex:
                return carried.title
    raise AssertionError("no carried-forward briefing sorted before its original")


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_briefing_carried_forward_is_copied_whatever_order_its_id_sorts_in(
    request, dialect, sample_path, tmp_path
):
    """Found by the window's screenshots: a carried-forward briefing whose id sorted before
    its original's was refused by the foreign key, and the copy failed half the time."""
    title = _carry_until_sorted_before(sample_path)
    target = (
        str(tmp_path / "copy.db")
        if dialect == "sqlite"
        else new_postgres_db(request, from_template=False)
    )
    store_copy.copy_between(sample_path, target)
    assert _fingerprint(target) == _fingerprint(sample_path)
    with Store.open(target, auto_backup=False) as store, store.session() as session:
        from briefer.services.briefings import get_briefing

        assert get_briefing(session, title).carried_from_id is not None


def test_merge_adds_a_carried_forward_briefing_after_its_original(sample_path, tmp_path):
    office = str(tmp_path / "office.db")
    store_copy.copy_between(sample_path, office)
    title = _carry_until_sorted_before(sample_path, twice=True)  # both new to the office
    report, _where = store_copy.merge_between(sample_path, office)
    assert report.conflicts == [] and report.inserted["briefing"] >= 1
    with Store.open(office, auto_backup=False) as store, store.session() as session:
        from briefer.services.briefings import get_briefing

        assert get_briefing(session, title).carried_from_id is not None
