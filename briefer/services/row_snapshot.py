"""Delete records with everything that goes with them, keeping the exact rows to put back.

A delete in Briefer reaches further than one row: a briefing's sections, items, versions and
clearances go with it (``ON DELETE CASCADE``), a case list's sections in briefings lose their
reference to it (``SET NULL``), and a library entry's search row and revision history live in
tables that no foreign key ties to it. :class:`Removal` follows the schema's own foreign keys
(plus the references a caller names) to find every such row *before* anything is written, so
that a confirmation can say what will go, and so that :func:`restore` can write every row
back — same ids, same values, same version counters — in one unit of work.

Only SQLAlchemy Core over ``Base.metadata`` is used: the ORM's cascades and flush hooks would
renumber versions and rewrite history rows that an exact restore must leave as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from briefer.errors import ConflictError
from briefer.models import Base

_CHUNK = 500  # ids per IN (…): well inside every dialect's limit on bound parameters


@dataclass(frozen=True)
class RowChange:
    """A row the delete changed rather than removed: its values before, and the version
    counter it had afterwards (a restore writes it back only if nobody changed it since)."""

    table: str
    before: dict[str, Any]
    version_after: int | None


@dataclass(frozen=True)
class RowSnapshot:
    """The rows a delete removed, parents first, and the rows it changed; ``root`` names
    the records the person deleted (table, ids)."""

    root: tuple[str, tuple[Any, ...]]
    removed: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    changed: tuple[RowChange, ...]

    def rows(self, table: str) -> tuple[dict[str, Any], ...]:
        return next((rows for name, rows in self.removed if name == table), ())

    def count(self, table: str) -> int:
        return len(self.rows(table))


@dataclass(frozen=True)
class Restored:
    rows: int
    skipped: tuple[str, ...]  # what could not be put back as it was, in words


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key(table: Table) -> Column[Any]:
    (column,) = table.primary_key.columns
    return column


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) == _CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _references_to(table: Table) -> Iterator[tuple[Table, Column[Any], str]]:
    """(child table, its column, ON DELETE rule) for every foreign key pointing at ``table``."""
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is table:
                yield child, fk.parent, (fk.ondelete or "").upper()


class Removal:
    """The rows one delete takes or changes, found by reading only; :meth:`apply` writes.

    ``through_restrict`` lets a delete follow a ``RESTRICT`` key as if it cascaded (an
    event's briefings go with the event, once the person has been told).
    """

    def __init__(self, session: Session, *, through_restrict: bool = False):
        self.session = session
        self.through_restrict = through_restrict
        self.removed: dict[str, dict[Any, dict[str, Any]]] = {}
        self.root: tuple[str, tuple[Any, ...]] | None = None
        self.changes: dict[str, dict[Any, dict[str, Any]]] = {}

    # ------------------------------------------------------------ finding

    def remove(self, table: Table, ids: Iterable[Any]) -> None:
        """These rows, and what the schema deletes or clears with them."""
        bucket = self.removed.setdefault(table.name, {})
        wanted = [i for i in dict.fromkeys(ids) if i not in bucket]
        if self.root is None:
            self.root = (table.name, tuple(wanted))
        if not wanted:
            return
        key = _key(table)
        for batch in _chunks(wanted):
            for row in self.session.execute(select(table).where(key.in_(batch))).mappings():
                bucket[row[key.name]] = dict(row)
        for child, column, ondelete in _references_to(table):
            child_key = _key(child)
            found: list[Any] = []
            for batch in _chunks(wanted):
                found += self.session.scalars(select(child_key).where(column.in_(batch))).all()
            if ondelete == "SET NULL":
                for child_id in found:
                    self.changes.setdefault(child.name, {}).setdefault(child_id, {})[
                        column.name
                    ] = None
            elif ondelete == "CASCADE" or self.through_restrict:
                self.remove(child, found)

    def remove_where(self, table: Table, condition: Any) -> None:
        """Rows tied to the deleted ones by something other than a foreign key."""
        self.remove(table, self.session.scalars(select(_key(table)).where(condition)).all())

    def change_where(self, table: Table, condition: Any, values: dict[str, Any]) -> None:
        """Rows that stay but are changed by the delete (e.g. unlinked from it)."""
        for row_id in self.session.scalars(select(_key(table)).where(condition)).all():
            self.changes.setdefault(table.name, {}).setdefault(row_id, {}).update(values)

    def ids(self, table: str) -> list[Any]:
        return list(self.removed.get(table, {}))

    def changed_ids(self, table: str) -> list[Any]:
        removed = self.removed.get(table, {})
        return [i for i in self.changes.get(table, {}) if i not in removed]

    def rows(self, table: str) -> list[dict[str, Any]]:
        return list(self.removed.get(table, {}).values())

    # ------------------------------------------------------------ writing

    def apply(self) -> RowSnapshot:
        """Change, then delete (children first); returns what a restore needs."""
        changed: list[RowChange] = []
        for table in Base.metadata.sorted_tables:
            pending = self.changes.get(table.name, {})
            ids = self.changed_ids(table.name)
            if not ids:
                continue
            key = _key(table)
            versioned = "version" in table.c
            befores: dict[Any, dict[str, Any]] = {}
            for batch in _chunks(ids):
                for row in self.session.execute(select(table).where(key.in_(batch))).mappings():
                    befores[row[key.name]] = dict(row)
            for row_id, before in befores.items():
                values = dict(pending[row_id])
                after = None
                if versioned:
                    after = before["version"] + 1
                    values["version"] = after
                self.session.execute(update(table).where(key == row_id).values(**values))
                changed.append(RowChange(table.name, before, after))
        removed: list[tuple[str, tuple[dict[str, Any], ...]]] = []
        for table in Base.metadata.sorted_tables:
            rows = self.rows(table.name)
            if rows:
                removed.append((table.name, tuple(rows)))
        for table in reversed(Base.metadata.sorted_tables):
            for batch in _chunks(self.ids(table.name)):
                self.session.execute(delete(table).where(_key(table).in_(batch)))
        assert self.root is not None, "nothing was chosen for removal"
        return RowSnapshot(self.root, tuple(removed), tuple(changed))


def restore(session: Session, snapshot: RowSnapshot) -> Restored:
    """Write a delete's rows back with their ids and values, parents first.

    A row whose parent has been deleted since cannot come back: where its reference may be
    empty it comes back without it, otherwise it stays deleted (and so do its children).
    A changed row is written back only if nobody has changed it since the delete.
    """
    root_name, root_ids = snapshot.root
    if _existing(session, _table(root_name), root_ids):
        raise ConflictError("That deletion has been undone already; nothing was changed.")
    restored_ids: dict[str, set[Any]] = {}
    later: list[tuple[Table, Any, str, Any]] = []  # self-references, set once all rows exist
    count = 0
    skipped: list[str] = []
    for name, rows in snapshot.removed:
        table = _table(name)
        key = _key(table)
        keep = [dict(row) for row in rows]
        for fk in table.foreign_keys:
            column = fk.parent.name
            parent = fk.column.table
            if parent is table:
                for row in keep:
                    if row[column] is not None:
                        later.append((table, row[key.name], column, row[column]))
                        row[column] = None
                continue
            wanted = {r[column] for r in keep if r[column] is not None}
            missing = wanted - restored_ids.get(parent.name, set())
            if missing:
                missing -= set(_existing(session, parent, missing))
            if not missing:
                continue
            if fk.parent.nullable:
                for row in keep:
                    if row[column] in missing:
                        row[column] = None
            else:
                before = len(keep)
                keep = [row for row in keep if row[column] not in missing]
                skipped.append(f"{before - len(keep)} {name.replace('_', ' ')} row(s)")
        for batch in _chunks(keep):
            session.execute(insert(table), batch)
        restored_ids[name] = {row[key.name] for row in keep}
        count += len(keep)
    for table, row_id, column, target in later:
        exists = target in restored_ids.get(table.name, set()) or _existing(
            session, table, [target]
        )
        if exists:
            session.execute(update(table).where(_key(table) == row_id).values({column: target}))
    for change in snapshot.changed:
        table = _table(change.table)
        key = _key(table)
        statement = update(table).where(key == change.before[key.name])
        if change.version_after is not None:
            statement = statement.where(table.c.version == change.version_after)
        result = session.execute(statement.values(**change.before))
        if not getattr(result, "rowcount", 1):
            skipped.append(f"a {change.table.replace('_', ' ')} changed since")
        count += 1
    return Restored(count, tuple(skipped))


def _existing(session: Session, table: Table, ids: Iterable[Any]) -> list[Any]:
    key = _key(table)
    found: list[Any] = []
    for batch in _chunks(ids):
        found += session.scalars(select(key).where(key.in_(batch))).all()
    return found
