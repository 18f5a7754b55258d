"""A receipt that is not lost (issue 15): the browser that sent the report sees its code and key again on a
reload for half an hour, as a PNG to save and prefilled in the follow-up form; an anonymous reporter may have
it e-mailed once."""

from __future__ import annotations

import io
import time
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.reports.test_report_form import NEW, valid_post
from toandan.reports import receipt
from toandan.reports.models import Report, ReporterIdentity

pytestmark = pytest.mark.django_db
DONE = "/to-giac/da-gui/"


@pytest.fixture
def category_pk(units: None) -> int:
    from toandan.reports.models import ReportCategory

    return ReportCategory.objects.get(code="lua-dao").pk


def _submit(client: Client, category_pk: int, **overrides: Any) -> Any:
    response = client.post(NEW, valid_post(category=category_pk, **overrides))
    assert response.status_code == 302 and response["Location"] == DONE, response.content.decode()[:3000]
    return response


def test_reloading_the_receipt_keeps_the_code_and_key(category_pk: int) -> None:
    client = Client()
    _submit(client, category_pk, anonymous="1")
    report = Report.objects.get()
    pages = [client.get(DONE) for _ in range(3)]
    for page in pages:
        assert page.status_code == 200 and report.code in page.content.decode()
        assert "no-store" in page["Cache-Control"]
    kept = receipt.unseal(client.cookies[receipt.COOKIE].value)
    assert kept is not None and kept.code == report.code
    # Nothing on the server: no session row holds the code (it would link an account to an anonymous code).
    assert not any(report.code in repr(s.get_decoded()) for s in Session.objects.all())
    cookie = client.cookies[receipt.COOKIE]
    assert cookie["httponly"] and cookie["max-age"] == receipt.RECEIPT_SECONDS and cookie["path"] == "/"


def test_an_old_or_forged_receipt_is_not_shown(category_pk: int) -> None:
    client = Client()
    old = receipt._fernet().encrypt_at_time(
        b'{"c": "AAAA-BBBB-C", "k": "secret", "e": false}', int(time.time()) - receipt.RECEIPT_SECONDS - 5
    )
    client.cookies[receipt.COOKIE] = old.decode()
    response = client.get(DONE)
    assert response.status_code == 302 and response["Location"] == reverse("reports:follow")
    client.cookies[receipt.COOKIE] = "not-a-receipt"
    assert client.get(DONE).status_code == 302


def test_the_receipt_as_a_picture(category_pk: int) -> None:
    client = Client()
    _submit(client, category_pk)
    response = client.get(reverse("reports:done_image"))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    code = Report.objects.get().code
    assert response["Content-Disposition"] == f'attachment; filename="to-giac-{code}.png"'
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (720, 560)
    assert Client().get(reverse("reports:done_image")).status_code == 302  # another browser: nothing


def test_the_follow_up_form_has_the_code(category_pk: int) -> None:
    client = Client()
    _submit(client, category_pk)
    code = Report.objects.get().code
    page = client.get(reverse("reports:follow")).content.decode()
    assert f'value="{code}"' in page
    # The receipt page's own form opens the case directly.
    done = client.get(DONE).content.decode()
    assert f'action="{reverse("reports:follow")}"' in done
    kept = receipt.unseal(client.cookies[receipt.COOKIE].value)
    assert kept is not None
    status = client.post(reverse("reports:follow"), {"code": kept.code, "key": kept.key})
    assert status.status_code == 200 and code in status.content.decode()


def test_a_shared_phone_can_forget_the_receipt(category_pk: int) -> None:
    client = Client()
    _submit(client, category_pk)
    response = client.post(reverse("reports:done_forget"))
    assert response.status_code == 302
    assert client.get(DONE).status_code == 302
    assert client.get(reverse("reports:done_forget")).status_code == 405


def test_an_anonymous_reporter_gets_the_receipt_by_email_once(
    category_pk: int, django_capture_on_commit_callbacks: Any
) -> None:
    address = "nhan.bien.nhan@example.vn"
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        _submit(client, category_pk, anonymous="1", receipt_email=address)
    report = Report.objects.get()
    assert report.anonymous and not ReporterIdentity.objects.exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [address]
    kept = receipt.unseal(client.cookies[receipt.COOKIE].value)
    assert kept is not None and kept.emailed
    assert report.code in mail.outbox[0].body and kept.key in mail.outbox[0].body
    assert "đã được gửi tới thư điện tử" in client.get(DONE).content.decode()


def test_the_receipt_address_is_checked_and_only_for_anonymous_reports(category_pk: int) -> None:
    bad = Client().post(
        NEW, valid_post(category=category_pk, anonymous="1", receipt_email="khong-phai-email")
    )
    assert bad.status_code == 400 and "Địa chỉ thư điện tử không hợp lệ" in bad.content.decode()
    named = Client().post(NEW, valid_post(category=category_pk, receipt_email="khac@example.vn"))
    assert named.status_code == 400 and "chỉ dùng khi gửi ẩn danh" in named.content.decode()
    assert not Report.objects.exists() and not mail.outbox
