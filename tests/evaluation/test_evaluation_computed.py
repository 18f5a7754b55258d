"""Each computed indicator equals a count made independently from the records (Python over every row), for
the province and for one commune, on a window whose edges have records just outside."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone
from evaluation_world import COMMUNE_A, COMMUNE_B, World

from toandan.evaluation import registry
from toandan.evaluation.registry import Window
from toandan.indicators.models import IndicatorEvent, PartnerAccess
from toandan.orgs.models import Unit
from toandan.reports import deadlines
from toandan.reports.models import Report

pytestmark = pytest.mark.django_db


def _in(day: date, w: Window) -> bool:
    return w.starts_on <= day <= w.ends_on


def _window(world: World) -> Window:
    return Window(world.plan, world.q2.starts_on, world.q2.ends_on)


def test_reports_received_and_money_lost(world: World) -> None:
    w = _window(world)
    spec_n, spec_money = registry.get("reports_received"), registry.get("money_lost")
    assert spec_n is not None and spec_money is not None
    everything = list(Report.objects.all())
    for code in (None, COMMUNE_A, COMMUNE_B):
        unit = Unit.objects.get(code=code) if code else None
        mine = [
            r
            for r in everything
            if _in(timezone.localdate(r.received_at), w) and (unit is None or r.commune_id == unit.pk)
        ]
        value, qs = spec_n.compute(w, unit)
        assert value == len(mine) == qs.count()
        assert set(qs.values_list("pk", flat=True)) == {r.pk for r in mine}
        money, money_qs = spec_money.compute(w, unit)
        assert money == sum(r.money_lost or 0 for r in mine)
        assert set(money_qs.values_list("pk", flat=True)) == {r.pk for r in mine if r.money_lost}
    assert spec_n.compute(w, None)[0] == 5 + 2 + 1 + 1  # A, B, outside, and the indicator report in Q2
    by_commune = spec_n.by_commune(w)  # type: ignore[misc]
    a = Unit.objects.get(code=COMMUNE_A)
    assert by_commune[a.pk] == spec_n.compute(w, a)[0]


def _in_time_from_history(w: Window, unit: Unit | None) -> set[int]:
    """Reports last resolved in the window by their final legal due date, replayed from each report's whole
    history with the deadline rules (what the stored fields are a cache of)."""
    found = set()
    for report in Report.objects.filter(status="resolved"):
        events = list(report.events.order_by("at", "id"))
        done = [e.at for e in events if e.kind == "status" and e.to_status == "resolved"][-1]
        due = deadlines.compute(report, events)[-1].due
        local = timezone.localdate(done)
        if _in(local, w) and local <= due and (unit is None or report.commune_id == unit.pk):
            found.add(report.pk)
    return found


def test_resolved_in_time_equals_a_replay_of_the_history(world: World) -> None:
    spec = registry.get("reports_resolved_in_time")
    assert spec is not None
    for window in (_window(world), Window(world.plan, world.q3.starts_on, world.q3.ends_on)):
        for code in (None, COMMUNE_A, COMMUNE_B):
            unit = Unit.objects.get(code=code) if code else None
            value, qs = spec.compute(window, unit)
            assert value == len(_in_time_from_history(window, unit))
            assert set(qs.values_list("pk", flat=True)) == _in_time_from_history(window, unit)


def test_money_recovered(world: World) -> None:
    w = _window(world)
    spec = registry.get("money_recovered")
    assert spec is not None
    for code in (None, COMMUNE_A, COMMUNE_B):
        unit = Unit.objects.get(code=code) if code else None
        mine = [
            r
            for r in Report.objects.all()
            if _in(timezone.localdate(r.received_at), w) and (unit is None or r.commune_id == unit.pk)
        ]
        value, qs = spec.compute(w, unit)
        assert value == sum(r.money_recovered or 0 for r in mine)
        assert set(qs.values_list("pk", flat=True)) == {r.pk for r in mine if r.money_recovered}
    assert spec.compute(w, None)[0] == 400_000  # the last total recorded; the report before Q2 is not in
    a = Unit.objects.get(code=COMMUNE_A)
    assert spec.by_commune(w) == {a.pk: 400_000}  # type: ignore[misc]


def test_resolved_in_time(world: World) -> None:
    w = _window(world)
    spec = registry.get("reports_resolved_in_time")
    assert spec is not None
    value, qs = spec.compute(w, None)
    assert value == 2
    assert set(qs.values_list("pk", flat=True)) == world.in_time
    assert not world.late & set(qs.values_list("pk", flat=True))
    a = Unit.objects.get(code=COMMUNE_A)
    assert spec.compute(w, a)[0] == 2
    assert spec.compute(w, Unit.objects.get(code=COMMUNE_B))[0] == 0
    assert spec.by_commune(w) == {a.pk: 2}  # type: ignore[misc]
    q3 = Window(world.plan, world.q3.starts_on, world.q3.ends_on)
    assert spec.compute(q3, None)[0] == 1  # resolved in time, but in the next period


def test_indicators_feeds_and_implementing_plans(world: World) -> None:
    w = _window(world)
    confirmed = {
        e.indicator_id
        for e in IndicatorEvent.objects.filter(kind="confirmed")
        if _in(timezone.localdate(e.at), w)
    }
    value, qs = registry.get("indicators_confirmed").compute(w, None)  # type: ignore[union-attr]
    assert value == len(confirmed) == 1
    assert set(qs.values_list("pk", flat=True)) == confirmed
    pulls = [p for p in PartnerAccess.objects.all() if _in(timezone.localdate(p.at), w)]
    assert registry.get("feed_pulls").compute(w, None)[0] == len(pulls) == 2  # type: ignore[union-attr]
    spec = registry.get("implementing_plans_on_time")
    assert spec is not None
    value, units = spec.compute(w, None)
    assert value == 1
    assert [u.code for u in units] == ["ca-tinh"]
    later = Window(world.plan, world.q2.starts_on, world.q2.ends_on, deadline=world.q3.ends_on)
    assert spec.compute(later, None)[0] == 2


def test_registry_discovers_app_metrics_modules() -> None:
    keys = {m.key for m in registry.all_metrics()}
    assert {
        "reports_received",
        "reports_resolved_in_time",
        "money_lost",
        "money_recovered",
        "feed_pulls",
    } <= keys
