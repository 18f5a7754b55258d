"""Extraction of every indicator from free text, and the false positives it must avoid."""

from __future__ import annotations

import pytest

from toandan.identifiers.base import Kind
from toandan.identifiers.extract import extract_all


def pairs(text: str) -> list[tuple[str, str]]:
    return [(indicator.kind.value, indicator.value) for indicator in extract_all(text)]


def test_typical_phishing_sms() -> None:
    text = (
        "[Vietcombank] Quý khách vui lòng truy cập https://vcb-hotro.com/login?utm_source=sms để xác thực "
        "tài khoản, liên hệ 0901 234 567."
    )
    assert pairs(text) == [("url", "https://vcb-hotro.com/login"), ("phone", "+84901234567")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STK 0123456789 Vietcombank", [("bank_account", "970436:0123456789")]),
        ("STK: 0123 456 789 - VCB - NGUYEN VAN A", [("bank_account", "970436:0123456789")]),
        ("MB Bank 0901234567 NGUYEN VAN A", [("bank_account", "970422:0901234567")]),
        ("Vietcombank STK: 0011004455667", [("bank_account", "970436:0011004455667")]),
        ("Chuyển khoản 0011004455667 - NH Á Châu", [("bank_account", "970416:0011004455667")]),
        ("số tài khoản 0011004455667", [("bank_account", "?:0011004455667")]),
        ("STK 1234567890 Đông Á Bank", [("bank_account", "970406:1234567890")]),
        ("0011004455667 Ngân hàng Vietcombank", [("bank_account", "970436:0011004455667")]),
        (
            "Ngân hàng Vietcombank, chủ TK Nguyễn Văn A, STK 0011004455667",
            [("bank_account", "970436:0011004455667")],
        ),
        (
            "Techcombank STK 222333444, Vietcombank STK 333444555",
            [("bank_account", "970407:222333444"), ("bank_account", "970436:333444555")],
        ),
        (
            "STK 111222333 Vietcombank, STK 222333444 Techcombank",
            [("bank_account", "970436:111222333"), ("bank_account", "970407:222333444")],
        ),
    ],
)
def test_bank_accounts_in_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


def test_bank_account_that_is_also_a_phone_number_is_an_account_in_bank_context() -> None:
    assert pairs("Chuyển tiền vào STK 0901234567 MB Bank") == [("bank_account", "970422:0901234567")]
    assert pairs("Gọi 0901234567 để được hỗ trợ") == [("phone", "+84901234567")]
    assert pairs("Gọi 0901234567 Vietcombank hỗ trợ 24/7") == [("phone", "+84901234567")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SĐT:0912345678", [("phone", "+84912345678")]),
        ("Gọi 0901234567/0912345678", [("phone", "+84901234567"), ("phone", "+84912345678")]),
        ("hotline (+84) 98 765 4321", [("phone", "+84987654321")]),
        ("lh 84.90.123.4567", [("phone", "+84901234567")]),
        ("ĐT 0084 90 123 4567", [("phone", "+84901234567")]),
        ("văn phòng 0255 3822 123 giờ hành chính", [("phone", "+842553822123")]),
        ("Tổng đài 1900 1234", [("phone", "+8419001234")]),
        ("Soạn tin DK V90 gửi 9029", [("phone", "VN:9029")]),
        ("gọi ngay 113", [("phone", "VN:113")]),
        ("liên hệ ０９０１２３４５６７", [("phone", "+84901234567")]),
        ("Zalo 0901234567", [("phone", "+84901234567"), ("social", "zalo:+84901234567")]),
        ("Gọi miễn phí 1800 1234", [("phone", "+8418001234")]),
        ("Bán pin dự phòng, gọi 0901234567 k được thì nhắn", [("phone", "+84901234567")]),
        ("SĐT 0901234567 cũ rồi", [("phone", "+84901234567")]),
    ],
)
def test_phones_in_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hẹn gặp ngày 12/05/2024 lúc 10:30",
        "ngày 12.05.2024",
        "ngày 12-05-2024",
        "Số dư 5.000.000đ",
        "Chuyển 5,000,000 VND",
        "Nhận ngay 19.000.000 đồng",
        "phí 1.900.000đ",
        "Thưởng 500k",
        "Mã OTP của bạn là 123456. Không chia sẻ cho ai.",
        "Mã xác thực: 0901234567",
        "CCCD 079123456789 cấp ngày 12/05/2021",
        "Số CCCD: 001203004567",
        "Căn cước 079123456789",
        "Nhận 500k gửi 5000 cho mẹ",
        "năm 2024 có 365 ngày",
        "TK 123456",
        "số thẻ 9704 2212 3456 7890",
        "Địa chỉ: 12 Q.Ba Đình, H.Mộ Đức, TP.HCM v.v.",
        "Chúc mừng năm mới!",
        "",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert pairs(text) == []


def test_links_emails_handles_and_wallets() -> None:
    text = (
        "Email hotro@vcb-support.com, web: vietcombank-hotro[.]com hoặc hxxp://abc.xyz/dang-nhap. "
        "Vào nhóm t.me/+AbCdEfGhIjK, fb.com/nguyen.van.a, zalo.me/0987654321, tele @scam_abc. "
        "Nạp USDT vào ví TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t."
    )
    assert pairs(text) == [
        ("email", "hotro@vcb-support.com"),
        ("domain", "vietcombank-hotro.com"),
        ("url", "https://abc.xyz/dang-nhap"),
        ("social", "telegram:invite:AbCdEfGhIjK"),
        ("social", "facebook:nguyen.van.a"),
        ("social", "zalo:+84987654321"),
        ("phone", "+84987654321"),
        ("social", "telegram:@scam_abc"),
        ("crypto_wallet", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    ]


def test_urls_keep_path_case_and_idn_from_original_text() -> None:
    found = extract_all("Truy cập ngânhàng.vn/DangNhap?ma=AbC ngay")
    assert [(i.kind, i.value) for i in found] == [(Kind.URL, "https://xn--ngnhng-ltan.vn/DangNhap?ma=AbC")]


def test_digits_inside_links_are_not_phones() -> None:
    assert pairs("https://evil.top/0901234567 và a0901234567@gmail.com") == [
        ("url", "https://evil.top/0901234567"),
        ("email", "a0901234567@gmail.com"),
    ]


def test_deduplicated_in_order_of_appearance() -> None:
    text = "Gọi 0901 234 567 hoặc +84901234567, web https://x.com/a và http://x.com/a#b, gọi lại 0901234567"
    assert pairs(text) == [("phone", "+84901234567"), ("url", "https://x.com/a")]


def test_invalid_wallet_checksums_are_ignored() -> None:
    assert pairs("ví 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb") == []
    assert pairs("ví 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa") == [
        ("crypto_wallet", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
    ]


def test_prose_with_dots_is_not_a_domain() -> None:
    assert pairs("Xong việc.Mai gặp nhé. Tp.HCM, v.v... A.B.C") == []
    assert pairs("Hẹn lúc 15.Xin cảm ơn") == []
    assert pairs("hộp thư 163.com") == [("domain", "163.com")]


def test_a_bank_named_after_a_phone_keyword_answers_on_that_number() -> None:
    # Triage's old extractor read these as hotlines; the toolkit took them for the bank's accounts.
    assert pairs("LH Techcombank: 1800588822") == [("phone", "+841800588822")]
    assert pairs("Tài khoản khuyến mại. CSKH: 18001091 (0đ)") == [("phone", "+8418001091")]
    assert pairs("Chuyển tiền vào STK 0901234567 MB Bank") == [("bank_account", "970422:0901234567")]


def test_extract_gives_where_each_indicator_was_written() -> None:
    from toandan.identifiers.extract import extract

    found = extract("Vào vcb-hotro[.]com/login, gọi 0901 234 567")
    assert [found.written(item) for item in found.found] == ["vcb-hotro.com/login,", "0901 234 567"]
    assert "vcb" not in found.without_links() and "0901 234 567" in found.without_links()
