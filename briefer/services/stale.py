"""A write that must not silently overwrite someone else's: the fields are written only if
the store still holds what the editor showed (``expected``), or already holds the new value.

Pages that save as the person types (case lists, goals) call :func:`refuse_if_stale` before
writing; the :class:`~briefer.errors.EditConflict` it raises carries both versions, field by
field, for the person to choose, and nothing is written before.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefer.errors import EditConflict


def refuse_if_stale(
    record: str,
    labels: Mapping[str, str],
    stored: Mapping[str, str],
    expected: Mapping[str, str],
    values: Mapping[str, str],
) -> None:
    """Raise if any field of ``values`` holds neither ``expected`` nor the value to write;
    the conflict lists those fields only (the others are the person's alone to change)."""
    stale = [
        f for f in values if stored[f] != expected.get(f, stored[f]) and stored[f] != values[f]
    ]
    if stale:
        raise EditConflict(
            f"Someone else changed this {record.split(' ', 1)[0].lower()} after you started; "
            "nothing was saved yet.",
            record,
            {f: (labels[f], stored[f], values[f]) for f in stale},
        )
