"""Run every benchmark against one generated ``demo --large`` store, side by side.

``python -m bench.run`` (what ``make bench`` runs) runs them all and writes
``bench-results.json``. ``python -m bench.run typing`` runs only the typing latency in the
briefing editor, on the small sample workspace (about a minute), and writes
``bench-results-typing.json``; the full run types into the large briefing instead.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import Measure, report

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "e",
    "em",
    "emi",
    "emig",
    "emigr",
    "emigra",
    "emigrat",
    "emigration",
    "r",
    "re",
    "ref",
    "refu",
    "refus",
    "refuse",
    "refusen",
    "refusenik",
    "sh",
    "shc",
    "shch",
    "shcha",
    "Kal",
    "Kali",
    "Kalin",
    "Kalinin",
]


def _timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure_demo_large(work: Path, env: dict[str, str]) -> tuple[Measure, Path]:
    store = work / "large.db"
    seconds = _timed([sys.executable, "-m", "briefer", "--db", str(store), "demo", "--large"], env)
    return Measure.at_most(
        "demo --large (whole process)",
        seconds,
        "s",
        60.0,
        "DESIGN §6 workload; target from issue 3",
    ), store


def _best_of(runs: int, argv: list[str], env: dict[str, str]) -> float:
    return min(_timed(argv, env) for _ in range(runs))


def measure_export(store: Path, work: Path, env: dict[str, str]) -> list[Measure]:
    """Our export vs pandoc converting the same briefing's Markdown vs zipping document.xml."""
    from bench.export_floor import FLOOR_SCRIPT
    from briefer.sample.large import LARGE_BRIEFING_TITLE

    briefer = [sys.executable, "-m", "briefer", "--db", str(store), "export", LARGE_BRIEFING_TITLE]
    docx, markdown = work / "large.docx", work / "large.md"
    ours = _best_of(3, [*briefer, "--out", str(docx)], env)
    subprocess.run(
        [*briefer, "--out", str(markdown)], check=True, env=env, stdout=subprocess.DEVNULL
    )
    pandoc = _best_of(3, ["pandoc", str(markdown), "-o", str(work / "pandoc.docx")], env)
    floor = _best_of(
        3, [sys.executable, "-c", FLOOR_SCRIPT, str(docx), str(work / "floor.zip")], env
    )
    pages = _page_count(docx, work)
    return [
        Measure.against_baseline(
            "export large briefing vs pandoc (md → docx)",
            ours,
            pandoc,
            "s",
            1.0,
            f"pandoc {pandoc:.3f} s; best of 3, whole processes",
        ),
        Measure.against_baseline(
            "export large briefing vs floor (zip document.xml)",
            ours,
            floor,
            "s",
            float("inf"),
            "yardstick, not a target",
        ),
        Measure.at_least("large briefing pages (LibreOffice)", pages, "pages", 150),
    ]


def _page_count(docx: Path, work: Path) -> int:
    profile = work / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    info = subprocess.run(
        ["pdfinfo", str(work / (docx.stem + ".pdf"))], check=True, capture_output=True, text=True
    ).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def measure_search_latency(store_path: Path) -> list[Measure]:
    from briefer.services.search import search
    from briefer.store import Store

    samples: list[float] = []
    with Store.open(store_path, auto_backup=False) as store, store.session() as session:
        for _round in range(5):
            for query in QUERIES:
                start = time.perf_counter()
                search(session, query, limit=50)
                samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    median = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    return [
        Measure.at_most(
            "library search per keystroke, median",
            median,
            "ms",
            16.0,
            f"{len(samples)} queries over 10,000 points + 5,000 cases",
        ),
        Measure.at_most("library search per keystroke, 95th pct", p95, "ms", 50.0),
    ]


# Names typed letter by letter into a case search: one person in three spellings and two
# alphabets (the sample's Shcharanskiy), and names shared by many generated cases, in
# Cyrillic and Latin (50 hits each).
NAME_QUERIES = [
    "Shcharansky",
    "Щаранский",
    "Sharansky",
    "Щаранский Анатолий",
    "Щукин",
    "Aleksandrovich",
]


def _keystrokes(word: str) -> list[str]:
    return [word[:n] for n in range(1, len(word) + 1)]


def measure_case_search(url: str, dialect: str) -> list[Measure]:
    """Transliteration search over the 5,000 cases, per keystroke, on one dialect."""
    from briefer.services.search import search
    from briefer.store import Store

    samples: list[float] = []
    with Store.open(url, auto_backup=False) as store, store.session() as session:
        for spelling in ("Shcharansky", "Щаранский", "Sharansky"):
            found = {hit.title for hit in search(session, spelling, ("case",), limit=20)}
            if "Anatoly Shcharanskiy" not in found:
                raise SystemExit(f"{dialect}: '{spelling}' did not find Anatoly Shcharanskiy")
        for _round in range(3):
            for word in NAME_QUERIES:
                for query in _keystrokes(word):
                    start = time.perf_counter()
                    search(session, query, ("case",), limit=50)
                    samples.append((time.perf_counter() - start) * 1000)
    return [
        Measure.at_most(
            f"case name search per keystroke, median ({dialect})",
            statistics.median(samples),
            "ms",
            16.0,
            f"{len(samples)} keystrokes, Latin and Cyrillic, over 5,040 cases",
        )
    ]


def _new_database(server: str, name: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return f"{server}/{name}"


def measure_postgres(store: Path, env: dict[str, str]) -> list[Measure]:
    """On a throwaway local cluster: case search on the large library, and `briefer copy`
    of the large SQLite store into PostgreSQL against COPY loading the same rows."""
    from tests.pg import Cluster

    cluster = Cluster()
    try:
        server = cluster.start()
        url = _new_database(server, "briefer_bench")
        _timed([sys.executable, "-m", "briefer", "--db", url, "demo", "--large"], env)
        measures = measure_case_search(url, "PostgreSQL")
        copy_url = _new_database(server, "briefer_copy")
        copy_seconds = _timed(
            [sys.executable, "-m", "briefer", "copy", "--from", str(store), "--to", copy_url], env
        )
        floor_seconds, rows = _copy_floor(store, _new_database(server, "briefer_floor"))
        measures.append(
            Measure.against_baseline(
                "briefer copy SQLite → PostgreSQL vs COPY",
                copy_seconds,
                floor_seconds,
                "s",
                3.0,
                f"{rows:,} rows; whole process (verification included) vs COPY of the same rows",
            )
        )
        return measures
    finally:
        cluster.stop()


NULL = "\\N"  # how the floor's CSV spells NULL (an empty field is an empty string)


def _copy_floor(store: Path, url: str) -> tuple[float, int]:
    """PostgreSQL's own COPY loading the rows of every table (schema made beforehand; the
    CSV text prepared beforehand): the floor a copy could reach."""
    import csv
    import io

    from briefer.services.copy import _columns, _plain, _rows, _tables
    from briefer.store import Store

    Store.open(url, auto_backup=False).close()  # the schema, as a copy's target has it
    texts, rows = [], 0
    with Store.open(store, auto_backup=False) as source, source.engine.connect() as read:
        for table in _tables():
            if table.name == "store_info":
                continue
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for row in _rows(read, table):
                writer.writerow([NULL if v is None else _plain(v) for v in row])
                rows += 1
            names = ", ".join(f'"{c.name}"' for c in _columns(table))
            options = f"FORMAT csv, NULL '{NULL}'"
            statement = f'COPY "{table.name}" ({names}) FROM STDIN ({options})'
            texts.append((statement, buffer.getvalue()))
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        start = time.perf_counter()
        with connection.cursor() as cursor:
            for statement, data in texts:
                with cursor.copy(statement) as copy:
                    copy.write(data)
        connection.commit()
        return time.perf_counter() - start, rows


def _peak_rss_mb(argv: list[str], env: dict[str, str]) -> float:
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024


def measure_startup(store: Path, env: dict[str, str]) -> list[Measure]:
    """First paint and ready, as whole processes against a bare PySide6 window."""
    from briefer.sample.large import LARGE_BRIEFING_TITLE

    gui_env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py")]
    app = [sys.executable, "-m", "briefer", "--db", str(store)]
    opened = [*app, "--open", LARGE_BRIEFING_TITLE, "--exit-when-ready"]
    paint = _best_of(3, [*app, "--exit-on-first-paint"], gui_env)
    paint_floor = _best_of(3, bare, gui_env)
    ready = _best_of(3, opened, gui_env)
    ready_floor = _best_of(3, [*bare, "--sqlalchemy"], gui_env)
    memory = _peak_rss_mb(opened, gui_env)
    memory_floor = _peak_rss_mb([*bare, "--sqlalchemy"], gui_env)
    return [
        Measure.against_baseline(
            "first paint vs bare PySide6 window",
            paint,
            paint_floor,
            "s",
            1.5,
            "best of 3, whole processes",
        ),
        Measure.against_baseline(
            "ready (large briefing open) vs bare + sqlalchemy.orm",
            ready,
            ready_floor,
            "s",
            1.5,
            "navigator filled, outline shown",
        ),
        Measure.against_baseline(
            "peak memory, large library + briefing open",
            memory,
            memory_floor,
            "MB",
            2.0,
            "vs bare window + sqlalchemy.orm",
        ),
    ]


def measure_interaction(store: Path, env: dict[str, str]) -> list[Measure]:
    import json

    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "interaction.py"), str(store)],
        check=True,
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return [
        Measure.at_most(
            "drawer keystroke → results, median",
            data["keystroke_median_ms"],
            "ms",
            16.0,
            f"{data['keystrokes']} keystrokes, debounce included",
        ),
        Measure.at_most(
            "drawer keystroke → results, 95th pct", data["keystroke_p95_ms"], "ms", 50.0
        ),
        Measure.at_most(
            "case table: open and sort by latest status",
            data["case_table_ms"],
            "ms",
            200.0,
            f"{data['case_rows']:,} cases, first open of the Cases page",
        ),
        Measure.at_most(
            "open large briefing → outline shown",
            data["open_large_briefing_ms"],
            "ms",
            300.0,
            f"{data['outline_rows']} sections, 1,600 items",
        ),
    ]


def measure_typing(store: Path, briefing_title: str, env: dict[str, str]) -> list[Measure]:
    """Keystroke latency typing at the end of an item of 500, 5,000 and 20,000 characters,
    in the real window, autosave flush included (see bench/typing_latency.py)."""
    import json
    import shutil

    copy = store.with_name(store.stem + "-typing.db")  # the paragraphs are added to a copy
    shutil.copyfile(store, copy)
    config = tempfile.mkdtemp(prefix="briefer-bench-config-")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "typing_latency.py"), str(copy), briefing_title],
        check=True,
        capture_output=True,
        text=True,
        env={
            **env,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT),
            "XDG_CONFIG_HOME": config,  # the window's settings are not the user's
        },
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    measures: list[Measure] = []
    for size, row in data.items():
        note = (
            f"{row['keystrokes']} keys at 70 ms, {row['flushes']} autosaves included "
            f"(flush median {row['flush_median_ms']:.1f} ms)"
        )
        measures.append(
            Measure.at_most(
                f"typing, item of {int(size):,} chars, median",
                row["median_ms"],
                "ms",
                16.0,
                note,
            )
        )
        measures.append(
            Measure.at_most(
                f"typing, item of {int(size):,} chars, 95th pct", row["p95_ms"], "ms", 50.0
            )
        )
    return measures


def main_typing() -> int:
    """Only the typing latency, on the sample workspace (``python -m bench.run typing``)."""
    from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE

    env = {**os.environ, "BRIEFER_DATA_DIR": tempfile.mkdtemp(prefix="briefer-bench-data-")}
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        store = Path(tmp) / "sample.db"
        _timed([sys.executable, "-m", "briefer", "--db", str(store), "demo"], env)
        measures = measure_typing(store, SAMPLE_BRIEFING_TITLE, env)
    ok = report(measures, ROOT / "bench-results-typing.json")
    return 0 if ok else 1


BENCH_PASSPHRASE = "bench passphrase, not a secret"


def _keystroke_medians(plain: Path, encrypted: Path, passphrase: str) -> tuple[float, float]:
    """Median library search per keystroke on each store, warm, each keystroke timed on
    both stores one after the other so that both see the same moments of a noisy machine."""
    from briefer.services.search import search
    from briefer.store import Store

    queries = [*QUERIES, *_keystrokes("Щаранский")]
    samples: tuple[list[float], list[float]] = ([], [])
    with (
        Store.open(plain, auto_backup=False) as plain_store,
        Store.open(encrypted, auto_backup=False, passphrase=passphrase) as encrypted_store,
        plain_store.session() as plain_session,
        encrypted_store.session() as encrypted_session,
    ):
        sessions = (plain_session, encrypted_session)
        for session in sessions:  # warm the page caches, as a person's first keystrokes do
            for query in queries:
                search(session, query, limit=50)
        for _round in range(5):
            for query in queries:
                for session, times in zip(sessions, samples, strict=True):
                    start = time.perf_counter()
                    search(session, query, limit=50)
                    times.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])


def _open_in_process(store_path: Path, passphrase: str | None) -> float:
    """Store.open and the navigator's first read, best of 5, in milliseconds."""
    from briefer.services.overview import briefing_rows
    from briefer.store import Store

    best = float("inf")
    for _run in range(5):
        start = time.perf_counter()
        with (
            Store.open(store_path, auto_backup=False, passphrase=passphrase) as store,
            store.session() as session,
        ):
            briefing_rows(session)
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def measure_encrypted(store: Path, work: Path, env: dict[str, str]) -> list[Measure]:
    """The large library copied into an encrypted store, opened and searched beside the
    plain one: the window ready, the store opened in-process, search per keystroke."""
    from briefer.sample.large import LARGE_BRIEFING_TITLE

    encrypted = work / "large-encrypted.db"
    _timed(
        [
            sys.executable,
            "-m",
            "briefer",
            "copy",
            "--from",
            str(store),
            "--to",
            str(encrypted),
            "--encrypt",
        ],
        {**env, "BRIEFER_TO_PASSPHRASE": BENCH_PASSPHRASE},
    )
    gui_env = {**env, "QT_QPA_PLATFORM": "offscreen", "BRIEFER_PASSPHRASE": BENCH_PASSPHRASE}

    def ready(path: Path) -> list[str]:
        return [
            sys.executable,
            "-m",
            "briefer",
            "--db",
            str(path),
            "--open",
            LARGE_BRIEFING_TITLE,
            "--exit-when-ready",
        ]

    ready_plain = ready_encrypted = float("inf")
    for _run in range(5):  # interleaved, so both see the same moments of a noisy machine
        ready_plain = min(ready_plain, _timed(ready(store), gui_env))
        ready_encrypted = min(ready_encrypted, _timed(ready(encrypted), gui_env))
    open_plain = _open_in_process(store, None)
    open_encrypted = _open_in_process(encrypted, BENCH_PASSPHRASE)
    search_plain, search_encrypted = _keystroke_medians(store, encrypted, BENCH_PASSPHRASE)
    return [
        Measure.against_baseline(
            "encrypted vs plain: window ready, large briefing",
            ready_encrypted,
            ready_plain,
            "s",
            1.5,
            "best of 5, interleaved, whole processes; passphrase from BRIEFER_PASSPHRASE",
        ),
        Measure.against_baseline(
            "encrypted vs plain: search per keystroke, median",
            search_encrypted,
            search_plain,
            "ms",
            1.5,
            "library search, Latin and Cyrillic keystrokes, warm, interleaved",
        ),
        Measure.against_baseline(
            "encrypted vs plain: Store.open + first read",
            open_encrypted,
            open_plain,
            "ms",
            1.5,
            "in-process, best of 5; includes the one PBKDF2 (256,000 rounds) per opening",
        ),
    ]


def main() -> int:
    if sys.argv[1:] == ["typing"]:
        return main_typing()
    from briefer.sample.large import LARGE_BRIEFING_TITLE

    env = {**os.environ, "BRIEFER_DATA_DIR": tempfile.mkdtemp(prefix="briefer-bench-data-")}
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        work = Path(tmp)
        demo, store = measure_demo_large(work, env)
        os.environ["BRIEFER_DATA_DIR"] = env["BRIEFER_DATA_DIR"]
        measures = [
            demo,
            *measure_export(store, work, env),
            *measure_search_latency(store),
            *measure_case_search(str(store), "SQLite"),
            *measure_startup(store, env),
            *measure_interaction(store, env),
            *measure_typing(store, LARGE_BRIEFING_TITLE, env),
            *measure_encrypted(store, work, env),
            # Last: the COPY floor reads the whole large store into this process, and a child
            # forked from a large process starts with that resident size (ru_maxrss).
            *measure_postgres(store, env),
        ]
    ok = report(measures, ROOT / "bench-results.json")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
