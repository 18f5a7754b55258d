"""The personal data the events app holds (read by the privacy app; shapes in core.personal_data). The
anonymisation after an event (events.privacy) is this app's retention rule: the privacy app's scheduled run
calls it with the cut-off of the schedule, so there is one schedule and one run."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import PersonalDataKind, SubjectRecords, staff_trail
from toandan.events.contacts import unseal
from toandan.events.models import Certificate, Feedback, Participant
from toandan.events.privacy import anonymise_expired, expired_events

KINDS = [
    PersonalDataKind(
        key="events.participants",
        label=_("Họ tên, liên hệ của người tham gia sự kiện"),
        fields=(
            "events.Participant.name",
            "events.Participant.phone",
            "events.Participant.email",
            "events.Participant.contact_hash",
            "events.Participant.user",
            "events.Certificate.holder_name",
            "events.Feedback.comment",
        ),
        subjects=_("người đăng ký, người tham gia tập huấn, hội thảo"),
        purpose=_("đăng ký, điểm danh, nhắc lịch, cấp chứng nhận"),
        legal_basis=_("sự đồng ý của người đăng ký"),
        who_sees=_("cán bộ của đơn vị tổ chức sự kiện"),
        default_days=180,
        counted_from=_("kể từ khi sự kiện kết thúc"),
        at_expiry=_("ẩn danh họ tên, xóa liên hệ và nhận xét; giữ số liệu tham dự, điểm kiểm tra"),
        expire=anonymise_expired,
        due=lambda cutoff: Participant.objects.filter(
            event__in=expired_events(cutoff), anonymised=False
        ).count(),
    ),
    staff_trail(
        "events", ("events.Event.created_by", "events.ParticipantHistory.actor", "events.EventHistory.actor")
    ),
]

NOT_PERSONAL = {"events.EventMaterial.original_name": _("tên tệp tài liệu sự kiện")}


def _find(reference: str) -> Participant | None:
    return Participant.objects.select_related("event").filter(checkin_code=reference.strip()).first()


def _export(person: Participant) -> list[tuple[object, str]]:
    return [
        (_("Sự kiện"), person.event.title),
        (_("Họ và tên"), person.name),
        (_("Số điện thoại"), unseal(person.phone) if person.phone else ""),
        (_("Thư điện tử"), unseal(person.email) if person.email else ""),
        (_("Ngày đăng ký"), f"{person.registered_at:%d/%m/%Y %H:%M}"),
        (_("Tình trạng"), str(person.get_status_display())),
    ]


@transaction.atomic
def _erase(person: Participant) -> int:
    Certificate.objects.filter(participant=person).update(holder_name="")
    Feedback.objects.filter(participant=person).update(comment="")
    return Participant.objects.filter(pk=person.pk).update(
        name=gettext_now("(đã ẩn danh)"),
        phone="",
        email="",
        contact_hash="",
        link_base="",
        user=None,
        anonymised=True,
    )


SUBJECT_RECORDS = [
    SubjectRecords(
        key="events.participant",
        label=_("Đăng ký sự kiện"),
        reference_label=_("mã vé điểm danh"),
        find=_find,
        export=_export,
        erase_refusal=lambda person: None,
        erase=_erase,
    )
]
