"""Write an ExportDocument as .docx with the styles of the reference document.

python-docx opens the reference document and handles the parts it is good at (headers and
footers, properties, relationships, numbering, saving). The body — hundreds of paragraphs
and a thousand-row table — is generated as WordprocessingML text in one pass and parsed
once with lxml: python-docx's per-paragraph and per-cell calls cost milliseconds each
(``table.cell(i, j)`` is quadratic), which would make a 150-page book slower than pandoc.
Only styles are applied; no direct formatting, so restyling the reference document
restyles every export.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefer.errors import ValidationError
from briefer.export.document import Block, ExportDocument, Text
from briefer.export.markdown_tree import MarkdownTrees
from briefer.export.xmltext import escape, xml_safe

REQUIRED_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Body Text",
    "List Bullet",
    "List Bullet 2",
    "List Number",
    "List Number 2",
    "List Continue",
    "Quote",
    "Table Grid",
    "Caption",
    "TOC Heading",
    "Classification Banner",
    "Memo Header",
    "Authority Block",
    "Portion Mark",
    "Clearance Block",
    "Numbered Paragraph",
    "Table Text",
    "Table Heading",
    "Inline Code",
    "Hyperlink",
)
_SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
_INLINE_BOLD = {"strong", "b"}
_INLINE_ITALIC = {"em", "i"}
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TABLE_WIDTH = 9360  # twips between 1-inch margins on US Letter


class _Styles:
    """Style names → ids in whichever reference document is in use."""

    def __init__(self, document) -> None:
        names = {style.name: style.style_id for style in document.styles}
        missing = [name for name in REQUIRED_STYLES if name not in names]
        if missing:
            raise ValidationError(
                "The reference document lacks the style(s) "
                f"{', '.join(missing)}. Start from templates/reference.docx and restyle it."
            )
        self._ids = names

    def __getitem__(self, name: str) -> str:
        return self._ids[name]


class _Numbering:
    """New numbering instances so that each numbered list starts again at 1."""

    def __init__(self, document, styles: _Styles) -> None:
        self._element = document.part.numbering_part.element
        self._next_id = 1 + max(
            int(n.get(qn("w:numId"))) for n in self._element.findall(qn("w:num"))
        )
        self._abstract_for_style = {}
        for name in ("List Number", "List Number 2"):
            num_id = document.styles[name].element.pPr.numPr.numId.val
            num = next(
                n for n in self._element.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id)
            )
            self._abstract_for_style[name] = num.find(qn("w:abstractNumId")).get(qn("w:val"))

    def restart(self, style_name: str) -> int:
        num_id = self._next_id
        self._next_id += 1
        abstract = self._abstract_for_style[style_name]
        self._element.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return num_id


class DocxWriter:
    def __init__(self, reference: Path):
        try:
            self.document = Document(str(reference))
        except Exception as exc:  # python-docx raises several types for a bad package
            raise ValidationError(
                f"The reference document {reference} cannot be read as a Word file: {exc}"
            ) from exc
        root_namespaces = self.document.element.nsmap
        if root_namespaces.get("w") != _W_NS or root_namespaces.get("r") != _R_NS:
            raise ValidationError(
                f"The reference document {reference} does not use Word's usual namespace "
                "prefixes (w:, r:). Save it again from Word, or start from "
                "templates/reference.docx."
            )
        self.styles = _Styles(self.document)
        self.numbering = _Numbering(self.document, self.styles)
        self.trees = MarkdownTrees()
        self.doc: ExportDocument | None = None
        self._body_xml = ""
        self._links: dict[str, str] = {}

    # ------------------------------------------------------------------ entry point

    def render(self, doc: ExportDocument) -> None:
        self.doc = doc
        self._body_xml = "".join(self._body(doc))
        # Check the generated XML is well formed now, so a failure names the export, not the zip.
        parse_xml(f"<w:body {nsdecls('w', 'r')}>{self._body_xml}</w:body>")
        body = self.document.element.body
        section_properties = body.find(qn("w:sectPr"))
        for child in list(body):
            if child is not section_properties:
                body.remove(child)
        # Moving hundreds of parsed subtrees into python-docx's tree costs lxml a namespace
        # walk per node (0.6 s for a 150-page book); instead a placeholder paragraph marks the
        # spot and the body text is spliced into word/document.xml when saving.
        section_properties.addprevious(
            parse_xml(f"<w:p {nsdecls('w')}><w:r><w:t>{_PLACEHOLDER}</w:t></w:r></w:p>")
        )
        self._headers_and_footers(doc.marking)
        self._properties(doc)
        if doc.toc:
            settings = self.document.settings.element
            if settings.find(qn("w:updateFields")) is None:
                settings.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))

    def save(self, path: Path) -> None:
        buffer = io.BytesIO()
        self.document.save(buffer)
        buffer.seek(0)
        with (
            zipfile.ZipFile(buffer) as source,
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "word/document.xml":
                    data = _splice_body(data, self._body_xml)
                target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)

    # ------------------------------------------------------------------ document parts

    def _body(self, doc: ExportDocument) -> Iterator[str]:
        if doc.cover:
            yield from self._cover(doc)
        if doc.toc:
            yield from self._toc()
        yield from self._memo_header(doc)
        if doc.entire_text_line:
            yield self._p(self._body_style(), self._runs_plain(doc.entire_text_line))
        if doc.summary is not None:
            yield self._p(self.styles["Heading 1"], self._runs_plain("Summary"))
            yield from self._texts(
                doc.summary, self._body_style(), continuation="Body Text", in_list=False
            )
        for section in doc.sections:
            yield self._p(self.styles["Heading 1"], self._runs_plain(section.title))
            for block in section.blocks:
                yield from self._block(block)
        if doc.drafting:
            yield self._p(self.styles["Clearance Block"], "")
            for line in doc.drafting:
                yield self._p(self.styles["Clearance Block"], self._runs_plain(line))

    def _cover(self, doc: ExportDocument) -> Iterator[str]:
        yield self._p(self.styles["Title"], self._runs_plain(doc.title))
        if doc.subject and doc.subject != doc.title:
            yield self._p(self.styles["Subtitle"], self._runs_plain(doc.subject))
        yield self._p(self.styles["Subtitle"], self._runs_plain(doc.event_line))
        if doc.principal:
            yield self._p(
                self.styles["Subtitle"], self._runs_plain(f"Prepared for {doc.principal}")
            )
        yield self._p(self.styles["Classification Banner"], self._runs_plain(doc.marking))
        yield '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

    def _toc(self) -> Iterator[str]:
        yield self._p(self.styles["TOC Heading"], self._runs_plain("Contents"))
        yield (
            '<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            "<w:r><w:t>Right-click and choose Update Field to build the table of contents."
            "</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
        yield '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'

    def _memo_header(self, doc: ExportDocument) -> Iterator[str]:
        header = self.styles["Memo Header"]
        if doc.is_cable:
            for line in doc.authority:
                yield self._p(header, self._runs_plain(line))
            for line in doc.cable_lines:
                yield self._p(header, self._runs_plain(line))
            if doc.from_line:
                yield self._p(header, self._runs_plain(f"FM:\t{doc.from_line}"))
            if doc.to_line:
                yield self._p(header, self._runs_plain(f"TO:\t{doc.to_line}"))
            return
        yield self._p(self.styles["Memo Kind"], self._runs_plain(doc.memo_heading.upper()))
        for label, value in (
            ("TO:", doc.to_line),
            ("FROM:", doc.from_line),
            ("DATE:", doc.date),
            ("SUBJECT:", doc.subject),
        ):
            if value:
                yield self._p(header, self._runs_plain(f"{label}\t{value}"))
        for line in doc.authority:
            yield self._p(self.styles["Authority Block"], self._runs_plain(line))

    def _body_style(self) -> str:
        assert self.doc is not None
        return self.styles["Numbered Paragraph" if self.doc.numbered else "Body Text"]

    # ------------------------------------------------------------------ blocks

    def _block(self, block: Block) -> Iterator[str]:
        if block.kind in ("paragraphs", "statement"):
            for text in block.texts:
                yield from self._texts(
                    text, self._body_style(), continuation="Body Text", in_list=False
                )
        elif block.kind == "bullets":
            for text in block.texts:
                yield from self._texts(text, self.styles["List Bullet"])
        elif block.kind == "numbered":
            num_id = self.numbering.restart("List Number")
            for text in block.texts:
                yield from self._texts(text, self.styles["List Number"], num_id=num_id)
        elif block.kind == "counters":
            rows = [(r.portion, r.their_point, r.our_response) for r in block.counters]
            yield self._table(
                ("They may say", "We respond"),
                (4680, 4680),
                [[(p, a), (None, b)] for p, a, b in rows],
            )
        elif block.kind == "cases":
            rows = []
            for r in block.cases:
                status = f"{r.status} ({r.status_on})" if r.status_on else r.status
                rows.append(
                    [
                        (r.portion, r.name),
                        (None, r.category),
                        (None, r.since),
                        (None, status),
                        (None, r.source),
                    ]
                )
            yield self._table(
                ("Name", "Category", "Since", "Latest status", "Source"),
                (2450, 1500, 950, 2000, 2460),
                rows,
                markdown=False,
            )
        elif block.kind == "goals":
            tier = None
            for goal in block.goals:
                if goal.tier != tier:
                    tier = goal.tier
                    yield self._p(self.styles["Heading 2"], self._runs_plain(tier))
                text = Text(f"{goal.text} — *{goal.assessment}*", goal.portion)
                yield from self._texts(text, self.styles["List Bullet"])
                for series in goal.charts:
                    yield from self._chart(series, goal.portion)

    def _chart(self, series: Any, portion: str | None) -> Iterator[str]:
        """An indicator chart as an inline picture, with its caption."""
        from docx.shared import Inches
        from lxml import etree

        from briefer.charts import indicator_png

        inline = self.document.part.new_pic_inline(
            io.BytesIO(indicator_png(series)), width=Inches(6.0)
        )
        drawing = etree.tostring(inline, encoding=str)
        yield (
            f'<w:p><w:pPr><w:pStyle w:val="{self.styles["Body Text"]}"/>'
            "<w:keepNext/></w:pPr>"
            f"<w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>"
        )
        mark = self._run(f"{portion} ", char_style=self.styles["Portion Mark"]) if portion else ""
        yield self._p(self.styles["Caption"], mark + self._runs_plain(series.caption))

    def _texts(
        self,
        text: Text,
        first_style: str,
        *,
        num_id: int | None = None,
        continuation: str = "List Continue",
        in_list: bool = True,
    ) -> Iterator[str]:
        """An item's Markdown as paragraphs: the first in ``first_style``, then the rest.

        Every paragraph and bullet of a classified paper carries the item's portion mark.
        """
        root = self.trees.parse(text.markdown)
        list_styles = (
            ("List Bullet 2", "List Number 2") if in_list else ("List Bullet", "List Number")
        )
        prefix = (
            self._run(f"{text.portion} ", char_style=self.styles["Portion Mark"])
            if text.portion
            else ""
        )
        first = True
        for style, element, number in self._flatten(
            root, first_style, continuation, num_id, list_styles
        ):
            lead = self._run(f"{text.lead}. ", bold=True) if first and text.lead else ""
            yield self._p(style, prefix + lead + self._inline(element), num_id=number)
            first = False

    def _flatten(
        self,
        root: ET.Element,
        first_style: str,
        continuation: str,
        num_id: int | None,
        list_styles: tuple[str, str],
    ) -> Iterator[tuple[str, ET.Element, int | None]]:
        """Walk block elements, yielding (style id, inline element, numbering instance)."""
        styles = self.styles
        first = True
        for element in root:
            tag = element.tag
            if tag in ("p", "pre"):
                yield (
                    (first_style if first else styles[continuation]),
                    element,
                    (num_id if first else None),
                )
                first = False
            elif tag in ("ul", "ol"):
                for style, inline, number in self._list(element, list_styles, 0):
                    yield (first_style, inline, num_id) if first else (style, inline, number)
                    first = False
            elif tag == "blockquote":
                for child in element:
                    yield styles["Quote"], child, None
                    first = False
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                level = min(3, 1 + int(tag[1]))  # demoted below the section's Heading 1
                yield styles[f"Heading {level}"], element, None
            elif tag != "hr":
                yield from self._flatten(element, first_style, continuation, num_id, list_styles)

    def _list(
        self, element: ET.Element, list_styles: tuple[str, str], depth: int
    ) -> Iterator[tuple[str, ET.Element, int | None]]:
        bullet, number = list_styles if depth == 0 else ("List Bullet 2", "List Number 2")
        name = bullet if element.tag == "ul" else number
        num_id = self.numbering.restart(name) if element.tag == "ol" else None
        for item in element:
            inline, nested = _split_list_item(item)
            yield self.styles[name], inline, num_id
            for child in nested:
                yield from self._list(child, list_styles, depth + 1)

    # ------------------------------------------------------------------ tables

    def _table(
        self,
        headings: tuple[str, ...],
        widths: tuple[int, ...],
        rows: list[list[tuple[str | None, str]]],
        *,
        markdown: bool = True,
    ) -> str:
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        head_cells = "".join(
            self._cell(w, self._p(self.styles["Table Heading"], self._runs_plain(h)))
            for h, w in zip(headings, widths, strict=True)
        )
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles["Table Grid"]}"/>'
            f'<w:tblW w:w="{_TABLE_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>",
            f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head_cells}</w:tr>",
        ]
        table_text = self.styles["Table Text"]
        for row in rows:
            cells = []
            for (portion, content), width in zip(row, widths, strict=True):
                if markdown:
                    paragraphs = "".join(
                        self._texts(
                            Text(content, portion),
                            table_text,
                            continuation="Table Text",
                            in_list=False,
                        )
                    )
                else:
                    prefix = (
                        self._run(f"{portion} ", char_style=self.styles["Portion Mark"])
                        if portion
                        else ""
                    )
                    paragraphs = self._p(table_text, prefix + self._runs_plain(content))
                cells.append(self._cell(width, paragraphs or self._p(table_text, "")))
            parts.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
        parts.append("</w:tbl>")
        parts.append(self._p(self.styles["Body Text"], ""))
        return "".join(parts)

    @staticmethod
    def _cell(width: int, content: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'

    # ------------------------------------------------------------------ paragraphs and runs

    @staticmethod
    def _p(style_id: str, runs: str, *, num_id: int | None = None, level: int = 0) -> str:
        numbering = (
            f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            if num_id is not None
            else ""
        )
        return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{numbering}</w:pPr>{runs}</w:p>'

    @staticmethod
    def _run(
        text: str, *, bold: bool = False, italic: bool = False, char_style: str | None = None
    ) -> str:
        if not text:
            return ""
        props = ""
        if char_style:
            props += f'<w:rStyle w:val="{char_style}"/>'
        if bold:
            props += "<w:b/>"
        if italic:
            props += "<w:i/>"
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        pieces = escape(text).split("\t")
        content = "<w:tab/>".join(f'<w:t xml:space="preserve">{piece}</w:t>' for piece in pieces)
        return f"<w:r>{rpr}{content}</w:r>"

    def _runs_plain(self, text: str) -> str:
        lines = xml_safe(text).split("\n")
        return "<w:r><w:br/></w:r>".join(self._run(line) for line in lines)

    def _inline(
        self,
        element: ET.Element,
        bold: bool = False,
        italic: bool = False,
        code: bool = False,
        link: str | None = None,
    ) -> str:
        """Runs for an element's mixed content (text, strong, em, code, a, br …)."""
        out = [self._styled(element.text or "", bold, italic, code, link)]
        for child in element:
            tag = child.tag
            if tag == "br":
                out.append("<w:r><w:br/></w:r>")
            elif tag in ("ul", "ol", "p"):
                pass  # block content inside inline context is flattened by _flatten
            elif tag == "a" and (child.get("href") or "").startswith(_SAFE_LINK_SCHEMES):
                href = child.get("href") or ""
                inner = self._inline(child, bold, italic, code, link=href)
                if inner:
                    out.append(
                        f'<w:hyperlink r:id="{self._relationship(href)}">{inner}</w:hyperlink>'
                    )
            else:
                out.append(
                    self._inline(
                        child,
                        bold or tag in _INLINE_BOLD,
                        italic or tag in _INLINE_ITALIC,
                        code or tag == "code",
                        link,
                    )
                )
            out.append(self._styled(child.tail or "", bold, italic, code, link))
        return "".join(out)

    def _styled(self, text: str, bold: bool, italic: bool, code: bool, link: str | None) -> str:
        if not text:
            return ""
        text = text.replace("\n", " ")
        style = "Hyperlink" if link else "Inline Code" if code else None
        return self._run(
            text, bold=bold, italic=italic, char_style=self.styles[style] if style else None
        )

    def _relationship(self, href: str) -> str:
        if href not in self._links:
            self._links[href] = self.document.part.relate_to(
                xml_safe(href), RT.HYPERLINK, is_external=True
            )
        return self._links[href]

    # ------------------------------------------------------------------ page furniture

    def _headers_and_footers(self, marking: str) -> None:
        banner = self.styles["Classification Banner"]
        for section in self.document.sections:
            header, footer = section.header, section.footer
            header.is_linked_to_previous = False
            footer.is_linked_to_previous = False
            _replace_content(header._element, self._p(banner, self._run(marking)))
            page = (
                f'<w:p><w:pPr><w:pStyle w:val="{self.styles["Authority Block"]}"/>'
                '<w:jc w:val="center"/></w:pPr>'
                + self._run("Page ")
                + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                + self._run(" of ")
                + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
            )
            _replace_content(footer._element, page + self._p(banner, self._run(marking)))

    def _properties(self, doc: ExportDocument) -> None:
        core = self.document.core_properties
        core.title = xml_safe(doc.title)
        core.subject = xml_safe(doc.subject)
        core.author = xml_safe(doc.author) or "Briefer"
        core.category = doc.marking
        core.keywords = doc.marking
        core.comments = f"Overall classification: {doc.marking}. Exported by Briefer."


_PLACEHOLDER = "BRIEFER-BODY-PLACEHOLDER-7f3a"


def _splice_body(document_xml: bytes, body_xml: str) -> bytes:
    """Replace the placeholder paragraph with the body; the root declares w: and r:."""
    text = document_xml.decode("utf-8")
    marker = text.index(_PLACEHOLDER)
    start = text.rfind("<w:p>", 0, marker)
    end = text.index("</w:p>", marker) + len("</w:p>")
    return (text[:start] + body_xml + text[end:]).encode("utf-8")


def _split_list_item(item: ET.Element) -> tuple[ET.Element, list[ET.Element]]:
    """A list item's own inline content, and its nested lists."""
    inline = ET.Element("li")
    inline.text = item.text
    nested: list[ET.Element] = []
    for child in item:
        if child.tag in ("ul", "ol"):
            nested.append(child)
        elif child.tag == "p" and not len(inline) and not (inline.text or "").strip():
            inline.text = child.text
            inline.extend(list(child))
        else:
            inline.append(child)
    return inline, nested


def _replace_content(part_element, xml: str) -> None:
    for child in list(part_element):
        part_element.remove(child)
    fragment = parse_xml(f"<w:hdr {nsdecls('w', 'r')}>{xml}</w:hdr>")
    for child in list(fragment):
        part_element.append(child)
