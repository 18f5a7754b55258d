"""Two authored demo events on the seed plan's tasks (texts written for the demo, not taken from documents):
a community session of a ward police station and a workshop of the cyber-security department."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from toandan.events.models import Event, EventStatus, Question
from toandan.events.services import save_event
from toandan.orgs.models import Unit
from toandan.plans.models import Plan

QUESTIONS = [
    (
        "Người gọi tự xưng công an đề nghị chuyển tiền để “xác minh”. Bạn làm gì?",
        ["Chuyển tiền ngay", "Từ chối, gọi lại số đường dây nóng của công an", "Đọc mã OTP cho họ"],
        1,
    ),
    (
        "Mã OTP ngân hàng gửi đến điện thoại của bạn được phép đưa cho ai?",
        ["Không ai cả", "Nhân viên ngân hàng gọi đến", "Người thân nhờ qua tin nhắn"],
        0,
    ),
    (
        "Gặp đường dẫn lạ hứa trúng thưởng, bạn nên:",
        ["Bấm vào xem thử", "Tra cứu trên Toàn Dân rồi tố giác nếu là lừa đảo", "Chia sẻ cho bạn bè"],
        1,
    ),
]


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load_demo_events(plan: Plan) -> int:
    """Create the demo events once (by title); returns how many were new."""
    made = 0
    specs = [
        {
            "title": "Sinh hoạt cộng đồng: nhận diện cuộc gọi, tin nhắn lừa đảo",
            "kind": "community",
            "topic": "Nhận diện lừa đảo qua điện thoại",
            "task": plan.tasks.get(ref="II.4"),
            "organiser": Unit.objects.get(code="ca-phuong-cam-thanh-21025"),
            "commune": Unit.objects.get(code="phuong-cam-thanh-21025"),
            "venue": "Nhà văn hóa tổ dân phố",
            "audience": "citizens",
            "starts_at": _at(7, 19),
            "ends_at": _at(7, 21),
            "capacity": 60,
            "agenda": "19:00 Tình huống lừa đảo thường gặp\n"
            "19:45 Thực hành tra cứu, tố giác trên Toàn Dân\n20:30 Hỏi đáp",
            "speakers": "Cán bộ Công an phường Cẩm Thành",
            "questions": True,
        },
        {
            "title": "Hội thảo phòng ngừa, tố giác vi phạm pháp luật trên không gian mạng cho giáo viên",
            "kind": "workshop",
            "topic": "An toàn thông tin trong trường học",
            "task": plan.tasks.get(ref="II.6"),
            "organiser": Unit.objects.get(code="ca-pa05"),
            "commune": Unit.objects.get(code="phuong-cam-thanh-21025"),
            "venue": "Hội trường Sở Giáo dục và Đào tạo",
            "online_url": "",
            "audience": "teachers",
            "starts_at": _at(14, 8),
            "ends_at": _at(14, 11),
            "capacity": 120,
            "agenda": "08:00 Khai mạc\n08:15 Các thủ đoạn nhắm vào học sinh\n"
            "09:30 Quy trình tố giác\n10:30 Thảo luận",
            "speakers": "Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao",
            "questions": True,
        },
    ]
    for spec in specs:
        with_questions = spec.pop("questions")
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        event = save_event(Event(status=EventStatus.PUBLISHED, **spec), actor=None)
        if with_questions:
            Question.objects.bulk_create(
                [
                    Question(event=event, order=n, text=text, choices=choices, correct=correct)
                    for n, (text, choices, correct) in enumerate(QUESTIONS, start=1)
                ]
            )
        made += 1
    return made
