"""Effects that must happen once even when their task runs again (a worker killed after sending, a claim
recovered): the effect runs inside the transaction that records its marker row.

    with once(f"receipt:{report.pk}") as first:
        if first:
            send_mail(...)

A second run finds the marker and skips; a run that fails before committing leaves no marker, so the effect
happens on the next run. The one window left is a process killed between the mail server's acceptance and
the commit (milliseconds): then the e-mail is sent again, never lost.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def once(key: str) -> Iterator[bool]:
    from toandan.core.models import EffectDone

    with transaction.atomic():
        # A concurrent run with the same key waits on the unique index, then finds the marker.
        _, created = EffectDone.objects.get_or_create(key=key)
        yield created
