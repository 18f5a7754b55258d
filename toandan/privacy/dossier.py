"""The record of processing / impact-assessment dossier (hồ sơ đánh giá tác động xử lý dữ liệu cá nhân,
Decree 13/2023 Art. 24) as a .docx, written from the platform's actual inventory: every app's declared
kinds of personal data (fields, purpose, basis, who sees), the retention schedule in force and the figures of
requests, breaches and retention runs. Layout: Decree 30/2020 conventions (plans.output.decree30)."""

from __future__ import annotations

import io
from datetime import datetime

from django.apps import apps
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document

from toandan.plans.output.decree30 import (
    MOTTO,
    NATIONAL_TITLE,
    TITLE_PT,
    centred,
    date_line,
    paragraph,
    run,
    setup_page,
    setup_styles,
    table,
)
from toandan.privacy import registry, retention
from toandan.privacy.deadlines import BREACH_BASIS, REQUEST_BASIS
from toandan.privacy.models import Breach, RequestKind, RetentionRun, SubjectRequest

PROTECTIONS = [
    _(
        "Danh tính người tố giác, liên hệ của người khiếu nại, người tham gia sự kiện được mã hóa khi "
        "lưu (Fernet)."
    ),
    _(
        "Chỉ người có thẩm quyền theo đơn vị của hồ sơ được xem, sau thao tác có nêu mục đích; mỗi lần xem "
        "là một dòng nhật ký kiểm tra."
    ),
    _("Cán bộ đăng nhập có xác thực hai lớp; mỗi thao tác thay đổi trạng thái được ghi lịch sử và nhật ký."),
    _("Tố giác ẩn danh không lưu tài khoản, địa chỉ IP; giới hạn tần suất lưu dưới dạng mã băm."),
    _("Tệp tải lên được kiểm tra loại, xóa siêu dữ liệu; sao lưu được mã hóa, có kiểm tra khi phục hồi."),
    _("Dữ liệu hết thời hạn lưu giữ được ẩn danh hoặc xóa tự động mỗi ngày; mỗi lần chạy được ghi lại."),
]


def field_label(name: str) -> str:
    label, model_name, field = name.split(".")
    model = apps.get_model(label, model_name)
    verbose = model._meta.get_field(field)
    text = str(getattr(verbose, "verbose_name", field))
    return f"{model._meta.verbose_name}: {text} ({name})"


def _days(days: int | None) -> str:
    return _("không xóa tự động") if days is None else _("%(days)s ngày") % {"days": days}


def build(now: datetime | None = None, place: str = "Quảng Ngãi") -> bytes:
    now = now or timezone.localtime()
    doc = Document()
    setup_styles(doc)
    setup_page(doc.sections[0])
    run(centred(doc.add_paragraph()), NATIONAL_TITLE, TITLE_PT, bold=True)
    run(centred(doc.add_paragraph()), MOTTO, TITLE_PT + 1, bold=True)
    run(centred(doc.add_paragraph()), date_line(place, now.date()), italic=True)
    doc.add_paragraph()
    run(centred(doc.add_paragraph()), _("HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN"), bold=True)
    run(
        centred(doc.add_paragraph()),
        _("Nền tảng Toàn Dân – phong trào bảo vệ an ninh Tổ quốc trên không gian mạng"),
    )
    doc.add_paragraph()
    paragraph(
        doc,
        _(
            "Hồ sơ được lập tự động từ danh mục dữ liệu cá nhân mà từng phân hệ của nền tảng khai báo "
            "và từ lịch lưu giữ đang áp dụng (Nghị định 13/2023/NĐ-CP, Điều 24; Luật Bảo vệ dữ liệu cá "
            "nhân số 91/2025/QH15)."
        ),
    )
    kinds = registry.kinds()
    periods = retention.periods()

    paragraph(doc, _("1. Dữ liệu cá nhân được xử lý, mục đích và căn cứ"), bold=True)
    table(
        doc,
        [_("Loại dữ liệu"), _("Trường dữ liệu"), _("Chủ thể"), _("Mục đích"), _("Căn cứ"), _("Nhạy cảm")],
        [
            [
                str(k.label),
                "\n".join(field_label(f) for f in k.fields),
                str(k.subjects),
                str(k.purpose),
                str(k.legal_basis),
                _("Có") if k.sensitive else _("Không"),
            ]
            for k in kinds
        ],
    )
    paragraph(doc, _("2. Thời hạn lưu giữ và xử lý khi hết hạn"), bold=True)
    table(
        doc,
        [_("Loại dữ liệu"), _("Thời hạn"), _("Tính từ"), _("Khi hết hạn")],
        [[str(k.label), _days(periods[k.key]), str(k.counted_from), str(k.at_expiry)] for k in kinds],
    )
    paragraph(doc, _("3. Người được tiếp cận"), bold=True)
    table(doc, [_("Loại dữ liệu"), _("Người được xem")], [[str(k.label), str(k.who_sees)] for k in kinds])
    paragraph(doc, _("4. Biện pháp bảo vệ"), bold=True)
    for line in PROTECTIONS:
        paragraph(doc, f"- {line}")
    paragraph(doc, _("5. Chuyển dữ liệu ra nước ngoài"), bold=True)
    paragraph(doc, _("Không chuyển dữ liệu cá nhân ra nước ngoài; dữ liệu lưu trên máy chủ của cơ quan."))
    paragraph(doc, _("6. Quyền của chủ thể dữ liệu, sự cố và thực hiện lưu giữ"), bold=True)
    for kind, basis in REQUEST_BASIS.items():
        paragraph(doc, f"- {RequestKind(kind).label}: {basis}.")
    paragraph(doc, f"- {BREACH_BASIS}.")
    by_kind = dict(SubjectRequest.objects.values_list("kind").annotate(n=Count("id")))
    table(
        doc,
        [_("Nội dung"), _("Số lượng")],
        [[str(RequestKind(k).label), str(by_kind.get(k, 0))] for k in RequestKind.values]
        + [[_("Sự cố dữ liệu cá nhân đã ghi nhận"), str(Breach.objects.count())]]
        + [[_("Lần chạy xóa, ẩn danh theo lịch lưu giữ"), str(RetentionRun.objects.count())]],
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
