"""The importer on real plans (../shared/data/plans-dev): per-unit sections, decisions, closing paragraphs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from toandan.plans.importer import PlanDraft, import_document
from toandan.plans.importer.duties import read_duty, split_duties

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plans-dev"


def _draft(prefix: str) -> PlanDraft:
    path = next(DEV.glob(f"{prefix}-*.txt"))
    return import_document(path.read_bytes(), path.name)


def _task(draft: PlanDraft, ref: str):  # noqa: ANN202
    return next(t for t in draft.tasks if t.ref == ref)


def test_a_duty_worded_phoi_hop_voi_a_specific_body_is_led_by_that_body() -> None:
    duty = read_duty("Phối hợp với Sở Du lịch tham mưu các cơ chế, chính sách", ["Sở Tài chính"])
    assert (duty.lead, duty.support) == (["Sở Du lịch"], ["Sở Tài chính"])
    generic = read_duty("Phối hợp với các cơ quan liên quan nghiên cứu chính sách", ["Bộ Y tế"])
    assert (generic.lead, generic.support) == (["Bộ Y tế"], ["các cơ quan liên quan"])
    chair = read_duty("Chủ trì, phối hợp với Sở Xây dựng thực hiện phân luồng giao thông", ["Công an tỉnh"])
    assert (chair.lead, chair.support) == (["Công an tỉnh"], ["Sở Xây dựng"])
    own = read_duty("Sở Xây dựng phối hợp với UBND các phường, xã trong công tác theo dõi", [])
    assert (own.lead, own.support) == (["UBND các phường, xã"], ["Sở Xây dựng"])


def test_semicolon_duties_split_only_before_a_capital() -> None:
    assert split_duties("Làm A; Thực hiện B; đại biểu C") == ["Làm A", "Thực hiện B; đại biểu C"]
    assert split_duties("Làm A, B và C") == ["Làm A, B và C"]


def test_recurring_duty_ends_at_the_plans_stated_horizon() -> None:
    duty = read_duty("Định kỳ hằng năm tổng hợp, báo cáo", ["Sở Du lịch"], horizon=date(2030, 12, 31))
    assert duty.timeframe.recurring and duty.timeframe.end == date(2030, 12, 31)


@pytest.mark.shared_data
def test_per_unit_section_each_bullet_is_a_task_of_its_unit() -> None:
    draft = _draft("06")
    refs = [t.ref for t in draft.tasks]
    assert refs[:5] == ["III.1[-1]", "III.1[-2]", "III.1[-3]", "III.1[-4]", "III.1[-5]"]
    assert _task(draft, "III.1[-5]").timeframe.end == date(2030, 12, 31)  # "giai đoạn 2026 - 2030"
    first = _task(draft, "III.2[-2](1)")
    assert first.lead == ["Sở Du lịch"] and first.support == ["Sở Tài chính"]
    assert _task(draft, "III.6[-1]").lead == ["Sở Xây dựng", "các sở, ngành liên quan"]
    closing = _task(draft, "III[p]")
    assert closing.lead[0] == "các sở, ngành"
    # Section II's solutions name no unit: reported as not placed rather than invented as tasks.
    unplaced = next(w for w in draft.warnings if w["code"] == "unplaced")
    assert "II.2.1" in unplaced["detail"]
    assert not any(t.ref.startswith("II.") for t in draft.tasks)


@pytest.mark.shared_data
def test_plan_written_in_a_decisions_articles_is_read() -> None:
    draft = _draft("04")
    assert draft.number == "986/QĐ-UBND" and draft.date == date(2024, 8, 13)
    term = _task(draft, "Đ1.3[-1]")
    assert (term.timeframe.start, term.timeframe.end) == (date(2024, 9, 6), date(2025, 1, 18))
    assign = _task(draft, "Đ2.2")
    assert assign.lead == ["Giám đốc Sở Giáo dục và Đào tạo"]
    assert assign.support[0] == "Chủ tịch Ủy ban nhân dân huyện, thành phố"


@pytest.mark.shared_data
def test_unit_heading_on_the_duty_line_and_yearly_closing_report() -> None:
    draft = _draft("03")
    assert len(draft.tasks) == 45
    assert _task(draft, "III.12").lead == [
        "Đài Truyền hình Việt Nam",
        "Đài Tiếng nói Việt Nam",
        "Thông tấn xã Việt Nam",
    ]
    closing = _task(draft, "III[p]")
    assert closing.timeframe.recurring and closing.lead[0] == "các bộ, ngành"
