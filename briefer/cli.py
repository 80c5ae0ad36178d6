"""The ``briefer`` command: ``briefer [--db X] COMMAND``; no command opens the desktop app.

Exit status: 0 ok; 1 bad data or a refused operation (one line on stderr, no traceback);
2 usage. Every command calls the same services the window uses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefer import __version__, cli_reuse
from briefer.errors import BrieferError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2

LIST_KINDS = ("events", "briefings", "points", "counters", "pd", "cases", "lists", "templates")
SEARCH_KINDS = ("point", "counter", "pd", "case")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefer",
        description="Assemble, mark and export the human-rights part of a briefing book.",
        epilog="With no command, the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"Briefer {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="store to use: a SQLite file or a postgresql+psycopg:// URL "
        "(default: $BRIEFER_DB, else your store in the user data folder)",
    )
    parser.add_argument("--open", metavar="BRIEFING", help="briefing to open in the window")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit as soon as the window is ready (smoke tests, benchmarks)",
    )
    parser.add_argument("--exit-on-first-paint", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="build the sample workspace in this store")
    demo.add_argument("--large", action="store_true", help="add the benchmark workload too")

    listing = commands.add_parser("list", help="list records of one kind")
    listing.add_argument("kind", choices=LIST_KINDS)
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    search = commands.add_parser("search", help="search the library")
    search.add_argument("query")
    search.add_argument(
        "--kind", choices=SEARCH_KINDS, action="append", help="only this kind (repeatable)"
    )
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help="print a JSON array")

    init = commands.add_parser("init", help="create a new, empty store")
    init.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt it with a passphrase ($BRIEFER_PASSPHRASE, else typed twice)",
    )

    commands.add_parser("check", help="check the store's integrity without changing it")

    backup = commands.add_parser("backup", help="copy the store to a backup file")
    backup.add_argument(
        "path", nargs="?", type=Path, help="backup file (default: the automatic backup folder)"
    )

    restore = commands.add_parser("restore", help="replace the store's content with a backup")
    restore.add_argument("path", type=Path)

    lists = commands.add_parser("lists", help="case lists: hygiene checks, annex export")
    list_commands = lists.add_subparsers(
        dest="lists_command", metavar="LISTS_COMMAND", required=True
    )
    hygiene = list_commands.add_parser("check", help="warn about lists that need care")
    hygiene.add_argument("--json", action="store_true", help="print a JSON array")
    hygiene.add_argument(
        "--max-names",
        type=int,
        default=12,
        metavar="N",
        help="warn about lists longer than this (default 12)",
    )
    hygiene.add_argument(
        "--stale-days",
        type=int,
        default=365,
        metavar="N",
        help="warn when a listed case has had no update for this long",
    )
    annex = list_commands.add_parser("export", help="export a case list as an annex")
    annex.add_argument("list", metavar="LIST", help="id or exact name")
    annex.add_argument("--out", required=True, type=Path, metavar="FILE")
    annex.add_argument(
        "--format", choices=("docx", "csv", "md"), help="default: from the file name"
    )
    annex.add_argument("--reference-doc", type=Path, metavar="FILE")

    imports = commands.add_parser("import", help="import data from files")
    import_commands = imports.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    replies = import_commands.add_parser(
        "replies", help="the counterpart's replies at a case review session (CSV)"
    )
    replies.add_argument("event", metavar="EVENT", help="the session's event: id or exact title")
    replies.add_argument(
        "file", type=Path, metavar="FILE.csv", help="UTF-8 CSV with columns case,status,date,note"
    )
    replies.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    points = import_commands.add_parser(
        "points", help="talking points from Word (.docx) or Markdown (.md); headings are topics"
    )
    points.add_argument("file", type=Path, metavar="FILE")
    cases_import = import_commands.add_parser(
        "cases", help="cases from CSV (UTF-8 or cp1251, ',' or ';'); same names merge"
    )
    cases_import.add_argument("file", type=Path, metavar="FILE.csv")
    cases_import.add_argument(
        "--accept-near", action="store_true", help="import near matches as new cases"
    )
    for each in (points, cases_import):
        each.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        each.add_argument("--json", action="store_true", help="print the report as JSON")

    export = commands.add_parser("export", help="export a briefing to Word or Markdown")
    export.add_argument("briefing", metavar="BRIEFING", help="id or exact title")
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    export.add_argument(
        "--format", choices=("docx", "md"), help="default: from the file name (.md → md, else docx)"
    )
    export.add_argument(
        "--reference-doc", type=Path, metavar="FILE", help="Word file whose styles the export uses"
    )
    export.add_argument(
        "--numbered",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="number paragraphs continuously (default: as the briefing says)",
    )
    export.add_argument("--toc", action="store_true", help="add a table of contents")
    export.add_argument("--cover", action="store_true", help="add a cover page")
    export.add_argument(
        "--sections",
        action="append",
        metavar="TITLE,…",
        help="export only these sections (exact titles, comma-separated)",
    )
    export.add_argument(
        "--entire-text",
        action="store_true",
        help="one 'Entire text' line instead of portion marks, when all match",
    )
    export.add_argument("--strict", action="store_true", help="refuse to export on any warning")
    cli_reuse.add_commands(commands)
    return parser


# ------------------------------------------------------------------ commands


def _cmd_demo(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store
    from briefer.sample.workspace import (
        ensure_large_workload,
        ensure_sample_store,
        workload_counts,
    )

    with open_store(args.db) as store:
        built = ensure_large_workload(store) if args.large else ensure_sample_store(store)
        where = store.target.display
        with store.session() as session:
            counts = workload_counts(session)
    what = "benchmark workload" if args.large else "sample workspace"
    print(f"{'Built the' if built else 'Already there: the'} {what} in {where}.")
    print(", ".join(f"{n:,} {name.replace('_', ' ')}" for name, n in counts.items()))
    return EXIT_OK


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _rows(kind: str, session: Any) -> list[dict[str, Any]]:
    from briefer.services import briefings, cases, events, library, templates

    builders: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "events": lambda: [
            {
                "id": str(e.id),
                "title": e.title,
                "kind": e.kind.value,
                "starts_on": _iso(e.starts_on),
                "ends_on": _iso(e.ends_on),
                "location": e.location,
            }
            for e in events.list_events(session)
        ],
        "briefings": lambda: [
            {
                "id": str(b.id),
                "title": b.title,
                "event": b.event.title,
                "status": b.status.value,
                "marking": str(briefings.briefing_marking(b)),
            }
            for b in briefings.list_briefings(session)
        ],
        "points": lambda: [
            {
                "id": str(p.id),
                "title": p.title,
                "topic": p.topic,
                "marking": p.marking,
                "revision": p.revision,
            }
            for p in library.list_points(session)
        ],
        "counters": lambda: [
            {
                "id": str(c.id),
                "title": c.their_point,
                "topic": c.topic,
                "marking": c.marking,
                "revision": c.revision,
            }
            for c in library.list_counters(session)
        ],
        "pd": lambda: [
            {
                "id": str(p.id),
                "title": p.text,
                "topic": p.topic,
                "cleared_on": _iso(p.cleared_on),
                "revision": p.revision,
            }
            for p in library.list_pd_points(session)
        ],
        "cases": lambda: [_case_row(c) for c in cases.list_cases(session)],
        "lists": lambda: [
            {
                "id": str(cl.id),
                "name": cl.name,
                "title": cl.name,
                "kind": cl.kind.value,
                "forum": cl.forum,
                "cases": len(cl.entries),
            }
            for cl in cases.list_lists(session)
        ],
        "templates": lambda: [
            {
                "id": t.id,
                "name": t.name,
                "title": t.name,
                "origin": t.origin,
                "description": t.description,
                "sections": list(t.sections),
            }
            for t in templates.list_templates(session)
        ],
    }
    return builders[kind]()


def _case_row(case: Any) -> dict[str, Any]:
    latest = case.latest_status
    return {
        "id": str(case.id),
        "title": case.primary_name,
        "name": case.primary_name,
        "category": case.category,
        "location": case.location,
        "status": latest.status if latest else None,
        "status_date": _iso(latest.occurred_on) if latest else None,
        "source": latest.source if latest else None,
    }


def _print_table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    if not rows:
        print("(none)")
        return
    widths = {c: min(60, max(len(c), *(len(str(r.get(c) or "")) for r in rows))) for c in columns}
    print("  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        cells = []
        for column in columns:
            text = str(row.get(column) or "")
            cells.append(
                (text if len(text) <= widths[column] else text[: widths[column] - 1] + "…").ljust(
                    widths[column]
                )
            )
        print("  ".join(cells).rstrip())


_TABLE_COLUMNS = {
    "events": ("starts_on", "kind", "title"),
    "briefings": ("marking", "status", "title", "event"),
    "points": ("topic", "marking", "title"),
    "counters": ("topic", "marking", "title"),
    "pd": ("topic", "title"),
    "cases": ("name", "category", "status", "status_date"),
    "lists": ("kind", "cases", "name"),
    "templates": ("origin", "name"),
}


def _cmd_list(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store

    with open_store(args.db) as store, store.session() as session:
        rows = _rows(args.kind, session)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(rows, _TABLE_COLUMNS[args.kind])
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store
    from briefer.services.search import search

    with open_store(args.db) as store, store.session() as session:
        hits = search(session, args.query, args.kind, limit=max(1, args.limit))
    rows = [{"kind": h.kind, "id": str(h.id), "title": h.title} for h in hits]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        _print_table(rows, ("kind", "title", "id"))
    return EXIT_OK


def _cmd_init(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store
    from briefer.store import resolve_target

    target = resolve_target(args.db)
    if target.path is not None and target.path.exists() and target.path.stat().st_size:
        raise BrieferError(f"{target.path} already exists; give a new file name.")
    with open_store(args.db, encrypt=args.encrypt, auto_backup=False) as store:
        where = store.target.display
        encrypted = store.encrypted
    if encrypted:
        print(
            f"Created an encrypted store at {where}, readable by you only. Keep the passphrase "
            "safe: without it nobody can open the store, Briefer included."
        )
    else:
        print(f"Created a store at {where}, readable by you only.")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from briefer.cli_store import passphrase_for
    from briefer.store import check_store, resolve_target

    target = resolve_target(args.db)
    problems = check_store(target, passphrase=passphrase_for(target))
    if problems:
        print(f"{target.display}: {len(problems)} problem(s)", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_REFUSED
    checked = (
        "SQLite integrity, foreign keys and schema at head"
        if target.is_sqlite
        else "Briefer store, schema at head; the server enforces integrity and foreign keys"
    )
    print(f"{target.display}: sound ({checked}).")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store

    with open_store(args.db, create=False, auto_backup=False) as store:
        written = store.backup(args.path)
    print(f"Backed up to {written}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store

    with open_store(args.db, auto_backup=False) as store:
        safety = store.restore(args.path)
        where = store.target.display
    print(f"Restored {where} from {args.path}; its previous content was saved to {safety}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store
    from briefer.export.assemble import ExportOptions
    from briefer.services.exports import export_briefing

    titles = tuple(
        t.strip() for value in args.sections or () for t in value.split(",") if t.strip()
    )
    options = ExportOptions(
        numbered=args.numbered,
        toc=args.toc,
        cover=args.cover,
        sections=titles,
        entire_text=args.entire_text,
    )
    with open_store(args.db, auto_backup=False) as store:
        result = export_briefing(
            store.session,
            args.briefing,
            args.out,
            fmt=args.format,
            reference=args.reference_doc,
            options=options,
            strict=args.strict,
            today=store.today(),
        )
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Exported {result.marking} {result.format} to {result.path}")
    return EXIT_OK


def _cmd_lists(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store
    from briefer.services.hygiene import check_lists

    if args.lists_command == "export":
        from briefer.services.exports import export_list

        with open_store(args.db, auto_backup=False) as store:
            result = export_list(
                store.session, args.list, args.out, fmt=args.format, reference=args.reference_doc
            )
        marked = f"{result.marking} " if result.marking else ""
        print(f"Exported {marked}{result.format} to {result.path}")
        return EXIT_OK

    with open_store(args.db) as store, store.session() as session:
        warnings = check_lists(
            session, store.today(), max_names=args.max_names, stale_days=args.stale_days
        )
    if args.json:
        print(json.dumps([w.as_dict() for w in warnings], ensure_ascii=False, indent=2))
    elif not warnings:
        print("The case lists are in order.")
    else:
        for warning in warnings:
            print(f"[{warning.rule}] {warning.message}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from briefer.cli_store import open_store

    if args.import_command in ("points", "cases"):
        return _import_library(args)
    from briefer.services.events import get_event
    from briefer.services.review_session import import_replies

    with open_store(args.db) as store, store.session() as session:
        event = get_event(session, args.event)
        rows, discrepancies = import_replies(session, event, args.file, dry_run=args.dry_run)
    verb = "would import" if args.dry_run else "imported"
    print(f"{len(rows)} repl{'y' if len(rows) == 1 else 'ies'} {verb} for {event.title}.")
    for discrepancy in discrepancies:
        print(f"discrepancy: {discrepancy.message}")
    return EXIT_OK


def _import_library(args: argparse.Namespace) -> int:
    """Points or cases: all or nothing, a report of created, merged and rejected rows."""
    from briefer.cli_store import open_store
    from briefer.services.imports import ImportRefused, import_cases, import_points

    try:
        with open_store(args.db) as store, store.session() as session:
            if args.import_command == "points":
                report = import_points(session, args.file, dry_run=args.dry_run)
            else:
                report = import_cases(
                    session,
                    args.file,
                    dry_run=args.dry_run,
                    accept_near=args.accept_near,
                    today=store.today(),
                )
    except ImportRefused as refused:
        if args.json:
            print(json.dumps(refused.report.as_dict(), ensure_ascii=False, indent=2))
        print(f"briefer: {refused}", file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    verb = "would be" if args.dry_run else "were"
    print(
        f"{len(report.created)} created and {len(report.merged)} merged {verb} "
        f"from {args.file.name}."
    )
    for entry in report.merged:
        print(f"  line {entry['line']}: merged into {entry.get('into')}")
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    import gc

    from briefer.gui.app import run

    code = run(
        db=args.db,
        open_briefing=args.open,
        exit_when_ready=args.exit_when_ready,
        exit_on_first_paint=args.exit_on_first_paint,
    )
    # The window is closed and the store with it. Without this, the interpreter's final
    # garbage collection walks every object Qt, SQLAlchemy and the pages made (about 3 s
    # after Ctrl+Q on a sample store) before the process ends; frozen, they are left to the
    # operating system, and exit handlers still run.
    gc.freeze()
    return code


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: _cmd_gui,
    "demo": _cmd_demo,
    "list": _cmd_list,
    "search": _cmd_search,
    "init": _cmd_init,
    "check": _cmd_check,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "export": _cmd_export,
    "lists": _cmd_lists,
    "import": _cmd_import,
    **cli_reuse.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BrieferError as exc:  # AmbiguousError's message lists the matching ids
        print(f"briefer: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
