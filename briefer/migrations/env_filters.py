"""What schema comparison ignores: the search adapter's own objects (FTS5 tables, GIN indexes).

Shared by Alembic's environment and by the test proving models and migrations agree.
"""

from collections.abc import Callable
from typing import Any

from briefer.search import adapter_for


def include_name_for(dialect: str) -> Callable[[str | None, str, Any], bool]:
    adapter = adapter_for(dialect)

    def include_name(name: str | None, _type: str, _parents: Any) -> bool:
        return not (name and adapter.owns_name(name))

    return include_name
