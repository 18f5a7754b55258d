"""Appeals: filed with evidence by the person wrongly listed, decided by an officer, both in the history."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from toandan.core.models import AuditAction, AuditEvent
from toandan.indicators import appeals
from toandan.indicators.models import Appeal, AppealStatus, ClearReason, EventKind, IndicatorStatus
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 160, 60)).save(out, format="JPEG")
    return out.getvalue()


def form(value: str = "0987.654.321", **extra: Any) -> dict[str, Any]:
    return {
        "value": value,
        "relation": "owner",
        "statement": "Đây là số thuê bao tôi dùng để bán hàng online từ năm 2019, tôi không lừa ai.",
        "name": "Trần Thị Chủ Số",
        "contact": "0905 000 111",
        "consent": "on",
        **extra,
    }


def file(client: Client, **extra: Any) -> Any:
    data = form(**extra)
    data["evidence"] = [SimpleUploadedFile("hop-dong.jpg", jpeg(), content_type="image/jpeg")]
    return client.post(reverse("indicators:appeal"), data)


def test_citizen_files_an_appeal_with_evidence(file_report: Any, record_of: Any) -> None:
    file_report("0987 654 321")
    client = Client()
    response = file(client)
    assert response.status_code == 302
    done = client.get(response["Location"]).content.decode()
    appeal = Appeal.objects.get()
    assert appeal.code in done
    assert appeal.indicator == record_of("0987654321") and appeal.status == AppealStatus.PENDING
    assert "Chủ Số" not in appeal.name and appeal.evidence.get().content_type == "image/jpeg"
    event = appeal.indicator.events.get()
    assert (event.kind, event.appeal_id) == (EventKind.APPEAL_FILED, appeal.pk)
    assert AuditEvent.objects.filter(action=AuditAction.CREATED, object_id=str(appeal.pk)).exists()


def test_only_listed_indicators_can_be_appealed(db: Any) -> None:
    response = file(Client(), value="0912 000 999")
    assert response.status_code == 400 and "không cần khiếu nại" in response.content.decode()
    assert file(Client(), value="xin chào").status_code == 400
    assert not Appeal.objects.exists()


def test_bad_files_and_missing_consent(file_report: Any) -> None:
    file_report("0987 654 321")
    bad = Client().post(
        reverse("indicators:appeal"),
        {**form(), "evidence": [SimpleUploadedFile("x.exe", b"MZ\x90\x00" * 10)]},
    )
    assert bad.status_code == 400 and "không phải ảnh" in bad.content.decode()
    no_consent = {**form()}
    no_consent.pop("consent")
    assert Client().post(reverse("indicators:appeal"), no_consent).status_code == 400
    assert not Appeal.objects.exists()


def test_upheld_appeal_clears_the_indicator(file_report: Any, record_of: Any, commune_a_officer: Any) -> None:
    file_report("0987 654 321")
    file(Client())
    appeal = Appeal.objects.get()
    client = staff_client(commune_a_officer)
    page = client.get(reverse("indicators:appeal_detail", args=[appeal.code])).content.decode()
    # The contact is shown only after a deliberate action, like a reporter's identity.
    assert "Chủ Số" not in page and "0905 000 111" not in page and "Xem thông tin người khiếu nại" in page
    viewed = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED, object_id=str(appeal.pk))
    assert not viewed.exists()
    assert client.get(reverse("indicators:appeal_contact", args=[appeal.code])).status_code == 405
    shown = client.post(reverse("indicators:appeal_contact", args=[appeal.code]), {"purpose": "Gọi xác minh"})
    assert "Chủ Số" in shown.content.decode() and "0905 000 111" in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    assert viewed.get().data["purpose"] == "Gọi xác minh"
    evidence = appeal.evidence.get()
    download = client.get(reverse("indicators:appeal_file", args=[appeal.code, evidence.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    response = client.post(
        reverse("indicators:appeal_detail", args=[appeal.code]),
        {"decision": "uphold", "note": "Đã đối chiếu hợp đồng thuê bao."},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and appeal.decided_by == commune_a_officer
    record = record_of("0987654321")
    assert record.status == IndicatorStatus.CLEARED
    kinds = list(record.events.values_list("kind", "reason"))
    assert kinds == [("appeal_filed", ""), ("appeal_decided", ""), ("cleared", ClearReason.APPEAL_UPHELD)]
    assert Client().get("/api/v1/check", {"q": "0987654321"}).json()["verdict"] == "no_reports"
    with pytest.raises(ValidationError):
        appeals.decide_appeal(appeal, upheld=False, note="Đổi ý.", actor=commune_a_officer)


def test_rejected_appeal_keeps_the_listing(file_report: Any, record_of: Any, provincial_officer: Any) -> None:
    file_report("0987 654 321")
    file(Client())
    appeal = appeals.decide_appeal(
        Appeal.objects.get(), upheld=False, note="Có ghi âm cuộc gọi lừa đảo.", actor=provincial_officer
    )
    assert appeal.status == AppealStatus.REJECTED
    assert record_of("0987654321").status == IndicatorStatus.REPORTED
    with pytest.raises(ValidationError):
        appeals.decide_appeal(Appeal.objects.get(), upheld=True, note="", actor=provincial_officer)


def test_officers_outside_the_case_cannot_decide_nor_see(file_report: Any, commune_b_officer: Any) -> None:
    file_report("0987 654 321")
    file(Client())
    appeal = Appeal.objects.get()
    with pytest.raises(PermissionDenied):
        appeals.decide_appeal(appeal, upheld=True, note="x", actor=commune_b_officer)
    client = staff_client(commune_b_officer)
    assert client.get(reverse("indicators:appeal_detail", args=[appeal.code])).status_code == 404
    assert appeal.code not in client.get(reverse("indicators:appeals")).content.decode()


def test_appeal_rate_limit(file_report: Any, settings: Any) -> None:
    settings.APPEAL_RATE_PER_IP = "1/h"
    file_report("0987 654 321")
    assert file(Client()).status_code == 302
    assert file(Client()).status_code == 429
