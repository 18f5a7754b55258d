"""The personal data of awareness (read by the privacy app; shapes in core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import staff_trail

KINDS = [staff_trail("awareness", ("awareness.ContentVersion.author", "awareness.ContentEvent.actor"))]

NOT_PERSONAL = {
    "awareness.Category.name": _("tên chuyên mục"),
    "awareness.Tag.name": _("tên thẻ"),
    "awareness.ContentItem.short_name": _("tên ngắn của bài viết"),
}
