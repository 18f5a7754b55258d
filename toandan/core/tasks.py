"""Background work shared by every app. Enqueue with transaction.on_commit so nothing runs for a rollback."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django_tasks import task


@task()
def send_email(to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail through Django's configured mail backend."""
    return send_mail(subject, body, None, to)


def queue_email(to: list[str], subject: str, body: str) -> None:
    transaction.on_commit(lambda: send_email.enqueue(to, subject, body))
