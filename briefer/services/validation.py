"""Field checks shared by every service, each raising ValidationError with a usable message."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from briefer.errors import ValidationError
from briefer.markings import default_scheme

E = TypeVar("E", bound=enum.StrEnum)
R = TypeVar("R")

MAX_TITLE = 300
MAX_TEXT = 1_000_000  # a million characters: far beyond any paper, short of filling the disk


# Every code point of category Cc (C0 and C1 controls) but tab and newline, and Cs.
_UNSTORABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: Any, field: str, *, max_length: int = MAX_TEXT) -> str:
    """Normalise pasted text: NFC; no control characters but tab and newline; no surrogates."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be text.")
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    # Control characters (Cc) and lone surrogates (Cs) cannot be stored as UTF-8 or in XML.
    # One regular expression, not a loop over the characters: an autosave of a long item
    # runs this on every flush.
    text = _UNSTORABLE.sub("", text)
    if len(text) > max_length:
        raise ValidationError(
            f"{field} is {len(text):,} characters long; the limit is {max_length:,}. "
            "Split it into several entries."
        )
    return text


def required_text(value: Any, field: str, *, max_length: int = MAX_TITLE) -> str:
    text = " ".join(clean_text(value, field, max_length=max_length).split())
    if not text:
        raise ValidationError(f"{field} cannot be empty.")
    return text


def marking(value: Any, field: str = "Marking") -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return str(default_scheme().lowest.name)
    return str(default_scheme().parse(clean_text(value, field, max_length=80)))


def optional_marking(value: Any, field: str = "Marking") -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return marking(value, field)


def choice(enum_class: type[E], value: Any, field: str) -> E:
    if isinstance(value, enum_class):
        return value
    try:
        return enum_class(str(value).strip().lower())
    except ValueError as exc:
        options = ", ".join(member.value for member in enum_class)
        raise ValidationError(f"{field} '{value}' is not one of: {options}.") from exc


def vocabulary(value: Any, allowed: tuple[str, ...], field: str) -> str:
    text = str(value or "").strip().lower()
    if text not in allowed:
        raise ValidationError(f"{field} '{value}' is not one of: {', '.join(allowed)}.")
    return text


def a_date(value: Any, field: str) -> date:
    """A date object, or text in any form a person types (``briefer.dates``)."""
    if isinstance(value, date):
        return value
    from briefer.dates import parse_date

    return parse_date(str(value), field)


def optional_date(value: Any, field: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return a_date(value, field)


def apply_changes(
    obj: object, changes: Mapping[str, Any], rules: Mapping[str, Callable[[Any], Any]]
) -> None:
    """Validate every change first, then apply them: a refused change leaves obj untouched."""
    unknown = set(changes) - set(rules)
    if unknown:
        raise ValidationError(f"Unknown field(s): {', '.join(sorted(unknown))}.")
    validated = {name: rules[name](value) for name, value in changes.items()}
    for name, value in validated.items():
        setattr(obj, name, value)


Rules = Mapping[str, Callable[[Any], Any]]


def create(
    session: Session,
    cls: type[R],
    rules: Rules,
    fields: Mapping[str, Any],
    check: Callable[[R], None] | None = None,
) -> R:
    """Build a record from validated fields, run the cross-field ``check``, add and flush it."""
    record = cls()
    apply_changes(record, fields, rules)
    if check is not None:
        check(record)
    session.add(record)
    session.flush()
    return record


def update(
    session: Session,
    record: R,
    rules: Rules,
    changes: Mapping[str, Any],
    check: Callable[[R], None] | None = None,
) -> R:
    apply_changes(record, changes, rules)
    if check is not None:
        check(record)
    session.flush()
    return record
