"""Report intake throughput through the real HTTP path, beside a minimal form-and-insert view, in one run.

    DATABASE_URL=postgres://... .venv/bin/python bench/bench_intake.py [--seconds 10]

Without DATABASE_URL a fresh SQLite file is used. Both endpoints run on the same granian server (2 workers,
8 threads, as in shared/docs/PERFORMANCE.md) under 32 connections, warmed up, then in rounds that alternate
them; the ratio reported is the median of the rounds'. After the load, the number of stored reports must
equal the number of 201 answers. Target: intake ≥ 0.5× the baseline's requests/s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ab_post, bench_env, manage, server, wrk  # noqa: E402

REPORT = {
    "category": "lua-dao",
    "description": "Người gọi từ số 0912 345 678 xưng công an, bảo chuyển tiền vào Vietcombank 0123456789.",
    "identifiers": ["0912345678", "Vietcombank 0123456789", "https://vietcombank-hotro.com/xac-minh"],
    "anonymous": True,
    "consent": True,
    "commune": "phuong-cam-thanh-21025",
}


def count(env: dict[str, str], model: str) -> int:
    code = (
        "import django; django.setup(); from django.apps import apps; "
        f"print(apps.get_model('{model}').objects.count())"
    )

    return int(
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10, help="duration of the bare-view run")
    parser.add_argument("--baseline-requests", type=int, default=4000, help="per round")
    parser.add_argument("--intake-requests", type=int, default=2000, help="per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    form = "name=Nguyen+Van+A&message=Toi+bi+lua+dao+qua+dien+thoai+mat+5+trieu"
    report = json.dumps(REPORT, ensure_ascii=False)
    with tempfile.TemporaryDirectory() as tmp:
        env = bench_env(Path(tmp))
        if "DATABASE_URL" in os.environ:
            manage(env, "flush", "--noinput")
        manage(env, "migrate", "--noinput", "--run-syncdb")
        manage(env, "init_data")
        with server(env) as url:
            bare = wrk(url + "/bench/bare", seconds=args.seconds)

            # A warm-up (connections, prepared statements, caches), then rounds that alternate which endpoint
            # goes first, so neither always runs after the other's load (autovacuum, checkpoints).
            def baseline(requests: int) -> dict:
                return ab_post(
                    url + "/bench/form-insert", form, "application/x-www-form-urlencoded", requests
                )

            def intake(requests: int) -> dict:
                return ab_post(url + "/api/v1/reports", report, "application/json", requests)

            warm = [baseline(500), intake(500)]
            rounds = []
            for number in range(args.rounds):
                if number % 2 == 0:
                    first = baseline(args.baseline_requests)
                    rounds.append((first, intake(args.intake_requests)))
                else:
                    second = intake(args.intake_requests)
                    rounds.append((baseline(args.baseline_requests), second))
        stored = count(env, "reports.Report")
        database = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    print(
        f"database: {database}; 32 connections; granian 2 workers × 8 threads; "
        f"bare view: wrk -t2 -d{args.seconds}s, POSTs: ab -k (exact request counts), "
        f"{args.rounds} rounds after a warm-up of 500 each"
    )
    print(
        f"{'bare JSON view':>24}: {bare['rps']:8.0f} req/s  "
        f"p50 {bare['p50_ms']:6.1f} ms  p99 {bare['p99_ms']:6.1f} ms"
    )
    ratios = []
    for number, (baseline, intake) in enumerate(rounds, start=1):
        for name, result in (
            (f"{number}: baseline form+insert", baseline),
            (f"{number}: report intake", intake),
        ):
            print(
                f"{name:>24}: {result['rps']:8.0f} req/s  "
                f"p50 {result['p50_ms']:6.1f} ms  p99 {result['p99_ms']:6.1f} ms"
                f"  {result['ok']}/{result['complete']} answered 2xx"
            )
        ratios.append(intake["rps"] / baseline["rps"])
    print(f"intake / baseline per round: {', '.join(f'{r:.2f}×' for r in ratios)}")
    print(
        f"intake / baseline, median of {len(ratios)} rounds: {statistics.median(ratios):.2f}× (target ≥ 0.5×)"
    )
    created = warm[1]["ok"] + sum(intake["ok"] for _baseline, intake in rounds)
    print(f"stored reports {stored} == 201 answers {created}: {'yes' if stored == created else 'NO'}")
    if stored != created:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
