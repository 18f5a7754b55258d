"""Before/after tests, learning gain, the feedback survey and certificates."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.events.models import (
    Audience,
    Certificate,
    Event,
    Feedback,
    Participant,
    ParticipantStatus,
    Phase,
    TestAttempt,
)
from toandan.events.quiz import questions_for, score


def submit_test(participant: Participant, phase: str, answers: dict[str, int]) -> TestAttempt:
    """Store one attempt; each phase is taken once, the after-test only by someone checked in."""
    if phase not in Phase.values:
        raise ValidationError(_("Bài kiểm tra không hợp lệ."))
    questions = questions_for(participant.event)
    if not questions:
        raise ValidationError(_("Sự kiện này không có bài kiểm tra."))
    if phase == Phase.AFTER and participant.status != ParticipantStatus.ATTENDED:
        raise ValidationError(_("Bài kiểm tra sau dành cho người đã điểm danh tham dự."))
    if phase == Phase.BEFORE and participant.status == ParticipantStatus.CANCELLED:
        raise ValidationError(_("Đăng ký đã hủy."))
    missing = [q for q in questions if q.key not in answers]
    if missing:
        raise ValidationError(_("Hãy trả lời tất cả %(count)s câu hỏi.") % {"count": len(questions)})
    if any(not 0 <= answers[q.key] < len(q.choices) for q in questions):
        raise ValidationError(_("Phương án trả lời không hợp lệ."))
    try:
        with transaction.atomic():
            return TestAttempt.objects.create(
                participant=participant,
                phase=phase,
                score=score(questions, answers),
                total=len(questions),
                answers={q.key: answers[q.key] for q in questions},
            )
    except IntegrityError as exc:
        raise ValidationError(_("Bạn đã làm bài kiểm tra này rồi.")) from exc


def passed(participant: Participant) -> bool:
    """Attended, and passed the after-test when the event has one."""
    if participant.status != ParticipantStatus.ATTENDED:
        return False
    if not questions_for(participant.event):
        return True
    after = participant.attempts.filter(phase=Phase.AFTER).first()
    return after is not None and after.percent >= participant.event.pass_percent


def save_feedback(participant: Participant, rating: int, will_share: bool, comment: str) -> Feedback:
    if participant.status != ParticipantStatus.ATTENDED:
        raise ValidationError(_("Phiếu góp ý dành cho người đã tham dự."))
    if not 1 <= rating <= 5:
        raise ValidationError(_("Chọn mức độ hữu ích từ 1 đến 5."))
    feedback, _created = Feedback.objects.update_or_create(
        participant=participant,
        defaults={"rating": rating, "will_share": will_share, "comment": comment.strip()[:1000]},
    )
    return feedback


def issue_certificate(participant: Participant) -> Certificate:
    """The participant's certificate, issued once (the same number every time it is downloaded)."""
    existing = Certificate.objects.filter(participant=participant).first()
    if existing is not None:
        return existing
    if not passed(participant):
        raise ValidationError(_("Giấy chứng nhận cấp cho người đã tham dự và đạt bài kiểm tra sau."))
    year = timezone.localtime(participant.event.starts_at).year
    for _attempt in range(5):
        number = f"SK{year}-{secrets.token_hex(4).upper()}"
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    participant=participant, number=number, holder_name=participant.name
                )
        except IntegrityError:
            existing = Certificate.objects.filter(participant=participant).first()
            if existing is not None:
                return existing
    raise RuntimeError("no free certificate number")


@dataclass
class Gain:
    """Average scores (percent) of the people who took both tests, and the difference."""

    label: str
    pairs: int
    before: float | None
    after: float | None

    @property
    def gain(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def _pairs(participants: QuerySet[Participant]) -> list[tuple[Any, float, float]]:
    rows = TestAttempt.objects.filter(participant__in=participants).values_list(
        "participant_id", "phase", "score", "total"
    )
    by: dict[int, dict[str, float]] = {}
    for pid, phase, got, total in rows:
        by.setdefault(pid, {})[phase] = 100.0 * got / total if total else 0.0
    return [(pid, p["before"], p["after"]) for pid, p in by.items() if "before" in p and "after" in p]


def gain_of(participants: QuerySet[Participant], label: str = "") -> Gain:
    pairs = _pairs(participants)
    if not pairs:
        return Gain(label, 0, None, None)
    return Gain(
        label,
        len(pairs),
        sum(b for _p, b, _a in pairs) / len(pairs),
        sum(a for _p, _b, a in pairs) / len(pairs),
    )


def gains_by(field: str, events: QuerySet[Event]) -> list[Gain]:
    """The gain grouped by an event field (`topic`) or a participant field (`audience`)."""
    participants = Participant.objects.filter(event__in=events)
    path = f"event__{field}" if field in {"topic", "kind"} else field
    values = sorted(v for v in participants.order_by().values_list(path, flat=True).distinct() if v)
    labels = dict(Audience.choices) if field == "audience" else {}
    return [gain_of(participants.filter(**{path: v}), str(labels.get(v, v))) for v in values]


def feedback_summary(event: Event) -> dict[str, Any]:
    rows = Feedback.objects.filter(participant__event=event)
    agg = rows.aggregate(count=Count("id"), rating=Avg("rating"))
    share = rows.filter(will_share=True).count()
    return {"count": agg["count"], "rating": agg["rating"], "will_share": share}
