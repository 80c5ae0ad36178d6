"""One result per measure, printed and written to ``bench-results.json``.

Speed is reported as a ratio against a baseline measured in the same run (these machines
are noisy); interaction latency is reported in milliseconds against a 16 ms frame.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measure:
    name: str
    value: float
    unit: str
    baseline: float | None
    ratio: float | None
    target: float
    ok: bool
    note: str = ""

    @classmethod
    def against_baseline(
        cls,
        name: str,
        value: float,
        baseline: float,
        unit: str,
        target_ratio: float,
        note: str = "",
    ) -> Measure:
        ratio = value / baseline if baseline else float("inf")
        return cls(
            name, value, unit, baseline, round(ratio, 3), target_ratio, ratio <= target_ratio, note
        )

    @classmethod
    def at_least(cls, name: str, value: float, unit: str, target: float, note: str = "") -> Measure:
        return cls(name, value, unit, None, None, target, value >= target, note)

    @classmethod
    def at_most(cls, name: str, value: float, unit: str, target: float, note: str = "") -> Measure:
        return cls(name, value, unit, None, None, target, value <= target, note)


def report(measures: list[Measure], path: Path) -> bool:
    print(
        f"{'measure':52} {'value':>10} {'unit':8} {'baseline':>10} {'ratio':>7} {'target':>8}  ok"
    )
    for m in measures:
        baseline = f"{m.baseline:10.3f}" if m.baseline is not None else " " * 10
        ratio = f"{m.ratio:7.2f}" if m.ratio is not None else " " * 7
        if m.target == float("inf"):
            target = "      — "
        else:
            target = f"{m.target:7.2f}{'×' if m.ratio is not None else ' '}"
        print(
            f"{m.name:52} {m.value:10.3f} {m.unit:8} {baseline} {ratio} {target}  "
            f"{'yes' if m.ok else 'NO'}  {m.note}"
        )
    rows = [
        {**asdict(m), "target": None if m.target == float("inf") else m.target} for m in measures
    ]
    path.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {path}")
    return all(m.ok for m in measures)
