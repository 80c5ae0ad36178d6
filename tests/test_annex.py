"""Case-list annexes: Word (same styles and markings as a briefing) and CSV read back."""

from __future__ import annotations

import csv
import subprocess
import sys

from docx import Document

from briefer.services import cases
from briefer.services.exports import export_list


def _list_with_awkward_names(store) -> None:
    with store.session() as session:
        case_list = cases.create_list(
            session,
            name="Awkward names",
            kind="priority",
            forum="Summit",
            description="Names that test the CSV.",
        )
        for name, variants, marking in (
            ("Щаранский Анатолий", ["Anatoly Shcharanskiy"], "CONFIDENTIAL"),
            ('Smith, John "Jack"', ["J. Smith"], "SECRET/NOFORN"),
        ):
            case = cases.create_case(
                session,
                primary_name=name,
                name_variants=variants,
                category="refusenik",
                marking=marking,
            )
            cases.add_status(
                session, case, occurred_on="1987-11-17", status="pending", source="Embassy, Moscow"
            )
            cases.add_to_list(session, case_list, case)


def test_csv_annex_round_trips_cyrillic_commas_and_quotes(store, tmp_path):
    _list_with_awkward_names(store)
    out = tmp_path / "annex.csv"
    export_list(store.session, "Awkward names", out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "name",
        "variants",
        "category",
        "location",
        "since",
        "status",
        "status date",
        "source",
    ]
    assert [r["name"] for r in rows] == ["Щаранский Анатолий", 'Smith, John "Jack"']
    assert rows[0]["variants"] == "Anatoly Shcharanskiy"
    assert (rows[1]["status"], rows[1]["status date"], rows[1]["source"]) == (
        "pending",
        "1987-11-17",
        "Embassy, Moscow",
    )


def test_word_annex_uses_the_briefing_styles_and_markings(store, tmp_path):
    _list_with_awkward_names(store)
    out = tmp_path / "annex.docx"
    result = export_list(store.session, "Awkward names", out)
    assert result.marking == "SECRET/NOFORN"
    document = Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "SECRET/NOFORN"
    table = document.tables[0]
    assert table.style.name == "Table Grid" and len(table.rows) == 3
    assert table.rows[1].cells[0].text == "(C) Щаранский Анатолий"
    assert table.rows[2].cells[0].text == '(S/NF) Smith, John "Jack"'
    assert any(p.text == "(S/NF) Names that test the CSV." for p in document.paragraphs)


def test_lists_export_on_the_command_line(sample_sqlite, tmp_path):
    path = tmp_path / "s.db"
    path.write_bytes(sample_sqlite.read_bytes())
    for name, expect in (("annex.docx", "Exported SECRET docx"), ("annex.csv", "Exported csv")):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "briefer",
                "--db",
                str(path),
                "lists",
                "export",
                "Political and religious prisoners",
                "--out",
                str(tmp_path / name),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0 and expect in result.stdout, result.stderr
    statement = tmp_path / "refuseniks.docx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "briefer",
            "--db",
            str(path),
            "lists",
            "export",
            "All known refuseniks",
            "--out",
            str(statement),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert Document(str(statement)).tables == []  # a category statement, not a table
