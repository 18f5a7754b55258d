"""The bank list, bank name resolution and bank accounts."""

from __future__ import annotations

import pytest

from toandan.identifiers import banks as bank_module
from toandan.identifiers.banks import bank_by_bin, banks, resolve_bank
from toandan.identifiers.base import InvalidIndicator, Kind
from toandan.identifiers.normalize import detect, normalize

# BINs given in the brief, checked against the bundled list.
EXPECTED_BINS = {
    "970436": "Vietcombank",
    "970415": "VietinBank",
    "970418": "BIDV",
    "970405": "Agribank",
    "970407": "Techcombank",
    "970422": "MB Bank",
    "970416": "ACB",
    "970432": "VPBank",
    "970423": "TPBank",
    "970403": "Sacombank",
    "970437": "HDBank",
    "970441": "VIB",
    "970443": "SHB",
    "970440": "SeABank",
    "970448": "OCB",
    "970426": "MSB",
    "970431": "Eximbank",
    "970449": "LPBank",
    "970428": "Nam A Bank",
    "970409": "Bac A Bank",
    "970425": "ABBANK",
    "970427": "VietABank",
    "970412": "PVcomBank",
    "970429": "SCB",
    "970452": "Kienlongbank",
    "970419": "NCB",
    "970400": "Saigonbank",
    "970438": "BaoViet Bank",
    "970454": "BVBank",
    "970430": "PGBank",
    "970433": "VietBank",
    "970406": "DongA Bank",
    "970414": "MBV",
    "970408": "GPBank",
    "970444": "CBBank",
    "970446": "Co-opBank",
    "970424": "Shinhan Bank",
    "970457": "Woori Bank",
    "970458": "UOB",
    "970439": "Public Bank",
    "458761": "HSBC",
    "970410": "Standard Chartered",
    "970434": "Indovina Bank",
    "970421": "VRB",
    "546034": "Cake",
    "546035": "Ubank",
    "963388": "Timo",
}


def test_bundled_list_is_well_formed() -> None:
    bank_list = banks()
    bins = [bank.bin for bank in bank_list]
    assert len(bins) == len(set(bins)), "duplicate BIN"
    assert all(len(b) == 6 and b.isdigit() for b in bins)
    assert all(bank.short_name and bank.name for bank in bank_list)
    for bin_code, short_name in EXPECTED_BINS.items():
        bank = bank_by_bin(bin_code)
        assert bank is not None, bin_code
        assert bank.short_name == short_name


def test_data_file_names_its_source() -> None:
    first_line = bank_module.DATA_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# SOURCE:")
    assert "administrator" in first_line


@pytest.mark.parametrize(
    ("text", "bin_code"),
    [
        ("Vietcombank", "970436"),
        ("vietcombank", "970436"),
        ("VCB", "970436"),
        ("vietcom", "970436"),
        ("Vietcom Bank", "970436"),
        ("Ngân hàng TMCP Ngoại thương Việt Nam", "970436"),
        ("ngan hang ngoai thuong", "970436"),
        ("NH Ngoại Thương", "970436"),
        ("Vietcombamk", "970436"),  # one typing mistake
        ("970436", "970436"),
        ("techcom", "970407"),
        ("Techcombank", "970407"),
        ("TCB", "970407"),
        ("mbbank", "970422"),
        ("MB Bank", "970422"),
        ("mb-bank", "970422"),
        ("MB", "970422"),
        ("Ngân hàng Quân đội", "970422"),
        ("agri", "970405"),
        ("Argibank", "970405"),
        ("vietin", "970415"),
        ("Viettinbank", "970415"),
        ("BIDV", "970418"),
        ("bidv bank", "970418"),
        ("Sacombank", "970403"),
        ("Á Châu", "970416"),
        ("a chau", "970416"),
        ("Sài Gòn", "970429"),
        ("Saigonbank", "970400"),
        ("VietBank", "970433"),
        ("VietABank", "970427"),
        ("Việt Á", "970427"),
        ("LienVietPostBank", "970449"),
        ("OceanBank", "970414"),
        ("Viet Capital Bank", "970454"),
        ("Cake by VPBank", "546034"),
        ("  Đông   Á  ", "970406"),
        ("Vietcombank - CN Quảng Ngãi", "970436"),
    ],
)
def test_resolve_bank(text: str, bin_code: str) -> None:
    bank = resolve_bank(text)
    assert bank is not None, text
    assert bank.bin == bin_code


@pytest.mark.parametrize(
    "text", ["", "   ", "ngân hàng", "xyz", "Nguyễn Văn A", "Vietcombank hoặc Techcombank"]
)
def test_resolve_bank_refuses_unknown_or_ambiguous(text: str) -> None:
    assert resolve_bank(text) is None


@pytest.mark.parametrize(
    ("raw", "bank", "value"),
    [
        ("0123456789", "Vietcombank", "970436:0123456789"),
        ("0123 456 789", "VCB", "970436:0123456789"),
        ("0123.456.789", "970436", "970436:0123456789"),
        ("0123-456-789", None, "?:0123456789"),
        ("Vietcombank 0123456789", None, "970436:0123456789"),
        ("STK: 0123456789 - MB Bank", None, "970422:0123456789"),
        ("0901234567 NGUYEN VAN A", "MB", "970422:0901234567"),
        ("970436:0123456789", None, "970436:0123456789"),
        ("?:0123456789", None, "?:0123456789"),
        ("?:0123456789", "Techcombank", "970407:0123456789"),
        ("000123", None, "?:000123"),
    ],
)
def test_bank_accounts(raw: str, bank: str | None, value: str) -> None:
    indicator = normalize(Kind.BANK_ACCOUNT, raw, bank=bank)
    assert indicator.kind is Kind.BANK_ACCOUNT
    assert indicator.value == value
    assert indicator.extra["account"] == value.split(":")[1]
    assert normalize(Kind.BANK_ACCOUNT, indicator.value) == indicator


def test_bank_account_display_and_extra() -> None:
    indicator = normalize(Kind.BANK_ACCOUNT, "0123456789", bank="vcb")
    assert indicator.display == "Vietcombank 0123456789"
    assert indicator.extra["bank_bin"] == "970436"
    unknown = normalize(Kind.BANK_ACCOUNT, "0123456789")
    assert unknown.extra["bank_bin"] is None and unknown.display == "0123456789"


@pytest.mark.parametrize(
    ("raw", "bank", "code"),
    [
        ("12345", None, "account_length"),
        ("12345678901234567890", None, "account_length"),
        ("0123456789", "Ngân hàng Không Tồn Tại", "bank_unknown"),
        ("999999:0123456789", None, "bank_bin"),
        ("970436:0123456789", "Techcombank", "bank_conflict"),
        ("Vietcombank 0123456789", "Techcombank", "bank_conflict"),
        ("0123456789 0987654321", None, "account_length"),
        ("0123456789 và 0987654321", None, "account_invalid"),
        ("ABC123456", None, "account_invalid"),
    ],
)
def test_invalid_bank_accounts(raw: str, bank: str | None, code: str) -> None:
    with pytest.raises(InvalidIndicator) as caught:
        normalize(Kind.BANK_ACCOUNT, raw, bank=bank)
    assert caught.value.code == code


def test_detect_bank_accounts() -> None:
    for text, value in [
        ("Vietcombank 0123 456 789", "970436:0123456789"),
        ("STK 0123456789 VCB", "970436:0123456789"),
        ("MB Bank 0901234567 NGUYEN VAN A", "970422:0901234567"),
        ("0123456789", "?:0123456789"),
        ("970436:0123456789", "970436:0123456789"),
    ]:
        found = detect(text)
        assert found is not None and found.kind is Kind.BANK_ACCOUNT, text
        assert found.value == value
        assert detect(found.value) == found
