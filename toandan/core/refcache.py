"""Small per-process caches of reference data (categories, routing rules, deadline policies, communes).

Hot paths such as report intake read these on every request; they change rarely and only through the admin.
Entries expire after REFCACHE_SECONDS, and saving or deleting a watched model clears this process's copy at
once (other processes follow within the expiry).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")
_store: dict[str, tuple[float, Any]] = {}


def cached(name: str, loader: Callable[[], T]) -> T:
    now = time.monotonic()
    hit = _store.get(name)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = loader()
    _store[name] = (now + settings.REFCACHE_SECONDS, value)
    return value


def clear(*args: Any, **kwargs: Any) -> None:
    _store.clear()


def watch(*models: type) -> None:
    """Clear the cache whenever one of these models is saved or deleted in this process."""
    for model in models:
        post_save.connect(clear, sender=model, dispatch_uid=f"refcache-save-{model._meta.label}")
        post_delete.connect(clear, sender=model, dispatch_uid=f"refcache-delete-{model._meta.label}")
