"""Small real tasks used by the test suite to exercise the scheduling machinery."""

from django.core.mail import send_mail
from django_tasks import task


@task()
def ping_task() -> int:
    return send_mail("ping", "periodic task ran", None, ["ops@example.vn"])
