"""Moving a library: copy a whole store to another (SQLite ↔ PostgreSQL, SQLite → SQLite).

All or nothing: every row is written in one transaction on the target, then the target is
read back — row counts, and a checksum of every key and every text of every table — and
compared with the source before the transaction commits. A new SQLite target that fails
verification is removed, so no half-written store is ever left behind.

Rows move through SQLAlchemy Core in table order (parents before children), so the same
code serves both dialects. The search table is copied without its surrogate key: each
target numbers its own rows and its own index (FTS5 triggers, GIN) picks them up.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Connection, String, Table, func, select
from sqlalchemy.exc import IntegrityError

from briefer.bulk import insert_rows
from briefer.errors import StoreError, ValidationError
from briefer.models import Base
from briefer.models.search_doc import search_doc
from briefer.models.store_info import APPLICATION_KEY
from briefer.models.sync_state import STORE_ID_KEY, SyncState
from briefer.store import Store, StoreTarget

CHUNK = 2_000
Progress = Callable[[str, int, int], None]  # (table, rows done, rows in all)


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)
    checksums: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def summary(self, where: str) -> str:
        """What was done, in the sentence the command line and the window both show."""
        return (
            f"Copied {self.total:,} rows in {len(self.rows)} tables to {where}; "
            "counts and checksums of every table verified."
        )


class VerificationFailed(StoreError):
    """The target did not read back as the source; nothing was kept."""


_LOCAL_TABLES = {"sync_state"}  # about this store's peers, never copied
_LOCAL_INFO = (APPLICATION_KEY, STORE_ID_KEY)  # each store says these of itself


def _tables() -> list[Table]:
    """Every table of the model, parents first; the search table last."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if t is not search_doc and t.name not in _LOCAL_TABLES
    ] + [search_doc]


def _versioned(tables: list[Table]) -> list[Table]:
    return [t for t in tables if "version" in t.c and "id" in t.c]


def _columns(table: Table) -> list[Any]:
    return [c for c in table.columns if not (table is search_doc and c.name == "doc_id")]


def _key_columns(table: Table) -> list[Any]:
    if table is search_doc:
        return [search_doc.c.ref_id]
    return list(table.primary_key.columns)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


# How each type of value is written for a checksum, the same whichever database it was read
# from; looked up by exact type (a million values go through here in a large copy).
_FORMATS: dict[type, Callable[[Any], str]] = {
    str: lambda v: v,
    int: str,
    float: repr,
    bool: lambda v: "1" if v else "0",
    type(None): lambda _v: "\x00",
    uuid.UUID: lambda v: v.hex,
    dt.datetime: lambda v: v.replace(tzinfo=None).isoformat(timespec="microseconds"),
    dt.date: lambda v: v.isoformat(),
    dict: _json,
    list: _json,
}


def _plain(value: Any) -> str:
    """One value as text, the same whichever database it was read from."""
    kind = type(value)
    format_ = _FORMATS.get(kind)
    if format_ is None:
        if isinstance(value, enum.Enum):
            format_ = _FORMATS[kind] = lambda v: str(v.value)
        else:
            format_ = str
    return format_(value)


def _rows(connection: Connection, table: Table) -> Iterable[Any]:
    query = select(*_columns(table)).order_by(*_key_columns(table))
    return connection.execute(query)


def _count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar() or 0


def _checked(table: Table) -> list[int]:
    """Which of a table's copied columns the checksum covers: its key and every text (names,
    text, markings, JSON) — what a person would miss if it arrived changed."""
    keys = {c.name for c in _key_columns(table)}
    return [
        n
        for n, column in enumerate(_columns(table))
        if column.name in keys or isinstance(column.type, (String, JSON))
    ]


def _self_references(table: Table) -> list[tuple[str, str]]:
    """(column, referenced column) of each foreign key a table has to itself, such as a
    briefing carried forward from another."""
    return [
        (fk.parent.name, fk.column.name) for fk in table.foreign_keys if fk.column.table is table
    ]


def _parents_first(
    rows: list[dict[str, Any]], references: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """The rows in an order in which each row's parent is written before it (keys are random
    UUIDs, so key order puts a carried-forward briefing before its original half the time,
    and the foreign key refuses it)."""
    pending, written, ordered = list(rows), set(), []
    keys = {key for _column, key in references}
    while pending:
        ready = [
            r
            for r in pending
            if all(r[column] is None or (key, r[column]) in written for column, key in references)
        ]
        if not ready:  # a cycle cannot be stored with immediate foreign keys: leave the order
            return ordered + pending
        ordered += ready
        written |= {(key, r[key]) for r in ready for key in keys}
        ready_ids = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in ready_ids]
    return ordered


def _digest_row(digest: Any, values: Iterable[Any]) -> None:
    digest.update("\x1f".join(_plain(v) for v in values).encode("utf-8"))
    digest.update(b"\x1e")


def checksum(connection: Connection, table: Table) -> str:
    """A digest of the key and every text of every row, in key order."""
    columns = _columns(table)
    positions = _checked(table)
    query = select(*(columns[n] for n in positions)).order_by(*_key_columns(table))
    digest = hashlib.sha256()
    for row in connection.execute(query):
        _digest_row(digest, row)
    return digest.hexdigest()


def is_empty(connection: Connection) -> bool:
    """No content at all (a freshly created store holds only facts about itself)."""
    for table in _tables():
        if table.name == "store_info":
            continue
        if _count(connection, table):
            return False
    return True


def copy_store(
    source: Store, target: Store, *, progress: Progress | None = None, verify: bool = True
) -> CopyReport:
    """Copy every row of ``source`` into the empty store ``target``, verified."""
    if source.target.url == target.target.url:
        raise ValidationError("The source and the target are the same store.")
    tables = _tables()
    report = CopyReport()
    with source.engine.connect() as read, target.engine.begin() as write:
        if not is_empty(write):
            raise ValidationError(
                f"{target.target.display} already holds data; copy into a new or empty store, "
                "or use --merge to merge by record."
            )
        info = Base.metadata.tables["store_info"]
        source_sums: dict[str, str] = {}
        total = sum(_count(read, t) for t in tables) - (
            read.execute(
                select(func.count()).select_from(info).where(info.c.key.in_(_LOCAL_INFO))
            ).scalar()
            or 0
        )
        done = 0
        for table in tables:
            columns = _columns(table)
            names = [c.name for c in columns]
            if table.name == "store_info":  # the target already says what it is
                write.execute(table.delete().where(table.c.key.not_in(_LOCAL_INFO)))
            batch: list[dict[str, Any]] = []
            copied = 0
            digest = hashlib.sha256()  # the source's checksum, taken as its rows stream by
            positions = _checked(table)
            references = _self_references(table)
            for row in _rows(read, table):
                if table.name == "store_info" and row[0] in _LOCAL_INFO:
                    continue
                _digest_row(digest, (row[n] for n in positions))
                batch.append(dict(zip(names, row, strict=True)))
                if len(batch) >= CHUNK and not references:
                    insert_rows(write, table, batch)
                    copied, done = copied + len(batch), done + len(batch)
                    batch = []
                    if progress:
                        progress(table.name, done, total)
            ordered = _parents_first(batch, references) if references else batch
            for start in range(0, len(ordered), CHUNK):
                chunk = ordered[start : start + CHUNK]
                insert_rows(write, table, chunk)
                copied, done = copied + len(chunk), done + len(chunk)
            report.rows[table.name] = copied
            source_sums[table.name] = digest.hexdigest()
            if progress:
                progress(table.name, done, total)
        if verify:
            _verify(read, write, tables, report, source_sums)
        shared = _versions(read, tables)  # what the two now hold in common
        _agree(write, store_id(source), shared)
    with source.engine.begin() as connection:  # the source remembers the agreement too
        _agree(connection, store_id(target), shared)
    return report


# ------------------------------------------------------------------ what two stores share


def store_id(store: Store) -> str:
    """This store's own id (made on first use), by which its peers remember it."""
    found = store.info(STORE_ID_KEY)
    if found is None:
        found = str(uuid.uuid4())
        store.set_info(STORE_ID_KEY, found)
    return found


def _versions(connection: Connection, tables: list[Table]) -> dict[tuple[str, Any], int]:
    versions = {}
    for table in _versioned(tables):
        for record_id, version in connection.execute(select(table.c.id, table.c.version)):
            versions[(table.name, record_id)] = version
    return versions


def _agree(connection: Connection, peer: str, versions: dict[tuple[str, Any], int]) -> None:
    """Note the versions this store now has in common with ``peer``."""
    state = SyncState.__table__
    connection.execute(state.delete().where(state.c.peer_id == peer))
    rows = [
        {"peer_id": peer, "table_name": name, "record_id": record_id, "version": version}
        for (name, record_id), version in versions.items()
    ]
    for start in range(0, len(rows), CHUNK * 5):
        insert_rows(connection, state, rows[start : start + CHUNK * 5])


def _common(connection: Connection, peer: str) -> dict[tuple[str, Any], int]:
    state = SyncState.__table__
    return {
        (name, record_id): version
        for name, record_id, version in connection.execute(
            select(state.c.table_name, state.c.record_id, state.c.version).where(
                state.c.peer_id == peer
            )
        )
    }


def _verify(
    read: Connection,
    write: Connection,
    tables: list[Table],
    report: CopyReport,
    source_sums: dict[str, str],
) -> None:
    """Counts and checksums of the target (inside its transaction) against the source's,
    taken while its rows were read."""
    for table in tables:
        if table.name == "store_info":
            continue
        wanted, got = _count(read, table), _count(write, table)
        if wanted != got:
            raise VerificationFailed(
                f"Copy refused: table {table.name} has {got} rows in the target but {wanted} "
                "in the source. Nothing was kept in the target."
            )
        target_sum = checksum(write, table)
        if source_sums[table.name] != target_sum:
            raise VerificationFailed(
                f"Copy refused: the values of table {table.name} differ between the source "
                "and the target after copying. Nothing was kept in the target."
            )
        report.checksums[table.name] = target_sum


def copy_between(
    source_db: str | StoreTarget,
    target_db: str,
    *,
    progress: Progress | None = None,
    source_passphrase: str | None = None,
    target_passphrase: str | None = None,
    encrypt: bool = False,
) -> tuple[CopyReport, str]:
    """Open both stores (creating the target, encrypted with ``target_passphrase`` when
    ``encrypt``) and copy; a new SQLite target that is not completed is deleted again.
    Returns the report and the target's display name."""
    from briefer.store import resolve_target

    source = Store.open(source_db, create=False, auto_backup=False, passphrase=source_passphrase)
    try:
        where = resolve_target(target_db)
        created = where.path is not None and not where.path.exists()
        target = Store.open(where, auto_backup=False, passphrase=target_passphrase, encrypt=encrypt)
        try:
            report = copy_store(source, target, progress=progress)
        except BaseException:
            target.close()
            if created and where.path is not None:
                for suffix in ("", "-wal", "-shm"):
                    where.path.with_name(where.path.name + suffix).unlink(missing_ok=True)
            raise
        target.close()
        return report, where.display
    finally:
        source.close()


# ------------------------------------------------------------------ merging


@dataclass
class MergeReport:
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    conflicts: list[dict[str, str]] = field(default_factory=list)

    def count(self, what: dict[str, int]) -> int:
        return sum(what.values())

    def summary(self, where: str) -> str:
        """What was done, in the sentence the command line and the window both show."""
        return (
            f"Merged into {where}: {self.count(self.inserted):,} added, "
            f"{self.count(self.updated):,} updated, {len(self.conflicts)} conflict(s) left "
            "as they were; every record written was read back and verified."
        )


def _title_of(row: dict[str, Any]) -> str:
    for key in ("title", "primary_name", "name", "their_point", "text", "status", "office"):
        if row.get(key):
            return " ".join(str(row[key]).split())[:80]
    return ""


def merge_store(source: Store, target: Store, *, progress: Progress | None = None) -> MergeReport:
    """Merge ``source`` into ``target`` record by record (by UUID).

    A record only the source has is added. Where both have it, the source's version is
    taken only when it is newer *and* the target still holds the version the two last had
    in common; where both changed it since (or they never shared one and now differ) it is
    a conflict: reported, and left as it was. One transaction; every record written is read
    back and compared before it commits.
    """
    if source.target.url == target.target.url:
        raise ValidationError("The source and the target are the same store.")
    tables = _tables()
    report = MergeReport()
    source_id, target_id = store_id(source), store_id(target)
    try:
        agreed = _merge(source, target, source_id, tables, report, progress)
    except IntegrityError as exc:
        raise ValidationError(
            "Merge refused: a record of the source refers to one the target no longer has "
            f"({str(exc.orig).splitlines()[0]}). Nothing was changed in the target."
        ) from exc
    with source.engine.begin() as connection:
        _agree(connection, target_id, agreed)
    return report


def _merge(
    source: Store,
    target: Store,
    source_id: str,
    tables: list[Table],
    report: MergeReport,
    progress: Progress | None,
) -> dict[tuple[str, Any], int]:
    with source.engine.connect() as read, target.engine.begin() as write:
        common = _common(write, source_id)
        total = sum(_count(read, t) for t in _versioned(tables))
        done = 0
        written: list[tuple[Table, Any]] = []
        for table in _versioned(tables):
            names = [c.name for c in _columns(table)]
            theirs = {row[0]: row for row in write.execute(select(table.c.id, table.c.version))}
            rows: Iterable[dict[str, Any]] = (
                dict(zip(names, row, strict=True)) for row in _rows(read, table)
            )
            references = _self_references(table)
            if references:  # a new briefing carried from another new one: the original first
                rows = _parents_first(list(rows), references)
            for values in rows:
                record_id, version = values["id"], values["version"]
                done += 1
                mine = theirs.get(record_id)
                if mine is None:
                    write.execute(table.insert(), [values])
                    report.inserted[table.name] = report.inserted.get(table.name, 0) + 1
                    written.append((table, record_id))
                    continue
                target_version = mine[1]
                last = common.get((table.name, record_id))
                if version == target_version and (last == version or _same(write, table, values)):
                    continue  # the same state on both sides
                if last is not None and version == last:
                    continue  # only the target changed it: keep the target's
                if last is not None and target_version == last and version > last:
                    write.execute(table.update().where(table.c.id == record_id).values(values))
                    report.updated[table.name] = report.updated.get(table.name, 0) + 1
                    written.append((table, record_id))
                    continue
                report.conflicts.append(
                    {
                        "table": table.name,
                        "id": str(record_id),
                        "title": _title_of(values),
                        "reason": "changed on both sides since the last merge"
                        if last is not None
                        else "the two stores hold different versions and never shared one",
                    }
                )
            if progress:
                progress(table.name, done, total)
        _merge_unversioned(read, write, tables, {rid for _t, rid in written})
        for table, record_id in written:  # read back what was written
            wanted = read.execute(select(*_columns(table)).where(table.c.id == record_id)).one()
            got = write.execute(select(*_columns(table)).where(table.c.id == record_id)).one()
            if [_plain(v) for v in wanted] != [_plain(v) for v in got]:
                raise VerificationFailed(
                    f"Merge refused: record {record_id} of {table.name} did not read back as "
                    "copied. Nothing was changed in the target."
                )
        # What the two now share: the version both hold, where they hold the same one;
        # elsewhere (the target's own newer edit, a conflict) the last common version stays.
        conflicted = {(c["table"], uuid.UUID(c["id"])) for c in report.conflicts}
        in_source, in_target = _versions(read, tables), _versions(write, tables)
        agreed = dict(common)
        for key, version in in_source.items():
            if in_target.get(key) == version and key not in conflicted:
                agreed[key] = version
        _agree(write, source_id, agreed)
    return agreed


def _same(connection: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Equal versions on both sides may still be different edits (both changed one common
    version once each): compare the values themselves."""
    stored = connection.execute(select(*_columns(table)).where(table.c.id == values["id"])).one()
    ignored = {"updated_at"}
    names = [c.name for c in _columns(table)]
    return all(
        _plain(a) == _plain(values[n])
        for n, a in zip(names, stored, strict=True)
        if n not in ignored
    )


def _merge_unversioned(
    read: Connection, write: Connection, tables: list[Table], changed: set[Any]
) -> None:
    """Revisions the target lacks are added; search rows follow the records written."""
    revision = Base.metadata.tables["revision"]
    have = {row[0] for row in write.execute(select(revision.c.id))}
    names = [c.name for c in _columns(revision)]
    new = [
        dict(zip(names, row, strict=True)) for row in _rows(read, revision) if row[0] not in have
    ]
    for start in range(0, len(new), CHUNK):
        write.execute(revision.insert(), new[start : start + CHUNK])
    if changed:
        names = [c.name for c in _columns(search_doc)]
        for row in _rows(read, search_doc):
            values = dict(zip(names, row, strict=True))
            if values["ref_id"] in changed:
                write.execute(search_doc.delete().where(search_doc.c.ref_id == values["ref_id"]))
                write.execute(search_doc.insert(), [values])


def merge_between(
    source_db: str | StoreTarget,
    target_db: str,
    *,
    progress: Progress | None = None,
    source_passphrase: str | None = None,
    target_passphrase: str | None = None,
) -> tuple[MergeReport, str]:
    source = Store.open(source_db, create=False, auto_backup=False, passphrase=source_passphrase)
    try:
        target = Store.open(target_db, auto_backup=False, passphrase=target_passphrase)
        try:
            return merge_store(source, target, progress=progress), target.target.display
        finally:
            target.close()
    finally:
        source.close()
