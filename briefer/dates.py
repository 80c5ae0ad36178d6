"""Dates as people type them: one parser for every date field of the window and the CLI.

A person types "1987-12-19", "12/19/1987", "December 19, 1987", "19 Dec 1987" or "19.12.1987"
and means the same day; a date field must take all of them without a click on a calendar
section. Slashes read month first, as the Department writes them (the memo's drafting line
prints 12/19/87), unless the first number cannot be a month ("19/12/1987"). Every refusal is
one line that says what would be understood.
"""

from __future__ import annotations

import re
from datetime import date

from briefer.errors import ValidationError

ISO_HINT = "use YYYY-MM-DD (or 12/19/1987, December 19, 1987, 19 Dec 1987)"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_NUMERIC = re.compile(r"(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})")
_MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2,4})")


def _year(text: str) -> int:
    """A four-digit year as written; two digits as Python's %y reads them (69–99 → 19xx)."""
    value = int(text)
    if len(text) <= 2:
        return value + (1900 if value >= 69 else 2000)
    return value


def _month(name: str) -> int | None:
    return _MONTHS.get(name.lower())


def _make(year: int, month: int, day: int, typed: str, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError(f"{field} '{typed}' is not a date: {exc}.") from exc


def parse_date(text: str, field: str = "Date") -> date:
    """The day ``text`` names, or ValidationError naming ``field`` and the accepted forms."""
    typed = " ".join(str(text).split())
    value = typed.lower()
    if not value:
        raise ValidationError(f"{field} is empty; {ISO_HINT}.")
    numeric = _NUMERIC.fullmatch(value)
    if numeric:
        first, separator, second, third = numeric.groups()
        if len(first) == 4:  # 1987-12-19, 1987/12/19, 1987.12.19
            return _make(int(first), int(second), int(third), typed, field)
        if len(third) in (2, 4) and len(first) <= 2:
            a, b = int(first), int(second)
            # 19.12.1987 is day first (as in Russian and German); 19/12/1987 cannot be
            # month first; 12/19/1987 and 12-19-1987 are month first.
            if separator == "." or a > 12:
                month, day = b, a
            else:
                month, day = a, b
            return _make(_year(third), month, day, typed, field)
        raise ValidationError(f"{field} '{typed}' is not a date; {ISO_HINT}.")
    for pattern, month_group, day_group in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        match = pattern.fullmatch(value)
        if match:
            month = _month(match.group(month_group))
            if month is None:
                word = typed[match.start(month_group) : match.end(month_group)]
                raise ValidationError(f"{field} '{typed}': '{word}' is not a month; {ISO_HINT}.")
            return _make(_year(match.group(3)), month, int(match.group(day_group)), typed, field)
    raise ValidationError(f"{field} '{typed}' is not a date; {ISO_HINT}.")


def parse_optional_date(text: str | None, field: str = "Date") -> date | None:
    """None for an empty field (an unset date stays unset), else the day typed."""
    if text is None or not str(text).strip():
        return None
    return parse_date(text, field)


def iso(value: date | None) -> str:
    """How a date field shows a day: YYYY-MM-DD, the one form no reader misreads."""
    return value.isoformat() if value else ""


def spoken(value: date) -> str:
    """The day in words, to confirm what a typed date was understood as."""
    return f"{value:%A}, {value:%B} {value.day}, {value.year}"
