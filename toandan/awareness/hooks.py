"""What awareness plugs into the apps below it at start-up, so that none of them imports awareness:
an approved wave warning draft (triage) becomes a warning draft here, and the public check (indicators)
links to the published warnings about what it answered."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from toandan.indicators import hooks as check_hooks

MAX_RELATED = 5


def on_draft_event(sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """A WarningDraftEvent row approving a draft: same transaction as the approval."""
    from toandan.triage.models import WarningStatus

    if raw or not created or instance.to_status != WarningStatus.APPROVED:
        return
    from toandan.awareness.waves import warning_from_draft

    warning_from_draft(instance.draft, actor=instance.actor)


def related_warnings(outcome: Any) -> list[check_hooks.RelatedLink]:
    """Published warnings naming an indicator the check answered about, or about the same kind of scam."""
    from toandan.awareness.models import ContentItem, Kind

    results = list(getattr(outcome, "results", []) or [])
    values = {r.value for r in results if r.value}
    categories = {r.category for r in results if getattr(r, "category", "")}
    if not values and not categories:
        return []
    match = Q(pk__in=[])
    for value in values:
        match |= Q(indicators__icontains=value)
    if categories:
        match |= Q(scam_category__name__in=categories)
    items = (
        ContentItem.objects.live()
        .filter(kind=Kind.WARNING)
        .filter(match)
        .only("title", "slug", "published_at", "indicators")
        .order_by("-published_at")[:MAX_RELATED]
    )
    links = []
    for item in items:
        named = any(v in item.indicators.lower() for v in values)
        note = _("nhắc đến dấu hiệu bạn vừa tra") if named else _("cùng loại lừa đảo")
        links.append(check_hooks.RelatedLink(title=item.title, url=item.get_absolute_url(), note=note))
    return links


def connect() -> None:
    from toandan.triage.models import WarningDraftEvent

    post_save.connect(on_draft_event, sender=WarningDraftEvent, dispatch_uid="awareness-wave-warning")
    check_hooks.register_related(related_warnings)
