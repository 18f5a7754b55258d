"""Scam scripts and ordinary stories written for the tests, filled in with varying names, numbers and links
by code (no real reports or messages are copied here)."""

from __future__ import annotations

import random

NAMES = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh Tuấn", "Phạm Thu Hà", "Hoàng Đức Anh", "Võ Thị Mai"]
SHORT = ["Minh", "Lan", "Hùng", "Tú", "Hoa", "Nam", "Bình", "Trang"]
BANKS = ["Vietcombank", "Techcombank", "BIDV", "MB Bank", "Agribank"]

SCRIPTS = {
    "prize": (
        "Chúc mừng {name} đã trúng thưởng chiếc xe máy SH trị giá {amount} trong chương trình tri ân khách "
        "hàng. Để nhận giải vui lòng nộp phí {fee} vào tài khoản {bank} số {account}, liên hệ anh {short} "
        "qua số {phone} hoặc truy cập {link} trước {hour} giờ hôm nay."
    ),
    "police": (
        "Tôi nhận được cuộc gọi từ số {phone} xưng là cán bộ công an, nói tôi liên quan đến một "
        "đường dây rửa tiền và yêu cầu chuyển {amount} vào tài khoản {bank} {account} để xác minh, "
        "nếu không sẽ bị bắt. "
        "Người gọi tên là {short}, gửi thêm đường link {link} để cài ứng dụng."
    ),
    "job": (
        "Tuyển cộng tác viên làm việc online tại nhà, chỉ cần like video và đánh giá sản phẩm, thu nhập "
        "{fee} mỗi ngày. Kết bạn Zalo {phone} gặp chị {short} để nhận nhiệm vụ đầu tiên, nạp {amount} để "
        "được rút tiền hoa hồng."
    ),
}

STORIES = [
    "Hàng xóm nhà tôi mở loa hát karaoke rất to từ tối đến nửa đêm, nhiều lần nhắc nhưng không thay đổi.",
    "Tài khoản Facebook của tôi bị người lạ đăng nhập từ nước ngoài, đổi mật khẩu và email khôi phục.",
    "Một trang mạng đăng tin sai sự thật về trường học của con tôi, nói giáo viên đánh học sinh.",
    "Có người rủ tôi tham gia đánh bạc bóng đá trên một trang cá cược, nói chắc chắn thắng.",
    "Tôi mua điện thoại trên chợ mạng, đã chuyển khoản nhưng người bán chặn liên lạc, không giao hàng.",
    "Công ty tôi bị mã độc mã hóa toàn bộ dữ liệu kế toán, đòi tiền chuộc bằng tiền ảo.",
]


def fill(script: str, rng: random.Random) -> str:
    """A copy of a script with its own name, numbers, amounts and link."""
    return SCRIPTS[script].format(
        name=rng.choice(NAMES),
        short=rng.choice(SHORT),
        bank=rng.choice(BANKS),
        account=rng.randrange(10**9, 10**10),
        phone=f"09{rng.randrange(10**8):08d}",
        amount=f"{rng.randrange(2, 90)}.000.000 đồng",
        fee=f"{rng.randrange(1, 9)}00.000đ",
        link=f"https://qua-tang-{rng.randrange(1000)}.top/nhan",
        hour=rng.randrange(8, 22),
    )
