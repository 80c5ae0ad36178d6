"""The command line's reuse commands: events, templates, new briefings, carry-forward review,
the review loop (status reports, point revisions, briefing status), comparison, and deleting
or renaming records.

Each command is one unit of work over the same services the window uses; ``briefer.cli``
registers them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefer.errors import BrieferError

EXIT_OK, EXIT_REFUSED = 0, 1


def add_commands(commands: Any) -> None:
    events = commands.add_parser("events", help="events: add one")
    event_commands = events.add_subparsers(dest="events_command", metavar="ACTION", required=True)
    add = event_commands.add_parser("add", help="add an event and print its id")
    add.add_argument("title", metavar="TITLE")
    add.add_argument("--kind", required=True, help="summit, ministerial, case review, …")
    add.add_argument("--starts-on", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--ends-on", metavar="YYYY-MM-DD")
    add.add_argument("--location", default="")

    new = commands.add_parser("new", help="a new briefing from a template or a previous one")
    new.add_argument("--event", required=True, metavar="EVENT", help="id or exact title")
    source = new.add_mutually_exclusive_group(required=True)
    source.add_argument("--template", metavar="TEMPLATE", help="template id or exact name")
    source.add_argument("--from", dest="previous", metavar="BRIEFING", help="carry forward")
    new.add_argument("--title", help="default: from the template or the previous briefing")
    new.add_argument(
        "--date",
        metavar="DATE",
        help="the paper's date (Drafted on), e.g. 1987-12-19; default: none (export warns)",
    )

    templates = commands.add_parser("templates", help="briefing templates: save one")
    template_commands = templates.add_subparsers(
        dest="templates_command", metavar="ACTION", required=True
    )
    save = template_commands.add_parser("save", help="save a briefing's structure as a template")
    save.add_argument("briefing", metavar="BRIEFING")
    save.add_argument("--name", required=True)
    save.add_argument("--description", default="")

    review = commands.add_parser("review", help="carry-forward review of a briefing")
    review.add_argument("briefing", metavar="BRIEFING")
    review.add_argument("--json", action="store_true", help="print the flags as a JSON array")
    review.add_argument("--accept", metavar="ID", help="update the item from its source")
    review.add_argument("--keep", metavar="ID", help="keep the item as it is (needs --note)")
    review.add_argument("--note", default="", help="why the item is kept")
    review.add_argument("--all", action="store_true", help="list kept flags too")
    review.add_argument(
        "--review-days", type=int, default=180, metavar="N", help="a point's review interval"
    )

    cases = commands.add_parser("cases", help="cases: record a status report")
    case_commands = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    status = case_commands.add_parser("add-status", help="record a report of a case's status")
    status.add_argument("case", metavar="CASE", help="id or exact name")
    status.add_argument("--status", required=True)
    status.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    status.add_argument("--source", required=True)
    status.add_argument("--reliability", default="unverified")
    status.add_argument("--note", default="")

    points = commands.add_parser("points", help="talking points: revise one")
    point_commands = points.add_subparsers(dest="points_command", metavar="ACTION", required=True)
    revise = point_commands.add_parser("revise", help="replace a point's text (a new revision)")
    revise.add_argument("point", metavar="POINT", help="id or exact title")
    text = revise.add_mutually_exclusive_group(required=True)
    text.add_argument("--text")
    text.add_argument("--file", type=Path, metavar="F", help="UTF-8 text or Markdown file")
    revise.add_argument(
        "--if-revision",
        type=int,
        metavar="N",
        help="only if the point is still at revision N (refuse a colleague's newer save)",
    )

    briefings = commands.add_parser("briefings", help="briefings: status, new draft")
    briefing_commands = briefings.add_subparsers(
        dest="briefings_command", metavar="ACTION", required=True
    )
    set_status = briefing_commands.add_parser(
        "status", help="set a briefing's status; clearance and final freeze a version"
    )
    set_status.add_argument("briefing", metavar="BRIEFING")
    set_status.add_argument("status", choices=("draft", "in-clearance", "final"))
    draft = briefing_commands.add_parser("new-draft", help="an editable copy of a final briefing")
    draft.add_argument("briefing", metavar="BRIEFING")

    copy = commands.add_parser("copy", help="copy a whole store (SQLite ↔ PostgreSQL), verified")
    copy.add_argument("--from", dest="source", required=True, metavar="SRC", help="path or URL")
    copy.add_argument("--to", dest="target", required=True, metavar="DST", help="path or URL")
    copy.add_argument(
        "--merge",
        action="store_true",
        help="merge into a store that holds data, record by record (conflicts are reported)",
    )
    copy.add_argument(
        "--encrypt",
        action="store_true",
        help="make the new SQLite target an encrypted store ($BRIEFER_TO_PASSPHRASE, else typed)",
    )

    diff = commands.add_parser("diff", help="what changed between two briefings or versions")
    diff.add_argument("old", metavar="A", help="BRIEFING or BRIEFING@N (version N)")
    diff.add_argument("new", metavar="B", help="BRIEFING or BRIEFING@N")
    diff.add_argument("--json", action="store_true")

    record_kinds = ("briefing", "event", "point", "counter", "pd", "case", "list")
    remove = commands.add_parser(
        "delete", help="delete a record and what goes with it (says what first)"
    )
    remove.add_argument("kind", choices=record_kinds)
    remove.add_argument("record", metavar="ID_OR_TITLE")
    remove.add_argument("--yes", action="store_true", help="delete without asking")
    rename = commands.add_parser("rename", help="give a record a new title or name")
    rename.add_argument("kind", choices=record_kinds)
    rename.add_argument("record", metavar="ID_OR_TITLE")
    rename.add_argument("new_name", metavar="NEW_NAME")


def _store(args: argparse.Namespace) -> Any:
    from briefer.cli_store import open_store

    return open_store(args.db)


def _cmd_events(args: argparse.Namespace) -> int:
    from briefer.services.events import create_event

    with _store(args) as store, store.session() as session:
        event = create_event(
            session,
            title=args.title,
            kind=args.kind,
            starts_on=args.starts_on,
            ends_on=args.ends_on,
            location=args.location,
        )
        print(event.id)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from briefer.dates import parse_date
    from briefer.services.briefings import get_briefing
    from briefer.services.carry_forward import carry_forward
    from briefer.services.events import get_event
    from briefer.services.templates import new_from_template

    dated = parse_date(args.date, "--date") if args.date else None  # before anything is made
    with _store(args) as store, store.session() as session:
        event = get_event(session, args.event)
        if args.template:
            made = new_from_template(session, event, args.template, title=args.title)
            briefing, notes = made.briefing, made.notes
        else:
            previous = get_briefing(session, args.previous)
            briefing, notes = carry_forward(session, event, previous, title=args.title), []
        if dated is not None:
            briefing.drafted_on = dated
        briefing_id = str(briefing.id)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    print(briefing_id)
    return EXIT_OK


def _cmd_templates(args: argparse.Namespace) -> int:
    from briefer.services.briefings import get_briefing
    from briefer.services.templates import save_template

    with _store(args) as store, store.session() as session:
        template = save_template(
            session, get_briefing(session, args.briefing), args.name, args.description
        )
        print(template.id)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from briefer.services import carry_review
    from briefer.services.briefings import get_briefing

    with _store(args) as store, store.session() as session:
        briefing = get_briefing(session, args.briefing)
        today = store.today()
        if args.accept:
            print(carry_review.accept(session, briefing, args.accept, today=today))
            return EXIT_OK
        if args.keep:
            flag = carry_review.keep(session, briefing, args.keep, args.note, today=today)
            print(f"Kept {flag.item} as it is: {args.note}")
            return EXIT_OK
        flags = carry_review.review(
            session, briefing, today=today, review_days=args.review_days, include_kept=args.all
        )
    if args.json:
        print(json.dumps([f.as_dict() for f in flags], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not flags:
        print(f"Nothing to review in '{briefing.title}'.")
    for flag in flags:
        kept = f"  [kept: {flag.kept}]" if flag.kept else ""
        print(f"{flag.id}  {flag.kind:16} {flag.item}  ({flag.section}){kept}")
        print(f"          {flag.source}: {flag.reason}")
    return EXIT_OK


def _cmd_cases(args: argparse.Namespace) -> int:
    from briefer.services.cases import add_status, get_case

    with _store(args) as store, store.session() as session:
        case = get_case(session, args.case)
        add_status(
            session,
            case,
            occurred_on=args.date,
            status=args.status,
            source=args.source,
            reliability=args.reliability,
            note=args.note,
        )
        latest = case.latest_status
        print(f"{case.primary_name}: {latest.status} ({latest.occurred_on}, {latest.source})")
    return EXIT_OK


def _cmd_points(args: argparse.Namespace) -> int:
    from briefer.errors import ConflictError, ValidationError
    from briefer.models.base import describe_record
    from briefer.services.library import get_point, update_point

    if args.file is not None:
        try:
            body = args.file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(f"Cannot read {args.file} as UTF-8 text: {exc}") from exc
    else:
        body = args.text
    with _store(args) as store, store.session() as session:
        point = get_point(session, args.point)
        before = point.revision
        if args.if_revision is not None and before != args.if_revision:
            raise ConflictError(
                f"Someone else revised {describe_record(point)}: it is at revision {before}, "
                f"not {args.if_revision}. Nothing was changed; read it again and retry."
            )
        update_point(session, point, body=body)
        after = point.revision
        title = point.title
    print(
        f"'{title}' is now revision {after}."
        if after != before
        else f"'{title}' already says that; no new revision."
    )
    return EXIT_OK


def _cmd_briefings(args: argparse.Namespace) -> int:
    from briefer.services.briefings import get_briefing
    from briefer.services.carry_forward import new_draft
    from briefer.services.versions import set_status

    with _store(args) as store, store.session() as session:
        briefing = get_briefing(session, args.briefing)
        if args.briefings_command == "new-draft":
            print(new_draft(session, briefing).id)
            return EXIT_OK
        version = set_status(session, briefing, args.status)
        frozen = f"; frozen as version {version.number}" if version else ""
        print(f"'{briefing.title}' is {briefing.status.value}{frozen}.")
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from briefer.services.versions import compare, resolve_content

    with _store(args) as store, store.session() as session:
        old_label, old = resolve_content(session, args.old)
        new_label, new = resolve_content(session, args.new)
    changes = compare(old, new)
    if args.json:
        print(json.dumps([c.__dict__ for c in changes], ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"--- {old_label}\n+++ {new_label}")
    for change in changes:
        print(change.line())
    if not changes:
        print("No differences.")
    return EXIT_OK


def _passphrases(args: argparse.Namespace) -> dict[str, str | None]:
    """The source's passphrase, and the target's: its own if it is encrypted already, or a
    new one when --encrypt creates it."""
    from briefer.cli_store import TO_PASSPHRASE_ENV, new_passphrase, passphrase_for
    from briefer.store import is_encrypted_file, resolve_target

    source, target = resolve_target(args.source), resolve_target(args.target)
    if args.encrypt and args.merge:
        raise BrieferError("--encrypt makes a new store and --merge goes into an existing one.")
    if args.encrypt and target.path is None:
        raise BrieferError("--encrypt makes a SQLite store file; give --to a file path.")
    if target.path is not None and is_encrypted_file(target.path):
        target_passphrase = passphrase_for(target, TO_PASSPHRASE_ENV)
    elif args.encrypt:
        target_passphrase = new_passphrase(target, TO_PASSPHRASE_ENV)
    else:
        target_passphrase = None
    return {
        "source_passphrase": passphrase_for(source),
        "target_passphrase": target_passphrase,
    }


def _cmd_copy(args: argparse.Namespace) -> int:
    from briefer.services.copy import copy_between

    shown = {"percent": -1}

    def progress(table: str, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != shown["percent"]:
            shown["percent"] = percent
            end = "\r" if sys.stderr.isatty() else "\n"
            if sys.stderr.isatty() or percent % 10 == 0:
                print(
                    f"copying {table:24} {percent:3d}%  {done:,}/{total:,} rows",
                    end=end,
                    file=sys.stderr,
                )

    if args.merge:
        return _merge(args, progress)
    report, where = copy_between(
        args.source, args.target, progress=progress, encrypt=args.encrypt, **_passphrases(args)
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(report.summary(where))
    return EXIT_OK


def _merge(args: argparse.Namespace, progress: Callable[[str, int, int], None]) -> int:
    from briefer.services.copy import merge_between

    report, where = merge_between(args.source, args.target, progress=progress, **_passphrases(args))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(report.summary(where))
    for conflict in report.conflicts:
        print(
            f"conflict: {conflict['table']} {conflict['id']} '{conflict['title']}': "
            f"{conflict['reason']}",
            file=sys.stderr,
        )
    return EXIT_REFUSED if report.conflicts else EXIT_OK


def _cmd_delete(args: argparse.Namespace) -> int:
    """Say what goes with the record; delete it with --yes, or when confirmed at a terminal."""
    from briefer.services.deletion import delete_record, preview

    with _store(args) as store:
        with store.session() as session:
            impact = preview(session, args.kind, args.record)
        if not args.yes:
            print(impact.confirmation())
            if not sys.stdin.isatty():
                raise BrieferError("Nothing was deleted; add --yes to delete it.")
            answer = input("Delete it? [y/N] ").strip().lower()
            if answer not in ("y", "yes"):
                raise BrieferError("Nothing was deleted.")
        with store.session() as session:
            deleted = delete_record(session, args.kind, impact.id)
    print(deleted.impact.summary())
    return EXIT_OK


def _cmd_rename(args: argparse.Namespace) -> int:
    from briefer.services.deletion import rename_record

    with _store(args) as store, store.session() as session:
        renamed = rename_record(session, args.kind, args.record, args.new_name)
    print(renamed.summary())
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "events": _cmd_events,
    "new": _cmd_new,
    "templates": _cmd_templates,
    "review": _cmd_review,
    "cases": _cmd_cases,
    "points": _cmd_points,
    "briefings": _cmd_briefings,
    "diff": _cmd_diff,
    "copy": _cmd_copy,
    "delete": _cmd_delete,
    "rename": _cmd_rename,
}
