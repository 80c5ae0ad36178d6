"""The Word export, read back by python-docx, pandoc and LibreOffice; and its refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer import models as m
from briefer.errors import ExportError, ValidationError
from briefer.export.assemble import ExportOptions
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import briefings, events
from briefer.services.exports import export_briefing
from briefer.store import Store
from tests.readers import body_paragraphs, pandoc_plain, pdf_pages

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def briefer(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefer", *args], capture_output=True, text=True, timeout=300
    )


def export_sample(store: Path, out: Path | str, *options: str) -> subprocess.CompletedProcess:
    """``briefer --db STORE export "Human Rights Between Summits" --out OUT [options]``."""
    return briefer("--db", str(store), "export", SAMPLE_BRIEFING_TITLE, "--out", str(out), *options)


@pytest.fixture(scope="module")
def sample_copy(sample_sqlite, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    path.chmod(0o600)
    return path


@pytest.fixture(scope="module")
def sample_docx(sample_copy, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "brief.docx"
    result = briefer("--db", str(sample_copy), "export", SAMPLE_BRIEFING_TITLE, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _items_in_order(store_path: Path) -> list[str]:
    with Store.open(store_path) as store, store.session() as session:
        book = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        return [
            (item.title if s.kind == m.SectionKind.CASE_LIST else item.text)
            for s in book.sections
            for item in s.items
        ]


def _plain_words(markdown: str) -> str:
    return " ".join(markdown.replace("**", "").replace("*", "").replace("- ", "").split())


# ------------------------------------------------------------------ independent readers


def test_python_docx_sees_styles_banners_tables_and_numbering(sample_docx):
    document = Document(str(sample_docx))
    used = {p.style.name for p in document.paragraphs}
    assert {
        "Memo Kind",
        "Memo Header",
        "Heading 1",
        "Heading 2",
        "Numbered Paragraph",
        "List Bullet",
        "List Number",
        "Clearance Block",
        "Authority Block",
    } <= used
    for section in document.sections:
        assert [p.text for p in section.header.paragraphs] == ["SECRET/SENSITIVE"]
        assert section.footer.paragraphs[-1].text == "SECRET/SENSITIVE"
        assert "PAGE" in section.footer._element.xml and "NUMPAGES" in section.footer._element.xml
    tables = document.tables
    assert [len(t.columns) for t in tables] == [2, 5]
    counters, cases = tables
    assert counters.rows[0].cells[0].text == "They may say"
    assert len(cases.rows) == 1 + 13
    for table in tables:
        assert table.style.name == "Table Grid"
        header_row = table.rows[0]._tr
        assert header_row.find(f"{W}trPr/{W}tblHeader") is not None
    numbered_lists = {
        p._p.pPr.numPr.numId.val
        for p in document.paragraphs
        if p.style.name == "List Number" and p._p.pPr.numPr is not None
    }
    assert len(numbered_lists) == 2  # recommendations and conditions each start at 1
    assert document.core_properties.category == "SECRET/SENSITIVE"
    assert document.core_properties.title == SAMPLE_BRIEFING_TITLE


def test_portion_marks_precede_every_paragraph_and_bullet(sample_docx):
    for style, text in body_paragraphs(sample_docx):
        if style in ("Numbered Paragraph", "List Bullet", "List Number"):
            assert text.startswith(("(S) ", "(C) ", "(U) ")), text


def test_pandoc_reads_every_item_in_order(sample_docx, sample_copy):
    plain = " ".join(pandoc_plain(sample_docx).split())
    position = 0
    for text in _items_in_order(sample_copy):
        snippet = _plain_words(text)[:60]
        found = plain.find(snippet, position)
        assert found >= 0, f"missing or out of order: {snippet!r}"
        position = found
    assert "INFORMATION MEMORANDUM" in plain


def test_libreoffice_pages_each_carry_the_banner(sample_docx):
    pages = pdf_pages(sample_docx)
    assert 4 <= len(pages) <= 12, f"{len(pages)} pages"
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        assert lines[0] == "SECRET/SENSITIVE", f"page {number} top: {lines[0]}"
        assert lines[-1] == "SECRET/SENSITIVE", f"page {number} bottom: {lines[-1]}"
        assert f"Page {number} of {len(pages)}" in page


# ------------------------------------------------------------------ options and formats


def test_markdown_export_matches_the_same_reading_order(sample_copy, tmp_path):
    out = tmp_path / "brief.md"
    result = briefer("--db", str(sample_copy), "export", SAMPLE_BRIEFING_TITLE, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("**SECRET/SENSITIVE**") and text.rstrip().endswith(
        "**SECRET/SENSITIVE**"
    )
    assert "| They may say | We respond |" in text
    assert "1. (S) This paper outlines" not in text and "2. (S) This paper outlines" in text


def test_sections_option_makes_a_talking_points_card(sample_copy, tmp_path):
    out = tmp_path / "card.docx"
    result = export_sample(
        sample_copy, str(out), "--sections", "Talking Points for the Secretary", "--no-numbered"
    )
    assert result.returncode == 0, result.stderr
    headings = [t for s, t in body_paragraphs(out) if s == "Heading 1"]
    assert headings == ["Summary", "Talking Points for the Secretary"]
    bad = export_sample(sample_copy, str(out), "--sections", "Nonexistent")
    assert bad.returncode == 1 and "No section titled 'Nonexistent'" in bad.stderr


def test_toc_and_cover(sample_copy, tmp_path):
    out = tmp_path / "book.docx"
    result = export_sample(sample_copy, str(out), "--toc", "--cover")
    assert result.returncode == 0, result.stderr
    document = Document(str(out))
    assert document.paragraphs[0].text == SAMPLE_BRIEFING_TITLE
    assert 'TOC \\o "1-3"' in document.element.body.xml
    assert document.settings.element.find(f"{W}updateFields") is not None


def _one_section_briefing(store: Store, *, markings: list[str], **fields) -> str:
    with store.session() as session:
        event = events.create_event(
            session, title="Ministerial", kind="ministerial", starts_on="1987-09-15"
        )
        book = briefings.create_briefing(
            session, event, title="Card", **{"drafted_on": "1987-09-14", **fields}
        )
        section = briefings.add_section(session, book, kind="talking points", title="Points")
        for n, marking in enumerate(markings):
            briefings.add_text_item(session, section, f"Point {n}.", marking=marking)
        return str(book.id)


def test_entire_text_line_only_when_every_portion_matches(store, tmp_path):
    same = _one_section_briefing(
        store,
        markings=["SECRET", "SECRET"],
        base_marking="SECRET",
        classified_by="X",
        classification_reason="Y",
        declassify_on="Z",
    )
    out = tmp_path / "same.md"
    result = export_briefing(store.session, same, out, options=ExportOptions(entire_text=True))
    text = out.read_text()
    assert "Secret—Entire text." in text and "(S)" not in text
    assert result.warnings == ()
    mixed = _one_section_briefing(
        store,
        markings=["SECRET", "UNCLASSIFIED"],
        base_marking="SECRET",
        classified_by="X",
        classification_reason="Y",
        declassify_on="Z",
    )
    result = export_briefing(store.session, mixed, out, options=ExportOptions(entire_text=True))
    assert "Entire text" not in out.read_text() and "(U) Point 1." in out.read_text()
    assert any("--entire-text" in w for w in result.warnings)


def test_unclassified_paper_has_no_portion_marks(store, tmp_path):
    ref = _one_section_briefing(store, markings=["UNCLASSIFIED"], base_marking="UNCLASSIFIED")
    out = tmp_path / "u.docx"
    result = export_briefing(store.session, ref, out)
    assert result.marking == "UNCLASSIFIED" and result.warnings == ()
    document = Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "UNCLASSIFIED"
    assert "(U)" not in "".join(p.text for p in document.paragraphs)


def test_cable_format_has_eo_line_tags_and_capital_subject(store, tmp_path):
    ref = _one_section_briefing(
        store,
        markings=["CONFIDENTIAL"],
        memo_kind="cable",
        subject="Country action plan for the USSR",
        eo_line="E.O. 11652: GDS",
        tags="SHUM, PINT, UR, US",
    )
    out = tmp_path / "cable.docx"
    export_briefing(store.session, ref, out)
    lines = [t for s, t in body_paragraphs(out) if s == "Memo Header"]
    assert lines[:3] == [
        "E.O. 11652: GDS",
        "TAGS: SHUM, PINT, UR, US",
        "SUBJECT: COUNTRY ACTION PLAN FOR THE USSR",
    ]


# ------------------------------------------------------------------ warnings and --strict


def test_missing_authority_warns_and_strict_refuses_writing_nothing(sample_copy, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with Store.open(sample_copy) as store, store.session() as session:
        event = events.get_event(session, "Washington summit")
        book = briefings.create_briefing(
            session, event, title="Unauthorised", base_marking="SECRET", sample=True
        )
        section = briefings.add_section(session, book, kind="background", title="B", sample=True)
        briefings.add_text_item(session, section, "Unmarked text.", marking=None, sample=True)
    out = tmp_path / "u.docx"
    loose = briefer("--db", str(sample_copy), "export", "Unauthorised", "--out", str(out))
    assert loose.returncode == 0 and out.exists()
    assert (
        "lacks its classification authority: Classified By, Reason, Declassify On" in loose.stderr
    )
    assert "has no portion marking" in loose.stderr
    out.unlink()
    strict = briefer(
        "--db", str(sample_copy), "export", "Unauthorised", "--out", str(out), "--strict"
    )
    assert strict.returncode == 1 and "Export refused (--strict)" in strict.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_marking_the_vocabulary_no_longer_knows_is_a_warning(store, tmp_path):
    """E.g. a caveat removed from markings.json after the item was marked."""
    from sqlalchemy import update

    ref = _one_section_briefing(
        store,
        markings=["SECRET"],
        base_marking="SECRET",
        classified_by="X",
        classification_reason="Y",
        declassify_on="Z",
    )
    with store.session() as session:
        session.execute(update(m.BriefingItem).values(marking="SECRET/ORCON"))
    result = export_briefing(store.session, ref, tmp_path / "x.docx")
    assert any("Unknown caveat 'ORCON'" in w for w in result.warnings)
    assert result.marking == "SECRET"
    with pytest.raises(ValidationError, match="Export refused"):
        export_briefing(store.session, ref, tmp_path / "y.docx", strict=True)
    assert not (tmp_path / "y.docx").exists()


# ------------------------------------------------------------------ Markdown in items


def _export_text(store: Store, tmp_path: Path, text: str, kind: str = "background") -> Document:
    with store.session() as session:
        event = events.create_event(session, title="E", kind="other", starts_on="1987-01-01")
        book = briefings.create_briefing(
            session, event, title="Markdown", base_marking="UNCLASSIFIED"
        )
        section = briefings.add_section(session, book, kind=kind, title="Section")
        briefings.add_text_item(session, section, text, marking="U")
        ref = str(book.id)
    out = tmp_path / "md.docx"
    export_briefing(store.session, ref, out)
    return Document(str(out))


def test_markdown_becomes_word_runs_lists_links_and_quotes(store, tmp_path):
    document = _export_text(
        store,
        tmp_path,
        (
            "Plain **bold** *italic* `code` [the Act](https://www.osce.org/helsinki-final-act) "
            "<b>not html</b>  \nnext line\n\n"
            "- one\n    - nested\n- two\n\n1. first\n2. second\n\n> quoted\n\n# Inner heading"
        ),
    )
    paragraphs = [
        p
        for p in document.paragraphs
        if p.style.name not in ("Memo Kind", "Memo Header", "Heading 1", "Clearance Block")
    ]
    first = paragraphs[0]
    runs = {r.text.strip(): r for r in first.runs if r.text.strip()}
    assert runs["bold"].bold and runs["italic"].italic
    assert runs["code"].style.name == "Inline Code"
    assert "<b>not html</b>" in first.text
    assert "\n" in first.text  # the hard line break
    links = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert [r.target_ref for r in links] == ["https://www.osce.org/helsinki-final-act"]
    assert "w:hyperlink" in first._p.xml
    styles = [(p.style.name, p.text) for p in paragraphs[1:]]
    assert styles == [
        ("List Bullet", "one"),
        ("List Bullet 2", "nested"),
        ("List Bullet", "two"),
        ("List Number", "first"),
        ("List Number", "second"),
        ("Quote", "quoted"),
        ("Heading 2", "Inner heading"),
    ]


def test_unsafe_link_schemes_stay_text(store, tmp_path):
    document = _export_text(store, tmp_path, "[click](javascript:alert(1)) and [f](file:///etc)")
    assert not [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]


@settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(
        st.text(min_size=1, max_size=200),
        st.lists(
            st.sampled_from(
                [
                    "**b**",
                    "*i*",
                    "- x",
                    "1. y",
                    "> q",
                    "`c`",
                    "[l](http://a)",
                    "<i>",
                    "&amp;",
                    "\x00",
                    "\x0b",
                    "\ud7ff",
                    "\U0001f600",
                    "\n",
                    "  \n",
                    "#",
                    "|",
                    "\\",
                    "\ufffe",
                    "\ud800",
                ]
            ),
            min_size=1,
            max_size=20,
        ).map("".join),
    )
)
def test_any_pasted_text_exports_to_a_readable_document(store, tmp_path, text):
    document = _export_text(store, tmp_path, text)
    assert document.paragraphs  # python-docx (lxml) parsed every part


# ------------------------------------------------------------------ writing safely


def test_unwritable_targets_get_clear_errors_and_leave_nothing(sample_copy, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    cases = {
        str(tmp_path / "missing" / "b.docx"): "does not exist",
        str(a_file / "b.docx"): "is a file, not a folder",
        str(folder): "is a folder",
    }
    for target, message in cases.items():
        result = briefer("--db", str(sample_copy), "export", SAMPLE_BRIEFING_TITLE, "--out", target)
        assert result.returncode == 1, target
        assert message in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder"]
    assert list(folder.iterdir()) == []


def test_read_only_folder_is_refused(sample_copy, tmp_path):
    """A folder the user cannot write in. Root ignores permission bits, so as root the folder
    is made immutable (chattr +i), which refuses even root."""
    locked = tmp_path / "locked"
    locked.mkdir()
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(locked)], check=True)
    else:
        locked.chmod(0o555)
    try:
        result = export_sample(sample_copy, str(locked / "b.docx"))
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(locked)], check=True)
        else:
            locked.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert f"Cannot write in {locked}" in result.stderr
    assert "Choose a folder you can write to" in result.stderr
    assert list(locked.iterdir()) == []


def test_a_failed_export_never_clobbers_the_existing_file(store, tmp_path, monkeypatch):
    ref = _one_section_briefing(store, markings=["UNCLASSIFIED"])
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "brief.docx"
    export_briefing(store.session, ref, out)
    good = out.read_bytes()

    from briefer.export import docx_writer

    def broken_save(self, path):
        Path(path).write_bytes(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx_writer.DocxWriter, "save", broken_save)
    with pytest.raises(ExportError, match=r"No space left on device\. Nothing was changed"):
        export_briefing(store.session, ref, out)
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]
    assert zipfile.is_zipfile(out)


def test_reference_doc_styles_are_used_and_a_bad_one_is_refused(store, tmp_path):
    from docx.shared import Pt

    reference = tmp_path / "office.docx"
    from briefer.paths import asset

    document = Document(str(asset("templates", "reference.docx")))
    document.styles["Heading 1"].font.size = Pt(20)
    document.save(str(reference))
    ref = _one_section_briefing(store, markings=["UNCLASSIFIED"])
    out = tmp_path / "styled.docx"
    export_briefing(store.session, ref, out, reference=reference)
    assert Document(str(out)).styles["Heading 1"].font.size == Pt(20)
    with pytest.raises(ValidationError, match="lacks the style"):
        export_briefing(store.session, ref, out, reference=_plain_docx(tmp_path))
    not_word = tmp_path / "notes.docx"
    not_word.write_text("hello")
    with pytest.raises(ValidationError, match="cannot be read as a Word file"):
        export_briefing(store.session, ref, out, reference=not_word)


def _plain_docx(tmp_path: Path) -> Path:
    path = tmp_path / "plain.docx"
    Document().save(str(path))
    return path


def test_progress_section_carries_indicator_charts(sample_docx):
    """One matplotlib chart per indicator with data, as a picture, with a marked caption."""
    document = Document(str(sample_docx))
    images = [r for r in document.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == 3  # prisoners released (%), released since Reykjavik, emigration
    assert all(r.target_part.content_type == "image/png" for r in images)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert (
        "(S) Jewish emigration: 800 persons per month on 1987-12-19; target 833 persons "
        "per month (10,000 a year)." in captions
    )
