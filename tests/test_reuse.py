"""Reuse across summits: templates, carry-forward, review flags, versions — services on both
dialects, and the review loop on the command line as a script would run it."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from briefer.errors import NotFoundError, ValidationError
from briefer.models import CounterArgument, Goal, MemoKind, SectionKind, SourceKind
from briefer.sample.workspace import SAMPLE_BRIEFING_TITLE
from briefer.services import (
    briefings,
    carry_review,
    cases,
    events,
    goals,
    library,
    templates,
    versions,
)
from briefer.services.carry_forward import carry_forward, new_draft
from tests.test_cli import briefer

TODAY = date(1987, 12, 20)
SHIPPED = {
    "Summit human rights briefing book",
    "Case review session brief",
    "Ministerial talking points",
    "Press guidance (unclassified)",
    "Country action plan (cable)",
}


# ------------------------------------------------------------------ templates


def test_every_shipped_template_is_valid_and_listed_with_stored_ones(store):
    with store.session() as session:
        names = {t.name for t in templates.list_templates(session) if t.origin == "shipped"}
    assert names == SHIPPED


def test_the_schema_names_exactly_the_kinds_the_app_knows():
    from briefer import paths

    schema = json.loads(paths.asset("templates", "schema.json").read_text())
    assert schema["$defs"]["section"]["properties"]["kind"]["enum"] == [
        k.value for k in SectionKind
    ]
    assert schema["properties"]["memo"]["properties"]["memo_kind"]["enum"] == [
        k.value for k in MemoKind
    ]
    library_kinds = schema["$defs"]["item"]["properties"]["library"]["properties"]["kind"]["enum"]
    assert library_kinds == [k.value for k in SourceKind]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["sections"][1].update(kind="memo"), "broken.json: sections[1].kind: 'memo'"),
        (lambda d: d.pop("name"), "broken.json: (the whole template): 'name' is a required"),
        (
            lambda d: d["sections"][0]["items"].append({}),
            "broken.json: sections[0].items[2]: needs 'text' or 'library'",
        ),
        (
            lambda d: d["marking"].update(base_marking="SEKRET"),
            "broken.json: marking.base_marking: 'SEKRET' is not a known marking.",
        ),
        (lambda d: d.update(colour="red"), "Additional properties are not allowed ('colour'"),
    ],
)
def test_a_broken_template_names_the_file_and_the_field(tmp_path, change, message):
    from briefer import paths

    data = json.loads(paths.asset("templates", "press-guidance.json").read_text())
    change(data)
    (tmp_path / "broken.json").write_text(json.dumps(data))
    with pytest.raises(templates.TemplateError) as refused:
        templates.shipped_templates(tmp_path)
    assert message in str(refused.value)


def test_a_template_that_is_not_json_says_where(tmp_path):
    (tmp_path / "bad.json").write_text('{"schema": 1,\n "name": }')
    with pytest.raises(templates.TemplateError, match=r"bad.json: not valid JSON \(line 2"):
        templates.shipped_templates(tmp_path)


def test_new_from_template_lays_out_sections_items_and_defaults(sample_store):
    with sample_store.session() as session:
        event = events.get_event(session, "Next U.S.–Soviet summit")
        made = templates.new_from_template(session, event, "Summit human rights briefing book")
        book = made.briefing
        assert made.notes == []
        assert [s.kind.value for s in book.sections][:3] == ["summary", "background", "objectives"]
        assert (book.memo_kind, book.base_marking) == (
            MemoKind.INFORMATION_MEMO,
            "SECRET/SENSITIVE",
        )
        objectives = book.sections[2]
        assert [i.title for i in objectives.items] == [
            "Our minimum immediate goal is 10,000 a year",
            "Release all remaining political and religious prisoners",
        ]
        assert all(i.source_revision == 1 for i in objectives.items)
        cases_section = next(s for s in book.sections if s.kind == SectionKind.CASE_LIST)
        assert cases_section.case_list.name == "Priority cases for the next summit"
        assert len(cases_section.items) == len(cases_section.case_list.entries) == 6


def test_a_reference_the_store_lacks_is_reported_not_invented(store):
    with store.session() as session:
        event = events.create_event(
            session, title="Vienna", kind="multilateral meeting", starts_on="1989-01-15"
        )
        made = templates.new_from_template(session, event, "shipped:ministerial-talking-points")
        assert sum(len(s.items) for s in made.briefing.sections) == 0
        assert any("no point titled 'Promises are not implementation'" in n for n in made.notes)


def test_save_as_template_round_trips_a_briefing(sample_store):
    with sample_store.session() as session:
        book = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        saved = templates.save_template(session, book, "Our summit book", "From the sample")
        listed = {t.name: t for t in templates.list_templates(session)}
        assert listed["Our summit book"].origin == "store"
        with pytest.raises(ValidationError, match="already exists"):
            templates.save_template(session, book, "Our summit book")
        event = events.get_event(session, "Next U.S.–Soviet summit")
        copy = templates.new_from_template(session, event, str(saved.id), title="Copy").briefing
        assert [s.title for s in copy.sections] == [s.title for s in book.sections]
        assert [len(s.items) for s in copy.sections] == [len(s.items) for s in book.sections]
        assert [i.text for i in copy.items] == [i.text for i in book.items]


# ------------------------------------------------------------------ carry-forward review


def _carried(session):
    event = events.create_event(
        session, title="Moscow summit", kind="summit", starts_on="1988-05-29"
    )
    old = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
    return carry_forward(session, event, old, title="Moscow book")


def _kinds(flags):
    return sorted((f.kind, f.item) for f in flags)


def test_carry_forward_copies_structure_sources_and_snapshots(sample_store):
    with sample_store.session() as session:
        old = briefings.get_briefing(session, SAMPLE_BRIEFING_TITLE)
        new = _carried(session)
        assert new.carried_from_id == old.id and new.status.value == "draft"
        assert [s.title for s in new.sections] == [s.title for s in old.sections]
        pairs = list(zip(old.items, new.items, strict=True))
        assert all(
            a.source_id == b.source_id and a.source_revision == b.source_revision for a, b in pairs
        )
        assert all(b.snapshot["taken_at"] for a, b in pairs if a.source_id)
        assert {c.status.value for c in new.clearances} == {"pending"}


def test_the_sample_holds_four_flags_on_purpose(sample_store):
    with sample_store.session() as session:
        flags = carry_review.review(session, _carried(session), today=TODAY)
    assert _kinds(flags) == [
        ("closed", "Grigory Semyonovich Voronel"),
        ("closed", "Natalya Ilinichna Sorokina"),
        ("closed", "Rimma Yakovlevna Polyakova"),
        ("review-date", "Emigration has reached a plateau"),
    ]


def test_each_change_since_the_snapshot_raises_its_flag(sample_store):
    with sample_store.session() as session:
        book = _carried(session)
        before = {f.key for f in carry_review.review(session, book, today=TODAY)}
        point = library.get_point(session, "Repeal the relatives' permission requirement")
        library.update_point(session, point, body="It blocks most applicants.")
        counter_item = next(i for i in book.items if i.source_kind == SourceKind.COUNTER)
        counter = session.get(CounterArgument, counter_item.source_id)
        library.update_counter(session, counter, marking="SECRET/NOFORN")
        reznik = cases.get_case(session, "Tamara Lvovna Reznik")
        cases.add_status(
            session, reznik, occurred_on="1987-12-18", status="under review", source="Embassy"
        )
        orlova = cases.get_case(session, "Vera Nikolayevna Orlova-Bell")
        cases.add_status(
            session, orlova, occurred_on="1987-12-18", status="released", source="Embassy"
        )
        goal_item = next(i for i in book.items if i.source_kind == SourceKind.GOAL)
        goal = session.get(Goal, goal_item.source_id)
        if not goal.indicators:
            goals.add_indicator(session, goal, name="Releases", unit="people")
        goals.add_observation(session, goal.indicators[0], observed_on="1987-12-19", value=3)
        flags = [f for f in carry_review.review(session, book, today=TODAY) if f.key not in before]
    found = {(f.kind, f.item) for f in flags}
    assert ("revised", "Repeal the relatives' permission requirement") in found
    assert ("status-changed", "Tamara Lvovna Reznik") in found
    assert ("closed", "Vera Nikolayevna Orlova-Bell") in found
    assert any(kind == "new-observations" for kind, _ in found)
    assert any(kind == "marking-raised" for kind, _ in found)
    revised = next(f for f in flags if f.kind == "revised" and "permission" in f.item)
    assert "+    It blocks most applicants." in revised.detail
    reznik_flag = next(f for f in flags if f.item == "Tamara Lvovna Reznik")
    assert "refused (1985-05-05) → under review (1987-12-18, Embassy)" in reznik_flag.reason
    marking = next(f for f in flags if f.kind == "marking-raised")
    assert "SECRET/NOFORN" in marking.reason and "under-marked" in marking.reason


def test_accept_updates_the_item_and_keep_records_why(sample_store):
    with sample_store.session() as session:
        book = _carried(session)
        point = library.get_point(session, "Repeal the relatives' permission requirement")
        library.update_point(session, point, body="It blocks most applicants.")
        flags = {f.kind + ":" + f.item: f for f in carry_review.review(session, book, today=TODAY)}
        revised = flags["revised:Repeal the relatives' permission requirement"]
        message = carry_review.accept(session, book, revised.id, today=TODAY)
        item = next(i for i in book.items if str(i.id) == revised.item_id)
        assert (item.text, item.source_revision) == ("It blocks most applicants.", 2)
        assert "Updated" in message
        closed = flags["closed:Grigory Semyonovich Voronel"]
        carry_review.accept(session, book, closed.id, today=TODAY)
        assert "Grigory Semyonovich Voronel" not in [i.title for i in book.items]
        stale = flags["review-date:Emigration has reached a plateau"]
        with pytest.raises(ValidationError, match="Say why"):
            carry_review.keep(session, book, stale.id, "  ", today=TODAY)
        carry_review.keep(session, book, stale.id, "Figures confirmed by INR.", today=TODAY)
        left = carry_review.review(session, book, today=TODAY)
        every = carry_review.review(session, book, today=TODAY, include_kept=True)
        with pytest.raises(NotFoundError, match="No review flag"):
            carry_review.accept(session, book, "deadbeef", today=TODAY)
    assert _kinds(left) == [
        ("closed", "Natalya Ilinichna Sorokina"),
        ("closed", "Rimma Yakovlevna Polyakova"),
    ]
    assert next(f for f in every if f.id == stale.id).kept == "Figures confirmed by INR."


# ------------------------------------------------------------------ versions


def test_clearance_and_final_freeze_versions_and_final_is_read_only(sample_store):
    with sample_store.session() as session:
        book = _carried(session)
        first = versions.set_status(session, book, "in-clearance")
        section = book.sections[0]
        briefings.add_text_item(session, section, "A late addition.", marking="C")
        briefings.update_item(session, book.sections[2].items[0], marking="SECRET/NOFORN")
        briefings.delete_item(session, book.sections[3].items[0])
        second = versions.set_status(session, book, "final")
        assert (first.number, second.number) == (1, 2)
        with pytest.raises(ValidationError, match="final and read-only"):
            briefings.add_text_item(session, section, "Too late.")
        with pytest.raises(ValidationError, match="make a new draft"):
            versions.set_status(session, book, "draft")
        draft = new_draft(session, book)
        assert draft.status.value == "draft" and len(draft.items) == len(book.items)
        _label, old = versions.resolve_content(session, "Moscow book@1")
        _label, new = versions.resolve_content(session, "Moscow book@2")
        changes = [c.line() for c in versions.compare(old, new)]
        with pytest.raises(NotFoundError, match="no version 7; versions: 1, 2"):
            versions.resolve_content(session, "Moscow book@7")
    assert any(line.startswith("added    item") and "A late addition." in line for line in changes)
    assert any(line.startswith("removed  item") for line in changes)
    assert any(line.startswith("changed  marking") and "SECRET/NOFORN" in line for line in changes)
    assert any("status" in line and "'in clearance' → 'final'" in line for line in changes)


# ------------------------------------------------------------------ the loop on the CLI


@pytest.fixture
def sample_db(sample_sqlite, tmp_path):
    path = tmp_path / "sample.db"
    shutil.copyfile(sample_sqlite, path)
    return str(path)


def test_the_review_loop_on_the_command_line(sample_db, tmp_path):
    db = ("--db", sample_db)
    event = briefer(
        *db, "events", "add", "Moscow summit", "--kind", "summit", "--starts-on", "1988-05-29"
    )
    assert event.returncode == 0, event.stderr
    made = briefer(
        *db,
        "new",
        "--event",
        "Moscow summit",
        "--from",
        SAMPLE_BRIEFING_TITLE,
        "--title",
        "Moscow book",
        "--date",
        "May 20, 1988",  # an undated paper is warned about, and --strict refuses it
    )
    assert made.returncode == 0, made.stderr
    new_id = made.stdout.strip()
    status = briefer(
        *db,
        "cases",
        "add-status",
        "Tamara Lvovna Reznik",
        "--status",
        "under review",
        "--date",
        "1987-12-18",
        "--source",
        "Embassy Moscow reporting",
        "--reliability",
        "credible report",
    )
    assert status.returncode == 0, status.stderr
    revise = briefer(
        *db,
        "points",
        "revise",
        "Repeal the relatives' permission requirement",
        "--text",
        "It must go.",
    )
    assert "revision 2" in revise.stdout
    flags = json.loads(briefer(*db, "review", new_id, "--json").stdout)
    on_purpose = {
        "Grigory Semyonovich Voronel",
        "Natalya Ilinichna Sorokina",
        "Rimma Yakovlevna Polyakova",
        "Emigration has reached a plateau",
    }
    assert {f["item"] for f in flags} - on_purpose == {
        "Tamara Lvovna Reznik",
        "Repeal the relatives' permission requirement",
    }
    assert len(flags) == 6
    assert set(flags[0]) == {
        "id",
        "kind",
        "item",
        "item_id",
        "section",
        "source",
        "reason",
        "detail",
        "kept",
    }

    out = tmp_path / "book.docx"
    warned = briefer(*db, "export", new_id, "--out", str(out))
    assert warned.returncode == 0 and "6 carry-forward review flag(s) unresolved" in warned.stderr
    out.unlink()
    strict = briefer(*db, "export", new_id, "--out", str(out), "--strict")
    assert strict.returncode == 1 and not out.exists()
    assert "carry-forward review flag(s) unresolved" in strict.stderr

    for flag in flags:
        if flag["kind"] == "review-date":
            kept = briefer(*db, "review", new_id, "--keep", flag["id"], "--note", "Still accurate.")
            assert kept.returncode == 0, kept.stderr
        else:
            accepted = briefer(*db, "review", new_id, "--accept", flag["id"])
            assert accepted.returncode == 0, accepted.stderr
    assert json.loads(briefer(*db, "review", new_id, "--json").stdout) == []
    clean = briefer(*db, "export", new_id, "--out", str(out), "--strict")
    assert clean.returncode == 0, clean.stderr
    assert briefer(*db, "review", new_id, "--accept", "nope").returncode == 1

    assert (
        "frozen as version 1" in briefer(*db, "briefings", "status", new_id, "in-clearance").stdout
    )
    diff = briefer(*db, "diff", f"{SAMPLE_BRIEFING_TITLE}", f"{new_id}@1")
    assert diff.returncode == 0 and "removed  item   " in diff.stdout


def test_new_refuses_a_date_it_cannot_read_and_makes_nothing(sample_db):
    db = ("--db", sample_db)
    briefer(*db, "events", "add", "Moscow summit", "--kind", "summit", "--starts-on", "1988-05-29")
    before = json.loads(briefer(*db, "list", "briefings", "--json").stdout)
    made = briefer(
        *db, "new", "--event", "Moscow summit", "--from", SAMPLE_BRIEFING_TITLE, "--date", "31/31"
    )
    assert made.returncode == 1
    assert made.stderr.count("\n") == 1 and "Traceback" not in made.stderr
    assert "--date" in made.stderr
    assert json.loads(briefer(*db, "list", "briefings", "--json").stdout) == before
