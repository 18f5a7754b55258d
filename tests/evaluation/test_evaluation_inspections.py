"""Inspections: a template per plan, scores, findings, follow-ups that become plan tasks shown on the plan
dashboard, the conclusion, and the .docx minutes in the Decree 30 layout."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from docx import Document

from toandan.accounts.models import User
from toandan.evaluation.models import FollowUp, Inspection, InspectionScore
from toandan.orgs.models import Role, Unit
from toandan.plans.models import Assignment, Plan
from toandan.web.testing import make_staff, staff_client

pytestmark = pytest.mark.django_db


def _template_and_inspection(client, plan: Plan) -> Inspection:  # type: ignore[no-untyped-def]
    url = f"/can-bo/danh-gia/ke-hoach/{plan.pk}/kiem-tra/"
    response = client.post(
        url,
        {
            "template": "1",
            "c-name": "Kiểm tra năm 2022",
            "c-items": "Ban hành kế hoạch | 10\nTuyên truyền | 20",
        },
    )
    assert response.status_code == 302
    template = plan.checklist_templates.get()
    unit = Unit.objects.get(code="so-gddt")
    response = client.post(
        url,
        {
            "open": "1",
            "o-template": template.pk,
            "o-unit": unit.pk,
            "o-inspected_on": "2022-09-20",
            "o-place": "Sở Giáo dục và Đào tạo",
            "o-team": "Nguyễn Văn A, Phó Trưởng Công an tỉnh\nTrần Thị B, cán bộ",
        },
    )
    assert response.status_code == 302
    return Inspection.objects.get()


def test_inspection_journey(seed_plan: Plan, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    inspection = _template_and_inspection(client, seed_plan)
    url = f"/can-bo/danh-gia/kiem-tra/{inspection.pk}/"
    first, second = inspection.template.items.all()
    # A score above the item's maximum is refused and nothing is stored
    response = client.post(url, {"scores": "1", f"s-score_{first.pk}": "11", "s-findings": "x"})
    assert response.status_code == 400
    assert "Điểm không được vượt điểm tối đa." in response.content.decode()
    assert not InspectionScore.objects.exists()
    response = client.post(
        url,
        {
            "scores": "1",
            f"s-score_{first.pk}": "8",
            f"s-note_{first.pk}": "Ban hành chậm 10 ngày",
            f"s-score_{second.pk}": "15",
            "s-findings": "Chưa tuyên truyền ở trường học vùng cao.",
            "s-conclusion": "Bổ sung kế hoạch tuyên truyền.",
        },
    )
    assert response.status_code == 302
    due = timezone.localdate() + timedelta(days=30)
    owner = Unit.objects.get(code="so-gddt")
    response = client.post(
        url,
        {
            "follow": "1",
            "f-action": "Tổ chức tuyên truyền ở 10 trường vùng cao",
            "f-owner": owner.pk,
            "f-due_on": due.isoformat(),
        },
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.select_related("task").get()
    task = follow_up.task
    assert task is not None and task.plan_id == seed_plan.pk and task.end == due
    assert Assignment.objects.get(task=task).unit == owner
    # The task shows on the plan dashboard like any other, with its lead unit
    board = client.get(f"/can-bo/ke-hoach/{seed_plan.pk}/")
    assert "Tổ chức tuyên truyền ở 10 trường vùng cao" in board.content.decode()
    # A unit officer of the owner sees the follow-up as their own assignment
    officer = make_staff("canbo.sgd", "so-gddt", Role.UNIT_OFFICER)
    assert Assignment.objects.visible_to(officer).filter(task=task).exists()
    assert client.post(url, {"conclude": "1"}).status_code == 302
    inspection.refresh_from_db()
    assert inspection.status == "concluded"
    assert list(inspection.events.values_list("to_status", flat=True)) == ["draft", "concluded"]
    # Concluded: scores can no longer change
    response = client.post(url, {"scores": "1", f"s-score_{first.pk}": "1", "s-conclusion": "x"})
    assert response.status_code == 400
    assert InspectionScore.objects.get(item=first).score == 8

    response = client.get(f"/can-bo/danh-gia/kiem-tra/{inspection.pk}/bien-ban.docx")
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BIÊN BẢN" in text
    assert "Kiểm tra việc thực hiện Kế hoạch số 249/KH-BCĐ138 tại Sở Giáo dục và Đào tạo" in text
    assert "Bổ sung kế hoạch tuyên truyền." in text
    header = doc.tables[0].rows[0].cells
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    assert "Số:" in header[0].text and "/BB-BCĐ138" in header[0].text
    assert "ngày 20 tháng 9 năm 2022" in header[1].text
    section = doc.sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.top_margin.mm) == 20
    scores = doc.tables[1]
    assert [c.text for c in scores.rows[-1].cells][1:4] == ["Tổng điểm", "30", "23"]
    follow_table = doc.tables[2]
    assert follow_table.rows[1].cells[2].text == "Sở Giáo dục và Đào tạo"
    assert all(r.font.name == "Times New Roman" for p in doc.paragraphs for r in p.runs if r.text)


def test_only_managers_change_inspections(seed_plan: Plan, steering: User, commune_a_officer: User) -> None:
    response = staff_client(steering).post(
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/kiem-tra/",
        {"template": "1", "c-name": "x", "c-items": "a | 1"},
    )
    assert response.status_code == 403
    assert staff_client(commune_a_officer).get(
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/kiem-tra/"
    ).status_code in (403, 404)


def test_bad_checklist_lines_are_refused(seed_plan: Plan, provincial_officer: User) -> None:
    response = staff_client(provincial_officer).post(
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/kiem-tra/",
        {"template": "1", "c-name": "Mẫu", "c-items": "Ban hành kế hoạch | mười"},
    )
    assert response.status_code == 400
    assert "Dòng 1: ghi nội dung, dấu | và điểm tối đa từ 1 đến 100." in response.content.decode()
    assert not seed_plan.checklist_templates.exists()
