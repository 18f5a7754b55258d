"""Public check throughput with many stored indicators, beside the bare Django view, on one server in one run.

    DATABASE_URL=postgres://... .venv/bin/python bench/bench_check.py [--indicators 1000000] [--rounds 3]

Without DATABASE_URL a fresh SQLite file is used. Indicators are bulk-loaded (COPY on PostgreSQL,
executemany on SQLite): phone numbers, bank accounts, domains and links, 1 % of them confirmed, with a few
thousand reports linked to some of them. After a warm-up that lets each worker build its presence filter,
on the same granian server (2 workers × 8 threads, see shared/docs/PERFORMANCE.md) under wrk -t2 -c32:
the bare JSON view /bench/bare; GET /api/v1/check for numbers nobody reported (the common case); and a mix
of 90 % unknown and 10 % stored numbers, in interleaved rounds. Prints the medians of requests/s, p50/p99
and the ratio to the bare view of the same round (target ≥ 0.6×, p99 < 50 ms), the server's memory and the
database's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_env, manage, server, wrk  # noqa: E402

KINDS = ("phone",) * 14 + ("bank_account",) * 3 + ("domain",) * 2 + ("url",)
REPORTS = 2000

MISS_LUA = r"""
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  return wrk.format("GET", string.format("/api/v1/check?q=098%07d", math.random(0, 9999999)))
end
"""
MIX_LUA = r"""
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  if math.random() < 0.1 then
    return wrk.format("GET", string.format("/api/v1/check?q=091%%07d", math.random(0, PHONES - 1)))
  end
  return wrk.format("GET", string.format("/api/v1/check?q=098%07d", math.random(0, 9999999)))
end
"""


def rows(count: int) -> tuple[list[str], int]:
    """Tab-separated (kind, value, status) lines; phones are +8491xxxxxxx in order, so wrk can aim at them."""
    phones = 0
    lines = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        status = "confirmed" if i % 100 == 7 else "reported"
        if kind == "phone":
            value = f"+8491{phones:07d}"
            phones += 1
        elif kind == "bank_account":
            value = f"970436:{1000000000 + i}"
        elif kind == "domain":
            value = f"lua-dao-{i}.com"
        else:
            value = f"https://nhan-qua-{i}.top/xac-minh?id={i}"
        lines.append(f"{kind}\t{value}\t{status}")
    return lines, phones


def load(count: int, chunk: int = 200_000) -> None:
    """Inside the bench environment: bulk-load indicators, file some reports; print phones and seconds."""
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from toandan.indicators.models import IndicatorRecord
    from toandan.reports.models import ReportCategory
    from toandan.reports.services import ReportInput, submit_report

    lines, phones = rows(count)
    table = IndicatorRecord._meta.db_table
    now = timezone.now()
    # Raw SQL: SQLite stores Django's datetimes as naive UTC text.
    db_now = now if connection.vendor == "postgresql" else now.replace(tzinfo=None).isoformat(" ")
    columns = "(kind, value, status, display, first_seen)"
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} {columns} FROM STDIN") as copy:
                for start in range(0, len(lines), chunk):
                    copy.write(
                        "".join(f"{line}\t\t{now.isoformat()}\n" for line in lines[start : start + chunk])
                    )
        else:
            insert = f"INSERT INTO {table} {columns} VALUES (%s, %s, %s, '', %s)"  # noqa: S608 - fixed names
            for start in range(0, len(lines), chunk):
                cursor.executemany(
                    insert, [(*line.split("\t"), db_now) for line in lines[start : start + chunk]]
                )
        update = f"UPDATE {table} SET status_changed_at = %s, confirmed_at = %s WHERE status = 'confirmed'"  # noqa: S608
        cursor.execute(update, [db_now, db_now])
    seconds = time.perf_counter() - started
    category = ReportCategory.objects.get(code="lua-dao")
    for i in range(min(REPORTS, phones)):
        data = ReportInput(
            category=category,
            description="Bị lừa chuyển tiền qua số điện thoại.",
            identifiers=[f"091{i:07d}"],
            consent=True,
        )
        submit_report(data)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(phones, round(seconds, 1))


def run_python(env: dict[str, str], code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout


def database_size(env: dict[str, str], var_dir: Path) -> str:
    if "postgres" not in os.environ.get("DATABASE_URL", ""):
        size = sum(p.stat().st_size for p in var_dir.glob("*.sqlite3*"))
        return f"{size / 2**20:.0f} MiB (SQLite file)"
    code = (
        "import django;django.setup();from django.db import connection;c=connection.cursor();"
        "c.execute(\"select pg_total_relation_size('indicators_indicatorrecord')\");print(c.fetchone()[0])"
    )
    return f"{int(run_python(env, code)) / 2**20:.0f} MiB (indicator table with its indexes)"


def server_rss(port: str) -> float:
    """Resident memory of the granian server on this port and all its worker processes, in MiB."""
    parents: dict[int, int] = {}
    roots = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            parents[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if "granian" in cmdline and f"--port {port}" in cmdline:
            roots.append(int(proc.name))
    family = set(roots)
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in family and pid not in family:
                family.add(pid)
                changed = True
    total = 0
    for pid in family:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = bench_env(Path(tmp))
        if "DATABASE_URL" in os.environ:
            manage(env, "flush", "--noinput")
        manage(env, "migrate", "--noinput", "--run-syncdb")
        manage(env, "init_data")
        started = time.perf_counter()
        code = f"from bench.bench_check import load; load({args.indicators})"
        phones, copy_seconds = run_python(env, code).split()
        print(
            f"loaded {args.indicators:,} indicators ({copy_seconds} s bulk insert) and {REPORTS} reports "
            f"in {time.perf_counter() - started:.0f} s; database {database_size(env, Path(tmp))}"
        )
        mix = MIX_LUA.replace("PHONES", phones).replace("%%", "%")
        with server(env) as url:
            warm_up(url, args.indicators)
            # Rounds interleave the three loads so that a burst of other work on the machine hits all three.
            rounds: list[dict[str, dict]] = []
            for _ in range(args.rounds):
                rounds.append(
                    {
                        "bare": wrk(url + "/bench/bare", seconds=args.seconds, connections=args.connections),
                        "miss": wrk(
                            url + "/", seconds=args.seconds, connections=args.connections, extra_lua=MISS_LUA
                        ),
                        "mix": wrk(
                            url + "/", seconds=args.seconds, connections=args.connections, extra_lua=mix
                        ),
                    }
                )
            rss = server_rss(url.rsplit(":", 1)[1])
    database = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    print(
        f"database: {database}; {args.indicators:,} indicators; wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s × {args.rounds} rounds (medians); granian 2 workers × 8 threads"
    )
    bare = median_of(rounds, "bare")
    results = {"bare JSON view": bare, "check, no reports": median_of(rounds, "miss")}
    results["check, 10 % stored"] = median_of(rounds, "mix")
    for name, result in results.items():
        print(
            f"{name:>20}: {result['rps']:8.0f} req/s  p50 {result['p50_ms']:6.1f} ms"
            f"  p99 {result['p99_ms']:6.1f} ms  ×{result['ratio']:.2f}  statuses {result['statuses']}"
        )
    print(f"server memory (2 workers, RSS, after the runs): {rss:.0f} MiB")
    miss = results["check, no reports"]
    ok = miss["ratio"] >= 0.6 and miss["p99_ms"] < 50 and set(miss["statuses"]) == {200}
    print(f"target (no reports) ≥ 0.6× bare and p99 < 50 ms: {'met' if ok else 'NOT met'}")


def transactions() -> int | None:
    """Transactions committed so far in the PostgreSQL database (None on SQLite)."""
    url = os.environ.get("DATABASE_URL", "")
    if "postgres" not in url:
        return None
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    return int(row[0])


def warm_up(url: str, indicators: int) -> None:
    """The first check in each worker starts building its presence filter from the stored indicators (2 s per
    million rows and worker when idle, about 6 s under load here); until then every check asks the database.
    On PostgreSQL, load the server in short runs until checks stop reaching the database; on SQLite, for a
    fixed time."""
    deadline = time.monotonic() + 10 + 10 * indicators / 1_000_000
    runs = ready = 0
    while time.monotonic() < deadline:
        before = transactions()
        try:
            result = wrk(url + "/", seconds=3, connections=8, extra_lua=MISS_LUA)
        except subprocess.CalledProcessError:
            # No answer at all within the run (the workers still building their filters on a loaded
            # machine): wrk's report script fails on an empty latency table. Try again.
            runs += 1
            continue
        after = transactions()
        runs += 1
        if before is None or after is None:
            continue
        requests = sum(result["statuses"].values())
        ready = ready + 1 if (after - before) < 0.1 * requests else 0
        if ready == 2:
            break
    print(f"warm-up: {runs} runs of 3 s; presence filter {'in use' if ready == 2 else 'assumed built'}")


def median_of(rounds: list[dict[str, dict]], name: str) -> dict:
    """Median requests/s, latencies and ratio to the same round's bare view; statuses summed."""
    runs = [r[name] for r in rounds]
    statuses: dict[int, int] = {}
    for run in runs:
        for code, count in run["statuses"].items():
            statuses[code] = statuses.get(code, 0) + count
    return {
        "rps": statistics.median(r["rps"] for r in runs),
        "p50_ms": statistics.median(r["p50_ms"] for r in runs),
        "p99_ms": statistics.median(r["p99_ms"] for r in runs),
        "ratio": statistics.median(r[name]["rps"] / r["bare"]["rps"] for r in rounds),
        "statuses": statuses,
    }


if __name__ == "__main__":
    main()
