"""State changes of public content: save a version, move through the workflow, attach images, turn an
approved wave warning into a warning draft, publish what is due. Each is one transaction with history rows
and an audit row; follow-up work (the read-aloud audio) is enqueued on commit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from toandan.awareness import files, permissions
from toandan.awareness.folding import fold
from toandan.awareness.models import ContentEvent, ContentImage, ContentItem, ContentVersion, Kind, Status
from toandan.awareness.rendering import plain_text
from toandan.core.audit import record
from toandan.core.models import AuditAction

TEXT_FIELDS = ("title", "summary", "body")
EXTRA_FIELDS = {
    Kind.ARTICLE: (),
    Kind.FAQ: (),
    Kind.WARNING: ("masked_example", "targets", "what_to_do", "indicators", "scam_category"),
    Kind.LEGAL: ("legal_type", "doc_number", "short_name", "issued_on"),
}
EDITABLE = {Status.DRAFT, Status.REVIEW}

# (from, to) → who may: "write" (editors of the unit) or "review" (reviewers).
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.DRAFT, Status.REVIEW): "write",
    (Status.REVIEW, Status.DRAFT): "write",
    (Status.REVIEW, Status.PUBLISHED): "review",
    (Status.REVIEW, Status.SCHEDULED): "review",
    (Status.SCHEDULED, Status.PUBLISHED): "review",
    (Status.SCHEDULED, Status.DRAFT): "review",
    (Status.PUBLISHED, Status.DRAFT): "review",
    (Status.PUBLISHED, Status.ARCHIVED): "review",
    (Status.ARCHIVED, Status.DRAFT): "review",
}


def _unique_slug(title: str, exclude: int | None = None) -> str:
    base = slugify(fold(title))[:100] or "noi-dung"
    slug, n = base, 1
    while ContentItem.objects.filter(slug=slug).exclude(pk=exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _extra(item: ContentItem) -> dict[str, Any]:
    values = {}
    for name in EXTRA_FIELDS[Kind(item.kind)]:
        value = getattr(item, name)
        values[name] = (
            value.isoformat()
            if hasattr(value, "isoformat")
            else (str(value) if value is not None and not isinstance(value, str) else value)
        )
    return values


def searchable_text(item: ContentItem) -> str:
    parts = [item.summary, plain_text(item.body), item.masked_example, item.targets, item.what_to_do]
    parts += [item.indicators, item.doc_number, item.short_name]
    return " ".join(p for p in parts if p)


def _refresh_search(item: ContentItem) -> None:
    item.title_folded = fold(item.title)[:200]
    item.text_folded = fold(searchable_text(item))


def _new_version(item: ContentItem, actor: Any, note: str) -> ContentVersion:
    item.version += 1
    return ContentVersion.objects.create(
        item=item,
        number=item.version,
        title=item.title,
        summary=item.summary,
        body=item.body,
        extra=_extra(item),
        author=actor if getattr(actor, "pk", None) else None,
        note=note[:300],
    )


@transaction.atomic
def save_version(
    item: ContentItem,
    data: dict[str, Any],
    *,
    actor: Any,
    tags: Iterable[Any] | None = None,
    audiences: Iterable[Any] | None = None,
    communes: Iterable[Any] | None = None,
    note: str = "",
    request: Any = None,
    check: bool = True,
) -> ContentItem:
    """Create an item (unsaved `item`) or save a new version of one being written (draft or in review)."""
    creating = item.pk is None
    if not creating:
        item = ContentItem.objects.select_for_update().get(pk=item.pk)
        if item.status not in EDITABLE:
            raise ValidationError(
                _("Chỉ sửa được bản nháp hoặc bản đang chờ duyệt; hãy đưa về bản nháp trước.")
            )
    if check and not permissions.can_write(actor, item):
        raise PermissionDenied
    for name, value in data.items():
        setattr(item, name, value)
    if not item.slug:  # made once from the first title: links shared on Zalo keep working after edits
        item.slug = _unique_slug(item.title, exclude=item.pk)
    item.updated_at = timezone.now()
    _refresh_search(item)
    item.save()
    if tags is not None:
        item.tags.set(tags)
    if audiences is not None:
        item.audiences.set(audiences)
    if communes is not None:
        item.communes.set(communes)
    version = _new_version(item, actor, note)
    item.save(update_fields=["version"])
    if creating:
        ContentEvent.objects.create(
            item=item, actor=version.author, to_status=item.status, version=item.version, note=note[:300]
        )
    record(
        AuditAction.CREATED if creating else AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=item,
        unit=item.unit,
        summary=f"content {item.pk} v{item.version} saved",
    )
    return item


@transaction.atomic
def transition(
    item: ContentItem,
    to: str,
    *,
    actor: Any,
    note: str = "",
    publish_at: datetime | None = None,
    request: Any = None,
    check: bool = True,
) -> ContentItem:
    """Move an item one step through the workflow; publishing with a future time schedules it."""
    item = ContentItem.objects.select_for_update().select_related("unit").get(pk=item.pk)
    now = timezone.now()
    if to == Status.PUBLISHED and publish_at is not None and publish_at > now:
        to = Status.SCHEDULED
    need = TRANSITIONS.get((item.status, to))
    if need is None:
        raise ValidationError(
            _("Không thể chuyển từ “%(old)s” sang “%(new)s”.")
            % {"old": Status(item.status).label, "new": Status(to).label}
        )
    if check:
        allowed = permissions.can_review if need == "review" else permissions.can_write
        if not (allowed(actor, item) or (need == "write" and permissions.can_review(actor, item))):
            raise PermissionDenied
    if to in (Status.PUBLISHED, Status.SCHEDULED) and not item.body.strip() and item.kind != Kind.WARNING:
        raise ValidationError(_("Nội dung đang trống, chưa thể đăng."))
    old = item.status
    item.status = to
    fields = ["status", "updated_at"]
    if to == Status.SCHEDULED:
        item.publish_at = item.published_at = publish_at
        fields += ["publish_at", "published_at"]
    elif to == Status.PUBLISHED:
        item.published_at = now if old != Status.SCHEDULED else (item.publish_at or now)
        fields += ["published_at"]
    item.updated_at = now
    item.save(update_fields=fields)
    ContentEvent.objects.create(
        item=item,
        actor=actor if getattr(actor, "pk", None) else None,
        from_status=old,
        to_status=to,
        version=item.version,
        note=note[:300],
    )
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=item,
        unit=item.unit,
        summary=f"content {item.pk}: {old} → {to}",
    )
    transaction.on_commit(lambda: cache.delete("awareness:legal-names"))
    if to in (Status.PUBLISHED, Status.SCHEDULED):
        from toandan.awareness import audio

        audio.request_audio(item.pk)
    return item


def publish_due(now: datetime | None = None) -> int:
    """Flip the scheduled items whose time has come to published (history row each); returns how many."""
    now = now or timezone.now()
    due = ContentItem.objects.filter(status=Status.SCHEDULED, publish_at__lte=now).values_list(
        "pk", flat=True
    )
    count = 0
    for pk in list(due):
        transition(ContentItem(pk=pk), Status.PUBLISHED, actor=None, note="hẹn giờ", check=False)
        count += 1
    return count


@transaction.atomic
def add_image(
    item: ContentItem, data: bytes, name: str, *, alt: str, caption: str = "", actor: Any, request: Any = None
) -> ContentImage:
    """Attach an image, re-encoded without metadata; the alternative text is required."""
    if not permissions.can_write(actor, item):
        raise PermissionDenied
    if not alt.strip():
        raise ValidationError(_("Hãy mô tả nội dung ảnh cho người khiếm thị."))
    clean = files.clean_image(data, name)
    image = ContentImage(
        item=item,
        alt=alt.strip()[:300],
        caption=caption.strip()[:300],
        content_type=clean.content_type,
        size=len(clean.data),
        sha256=clean.sha256,
    )
    files.store(image, clean)
    image.save()
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=image,
        unit=item.unit,
        summary=f"content {item.pk}: image {image.pk}",
    )
    return image
