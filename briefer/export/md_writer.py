"""Write an ExportDocument as Markdown: for diffing versions, for other tools, and for the
window's document preview (the same reading order and marks as the Word file)."""

from __future__ import annotations

from briefer.export.document import Block, ExportDocument, Text


def _indent(text: str, prefix: str) -> str:
    lines = text.strip().split("\n")
    pad = " " * len(prefix)
    return (
        prefix
        + lines[0]
        + "".join(f"\n{pad}{line}" if line.strip() else "\n" for line in lines[1:])
    )


def _marked(text: Text) -> str:
    lead = f"**{text.lead}.** " if text.lead else ""
    portion = f"{text.portion} " if text.portion else ""
    return f"{portion}{lead}{text.markdown.strip()}"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


class _Numbers:
    def __init__(self, enabled: bool):
        self.enabled, self.next = enabled, 1

    def prefix(self) -> str:
        if not self.enabled:
            return ""
        self.next += 1
        return f"{self.next - 1}. "


def render_markdown(doc: ExportDocument) -> str:
    out: list[str] = [f"**{doc.marking}**", ""]
    numbers = _Numbers(doc.numbered)

    def paragraph(text: Text) -> None:
        prefix = numbers.prefix()
        out.extend([_indent(_marked(text), prefix) if prefix else _marked(text), ""])

    if doc.is_cable:
        out.extend(f"{line}  " for line in (*doc.authority, *doc.cable_lines))
        out.extend(
            f"{label} {value}  "
            for label, value in (("FM", doc.from_line), ("TO", doc.to_line))
            if value
        )
        out.append("")
    else:
        out.extend([f"# {doc.memo_heading.upper()}", ""])
        for label, value in (
            ("TO", doc.to_line),
            ("FROM", doc.from_line),
            ("DATE", doc.date),
            ("SUBJECT", doc.subject),
        ):
            if value:
                out.append(f"**{label}:** {value}  ")
        out.append("")
        if doc.authority:
            out.extend([*(f"{line}  " for line in doc.authority), ""])
    if doc.entire_text_line:
        paragraph(Text(doc.entire_text_line))
    if doc.summary is not None:
        out.extend(["## Summary", ""])
        paragraph(doc.summary)
    for section in doc.sections:
        out.extend([f"## {section.title}", ""])
        for block in section.blocks:
            _block(block, out, paragraph)
    if doc.drafting:
        out.extend(f"{line}  " for line in doc.drafting)
        out.append("")
    out.extend([f"**{doc.marking}**", ""])
    return "\n".join(out)


def _block(block: Block, out: list[str], paragraph) -> None:
    if block.kind in ("paragraphs", "statement"):
        for text in block.texts:
            paragraph(text)
    elif block.kind == "bullets":
        out.extend(_indent(_marked(t), "- ") for t in block.texts)
        out.append("")
    elif block.kind == "numbered":
        out.extend(_indent(_marked(t), f"{n}. ") for n, t in enumerate(block.texts, 1))
        out.append("")
    elif block.kind == "counters":
        out.extend(["| They may say | We respond |", "| --- | --- |"])
        out.extend(
            f"| {_cell(_marked(Text(r.their_point, r.portion)))} | {_cell(r.our_response)} |"
            for r in block.counters
        )
        out.append("")
    elif block.kind == "cases":
        out.extend(
            [
                "| Name | Category | Since | Latest status | Source |",
                "| --- | --- | --- | --- | --- |",
            ]
        )
        for r in block.cases:
            status = f"{r.status} ({r.status_on})" if r.status_on else r.status
            name = f"{r.portion} {r.name}" if r.portion else r.name
            out.append(
                f"| {_cell(name)} | {_cell(r.category)} | {r.since} | {_cell(status)} | "
                f"{_cell(r.source)} |"
            )
        out.append("")
    elif block.kind == "goals":
        tier = None
        for goal in block.goals:
            if goal.tier != tier:
                tier = goal.tier
                out.extend([f"### {tier}", ""])
            out.append(
                _indent(_marked(Text(f"{goal.text} — *{goal.assessment}*", goal.portion)), "- ")
            )
        out.append("")
