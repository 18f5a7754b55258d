"""Fixtures for evaluation tests: the seed plan with quarterly and annual periods, and a small world of
reports, resolutions, confirmed indicators, feed pulls and implementing plans placed in time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from toandan.accounts.models import User
from toandan.indicators.models import IndicatorRecord, Partner, PartnerAccess, PartnerToken
from toandan.indicators.status import confirm
from toandan.orgs.models import Role, Unit
from toandan.plans.models import Plan, ReportingPeriod
from toandan.plans.services import load_seed_plan, set_reporting_rules
from toandan.reports.models import Report, ReportCategory, ReportEvent
from toandan.reports.resolution import refresh_resolution
from toandan.reports.services import ReportInput, submit_report
from toandan.reports.workflow import record_money_recovered, transition
from toandan.web.testing import make_staff

COMMUNE_A = "phuong-cam-thanh-21025"
COMMUNE_B = "phuong-nghia-lo-21028"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def make_report(
    commune: str | None,
    received: date,
    *,
    money: int | None = None,
    category: str = "lua-dao",
    identifiers: list[str] | None = None,
) -> Report:
    """A report filed through the intake service, then moved to the day it was received."""
    data = ReportInput(
        category=ReportCategory.objects.get(code=category),
        description="Có người gọi điện xưng công an, yêu cầu chuyển tiền vào tài khoản.",
        identifiers=identifiers or [],
        commune=Unit.objects.get(code=commune) if commune else None,
        money_lost=money,
        consent=True,
    )
    report = submit_report(data).report
    Report.objects.filter(pk=report.pk).update(received_at=at(received))
    ReportEvent.objects.filter(report=report).update(at=at(received))
    report.refresh_from_db()
    return report


def resolve(report: Report, actor: User, day: date) -> None:
    transition(report, "resolved", actor=actor, outcome="administrative")
    ReportEvent.objects.filter(report=report, to_status="resolved").update(at=at(day, 15))
    refresh_resolution(report)  # the history was rewritten: recompute what the report stores from it


@dataclass
class World:
    plan: Plan
    q2: ReportingPeriod
    q3: ReportingPeriod
    year: ReportingPeriod
    steering: User
    reports: list[Report] = field(default_factory=list)
    in_time: set[int] = field(default_factory=set)
    late: set[int] = field(default_factory=set)


@pytest.fixture
def seed_plan(units: None) -> Plan:
    plan = load_seed_plan()[0]
    set_reporting_rules(plan, ["quarterly", "annual"], 5)
    return plan


@pytest.fixture
def steering(units: None) -> User:
    return make_staff("bcd", "bcd138", Role.STEERING_MEMBER)


@pytest.fixture
def world(seed_plan: Plan, steering: User, provincial_officer: User) -> World:
    periods = seed_plan.periods.filter(year=2022)
    w = World(
        plan=seed_plan,
        q2=periods.get(frequency="quarterly", index=2),
        q3=periods.get(frequency="quarterly", index=3),
        year=periods.get(frequency="annual", index=1),
        steering=steering,
    )
    q2_days = [
        w.q2.starts_on + timedelta(days=d)
        for d in (0, 10, 30, 60, w.q2.ends_on.toordinal() - w.q2.starts_on.toordinal())
    ]
    # Q2: 5 in commune A, 2 in B, 1 outside the province; Q3: 4 in B (B is rising)
    for day in q2_days:
        w.reports.append(make_report(COMMUNE_A, day, money=1_000_000))
    w.reports.append(make_report(COMMUNE_B, q2_days[1], money=2_500_000, category="gia-mao"))
    w.reports.append(make_report(COMMUNE_B, q2_days[2]))
    w.reports.append(make_report(None, q2_days[3], money=700_000))
    for d in (5, 6, 7, 8):
        w.reports.append(make_report(COMMUNE_B, w.q3.starts_on + timedelta(days=d), category="gia-mao"))
    # A day before Q2 starts and a day after it ends: never counted in Q2
    w.reports.append(make_report(COMMUNE_A, w.q2.starts_on - timedelta(days=1), money=9_000_000))
    w.reports.append(make_report(COMMUNE_A, w.q2.ends_on + timedelta(days=1), money=9_000_000))
    officer = provincial_officer
    a1, a2, a3 = w.reports[0], w.reports[1], w.reports[4]
    resolve(a1, officer, a1.received_at.date() + timedelta(days=3))  # in time, in Q2
    resolve(a2, officer, a2.received_at.date() + timedelta(days=5))  # in time, in Q2
    # late: resolved in Q2 but long after every legal limit of the crime track (several months)
    old = make_report(COMMUNE_B, w.q2.starts_on - timedelta(days=200))
    resolve(old, officer, w.q2.starts_on + timedelta(days=20))
    resolve(a3, officer, w.q2.ends_on + timedelta(days=5))  # in time, but resolved in Q3
    # Money recovered: one Q2 report (recorded twice: the last total counts) and the report received before Q2
    record_money_recovered(a1, 200_000, actor=officer)
    record_money_recovered(a1, 400_000, actor=officer, note="Ngân hàng hoàn trả")
    record_money_recovered(w.reports[-2], 3_000_000, actor=officer)
    w.in_time = {a1.pk, a2.pk}
    w.late = {old.pk}
    w.reports.append(old)
    # Indicators confirmed in Q2 (one) and before (one); feed pulls in Q2 (two) and Q3 (one)
    partner = Partner.objects.create(name="Nhà mạng thử nghiệm", kind="telecom")
    token = PartnerToken.objects.create(partner=partner, prefix="abc", token_hash="0" * 64)
    for day in (w.q2.starts_on + timedelta(days=2), w.q2.starts_on + timedelta(days=40), w.q3.starts_on):
        PartnerAccess.objects.create(token=token, partner=partner, at=at(day), feed="csv", items=3)
    for text, day in (
        ("0912345678", w.q2.starts_on + timedelta(days=4)),
        ("0987654321", w.q2.starts_on - timedelta(days=3)),
    ):
        report = make_report(COMMUNE_A, day, identifiers=[text])
        record = IndicatorRecord.objects.get(report_links__report=report)
        confirm(record, actor=officer, report=report, note="xác minh")
        record.events.update(at=at(day))
        w.reports.append(report)
    # Implementing plans: two expected units, one issued before the end of Q2, one after
    police, edu = Unit.objects.get(code="ca-tinh"), Unit.objects.get(code="so-gddt")
    seed_plan.expected_implementers.set([police, edu])
    Plan.objects.create(
        number="12/KH-CAT",
        issuer=police,
        title="Kế hoạch thực hiện",
        implements=seed_plan,
        issued_on=w.q2.ends_on - timedelta(days=10),
    )
    Plan.objects.create(
        number="34/KH-SGDĐT",
        issuer=edu,
        title="Kế hoạch thực hiện",
        implements=seed_plan,
        issued_on=w.q2.ends_on + timedelta(days=10),
    )
    return w
