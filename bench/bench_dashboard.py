"""Evaluation dashboard: 96 communes, 3 years of reports and quiz attempts, on PostgreSQL; page time and query
count as a ratio to the bare view served by the same process, at each data size.

Usage::

    DATABASE_URL=postgres://postgres@127.0.0.1:5433/td_evaluation \
        .venv/bin/python bench/bench_dashboard.py [--sizes 100000 1000000] [--rounds 5]

Creates its own database `<name>_dashbench` beside the one named (dropped at the end), migrates it, loads the
directory, a 3-year plan (2023–2025, quarterly periods) with one evaluation indicator per computed key (the
awareness and events ones included), a population figure per commune, and a steering committee member.
Reports are inserted with generate_series (spread over 2023–2025 and the 96 communes; 20% resolved 1–40 days
after receipt, with their history row; a third with money lost, one in thirty with money recovered), and
one quiz attempt per ten reports (100,000 at 1 million). The stored resolution of the inserted reports is then
filled by the real data migration (`reports` 0006, migrated back to 0005 and forward again), timed. For each
size it prints the machine's load (`uptime`), the dashboard's median time over `--rounds` requests (Django's
test client: the whole middleware stack), its number of queries and its slowest queries, and the bare view's
median time in the same run.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlparse, urlunparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

START, DAYS = date(2023, 1, 1), 3 * 365


def bench_database(url: str) -> tuple[str, str]:
    """(admin URL, bench URL) for `<db>_dashbench` next to the database in `url`."""
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise SystemExit("DATABASE_URL must name a PostgreSQL database (the benchmark is for PostgreSQL)")
    name = parts.path.lstrip("/") + "_dashbench"
    return urlunparse(parts._replace(path="/postgres")), urlunparse(parts._replace(path="/" + name))


def recreate(admin_url: str, name: str, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(admin_url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup(url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the test client's host
    logging.getLogger("toandan.request").setLevel(logging.WARNING)  # one log line per request: not measured

    call_command("migrate", verbosity=0)


def build_world():  # type: ignore[no-untyped-def]
    from toandan.evaluation import registry
    from toandan.evaluation.services.metrics import define_metric
    from toandan.orgs.models import Role, Unit
    from toandan.orgs.services import sync_units
    from toandan.plans.review import PlanReview, TaskReview, UnitRef
    from toandan.plans.services import create_plan
    from toandan.reports.defaults import install_reference_data, install_routing_rules
    from toandan.web.testing import make_staff, staff_client

    sync_units()
    install_reference_data()
    install_routing_rules()
    police = Unit.objects.get(code="ca-tinh")
    plan = create_plan(
        PlanReview(
            number="01/KH-BCĐ138",
            issued_on=date(2023, 1, 2),
            title="Kế hoạch thử tải đánh giá",
            issuer_name="Ban Chỉ đạo 138 tỉnh Quảng Ngãi",
            tasks=[
                TaskReview(
                    "II.1", "Nhiệm vụ", start=START, end=date(2025, 12, 10), lead=[UnitRef("CA", [police.pk])]
                )
            ],
            frequencies=["quarterly"],
        )
    )
    for spec in registry.all_metrics():
        define_metric(plan, name=str(spec.label), source="computed", computed_key=spec.key)
    user = make_staff("bench.bcd", "bcd138", Role.STEERING_MEMBER)
    from toandan.awareness.models import QuizBank
    from toandan.evaluation.demo import load_demo_population

    QuizBank.objects.create(slug="bench", title="Bộ câu hỏi thử tải", unit=police, is_published=True)
    load_demo_population()
    return plan, staff_client(user)


INSERT = """
WITH communes AS (
    SELECT row_number() OVER (ORDER BY c.id) - 1 AS k, c.id AS commune_id, p.id AS unit_id
    FROM orgs_unit c JOIN orgs_unit p ON p.area_id = c.id WHERE c.kind = 'commune'
), categories AS (
    SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM reports_reportcategory
), n AS (SELECT count(*) AS communes FROM communes), m AS (SELECT count(*) AS categories FROM categories),
rows AS (
    SELECT g,
           timestamptz %(start)s + ((g * 7919) %% (%(days)s * 1440)) * interval '1 minute' AS received_at,
           (g * 31) %% 100 < 20 AS resolved
    FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS g
)
INSERT INTO reports_report (code, key_hash, category_id, description, commune_id, outside_province,
    money_lost, payment_method, identifiers_text, anonymous, channel, received_at, money_recovered, status,
    track, outcome,
    multi_place, unit_id, search_text, idempotency_fingerprint, key_encrypted, repeat_checked)
SELECT 'B' || lpad(g::text, 11, '0'), md5(g::text), cat.id, 'bench', c.commune_id, false,
       CASE WHEN g %% 3 = 0 THEN (g %% 97) * 100000 END, '', '', true, 'web', r.received_at,
       CASE WHEN g %% 30 = 0 THEN (g %% 97) * 50000 END,
       CASE WHEN r.resolved THEN 'resolved' ELSE 'received' END, 'crime',
       CASE WHEN r.resolved THEN 'administrative' ELSE '' END, false, c.unit_id, '', '', '', true
FROM rows r, n, m
JOIN communes c ON true JOIN categories cat ON true
WHERE c.k = (r.g * 13) %% n.communes AND cat.k = (r.g * 7) %% m.categories
"""
EVENTS = """
INSERT INTO reports_reportevent (report_id, at, kind, from_status, to_status, text, public, data)
SELECT id, received_at + ((id %% 40) + 1) * interval '1 day', 'status', 'received', 'resolved', '', true, '{}'
FROM reports_report WHERE status = 'resolved' AND id > %(after)s
"""

ATTEMPTS = """
INSERT INTO awareness_quizattempt (bank_id, month, commune_id, age_group, audience, score, total, answers)
SELECT b.id, date_trunc('month', date %(start)s + ((g * 7919) %% %(days)s)::int)::date,
       CASE WHEN g %% 4 = 0 THEN NULL ELSE c.id END, '', '', (g * 7) %% 11, 10, '{}'
FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS g
JOIN (SELECT id FROM awareness_quizbank WHERE slug = 'bench') b ON true
JOIN (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM orgs_unit WHERE kind = 'commune') c
  ON c.k = (g * 13) %% 96
"""


def grow(to: int, have: int) -> float:
    """Insert reports (and quiz attempts) up to `to`, then fill their stored resolution with the real data
    migration; returns the migration's time in seconds."""
    from django.core.management import call_command
    from django.db import connection

    with connection.cursor() as cursor:
        last = cursor.execute("SELECT coalesce(max(id), 0) FROM reports_report") and cursor.fetchone()[0]
        cursor.execute(INSERT, {"start": f"{START} 00:00+07", "days": DAYS, "first": have + 1, "last": to})
        cursor.execute(EVENTS, {"after": last})
        cursor.execute(
            ATTEMPTS, {"start": str(START), "days": DAYS, "first": have // 10 + 1, "last": to // 10}
        )
    call_command("migrate", "reports", "0005", verbosity=0)
    t0 = time.perf_counter()
    call_command("migrate", "reports", verbosity=0)
    seconds = time.perf_counter() - t0
    with connection.cursor() as cursor:
        # What autovacuum does after a bulk insert (PostgreSQL ≥ 13): statistics, and the visibility map that
        # lets the period figures be read from the covering index alone.
        cursor.execute("VACUUM ANALYZE")
    return seconds


def load() -> str:
    """The machine's load averages (shared by other people's work: read the figures with it)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(client, url: str, rounds: int) -> tuple[float, int, list[tuple[float, str]]]:  # type: ignore[no-untyped-def]
    """Median time, number of queries and the slowest queries (seconds, SQL start) of the last request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries: list[dict] = []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t0)
        assert response.status_code == 200, (url, response.status_code)
        queries = ctx.captured_queries
    slowest = sorted(((float(q["time"]), q["sql"][:150]) for q in queries), reverse=True)[:5]
    return statistics.median(times), len(queries), slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="where one dashboard request spends time")
    args = parser.parse_args()
    admin_url, url = bench_database(os.environ.get("DATABASE_URL", ""))
    name = urlparse(url).path.lstrip("/")
    recreate(admin_url, name)
    try:
        setup(url)
        plan, client = build_world()
        period = plan.periods.get(frequency="quarterly", year=2025, index=2)
        dashboard = f"/can-bo/danh-gia/ke-hoach/{plan.pk}/?ky={period.pk}"
        have = 0
        for size in sorted(args.sizes):
            t0 = time.perf_counter()
            migration = grow(size, have)
            have = size
            print(
                f"{size:,} reports and {size // 10:,} quiz attempts loaded "
                f"({time.perf_counter() - t0:.0f} s; of which the data migration filling the stored "
                f"resolution {migration:.1f} s); load {load()}"
            )
            client.get(dashboard)  # warm-up
            client.get("/bench/bare")
            if args.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.runcall(client.get, dashboard)
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
            page, queries, slowest = measure(client, dashboard, args.rounds)
            bare, bare_queries, _slow = measure(client, "/bench/bare", args.rounds * 4)
            print(
                f"  dashboard {period.label}: {page * 1000:.0f} ms median of {args.rounds}, "
                f"{queries} queries; "
                f"bare view {bare * 1000:.1f} ms ({bare_queries} queries); ratio {page / bare:.0f}×; "
                f"load {load()}"
            )
            for seconds, sql in slowest:
                print(f"    {seconds * 1000:7.1f} ms  {sql}")
    finally:
        from django.db import connections

        connections.close_all()
        recreate(admin_url, name, drop_only=True)


if __name__ == "__main__":
    main()
