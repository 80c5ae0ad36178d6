"""Imports: talking points from Word or Markdown, cases from CSV — all or nothing.

Every row is checked before anything is written; any bad row refuses the whole file with
each problem's line number. A report lists what was (or, with ``dry_run``, would be)
created, merged and rejected.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefer.errors import ValidationError
from briefer.markings import default_scheme
from briefer.models import Case, TalkingPoint
from briefer.names import name_key
from briefer.services import cases as case_service
from briefer.services import library
from briefer.services import validation as v
from briefer.vocabulary import case_vocabulary


@dataclass
class ImportReport:
    created: list[dict[str, Any]] = field(default_factory=list)
    merged: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    written: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class ImportRefused(ValidationError):
    """Some rows are wrong; nothing was written."""

    def __init__(self, report: ImportReport):
        listing = "\n".join(f"  line {r['line']}: {r['reason']}" for r in report.rejected)
        super().__init__(
            f"Nothing was imported: {len(report.rejected)} row(s) need fixing.\n{listing}"
        )
        self.report = report


# ------------------------------------------------------------------ talking points

_PORTION = re.compile(r"^\s*\(([A-Za-z/ ]{1,20})\)\s+")


@dataclass(frozen=True)
class PointRow:
    line: int
    topic: str
    text: str
    marking: str | None


def _split_marking(text: str) -> tuple[str, str | None]:
    """A leading portion mark such as (C) or (S/NF) becomes the marking."""
    found = _PORTION.match(text)
    if found and default_scheme().is_valid(found.group(1)):
        return text[found.end() :].strip(), str(default_scheme().parse(found.group(1)))
    return text.strip(), None


def _title_of(text: str) -> str:
    """The first sentence, cut at a word near 100 characters."""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].strip()
    if len(first) <= 100:
        return first.rstrip(".")
    return first[:100].rsplit(" ", 1)[0] + "…"


_XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _open_docx(path: Path) -> Any:
    """python-docx, except that a document holding control characters (which XML forbids,
    but some tools write) is read with them removed instead of refused."""
    from docx import Document
    from lxml.etree import XMLSyntaxError

    try:
        return Document(str(path))
    except XMLSyntaxError:
        cleaned = io.BytesIO()
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(cleaned, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename.endswith(".xml"):
                    data = _XML_FORBIDDEN.sub(b"", data)
                target.writestr(info, data)
        cleaned.seek(0)
        return Document(cleaned)


def read_docx_points(path: Path, default_topic: str) -> list[PointRow]:
    """One point per paragraph or list item; headings give the topic."""
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = _open_docx(path)
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise ValidationError(
            f"{path.name} is not a Word document (.docx) Briefer can read: {exc}"
        ) from exc
    topic, rows = default_topic, []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = v.clean_text(paragraph.text, "Text").strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.startswith("Heading") or style == "Title":
            topic = text
            continue
        body, marking = _split_marking(text)
        rows.append(PointRow(number, topic, body, marking))
    return rows


def read_markdown_points(text: str, default_topic: str) -> list[PointRow]:
    """The same from Markdown, through the ``markdown`` package's parser: headings are
    topics, paragraphs and list items are points. Lines are counted in the source."""
    from briefer.export.markdown_tree import MarkdownTrees

    def words(line: str) -> str:  # the line without Markdown punctuation, for matching
        return " ".join(re.sub(r"[^\w]+", " ", line).split()).casefold()

    lines = [words(line) for line in text.splitlines()]

    def line_of(fragment: str, start: int) -> int:
        probe = words(fragment)[:24]
        for number in range(start, len(lines)):
            if probe and probe in lines[number]:
                return number + 1
        return start + 1

    topic, rows, cursor = default_topic, [], 0
    for element in MarkdownTrees().parse(v.clean_text(text, "Text")):
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            topic = "".join(element.itertext()).strip()
            continue
        parts = [element] if element.tag == "p" else list(element.iter("li"))
        for part in parts:
            content = " ".join("".join(part.itertext()).split())
            if not content:
                continue
            cursor = line_of(content, cursor)
            body, marking = _split_marking(content)
            rows.append(PointRow(cursor, topic, body, marking))
    return rows


def import_points(session: Session, path: Path, *, dry_run: bool = False) -> ImportReport:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        rows = read_docx_points(path, path.stem)
    elif suffix in (".md", ".markdown", ".txt"):
        try:
            rows = read_markdown_points(path.read_text(encoding="utf-8-sig"), path.stem)
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(f"Cannot read {path.name} as UTF-8 text: {exc}") from exc
    else:
        raise ValidationError(f"{path.name}: import talking points from a .docx or .md file.")
    report = ImportReport()
    existing = {(p.topic, p.title): p for p in session.scalars(select(TalkingPoint))}
    plan: list[tuple[PointRow, str, TalkingPoint | None]] = []
    for row in rows:
        try:
            title = v.required_text(_title_of(row.text), "Title")
            v.required_text(row.topic, "Topic", max_length=120)
            v.clean_text(row.text, "Text")
        except ValidationError as exc:
            report.rejected.append({"line": row.line, "reason": str(exc)})
            continue
        plan.append((row, title, existing.get((row.topic, title))))
    if report.rejected:
        raise ImportRefused(report)
    for row, title, match in plan:
        entry = {"line": row.line, "topic": row.topic, "title": title, "marking": row.marking}
        if match is not None:
            if not dry_run and match.body != row.text:
                library.update_point(session, match, body=row.text)
            report.merged.append({**entry, "into": str(match.id)})
            continue
        if not dry_run:
            point = library.create_point(
                session,
                topic=row.topic,
                title=title,
                body=row.text,
                marking=row.marking or str(default_scheme().parse(None)),
            )
            existing[(row.topic, title)] = point
            entry["id"] = str(point.id)
        report.created.append(entry)
    report.written = not dry_run
    return report


# ------------------------------------------------------------------ cases

HEADER_SYNONYMS = {
    "name": "name",
    "full name": "name",
    "фио": "name",
    "имя": "name",
    "variants": "variants",
    "name variants": "variants",
    "category": "category",
    "категория": "category",
    "location": "location",
    "место": "location",
    "since": "since",
    "status": "status",
    "статус": "status",
    "status date": "status date",
    "date": "status date",
    "source": "source",
    "источник": "source",
    "reliability": "reliability",
    "note": "note",
}
_MONTHS = "%B %d, %Y"


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows Cyrillic (cp1251)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1251")
        except UnicodeDecodeError as exc:
            raise ValidationError(f"{name}: neither UTF-8 nor cp1251 text.") from exc


def parse_date(text: str, what: str) -> date:
    """ISO, DD.MM.YYYY, MM/DD/YYYY or "Month D, YYYY"; a slash date both ways readable is
    refused rather than guessed."""
    value = " ".join(text.split())
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", _MONTHS, "%b %d, %Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    slash = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if slash:
        first, second, year = (int(g) for g in slash.groups())
        if first <= 12 and second <= 12 and first != second:
            raise ValidationError(
                f"{what} '{value}' is ambiguous (month/day or day/month?); write it as YYYY-MM-DD."
            )
        month, day = (first, second) if first <= 12 else (second, first)
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise ValidationError(f"{what} '{value}' is not a date: {exc}.") from exc
    raise ValidationError(
        f"{what} '{value}' is not a date; use YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY or Month D, YYYY."
    )


@dataclass
class CaseRow:
    line: int
    name: str
    variants: list[str]
    category: str
    location: str
    since: date | None
    status: str
    status_on: date | None
    source: str
    reliability: str
    note: str


def read_case_rows(text: str) -> tuple[list[CaseRow], list[dict[str, Any]]]:
    first_line = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, [])
    columns = {}
    for index, raw in enumerate(header):
        key = HEADER_SYNONYMS.get(" ".join(raw.strip().casefold().split()))
        if key:
            columns.setdefault(key, index)
    if "name" not in columns:
        found = ", ".join(h.strip() for h in header) or "nothing"
        return [], [
            {"line": 1, "reason": f"no name column (name, full name or ФИО); found {found}"}
        ]
    statuses = case_vocabulary().statuses
    rows, problems = [], []
    for line, values in enumerate(reader, start=2):
        if not any(cell.strip() for cell in values):
            continue

        def cell(key: str, values: list[str] = values) -> str:
            index = columns.get(key)
            return values[index].strip() if index is not None and index < len(values) else ""

        try:
            status = cell("status").casefold()
            if status and status not in statuses:
                raise ValidationError(
                    f"status '{cell('status')}' is not one of: {', '.join(statuses)}"
                )
            reliability = cell("reliability").casefold() or "unverified"
            if reliability not in case_vocabulary().reliability:
                raise ValidationError(f"reliability '{cell('reliability')}' is not known")
            rows.append(
                CaseRow(
                    line,
                    v.required_text(cell("name"), "Name", max_length=200),
                    [x.strip() for x in cell("variants").split(";") if x.strip()],
                    v.clean_text(cell("category"), "Category", max_length=80),
                    v.clean_text(cell("location"), "Location", max_length=200),
                    parse_date(cell("since"), "since") if cell("since") else None,
                    status,
                    parse_date(cell("status date"), "status date") if cell("status date") else None,
                    v.clean_text(cell("source"), "Source", max_length=300),
                    reliability,
                    v.clean_text(cell("note"), "Note"),
                )
            )
        except ValidationError as exc:
            problems.append({"line": line, "reason": str(exc)})
    return rows, problems


def import_cases(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    accept_near: bool = False,
    today: date | None = None,
) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc}") from exc
    rows, problems = read_case_rows(decode(data, path.name))
    report = ImportReport(rejected=problems)
    by_key: dict[str, Case | CaseRow] = {}
    for case in session.scalars(select(Case)):
        for key in case.name_keys or []:
            by_key.setdefault(key, case)
    plan: list[tuple[CaseRow, Case | CaseRow | None, str]] = []
    for row in rows:
        key = name_key(row.name)
        target = by_key.get(key)
        if target is None and not row.category:
            report.rejected.append({"line": row.line, "reason": "a new case needs a category"})
            continue
        note = ""
        if target is None:
            near = [
                d
                for d in case_service.possible_duplicates(session, [row.name, *row.variants])
                if not d.same_key
            ]
            if near and not accept_near:
                report.rejected.append(
                    {
                        "line": row.line,
                        "reason": f"'{row.name}' is close to '{near[0].name}' "
                        f"({near[0].score:.0f}%): a possible duplicate or relative; check, then "
                        "re-run with --accept-near to add it as a new case",
                    }
                )
                continue
            note = f"near '{near[0].name}', accepted" if near else ""
            by_key[key] = row  # a later row for the same person merges into this one
        plan.append((row, target, note))
    if report.rejected:
        raise ImportRefused(report)
    created: dict[int, Case] = {}
    for row, target, note in plan:
        entry: dict[str, Any] = {"line": row.line, "name": row.name}
        if note:
            entry["note"] = note
        if target is None:
            if not dry_run:
                case = case_service.create_case(
                    session,
                    primary_name=row.name,
                    name_variants=row.variants,
                    category=row.category,
                    location=row.location,
                    since=row.since,
                )
                created[id(row)] = case
                _add_status(session, case, row, today)
                entry["id"] = str(case.id)
            report.created.append(entry)
            continue
        case = created.get(id(target)) if isinstance(target, CaseRow) else target
        entry["into"] = target.name if isinstance(target, CaseRow) else target.primary_name
        if not dry_run and case is not None:
            spellings = {case.primary_name, *(case.name_variants or [])}
            new = [n for n in [row.name, *row.variants] if n not in spellings]
            if new:
                case_service.update_case(
                    session, case, name_variants=[*(case.name_variants or []), *new]
                )
            _add_status(session, case, row, today)
        report.merged.append(entry)
    report.written = not dry_run
    return report


def _add_status(session: Session, case: Case, row: CaseRow, today: date | None) -> None:
    """Record the row's status, unless the case already holds that very report (reading
    back an exported annex changes nothing)."""
    if not row.status:
        return
    on = row.status_on or today or date.today()
    source = row.source or "imported list"
    if any(
        (e.status, e.occurred_on, e.source) == (row.status, on, source) for e in case.status_events
    ):
        return
    case_service.add_status(
        session,
        case,
        occurred_on=on,
        status=row.status,
        source=source,
        reliability=row.reliability,
        note=row.note,
    )
