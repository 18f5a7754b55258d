"""Assignments and progress updates: derived status, posting updates with numbers, files and links, bad
input refused with nothing stored, and who may see and write what."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from plan_factories import make_plan

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.plans.models import (
    Assignment,
    AssignmentStatus,
    ProgressAttachment,
    ProgressState,
    ProgressUpdate,
    ProgressValue,
    derive_status,
)
from toandan.plans.tracking import post_update
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 10)


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.get_current_timezone())


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def plan(units: None) -> Any:
    return make_plan(
        [
            ("1", date(2026, 1, 5), date(2026, 2, 28), ["ca-tinh"], ["so-gddt"]),
            ("2", date(2026, 1, 5), date(2026, 12, 31), ["ca-tinh"], []),
            ("3", None, None, ["so-gddt"], []),
        ]
    )


def test_status_rule_in_python() -> None:
    end = date(2026, 3, 1)
    assert derive_status(None, end, date(2026, 2, 1)) == AssignmentStatus.NOT_STARTED
    assert derive_status("in_progress", end, date(2026, 2, 1)) == AssignmentStatus.IN_PROGRESS
    assert derive_status("in_progress", end, date(2026, 3, 2)) == AssignmentStatus.OVERDUE
    assert derive_status(None, end, date(2026, 3, 2)) == AssignmentStatus.OVERDUE
    assert derive_status("done", end, date(2026, 3, 2)) == AssignmentStatus.DONE
    assert derive_status("in_progress", None, date(2030, 1, 1)) == AssignmentStatus.IN_PROGRESS


def test_sql_status_matches_the_python_rule(plan: Any) -> None:
    a1_lead, a1_support = plan.tasks.get(ref="1").assignments.order_by("role")
    a2 = plan.tasks.get(ref="2").assignments.get()
    ProgressUpdate.objects.create(assignment=a1_lead, state="done", narrative="xong", at=at(date(2026, 2, 1)))
    ProgressUpdate.objects.create(assignment=a2, state="done", narrative="tạm xong", at=at(date(2026, 2, 1)))
    ProgressUpdate.objects.create(
        assignment=a2, state="in_progress", narrative="làm tiếp", at=at(date(2026, 2, 2))
    )
    rows = {a.pk: a.status for a in Assignment.objects.filter(task__plan=plan).with_status(TODAY)}
    assert rows[a1_lead.pk] == AssignmentStatus.DONE
    assert rows[a1_support.pk] == AssignmentStatus.OVERDUE
    assert rows[a2.pk] == AssignmentStatus.IN_PROGRESS  # the latest update reopened it
    for a in Assignment.objects.filter(task__plan=plan):
        assert a.current_status(TODAY) == rows[a.pk]


def test_post_update_stores_numbers_links_files_and_audit(plan: Any, police_officer: User) -> None:
    from toandan.core.uploads import clean_upload

    assignment = plan.tasks.get(ref="2").assignments.get()
    sessions, people, _articles = plan.indicators.all()
    update = post_update(
        assignment,
        actor=police_officer,
        state=ProgressState.IN_PROGRESS,
        narrative="Tổ chức 3 buổi tuyên truyền tại trường học.",
        values={sessions.pk: 3, people.pk: 450},
        links=["https://congan.quangngai.gov.vn/tin/123"],
        files=[clean_upload(jpeg(), "anh.jpg")],
    )
    assert {v.indicator_id: v.value for v in update.values.all()} == {sessions.pk: 3, people.pk: 450}
    assert update.link_list() == ["https://congan.quangngai.gov.vn/tin/123"]
    item = update.attachments.get()
    assert item.content_type == "image/jpeg" and item.file.read()[:3] == b"\xff\xd8\xff"
    assert assignment.current_status() == AssignmentStatus.IN_PROGRESS
    event = AuditEvent.objects.get(action=AuditAction.STATE_CHANGED, object_id=str(assignment.pk))
    assert event.data["from_status"] == "not_started" and event.data["to_status"] == "in_progress"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"narrative": "  "}, "Nhập kết quả thực hiện"),
        ({"state": "finished"}, "Tình trạng không hợp lệ"),
        ({"values": {"other": 5}}, "Chỉ tiêu không thuộc kế hoạch này"),
        ({"values": {"first": -1}}, "Số liệu không được âm"),
        ({"links": ["javascript:alert(1)"]}, "không phải đường dẫn hợp lệ"),
        ({"links": [f"https://a.vn/{i}" for i in range(11)]}, "tối đa 10 đường dẫn"),
    ],
)
def test_bad_updates_are_refused_and_store_nothing(
    plan: Any, police_officer: User, change: dict[str, Any], message: str
) -> None:
    other = make_plan([("9", None, None, ["ca-tinh"], [])], number="99/KH-BCĐ138")
    ids = {"other": other.indicators.first().pk, "first": plan.indicators.first().pk}
    assignment = plan.tasks.get(ref="2").assignments.get()
    kwargs: dict[str, Any] = {"state": "in_progress", "narrative": "Đã làm", **change}
    if "values" in change:
        kwargs["values"] = {ids[k]: v for k, v in change["values"].items()}
    with pytest.raises(ValidationError, match=message):
        post_update(assignment, actor=police_officer, **kwargs)
    assert ProgressUpdate.objects.count() == 0 and ProgressValue.objects.count() == 0


def test_web_update_with_file_then_bad_inputs(plan: Any, police_officer: User) -> None:
    assignment = plan.tasks.get(ref="2").assignments.get()
    sessions = plan.indicators.first()
    client = staff_client(police_officer)
    url = reverse("plans:assignment", args=[assignment.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Cập nhật tiến độ" in page.content.decode()
    posted = client.post(
        url,
        {
            "state": "done",
            "narrative": "Hoàn thành chuyên mục trên báo.",
            f"indicator_{sessions.pk}": "2",
            "links": "https://baoquangngai.vn/bai-1",
            "files": [SimpleUploadedFile("anh.jpg", jpeg())],
        },
    )
    assert posted.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.state == "done" and update.attachments.count() == 1
    assert assignment.current_status() == AssignmentStatus.DONE
    download = client.get(reverse("plans:attachment", args=[update.attachments.get().pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    bad = [
        ({"narrative": ""}, "Nhập kết quả thực hiện"),
        ({f"indicator_{sessions.pk}": "-3"}, "Số liệu không được âm"),
        ({f"indicator_{sessions.pk}": "nhiều"}, "Nhập một số nguyên"),
        ({"links": "ftp://x.vn/a"}, "không phải đường dẫn hợp lệ"),
        ({"files": [SimpleUploadedFile("virus.exe", b"MZ\x90\x00" * 10)]}, "không phải ảnh"),
        ({"state": "xong"}, "Hãy chọn một lựa chọn hợp lệ"),
    ]
    for change, message in bad:
        data = {"state": "in_progress", "narrative": "Tiếp tục", **change}
        response = client.post(url, data)
        assert response.status_code == 400 and message in response.content.decode(), change
    assert ProgressUpdate.objects.count() == 1 and ProgressAttachment.objects.count() == 1


def test_visibility_and_write_rights(
    plan: Any, police_officer: User, edu_officer: User, steering_member: User, commune_a_officer: User
) -> None:
    police = plan.tasks.get(ref="2").assignments.get()
    url = reverse("plans:assignment", args=[police.pk])
    assert staff_client(commune_a_officer).get(url).status_code == 404
    assert staff_client(edu_officer).get(url).status_code == 404
    assert staff_client(edu_officer).post(url, {"state": "done", "narrative": "x"}).status_code == 404
    steering = staff_client(steering_member)
    page = steering.get(url)
    assert page.status_code == 200 and "Gửi cập nhật" not in page.content.decode()
    assert steering.post(url, {"state": "done", "narrative": "x"}).status_code == 403
    assert ProgressUpdate.objects.count() == 0
    detail = staff_client(edu_officer).get(reverse("plans:detail", args=[plan.pk]))
    assert detail.status_code == 200
    board = detail.context["board"]
    assert {a.unit.code for a in board.assignments} == {"so-gddt"}
    assert staff_client(commune_a_officer).get(reverse("plans:detail", args=[plan.pk])).status_code == 404


def test_attachment_hidden_from_other_units(plan: Any, police_officer: User, edu_officer: User) -> None:
    from toandan.core.uploads import clean_upload

    assignment = plan.tasks.get(ref="2").assignments.get()
    update = post_update(
        assignment,
        actor=police_officer,
        state="in_progress",
        narrative="Ảnh buổi tuyên truyền",
        files=[clean_upload(jpeg(), "anh.jpg")],
    )
    url = reverse("plans:attachment", args=[update.attachments.get().pk])
    assert staff_client(edu_officer).get(url).status_code == 404
    assert staff_client(police_officer).get(url).status_code == 200


def test_status_shown_is_derived_from_dates(units: None, police_officer: User) -> None:
    today = timezone.localdate()
    plan = make_plan(
        [
            ("1", today - timedelta(days=30), today - timedelta(days=1), ["ca-tinh"], []),
            ("2", today, today + timedelta(days=10), ["ca-tinh"], []),
        ]
    )
    client = staff_client(police_officer)
    for ref, label in (("1", "Quá hạn"), ("2", "Chưa bắt đầu")):
        assignment = plan.tasks.get(ref=ref).assignments.get()
        page = client.get(reverse("plans:assignment", args=[assignment.pk]))
        assert label in page.content.decode().split('id="assignment-status"')[1][:200]
