"""Legal time limits of the privacy workflows, as data (hours, and where they come from).

* Breach notification: 72 hours from discovery (../shared/docs/DOMAIN.md §7; Decree 13/2023/NĐ-CP, Art. 23).
* Data subjects' requests: Decree 13/2023 gives 72 hours to provide personal data on request (Art. 14) and to
  delete it (Art. 16); the platform applies the same 72 hours to correction (Art. 15) and to withdrawal of
  consent (Art. 12), which name no number of hours, so that no request waits longer than the strictest one.
  Law 91/2025/QH15 and Decree 356/2025/NĐ-CP (in force 1 January 2026) are to be checked by the unit's legal
  officer: DOMAIN.md does not give their time limits, and any change is made here, in one place."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from toandan.privacy.models import RequestKind

BREACH_NOTIFICATION_HOURS = 72
BREACH_BASIS = _("Nghị định 13/2023/NĐ-CP, Điều 23: thông báo trong 72 giờ kể từ khi phát hiện")

REQUEST_HOURS: dict[str, int] = {
    RequestKind.ACCESS: 72,
    RequestKind.CORRECTION: 72,
    RequestKind.DELETION: 72,
    RequestKind.WITHDRAWAL: 72,
}
REQUEST_BASIS: dict[str, object] = {
    RequestKind.ACCESS: _("Nghị định 13/2023/NĐ-CP, Điều 14: cung cấp dữ liệu trong 72 giờ"),
    RequestKind.CORRECTION: _("Nghị định 13/2023/NĐ-CP, Điều 15; nền tảng áp dụng 72 giờ"),
    RequestKind.DELETION: _("Nghị định 13/2023/NĐ-CP, Điều 16: xóa dữ liệu trong 72 giờ"),
    RequestKind.WITHDRAWAL: _("Nghị định 13/2023/NĐ-CP, Điều 12; nền tảng áp dụng 72 giờ"),
}


def request_due(kind: str, received_at: datetime) -> datetime:
    return received_at + timedelta(hours=REQUEST_HOURS[kind])


def breach_due(discovered_at: datetime) -> datetime:
    return discovered_at + timedelta(hours=BREACH_NOTIFICATION_HOURS)
