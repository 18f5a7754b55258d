"""Helpers for plan tests: the seed's path and plans made to measure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from toandan.orgs.models import Unit
from toandan.plans.models import Plan
from toandan.plans.review import PlanReview, TaskReview, UnitRef
from toandan.plans.services import create_plan

SEED = Path(__file__).resolve().parents[2] / "toandan" / "plans" / "data" / "ke-hoach-249-KH-BCD138.txt"


def unit_ids(*codes: str) -> list[int]:
    return list(Unit.objects.filter(code__in=codes).values_list("pk", flat=True))


def make_plan(
    tasks: list[tuple[str, date | None, date | None, list[str], list[str]]],
    *,
    number: str = "12/KH-BCĐ138",
    issued_on: date = date(2026, 1, 5),
    implements: Plan | None = None,
    issuer: str | None = "bcd138",
    frequencies: list[str] | None = None,
    implementers: list[str] | None = None,
) -> Plan:
    """A plan with tasks (ref, start, end, lead unit codes, support unit codes) and the default indicators."""
    review = PlanReview(
        number=number,
        issued_on=issued_on,
        title=f"Kế hoạch thử {number}",
        issuer_id=unit_ids(issuer)[0] if issuer else None,
        issuer_name="Ban Chỉ đạo 138 tỉnh Quảng Ngãi",
        issuer_lines=["UBND TỈNH QUẢNG NGÃI", "BAN CHỈ ĐẠO 138"],
        place="Quảng Ngãi",
        implements_id=implements.pk if implements else None,
        signer="Đại tá Nguyễn Văn A",
        signer_position="TRƯỞNG BAN",
        tasks=[
            TaskReview(
                ref=ref,
                title=f"Nhiệm vụ {ref}",
                start=start,
                end=end,
                lead=[UnitRef(code, unit_ids(code)) for code in lead],
                support=[UnitRef(code, unit_ids(code)) for code in support],
            )
            for ref, start, end, lead, support in tasks
        ],
        indicators=[("Số buổi tuyên truyền", "buổi"), ("Số lượt người", "lượt"), ("Số tin, bài", "bài")],
        frequencies=frequencies if frequencies is not None else ["quarterly"],
        implementer_ids=unit_ids(*(implementers or [])),
    )
    return create_plan(review)
