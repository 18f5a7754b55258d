"""Default report categories (DOMAIN.md §9) and legal time limits (§3, §4), as plain data.

Used by the data migration and by `toandan init-data` (which restores them after a database flush); both
only add what is missing, so an administrator's edits stay. Values marked (cần xác nhận) come from secondary
sources.
"""

CATEGORIES = [
    ("lua-dao", "Lừa đảo, chiếm đoạt tài sản qua mạng", "Online fraud and theft of money", "crime"),
    (
        "gia-mao",
        "Giả mạo cơ quan nhà nước, ngân hàng, người quen",
        "Impersonation of agencies, banks or people",
        "crime",
    ),
    ("link-lua-dao", "Trang web, đường link lừa đảo", "Phishing websites and links", "crime"),
    ("tin-rac", "Tin nhắn, cuộc gọi rác", "Spam messages and calls", "feedback"),
    ("xam-nhap", "Xâm nhập, chiếm đoạt tài khoản, mã độc", "Intrusion, account takeover, malware", "crime"),
    ("du-lieu-ca-nhan", "Lộ lọt, mua bán dữ liệu cá nhân", "Leaks and trading of personal data", "crime"),
    ("co-bac", "Đánh bạc trực tuyến", "Online gambling", "crime"),
    ("hang-cam", "Mua bán hàng cấm qua mạng", "Sale of banned goods online", "crime"),
    (
        "xam-hai-tre-em",
        "Xâm hại, bóc lột trẻ em trên mạng",
        "Sexual abuse material and exploitation of children",
        "crime",
    ),
    ("tin-sai", "Thông tin sai sự thật gây hại", "False information causing harm", "feedback"),
    ("khac", "Vi phạm pháp luật khác trên mạng", "Other violations of law online", "feedback"),
]

POLICIES = [
    ("crime", "procuracy_notice", 0, 3, "calendar_days", "received", "Điều 146 Bộ luật Tố tụng hình sự 2015"),
    (
        "crime",
        "decision",
        0,
        20,
        "calendar_days",
        "received",
        "Điều 147 khoản 1 Bộ luật Tố tụng hình sự 2015",
    ),
    ("crime", "decision", 1, 2, "months", "received", "Điều 147 khoản 2 (vụ việc phức tạp)"),
    ("crime", "decision", 2, 2, "months", "previous", "Điều 147 khoản 2 (gia hạn một lần)"),
    (
        "denunciation",
        "acceptance",
        0,
        7,
        "working_days",
        "received",
        "Điều 29 Luật Tố cáo 2018 (cần xác nhận)",
    ),
    (
        "denunciation",
        "acceptance_multi_place",
        0,
        10,
        "working_days",
        "received",
        "Điều 29 Luật Tố cáo 2018, xác minh nhiều nơi (cần xác nhận)",
    ),
    ("denunciation", "resolution", 0, 30, "calendar_days", "accepted", "Điều 30 Luật Tố cáo 2018"),
    ("denunciation", "resolution", 1, 30, "calendar_days", "previous", "Điều 30 (vụ việc phức tạp)"),
    ("denunciation", "resolution", 2, 30, "calendar_days", "previous", "Điều 30 (đặc biệt phức tạp)"),
    ("feedback", "response", 0, 10, "working_days", "received", "Quy chế tiếp nhận phản ánh (cần xác nhận)"),
    ("feedback", "response", 1, 10, "working_days", "previous", "Quy chế tiếp nhận phản ánh (cần xác nhận)"),
]
