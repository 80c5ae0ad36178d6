"""A case list as an annex to the briefing book: Word (same writer, reference document and
markings as the briefing) or CSV (the columns the case importer reads back)."""

from __future__ import annotations

import csv
import io

from briefer.export.document import Block, CaseRow, ExportDocument, Section, Text
from briefer.markings import MarkingScheme, default_scheme, overall_marking
from briefer.models import CaseList, CaseListKind

CSV_COLUMNS = (
    "name",
    "variants",
    "category",
    "location",
    "since",
    "status",
    "status date",
    "source",
)


def _combined_marking(case_list: CaseList, scheme: MarkingScheme) -> str:
    return str(overall_marking(None, (case.marking for case in case_list.cases), scheme))


def annex_document(case_list: CaseList, scheme: MarkingScheme | None = None) -> ExportDocument:
    """The list with each case's *current* latest status (a briefing keeps its snapshot)."""
    scheme = scheme or default_scheme()
    marking = _combined_marking(case_list, scheme)
    classified = scheme.parse(marking).is_classified
    rows = []
    for case in case_list.cases:
        latest = case.latest_status
        rows.append(
            CaseRow(
                name=case.primary_name,
                category=case.category,
                since=case.since.isoformat()[:4] if case.since else "",
                status=latest.status if latest else "",
                status_on=latest.occurred_on.isoformat() if latest else "",
                source=latest.source if latest else "",
                portion=scheme.parse(case.marking).portion if classified else None,
            )
        )
    blocks: list[Block] = []
    if case_list.description.strip():
        # Marked at the annex's overall marking: the conservative mark for text about the list.
        mark = scheme.parse(marking).portion if classified else None
        blocks.append(Block("paragraphs", texts=(Text(case_list.description, mark),)))
    if case_list.kind == CaseListKind.CATEGORY_STATEMENT:
        names = ", ".join(row.name for row in rows)
        blocks.append(
            Block(
                "statement",
                texts=(Text(f"**{case_list.name}** ({len(rows)} known cases): {names}."),),
            )
        )
    else:
        blocks.append(Block("cases", cases=tuple(rows)))
    presented = "; ".join(
        f"{p.event.title}, {p.presented_on.isoformat()}" for p in case_list.presentations
    )
    return ExportDocument(
        title=case_list.name,
        memo_kind="briefing paper",
        memo_heading="Annex",
        subject=case_list.name,
        from_line="",
        to_line="",
        date="",
        marking=marking,
        classified=classified,
        summary=None,
        authority=(),
        cable_lines=(),
        entire_text_line=None,
        numbered=False,
        sections=(Section(case_list.name, "case list", tuple(blocks)),),
        drafting=tuple(
            line
            for line in (
                f"Forum: {case_list.forum}" if case_list.forum else "",
                f"Presented: {presented}" if presented else "",
            )
            if line
        ),
        event_line="",
        principal="",
        author="",
    )


def annex_csv(case_list: CaseList) -> str:
    """UTF-8 CSV text with a header row; variants are separated by semicolons."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for case in case_list.cases:
        latest = case.latest_status
        writer.writerow(
            [
                case.primary_name,
                "; ".join(case.name_variants or []),
                case.category,
                case.location,
                case.since.isoformat() if case.since else "",
                latest.status if latest else "",
                latest.occurred_on.isoformat() if latest else "",
                latest.source if latest else "",
            ]
        )
    return buffer.getvalue()
