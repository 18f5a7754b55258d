"""Draft public warnings proposed by growing waves, and the editors' decisions on them.

A wave grows when at least ``growth_members`` of its reports were received within ``growth_hours``. It then
proposes one draft, unless a draft of it is still waiting or one was proposed within the same window. The
draft is written from the wave's sample, which is already masked (numbers, links, names, amounts). Approving
only marks the draft approved: the platform has no public awareness section to publish it to yet.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from toandan.core.audit import record_change
from toandan.triage import conf
from toandan.triage.models import WarningDraft, WarningDraftEvent, WarningStatus, Wave, WaveMember


def recent_members(wave: Wave, now: datetime, hours: int) -> int:
    """Members of a wave received within the last ``hours``."""
    return WaveMember.objects.filter(wave=wave, report__received_at__gte=now - timedelta(hours=hours)).count()


def _main_category(wave: Wave) -> str:
    row = (
        WaveMember.objects.filter(wave=wave)
        .values("report__category__name")
        .annotate(n=Count("id"))
        .order_by("-n", "report__category__name")
        .first()
    )
    return row["report__category__name"] if row else ""


def compose(wave: Wave, recent: int, hours: int) -> tuple[str, str]:
    """Title and body of a warning about a wave, in the active language."""
    title = _("Cảnh báo: %(category)s theo cùng một kịch bản (%(count)s tố giác)") % {
        "category": _main_category(wave) or _("lừa đảo"),
        "count": wave.size,
    }
    body = _(
        "Trong %(hours)s giờ qua có thêm %(recent)s người dân tố giác cùng một kịch bản "
        "(tổng cộng %(count)s tố giác). Nội dung thường gặp, đã che số điện thoại, đường link, "
        "tên người và số tiền:\n\n"
        "“%(sample)s”\n\n"
        "Nếu nhận được tin nhắn, cuộc gọi như trên: không chuyển tiền, không bấm vào đường link, "
        "không cung cấp mã OTP hay mật khẩu. Hãy báo ngay cho công an xã, phường nơi gần nhất "
        "hoặc tố giác trên trang này."
    ) % {"hours": hours, "recent": recent, "count": wave.size, "sample": wave.sample.strip()}
    return title[:200], body


def propose(wave: Wave, now: datetime) -> WarningDraft | None:
    """A draft for a wave that grows, unless one is waiting or was proposed within the growth window."""
    settings = conf.waves()
    hours = settings["growth_hours"]
    if wave.merged_into_id is not None or wave.size < settings["min_size"]:
        return None
    recent = recent_members(wave, now, hours)
    if recent < settings["growth_members"]:
        return None
    window = now - timedelta(hours=hours)
    if (
        wave.drafts.filter(status=WarningStatus.DRAFT).exists()
        or wave.drafts.filter(created_at__gte=window).exists()
    ):
        return None
    title, body = compose(wave, recent, hours)
    with transaction.atomic():
        draft = WarningDraft.objects.create(
            wave=wave, title=title, body=body, wave_size=wave.size, created_at=now
        )
        WarningDraftEvent.objects.create(draft=draft, at=now, to_status=WarningStatus.DRAFT)
    return draft


def propose_for_growing(wave_ids: set[int], now: datetime) -> int:
    """Propose drafts for the growing waves among these; returns how many were proposed."""
    return sum(1 for wave in Wave.objects.filter(pk__in=wave_ids) if propose(wave, now) is not None)


@transaction.atomic
def decide(draft: WarningDraft, to: str, *, actor: Any, note: str = "", request: Any = None) -> WarningDraft:
    """Approve or reject a waiting draft: one history row and one audit row."""
    draft = WarningDraft.objects.select_for_update().get(pk=draft.pk)
    if to not in (WarningStatus.APPROVED, WarningStatus.REJECTED):
        raise ValidationError(_("Thao tác không hợp lệ."))
    if draft.status != WarningStatus.DRAFT:
        raise ValidationError(_("Dự thảo này đã được xử lý."))
    old = draft.status
    draft.status = to
    draft.save(update_fields=["status"])
    WarningDraftEvent.objects.create(draft=draft, actor=actor, from_status=old, to_status=to, note=note[:300])
    record_change(
        draft, f"warning draft {draft.pk}: {old} → {to}", actor=actor, request=request, wave=draft.wave_id
    )
    return draft
