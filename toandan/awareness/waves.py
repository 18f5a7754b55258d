"""An approved scam-wave warning draft (triage) becomes a scam-warning draft in the editorial workflow, with
the wave's masked example, its main kind of scam and its confirmed indicators."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import Count
from django.utils.translation import gettext as _

from toandan.awareness import services
from toandan.awareness.models import ContentItem, Kind, Status
from toandan.indicators.models import IndicatorRecord, IndicatorStatus
from toandan.orgs.models import PROVINCE_WIDE_ROLES, Unit
from toandan.reports.models import ReportCategory
from toandan.triage.models import WarningDraft, WaveMember

MAX_INDICATORS = 30
DEFAULT_UNIT = "ca-tinh"


def _owning_unit(actor: Any) -> Unit:
    """The approver's province-wide unit, else the configured standing agency."""
    if actor is not None and getattr(actor, "pk", None):
        membership = actor.memberships.filter(role__in=PROVINCE_WIDE_ROLES).select_related("unit").first()
        if membership is not None:
            return membership.unit
    code = getattr(settings, "AWARENESS_WARNING_UNIT", DEFAULT_UNIT)
    unit = Unit.objects.filter(code=code).first() or Unit.objects.filter(parent__isnull=True).first()
    if unit is None:
        raise Unit.DoesNotExist("no unit to own wave warnings")
    return unit


def _main_category(wave_id: int) -> ReportCategory | None:
    row = (
        WaveMember.objects.filter(wave_id=wave_id)
        .values("report__category")
        .annotate(n=Count("id"))
        .order_by("-n", "report__category")
        .first()
    )
    return ReportCategory.objects.filter(pk=row["report__category"]).first() if row else None


def confirmed_indicators(wave_id: int) -> list[str]:
    """Confirmed indicators named by the wave's reports (unverified ones are never published)."""
    records = (
        IndicatorRecord.objects.filter(
            status=IndicatorStatus.CONFIRMED, report_links__report__wave_membership__wave_id=wave_id
        )
        .annotate(n=Count("report_links"))
        .order_by("-n", "value")
        .values_list("value", flat=True)
        .distinct()
    )
    return list(dict.fromkeys(records))[:MAX_INDICATORS]


def warning_from_draft(draft: WarningDraft, *, actor: Any = None) -> ContentItem:
    """The scam-warning draft made from an approved wave draft (made once; later calls return it)."""
    existing = ContentItem.objects.filter(source_draft=draft).first()
    if existing is not None:
        return existing
    wave = draft.wave
    category = _main_category(wave.pk)
    item = ContentItem(
        kind=Kind.WARNING,
        status=Status.DRAFT,
        unit=_owning_unit(actor),
        title=draft.title,
        summary=_("Nhiều người dân tố giác cùng một kịch bản lừa đảo. Hãy cảnh giác.")[:400],
        body=draft.body,
        masked_example=wave.sample.strip(),
        what_to_do=_(
            "- Không chuyển tiền, không bấm vào đường link, không đọc mã OTP hay mật khẩu cho bất kỳ ai.\n"
            "- Kiểm tra số điện thoại, tài khoản, đường link tại trang Tra cứu trước khi làm theo.\n"
            "- Báo ngay cho công an xã, phường nơi gần nhất hoặc tố giác trên Toàn Dân."
        ),
        indicators="\n".join(confirmed_indicators(wave.pk)),
        scam_category=category,
        wave=wave,
        source_draft=draft,
    )
    return services.save_version(
        item, {}, actor=actor, note=_("Tạo từ dự thảo cảnh báo đợt lừa đảo"), check=False
    )
