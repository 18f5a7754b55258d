"""Write audit rows. Every service that changes state or reveals protected data calls `record`."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from toandan.core.models import AuditAction, AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return getattr(request, "client_ip", None) or request.META.get("REMOTE_ADDR") or None


def record(action: AuditAction | str, **kwargs: Any) -> AuditEvent:
    """Append one audit row (arguments as for `new_event`); the actor defaults to the request's user."""
    event = new_event(action, **kwargs)
    event.save(force_insert=True)
    return event


def record_change(target: models.Model, summary: str, **kwargs: Any) -> AuditEvent:
    """Append the audit row of a state change of `target` (other arguments as for `new_event`)."""
    return record(AuditAction.STATE_CHANGED, target=target, summary=summary, **kwargs)


def new_event(
    action: AuditAction | str,
    *,
    actor: Any = None,
    request: HttpRequest | None = None,
    target: models.Model | None = None,
    unit: Any = None,
    summary: str = "",
    **data: Any,
) -> AuditEvent:
    """The audit row `record` would append, unsaved (for a caller that writes it in its own statement; a
    `target` not saved yet leaves `object_id` for that caller to fill)."""
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            actor = user
    return AuditEvent(
        action=str(action),
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        actor_label=(actor.get_username() if actor is not None and hasattr(actor, "get_username") else "")[
            :150
        ],
        unit=unit,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None and target.pk is not None else "",
        summary=summary[:300],
        ip=client_ip(request),
        data=data,
    )
