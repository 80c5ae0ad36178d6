"""Export a briefing to .docx or .md — the one function the CLI and the window call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from briefer import clock, paths
from briefer.errors import ValidationError
from briefer.export.assemble import ExportOptions, assemble
from briefer.export.document import ExportDocument
from briefer.export.safe_write import check_target, write_atomically
from briefer.models import Briefing, Section
from briefer.services.briefings import get_briefing

FORMATS = ("docx", "md")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    marking: str
    warnings: tuple[str, ...]


_SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".csv": "csv"}


def format_for(path: Path, requested: str | None, formats: tuple[str, ...] = FORMATS) -> str:
    """The requested format, else the file name's (docx when the name says nothing)."""
    if requested is None:
        named = _SUFFIX_FORMATS.get(path.suffix.lower())
        return named if named in formats else "docx"
    if requested not in formats:
        listed = ", ".join(formats[:-1]) + f" or {formats[-1]}"
        raise ValidationError(f"Unknown format '{requested}'; use {listed}.")
    return requested


def load_document(session: Session, ref: str, options: ExportOptions) -> ExportDocument:
    """Everything the writers need, read in one unit of work and detached from it."""
    briefing_id = get_briefing(session, ref).id
    briefing = session.scalars(
        select(Briefing)
        .where(Briefing.id == briefing_id)
        .options(
            selectinload(Briefing.sections).selectinload(Section.items),
            selectinload(Briefing.sections).selectinload(Section.case_list),
            selectinload(Briefing.clearances),
            selectinload(Briefing.event),
        )
    ).one()
    return assemble(briefing, options, charts=_goal_charts(session, briefing))


def _goal_charts(session: Session, briefing: Briefing) -> dict[Any, tuple[Any, ...]]:
    """Each goal in the briefing's progress sections, with its indicators' current data."""
    from briefer.models import Goal, Indicator, SourceKind
    from briefer.services.goals import indicator_series

    goal_ids = {
        item.source_id
        for item in briefing.items
        if item.source_kind == SourceKind.GOAL and item.source_id
    }
    if not goal_ids:
        return {}
    goals = session.scalars(
        select(Goal)
        .where(Goal.id.in_(goal_ids))
        .options(selectinload(Goal.indicators).selectinload(Indicator.observations))
    )
    return {
        goal.id: tuple(
            indicator_series(indicator) for indicator in goal.indicators if indicator.observations
        )
        for goal in goals
    }


def write_document(doc: ExportDocument, out: Path, fmt: str, reference: Path | None = None) -> Path:
    if fmt == "md":
        from briefer.export.md_writer import render_markdown

        text = render_markdown(doc)
        return write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    from briefer.export.docx_writer import DocxWriter

    reference = reference or paths.asset("templates", "reference.docx")
    if not reference.is_file():
        raise ValidationError(f"The reference document {reference} does not exist.")
    writer = DocxWriter(reference)
    writer.render(doc)
    return write_atomically(out, writer.save)


def export_briefing(
    session_factory: Callable[[], object],
    ref: str,
    out: Path,
    *,
    fmt: str | None = None,
    reference: Path | None = None,
    options: ExportOptions | None = None,
    strict: bool = False,
    today: date | None = None,
) -> ExportResult:
    """Read the briefing, check it, and write the file; ``--strict`` refuses on warnings.

    Warnings include unresolved carry-forward review flags as of ``today`` (the store's
    date; the real date when not given)."""
    out = check_target(out)
    fmt = format_for(out, fmt)
    with session_factory() as session:  # type: ignore[attr-defined]
        doc = load_document(session, ref, options or ExportOptions())
        warnings = (*doc.warnings, *_review_warnings(session, ref, clock.today(today)))
    if strict and warnings:
        listing = "\n".join(f"  - {w}" for w in warnings)
        raise ValidationError(
            f"Export refused (--strict): {len(warnings)} warning(s); nothing was written.\n"
            f"{listing}"
        )
    written = write_document(doc, out, fmt, reference)
    return ExportResult(written, fmt, doc.marking, warnings)


def _review_warnings(session: Session, ref: str, today: date) -> tuple[str, ...]:
    """Unresolved carry-forward review flags: the paper may be reusing something stale."""
    from briefer.services.carry_review import review

    briefing = get_briefing(session, ref)
    flags = review(session, briefing, today=today)
    if not flags:
        return ()
    kinds = ", ".join(sorted({f.kind for f in flags}))
    same_title = session.scalar(
        select(func.count()).select_from(Briefing).where(Briefing.title == briefing.title)
    )
    ref = f'"{briefing.title}"' if same_title == 1 else str(briefing.id)  # a title must be unique
    return (
        f"{len(flags)} carry-forward review flag(s) unresolved ({kinds}); "
        f"see 'briefer review {ref}' or the Review panel.",
    )


LIST_FORMATS = ("docx", "csv", "md")


def export_list(
    session_factory: Callable[[], object],
    ref: str,
    out: Path,
    *,
    fmt: str | None = None,
    reference: Path | None = None,
) -> ExportResult:
    """A case list as an annex (.docx, same styles and markings as a briefing) or CSV."""
    from briefer.export.annex import annex_csv, annex_document
    from briefer.models import Case, CaseList, CaseListEntry
    from briefer.services.cases import get_list

    out = check_target(out)
    fmt = format_for(out, fmt, LIST_FORMATS)
    with session_factory() as session:  # type: ignore[attr-defined]
        list_id = get_list(session, ref).id
        case_list = session.scalars(
            select(CaseList)
            .where(CaseList.id == list_id)
            .options(
                selectinload(CaseList.entries)
                .selectinload(CaseListEntry.case)
                .selectinload(Case.status_events),
                selectinload(CaseList.presentations),
            )
        ).one()
        if fmt == "csv":
            text = annex_csv(case_list)
            written = write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
            return ExportResult(written, fmt, "", ())
        doc = annex_document(case_list)
    return ExportResult(write_document(doc, out, fmt, reference), fmt, doc.marking, ())
