"""The consent text shown on the report form. Changing the text means a new version: records keep both."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from toandan.core import refcache

CONSENT_VERSION = "2026-11-v1"


def consent_text() -> str:
    return _(
        "Tôi đồng ý để cơ quan công an xử lý các thông tin cá nhân tôi cung cấp trong tố giác này "
        "(họ tên, số điện thoại, thư điện tử, số định danh, nội dung và tệp kèm theo) nhằm tiếp nhận, "
        "xác minh và giải quyết tố giác theo Bộ luật Tố tụng hình sự, Luật Tố cáo và Luật Bảo vệ dữ liệu "
        "cá nhân. Danh tính người tố giác được giữ bí mật; tôi có quyền yêu cầu xem, sửa thông tin của mình "
        "trong giới hạn pháp luật cho phép."
    )


def shown_consent() -> object:
    """The stored ConsentText row for the version and language shown to this person (created once).

    Call it outside a transaction: the row it may create is cached for every thread of the process."""
    from toandan.reports.models import ConsentText

    language = get_language() or "vi"

    def load() -> ConsentText:
        row, _created = ConsentText.objects.get_or_create(
            version=CONSENT_VERSION, language=language, defaults={"text": consent_text()}
        )
        return row

    return refcache.cached(f"consent:{CONSENT_VERSION}:{language}", load)
