"""Anonymous means anonymous: after an anonymous submission by a signed-in citizen, nothing the platform
stored or logged holds the citizen's address or account (every table, every text column, the logs)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.apps import apps
from django.db import connection, models
from django.test import Client
from django.urls import reverse

from tests.reports.test_report_form import NEW, valid_post
from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.reports.models import Report, ReporterIdentity

pytestmark = pytest.mark.django_db
IP = "203.0.113.77"
USERNAME = "nguoidan-zq81x"


@pytest.fixture
def category_pk(units: None) -> int:
    from toandan.reports.models import ReportCategory

    return ReportCategory.objects.get(code="lua-dao").pk


def _model_hits(needle: str) -> set[str]:
    """Every row of every model (app registry) whose text columns hold `needle`."""
    hits = set()
    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.GenericIPAddressField)
        ]
        query = models.Q()
        for name in text_fields:
            query |= models.Q(**{f"{name}__icontains": needle})
        json_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]
        if text_fields:
            hits |= {
                f"{model._meta.label}:{pk}" for pk in model.objects.filter(query).values_list("pk", flat=True)
            }
        for field in json_fields:
            for pk, value in model.objects.values_list("pk", field.name):
                if needle in str(value):
                    hits.add(f"{model._meta.label}:{pk}:{field.name}")
    return hits


def _raw_hits(needle: str) -> set[str]:
    """Every row of every table, models or not (the cache table, the task tables), read raw."""
    hits = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the database
            for row in cursor.fetchall():
                if needle in repr(row):
                    hits.add(f"{table}:{row[0]}")
    return hits


def _sessions_hits(needle: str) -> set[str]:
    from django.contrib.sessions.models import Session

    return {s.pk for s in Session.objects.all() if needle in repr(s.get_decoded())}


def _everything(needle: str) -> set[str]:
    return _model_hits(needle) | _raw_hits(needle) | _sessions_hits(needle)


def test_anonymous_submission_leaves_no_address_or_account_anywhere(
    category_pk: int, caplog: pytest.LogCaptureFixture, settings: Any
) -> None:
    user = User.objects.create_user(username=USERNAME, password="x" * 12)
    client = Client(REMOTE_ADDR=IP)
    client.force_login(user)
    before = {needle: _everything(needle) for needle in (IP, USERNAME)}
    with caplog.at_level(logging.DEBUG):
        response = client.post(NEW, valid_post(category=category_pk, anonymous="1"))
        assert response.status_code == 302
        assert client.get(reverse("reports:done")).status_code == 200
    report = Report.objects.get()
    assert report.anonymous and report.submitter_id is None
    audit = AuditEvent.objects.get(action=AuditAction.CREATED, object_id=str(report.pk))
    assert audit.ip is None and audit.actor_id is None and audit.actor_label == ""
    for needle in (IP, USERNAME):
        new = _everything(needle) - before[needle]
        assert not new, f"{needle} stored by the anonymous submission in {sorted(new)}"
        assert needle not in caplog.text


def test_a_named_submission_audit_row_keeps_no_address(category_pk: int) -> None:
    """The audit row of any citizen's submission says what was created, never from where."""
    response = Client(REMOTE_ADDR=IP).post(NEW, valid_post(category=category_pk))
    assert response.status_code == 302
    audit = AuditEvent.objects.get(action=AuditAction.CREATED)
    assert audit.ip is None and audit.actor_id is None


def test_anonymous_api_submission_keeps_no_address(category_pk: int) -> None:
    from toandan.core import antiabuse

    challenge = antiabuse.new_challenge()
    body = {
        "category": "lua-dao",
        "description": "Một người lạ gọi điện xưng công an, đòi chuyển tiền để xác minh tài khoản.",
        "consent": True,
        "pow_challenge": challenge,
        "pow_nonce": antiabuse.solve(challenge),
    }
    before = _everything(IP)
    response = Client(REMOTE_ADDR=IP).post("/api/v1/reports", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert not _everything(IP) - before


RECEIPT_ADDRESS = "chi.nhan.bien.nhan.zq81x@example.vn"


@pytest.mark.django_db(transaction=True)
def test_an_anonymous_receipt_address_is_sent_once_by_the_worker_and_kept_nowhere(
    category_pk: int, caplog: pytest.LogCaptureFixture, tmp_path: Any
) -> None:
    """The e-mail goes through the real worker and Django's file mail backend; before it is sent the task row
    holds the address only encrypted, after it no table, log or task row holds it at all."""

    from django.conf import settings as django_settings
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from tests.test_worker import DB_TASKS, run_worker_batch

    client = Client(REMOTE_ADDR=IP)
    with caplog.at_level(logging.DEBUG), override_settings(TASKS=DB_TASKS):
        post = valid_post(category=category_pk, anonymous="1", receipt_email=RECEIPT_ADDRESS)
        response = client.post(NEW, post)
        assert response.status_code == 302
        assert client.get(reverse("reports:done")).status_code == 200
    report = Report.objects.get()
    row = DBTaskResult.objects.get(task_path="toandan.reports.tasks.send_anonymous_receipt")
    assert RECEIPT_ADDRESS not in repr(row.args_kwargs)  # queued, encrypted
    assert _everything(RECEIPT_ADDRESS) == set()

    done = run_worker_batch(tmp_path, REPORTER_IDENTITY_KEY=django_settings.REPORTER_IDENTITY_KEYS)
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL" and row.return_value == 1
    sent = list((tmp_path / "mail").glob("*.log"))
    assert len(sent) == 1
    message = sent[0].read_text()
    assert RECEIPT_ADDRESS in message and report.code in message  # the receipt did arrive…
    # …and nothing else holds the address: no table (the task row's arguments are blanked), no log.
    assert row.args_kwargs == {"args": [report.pk], "kwargs": {}}
    assert _everything(RECEIPT_ADDRESS) == set()
    assert RECEIPT_ADDRESS not in caplog.text
    assert RECEIPT_ADDRESS not in done.stdout + done.stderr
    assert not ReporterIdentity.objects.exists()


def _api_body(**extra: Any) -> dict[str, Any]:
    from toandan.core import antiabuse

    challenge = antiabuse.new_challenge()
    return {
        "category": "lua-dao",
        "description": "Một người lạ gọi điện xưng công an, đòi chuyển tiền để xác minh tài khoản.",
        "consent": True,
        "pow_challenge": challenge,
        "pow_nonce": antiabuse.solve(challenge),
        **extra,
    }


@pytest.mark.django_db(transaction=True)
def test_the_api_takes_an_anonymous_receipt_address_and_keeps_it_nowhere(category_pk: int) -> None:
    """As the form's path (sent once by the worker, then blanked: the test above): queued encrypted."""
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from tests.test_worker import DB_TASKS
    from toandan.core import crypto

    body = _api_body(anonymous=True, receipt_email=RECEIPT_ADDRESS)
    with override_settings(TASKS=DB_TASKS):
        response = Client(REMOTE_ADDR=IP).post("/api/v1/reports", body, content_type="application/json")
    assert response.status_code == 201, response.content
    row = DBTaskResult.objects.get(task_path="toandan.reports.tasks.send_anonymous_receipt")
    assert RECEIPT_ADDRESS not in repr(row.args_kwargs)
    assert crypto.decrypt(row.args_kwargs["args"][2]) == RECEIPT_ADDRESS
    assert _everything(RECEIPT_ADDRESS) == set()
    assert not ReporterIdentity.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"anonymous": True, "receipt_email": "khong-phai-dia-chi"}, "receipt_email"),
        ({"anonymous": False, "phone": "0905123456", "receipt_email": RECEIPT_ADDRESS}, "receipt_email"),
    ],
)
def test_the_api_refuses_a_bad_receipt_address(category_pk: int, extra: dict, message: str) -> None:
    from django.core import mail

    response = Client().post("/api/v1/reports", _api_body(**extra), content_type="application/json")
    assert response.status_code == 422 and message in response.json()["detail"]
    assert not Report.objects.exists() and not mail.outbox
