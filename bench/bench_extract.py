"""Throughput of ``extract_all`` on synthetic SMS-like messages.

Usage::

    .venv/bin/python bench/bench_extract.py [--messages 100000] [--seed 1]

The messages are generated here from templates and random values (no data set is read), mixing
ordinary messages, OTP and balance notices, and scam-like messages with links, phone numbers, bank
accounts, handles and wallets, in the proportions of a busy SMS inbox.  Prints messages per second
for one core.

Measured on the 2-core development machine (Python 3.11.7, 2026-11-28), three runs, while other work
shared the machine: 100000 messages (avg 90 chars), 101795 indicators, 2.90–3.37 s:
29,700–34,400 messages/s (target: at least 20,000).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toandan.identifiers.extract import extract_all  # noqa: E402

NAMES = ["NGUYEN VAN A", "TRAN THI B", "LE VAN C", "PHAM THI D", "HOANG VAN E"]
BANKS = [
    "Vietcombank",
    "VCB",
    "MB Bank",
    "Techcombank",
    "BIDV",
    "Agribank",
    "ACB",
    "VPBank",
    "Sacombank",
    "TPBank",
]
DOMAINS = ["vcb-hotro", "nhanqua-tet", "dichvucong-gov", "shopee-uudai", "xacthuc-taikhoan", "evn-hoantien"]
TLDS = ["com", "net", "top", "xyz", "vip", "com.vn", "online", "site"]
PREFIXES = [
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
    "086",
    "032",
    "033",
    "035",
    "070",
    "077",
    "081",
    "085",
]

PLAIN = [
    "Con ve nha an com nhe me, chieu nay con di hoc them.",
    "Hẹn gặp anh lúc 19h tối nay ở quán cà phê gần nhà văn hoá.",
    "Cuộc họp tổ dân phố chuyển sang thứ Bảy tuần này, mọi người nhớ đến đúng giờ.",
    "Chúc mừng sinh nhật em, chúc em luôn vui vẻ và mạnh khoẻ!",
    "Ngày mai trời mưa to, các cháu nhớ mang áo mưa khi đi học.",
]


def _phone(rng: random.Random) -> str:
    number = rng.choice(PREFIXES) + "".join(rng.choice("0123456789") for _ in range(7))
    style = rng.randrange(4)
    if style == 0:
        return number
    if style == 1:
        return f"{number[:4]} {number[4:7]} {number[7:]}"
    if style == 2:
        return f"{number[:4]}.{number[4:7]}.{number[7:]}"
    return "+84 " + number[1:]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _url(rng: random.Random) -> str:
    host = f"{rng.choice(DOMAINS)}{rng.randrange(100)}.{rng.choice(TLDS)}"
    scheme = rng.choice(["https://", "http://", ""])
    path = rng.choice(["login", "xac-thuc", "nhan-qua", "khieu-nai"])
    return f"{scheme}{host}/{path}?id={rng.randrange(10**6)}"


def message(rng: random.Random) -> str:
    """One synthetic message."""
    kind = rng.random()
    if kind < 0.30:
        return rng.choice(PLAIN)
    if kind < 0.45:
        return f"Ma OTP cua ban la {_digits(rng, 6)}. Khong chia se ma nay cho bat ky ai. Het han sau 5 phut."
    if kind < 0.55:
        amount = f"{rng.randrange(1, 99)}.{rng.randrange(1000):03d}.000"
        return (
            f"TK {_digits(rng, 4)}xxx{_digits(rng, 3)} -{amount}VND luc {rng.randrange(24):02d}:"
            f"{rng.randrange(60):02d} {rng.randrange(1, 29)}/{rng.randrange(1, 13)}/2024. SD: {amount}VND"
        )
    if kind < 0.70:
        return (
            f"[{rng.choice(BANKS)}] Tai khoan cua quy khach bi tam khoa. Vui long truy cap {_url(rng)} "
            f"de xac thuc. Hotline {_phone(rng)}"
        )
    if kind < 0.82:
        return (
            f"Chúc mừng bạn trúng thưởng {rng.randrange(5, 50)} triệu! "
            f"Chuyển phí {rng.randrange(1, 9)}00.000đ "
            f"vào STK {_digits(rng, rng.randrange(9, 14))} {rng.choice(BANKS)} {rng.choice(NAMES)}, "
            f"liên hệ Zalo {_phone(rng)}"
        )
    if kind < 0.92:
        return (
            f"Em ơi việc nhẹ lương cao, nhắn tele @viec{rng.randrange(10**4)}_lam hoặc gọi {_phone(rng)}, "
            f"ngày {rng.randrange(1, 29)}/{rng.randrange(1, 13)}/2024."
        )
    return (
        f"Nạp USDT vào ví 0x{_digits(rng, 40)} để nhận lãi {rng.randrange(2, 9)}%/ngày, chi tiết tại "
        f"t.me/dautu{rng.randrange(10**4)}"
    )


def main() -> None:
    """Generate the messages, run ``extract_all`` over them once, print the throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    messages = [message(rng) for _ in range(args.messages)]
    extract_all("warm up 0901234567 https://example.com STK 0123456789 VCB")
    started = time.perf_counter()
    found = 0
    for text in messages:
        found += len(extract_all(text))
    elapsed = time.perf_counter() - started
    average = sum(map(len, messages)) / len(messages)
    print(
        f"{len(messages)} messages (avg {average:.0f} chars), {found} indicators, {elapsed:.2f} s: "
        f"{len(messages) / elapsed:,.0f} messages/s"
    )


if __name__ == "__main__":
    main()
