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


@task()
def prune_task_results(days: int = 7, failed_days: int = 30) -> int:
    """Delete the results of tasks that finished more than `days` ago (failed ones after `failed_days`): the
    periodic tasks alone leave thousands a day. Returns how many were deleted."""
    from io import StringIO

    from django.core.management import call_command
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return 0  # results are kept only by the database backend
    before = DBTaskResult.objects.count()
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=days,
        failed_min_age_days=failed_days,
        verbosity=0,
        stdout=StringIO(),
    )
    return before - DBTaskResult.objects.count()


@task()
def purge_expired_cache() -> int:
    """Delete expired rows of the database caches: Django removes them only when a table is full, so a
    rate-limit counter (keyed by a keyed hash of an address) would otherwise outlive its window for good."""
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache
    from django.db import connections, router
    from django.utils import timezone

    removed = 0
    for alias in settings.CACHES:
        backend = caches[alias]
        if not isinstance(backend, DatabaseCache):
            continue
        db = router.db_for_write(backend.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(backend._table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE expires < %s",  # noqa: S608 - the table name comes from settings
                [connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))],
            )
            removed += cursor.rowcount
    return removed


def forget_arguments(task_result_id: str, *kept: object) -> int:
    """Blank the stored arguments of a running task, keeping only ``kept`` (e.g. an id): for a task whose
    arguments must not outlive it (an anonymous reporter's e-mail address). The worker saves the result with
    ``update_fields`` that leave the arguments alone, so the blank stays. Returns the rows changed (0 with a
    backend that keeps no rows)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(id=task_result_id).update(
        args_kwargs={"args": list(kept), "kwargs": {}}
    )
