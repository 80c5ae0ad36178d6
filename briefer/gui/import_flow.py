"""File → Import: check the whole file first (a dry run), show what it would do, and write
only when the person agrees. A refused file says which lines need fixing; nothing is
written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import QFileDialog, QMessageBox, QWidget

FILTERS = {
    "points": "Word or Markdown (*.docx *.md *.markdown);;All files (*)",
    "cases": "CSV (*.csv);;All files (*)",
}
TITLES = {"points": "Import Talking Points", "cases": "Import Cases"}


def _run(ctx: StoreContext, kind: str, path: Path, *, dry_run: bool, accept_near: bool) -> Any:
    from briefer.services.imports import import_cases, import_points

    if kind == "points":
        return ctx.write(import_points, path, dry_run=dry_run)
    return ctx.write(
        import_cases, path, dry_run=dry_run, accept_near=accept_near, today=ctx.store.today()
    )


def import_file(
    parent: QWidget, ctx: StoreContext, kind: str, path: Path | None = None
) -> Any | None:
    """Ask for a file (unless given), preview, confirm, import; returns the report."""
    title = TITLES[kind]
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), FILTERS[kind])
        if not chosen:
            return None
        path = Path(chosen)
    accept_near = False
    try:
        preview = _run(ctx, kind, path, dry_run=True, accept_near=False)
    except BrieferError as exc:
        near = "--accept-near" in str(exc)
        if not near:
            QMessageBox.warning(parent, title, str(exc))
            return None
        answer = QMessageBox.question(
            parent,
            title,
            f"{exc}\n\nImport these near matches as new cases anyway?".replace(
                "re-run with --accept-near to add it as a new case", "import it as a new case"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        accept_near = True
        preview = _run(ctx, kind, path, dry_run=True, accept_near=True)
    answer = QMessageBox.question(
        parent,
        title,
        f"{path.name}: {len(preview.created)} new and {len(preview.merged)} merged into "
        "existing entries. Import them?",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        report = _run(ctx, kind, path, dry_run=False, accept_near=accept_near)
    except BrieferError as exc:
        QMessageBox.warning(parent, title, str(exc))
        return None
    ctx.library_changed.emit()
    return report
