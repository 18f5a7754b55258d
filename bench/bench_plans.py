"""Plans: importing the seed plan, and the consolidated report for 100 units × 20 tasks × 4 quarters.

Usage::

    .venv/bin/python bench/bench_plans.py [--seconds 3] [--units 100] [--tasks 20]

Runs on a fresh SQLite database in a temporary folder (migrated here, without the test runner). Prints:
- seed import: documents parsed per second (read + parse), and full imports per second (parse, resolve the
  unit names against the 252-unit directory, save plan, tasks and assignments in one transaction);
- consolidated report: for each of the 4 quarterly periods of a plan with `--tasks` tasks each assigned to
  `--units` units, one progress update with 3 numbers per assignment per quarter and one period report per
  unit per quarter, the seconds to gather the figures and write the .docx and the .xlsx.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup_django(var_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "toandan.settings"
    os.environ["TOANDAN_VAR_DIR"] = var_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from toandan.orgs.services import sync_units

    sync_units()


def bench_import(seconds: float) -> tuple[float, float, int]:
    from toandan.plans.importer import import_document, parse_plan, read_document
    from toandan.plans.review import pending_import, review_from_pending
    from toandan.plans.services import SEED_PATH, create_plan

    data = SEED_PATH.read_bytes()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        import_document(data, SEED_PATH.name)
        count += 1
    parsed = count / (time.perf_counter() - start)
    saved, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        text = read_document(data, SEED_PATH.name)
        review = review_from_pending(pending_import(parse_plan(text), text, SEED_PATH.name))
        review.number = f"{saved + 1}/KH-BENCH"
        plan = create_plan(review)
        saved += 1
    return parsed, saved / (time.perf_counter() - start), plan.tasks.count()


def build_plan(units: int, tasks: int):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from toandan.orgs.models import Unit
    from toandan.plans.models import (
        Assignment,
        PeriodReport,
        PeriodReportValue,
        ProgressUpdate,
        ProgressValue,
    )
    from toandan.plans.review import DEFAULT_INDICATORS, PlanReview, TaskReview, UnitRef
    from toandan.plans.services import create_plan

    pool = list(Unit.objects.filter(is_active=True).order_by("kind", "code")[:units])
    ref = UnitRef("các đơn vị", [u.pk for u in pool], collective=True)
    review = PlanReview(
        number="01/KH-BCĐ138",
        issued_on=date(2026, 1, 2),
        title="Kế hoạch thử tải",
        issuer_name="Ban Chỉ đạo 138 tỉnh Quảng Ngãi",
        issuer_lines=["UBND TỈNH QUẢNG NGÃI", "BAN CHỈ ĐẠO 138"],
        place="Quảng Ngãi",
        tasks=[
            TaskReview(
                f"II.{i}", f"Nhiệm vụ thứ {i}", start=date(2026, 1, 2), end=date(2026, 12, 10), lead=[ref]
            )
            for i in range(1, tasks + 1)
        ],
        indicators=[(str(n), str(u)) for n, u in DEFAULT_INDICATORS],
        frequencies=["quarterly"],
    )
    plan = create_plan(review)
    indicators = list(plan.indicators.all())
    periods = list(plan.periods.filter(year=2026).order_by("index"))
    assignments = list(Assignment.objects.filter(task__plan=plan))
    zone = timezone.get_current_timezone()
    updates = []
    for period in periods:
        moment = datetime.combine(period.starts_on + timedelta(days=30), datetime.min.time(), tzinfo=zone)
        updates += [
            ProgressUpdate(
                assignment=a, state="in_progress", narrative=f"Kết quả quý {period.index}", at=moment
            )
            for a in assignments
        ]
    updates = ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    ProgressValue.objects.bulk_create(
        [ProgressValue(update=u, indicator=i, value=(u.pk + i.pk) % 50) for u in updates for i in indicators],
        batch_size=5000,
    )
    reports = PeriodReport.objects.bulk_create(
        [
            PeriodReport(
                period=p,
                unit=u,
                status="submitted",
                narrative="Báo cáo quý",
                submitted_at=datetime.combine(p.due_on, datetime.min.time(), tzinfo=zone),
            )
            for p in periods
            for u in pool
        ]
    )
    PeriodReportValue.objects.bulk_create(
        [PeriodReportValue(report=r, indicator=i, value=7) for r in reports for i in indicators],
        batch_size=5000,
    )
    return plan, periods, len(assignments), len(updates)


def bench_report(units: int, tasks: int) -> None:
    from toandan.plans.output import build_consolidated, render_docx, render_xlsx

    start = time.perf_counter()
    plan, periods, assignments, updates = build_plan(units, tasks)
    print(
        f"data: {units} units × {tasks} tasks = {assignments} assignments, {updates} updates, "
        f"{len(periods)} quarterly periods ({time.perf_counter() - start:.1f} s to create)"
    )
    total = 0.0
    for period in periods:
        t0 = time.perf_counter()
        report = build_consolidated(plan, period, number=period.index)
        t1 = time.perf_counter()
        docx = render_docx(report)
        t2 = time.perf_counter()
        xlsx = render_xlsx(report)
        t3 = time.perf_counter()
        total += t3 - t0
        print(
            f"  {period.label}: figures {t1 - t0:.2f} s, .docx {t2 - t1:.2f} s ({len(docx) // 1024} KiB), "
            f".xlsx {t3 - t2:.2f} s ({len(xlsx) // 1024} KiB), total {t3 - t0:.2f} s"
        )
    print(f"consolidated report, 4 quarters: {total:.2f} s ({total / len(periods):.2f} s per period)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time for each import measurement")
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--tasks", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-plans-") as var_dir:
        setup_django(var_dir)
        parsed, saved, tasks = bench_import(args.seconds)
        print(
            f"seed import: {parsed:.1f} documents/s parsed; {saved:.1f} imports/s saved ({tasks} tasks each)"
        )
        bench_report(args.units, args.tasks)


if __name__ == "__main__":
    main()
