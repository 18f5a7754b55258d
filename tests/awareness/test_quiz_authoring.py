"""Writing quizzes without the admin site: an editor of a unit creates a bank and its questions (bad
answers are explained and nothing is stored), only a reviewer makes it public, another unit cannot see it,
and a citizen then takes it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from toandan.awareness.models import Choice, Question, QuizBank
from toandan.core.models import AuditEvent
from toandan.orgs.models import Unit
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db

BASE = "/can-bo/tuyen-truyen/trac-nghiem/"


def new_bank(client: Client, unit: Unit) -> QuizBank:
    response = client.post(
        BASE + "moi/", {"title": "Nhận biết lừa đảo qua tin nhắn", "topic": "Lừa đảo", "unit": unit.pk}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return QuizBank.objects.get()


def question(**extra: str) -> dict[str, str]:
    data = {
        "kind": "single",
        "text": "Có người gọi xưng công an, yêu cầu chuyển tiền để “xác minh”. Bạn làm gì?",
        "answers": "Chuyển ngay\n* Cúp máy, gọi 113 hoặc công an xã\nĐọc mã OTP",
        "explanation": "Công an không bao giờ yêu cầu chuyển tiền qua điện thoại.",
        "difficulty": "1",
        "topic": "Giả danh công an",
    }
    data.update(extra)
    return data


def test_editor_writes_reviewer_publishes_citizen_takes(editor: Any, reviewer: Any) -> None:
    unit = editor.memberships.get().unit
    client = staff_client(editor)
    bank = new_bank(client, unit)
    assert bank.unit == unit and not bank.is_published and bank.slug == "nhan-biet-lua-dao-qua-tin-nhan"
    response = client.post(f"{BASE}{bank.pk}/", question())
    assert response.status_code == 302 and response["Location"].endswith("#cau-hoi")
    q = Question.objects.get()
    assert [(c.text, c.is_correct) for c in q.choices.all()] == [
        ("Chuyển ngay", False),
        ("Cúp máy, gọi 113 hoặc công an xã", True),
        ("Đọc mã OTP", False),
    ]
    # An editor cannot publish; the public page does not exist yet.
    assert client.post(f"{BASE}{bank.pk}/cong-khai/", {"publish": "1"}).status_code == 403
    assert Client().get(bank.get_absolute_url()).status_code == 404
    leader = staff_client(reviewer)
    assert leader.post(f"{BASE}{bank.pk}/cong-khai/", {"publish": "1"}).status_code == 302
    bank.refresh_from_db()
    assert bank.is_published
    page = Client().get(bank.get_absolute_url()).content.decode()
    assert "Cúp máy, gọi 113 hoặc công an xã" in page
    audited = AuditEvent.objects.filter(object_type__startswith="awareness.").order_by("id")
    actions = list(audited.values_list("action", "object_type"))
    assert actions == [
        ("state.created", "awareness.quizbank"),
        ("state.created", "awareness.question"),
        ("state.changed", "awareness.quizbank"),
    ]
    # A published bank keeps at least one question.
    client.post(f"{BASE}{bank.pk}/cau-hoi/{q.pk}/xoa/")
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"answers": "Chuyển ngay\nCúp máy"}, "cần đúng một đáp án đúng"),
        ({"answers": "* Chỉ một"}, "Cần từ 2 đến 8 đáp án"),
        ({"kind": "true_false", "answers": "* Đúng\nSai\nKhông biết"}, "có đúng hai đáp án"),
        ({"kind": "scam_message", "answers": "* Lừa đảo\nKhông", "message": ""}, "cần nội dung tin nhắn mẫu"),
        ({"kind": "multiple", "answers": "A\nB"}, "ít nhất một đáp án đúng"),
        ({"answers": "A\n*   \nB"}, "phải có nội dung sau dấu *"),
        ({"text": ""}, "Trường này là bắt buộc"),
    ],
)
def test_bad_questions_are_explained_and_nothing_is_stored(editor: Any, extra: dict, message: str) -> None:
    client = staff_client(editor)
    bank = new_bank(client, editor.memberships.get().unit)
    response = client.post(f"{BASE}{bank.pk}/", question(**extra))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Question.objects.exists() and not Choice.objects.exists()


def test_another_units_bank_is_not_found(editor: Any, commune_b_officer: Any) -> None:
    bank = new_bank(staff_client(editor), editor.memberships.get().unit)
    other = staff_client(commune_b_officer)
    assert other.get(f"{BASE}{bank.pk}/").status_code == 404
    assert other.post(f"{BASE}{bank.pk}/", question()).status_code == 404
    assert "Nhận biết lừa đảo" not in other.get(BASE).content.decode()
    # Nor can a bank be made for a unit the officer does not belong to.
    response = other.post(BASE + "moi/", {"title": "X", "unit": bank.unit_id})
    assert response.status_code == 400 and QuizBank.objects.count() == 1
