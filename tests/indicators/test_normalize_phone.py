"""Telephone numbers: every Vietnamese way of writing one, service numbers, and rejections."""

from __future__ import annotations

import pytest

from toandan.identifiers.base import InvalidIndicator, Kind
from toandan.identifiers.normalize import detect, normalize


@pytest.mark.parametrize(
    "raw",
    [
        "0901234567",
        "090 123 4567",
        "0901 234 567",
        "0901.234.567",
        "0901-234-567",
        "(090) 123-4567",
        "+84901234567",
        "+84 90 123 4567",
        "+84.90.123.4567",
        "(+84) 901 234 567",
        "+84 (0) 901 234 567",
        "+84 0901 234 567",
        "84901234567",
        "84-90-123-4567",
        "0084901234567",
        "0084 90 123 4567",
        "０９０１２３４５６７",
        "tel:+84901234567",
        " 0901234567 ",
    ],
)
def test_mobile_forms_share_one_value(raw: str) -> None:
    indicator = normalize(Kind.PHONE, raw)
    assert indicator.kind is Kind.PHONE
    assert indicator.value == "+84901234567"
    assert indicator.display == "0901 234 567"
    assert indicator.extra["type"] == "mobile"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("0321234567", "+84321234567"),
        ("0701234567", "+84701234567"),
        ("0812345678", "+84812345678"),
        ("0561234567", "+84561234567"),
        ("0591234567", "+84591234567"),
        ("0981234567", "+84981234567"),
    ],
)
def test_each_mobile_range(raw: str, value: str) -> None:
    assert normalize(Kind.PHONE, raw).value == value


@pytest.mark.parametrize(
    ("raw", "value", "display"),
    [
        ("0255 3822 123", "+842553822123", "0255 3822 123"),  # Quảng Ngãi
        ("02553822123", "+842553822123", "0255 3822 123"),
        ("(0255) 3822.123", "+842553822123", "0255 3822 123"),
        ("+84 255 3822 123", "+842553822123", "0255 3822 123"),
        ("024 3822 1234", "+842438221234", "024 3822 1234"),  # Hà Nội
        ("(028) 3822 1234", "+842838221234", "028 3822 1234"),  # TP HCM
    ],
)
def test_landlines(raw: str, value: str, display: str) -> None:
    indicator = normalize(Kind.PHONE, raw)
    assert (indicator.value, indicator.display, indicator.extra["type"]) == (value, display, "fixed_line")


@pytest.mark.parametrize(
    ("raw", "value", "kind"),
    [
        ("1900 1234", "+8419001234", "premium_rate"),
        ("1900.545.413", "+841900545413", "premium_rate"),
        ("18001234", "+8418001234", "toll_free"),
        ("1800 1090", "+8418001090", "toll_free"),
        ("5656", "VN:5656", "short_code"),
        ("9029", "VN:9029", "short_code"),
        ("113", "VN:113", "short_code"),
        ("VN:5656", "VN:5656", "short_code"),
    ],
)
def test_service_numbers_and_short_codes(raw: str, value: str, kind: str) -> None:
    indicator = normalize(Kind.PHONE, raw)
    assert (indicator.value, indicator.extra["type"]) == (value, kind)


def test_foreign_numbers_written_internationally() -> None:
    indicator = normalize(Kind.PHONE, "+855 12 345 678")
    assert indicator.value == "+85512345678"
    assert indicator.extra["region"] == "KH"
    assert normalize(Kind.PHONE, "00855 12 345 678").value == "+85512345678"


@pytest.mark.parametrize(
    "raw",
    [
        "0123456789",  # 012 is not a mobile range any more
        "01681234567",  # pre-2018 eleven-digit number: rejected, not rewritten
        "090123456",  # one digit short
        "09012345678",  # one digit too many
        "0209123456",
        "+84 12",
        "0901 234 56a",
        "0901234567 / 0912345678",
        "+84+901234567",
        "079123456789",  # CCCD
        "",
        "   ",
        "12",
        "0000",
    ],
)
def test_invalid_numbers_are_rejected(raw: str) -> None:
    with pytest.raises(InvalidIndicator) as caught:
        normalize(Kind.PHONE, raw)
    assert caught.value.kind in (Kind.PHONE, None) or caught.value.code == "empty"
    assert str(caught.value)  # a human message, in Vietnamese


def test_error_carries_code_and_message() -> None:
    with pytest.raises(InvalidIndicator) as caught:
        normalize(Kind.PHONE, "0123456789")
    assert caught.value.code == "phone_invalid"
    assert "điện thoại" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_detect_recognises_phones_and_normalisation_is_idempotent() -> None:
    first = detect("0901.234.567")
    assert first is not None and first.kind is Kind.PHONE
    assert detect(first.value) == first
    assert normalize(Kind.PHONE, first.value) == first
    short = detect("5656")
    assert short is not None and short.value == "VN:5656"
    assert detect(short.value) == short


def test_missing_trunk_zero_is_accepted_only_when_asked_for_a_phone() -> None:
    assert normalize(Kind.PHONE, "901234567").value == "+84901234567"
    # In a search box, nine bare digits are not assumed to be a phone number.
    found = detect("901234567")
    assert found is not None and found.kind is Kind.BANK_ACCOUNT
