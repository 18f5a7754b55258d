"""Scam waves found in synthetic reports, and the time and memory it takes: ``python bench/bench_waves.py``
(100,000 reports; ``--reports 1000000`` for the million, target under 5 minutes).

Reports are generated here from templates, never copied from a data set. Most are copies of scam scripts
(each script is four sentences drawn from a bank of scam sentences, each copy with its own names, phone
numbers, amounts, accounts and links; a third are wrapped in the reporter's own words with the message in
quotes, some get an extra sentence). The others are ordinary stories, each made of clauses drawn from
subject, action, object and place banks, so that unrelated reports share words but not sentences. Script
sizes follow a Zipf law, as real campaigns do.

The reports go through the same engine as the worker's detection run (``toandan.triage.waves.engine``:
masking, datasketch MinHash, LSH band keys, grouping), in batches like its database rounds, with the keys kept
in memory instead of database rows. Printed: reports/s, waves of 3 or more, how well they match the scripts
(recall: share of a script's copies in its largest wave; purity: share of a wave's members from its main
script; stories wrongly grouped), and the peak resident memory of the process.

``--db N`` also measures the production path on a fresh database (SQLite, or PostgreSQL with DATABASE_URL):
N generated reports are bulk-inserted and grouped by the worker's detection run (buckets and waves as rows),
then 1,000 more arrive and the next, incremental run is timed: it reads only the new reports.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toandan.triage.waves import engine  # noqa: E402

SCAM_SENTENCES = [
    "Chúc mừng {name} đã trúng thưởng {prize} trong chương trình tri ân khách hàng",
    "Tài khoản {bank} của quý khách sẽ bị khóa sau {hour} giờ nếu không xác thực",
    "Vui lòng truy cập {link} để cập nhật thông tin sinh trắc học",
    "Để nhận giải vui lòng nộp phí {amount} vào số tài khoản {account}",
    "Liên hệ anh {short} qua số {phone} để được hướng dẫn",
    "Con đang cấp cứu ở bệnh viện, mẹ chuyển gấp {amount} cho bác sĩ",
    "Tuyển cộng tác viên làm việc online tại nhà, thu nhập {amount} mỗi ngày",
    "Chỉ cần like video và đánh giá sản phẩm, hoa hồng trả ngay trong ngày",
    "Kết bạn Zalo {phone} gặp chị {short} để nhận nhiệm vụ đầu tiên",
    "Tôi là cán bộ công an, anh liên quan đến đường dây rửa tiền",
    "Yêu cầu chuyển toàn bộ số dư vào tài khoản tạm giữ {account} để xác minh",
    "Không được kể cho người thân vì đây là bí mật điều tra",
    "Cài ứng dụng dịch vụ công giả tại {link} để khai báo",
    "Đơn hàng của bạn giao không thành công, phí giao lại {amount}",
    "Gói vay {amount} đã được duyệt, chỉ cần nộp phí bảo hiểm khoản vay",
    "Điện lực thông báo sẽ cắt điện tối nay do chưa thanh toán tiền điện",
    "Nhân viên {short} sẽ gọi lại từ số {phone} để hướng dẫn hoàn tiền",
    "Bạn được hoàn thuế thu nhập cá nhân {amount}, nhận tại {link}",
    "Em chuyển nhầm {amount} vào tài khoản của anh, anh chuyển lại giúp em",
    "Sàn đầu tư cam kết lợi nhuận ba mươi phần trăm mỗi tháng, nạp {amount} để bắt đầu",
    "Mã OTP vừa gửi đến máy bạn là của mình, đọc giúp mình sáu số nhé",
    "Thuê bao của quý khách sẽ bị khóa hai chiều do chưa chuẩn hóa thông tin",
    "Quý khách vi phạm giao thông, tra cứu phạt nguội tại {link}",
    "Bạn được chọn nhận quà tặng trị giá {amount} từ {bank}",
    "Hãy bấm vào đường link {link} và đăng nhập để nhận tiền",
    "Người nhà của bạn đang bị tạm giữ, cần nộp tiền bảo lãnh {amount}",
    "Vé máy bay giá rẻ chỉ còn hôm nay, đặt cọc {amount} qua số {account}",
    "Chúng tôi là bộ phận chăm sóc khách hàng {bank}, thẻ của bạn bị lộ thông tin",
    "Vui lòng đọc mã xác thực để hủy giao dịch lạ {amount}",
    "Trúng xe máy SH, phí làm thủ tục nhận xe {amount}",
]
SUBJECTS = [
    "Tôi",
    "Mẹ tôi",
    "Chồng tôi",
    "Em gái tôi",
    "Bạn tôi",
    "Hàng xóm",
    "Đồng nghiệp",
    "Khách hàng",
    "Một người lạ",
    "Ông nội tôi",
    "Con trai tôi",
    "Chị dâu tôi",
    "Bố tôi",
    "Cô giáo",
    "Anh trai tôi",
]
ACTIONS = [
    "nhận được cuộc gọi",
    "thấy bài đăng",
    "đặt mua",
    "được mời tham gia",
    "bị lấy mất",
    "gặp phải",
    "tìm hiểu",
    "bị quấy rối về",
    "cho mượn",
    "đăng ký",
    "phát hiện",
    "bị đe dọa về",
    "hỏi giúp về",
    "được giới thiệu",
    "bị làm phiền vì",
]
OBJECTS = [
    "một chiếc điện thoại cũ",
    "phòng trọ gần chợ",
    "khóa học tiếng Anh",
    "gói bảo hiểm sức khỏe",
    "vé xem bóng đá",
    "lô hàng mỹ phẩm",
    "chiếc xe máy",
    "tài khoản mạng xã hội",
    "công việc bán thời gian",
    "chuyến du lịch",
    "món đồ chơi trẻ em",
    "đất nền ven biển",
    "máy lọc nước",
    "thuốc bổ",
    "căn hộ chung cư",
    "giấy tờ tùy thân",
    "con chó cảnh",
    "sổ tiết kiệm",
]
PLACES = [
    "trên Facebook",
    "qua Zalo",
    "ở chợ",
    "tại trường học",
    "trong nhóm cư dân",
    "trên TikTok",
    "ở cơ quan",
    "qua tin nhắn",
    "tại nhà",
    "ở quán cà phê",
    "trên sàn thương mại điện tử",
    "gần bến xe",
    "qua điện thoại",
    "ở bệnh viện",
    "trong hội phụ huynh",
]
TIMES = [
    "sáng nay",
    "tối qua",
    "tuần trước",
    "hôm thứ bảy",
    "đầu tháng",
    "từ năm ngoái",
    "mấy ngày nay",
    "chiều chủ nhật",
    "sau Tết",
    "cuối tuần",
]
WRAPS = [
    'Tôi nhận được tin nhắn: "{script}" Tôi đã làm theo và bị mất {amount}.',
    'Mẹ tôi nhận cuộc gọi, người gọi nói: "{script}" Mẹ tôi đã chuyển {amount}.',
    'Trong nhóm Zalo có người gửi: "{script}" Nhiều người đã bị lừa.',
]
EXTRA = [
    "Tôi đã làm theo và mất tiền.",
    "Mong công an xử lý.",
    "Tôi chưa chuyển tiền.",
    "Xin cảnh báo mọi người.",
]
GIVEN = ["Hùng", "Lan", "Tuấn", "Hà", "Minh", "Mai", "Nam", "Hoa", "Bình", "Trang", "Dũng", "Thảo"]
SURNAMES = ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Thu", "Hoàng Đức", "Võ Thị", "Đặng Quốc", "Bùi Thanh"]
BANKS = ["Vietcombank", "Techcombank", "BIDV", "MB Bank", "Agribank", "ACB", "VPBank"]
HOSTS = ["nhanqua", "xacthuc", "hotro", "dvc", "vay"]
PRIZES = ["xe máy SH", "iPhone 16", "tivi 65 inch", "sổ tiết kiệm", "chuyến du lịch Nhật Bản"]


def _slots(rng: random.Random) -> dict[str, object]:
    return {
        "name": f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
        "short": rng.choice(GIVEN),
        "bank": rng.choice(BANKS),
        "prize": rng.choice(PRIZES),
        "account": rng.randrange(10**9, 10**12),
        "phone": f"0{rng.choice('35789')}{rng.randrange(10**8):08d}",
        "amount": f"{rng.randrange(1, 99)}.{rng.randrange(1000):03d}.000 đồng",
        "link": f"https://{rng.choice(HOSTS)}-{rng.randrange(10**5)}.top/{rng.randrange(99)}",
        "hour": rng.randrange(1, 48),
    }


def make_scripts(count: int, rng: random.Random) -> list[str]:
    """Scripts of four sentences from the bank, all different as sets."""
    seen: set[tuple[int, ...]] = set()
    scripts: list[str] = []
    while len(scripts) < count:
        picks = tuple(sorted(rng.sample(range(len(SCAM_SENTENCES)), 4)))
        if picks not in seen:
            seen.add(picks)
            scripts.append(". ".join(SCAM_SENTENCES[i] for i in rng.sample(picks, 4)) + ".")
    return scripts


def story(rng: random.Random) -> str:
    clauses = []
    for _ in range(rng.randrange(3, 6)):
        parts = (SUBJECTS, ACTIONS, OBJECTS, PLACES, TIMES)
        clauses.append(" ".join(rng.choice(part) for part in parts))
    return ". ".join(clauses) + f", mất khoảng {rng.randrange(1, 500)}.000 đồng."


def generate(total: int, scripts: int, share: float, seed: int) -> tuple[list[str], list[int]]:
    """Report texts and the script of each (-1 for an ordinary story)."""
    rng = random.Random(seed)
    bank = make_scripts(scripts, rng)
    weights = [1.0 / (rank + 1) for rank in range(scripts)]  # Zipf: a few large campaigns, many small ones
    texts: list[str] = []
    labels: list[int] = []
    for _ in range(total):
        if rng.random() < share:
            index = rng.choices(range(scripts), weights)[0]
            slots = _slots(rng)
            text = bank[index].format(**slots)
            roll = rng.random()
            if roll < 0.33:
                text = rng.choice(WRAPS).format(script=text, amount=slots["amount"])
            elif roll < 0.5:
                text += " " + rng.choice(EXTRA)
            texts.append(text)
            labels.append(index)
        else:
            texts.append(story(rng))
            labels.append(-1)
    return texts, labels


def quality(
    labels: list[int], store: engine.MemoryStore, assigned: dict[int, int], min_size: int
) -> dict[str, float]:
    waves = {ident: store.resolve(wave) for ident, wave in assigned.items()}
    members: dict[int, Counter[int]] = {}
    for ident, wave in waves.items():
        members.setdefault(wave, Counter())[labels[ident]] += 1
    shown = {wave: counts for wave, counts in members.items() if sum(counts.values()) >= min_size}
    purity_hits = sum(max(c.values()) for c in shown.values())
    shown_total = sum(sum(c.values()) for c in shown.values())
    by_script: dict[int, Counter[int]] = {}
    for ident, wave in waves.items():
        if labels[ident] >= 0:
            by_script.setdefault(labels[ident], Counter())[wave] += 1
    copies = sum(1 for label in labels if label >= 0)
    recall_hits = sum(max(c.values()) for c in by_script.values())
    grouped_stories = sum(
        1 for ident, wave in waves.items() if labels[ident] < 0 and sum(members[wave].values()) > 1
    )
    return {
        "waves": len(shown),
        "purity": purity_hits / shown_total if shown_total else 0.0,
        "recall": recall_hits / copies if copies else 0.0,
        "stories_grouped": grouped_stories,
        "stories": labels.count(-1),
    }


DB_SCRIPT = """
import sys, time
import django
django.setup()
from django.utils import timezone
from toandan.reports.models import Report, ReportCategory
from toandan.orgs.models import Unit
from toandan.triage.models import Wave, WaveBucket
from toandan.triage.waves import detection
from bench.bench_waves import generate

count, seed = int(sys.argv[1]), int(sys.argv[2])
texts, _labels = generate(count + 1000, 300, 0.6, seed)
category = ReportCategory.objects.get(code="lua-dao")
unit = Unit.objects.get(code="ca-pa05")

def insert(first, last):
    now = timezone.now()
    Report.objects.bulk_create(
        [Report(code=f"B{i:010d}", key_hash="x", category=category, description=texts[i], unit=unit,
                received_at=now) for i in range(first, last)],
        batch_size=2000,
    )

insert(0, count)
started = time.perf_counter()
first = detection.run()
initial = time.perf_counter() - started
insert(count, count + 1000)
started = time.perf_counter()
second = detection.run()
incremental = time.perf_counter() - started
shown = Wave.objects.shown().count()
buckets = WaveBucket.objects.count()
print(f"{first.reports_read} {initial:.1f} {second.reports_read} {incremental:.2f} {shown} {buckets}")
"""


def database_run(count: int, seed: int) -> None:
    """Group ``count`` reports stored in a fresh database with the worker's run, then 1,000 more."""
    from bench.common import bench_env, manage

    with tempfile.TemporaryDirectory() as tmp:
        env = bench_env(Path(tmp))
        if "DATABASE_URL" in os.environ:
            manage(env, "flush", "--noinput")
        manage(env, "migrate", "--noinput")
        manage(env, "init_data")
        out = subprocess.run(
            [sys.executable, "-c", DB_SCRIPT, str(count), str(seed)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        ).stdout.split()
    read, initial, more, incremental, shown, buckets = out
    database = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    print(
        f"database ({database}): first run read {int(read):,} reports in {float(initial):.1f} s "
        f"({int(read) / float(initial):,.0f}/s), {int(shown):,} waves, {int(buckets):,} bucket rows; "
        f"next run read {int(more):,} new reports in {float(incremental):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000, help="reports to generate (1000000 for 1M)")
    parser.add_argument("--scripts", type=int, default=300, help="scam scripts behind the copies")
    parser.add_argument("--share", type=float, default=0.6, help="share of reports that copy a script")
    parser.add_argument("--batch", type=int, default=10_000, help="reports per round, like the worker's")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--num-perm", type=int, default=64)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", type=int, default=0, help="also group this many reports stored in a database")
    args = parser.parse_args()

    started = time.perf_counter()
    texts, labels = generate(args.reports, args.scripts, args.share, args.seed)
    generated = time.perf_counter() - started
    shape = engine.params(args.threshold, args.num_perm)
    store = engine.MemoryStore()
    assigned: dict[int, int] = {}
    started = time.perf_counter()
    for first in range(0, len(texts), args.batch):
        grouping = store.add(list(enumerate(texts[first : first + args.batch], start=first)), shape)
        assigned.update(grouping.assigned)
    elapsed = time.perf_counter() - started
    result = quality(labels, store, assigned, min_size=3)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"reports: {len(texts):,} ({sum(label >= 0 for label in labels):,} copies of {args.scripts} scripts, "
        f"{result['stories']:,} ordinary stories), generated in {generated:.1f} s"
    )
    print(
        f"LSH: num_perm={shape.num_perm}, {shape.bands} bands x {shape.rows} rows, threshold {args.threshold}"
    )
    print(f"grouping: {elapsed:.1f} s, {len(texts) / elapsed:,.0f} reports/s (target: 1M in under 300 s)")
    print(
        f"waves of 3 or more: {result['waves']:,}; "
        f"recall {result['recall']:.3f}, purity {result['purity']:.3f}, "
        f"stories wrongly grouped {result['stories_grouped']:,}"
    )
    print(f"keys in memory: {len(store.keys):,}; peak resident memory {peak_mib:,.0f} MiB")
    if args.db:
        database_run(args.db, args.seed)


if __name__ == "__main__":
    main()
