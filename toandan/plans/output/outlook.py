"""The two closing sections every period report has — "Phương hướng, nhiệm vụ thời gian tới" and "Kiến nghị,
đề xuất" — drawn from the report's own figures when the officer leaves them empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from toandan.plans.output.consolidated import Consolidated


def _unfinished(c: Consolidated) -> tuple[list[str], int]:
    refs, overdue = [], 0
    for section in c.tasks:
        late = sum(1 for line in section.lines if line.status == "overdue")
        overdue += late
        if late:
            refs.append(section.ref)
    return refs, overdue


def default_directions(c: Consolidated) -> list[str]:
    refs, overdue = _unfinished(c)
    lines = []
    open_count = c.counts["in_progress"] + c.counts["not_started"]
    if open_count:
        lines.append(
            _(
                "Tiếp tục triển khai %(count)s phân công đang thực "
                "hiện hoặc chưa bắt đầu của Kế hoạch số %(number)s."
            )
            % {"count": open_count, "number": c.plan.number}
        )
    if overdue:
        lines.append(
            _(
                "Đôn đốc các đơn vị hoàn thành %(count)s phân công "
                "quá hạn (nhiệm vụ %(refs)s) và báo cáo kết quả."
            )
            % {"count": overdue, "refs": ", ".join(refs)}
        )
    late = c.late_count
    if late:
        lines.append(
            _(
                "Đôn đốc %(count)s đơn vị chưa gửi hoặc gửi muộn "
                "báo cáo %(period)s thực hiện đúng chế độ báo cáo."
            )
            % {"count": late, "period": c.span.in_sentence}
        )
    upcoming = c.plan.periods.filter(ends_on__gt=c.span.ends_on).order_by("ends_on").first()
    if upcoming is not None:
        lines.append(
            _("Chuẩn bị số liệu, báo cáo %(period)s (chốt số liệu ngày %(end)s, hạn gửi ngày %(due)s).")
            % {
                "period": upcoming.label[:1].lower() + upcoming.label[1:],
                "end": upcoming.ends_on.strftime("%d/%m/%Y"),
                "due": upcoming.due_on.strftime("%d/%m/%Y"),
            }
        )
    lines.append(
        _(
            "Tiếp tục tuyên truyền, hướng dẫn người dân nhận diện và tố giác hành vi lừa đảo, "
            "vi phạm pháp luật trên không gian mạng."
        )
    )
    return lines


def default_proposals(c: Consolidated) -> list[str]:
    refs, overdue = _unfinished(c)
    lines = []
    if overdue:
        lines.append(
            _(
                "Đề nghị Thường trực Ban Chỉ đạo chỉ đạo các đơn vị có phân công quá hạn (nhiệm vụ %(refs)s) "
                "khẩn trương thực hiện, báo cáo kết quả."
            )
            % {"refs": ", ".join(refs)}
        )
    if c.late_count:
        lines.append(
            _(
                "Đề nghị các đơn vị gửi báo cáo định kỳ đúng "
                "hạn để bảo đảm số liệu tổng hợp đầy đủ, chính xác."
            )
        )
    if not lines:
        lines.append(_("Chưa có kiến nghị, đề xuất trong kỳ."))
    return lines
