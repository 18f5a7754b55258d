"""E-mails to reporters, sent by the worker. Arguments are ids only: the address is decrypted here, so the
task queue never holds a reporter's personal data. The one exception, an anonymous reporter's address for
the receipt, is encrypted in the task row and blanked there by the task itself once it has run."""

from __future__ import annotations

import logging
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, send_mail
from django.core.mail.utils import DNS_NAME
from django.utils.translation import gettext as _
from django_tasks import TaskContext, task

from toandan.core import crypto
from toandan.core.effects import once
from toandan.core.tasks import forget_arguments
from toandan.reports import repeats
from toandan.reports.models import Report


def _address(report: Report) -> str:
    identity = getattr(report, "identity", None)
    return crypto.decrypt(identity.email) if identity is not None else ""


logger = logging.getLogger(__name__)


def _send_receipt_to(report: Report, key: str, address: str) -> int:
    body = _(
        "Tố giác của bạn đã được tiếp nhận.\n\nMã tra cứu: %(code)s\nMã bí mật: %(key)s\n\n"
        "Dùng hai mã này tại mục “Theo dõi tố giác” để xem kết quả và bổ sung thông tin. "
        "Không chia sẻ mã bí mật."
    ) % {"code": report.code, "key": key}
    message = EmailMessage(
        _("Xác nhận tiếp nhận tố giác %(code)s") % {"code": report.code},
        body,
        to=[address],
        headers={"Message-ID": receipt_message_id(report)},
    )
    # A re-run (claim recovered after a worker was killed) must not send the receipt twice. At least once,
    # not exactly once: a worker killed between the mail server's acceptance and this commit sends it again on
    # the re-run, with the same Message-ID (docs/resilience.md, "Known window").
    with once(f"reports.receipt:{report.pk}") as first:
        if not first:
            return 0
        return message.send()


def receipt_message_id(report: Report) -> str:
    """The receipt's Message-ID, the same on every run: mail systems that drop a message they already
    delivered (by its Message-ID) show a re-sent receipt once."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or str(DNS_NAME)
    return f"<receipt.{report.code}@{domain}>"


@task()
def send_receipt(report_id: int, encrypted_key: str) -> int:
    report = Report.objects.select_related("identity").get(pk=report_id)
    address = _address(report)
    if not address:
        return 0
    return _send_receipt_to(report, crypto.decrypt(encrypted_key), address)


@task(takes_context=True)
def send_anonymous_receipt(
    context: TaskContext, report_id: int, encrypted_key: str, encrypted_address: str
) -> int:
    """Send an anonymous reporter's receipt once, then keep nothing: the task row's arguments are blanked
    whatever happens, and a failure is logged without the address (a mail server's refusal names it)."""
    try:
        report = Report.objects.get(pk=report_id)
        return _send_receipt_to(report, crypto.decrypt(encrypted_key), crypto.decrypt(encrypted_address))
    except Exception as exc:  # noqa: BLE001 - its message may hold the address: log the type, send nothing
        logger.warning("anonymous receipt for report %s not sent: %s", report_id, type(exc).__name__)
        return 0
    finally:
        forget_arguments(context.task_result.id, report_id)


@task()
def notify_reporter(report_id: int) -> int:
    report = Report.objects.select_related("identity").get(pk=report_id)
    address = _address(report)
    if not address:
        return 0
    body = _(
        "Tố giác %(code)s có thông tin mới từ cơ quan xử lý. Vui lòng xem tại mục “Theo dõi tố giác” "
        "bằng mã tra cứu và mã bí mật của bạn."
    ) % {"code": report.code}
    return send_mail(_("Cập nhật tố giác %(code)s") % {"code": report.code}, body, None, [address])


@task()
def remove_orphan_evidence(min_age_seconds: int = 3600) -> int:
    """Delete evidence files no report refers to: left by a process killed between writing a file and
    committing its report (a rolled-back submission already deletes its own files)."""
    import time
    from pathlib import Path

    from django.conf import settings

    from toandan.reports.models import Evidence

    root = Path(settings.MEDIA_ROOT) / "evidence"
    if not root.exists():
        return 0
    known = set(Evidence.objects.values_list("file", flat=True))
    removed = 0
    cutoff = time.time() - min_age_seconds
    for path in root.rglob("*"):
        name = path.relative_to(settings.MEDIA_ROOT).as_posix()
        if path.is_file() and name not in known and path.stat().st_mtime < cutoff:
            path.unlink()
            removed += 1
    return removed


@task()
def find_repeats() -> int:
    """Periodic: mark the reports that repeat an incident already reported (reports.repeats); returns how many
    reports were compared."""
    return repeats.sweep()
