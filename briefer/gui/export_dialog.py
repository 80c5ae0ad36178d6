"""The export dialog: options, a worker thread with progress and Cancel, then open the file.

The export itself is the same function the CLI calls (``services.exports``). It runs on
QThreadPool so the window stays responsive; the document is read from the store first, on
the worker's own unit of work, and written to a temporary file that is renamed into place —
so Cancel, or a failure, never leaves a partial file.

Ownership: the window parents the dialog, and the dialog parents :class:`ExportDialog` (a
QObject), whose methods are the buttons' slots. Nothing else needs to hold either: the
dialog deletes itself once it is closed and no export is running.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.errors import bug_details, show_bug
from briefer.gui.forms import load_form
from briefer.gui.qt import (
    QCheckBox,
    QComboBox,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QProgressBar,
    QPushButton,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QUrl,
    QWidget,
    Signal,
)


class _Signals(QObject):
    finished = Signal(object)  # ExportResult
    failed = Signal(str)  # a refusal or Cancel, in a sentence
    crashed = Signal(str)  # a bug: its details (errors.bug_details), quoting no content


class ExportJob(QRunnable):
    def __init__(
        self,
        ctx: StoreContext,
        briefing_id: str,
        out: Path,
        fmt: str,
        reference: Path | None,
        options: Any,
    ):
        super().__init__()
        self.signals = _Signals()
        self.ctx, self.briefing_id, self.out, self.fmt = ctx, briefing_id, out, fmt
        self.reference, self.options = reference, options
        self.cancelled = False

    def run(self) -> None:
        from briefer.services.exports import export_briefing

        try:
            result = export_briefing(
                self.ctx.store.session,
                self.briefing_id,
                self.out,
                fmt=self.fmt,
                reference=self.reference,
                options=self.options,
                today=self.ctx.store.today(),
            )
        except BrieferError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: a short message, the details collapsed and logged
            self.signals.crashed.emit(bug_details(exc))
            return
        if self.cancelled:
            result.path.unlink(missing_ok=True)
            self.signals.failed.emit("Export cancelled; no file was written.")
            return
        self.signals.finished.emit(result)


class ExportDialog(QObject):
    """The Designer form ``export_dialog.ui``, filled for one briefing; a child of it."""

    def __init__(
        self, ctx: StoreContext, briefing_id: str, title: str, parent: QWidget | None = None
    ):
        dialog = load_form("export_dialog.ui", parent)
        assert isinstance(dialog, QDialog)
        super().__init__(dialog)  # owned by the dialog: the slots below live as long as it
        self.dialog, self.ctx, self.briefing_id = dialog, ctx, briefing_id
        self.job: ExportJob | None = None
        self.result: Any = None
        self.format = dialog.findChild(QComboBox, "formatCombo")
        self.format.addItem("Word document (.docx)", "docx")
        self.format.addItem("Markdown (.md)", "md")
        self.path = dialog.findChild(QLineEdit, "pathEdit")
        self.reference = dialog.findChild(QLineEdit, "referenceEdit")
        self.reference.setPlaceholderText("templates/reference.docx (default)")
        self.numbered = dialog.findChild(QCheckBox, "numberedCheck")
        self.toc = dialog.findChild(QCheckBox, "tocCheck")
        self.cover = dialog.findChild(QCheckBox, "coverCheck")
        self.progress = dialog.findChild(QProgressBar, "progressBar")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.warnings = dialog.findChild(QLabel, "warningsLabel")
        self.warnings.setText(self._review_warning())
        dialog.resize(max(620, dialog.sizeHint().width()), dialog.sizeHint().height())
        self._fit()
        self.buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        dialog.finished.connect(self._closed)  # any way: Export, Cancel, Escape, title bar
        dialog.findChild(QPushButton, "browseButton").clicked.connect(self._browse)
        dialog.findChild(QPushButton, "referenceButton").clicked.connect(self._browse_reference)
        self.format.currentIndexChanged.connect(self._format_changed)
        settings = QSettings()
        remembered = settings.value(f"export/{briefing_id}/path")
        default_name = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in title).strip()
        self.path.setText(remembered or str(Path.home() / f"{default_name or 'briefing'}.docx"))
        self.format.setCurrentIndex(
            max(0, self.format.findData(settings.value(f"export/{briefing_id}/format", "docx")))
        )
        self.numbered.setChecked(settings.value(f"export/{briefing_id}/numbered", True, bool))
        self.toc.setChecked(settings.value(f"export/{briefing_id}/toc", False, bool))
        self.cover.setChecked(settings.value(f"export/{briefing_id}/cover", False, bool))
        self.reference.setText(settings.value("export/reference", ""))

    def open(self) -> None:
        """Show the dialog window-modal; it returns at once."""
        self.dialog.open()

    def _fit(self) -> None:
        """Grow the dialog to show the whole of the wrapped warning (a word-wrapped label's
        height depends on its width, which the dialog's minimum size does not follow)."""
        width = self.dialog.width()
        needed = self.dialog.heightForWidth(width)
        if needed > self.dialog.height():
            self.dialog.resize(width, needed)

    def _set_warning(self, text: str) -> None:
        self.warnings.setText(text)
        self._fit()

    def _review_warning(self) -> str:
        """Said before exporting: the paper may be reusing something stale."""
        from briefer.services.briefings import get_briefing
        from briefer.services.carry_review import review

        briefing_id, today = self.briefing_id, self.ctx.store.today()
        flags = self.ctx.read(lambda s: review(s, get_briefing(s, briefing_id), today=today))
        if not flags:
            return ""
        return (
            f"⚠ {len(flags)} carry-forward review flag(s) unresolved: items may be stale. "
            "Edit → Review Briefing to accept or keep them."
        )

    def _format_changed(self) -> None:
        current = Path(self.path.text())
        self.path.setText(
            str(current.with_suffix(".md" if self.format.currentData() == "md" else ".docx"))
        )

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.dialog, "Export to", self.path.text(), "Word (*.docx);;Markdown (*.md)"
        )
        if chosen:
            self.path.setText(chosen)

    def _browse_reference(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.dialog, "Reference document", "", "Word (*.docx)"
        )
        if chosen:
            self.reference.setText(chosen)

    def start(self) -> None:
        from briefer.export.assemble import ExportOptions

        out = Path(self.path.text()).expanduser()
        reference = Path(self.reference.text()).expanduser() if self.reference.text() else None
        settings = QSettings()
        settings.setValue(f"export/{self.briefing_id}/path", str(out))
        settings.setValue(f"export/{self.briefing_id}/format", self.format.currentData())
        settings.setValue(f"export/{self.briefing_id}/numbered", self.numbered.isChecked())
        settings.setValue(f"export/{self.briefing_id}/toc", self.toc.isChecked())
        settings.setValue(f"export/{self.briefing_id}/cover", self.cover.isChecked())
        settings.setValue("export/reference", self.reference.text())
        options = ExportOptions(
            numbered=self.numbered.isChecked(),
            toc=self.toc.isChecked(),
            cover=self.cover.isChecked(),
        )
        self.job = ExportJob(
            self.ctx, self.briefing_id, out, self.format.currentData(), reference, options
        )
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.crashed.connect(self._crashed)
        self.progress.setRange(0, 0)  # busy
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        QThreadPool.globalInstance().start(self.job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancelled = True
            self._set_warning("Cancelling…")
            return
        self.dialog.reject()

    def _closed(self, _code: int) -> None:
        """Closed: deleted now, or — while an export runs — cancelled, and deleted when the
        job reports back (its signals are connected to this object)."""
        if self.job is not None:
            self.job.cancelled = True
            return
        self.dialog.deleteLater()

    def _job_done(self) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if not self.dialog.isVisible():  # closed while the export ran
            self.dialog.deleteLater()

    def _finished(self, result: Any) -> None:
        window = self.dialog.parentWidget()
        self.result = result
        self._job_done()
        self.progress.setValue(1)
        if self.dialog.isVisible():
            self.dialog.accept()
        _show_exported(window, result)

    def _failed(self, message: str) -> None:
        self._job_done()
        self.progress.setValue(0)
        self._set_warning(message)

    def _crashed(self, details: str) -> None:
        self._job_done()
        self.progress.setValue(0)
        self._set_warning("The export failed because of a bug; no file was written.")
        show_bug(self.dialog.parentWidget(), "The export failed", details)


def _show_exported(window: QWidget | None, result: Any) -> None:
    """Where the file went, with buttons to open it or its folder; owned by the window."""
    warnings = "\n".join(f"• {w}" for w in result.warnings)
    box = QMessageBox(window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("exportedMessage")
    box.setWindowTitle("Exported")
    box.setText(f"Exported {result.marking} to\n{result.path}")
    if warnings:
        box.setInformativeText(f"With warnings:\n{warnings}")
    open_file = box.addButton("Open File", QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("Open Folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)

    def chosen(button: Any) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))

    box.buttonClicked.connect(chosen)
    box.open()
