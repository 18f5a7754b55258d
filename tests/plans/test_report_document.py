"""Issue #15: the Decree 30 report of a BCĐ138 plan, read back with python-docx: signed by the plan's issuer
("TM. BAN CHỈ ĐẠO" / "TRƯỞNG BAN"), closing with "Phương hướng, nhiệm vụ thời gian tới" and "Kiến nghị, đề
xuất", and no capital in the middle of a sentence ("thực hiện lũy kế", not "thực hiện Lũy kế")."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from toandan.accounts.models import User
from toandan.plans.forms import ConsolidatedForm
from toandan.plans.models import Plan
from toandan.plans.output import build_consolidated, render_docx
from toandan.plans.output.signing import default_signature
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def _text(doc: Any) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _signature_cell(doc: Any) -> list[str]:
    return [p.text for p in doc.tables[-1].rows[0].cells[1].paragraphs if p.text.strip()]


def test_seed_plan_is_signed_by_its_steering_committee(seed_plan: Plan) -> None:
    # The seed plan itself was signed by the police director (as the committee's deputy head): the report
    # of the committee is still signed on its behalf by its head, and not under the deputy's name.
    assert seed_plan.issuer.kind == "steering" and "GIÁM ĐỐC" in seed_plan.signer_position
    signature = default_signature(seed_plan)
    assert (signature.capacity, signature.position, signature.name) == ("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "")
    form = ConsolidatedForm(plan=seed_plan)
    assert form["capacity"].initial == "TM. BAN CHỈ ĐẠO" and form["position"].initial == "TRƯỞNG BAN"
    doc = Document(io.BytesIO(render_docx(build_consolidated(seed_plan, None))))
    lines = _signature_cell(doc)
    assert lines[:2] == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]
    assert "GIÁM ĐỐC CÔNG AN TỈNH" not in _text(doc)


def test_report_closes_with_directions_and_proposals(seed_plan: Plan) -> None:
    doc = Document(io.BytesIO(render_docx(build_consolidated(seed_plan, None))))
    headings = [p.text for p in doc.paragraphs if re.match(r"^[IVX]+\. ", p.text)]
    assert headings[-2].endswith("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")
    assert headings[-1].endswith("KIẾN NGHỊ, ĐỀ XUẤT")
    paragraphs = [p.text for p in doc.paragraphs]
    directions = paragraphs[paragraphs.index(headings[-2]) + 1 : paragraphs.index(headings[-1])]
    assert directions and all(line.startswith("- ") for line in directions)
    # Drawn from the figures: the seed plan's assignments are overdue in an empty database.
    assert any("quá hạn" in line for line in directions)


def test_typed_directions_and_proposals_replace_the_drawn_ones(
    seed_plan: Plan, steering_member: User
) -> None:
    response = staff_client(steering_member).get(
        reverse("plans:export", args=[seed_plan.pk, "docx"]),
        {
            "day": "2026-12-03",
            "directions": "Tổ chức sơ kết 6 tháng\nNhân rộng mô hình Camera an ninh",
            "proposals": "Bổ sung kinh phí tuyên truyền",
        },
    )
    assert response.status_code == 200
    text = _text(Document(io.BytesIO(response.content)))
    assert "- Tổ chức sơ kết 6 tháng" in text and "- Nhân rộng mô hình Camera an ninh" in text
    assert "- Bổ sung kinh phí tuyên truyền" in text


def test_no_capital_in_the_middle_of_a_sentence(seed_plan: Plan) -> None:
    doc = Document(io.BytesIO(render_docx(build_consolidated(seed_plan, None))))
    text = _text(doc)
    assert "thực hiện lũy kế đến ngày" in text
    assert not re.search(r"[a-zàáảãạăâđêôơư,] (Lũy kế|Quý|Tháng|Năm) ", text), re.findall(
        r".{30}[a-zđ,] (?:Lũy kế|Quý|Tháng|Năm) .{10}", text
    )
    period = seed_plan.periods.get(frequency="quarterly", year=2022, index=3)
    quarter = _text(Document(io.BytesIO(render_docx(build_consolidated(seed_plan, period)))))
    assert "báo cáo kết quả thực hiện quý III/2022" in quarter
