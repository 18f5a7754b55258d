"""The awareness and events figures the evaluation registry finds in those apps' `metrics.py`: each equals a
count made independently in Python over every record, for the province and for a commune, on a window with
records just outside; and each drills down to exactly the records it counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from evaluation_world import COMMUNE_A, COMMUNE_B

from toandan.accounts.models import User
from toandan.awareness import services as content
from toandan.awareness.models import (
    Channel,
    ContentItem,
    Kind,
    QuizAttempt,
    QuizBank,
    ReachDay,
    Status,
)
from toandan.evaluation import registry
from toandan.evaluation.registry import Window
from toandan.evaluation.services.metrics import define_metric
from toandan.events.learning import submit_test
from toandan.events.models import Event, EventStatus, Participant, Question
from toandan.events.models import TestAttempt as Attempt
from toandan.events.quiz import questions_for
from toandan.events.registration import Person, check_in, register
from toandan.orgs.models import Role, Unit
from toandan.plans.models import Plan
from toandan.web.testing import COMMUNE_A_POLICE, make_staff, staff_client

pytestmark = pytest.mark.django_db

START, END = date(2022, 3, 15), date(2022, 6, 14)  # Decree 09 window of Q2 2022


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def window(seed_plan: Plan) -> Window:
    return Window(seed_plan, START, END)


@pytest.fixture
def units_ab(units: None) -> tuple[Unit, Unit]:
    return Unit.objects.get(code=COMMUNE_A), Unit.objects.get(code=COMMUNE_B)


@pytest.fixture
def awareness_records(units_ab: tuple[Unit, Unit], commune_a_officer: User) -> None:
    a, b = units_ab
    police = Unit.objects.get(code=COMMUNE_A_POLICE)
    bank = QuizBank.objects.create(slug="nhan-biet", title="Nhận biết", unit=police, is_published=True)
    # Months whose first day is in the window: April, May, June; March and July are outside.
    for month, commune, score in [
        (date(2022, 3, 1), a, 5),
        (date(2022, 4, 1), a, 4),
        (date(2022, 4, 1), a, 2),
        (date(2022, 5, 1), b, 5),
        (date(2022, 6, 1), None, 3),
        (date(2022, 7, 1), a, 0),
    ]:
        QuizAttempt.objects.create(bank=bank, month=month, commune=commune, score=score, total=5, answers={})
    reviewer = make_staff("leader_a", COMMUNE_A_POLICE, Role.UNIT_LEADER)
    other = Unit.objects.get(code="ca-tinh")
    for title, kind, day, unit in [
        ("Cảnh báo giả danh công an", Kind.WARNING, START, police),
        ("Bài viết về mã OTP", Kind.ARTICLE, END, police),
        ("Cảnh báo của tỉnh", Kind.WARNING, START + timedelta(days=5), other),
        ("Hỏi đáp", Kind.FAQ, START + timedelta(days=5), police),
        ("Bài cũ", Kind.ARTICLE, START - timedelta(days=1), police),
        ("Bài sau kỳ", Kind.ARTICLE, END + timedelta(days=1), police),
    ]:
        item = content.save_version(
            ContentItem(kind=kind, title=title, body="Nội dung.", unit=unit),
            {},
            actor=commune_a_officer,
            check=False,
        )
        content.transition(item, Status.REVIEW, actor=commune_a_officer, check=False)
        content.transition(item, Status.PUBLISHED, actor=reviewer, check=False)
        ContentItem.objects.filter(pk=item.pk).update(published_at=_at(day))
    draft = content.save_version(
        ContentItem(kind=Kind.ARTICLE, title="Bản nháp", body="x", unit=police), {}, actor=commune_a_officer
    )
    items = list(ContentItem.objects.order_by("pk"))
    for n, (day, item, channel) in enumerate(
        [
            (START, items[0], Channel.PAGE),
            (END, items[1], Channel.PAGE),
            (START + timedelta(days=1), items[2], Channel.PAGE),
            (START - timedelta(days=1), items[0], Channel.PAGE),
            (START, None, Channel.FEED),
            (END + timedelta(days=1), None, Channel.FEED),
            (START, items[0], Channel.AUDIO),
            (START, items[2], Channel.AUDIO),
            (START, items[0], Channel.PRINT),
            (START, draft, Channel.PRINT),
        ],
        start=1,
    ):
        ReachDay.objects.create(day=day, item=item, channel=channel, count=10 * n)


def _event(plan: Plan, organiser: Unit, commune: Unit | None, title: str) -> Event:
    start = timezone.now() + timedelta(days=2)
    return Event.objects.create(
        task=plan.tasks.get(ref="II.6"),
        title=title,
        kind="training",
        topic="Nhận diện lừa đảo",
        organiser=organiser,
        audience="citizens",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        commune=commune,
        capacity=20,
        status=EventStatus.PUBLISHED,
    )


@pytest.fixture
def event_records(seed_plan: Plan, units_ab: tuple[Unit, Unit], commune_a_officer: User) -> None:
    """Events made and attended through the services, then moved to the day they happened."""
    a, b = units_ab
    police = Unit.objects.get(code=COMMUNE_A_POLICE)
    plans: list[tuple[Event, date, list[tuple[int, int] | None]]] = [
        # (event, day, per person: (right answers before, after) or None = registered, not attending)
        (_event(seed_plan, police, a, "Tập huấn ở phường A"), START, [(0, 2), (1, 2), (1, 1), None]),
        (_event(seed_plan, police, b, "Tập huấn ở phường B"), END, [(0, 1), (2, 2)]),
        (_event(seed_plan, police, None, "Trực tuyến"), START + timedelta(days=9), [None, (1, 2)]),
        (_event(seed_plan, police, a, "Trước kỳ"), START - timedelta(days=1), [(0, 2)]),
        (_event(seed_plan, police, a, "Sau kỳ"), END + timedelta(days=1), [(0, 2)]),
    ]
    cancelled = _event(seed_plan, police, a, "Đã hủy")
    number = 0
    for event, _day, people in [*plans, (cancelled, START, [(0, 2)])]:
        for q in range(2):
            Question.objects.create(event=event, order=q, text=f"Câu {q}", choices=["Đúng", "Sai"], correct=0)
        for marks in people:
            number += 1
            p = register(event, Person(name=f"Người {number}", phone=f"0912{number:06d}"))
            if marks is None:
                continue
            before, after = marks
            submit_test(p, "before", _answers(event, before))
            check_in(event, pk=p.pk, actor=commune_a_officer)
            p.refresh_from_db()
            submit_test(p, "after", _answers(event, after))
    # One attended without the after-test: trained, but not in the learning gain.
    p = register(plans[1][0], Person(name="Người không làm bài sau", phone="0913000000"))
    check_in(plans[1][0], pk=p.pk, actor=commune_a_officer)
    for event, day, _people in plans:
        Event.objects.filter(pk=event.pk).update(starts_at=_at(day), ends_at=_at(day, 11))
    Event.objects.filter(pk=cancelled.pk).update(
        starts_at=_at(START), ends_at=_at(START, 11), status=EventStatus.CANCELLED
    )


def _answers(event: Event, right: int) -> dict[str, int]:
    """The first `right` questions answered correctly, the others not."""
    return {q.key: q.correct if n < right else 1 - q.correct for n, q in enumerate(questions_for(event))}


def _scopes(units_ab: tuple[Unit, Unit]) -> Iterator[Unit | None]:
    yield None
    yield from units_ab
    yield Unit.objects.get(code=COMMUNE_A_POLICE)


def _in(day: date) -> bool:
    return START <= day <= END


def _check(key: str, window: Window, unit: Unit | None, expected_value: Any, expected_pks: set[int]) -> None:
    spec = registry.get(key)
    assert spec is not None, key
    value, qs = spec.compute(window, unit)
    assert value == expected_value, (key, unit, value, expected_value)
    assert set(qs.values_list("pk", flat=True)) == expected_pks, (key, unit)


def _under(unit: Unit | None, owner: Unit | None) -> bool:
    return unit is None or (owner is not None and owner.path.startswith(unit.path))


def test_quiz_figures_equal_counts_from_the_attempts(
    awareness_records: None, window: Window, units_ab: tuple[Unit, Unit]
) -> None:
    every = list(QuizAttempt.objects.select_related("commune"))
    for unit in _scopes(units_ab):
        mine = [
            x
            for x in every
            if _in(x.month)
            and (unit is None or (x.commune is not None and x.commune.path.startswith(unit.path)))
        ]
        _check("quiz_attempts", window, unit, len(mine), {x.pk for x in mine})
        mean = round(sum(100 * x.score / x.total for x in mine) / len(mine), 1) if mine else None
        spec = registry.get("quiz_average_score")
        assert spec is not None
        value, qs = spec.compute(window, unit)
        assert (None if value is None else float(value)) == mean
        assert set(qs.values_list("pk", flat=True)) == {x.pk for x in mine}
    assert registry.get("quiz_attempts").compute(window, None)[0] == 4  # type: ignore[union-attr]
    a, b = units_ab
    assert registry.get("quiz_average_score").by_commune(window) == {a.pk: 60, b.pk: 100}  # type: ignore


def test_content_and_reach_figures_equal_counts_from_the_records(
    awareness_records: None, window: Window, units_ab: tuple[Unit, Unit]
) -> None:
    items = list(ContentItem.objects.select_related("unit").prefetch_related("communes"))
    for unit in _scopes(units_ab):
        kinds_of = {"content_published": {"article", "warning"}, "warnings_published": {"warning"}}
        for key, kinds in kinds_of.items():
            mine = {
                i.pk
                for i in items
                if i.kind in kinds
                and i.status == "published"
                and i.published_at is not None
                and _in(timezone.localdate(i.published_at))
                and (_under(unit, i.unit) or (unit is not None and unit in i.communes.all()))
            }
            _check(key, window, unit, len(mine), mine)
        rows = list(ReachDay.objects.select_related("item__unit"))
        for key, channel in (
            ("page_views", "page"),
            ("content_feed_pulls", "feed"),
            ("audio_plays", "audio"),
            ("print_downloads", "print"),
        ):
            spec = registry.get(key)
            assert spec is not None
            if unit is not None and not spec.per_unit:
                continue
            mine_rows = [
                r
                for r in rows
                if r.channel == channel
                and _in(r.day)
                and (unit is None or (r.item is not None and r.item.unit.path.startswith(unit.path)))
            ]
            _check(key, window, unit, sum(r.count for r in mine_rows), {r.pk for r in mine_rows})
    assert registry.get("content_published").compute(window, None)[0] == 3  # type: ignore[union-attr]
    assert registry.get("page_views").compute(window, None)[0] == 10 + 20 + 30  # type: ignore[union-attr]


def test_event_figures_equal_counts_from_the_records(
    event_records: None, window: Window, units_ab: tuple[Unit, Unit]
) -> None:
    events = list(Event.objects.select_related("organiser", "commune"))
    people = list(Participant.objects.select_related("event"))
    tests = {(t.participant_id, t.phase): 100 * t.score / t.total for t in Attempt.objects.all()}
    for unit in _scopes(units_ab):
        held = {
            e.pk
            for e in events
            if e.status == "published"
            and e.ends_at < timezone.now()
            and _in(timezone.localdate(e.starts_at))
            and (_under(unit, e.organiser) or (unit is not None and e.commune_id == unit.pk))
        }
        _check("events_held", window, unit, len(held), held)
        trained = {p.pk for p in people if p.event_id in held and p.status == "attended"}
        _check("people_trained", window, unit, len(trained), trained)
        pairs = [
            tests[(pk, "after")] - tests[(pk, "before")]
            for pk in trained
            if (pk, "before") in tests and (pk, "after") in tests
        ]
        tested = {pk for pk in trained if (pk, "before") in tests and (pk, "after") in tests}
        spec = registry.get("learning_gain")
        assert spec is not None
        value, qs = spec.compute(window, unit)
        expected = round(sum(pairs) / len(pairs), 1) if pairs else None
        assert (None if value is None else float(value)) == expected, (unit, value, expected)
        assert set(qs.values_list("pk", flat=True)) == tested
    assert registry.get("events_held").compute(window, None)[0] == 3  # type: ignore[union-attr]
    assert registry.get("people_trained").compute(window, None)[0] == 3 + 3 + 1  # type: ignore[union-attr]
    a, b = units_ab
    assert registry.get("people_trained").by_commune(window) == {a.pk: 3, b.pk: 3}  # type: ignore
    # (+100, +50, 0, +50, 0, +50) / 6 percentage points
    assert registry.get("learning_gain").compute(window, None)[0] == Decimal("41.7")  # type: ignore


def test_each_figure_drills_down_to_the_records_it_counts(
    awareness_records: None, event_records: None, seed_plan: Plan, steering: User
) -> None:
    q2 = seed_plan.periods.get(frequency="quarterly", year=2022, index=2)
    assert (q2.starts_on, q2.ends_on) == (START, END)
    client = staff_client(steering)
    keys = [
        "quiz_attempts",
        "quiz_average_score",
        "content_published",
        "warnings_published",
        "page_views",
        "content_feed_pulls",
        "audio_plays",
        "print_downloads",
        "events_held",
        "people_trained",
        "learning_gain",
    ]
    for key in keys:
        spec = registry.get(key)
        assert spec is not None
        metric = define_metric(seed_plan, name=str(spec.label), source="computed", computed_key=key)
        value, records = spec.compute(Window(seed_plan, START, END), None)
        response = client.get(f"/can-bo/danh-gia/chi-tieu/{metric.pk}/?ky={q2.pk}")
        assert response.status_code == 200, key
        page = response.content.decode()
        table = page[page.index('id="drill-records"') :]
        assert table.count("<tr>") - 1 == records.count() > 0, key
        shown = f"{value}".replace(".", ",") if isinstance(value, Decimal) else f"{value}"
        assert shown in page[page.index('id="drill-summary"') :][:300], (key, shown)
    # No names of participants in the drill-downs
    assert "Người 1" not in client.get(f"/can-bo/danh-gia/chi-tieu/{metric.pk}/?ky={q2.pk}").content.decode()
