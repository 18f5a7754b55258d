"""Quizzes without an account: explanations after answering, optional questions about the person, anonymous
aggregates by month, commune, age group and audience; a repeat from one browser is not counted twice."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from toandan.accounts.models import User
from toandan.awareness import quizzes
from toandan.awareness.models import Choice, Question, QuestionKind, QuizAttempt, QuizBank
from toandan.orgs.models import Unit
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(units: None) -> QuizBank:
    bank = QuizBank.objects.create(
        slug="nhan-biet", title="Nhận biết lừa đảo", unit=Unit.objects.get(code="ca-tinh"), is_published=True
    )
    scam = Question.objects.create(
        bank=bank,
        kind=QuestionKind.SCAM_MESSAGE,
        text="Tin nhắn này có phải lừa đảo?",
        message="[Ngân hàng] Tài khoản của bạn bị khóa, xác thực tại bit.ly/abc",
        explanation="Ngân hàng không gửi link.",
    )
    Choice.objects.create(question=scam, text="Lừa đảo", is_correct=True)
    Choice.objects.create(question=scam, text="Không phải lừa đảo")
    many = Question.objects.create(
        bank=bank,
        kind=QuestionKind.MULTIPLE,
        text="Việc nào không được làm?",
        explanation="Cả hai đều nguy hiểm.",
        position=2,
    )
    Choice.objects.create(question=many, text="Đọc mã OTP cho người lạ", is_correct=True)
    Choice.objects.create(question=many, text="Chuyển tiền để nhận thưởng", is_correct=True)
    Choice.objects.create(question=many, text="Gọi 113 khi bị đe dọa")
    return bank


def _post(client: Client, bank: QuizBank, **extra: object) -> str:
    questions = quizzes.bank_questions(bank)
    data: dict[str, object] = {f"q{q.id}": [c.id for c in q.choices if c.is_correct] for q in questions}
    data[f"q{questions[1].id}"] = [questions[1].choices[0].id]  # half of the right answers: wrong
    data.update(extra)
    return client.post(bank.get_absolute_url(), data).content.decode()


def test_anyone_takes_a_quiz_and_sees_explanations(bank: QuizBank) -> None:
    client = Client()
    form = client.get(bank.get_absolute_url()).content.decode()
    assert "bit.ly/abc" in form and "không bắt buộc" in form
    page = _post(client, bank)
    assert "Bạn trả lời đúng 1/2 câu." in page
    assert "Ngân hàng không gửi link." in page and "Cả hai đều nguy hiểm." in page
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.total, attempt.commune, attempt.age_group) == (1, 2, None, "")
    assert Client().get(reverse("awareness:quiz", args=["khong-co"])).status_code == 404


def test_repeats_from_one_browser_are_not_counted_twice(bank: QuizBank) -> None:
    client = Client(HTTP_USER_AGENT="phone-a")
    _post(client, bank)
    page = _post(client, bank)
    assert "không được tính thêm" in page and QuizAttempt.objects.count() == 1
    _post(Client(HTTP_USER_AGENT="phone-b"), bank)
    assert QuizAttempt.objects.count() == 2


def test_aggregates_by_commune_age_and_audience(bank: QuizBank, provincial_officer: User) -> None:
    commune = Unit.objects.get(code="phuong-cam-thanh-21025")
    _post(Client(HTTP_USER_AGENT="a"), bank, commune=str(commune.pk), age_group="60_plus", audience="elderly")
    _post(Client(HTTP_USER_AGENT="b"), bank, commune="not-a-number", age_group="999")
    rows = {r["group"]: r for r in quizzes.aggregates(bank, "commune")}
    assert rows[commune.name]["attempts"] == 1 and rows[None]["attempts"] == 1
    assert {r["group"] for r in quizzes.aggregates(bank, "age")} == {"60_plus", ""}
    page = staff_client(provincial_officer).get(reverse("awareness:quiz_results", args=[bank.slug]))
    text = page.content.decode()
    assert commune.name in text and "Từ 60 tuổi trở lên" in text and "50%" in text
    assert Client().get(reverse("awareness:quiz_results", args=[bank.slug])).status_code == 302


def test_service_api_for_other_apps(bank: QuizBank) -> None:
    questions = quizzes.bank_questions("nhan-biet")
    assert [q.kind for q in questions] == ["scam_message", "multiple"] and questions[1].multiple
    answers = {q.id: set(q.correct_ids) for q in questions}
    assert quizzes.grade(questions, answers).percent == 100
    assert quizzes.grade(questions, {}).score == 0
    # Choices of another question are ignored, not counted.
    wrong = {questions[0].id: set(questions[1].correct_ids)}
    assert quizzes.grade(questions, wrong).correct[questions[0].id] is False
