"""Dates as people type them (issue 13, items 5 and 15): one parser for every date field and
the CLI, and an unset briefing date that stays unset and is warned about at export."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from briefer.dates import iso, parse_date, parse_optional_date
from briefer.errors import ValidationError
from briefer.services import briefings, events
from briefer.services.exports import export_briefing

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
FORMS = (
    lambda d: d.isoformat(),
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.month:02}/{d.day:02}/{d.year}",
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%b}. {d.day}, {d.year}",
    lambda d: f"{d.day} {d:%b} {d.year}",
    lambda d: f"{d.day} {d:%B} {d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"  {d:%B}   {d.day} {d.year} ",
    lambda d: f"{d:%B} {d.day}, {d.year}".upper(),
)


@given(days, st.sampled_from(FORMS))
def test_every_typed_form_of_a_day_reads_as_that_day(day, form):
    assert parse_date(form(day)) == day


@given(days)
def test_a_day_first_slash_date_is_read_when_the_first_number_cannot_be_a_month(day):
    if day.day > 12:
        assert parse_date(f"{day.day}/{day.month}/{day.year}") == day


@given(days)
def test_a_date_shown_back_reads_as_the_same_date(day):
    assert parse_date(iso(day)) == day


@given(st.text(max_size=30))
def test_anything_typed_is_a_date_or_one_line_that_says_why(text):
    try:
        parsed = parse_optional_date(text, "Start date")
    except ValidationError as exc:
        message = str(exc)
        assert message.startswith("Start date") and "\n" not in message
        return
    assert parsed is None or isinstance(parsed, date)
    assert (parsed is None) == (not text.strip())


@pytest.mark.parametrize("typed", ["8 Dec", "1987-02-30", "13/13/1987", "Smarch 3, 1987", "x"])
def test_what_is_not_a_day_is_refused_with_the_forms_accepted(typed):
    with pytest.raises(ValidationError, match="not a") as refused:
        parse_date(typed, "Drafted on")
    assert str(refused.value).startswith(f"Drafted on '{typed}'")


def test_the_services_take_a_date_as_typed(store):
    with store.session() as session:
        event = events.create_event(
            session,
            title="Washington summit",
            kind="summit",
            starts_on="December 8, 1987",
            ends_on="12/10/1987",
        )
        book = briefings.create_briefing(session, event, title="Book", drafted_on="19 Dec 1987")
        assert (event.starts_on, event.ends_on) == (date(1987, 12, 8), date(1987, 12, 10))
        assert book.drafted_on == date(1987, 12, 19)


def test_an_undated_briefing_exports_undated_and_warns(store, tmp_path):
    with store.session() as session:
        event = events.create_event(
            session, title="Ministerial", kind="ministerial", starts_on="1987-09-15"
        )
        book = briefings.create_briefing(session, event, title="Undated card")
        section = briefings.add_section(session, book, kind="talking points", title="Points")
        briefings.add_text_item(session, section, "A point.", marking="UNCLASSIFIED")
        ref = str(book.id)
    out = tmp_path / "undated.docx"
    result = export_briefing(store.session, ref, out)
    assert any("no date" in w and "Drafted on" in w for w in result.warnings)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "DATE:" not in text and "2000" not in text
