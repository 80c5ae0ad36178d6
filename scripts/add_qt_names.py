"""Add Qt names to ``briefer/gui/qt.py`` (its lookup table, type-checking imports, __all__).

Usage: python scripts/add_qt_names.py QSpinBox QListWidget ...
Each name's module is found by importing PySide6; the three lists stay sorted.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

QT_MODULE = Path(__file__).resolve().parent.parent / "briefer" / "gui" / "qt.py"
MODULES = ("QtCore", "QtGui", "QtUiTools", "QtWidgets")  # the order ruff sorts them in


def module_of(name: str) -> str:
    for module in MODULES:
        if hasattr(importlib.import_module(f"PySide6.{module}"), name):
            return module
    raise SystemExit(f"{name} is not in any of {', '.join(MODULES)}")


def main(names: list[str]) -> None:
    source = QT_MODULE.read_text()
    table = dict(re.findall(r'^    "(\w+)": "(\w+)",$', source, re.M))
    for name in names:
        table[name] = module_of(name)
    lookup = "".join(f'    "{n}": "{table[n]}",\n' for n in sorted(table))
    imports = ""
    for module in MODULES:
        members = sorted((n for n in table if table[n] == module), key=str.casefold)
        body = "".join(f"        {n},\n" for n in members)
        imports += f"    from PySide6.{module} import (\n{body}    )\n" if members else ""
    listing = "".join(f'    "{n}",\n' for n in sorted(table))
    for pattern, body in (
        (r"(_MODULE_OF = \{\n).*?(\n\})", lookup),
        (r"(if TYPE_CHECKING:\n).*?(\n\n\n)", imports),
        (r"(__all__ = \[  # provided by __getattr__ on first use\n).*?(\n\])", listing),
    ):
        source = re.sub(
            pattern, lambda m, b=body: m[1] + b.rstrip("\n") + m[2], source, count=1, flags=re.S
        )
    QT_MODULE.write_text(source)


if __name__ == "__main__":
    main(sys.argv[1:])
