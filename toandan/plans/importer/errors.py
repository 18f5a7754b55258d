"""The one exception the importer raises, with a stable code and a Vietnamese message for the officer."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext

__all__ = ["MESSAGES", "PlanImportError"]


def gettext_noop(message: str) -> str:
    """Mark a message for makemessages (which matches the name) without touching settings at import time."""
    return message


# Translated when raised, so the active language of the request applies.
MESSAGES: dict[str, str] = {
    "empty": gettext_noop("Tài liệu trống: không có nội dung để nhập."),
    "too_large": gettext_noop("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB."),
    "unknown_encoding": gettext_noop(
        "Không nhận ra bảng mã của tệp văn bản. Hãy lưu lại tệp dưới dạng UTF-8 hoặc tải lên bản .docx."
    ),
    "unsupported_format": gettext_noop(
        "Định dạng tệp không được hỗ trợ (%(kind)s). Hãy tải lên tệp .docx, .txt hoặc PDF có lớp chữ."
    ),
    "corrupt_document": gettext_noop("Không đọc được tệp Word: tệp bị hỏng hoặc không đúng định dạng .docx."),
    "corrupt_pdf": gettext_noop("Không đọc được tệp PDF: tệp bị hỏng hoặc được đặt mật khẩu."),
    "no_text": gettext_noop(
        "Tài liệu không có lớp chữ (có thể là bản scan hoặc ảnh chụp). Hãy tải lên bản .docx hoặc PDF có chữ."
    ),
    "no_converter": gettext_noop(
        "Tệp Word 97-2003 (.doc) cần được chuyển đổi nhưng máy chủ chưa cài antiword hoặc LibreOffice. "
        "Hãy mở tệp trong Word và lưu lại dưới dạng .docx rồi tải lên."
    ),
    "corrupt_doc": gettext_noop(
        "Không đọc được tệp Word 97-2003 (.doc): tệp bị hỏng hoặc được đặt mật khẩu."
    ),
    "not_a_plan": gettext_noop("Tài liệu không phải là kế hoạch: không tìm thấy tiêu đề “KẾ HOẠCH”."),
    "no_tasks": gettext_noop(
        "Không tìm thấy nhiệm vụ nào trong kế hoạch (các mục đánh số, bảng nhiệm vụ hoặc phân công đơn vị)."
    ),
}


def _translate(message: str) -> str:
    # The importer also runs outside Django (CLI dry runs, plain pytest): fall back to the Vietnamese source.
    try:
        return gettext(message)
    except ImproperlyConfigured:
        return message


class PlanImportError(Exception):
    """A plan document could not be imported; `code` is stable for callers, `message` is for people."""

    def __init__(self, code: str, message: str | None = None, **params: object) -> None:
        template = message if message is not None else MESSAGES.get(code, code)
        text = _translate(template)
        if params:
            text = text % params
        super().__init__(text)
        self.code = code
        self.message = text
        self.params = params

    def __str__(self) -> str:
        return self.message
