"""The review page's tools: unit suggestions, split and merge, a section's lead, unknown names mapped or
added and remembered, former districts, and the page's weight for a long real plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from test_import_web import review_data, upload

from toandan.accounts.models import User
from toandan.orgs.models import Unit
from toandan.plans.models import Plan, UnitAlias
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plans-dev"

PLAN = (
    "UBND TỈNH QUẢNG NGÃI\nSố: 21/KH-UBND\nQuảng Ngãi, ngày 3 tháng 3 năm 2024\nKẾ HOẠCH\n"
    "Phòng, chống lừa đảo trực tuyến năm 2024\n"
    "I. MỤC ĐÍCH\nNâng cao nhận thức.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Công an tỉnh\n"
    "- Chủ trì tuyên truyền phương thức lừa đảo trên mạng xã hội.\n"
    "- Tổ chức tập huấn cho cán bộ cơ sở; Xây dựng tài liệu cảnh báo.\n"
    "2. Hội Doanh nhân trẻ Xứ Quảng\n"
    "- Vận động hội viên tham gia tố giác lừa đảo.\n"
    "3. UBND huyện Bình Sơn\n"
    "- Tổ chức tuyên truyền tại địa bàn.\n"
)


def _open(client: Client, text: str = PLAN) -> tuple[str, Any]:
    location = upload(client, text.encode())["Location"]
    return location, client.get(location)


def _tasks(client: Client, location: str) -> list[tuple[str, str]]:
    form = client.get(location).context["form"]
    return [(row["task"]["ref"], row["task"]["title"]) for row in form.task_rows]


def test_unit_suggestions_search_the_directory_for_importers_only(
    units: None, provincial_officer: User, citizen: User
) -> None:
    client = staff_client(provincial_officer)
    found = client.get(reverse("plans:unit_search"), {"q": "Tư pháp"}).json()["units"]
    assert any(u["name"] == "Sở Tư pháp" for u in found) and len(found) <= 20
    assert client.get(reverse("plans:unit_search"), {"q": "T"}).json() == {"units": []}
    assert Client().get(reverse("plans:unit_search"), {"q": "Sở"}).status_code in (302, 403)


def test_split_then_merge_keep_what_was_typed(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    location, page = _open(client)
    assert [ref for ref, _t in _tasks(client, location)] == ["II.1[-1]", "II.1[-2]", "II.2[-1]", "II.3[-1]"]
    data = review_data(page)
    data["t1_title"] = "Tổ chức tập huấn cho cán bộ cơ sở\nXây dựng tài liệu cảnh báo"
    data["t0_end"] = "2024-06-30"
    response = client.post(location, {**data, "op": "split:1"})
    assert response.status_code == 302 and response["Location"].endswith("#task-1")
    tasks = _tasks(client, location)
    assert tasks[1:3] == [
        ("II.1[-2](1)", "Tổ chức tập huấn cho cán bộ cơ sở"),
        ("II.1[-2](2)", "Xây dựng tài liệu cảnh báo"),
    ]
    page = client.get(location)
    assert page.context["form"]["t0_end"].value() == "2024-06-30"  # typing survived the operation
    assert page.context["form"]["t2_lead0_name"].value() == "Công an tỉnh"
    client.post(location, {**review_data(page), "op": "merge:2"})
    tasks = _tasks(client, location)
    assert len(tasks) == 4 and tasks[1][1].endswith("Xây dựng tài liệu cảnh báo")
    refused = client.post(location, {**review_data(client.get(location)), "op": "split:0"}, follow=True)
    assert "Để tách, xuống dòng" in refused.content.decode()


def test_section_lead_and_unknown_unit_mapped_then_remembered(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    location, page = _open(client)
    html = page.content.decode()
    assert 'id="unknown-units"' in html and "Hội Doanh nhân trẻ Xứ Quảng" in html
    # The former district is shown for confirmation with today's namesake commune suggested.
    assert "cấp huyện đã kết thúc từ 01/7/2025" in html
    form = page.context["form"]
    rows = {r["name"]: r["prefix"] for r in form.unknown_rows}
    assert form[rows["UBND huyện Bình Sơn"] + "to"].value() == "Xã Bình Sơn"
    data = review_data(page)
    data[rows["Hội Doanh nhân trẻ Xứ Quảng"] + "to"] = "Tỉnh đoàn Quảng Ngãi"
    client.post(location, {**data, "op": "section", "section_ref": "II.1", "section_unit": "Sở Tư pháp"})
    page = client.get(location)
    assert page.context["form"]["t0_lead0_name"].value() == "Sở Tư pháp"
    assert page.context["form"]["t1_lead0_name"].value() == "Sở Tư pháp"
    data = review_data(page)
    rows = {r["name"]: r["prefix"] for r in page.context["form"].unknown_rows}
    data[rows["Hội Doanh nhân trẻ Xứ Quảng"] + "to"] = "Tỉnh đoàn Quảng Ngãi"
    done = client.post(location, data)
    assert done.status_code == 302, done.context["form"].errors if done.context else done
    plan = Plan.objects.get()
    task = plan.tasks.get(ref="II.2[-1]")
    assert [a.unit.name for a in task.assignments.filter(role="lead")] == ["Tỉnh đoàn Quảng Ngãi"]
    assert plan.tasks.get(ref="II.1[-1]").assignments.get(role="lead").unit.name == "Sở Tư pháp"
    assert plan.tasks.get(ref="II.3[-1]").assignments.get(role="lead").unit.name == "Xã Bình Sơn"
    remembered = {a.written: [u.name for u in a.units.all()] for a in UnitAlias.objects.all()}
    assert remembered["Hội Doanh nhân trẻ Xứ Quảng"] == ["Tỉnh đoàn Quảng Ngãi"]
    assert remembered["UBND huyện Bình Sơn"] == ["Xã Bình Sơn"]
    # Next time the same names resolve without asking.
    again = PLAN.replace("21/KH-UBND", "22/KH-UBND")
    _location, page = _open(client, again)
    names = {r["name"] for r in page.context["form"].unknown_rows}
    assert "Hội Doanh nhân trẻ Xứ Quảng" not in names and "UBND huyện Bình Sơn" not in names


def test_an_unknown_body_can_be_added_to_the_directory(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    location, page = _open(client)
    data = review_data(page)
    rows = {r["name"]: r["prefix"] for r in page.context["form"].unknown_rows}
    data[rows["Hội Doanh nhân trẻ Xứ Quảng"] + "create"] = "on"
    assert client.post(location, data).status_code == 302
    unit = Unit.objects.get(name="Hội Doanh nhân trẻ Xứ Quảng")
    assert unit.kind == "other"
    assert Plan.objects.get().tasks.get(ref="II.2[-1]").assignments.get(role="lead").unit == unit


def test_a_mapping_to_a_unit_that_does_not_exist_is_refused(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    location, page = _open(client)
    data = review_data(page)
    rows = {r["name"]: r["prefix"] for r in page.context["form"].unknown_rows}
    data[rows["Hội Doanh nhân trẻ Xứ Quảng"] + "to"] = "Tỉnh đoàn Quảng Ngãi; Hội Không Có"
    refused = client.post(location, data)
    assert refused.status_code == 400
    assert "Không tìm thấy trong danh bạ: Hội Không Có" in refused.content.decode()
    assert Plan.objects.count() == 0 and UnitAlias.objects.count() == 0


@pytest.mark.shared_data
def test_a_long_real_plan_reviews_in_a_light_page(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    path = DEV / "01-hanoi-173-festival-thang-long.txt"
    location = upload(client, path.read_bytes(), path.name)["Location"]
    page = client.get(location)
    html = page.content.decode()
    assert html.count('class="task"') >= 60
    assert html.count("<option") < 100  # no per-task list of every unit
    assert len(html.encode()) < 700_000, len(html.encode())
    assert html.count('class="src"') > 100  # the document's lines that tasks were read from are marked
