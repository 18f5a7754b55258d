"""Awareness pages at scale: one published article page and the search, with 10,000 published articles,
beside the bare Django view on the same server in the same run.

    [DATABASE_URL=postgres://...] .venv/bin/python bench/bench_awareness.py [--articles 10000] [--rounds 3]

Without DATABASE_URL a fresh SQLite file in a temporary folder is used; with it, the awareness tables of that
database are emptied first. Articles are bulk-created with their folded search columns (as the services
write them). On a granian server (2 workers × 8 threads) under wrk -t2 -c32, in interleaved rounds: the bare
JSON view, GET of one article (which also counts its page view), and GET /tuyen-truyen/tim-kiem/?q=lua+dao+otp
(words without diacritics). Prints the medians of requests/s, p50/p99 and the ratio to the bare view.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_env, manage, server, wrk  # noqa: E402

WORDS = (
    "lừa đảo chuyển tiền tài khoản ngân hàng mã OTP đường link giả mạo cuộc gọi công an tòa án trúng thưởng "
    "việc nhẹ lương cao đầu tư tiền ảo cảnh giác người cao tuổi học sinh mạng xã hội Zalo Facebook bảo vệ "
    "thông tin cá nhân mật khẩu an ninh mạng pháp luật xử phạt tố giác tra cứu"
).split()


def seed(count: int) -> str:
    """Create `count` published articles; returns the slug of one of them."""
    import django

    django.setup()
    from django.utils import timezone

    from toandan.awareness.folding import fold
    from toandan.awareness.models import ContentItem, Kind, Status
    from toandan.orgs.models import Unit

    ContentItem.objects.all().delete()
    unit = Unit.objects.get(code="ca-tinh")
    rng = random.Random(7)
    now = timezone.now()
    items = []
    for n in range(count):
        title = " ".join(rng.choices(WORDS, k=8)).capitalize() + f" số {n}"
        body = "\n\n".join(" ".join(rng.choices(WORDS, k=60)) + "." for _ in range(5))
        items.append(
            ContentItem(
                kind=Kind.ARTICLE,
                slug=f"bai-{n}",
                title=title[:200],
                summary=body[:200],
                body=body,
                status=Status.PUBLISHED,
                unit=unit,
                published_at=now,
                version=1,
                title_folded=fold(title)[:200],
                text_folded=fold(body),
            )
        )
    ContentItem.objects.bulk_create(items, batch_size=1000)
    return f"bai-{count // 2}"


def sequential(count: int, slug: str, rounds: int) -> None:
    """Median milliseconds per request through Django's test client, each path beside the bare view."""
    import time

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    paths = {
        "bare": "/bench/bare",
        "article": f"/tuyen-truyen/{slug}/",
        "search": "/tuyen-truyen/tim-kiem/?q=lua+dao+otp",
    }
    timings: dict[str, list[float]] = {name: [] for name in paths}
    for path in paths.values():
        assert client.get(path).status_code == 200, path
    for _ in range(rounds * 10):
        for name, path in paths.items():
            start = time.perf_counter()
            client.get(path)
            timings[name].append((time.perf_counter() - start) * 1000)
    bare = statistics.median(timings["bare"])
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"{count} published articles, {database}, sequential, {rounds * 10} requests per path")
    for name, values in timings.items():
        ms = statistics.median(values)
        print(f"{name:8} median {ms:7.1f} ms  throughput ratio to bare {bare / ms:.3f}×")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument(
        "--sequential", action="store_true", help="one request at a time in this process (no server, no wrk)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = bench_env(Path(folder))
        os.environ.update(env)
        manage(env, "migrate")
        manage(env, "init_data")
        slug = seed(args.articles)
        if args.sequential:
            return sequential(args.articles, slug, args.rounds)
        paths = {
            "bare": "/bench/bare",
            "article": f"/tuyen-truyen/{slug}/",
            "search": "/tuyen-truyen/tim-kiem/?q=lua+dao+otp",
        }
        results: dict[str, list[dict]] = {name: [] for name in paths}
        with server(env) as url:
            for path in paths.values():  # warm-up
                wrk(url + path, seconds=1)
            for _ in range(args.rounds):
                for name, path in paths.items():
                    results[name].append(wrk(url + path, seconds=args.seconds))
        database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
        print(f"{args.articles} published articles, {database}, {args.rounds} rounds × {args.seconds} s")
        for name in paths:
            rows = results[name]
            ratios = [r["rps"] / b["rps"] for r, b in zip(rows, results["bare"], strict=True) if b["rps"]]
            bad = sum(n for r in rows for code, n in r["statuses"].items() if code != 200)
            print(
                f"{name:8} {statistics.median(r['rps'] for r in rows):8.0f} req/s  "
                f"p50 {statistics.median(r['p50_ms'] for r in rows):6.1f} ms  "
                f"p99 {statistics.median(r['p99_ms'] for r in rows):6.1f} ms  "
                f"ratio to bare {statistics.median(ratios) if ratios else float('nan'):.2f}×  non-200: {bad}"
            )


if __name__ == "__main__":
    main()
