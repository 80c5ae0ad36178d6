"""The benchmark workload of DESIGN.md §6, generated deterministically (``demo --large``).

About 10,000 talking points, 5,000 cases with 4 status events each, 50 case lists, 200
briefings, and one large briefing (≈40 sections, 600 items, a 1,000-case list table,
counter-arguments and public-diplomacy points). Rows go in through the ORM's bulk INSERT
(``session.execute(insert(Model), rows)``), which skips per-object hooks, so revisions and
search documents are written here in bulk too — the same rows the hooks would write.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from briefer.clock import now_utc
from briefer.models import (
    Briefing,
    BriefingItem,
    Case,
    CaseList,
    CaseListEntry,
    CaseListPresentation,
    CaseStatusEvent,
    Event,
    Revision,
    Section,
    SectionKind,
    TalkingPoint,
    search_doc,
)
from briefer.names import name_keys
from briefer.sample import facts

LARGE_KEY = "sample_large"
LARGE_BRIEFING_TITLE = "Benchmark: large briefing book"
SEED = 1987
N_POINTS = 10_000
N_CASES = 5_000
N_LISTS = 50
N_BRIEFINGS = 200
BIG_LIST_SIZE = 1_000
BIG_SECTIONS = 40
BIG_ITEMS = 600

_FIRST = [
    "Aleksandr",
    "Boris",
    "Vera",
    "Galina",
    "Dmitri",
    "Yelena",
    "Zakhar",
    "Irina",
    "Konstantin",
    "Lyudmila",
    "Mikhail",
    "Nina",
    "Oleg",
    "Polina",
    "Roman",
    "Svetlana",
    "Timur",
    "Ulyana",
    "Fyodor",
    "Khristina",
    "Tsezar",
    "Sofia",
    "Yuri",
    "Anna",
]
_LAST = [
    "Abramov",
    "Belov",
    "Vasin",
    "Gromov",
    "Davydov",
    "Yermakov",
    "Zhukov",
    "Zimin",
    "Ivashov",
    "Kalinin",
    "Lapin",
    "Melnik",
    "Nosov",
    "Orekhov",
    "Panin",
    "Rudin",
    "Savin",
    "Tarasov",
    "Uvarov",
    "Filin",
    "Kharin",
    "Tsvetov",
    "Chernyshov",
    "Shubin",
    "Shchukin",
    "Yudin",
    "Yakovlev",
    "Agranat",
    "Brodov",
    "Gershov",
]
_STATUSES = [
    "refused",
    "pending",
    "imprisoned",
    "under review",
    "permission granted",
    "released",
    "emigrated",
    "unknown",
]
_MARKINGS = ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "SECRET/SENSITIVE"]


def _base(sample_time: Any) -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "version": 1,
        "sample": True,
        "created_at": sample_time,
        "updated_at": sample_time,
    }


def build_large(session: Session) -> None:
    rng = random.Random(SEED)
    stamp = now_utc()
    sentences = [p[2] for p in facts.TALKING_POINTS] + [c[2] for c in facts.COUNTER_ARGUMENTS]
    topics = [*sorted({p[0] for p in facts.TALKING_POINTS}), "Benchmark topic"]

    points = []
    for n in range(N_POINTS):
        body = " ".join(rng.sample(sentences, 4))
        points.append(
            {
                **_base(stamp),
                "topic": rng.choice(topics),
                "title": f"Benchmark point {n + 1:05d}: {sentences[n % len(sentences)][:48]}",
                "body": body,
                "marking": rng.choice(_MARKINGS),
                "tags": ["benchmark"],
                "revision": 1,
                "reviewed_on": date(1987, 1, 1) + timedelta(days=n % 340),
                "reviewed_by": "EUR/SOV",
            }
        )
    _bulk_library(
        session,
        TalkingPoint,
        points,
        lambda r: (r["title"], f"{r['topic']}\n{r['body']}\nbenchmark"),
    )

    cases, events = [], []
    for n in range(N_CASES):
        name = f"{rng.choice(_FIRST)} {rng.choice(_FIRST)}ovich {rng.choice(_LAST)}-{n + 1:04d}"
        since = date(1975, 1, 1) + timedelta(days=rng.randrange(4000))
        case = {
            **_base(stamp),
            "primary_name": name,
            "name_variants": [name.replace("Yu", "Iu")],
            "category": rng.choice(
                [
                    "refusenik",
                    "political prisoner",
                    "divided family",
                    "separated spouse",
                    "religious prisoner",
                ]
            ),
            "location": rng.choice(["Moscow", "Leningrad", "Kiev", "Riga", "Odessa"]),
            "legal_basis": "",
            "name_keys": name_keys([name, name.replace("Yu", "Iu")]),
            "since": since,
            "summary": facts.FICTIONAL_NOTE,
            "marking": rng.choice(_MARKINGS[:3]),
            "revision": 1,
        }
        cases.append(case)
        for k in range(4):
            events.append(
                {
                    **_base(stamp),
                    "case_id": case["id"],
                    "occurred_on": since + timedelta(days=200 * k + rng.randrange(150)),
                    "status": rng.choice(_STATUSES),
                    "reliability": "credible report",
                    "source": "Benchmark source",
                    "note": "",
                    "event_id": None,
                }
            )
    _bulk_library(
        session,
        Case,
        cases,
        lambda r: (
            r["primary_name"],
            f"{' '.join(r['name_variants'])}\n{' '.join(r['name_keys'])}\n"
            f"{r['category']}\n{r['location']}\n{r['summary']}",
        ),
    )
    session.execute(insert(CaseStatusEvent), events)

    event_rows = [
        {
            **_base(stamp),
            "title": f"Benchmark event {n + 1:03d}",
            "kind": "other",
            "starts_on": date(1988, 1, 1) + timedelta(days=n),
            "ends_on": None,
            "location": "",
            "principal": "",
            "counterpart": "",
            "notes": "",
        }
        for n in range(N_BRIEFINGS)
    ]
    session.execute(insert(Event), event_rows)

    lists, entries, presentations = [], [], []
    for n in range(N_LISTS):
        size = BIG_LIST_SIZE if n == 0 else rng.randrange(10, 60)
        row = {
            **_base(stamp),
            "name": f"Benchmark list {n + 1:02d}",
            "kind": "representation",
            "forum": f"Benchmark forum {n % 7}",
            "description": "",
        }
        lists.append(row)
        members = rng.sample(cases, size)
        entries += [
            {**_base(stamp), "case_list_id": row["id"], "case_id": c["id"], "position": i}
            for i, c in enumerate(members)
        ]
        presentations.append(
            {
                **_base(stamp),
                "case_list_id": row["id"],
                "event_id": event_rows[n]["id"],
                "presented_on": date(1988, 1, 1),
                "note": "",
            }
        )
    session.execute(insert(CaseList), lists)
    session.execute(insert(CaseListEntry), entries)
    session.execute(insert(CaseListPresentation), presentations)

    latest = _latest_status(events)
    briefing_rows, sections, items = [], [], []
    for n in range(N_BRIEFINGS):
        big = n == 0
        briefing = {
            **_base(stamp),
            "event_id": event_rows[n]["id"],
            "title": LARGE_BRIEFING_TITLE if big else f"Benchmark briefing {n + 1:03d}",
            "subject": "Benchmark",
            "memo_kind": "briefing paper",
            "from_line": "EUR",
            "to_line": "The Secretary",
            "summary": sentences[n % len(sentences)],
            "status": "draft",
            "base_marking": "CONFIDENTIAL",
            "classified_by": "EUR",
            "classification_reason": "1.3(a)(5)",
            "declassify_on": "OADR",
            "eo_line": "",
            "tags": "",
            "numbered_paragraphs": big,
            "drafted_by": "Benchmark",
            "drafted_on": None,
            "approved_by": "",
        }
        briefing_rows.append(briefing)
        n_sections = BIG_SECTIONS if big else 5
        per_section = -(-BIG_ITEMS // (BIG_SECTIONS - 2)) if big else 4
        for s in range(n_sections):
            kind = _section_kind(s, big)
            section = {
                **_base(stamp),
                "briefing_id": briefing["id"],
                "position": s,
                "kind": kind,
                "title": f"{kind.value.title()} {s + 1}",
                "intro": "",
                "case_list_id": lists[0]["id"] if kind == SectionKind.CASE_LIST else None,
            }
            sections.append(section)
            if kind == SectionKind.CASE_LIST:
                members = [e for e in entries if e["case_list_id"] == lists[0]["id"]]
                by_id = {c["id"]: c for c in cases}
                items += [
                    _case_item(stamp, section["id"], i, by_id[e["case_id"]], latest[e["case_id"]])
                    for i, e in enumerate(members)
                ]
                continue
            for i in range(per_section):
                if kind in (SectionKind.COUNTER_ARGUMENTS, SectionKind.PUBLIC_DIPLOMACY):
                    items.append(_literal_item(stamp, section["id"], i, kind, rng))
                    continue
                point = points[rng.randrange(N_POINTS)]
                items.append(
                    {
                        **_base(stamp),
                        "section_id": section["id"],
                        "position": i,
                        "title": point["title"],
                        "text": point["body"],
                        "response": "",
                        "marking": point["marking"],
                        "source_kind": "point",
                        "source_id": point["id"],
                        "source_revision": 1,
                        "locally_edited": False,
                        "snapshot": {"topic": point["topic"]},
                    }
                )
    session.execute(insert(Briefing), briefing_rows)
    session.execute(insert(Section), sections)
    session.execute(insert(BriefingItem), items)


def _section_kind(index: int, big: bool) -> SectionKind:
    if big and index == 1:
        return SectionKind.CASE_LIST
    cycle = [
        SectionKind.TALKING_POINTS,
        SectionKind.BACKGROUND,
        SectionKind.COUNTER_ARGUMENTS,
        SectionKind.PUBLIC_DIPLOMACY,
        SectionKind.RECOMMENDATIONS,
    ]
    return cycle[index % len(cycle)]


def _latest_status(events: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    latest: dict[Any, dict[str, Any]] = {}
    for event in events:
        current = latest.get(event["case_id"])
        if current is None or event["occurred_on"] >= current["occurred_on"]:
            latest[event["case_id"]] = event
    return latest


def _literal_item(
    stamp: Any, section_id: Any, position: int, kind: SectionKind, rng: random.Random
) -> dict:
    if kind == SectionKind.COUNTER_ARGUMENTS:
        _topic, theirs, ours, marking = rng.choice(facts.COUNTER_ARGUMENTS)
    else:
        theirs, ours, marking = rng.choice(facts.PUBLIC_DIPLOMACY)[1], "", "UNCLASSIFIED"
    return {
        **_base(stamp),
        "section_id": section_id,
        "position": position,
        "title": "",
        "text": theirs,
        "response": ours,
        "marking": marking,
        "source_kind": None,
        "source_id": None,
        "source_revision": None,
        "locally_edited": False,
        "snapshot": {},
    }


def _case_item(stamp: Any, section_id: Any, position: int, case: dict, status: dict) -> dict:
    return {
        **_base(stamp),
        "section_id": section_id,
        "position": position,
        "title": case["primary_name"],
        "text": case["summary"],
        "response": "",
        "marking": case["marking"],
        "source_kind": "case",
        "source_id": case["id"],
        "source_revision": 1,
        "locally_edited": False,
        "snapshot": {
            "category": case["category"],
            "location": case["location"],
            "since": case["since"].isoformat(),
            "status": status["status"],
            "status_on": status["occurred_on"].isoformat(),
            "status_source": status["source"],
        },
    }


def _bulk_library(session: Session, model: Any, rows: list[dict], document: Any) -> None:
    """Insert library rows with the revision and search rows the flush hooks would write."""
    session.execute(insert(model), rows)
    fields = model.REVISED_FIELDS
    session.execute(
        insert(Revision),
        [
            {
                "id": uuid.uuid4(),
                "entity_kind": model.KIND,
                "entity_id": r["id"],
                "number": 1,
                "data": {f: (r[f].isoformat() if isinstance(r[f], date) else r[f]) for f in fields},
                "changed_at": r["created_at"],
                "sample": True,
            }
            for r in rows
        ],
    )
    session.execute(
        insert(search_doc),
        [
            {"kind": model.KIND, "ref_id": r["id"], "title": document(r)[0], "body": document(r)[1]}
            for r in rows
        ],
    )
