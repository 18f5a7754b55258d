"""Before/after tests, learning gain by event, topic and audience, the feedback survey, and certificates
(PDF with embedded Vietnamese fonts and a QR code to the public check page)."""

from __future__ import annotations

import io
from typing import Any

import pytest
import zxingcpp
from django.test import Client
from event_helpers import person
from PIL import Image
from pypdf import PdfReader

from toandan.events import links
from toandan.events.learning import gains_by
from toandan.events.models import Certificate, Event, Feedback
from toandan.events.models import TestAttempt as Attempt
from toandan.events.registration import Person, check_in, register
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def answer(client: Client, token: str, phase: str, right: int) -> Any:
    event_questions = list(Event.objects.get().questions.order_by("order"))
    data = {}
    for n, q in enumerate(event_questions):
        data[f"q{q.pk}"] = str(q.correct if n < right else 1 - q.correct)
    return client.post(f"/su-kien/ve/{token}/kiem-tra/{phase}/", data)


def test_before_after_gain_feedback_certificate(quiz_event: Event, commune_a_officer: Any) -> None:
    p = register(quiz_event, Person("Hồ Thị Ánh Tuyết", phone="0912000777"))
    token = links.ticket_token(p.pk)
    client = Client()
    assert answer(client, token, "after", 2).status_code == 400  # not checked in yet
    assert answer(client, token, "before", 0).status_code == 302
    assert answer(client, token, "before", 2).status_code == 400  # once only
    check_in(quiz_event, pk=p.pk, actor=commune_a_officer)
    assert client.get(f"/su-kien/ve/{token}/chung-nhan.pdf").status_code == 400  # no after-test yet
    assert answer(client, token, "after", 2).status_code == 302
    assert [(a.phase, a.score) for a in Attempt.objects.order_by("phase")] == [
        ("after", 2),
        ("before", 0),
    ]

    response = client.post(
        f"/su-kien/ve/{token}/gop-y/", {"rating": "5", "will_share": "on", "comment": "Bổ ích"}
    )
    assert response.status_code == 302 and Feedback.objects.get().rating == 5

    pdf = client.get(f"/su-kien/ve/{token}/chung-nhan.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = reader.pages[0].extract_text()
    assert "Hồ Thị Ánh Tuyết" in text and "GIẤY CHỨNG NHẬN" in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    used = [f.get_object() for f in fonts.values()]
    assert all("DejaVuSans" in f["/BaseFont"] for f in used), [f["/BaseFont"] for f in used]
    descriptors = [  # a Type0 (composite) font keeps its descriptor in its descendant font
        (f["/DescendantFonts"][0].get_object() if "/DescendantFonts" in f else f)["/FontDescriptor"]
        for f in used
    ]
    assert all("/FontFile2" in d.get_object() for d in descriptors)  # embedded, not referenced
    number = Certificate.objects.get().number
    assert number in text and f"http://testserver/su-kien/chung-nhan/{number}/" in text
    # The QR code on the certificate decodes to the public check page.
    images = list(reader.pages[0].images)
    assert images, "the certificate carries a QR code image"
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(images[0].data)))]
    assert decoded == [f"http://testserver/su-kien/chung-nhan/{number}/"]
    page = client.get(f"/su-kien/chung-nhan/{number}/")
    assert page.status_code == 200 and "Hồ Thị Ánh Tuyết" in page.content.decode()
    assert client.get("/su-kien/chung-nhan/SK2026-FAKE0000/").status_code == 404
    # Downloading again gives the same certificate.
    client.get(f"/su-kien/ve/{token}/chung-nhan.pdf")
    assert Certificate.objects.count() == 1

    staff = staff_client(commune_a_officer).get(f"/can-bo/su-kien/{quiz_event.pk}/").content.decode()
    assert "0% → 100%" in staff


def test_failed_after_test_gets_no_certificate(quiz_event: Event, commune_a_officer: Any) -> None:
    p = register(quiz_event, person(1))
    check_in(quiz_event, pk=p.pk, actor=commune_a_officer)
    token = links.ticket_token(p.pk)
    client = Client()
    answer(client, token, "after", 1)  # 50% < 70%
    response = client.get(f"/su-kien/ve/{token}/chung-nhan.pdf")
    assert response.status_code == 400 and "đạt bài kiểm tra sau" in response.content.decode()
    assert not Certificate.objects.exists()


def test_incomplete_answers_are_refused(quiz_event: Event) -> None:
    p = register(quiz_event, person(1))
    response = Client().post(f"/su-kien/ve/{links.ticket_token(p.pk)}/kiem-tra/before/", {})
    assert response.status_code == 400 and "Hãy trả lời tất cả 2 câu hỏi." in response.content.decode()
    assert not Attempt.objects.exists()


def test_gain_by_topic_and_audience(quiz_event: Event, make_event: Any, commune_a_officer: Any) -> None:
    client = Client()
    for n, (audience, before, after) in enumerate(
        [("citizens", 0, 2), ("students", 1, 2), ("students", 1, 1)]
    ):
        p = register(quiz_event, person(n, audience=audience))
        token = links.ticket_token(p.pk)
        answer(client, token, "before", before)
        check_in(quiz_event, pk=p.pk, actor=commune_a_officer)
        answer(client, token, "after", after)
    events = Event.objects.all()
    by_audience = {g.label: (g.pairs, g.gain) for g in gains_by("audience", events)}
    assert by_audience == {"Người dân": (1, 100.0), "Học sinh, sinh viên": (2, 25.0)}
    (topic,) = gains_by("topic", events)
    assert topic.label == "Nhận diện lừa đảo" and topic.pairs == 3 and round(topic.gain, 1) == 50.0
    page = staff_client(commune_a_officer).get("/can-bo/su-kien/hieu-qua/").content.decode()
    assert "Nhận diện lừa đảo" in page and "Học sinh, sinh viên" in page


def test_staff_adds_question(event: Event, commune_a_officer: Any) -> None:
    client = staff_client(commune_a_officer)
    client.post(
        f"/can-bo/su-kien/{event.pk}/cau-hoi/",
        {"text": "Mã OTP là gì?", "choices": "Mật khẩu một lần\nMã bưu chính", "correct": "1"},
    )
    q = event.questions.get()
    assert q.choices == ["Mật khẩu một lần", "Mã bưu chính"] and q.correct == 0
    client.post(f"/can-bo/su-kien/{event.pk}/cau-hoi/", {"text": "Sai", "choices": "Một", "correct": "3"})
    assert event.questions.count() == 1


def test_event_without_own_questions_uses_the_awareness_bank_on_its_topic(
    event: Event, commune_a_officer: Any
) -> None:
    from toandan.awareness.models import Choice, QuestionKind, QuizBank
    from toandan.awareness.models import Question as BankQuestion

    bank = QuizBank.objects.create(
        slug="nhan-dien",
        title="Nhận diện lừa đảo",
        topic="nhận diện lừa đảo",
        unit=event.organiser,
        is_published=True,
    )
    one = BankQuestion.objects.create(
        bank=bank, kind=QuestionKind.SINGLE, text="Có nên đọc OTP cho người lạ?"
    )
    Choice.objects.create(question=one, text="Có")
    Choice.objects.create(question=one, text="Không", is_correct=True)
    many = BankQuestion.objects.create(bank=bank, kind=QuestionKind.MULTIPLE, text="Việc nào nguy hiểm?")
    Choice.objects.create(question=many, text="Đọc OTP", is_correct=True)
    Choice.objects.create(question=many, text="Chuyển tiền nhận thưởng", is_correct=True)
    p = register(event, Person("Lê Văn Bình", phone="0912000888"))
    token = links.ticket_token(p.pk)
    client = Client()
    form = client.get(f"/su-kien/ve/{token}/kiem-tra/before/").content.decode()
    assert "Có nên đọc OTP cho người lạ?" in form and "Việc nào nguy hiểm?" not in form
    assert client.post(f"/su-kien/ve/{token}/kiem-tra/before/", {f"b{one.pk}": "0"}).status_code == 302
    check_in(event, pk=p.pk, actor=commune_a_officer)
    assert client.post(f"/su-kien/ve/{token}/kiem-tra/after/", {f"b{one.pk}": "1"}).status_code == 302
    assert [(a.phase, a.score) for a in Attempt.objects.order_by("phase")] == [("after", 1), ("before", 0)]
    # An unpublished bank is never used.
    bank.is_published = False
    bank.save(update_fields=["is_published"])
    assert (
        "Có nên đọc OTP cho người lạ?"
        not in client.get(f"/su-kien/ve/{token}/kiem-tra/after/").content.decode()
    )
