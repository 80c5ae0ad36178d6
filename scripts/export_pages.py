"""Render the sample briefing's exported pages to PNG for the README (``make screenshots``).

The path a reader's copy takes: `briefer export` → LibreOffice → PDF → pdftoppm → PNG.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PAGES = (1, 4, 6)


def main(out_dir: str) -> int:
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefer-pages-") as tmp:
        work = Path(tmp)
        store, docx = work / "sample.db", work / "sample-briefing.docx"
        env_cmd = [sys.executable, "-m", "briefer", "--db", str(store)]
        subprocess.run([*env_cmd, "demo"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(
            [*env_cmd, "export", "Human Rights Between Summits", "--out", str(docx)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for page in PAGES:
            prefix = work / f"page-{page}"
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "70",
                    "-png",
                    "-singlefile",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    str(work / "sample-briefing.pdf"),
                    str(prefix),
                ],
                check=True,
            )
            destination = target / f"sample-briefing-page-{page}.png"
            shutil.copyfile(f"{prefix}.png", destination)
            print(f"wrote {destination}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/export"))
