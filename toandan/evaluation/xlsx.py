"""The dashboard as a workbook: targets vs actuals, trends, the commune ranking and hot spots."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from toandan.evaluation.dashboard import Board, CommuneRow

BOLD = Font(name="Times New Roman", bold=True)


def _cell(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _sheet(book: Workbook, title: str, head: list[str], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = BOLD
    for row in rows:
        sheet.append([_cell(v) for v in row])
    sheet.freeze_panes = "A2"


def _population(row: CommuneRow) -> list[Any]:
    p = row.population
    if p is None:
        return [_("chưa có số dân"), None, None]
    source = f"{p.year}; {p.source}" + (f"; {_('số liệu minh họa')}" if p.is_demo else "")
    return [row.per_10k, p.residents, source]


def render_board_xlsx(board: Board) -> bytes:
    s = board.selection
    book = Workbook()
    book.remove(book.active)
    place = s.unit.name if s.unit else _("Toàn tỉnh")
    period = s.period.label if s.period else ""
    _sheet(
        book,
        _("Chỉ tiêu"),
        [
            _("Kỳ"),
            _("Phạm vi"),
            _("Chỉ tiêu"),
            _("Đơn vị tính"),
            _("Mục tiêu"),
            _("Thực hiện"),
            _("Tỷ lệ (%)"),
        ],
        [
            [period, place, ln.metric.name, ln.metric.unit_label, ln.target, ln.actual, ln.percent]
            for ln in board.lines
        ],
    )
    _sheet(
        book,
        _("Xu hướng"),
        [_("Chỉ tiêu"), _("Kỳ"), _("Mục tiêu"), _("Thực hiện")],
        [[t.metric.name, p.period.label, p.target, p.actual] for t in board.trends for p in t.points],
    )
    _sheet(
        book,
        _("Xếp hạng xã, phường"),
        [
            _("Hạng"),
            _("Xã, phường"),
            _("Tố giác trên 10.000 dân"),
            _("Số dân"),
            _("Năm, nguồn số dân"),
            *[str(c.label) for c in board.rank_columns],
        ],
        [[r.rank, r.commune.name, *_population(r), *r.values] for r in board.ranking],
    )
    _sheet(
        book,
        _("Điểm nóng"),
        [_("Loại"), _("Tên"), _("Kỳ trước"), _("Kỳ này"), _("Tăng")],
        [[_("Xã, phường"), h.name, h.before, h.now, h.change] for h in board.hot_communes]
        + [[_("Loại hành vi"), h.name, h.before, h.now, h.change] for h in board.hot_categories],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
