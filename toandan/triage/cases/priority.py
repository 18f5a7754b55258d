"""Priority of a report from signals that tell an officer to act first: money lost and how much, contact
still going on (the loss can still be stopped), a child involved, many reports on the same indicator, and the
message scorer's verdict on the description.

Each signal adds points and a reason; the points map to a priority. Reasons are message ids with their
placeholders, translated when shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from toandan.triage.text import normalise
from toandan.triage.verdict import SCAM, SUSPICIOUS

Reason = tuple[str, dict[str, object]]

# Điều 174 Bộ luật Hình sự: from 2 million đồng taking property by fraud is a crime; from 50 million and
# 500 million the penalty brackets rise.
MONEY_STEPS = ((500_000_000, 3), (50_000_000, 2), (2_000_000, 1))
ONGOING = re.compile(
    r"van (?:dang|con|tiep tuc|goi|nhan tin|lien lac|doi|yeu cau)|"
    r"tiep tuc (?:goi|nhan tin|lien lac|doi|yeu cau|chuyen)|"
    r"dang (?:cho|doi|yeu cau|ep|de doa|lien lac)|\bhen\b|yeu cau chuyen them|doi (?:chuyen )?them|"
    r"sap (?:chuyen|phai chuyen|den han)|chua chuyen|dinh chuyen|con dang|hom nay phai|ngay mai phai"
)
CHILD = re.compile(
    r"con (?:toi|em|minh|cua toi|gai|trai)|\bchau\b|hoc sinh|tre em|\bbe\b|con nho|tre nho|vi thanh nien|"
    r"lop \d|dang hoc (?:lop|cap)"
)
AGE = re.compile(r"\b(\d{1,2}) tuoi\b")
CHILD_AGE = 16
# Other reports naming the same phone, account or link: 3 make a pattern, 10 a campaign.
REPORT_STEPS = ((10, 2), (3, 1))
VERDICT_POINTS = {SCAM: 1, SUSPICIOUS: 0}
PRIORITY_STEPS = ((5, "urgent"), (3, "high"), (1, "normal"))


@dataclass
class PriorityResult:
    """Points, the priority they map to, and the reasons."""

    points: int = 0
    priority: str = "low"
    reasons: list[Reason] = field(default_factory=list)

    def add(self, points: int, message: str, **params: object) -> None:
        self.points += points
        self.reasons.append((message, params))


def money_points(amount: int | None) -> int:
    """Points for the amount lost (0 when nothing was lost)."""
    for step, points in MONEY_STEPS:
        if amount and amount >= step:
            return points
    return 0


def child_involved(normalised: str) -> bool:
    """Whether the text speaks of a child: words, or an age under 16."""
    if CHILD.search(normalised):
        return True
    return any(int(age) < CHILD_AGE for age in AGE.findall(normalised))


def assess(
    description: str,
    money_lost: int | None,
    other_reports: int,
    verdict: str,
    child_category: bool = False,
) -> PriorityResult:
    """Score the priority signals of one report."""
    result = PriorityResult()
    normalised = normalise(description)
    points = money_points(money_lost)
    if points:
        result.add(points, gettext_noop("Đã mất %(amount)s đồng"), amount=f"{money_lost:,}".replace(",", "."))
    if ONGOING.search(normalised):
        result.add(2, gettext_noop("Đối tượng vẫn đang liên lạc hoặc hẹn: còn có thể ngăn thiệt hại"))
    if child_category or child_involved(normalised):
        result.add(2, gettext_noop("Có trẻ em, học sinh liên quan"))
    for step, step_points in REPORT_STEPS:
        if other_reports >= step:
            result.add(
                step_points,
                gettext_noop("Số điện thoại, tài khoản hoặc đường link đã có trong %(count)s tố giác khác"),
                count=other_reports,
            )
            break
    if VERDICT_POINTS.get(verdict):
        result.add(VERDICT_POINTS[verdict], gettext_noop("Nội dung mang dấu hiệu lừa đảo rõ"))
    for step, priority in PRIORITY_STEPS:
        if result.points >= step:
            result.priority = priority
            break
    return result
