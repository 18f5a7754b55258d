"""Creating plans. The full importer (tasks, units, time frames) builds on `toandan.plans.importer`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from django.db import transaction

from toandan.orgs.models import Unit
from toandan.plans.models import Plan

SEED_PATH = Path(__file__).resolve().parent / "data" / "ke-hoach-249-KH-BCD138.txt"


def _seed_header(text: str) -> dict[str, object]:
    number = re.search(r"Số:\s*(\d+/[\w\-Đđ]+)", text)
    when = re.search(r"(Quảng Ngãi), ngày (\d+) tháng (\d+) năm (\d{4})", text)
    title = re.search(r"KẾ HOẠCH\s*\n+\s*(.+)", text)
    value = number.group(1) if number else ""
    return {
        "number": value.replace("BCD", "BCĐ"),
        "place": when.group(1) if when else "",
        "issued_on": date(int(when.group(4)), int(when.group(3)), int(when.group(2))) if when else None,
        "title": title.group(1).strip() if title else "",
    }


@transaction.atomic
def load_seed_plan() -> tuple[Plan, bool]:
    """Store the header of Plan 249/KH-BCĐ138 (the demo's seed plan) once."""
    text = SEED_PATH.read_text(encoding="utf-8")
    header = _seed_header(text)
    return Plan.objects.get_or_create(
        number=header["number"],
        issued_on=header["issued_on"],
        defaults={
            "place": header["place"],
            "title": header["title"],
            "issuer": Unit.objects.filter(code="bcd138").first(),
            "issuer_name": "Ban Chỉ đạo 138 tỉnh Quảng Ngãi",
            "implements_text": "Chỉ thị số 03/CT-UBND ngày 28/4/2022 của Chủ tịch UBND tỉnh",
            "signer": "Đại tá Phan Công Bình, Giám đốc Công an tỉnh",
            "source_text": text,
        },
    )
