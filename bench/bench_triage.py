"""Throughput and memory of the offline scorers on one core: ``python bench/bench_triage.py [--n 20000]``.

Messages and URLs are generated here from templates (no real data). URLs are all distinct, so the per-URL
cache never answers and the figure is the cold cost. As PERFORMANCE.md asks, a baseline measured in the same
run (folding the same texts, the cheapest step every scorer does) is printed with the ratio, because absolute
numbers drift with the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

if not settings.configured:
    # The scorers need only translation machinery, not the project's database or apps.
    settings.configure(USE_I18N=True, LANGUAGE_CODE="vi", INSTALLED_APPS=[], USE_TZ=True)
    django.setup()

from toandan.identifiers.text import fold_words as fold  # noqa: E402
from toandan.triage import modelstore, url  # noqa: E402
from toandan.triage.message import score_message  # noqa: E402

BRANDS = [
    "Vietcombank",
    "BIDV",
    "Techcombank",
    "MoMo",
    "Viettel",
    "GHN",
    "Shopee",
    "VNeID",
    "EVN",
    "Bo Cong an",
]
SCAM_TEMPLATES = [
    "[{brand}] Tai khoan cua quy khach se bi khoa sau 24h. Xac thuc tai https://{slug}-xacthuc{n}.top/login",
    "{brand} thong bao: ban trung thuong {amount}. Nhan qua tai {slug}-qua{n}.vip truoc {h}h hom nay",
    "Tuyen CTV lam viec online tai nha, thu nhap {k}k-{k2}k/ngay, lien he Zalo 09{phone}",
    "Me oi con bi tai nan dang cap cuu, me chuyen gap {m} trieu vao stk 0{acct} giup con",
    "Ban oi minh gui nham ma OTP, ban doc giup minh 6 so vua nhan voi, cam on ban {n}",
    "Ho so vay {m}0 trieu da duoc duyet, nop phi bao hiem {k}k de giai ngan ngay. LH 08{phone}",
    "Cục Thuế: Bạn được hoàn thuế {amount}. Nhận tại https://hoanthue-{n}.com trước {h}h.",
]
HAM_TEMPLATES = [
    "Ma OTP cua ban la {otp}. Khong chia se ma nay voi bat ky ai.",
    "Mẹ ơi tối nay con về muộn {n} phút, mẹ cứ ăn cơm trước nhé.",
    "{brand}: TK 0{acct} +{k},000VND luc {h}:15. SD: {m},450,000VND. ND: chuyen tien",
    "GHN: Don hang GHN{n} dang duoc giao, shipper se lien he trong hom nay.",
    "Viettel: Dang ky goi ST{k} chi {k}.000d/thang. Soan ST{k} gui 191.",
    "Anh oi chieu nay {h}h hop o phong {n} nhe, nho mang tai lieu.",
    "Em chuyen khoan tien dien thang nay {k}k cho chi roi nhe.",
]
URL_TEMPLATES = [
    "https://{slug}-xacminh{n}.top/login",
    "https://www.{slug}{n}.com.vn/tin-tuc/bai-viet-{n}.html",
    "http://{ip}/{slug}/index.php?id={n}",
    "https://sites.google.com/view/{slug}-{n}",
    "https://vnexpress.net/thoi-su/tin-{n}.html",
    "https://bit.ly/{slug}{n}",
    "https://{slug}.vn/san-pham/{n}",
]


def _fill(template: str, rng: random.Random) -> str:
    brand = rng.choice(BRANDS)
    return template.format(
        brand=brand,
        slug=fold(brand).replace(" ", ""),
        n=rng.randrange(100000),
        amount=f"{rng.randrange(1, 50)}.000.000d",
        h=rng.randrange(7, 23),
        k=rng.randrange(100, 900),
        k2=rng.randrange(900, 2000),
        m=rng.randrange(2, 30),
        phone=rng.randrange(10**7, 10**8),
        acct=rng.randrange(10**9, 10**10),
        otp=rng.randrange(100000, 999999),
        ip=".".join(str(rng.randrange(1, 255)) for _ in range(4)),
    )


def _rate(
    func: Callable[[str], object],
    items: list[str],
    repeat: int = 3,
    reset: Callable[[], object] = lambda: None,
) -> tuple[float, float]:
    """Items per second of wall time and per second of this process's CPU time, the best of ``repeat``
    passes: the other processes of a shared machine only ever slow a pass down, so the fastest one is the
    closest to the cost of the code itself, and CPU time leaves out the time the core was given to others."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        reset()
        start, start_cpu = time.perf_counter(), time.process_time()
        for item in items:
            func(item)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return len(items) / best, len(items) / max(best_cpu, 1e-9)


def main() -> None:
    """Load the models (measuring their memory), then time messages, URLs and the baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20000, help="messages and URLs to score")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the data; the fastest counts")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    rng = random.Random(7)

    modelstore.reset_cache()
    tracemalloc.start()
    modelstore.load_model(modelstore.MESSAGE_MODEL)
    modelstore.load_model(modelstore.URL_MODEL)
    score_message("khoi dong https://vcb-xacthuc.top 0912345678")  # brand tables, suffix list, regexes
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    templates = SCAM_TEMPLATES + HAM_TEMPLATES
    messages = [_fill(rng.choice(templates), rng) for _ in range(args.n)]
    urls = [_fill(rng.choice(URL_TEMPLATES), rng) for _ in range(args.n)]
    url.clear_caches()

    # The per-URL cache is emptied before every pass, so that repeated passes stay cold.
    baseline, baseline_cpu = _rate(fold, messages, args.repeat)
    message_rate, message_cpu = _rate(score_message, messages, args.repeat, url.clear_caches)
    url_rate, url_cpu = _rate(url.score_url, urls, args.repeat, url.clear_caches)
    url.clear_caches()
    print(f"models + tables in memory: {current / 2**20:.1f} MiB (peak while loading {peak / 2**20:.1f} MiB)")
    print("                           per second of wall time | per second of this process's CPU time")
    print(f"baseline fold():           {baseline:,.0f} texts/s | {baseline_cpu:,.0f}")
    print(
        f"score_message:             {message_rate:,.0f} messages/s | {message_cpu:,.0f} (target >= 5,000)"
        f"  (baseline ratio {message_rate / baseline:.3f} | {message_cpu / baseline_cpu:.3f})"
    )
    print(
        f"score_url (all distinct):  {url_rate:,.0f} URLs/s | {url_cpu:,.0f}"
        f"  (baseline ratio {url_rate / baseline:.3f} | {url_cpu / baseline_cpu:.3f})"
    )


if __name__ == "__main__":
    main()
