"""Demo content for `toandan load-demo`: a few items written for this project (not copied from anywhere),
published through the real workflow, and one quiz bank. Idempotent: existing slugs are left alone."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from toandan.awareness import services
from toandan.awareness.models import (
    Audience,
    Category,
    Choice,
    ContentItem,
    Kind,
    LegalType,
    Question,
    QuestionKind,
    QuizBank,
    Status,
)
from toandan.orgs.models import Unit

CATEGORIES = [
    ("lua-dao-qua-mang", "Lừa đảo qua mạng", 1),
    ("phap-luat", "Pháp luật về không gian mạng", 2),
    ("ky-nang-an-toan", "Kỹ năng an toàn", 3),
]

ITEMS: list[dict[str, Any]] = [
    {
        "slug": "goi-dien-gia-danh-cong-an-yeu-cau-cai-ung-dung",
        "kind": Kind.WARNING,
        "category": "lua-dao-qua-mang",
        "audiences": ["elderly", "everyone"],
        "title": "Cuộc gọi giả danh công an yêu cầu cài ứng dụng “cập nhật định danh”",
        "summary": "Kẻ gian xưng là cán bộ công an, hẹn “hỗ trợ cập nhật tài khoản định danh” qua "
        "một đường link "
        "lạ rồi chiếm quyền điều khiển điện thoại.",
        "masked_example": "Alo, tôi là [tên], cán bộ công an phường. "
        "Tài khoản định danh của anh chị sắp bị khóa. "
        "Anh chị bấm vào [đường link] để cài ứng dụng và làm theo hướng dẫn, nếu không sẽ bị phạt [số tiền].",
        "targets": "Người cao tuổi, người ít dùng điện thoại thông minh, tiểu thương.",
        "what_to_do": "- Công an không gọi điện yêu cầu cài ứng dụng hay bấm vào đường link.\n"
        "- Không cài ứng dụng từ đường link người lạ gửi; chỉ dùng kho ứng dụng chính thức.\n"
        "- Cúp máy, gọi lại số trực ban của công an xã, phường để hỏi.\n"
        "- Đã lỡ cài: tắt mạng, gọi ngay ngân hàng để khóa tài khoản.",
        "body": "Thời gian gần đây nhiều người dân trong tỉnh nhận được cuộc gọi như trên. Kẻ gian nói giọng "
        "nghiêm khắc, đọc đúng họ tên và địa chỉ để tạo lòng tin, rồi thúc giục làm ngay.\n\n"
        "Ứng dụng chúng gửi thực chất là phần mềm gián điệp: nó đọc tin nhắn chứa mã OTP và điều khiển "
        "điện thoại từ xa để chuyển tiền. Hãy nói cho cha mẹ, ông bà biết điều này.",
    },
    {
        "slug": "nam-thoi-quen-giu-an-toan-tai-khoan-ngan-hang",
        "kind": Kind.ARTICLE,
        "category": "ky-nang-an-toan",
        "audiences": ["everyone", "students"],
        "title": "Năm thói quen giữ an toàn tài khoản ngân hàng",
        "summary": "Những việc nhỏ làm mỗi ngày giúp bạn không mất tiền vì kẻ gian.",
        "body": "## 1. Mã OTP là của riêng bạn\n\nKhông ngân hàng, cơ quan nào hỏi mã OTP qua điện thoại.\n\n"
        "## 2. Gõ địa chỉ trang ngân hàng, đừng bấm link\n\nLink trong tin nhắn có thể dẫn tới trang giả.\n\n"
        "## 3. Đặt hạn mức chuyển tiền\n\nHạn mức thấp giới hạn thiệt hại nếu bị lộ thông tin.\n\n"
        "## 4. Bật thông báo biến động số dư\n\nBạn biết ngay khi có giao dịch lạ.\n\n"
        "## 5. Tra cứu trước khi chuyển tiền\n\n"
        "Kiểm tra số tài khoản, số điện thoại tại trang Tra cứu của Toàn "
        "Dân. Đưa thông tin sai sự thật lên mạng cũng là hành vi bị cấm: xem [[Điều 8 Luật An ninh mạng]].",
    },
    {
        "slug": "luat-an-ninh-mang-2018",
        "kind": Kind.LEGAL,
        "category": "phap-luat",
        "audiences": ["everyone", "officials"],
        "title": "Luật An ninh mạng (tóm tắt một số điều)",
        "short_name": "Luật An ninh mạng",
        "doc_number": "24/2018/QH14",
        "legal_type": LegalType.LAW,
        "issued_on": date(2018, 6, 12),
        "summary": "Tóm tắt bằng lời dễ hiểu một số điều người dân hay hỏi; văn bản gốc có giá trị pháp lý.",
        "body": "## Điều 8. Các hành vi bị nghiêm cấm về an ninh mạng\n\n"
        "Tóm tắt: cấm dùng không gian mạng để xâm phạm an ninh quốc gia, trật tự xã hội; cấm đăng, phát tán "
        "thông tin sai sự thật, xúc phạm danh dự người khác; cấm lừa đảo, chiếm đoạt tài sản; cấm tấn công, "
        "xâm nhập trái phép hệ thống thông tin.\n\n"
        "## Điều 16. Phòng ngừa, xử lý thông tin trên không gian mạng\n\n"
        "Tóm tắt: thông tin có nội dung vi phạm phải được gỡ bỏ theo yêu cầu của cơ quan có thẩm quyền; "
        "người đưa tin sai phải chịu trách nhiệm theo quy định.",
    },
    {
        "slug": "lo-chuyen-tien-cho-ke-lua-dao-thi-lam-gi",
        "kind": Kind.FAQ,
        "category": "lua-dao-qua-mang",
        "audiences": ["everyone"],
        "title": "Lỡ chuyển tiền cho kẻ lừa đảo thì phải làm gì?",
        "body": "1. Gọi ngay tổng đài ngân hàng của bạn, đề nghị tạm khóa giao dịch và tra soát.\n"
        "2. Giữ lại tin nhắn, ảnh chụp màn hình, số tài khoản đã chuyển tới.\n"
        "3. Tố giác trên Toàn Dân hoặc đến công an xã, phường nơi gần nhất.\n"
        "4. Cảnh giác với người hứa “lấy lại tiền giúp” – đó thường là lừa đảo lần hai.",
    },
]

QUIZ = {
    "slug": "nhan-biet-tin-nhan-lua-dao",
    "title": "Nhận biết tin nhắn lừa đảo",
    "topic": "Lừa đảo qua mạng",
    "description": "Bốn câu hỏi ngắn, có giải thích sau mỗi câu.",
    "questions": [
        (
            QuestionKind.SCAM_MESSAGE,
            "Tin nhắn sau có phải lừa đảo không?",
            "[TB] Quy khach trung thuong xe may, nop phi [số tiền] vao tai khoan [số] de nhan giai.",
            "Giải thưởng thật không bắt nộp phí trước. Tin nhắn không dấu, kêu nộp tiền là dấu hiệu lừa đảo.",
            [("Lừa đảo", True), ("Không phải lừa đảo", False)],
        ),
        (
            QuestionKind.TRUE_FALSE,
            "Nhân viên ngân hàng có thể gọi điện hỏi mã OTP để “xác minh”.",
            "",
            "Sai. Ngân hàng không bao giờ hỏi mã OTP; ai hỏi mã OTP đều là kẻ gian.",
            [("Đúng", False), ("Sai", True)],
        ),
        (
            QuestionKind.MULTIPLE,
            "Những việc nào nên làm khi nhận cuộc gọi xưng công an đòi chuyển tiền?",
            "",
            "Cơ quan công an không yêu cầu chuyển tiền qua điện thoại; "
            "hãy cúp máy và tự gọi lại số chính thức.",
            [
                ("Cúp máy", True),
                ("Gọi lại số trực ban công an xã, phường", True),
                ("Chuyển tiền để “chứng minh”", False),
            ],
        ),
        (
            QuestionKind.SINGLE,
            "Trước khi chuyển tiền cho người lạ, cách nào giúp bạn kiểm tra nhanh nhất?",
            "",
            "Trang Tra cứu cho biết số tài khoản, số điện thoại đã bị tố giác hay xác nhận lừa đảo chưa.",
            [
                ("Hỏi chính người nhận tiền", False),
                ("Tra cứu trên Toàn Dân", True),
                ("Tin vào ảnh đại diện", False),
            ],
        ),
    ],
}


@transaction.atomic
def load(author: Any, reviewer: Any, unit_code: str = "ca-tinh") -> int:
    """Create and publish what is missing; returns how many items were created."""
    unit = Unit.objects.get(code=unit_code)
    categories = {}
    for slug, name, position in CATEGORIES:
        categories[slug], _created = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
    created = 0
    for spec in ITEMS:
        if ContentItem.objects.filter(slug=spec["slug"]).exists():
            continue
        fields = {k: v for k, v in spec.items() if k not in ("category", "audiences")}
        item = ContentItem(unit=unit, category=categories[spec["category"]], **fields)
        audiences = Audience.objects.filter(code__in=spec["audiences"])
        item = services.save_version(item, {}, actor=author, audiences=audiences, check=False)
        services.transition(item, Status.REVIEW, actor=author, check=False)
        services.transition(item, Status.PUBLISHED, actor=reviewer, check=False)
        created += 1
    if not QuizBank.objects.filter(slug=QUIZ["slug"]).exists():
        bank = QuizBank.objects.create(
            slug=QUIZ["slug"],
            title=QUIZ["title"],
            topic=QUIZ["topic"],
            description=QUIZ["description"],
            unit=unit,
            is_published=True,
        )
        for position, (kind, text, message, explanation, choices) in enumerate(QUIZ["questions"]):
            question = Question.objects.create(
                bank=bank, kind=kind, text=text, message=message, explanation=explanation, position=position
            )
            for n, (choice, correct) in enumerate(choices):
                Choice.objects.create(question=question, text=choice, is_correct=correct, position=n)
    return created
