"""Imports, all or nothing: talking points from Word and Markdown, cases from CSV in the
encodings and layouts offices actually send, on both dialects and on the command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document

from briefer.services import cases, library
from briefer.services.exports import export_list
from briefer.services.imports import ImportRefused, import_cases, import_points, parse_date
from tests.test_cli import briefer


def _docx(path: Path, blocks: list[tuple[str, str]]) -> Path:
    document = Document()
    for style, text in blocks:
        if style == "heading":
            document.add_heading(text, level=1)
        elif style == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def _counts(session):
    return (
        len(library.list_points(session)),
        len(cases.list_cases(session)),
        sum(len(c.status_events) for c in cases.list_cases(session)),
    )


# ------------------------------------------------------------------ points


def test_points_from_word_take_topics_from_headings_and_markings_from_portion_marks(
    store, tmp_path
):
    path = _docx(
        tmp_path / "points.docx",
        [
            ("heading", "Emigration"),
            ("body", "(C) Emigration has reached a plateau. Figures follow."),
            ("bullet", "(S/NF) Repeal the relatives' permission requirement."),
            ("heading", "Radio jamming"),
            ("body", "(U) Keep foreign broadcasts unjammed."),
            ("body", "No portion mark on this one."),
        ],
    )
    with store.session() as session:
        report = import_points(session, path)
        points = {p.title: p for p in library.list_points(session)}
    assert len(report.created) == 4 and report.merged == [] and report.written
    plateau = points["Emigration has reached a plateau"]
    assert (plateau.topic, plateau.marking) == ("Emigration", "CONFIDENTIAL")
    assert plateau.body == "Emigration has reached a plateau. Figures follow."
    assert points["Repeal the relatives' permission requirement"].marking == "SECRET/NOFORN"
    assert points["Keep foreign broadcasts unjammed"].topic == "Radio jamming"
    assert points["No portion mark on this one"].marking == "UNCLASSIFIED"


def test_a_word_file_holding_control_characters_imports_clean_text(store, tmp_path):
    blocks = [("heading", "Travel"), ("body", "(C) Exit visasBELL for all.")]
    made = _docx(tmp_path / "made.docx", blocks)
    path = tmp_path / "bell.docx"  # the same file with a raw BEL (0x07) in its XML
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"BELL", b"\x07")
            target.writestr(info, data)
    with store.session() as session:
        import_points(session, path)
        (point,) = library.list_points(session)
    assert point.body == "Exit visas for all." and "\x07" not in point.title


def test_points_from_markdown_and_a_second_import_merges(store, tmp_path):
    path = tmp_path / "points.md"
    path.write_text(
        "# Psychiatric abuse\n\n(S) End the abuse of psychiatry.\n\n"
        "- (C) Special *psychiatric* hospitals remain.\n- Patients need access.\n",
        encoding="utf-8",
    )
    with store.session() as session:
        first = import_points(session, path)
    assert [(c["line"], c["topic"], c["marking"]) for c in first.created] == [
        (3, "Psychiatric abuse", "SECRET"),
        (5, "Psychiatric abuse", "CONFIDENTIAL"),
        (6, "Psychiatric abuse", None),
    ]
    path.write_text(path.read_text().replace("remain.", "remain open."), encoding="utf-8")
    with store.session() as session:
        second = import_points(session, path)
        hospitals = next(p for p in library.list_points(session) if p.title.startswith("Special"))
    assert len(second.created) == 1 and len(second.merged) == 2  # the changed title is new
    assert hospitals.revision == 1


def test_a_file_that_is_not_word_is_refused_with_its_name(store, tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("not a zip")
    with store.session() as session, pytest.raises(Exception, match=r"fake\.docx is not a Word"):
        import_points(session, path)


# ------------------------------------------------------------------ cases


def test_dates_in_every_accepted_form_and_ambiguous_ones_refused():
    assert str(parse_date("1987-12-19", "d")) == "1987-12-19"
    assert str(parse_date("19.12.1987", "d")) == "1987-12-19"
    assert str(parse_date("12/19/1987", "d")) == "1987-12-19"
    assert str(parse_date("December 19, 1987", "d")) == "1987-12-19"
    assert str(parse_date("19/12/1987", "d")) == "1987-12-19"  # only one reading
    with pytest.raises(Exception, match="'03/04/1987' is ambiguous"):
        parse_date("03/04/1987", "status date")


@pytest.mark.parametrize(
    ("encoding", "separator"), [("utf-8-sig", ","), ("utf-8", ";"), ("cp1251", ";")]
)
def test_cases_from_csv_in_any_encoding_and_separator_merge_by_name_key(
    sample_store, tmp_path, encoding, separator
):
    rows = [
        ["ФИО", "категория", "статус", "status date", "источник"],
        ["Щаранский Анатолий", "refusenik", "released", "11.02.1986", "Embassy Moscow"],
        ["Иван Петрович Орлов", "political prisoner", "imprisoned", "March 4, 1987", "NGO report"],
    ]
    path = tmp_path / "cases.csv"
    text = io.StringIO()
    csv.writer(text, delimiter=separator).writerows(rows)  # quotes "March 4, 1987" for ','
    path.write_bytes(text.getvalue().encode(encoding))
    with sample_store.session() as session:
        before = _counts(session)
        report = import_cases(session, path)
        sharansky = cases.get_case(session, "Anatoly Shcharanskiy")
        orlov = cases.get_case(session, "Иван Петрович Орлов")
        after = _counts(session)
    assert [m["into"] for m in report.merged] == ["Anatoly Shcharanskiy"]
    assert [c["name"] for c in report.created] == ["Иван Петрович Орлов"]
    assert "Щаранский Анатолий" in sharansky.name_variants
    reports = [(e.status, str(e.occurred_on), e.source) for e in sharansky.status_events]
    assert ("released", "1986-02-11", "Embassy Moscow") in reports
    assert orlov.latest_status.status == "imprisoned"
    assert after == (before[0], before[1] + 1, before[2] + 2)


def test_a_near_match_is_rejected_with_its_line_unless_accepted(sample_store, tmp_path):
    path = tmp_path / "near.csv"
    path.write_text("name,category\nAnatoly Sharanskin,refusenik\n", encoding="utf-8")
    with sample_store.session() as session:
        before = _counts(session)
        with pytest.raises(ImportRefused) as refused:
            import_cases(session, path)
        assert _counts(session) == before
    assert refused.value.report.rejected[0]["line"] == 2
    assert "close to 'Anatoly Shcharanskiy'" in refused.value.report.rejected[0]["reason"]
    with sample_store.session() as session:
        report = import_cases(session, path, accept_near=True)
    assert report.created[0]["note"] == "near 'Anatoly Shcharanskiy', accepted"


def test_every_bad_row_is_reported_and_nothing_is_written(sample_store, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "name,category,status,status date\n"
        "Good Person,refusenik,refused,1987-01-01\n"
        "Bad Date,refusenik,refused,31.02.1987\n"
        ",refusenik,refused,1987-01-01\n"
        "Odd Status,refusenik,vanished,1987-01-01\n",
        encoding="utf-8",
    )
    with sample_store.session() as session:
        before = _counts(session)
        with pytest.raises(ImportRefused) as refused:
            import_cases(session, path)
        assert _counts(session) == before
    assert [r["line"] for r in refused.value.report.rejected] == [3, 4, 5]
    assert "31.02.1987" in refused.value.report.rejected[0]["reason"]


def test_the_case_list_annex_reads_back_unchanged(sample_store, tmp_path):
    out = tmp_path / "annex.csv"
    export_list(sample_store.session, "Political and religious prisoners", out)
    with sample_store.session() as session:
        before = _counts(session)
        variants = {c.primary_name: list(c.name_variants) for c in cases.list_cases(session)}
        report = import_cases(session, out)
        assert _counts(session) == before
        assert {
            c.primary_name: list(c.name_variants) for c in cases.list_cases(session)
        } == variants
    assert report.created == [] and len(report.merged) == 13


# ------------------------------------------------------------------ the command line


def test_imports_on_the_command_line_report_json_and_exit_1_on_errors(sample_sqlite, tmp_path):
    db = tmp_path / "s.db"
    shutil.copyfile(sample_sqlite, db)
    good = tmp_path / "good.csv"
    good.write_text("name,category\nЕлена Боннэр,Helsinki monitor\n", encoding="utf-8")
    dry = briefer("--db", str(db), "import", "cases", str(good), "--dry-run", "--json")
    assert dry.returncode == 0 and json.loads(dry.stdout)["written"] is False
    done = briefer("--db", str(db), "import", "cases", str(good), "--json")
    assert json.loads(done.stdout)["created"][0]["name"] == "Елена Боннэр"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,category,since\nX Y,refusenik,05/06/1980\n", encoding="utf-8")
    refused = briefer("--db", str(db), "import", "cases", str(bad), "--json")
    assert refused.returncode == 1
    assert json.loads(refused.stdout)["rejected"][0]["line"] == 2
    assert "line 2: since '05/06/1980' is ambiguous" in refused.stderr
    points = _docx(
        tmp_path / "p.docx", [("heading", "Travel"), ("body", "(C) Exit visas for all.")]
    )
    imported = briefer("--db", str(db), "import", "points", str(points))
    assert imported.returncode == 0 and "1 created and 0 merged were" in imported.stdout
