"""Regenerate ``templates/reference.docx``: every style the export uses, and nothing else to do.

Run ``.venv/bin/python scripts/make_reference_doc.py``. The export only *applies* these
styles, so an office restyles every export by editing the committed file in Word (or passes
``--reference-doc``); this script is how the shipped one is made from python-docx's default
template, restyled after the typed papers of 1977–1987: Times New Roman, black headings,
em-dash bullets, numbered paragraphs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)

# Our own styles, looked up by these names at export time (briefer.export.docx_writer).
BANNER = "Classification Banner"
MEMO_KIND = "Memo Kind"
MEMO_HEADER = "Memo Header"
AUTHORITY = "Authority Block"
PORTION = "Portion Mark"
CLEARANCE = "Clearance Block"
NUMBERED = "Numbered Paragraph"
TABLE_TEXT = "Table Text"
TABLE_HEADING = "Table Heading"
CODE = "Inline Code"
HYPERLINK = "Hyperlink"


def _font(
    style, size: float | None = None, bold: bool | None = None, italic: bool | None = None
) -> None:
    font = style.font
    font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    font.color.rgb = BLACK


def _spacing(style, before: float = 0, after: float = 6) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)


def _paragraph_style(document, name: str, base: str = "Normal"):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.quick_style = True
    return style


def _character_style(document, name: str):
    style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.quick_style = True
    return style


def _remove(element, tag: str) -> None:
    for child in element.findall(qn(tag)):
        element.remove(child)


def _bullet_glyph(document, style_name: str, glyph: str) -> None:
    """Give a list style's numbering the em-dash bullets of the typed papers."""
    numbering = document.part.numbering_part.element
    num_id = document.styles[style_name].element.pPr.numPr.numId.val
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:lvlText")).set(qn("w:val"), glyph)
    rpr = level.find(qn("w:rPr"))
    if rpr is not None:
        level.remove(rpr)


def _paragraph_numbering(document, style) -> None:
    """Decimal numbering linked to the Numbered Paragraph style: 1., 2., 3. … through a paper."""
    numbering = document.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids) + 1, max(num_ids) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "singleLevel")
    abstract.append(multi)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", "decimal"),
        ("w:pStyle", style.style_id),
        ("w:suff", "tab"),
        ("w:lvlText", "%1."),
        ("w:lvlJc", "left"),
    ):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    ppr = OxmlElement("w:pPr")
    tabs = OxmlElement("w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "num")
    tab.set(qn("w:pos"), "540")
    tabs.append(tab)
    ppr.append(tabs)
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:firstLine"), "0")
    ppr.append(ind)
    level.append(ppr)
    abstract.append(level)
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    style_ppr = style.element.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    num_id_el = OxmlElement("w:numId")
    num_id_el.set(qn("w:val"), str(num_id))
    num_pr.append(num_id_el)
    style_ppr.insert(0, num_pr)


def build(path: Path) -> None:
    document = Document()
    styles = document.styles

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)

    _font(styles["Normal"], 12)
    _spacing(styles["Normal"], 0, 8)
    _font(styles["Body Text"], 12)
    _spacing(styles["Body Text"], 0, 8)

    title = styles["Title"]
    _font(title, 14, bold=True)
    _remove(title.element.get_or_add_pPr(), "w:pBdr")
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(title, 0, 12)
    title.font.all_caps = True
    _font(styles["Subtitle"], 12, italic=True)
    styles["Subtitle"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for name, size, bold, italic, before in (
        ("Heading 1", 12, True, False, 12),
        ("Heading 2", 12, True, True, 10),
        ("Heading 3", 12, False, True, 8),
    ):
        heading = styles[name]
        _font(heading, size, bold=bold, italic=italic)
        _spacing(heading, before, 6)
        heading.paragraph_format.keep_with_next = True

    for name in (
        "List Bullet",
        "List Bullet 2",
        "List Number",
        "List Number 2",
        "Quote",
        "TOC Heading",
    ):
        _font(styles[name], 12)
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
        _spacing(styles[name], 0, 6)
        styles[name].element.get_or_add_pPr()
        _remove(styles[name].element.pPr, "w:contextualSpacing")
    _bullet_glyph(document, "List Bullet", "—")
    _bullet_glyph(document, "List Bullet 2", "–")
    _font(styles["Caption"], 10, italic=True)
    _font(styles["Quote"], 12, italic=True)
    styles["Quote"].paragraph_format.left_indent = Inches(0.5)

    banner = _paragraph_style(document, BANNER)
    _font(banner, 12, bold=True)
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(banner, 0, 0)

    memo_kind = _paragraph_style(document, MEMO_KIND)
    _font(memo_kind, 14, bold=True)
    memo_kind.font.all_caps = True
    memo_kind.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(memo_kind, 0, 12)

    header = _paragraph_style(document, MEMO_HEADER)
    _font(header, 12)
    _spacing(header, 0, 4)
    header.paragraph_format.left_indent = Inches(1.25)
    header.paragraph_format.first_line_indent = Inches(-1.25)
    header.paragraph_format.tab_stops.add_tab_stop(Inches(1.25))

    authority = _paragraph_style(document, AUTHORITY)
    _font(authority, 10)
    _spacing(authority, 0, 0)

    clearance = _paragraph_style(document, CLEARANCE)
    _font(clearance, 10)
    _spacing(clearance, 0, 2)
    clearance.paragraph_format.keep_together = True
    clearance.paragraph_format.keep_with_next = True

    numbered = _paragraph_style(document, NUMBERED, base="Body Text")
    _font(numbered, 12)
    _paragraph_numbering(document, numbered)

    table_text = _paragraph_style(document, TABLE_TEXT)
    _font(table_text, 10)
    _spacing(table_text, 0, 2)
    table_heading = _paragraph_style(document, TABLE_HEADING, base=TABLE_TEXT)
    _font(table_heading, 10, bold=True)
    table_heading.paragraph_format.keep_with_next = True

    portion = _character_style(document, PORTION)
    portion.font.bold = False
    code = _character_style(document, CODE)
    code.font.name = "Courier New"
    code.font.size = Pt(10)
    if HYPERLINK not in [s.name for s in styles]:
        link = _character_style(document, HYPERLINK)
        link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        link.font.underline = True

    # An empty body: the export fills it. Keep the section properties (page setup).
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    core = document.core_properties
    core.title, core.author, core.comments = (
        "Briefer reference document",
        "Briefer",
        ("Styles for every Briefer export. Edit them in Word to restyle every export."),
    )
    document.save(str(path))


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else (Path(__file__).resolve().parents[1] / "templates" / "reference.docx")
    )
    build(target)
    print(f"wrote {target}")
