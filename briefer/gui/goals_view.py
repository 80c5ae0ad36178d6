"""Goals and progress: goals by tier with their assessment, each indicator's observations,
and its chart against the target — drawn by ``briefer.charts.draw_indicator``, the same
function that draws the Word export's picture, here on matplotlib's Qt canvas."""

from __future__ import annotations

from typing import Any

from briefer.errors import BrieferError
from briefer.gui.context import StoreContext
from briefer.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QUndoStack,
    QVBoxLayout,
    QWidget,
)
from briefer.gui.typing_pause import TypingPause
from briefer.models.enums import Assessment, GoalTier
from briefer.services import goals as goal_service
from briefer.services.goals import GoalRow, IndicatorRow


def _canvas() -> Any:
    """A matplotlib figure on a Qt canvas (imported here: only this page needs it)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    canvas = FigureCanvasQTAgg(Figure(figsize=(6, 2.8), dpi=100))
    canvas.setObjectName("indicatorChart")
    canvas.setAccessibleName("Indicator chart against its target")
    canvas.setMinimumHeight(120)  # it grows with the page; the page fits a 700-px screen
    return canvas


class GoalsView(QWidget):
    def __init__(self, ctx: StoreContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)  # what Edit → Undo undoes while this page is shown
        self.ctx = ctx
        self.goals: list[GoalRow] = []
        self.goal: GoalRow | None = None
        self.indicator: IndicatorRow | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("goalTree")
        self.tree.setAccessibleName("Goals by tier")
        self.tree.setHeaderLabels(["Goal", "Assessment"])
        self.tree.setWordWrap(True)
        self.goal_text = QLabel()
        self.goal_text.setObjectName("goalText")
        self.goal_text.setWordWrap(True)
        self.goal_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assessment = QComboBox()
        self.assessment.setObjectName("goalAssessment")
        self.assessment.setAccessibleName("Assessment")
        self.assessment.addItems([a.value for a in Assessment])
        self.note = QPlainTextEdit()
        self.note.setObjectName("goalNote")
        self.note.setAccessibleName("Assessment note")
        self.note.setMaximumHeight(70)
        # No Save: the assessment saves as it is chosen or typed; a refusal is said here.
        self.message = QLabel()
        self.message.setObjectName("goalMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a4000f;")
        self.message.hide()
        self._baseline: tuple[str, str] = ("", "")  # the assessment as last shown or saved
        self._flushing: tuple[str, str] | None = None
        self.indicator_combo = QComboBox()
        self.indicator_combo.setObjectName("indicatorChoice")
        self.indicator_combo.setAccessibleName("Indicator")
        self.canvas = _canvas()
        self.observations = QTableWidget(0, 4)
        self.observations.setObjectName("observations")
        self.observations.setAccessibleName("Observations")
        self.observations.setHorizontalHeaderLabels(["Date", "Value", "Source", "Note"])
        self.observations.verticalHeader().hide()
        self.observations.horizontalHeader().setStretchLastSection(True)
        self.observations.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton("Add &observation…")
        self.add_button.setObjectName("addObservation")
        self.add_button.clicked.connect(self.ask_observation)

        goal_box = QGroupBox("Goal")
        goal_form = QFormLayout(goal_box)
        goal_form.addRow(self.goal_text)
        goal_form.addRow("&Assessment:", self.assessment)
        goal_form.addRow("&Note:", self.note)
        goal_form.addRow(self.message)
        indicator_box = QGroupBox("Progress")
        indicator_layout = QVBoxLayout(indicator_box)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("In&dicator:"))
        choose.itemAt(0).widget().setBuddy(self.indicator_combo)
        choose.addWidget(self.indicator_combo, 1)
        choose.addWidget(self.add_button)  # beside the indicator it adds to: one row less
        indicator_layout.addLayout(choose)
        indicator_layout.addWidget(self.canvas, 3)
        indicator_layout.addWidget(self.observations, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(goal_box)
        right_layout.addWidget(indicator_box, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.tree.currentItemChanged.connect(self._goal_chosen)
        self.typing = TypingPause(self, self.flush_typing)
        self.note.textChanged.connect(self._note_typed)
        self.assessment.activated.connect(lambda _i: self.flush_typing())
        self.indicator_combo.currentIndexChanged.connect(lambda _i: self._show_indicator())
        self.refresh()
        first = next((g for g in self.goals if g.indicators), self.goals[0] if self.goals else None)
        if first is not None:
            self.select_goal(first.id)

    # ------------------------------------------------------------ reading

    def refresh(self, *, keep_assessment: bool = False) -> None:
        current = self.goal.id if self.goal else None
        self.goals = self.ctx.read(goal_service.goal_rows)
        self.tree.blockSignals(True)
        self.tree.clear()
        for tier in GoalTier:
            tier_goals = [g for g in self.goals if g.tier == tier.value]
            parent = QTreeWidgetItem([f"{tier.value.capitalize()} goals ({len(tier_goals)})", ""])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(parent)
            for goal in tier_goals:
                text = " ".join(goal.text.split())
                child = QTreeWidgetItem([text, goal.assessment])
                child.setToolTip(0, text)
                child.setData(0, Qt.ItemDataRole.UserRole, goal.id)
                parent.addChild(child)
            parent.setExpanded(True)
        self.tree.blockSignals(False)
        self.tree.setColumnWidth(0, 300)
        if current:
            self.select_goal(current, keep_assessment=keep_assessment)

    def select_goal(self, goal_id: str, *, keep_assessment: bool = False) -> None:
        for n in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(n)
            for m in range(parent.childCount()):
                if parent.child(m).data(0, Qt.ItemDataRole.UserRole) == goal_id:
                    self.tree.blockSignals(keep_assessment)
                    self.tree.setCurrentItem(parent.child(m))
                    self.tree.blockSignals(False)
                    self._show_goal(goal_id, keep_assessment=keep_assessment)
                    return

    def _goal_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        goal_id = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        if not goal_id:
            return
        if self._assessment_changes():  # the goal left behind is saved first
            self.flush_typing()
            if self._assessment_changes() and self.goal is not None:  # refused: stay
                self.select_goal(self.goal.id, keep_assessment=True)
            else:
                self.select_goal(goal_id)
            return
        self._show_goal(goal_id)

    def _show_goal(self, goal_id: str, *, keep_assessment: bool = False) -> None:
        """Show a goal as the store has it; ``keep_assessment``: an autosave while the
        person types, whose assessment and note stay as typed (the cursor does not move)."""
        self.goal = next(g for g in self.goals if g.id == goal_id)
        self.goal_text.setText(f"<b>({self.goal.marking})</b> {self.goal.text}")
        if not keep_assessment:
            self.note.blockSignals(True)
            self.assessment.setCurrentText(self.goal.assessment)
            self.note.setPlainText(self.goal.note)
            self.note.blockSignals(False)
            self._baseline = self._assessment_values()
            self.message.hide()
        chosen = self.indicator.id if self.indicator else None
        self.indicator_combo.blockSignals(True)
        self.indicator_combo.clear()
        for indicator in self.goal.indicators:
            self.indicator_combo.addItem(indicator.name, indicator.id)
        index = self.indicator_combo.findData(chosen)
        self.indicator_combo.setCurrentIndex(max(index, 0))
        self.indicator_combo.blockSignals(False)
        self._show_indicator()

    def _show_indicator(self) -> None:
        from briefer.charts import draw_indicator

        assert self.goal is not None
        indicator_id = self.indicator_combo.currentData()
        self.indicator = next((i for i in self.goal.indicators if i.id == indicator_id), None)
        has = self.indicator is not None
        self.add_button.setEnabled(has)
        self.observations.setRowCount(0)
        figure = self.canvas.figure
        if self.indicator is None:
            figure.clear()
            figure.text(0.5, 0.5, "This goal has no indicator to chart.", ha="center")
            self.canvas.draw_idle()
            return
        draw_indicator(figure, self.indicator.series)
        self.canvas.draw_idle()
        rows = self.indicator.observations
        self.observations.setRowCount(len(rows))
        for n, row in enumerate(reversed(rows)):  # newest first
            values = [
                row.observed_on,
                f"{row.value:,.0f} {self.indicator.unit}",
                row.source,
                row.note,
            ]
            for column, text in enumerate(values):
                self.observations.setItem(n, column, QTableWidgetItem(text))
        self.observations.resizeColumnsToContents()

    # ------------------------------------------------------------ changing

    def save_assessment(self) -> bool:
        """Save now what would be saved after the typing pause (True if nothing is left)."""
        if self.goal is None:
            return False
        self.flush_typing()
        return not self._assessment_changes()

    def _assessment_values(self) -> tuple[str, str]:
        return self.assessment.currentText(), self.note.toPlainText()

    def _assessment_changes(self) -> bool:
        return self.goal is not None and self._assessment_values() != self._baseline

    def _note_typed(self) -> None:
        if self._assessment_changes():
            self.typing.typed()

    def flush_typing(self) -> None:
        """Push the assessment's change as one undoable save, written at once (unless
        another window changed it meanwhile: then the person chooses)."""
        from briefer.gui.page_commands import EditFieldsCommand

        self.typing.stop()
        if self.goal is None or not self._assessment_changes():
            return
        goal = self.goal
        self._flushing = self._assessment_values()
        assessment, note = self._flushing
        try:
            self.undo_stack.push(
                EditFieldsCommand(
                    self.ctx,
                    f"Assess goal '{_short(goal.text)}'",
                    goal.id,
                    goal_service.assess_goal_from,
                    _write_assessment,
                    {"assessment": goal.assessment, "note": goal.note},
                    {"assessment": assessment, "note": note},
                    self._assessment_written,
                    self._assessment_refused,
                )
            )
        finally:
            self._flushing = None

    def _assessment_written(self, goal_id: str, typed: bool) -> None:
        if typed and self._flushing is not None:
            self._baseline = self._flushing
            self.message.hide()
            self.refresh(keep_assessment=True)
        else:  # undone, redone or resolved: the goal as the store has it, shown
            self.refresh()
            self.select_goal(goal_id)

    def _assessment_refused(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def ask_observation(self) -> ObservationDialog | None:
        if self.indicator is None:
            return None
        dialog = ObservationDialog(self, self.indicator, self.ctx.store.today().isoformat())
        dialog.accepted.connect(lambda: self.refresh())
        dialog.open()
        return dialog

    def add_observation(self, observed_on: str, value: str, source: str, note: str = "") -> bool:
        assert self.indicator is not None
        self.flush_typing()  # refresh() below shows the store: the note typed is saved first
        try:
            self.ctx.write(
                goal_service.observe, self.indicator.id, observed_on, value, source, note
            )
        except BrieferError as exc:
            QMessageBox.warning(self, "Add observation", str(exc))
            return False
        self.refresh()
        return True


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _write_assessment(session: Any, goal_id: str, values: dict[str, str]) -> None:
    goal_service.assess_goal(session, goal_id, values["assessment"], values["note"])


class ObservationDialog(QDialog):
    def __init__(self, view: GoalsView, indicator: IndicatorRow, today: str):
        super().__init__(view)
        self.view = view
        self.setWindowTitle(f"Add observation — {indicator.name}")
        from briefer.gui.date_field import DateField

        self.date = DateField()  # typed in any form, or picked; the service reads the text
        self.date.setText(today)
        self.date.set_optional(False)
        self.date.setObjectName("observationDate")
        self.date.setAccessibleName("Date observed")
        self.date.commit()
        self.value = QLineEdit()
        self.value.setObjectName("observationValue")
        self.value.setAccessibleName("Value")
        self.value.setPlaceholderText(indicator.unit)
        self.source = QLineEdit()
        self.source.setObjectName("observationSource")
        self.source.setAccessibleName("Source")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Date:", self.date)
        form.addRow("&Value:", self.value)
        form.addRow("&Source:", self.source)
        form.addRow("&Note:", self.note)
        form.addRow(buttons)

    def _save(self) -> None:
        if self.view.add_observation(
            self.date.text(), self.value.text(), self.source.text(), self.note.text()
        ):
            self.accept()
