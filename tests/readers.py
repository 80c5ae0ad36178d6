"""Independent readers of exported files: pandoc, LibreOffice + pdftotext, python-docx.

A missing tool is a failure with a message saying what to install (``make test`` installs
them), never a skip: CI must not pass without having read the files.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document


def require(tool: str, package: str) -> str:
    found = shutil.which(tool)
    assert found, f"{tool} is needed to read exports back; install the Debian package {package}"
    return found


def pandoc_plain(path: Path) -> str:
    pandoc = require("pandoc", "pandoc")
    result = subprocess.run(
        [pandoc, "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def pdf_pages(docx_path: Path) -> list[str]:
    """Convert with LibreOffice, extract with pdftotext; one string per page."""
    soffice = require("soffice", "libreoffice-writer-nogui")
    pdftotext = require("pdftotext", "poppler-utils")
    with tempfile.TemporaryDirectory(prefix="briefer-lo-") as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx_path),
            ],
            capture_output=True,
            timeout=300,
            check=True,
        )
        pdf = Path(tmp) / (docx_path.stem + ".pdf")
        assert pdf.exists(), "LibreOffice did not produce a PDF"
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def body_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables excluded."""
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]
