"""Loading many rows at once, the fastest way each database offers.

PostgreSQL's ``COPY … FROM STDIN`` (through psycopg) loads rows several times faster than
INSERTs; SQLite's executemany inside one transaction is already close to its limit. This
module and the search adapters are the only places that speak one dialect's SQL.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table


def _copy_value(value: Any, is_json: bool) -> Any:
    if value is None:
        return None
    if is_json:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column name) into ``table`` on this connection."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), list(rows))
        return
    names = list(rows[0])
    json_columns = [isinstance(table.c[name].type, JSON) for name in names]
    quoted = ", ".join(f'"{name}"' for name in names)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [_copy_value(row[n], j) for n, j in zip(names, json_columns, strict=True)]
            )
