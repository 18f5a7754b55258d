"""What evaluation adds to the plans app's consolidated period report: the indicators with targets and
results, the inspections of the period, the model practices, and the budget. Installed at start-up through
the plans hook (toandan.plans.output.sections), so plans never imports evaluation."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.utils.translation import gettext as _

from toandan.evaluation.models import Inspection, Practice
from toandan.evaluation.services.budget import budget_summary
from toandan.evaluation.values import target_of, value_of
from toandan.plans.output.sections import ExtraSection, register_section


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    return "–" if value is None else value


def indicator_section(plan: Any, span: Any) -> list[ExtraSection]:
    period = span.period
    metrics = list(plan.evaluation_metrics.all())
    if period is None or not metrics:
        return []
    rows = []
    for i, metric in enumerate(metrics, start=1):
        actual = value_of(metric, period, None)[0]
        rows.append(
            [i, metric.name, metric.unit_label, _plain(target_of(metric, period, None)), _plain(actual)]
        )
    return [
        ExtraSection(
            _("KẾT QUẢ CÁC CHỈ TIÊU ĐÁNH GIÁ"),
            [_("Số liệu toàn tỉnh trong kỳ %(period)s.") % {"period": span.in_sentence}],
            [_("STT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Mục tiêu"), _("Thực hiện")],
            rows,
        )
    ]


def inspection_section(plan: Any, span: Any, user: Any) -> list[ExtraSection]:
    rows_qs = Inspection.objects.filter(
        template__plan=plan, inspected_on__gte=span.starts_on, inspected_on__lte=span.ends_on
    )
    if user is not None:
        rows_qs = rows_qs.visible_to(user)
    inspections = list(
        rows_qs.select_related("unit")
        .prefetch_related("scores", "template__items", "follow_ups")
        .order_by("inspected_on")
    )
    if not inspections:
        return []
    rows = []
    for i, x in enumerate(inspections, start=1):
        score = sum(s.score for s in x.scores.all())
        top = sum(item.max_score for item in x.template.items.all())
        rows.append(
            [
                i,
                x.unit.name,
                x.inspected_on.strftime("%d/%m/%Y"),
                f"{score}/{top}",
                x.get_status_display(),
                len(x.follow_ups.all()),
            ]
        )
    return [
        ExtraSection(
            _("CÔNG TÁC KIỂM TRA"),
            [_("Trong kỳ đã kiểm tra %(count)s đơn vị.") % {"count": len(inspections)}],
            [
                _("STT"),
                _("Đơn vị được kiểm tra"),
                _("Ngày"),
                _("Điểm"),
                _("Trạng thái"),
                _("Việc phải làm sau kiểm tra"),
            ],
            rows,
        )
    ]


def practice_section(plan: Any) -> list[ExtraSection]:
    practices = list(
        Practice.objects.filter(plan=plan)
        .select_related("unit", "commune")
        .annotate(n_rep=Count("replications", distinct=True), n_com=Count("commendations", distinct=True))
    )
    if not practices:
        return []
    return [
        ExtraSection(
            _("MÔ HÌNH ĐIỂN HÌNH"),
            [],
            [
                _("STT"),
                _("Mô hình"),
                _("Đơn vị"),
                _("Xã, phường"),
                _("Trạng thái"),
                _("Nơi nhân rộng"),
                _("Đề nghị khen thưởng"),
            ],
            [
                [
                    i,
                    p.name,
                    p.unit.name,
                    p.commune.name if p.commune else "",
                    p.get_status_display(),
                    p.n_rep,
                    p.n_com,
                ]
                for i, p in enumerate(practices, start=1)
            ],
        )
    ]


def budget_section(plan: Any, span: Any, user: Any) -> list[ExtraSection]:
    whole = budget_summary(plan, user=user)
    if not whole.rows:
        return []
    in_span = budget_summary(plan, span.starts_on, span.ends_on, user)
    rows = [[r.unit, r.source, r.estimate, s.spent] for r, s in zip(whole.rows, in_span.rows, strict=True)]
    rows.append([_("Tổng cộng"), "", whole.estimate, in_span.spent])
    return [
        ExtraSection(
            _("KINH PHÍ THỰC HIỆN"),
            [
                _("Tổng dự toán %(estimate)s đồng; đã chi trong kỳ %(spent)s đồng, lũy kế %(total)s đồng.")
                % {
                    "estimate": f"{whole.estimate:,}".replace(",", "."),
                    "spent": f"{in_span.spent:,}".replace(",", "."),
                    "total": f"{whole.spent:,}".replace(",", "."),
                }
            ],
            [_("Đơn vị"), _("Nguồn kinh phí"), _("Dự toán (đồng)"), _("Đã chi trong kỳ (đồng)")],
            rows,
        )
    ]


def sections(plan: Any, span: Any, user: Any) -> list[ExtraSection]:
    return [
        *indicator_section(plan, span),
        *inspection_section(plan, span, user),
        *practice_section(plan),
        *budget_section(plan, span, user),
    ]


def install() -> None:
    register_section(sections)
