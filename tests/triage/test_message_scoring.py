"""Message scoring: quality on the authored holdout, legitimate messages left alone, reasons, reputation."""

from __future__ import annotations

import re

import pytest

from toandan.identifiers.base import Indicator
from toandan.identifiers.text import fold_words as fold
from toandan.triage import training
from toandan.triage.message import SIGNALS, _scan, score_message
from toandan.triage.text import extract, normalise

VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)


@pytest.fixture(scope="module")
def authored() -> dict[str, list[tuple[str, int]]]:
    """The authored evaluation messages by split."""
    sets = training.authored_sets("message")
    assert len(sets["holdout"]) >= 100 and len(sets["tune"]) >= 150, "authored evaluation set is missing"
    return sets


def test_holdout_quality(authored: dict[str, list[tuple[str, int]]]) -> None:
    result = training.evaluate_scorer(authored["holdout"], score_message)
    assert result["scam"]["f1"] >= 0.85, result
    assert result["flag"]["f1"] >= 0.85, result


def test_fresh_set_quality(authored: dict[str, list[tuple[str, int]]]) -> None:
    # Written after the last change to the rules and scored once; nothing was tuned on it.
    assert len(authored["fresh"]) >= 40
    result = training.evaluate_scorer(authored["fresh"], score_message)
    assert result["scam"]["f1"] >= 0.85, result
    assert result["flag"]["f1"] >= 0.85, result


def test_tune_quality(authored: dict[str, list[tuple[str, int]]]) -> None:
    result = training.evaluate_scorer(authored["tune"], score_message)
    assert result["scam"]["f1"] >= 0.9, result


def test_authored_set_size_and_variety(authored: dict[str, list[tuple[str, int]]]) -> None:
    rows = authored["tune"] + authored["holdout"]
    scams = [text for text, label in rows if label]
    hams = [text for text, label in rows if not label]
    assert len(scams) >= 150 and len(hams) >= 150
    for group in (scams, hams):
        with_marks = sum(1 for text in group if VIETNAMESE.search(text))
        assert 0.2 * len(group) < with_marks < 0.8 * len(group), "need texts both with and without diacritics"


@pytest.mark.parametrize(
    "text",
    [
        "Ma OTP cua ban la 123456. Khong chia se ma nay voi bat ky ai",
        "Mã OTP của bạn là 654321. Tuyệt đối không cung cấp mã này cho bất kỳ ai, kể cả nhân viên ngân hàng.",
        "Mẹ ơi tối nay con về muộn, mẹ ăn cơm trước nhé",
        "ck oi chieu nay don con giup e nhe",
        # Flagged by the previous 2025 model (strict xfail); left alone since the retrain of the 4th session.
        "GHN: Don hang GHN12AB dang duoc giao, shipper se goi cho ban trong hom nay.",
        "Con chuyển khoản tiền học cho mẹ rồi nhé, mẹ kiểm tra giúp con.",
        "VCB: TK 0011xxx123 +1,500,000VND luc 10:12 01/06/2025. SD: 9,450,000VND. ND: luong",
        "Tra cuu hoa don tai https://www.evn.com.vn nhe",
        "",
    ],
)
def test_ordinary_messages_are_left_alone(text: str) -> None:
    assert score_message(text).verdict == "no_signal", score_message(text)


@pytest.mark.parametrize(
    "text",
    [
        "Viettel: Dang ky goi ST90 chi 90.000d/thang, uu dai 1GB/ngay. Soan ST90 gui 191.",
        "MobiFone tang 20% gia tri the nap ngay 15/6 cho thue bao tra truoc. Chi tiet LH 9090.",
        "Shopee: Sieu sale 6.6, ma giam 50k cho don tu 0d, mua ngay tren ung dung Shopee!",
        "Bo Cong an canh bao: khong cai ung dung la, khong cung cap OTP, khong chuyen tien cho nguoi la.",
    ],
)
def test_legitimate_adverts_and_warnings_are_at_most_suspicious(text: str) -> None:
    assert score_message(text).verdict != "scam", score_message(text)


def test_bank_impersonation_link_is_a_scam_with_the_brand_reason() -> None:
    verdict = score_message(
        "[Vietcombank] Tai khoan cua quy khach se bi khoa. Xac thuc ngay tai https://vietcombank-xacthuc.top/login"
    )
    assert verdict.verdict == "scam" and verdict.score >= 0.9
    assert "Đường link giả mạo tên miền của Vietcombank" in verdict.reasons
    assert any("khóa" in reason for reason in verdict.reasons)


def test_relative_in_hospital_asking_for_money_is_a_scam() -> None:
    verdict = score_message(
        "Mẹ ơi con bị tai nạn đang cấp cứu, mẹ chuyển gấp 20 triệu vào số tài khoản bác sĩ giúp con"
    )
    assert verdict.verdict == "scam"
    assert "Yêu cầu chuyển tiền, nộp phí" in verdict.reasons


def test_otp_request_is_a_scam_but_a_warning_about_otp_is_not() -> None:
    assert score_message("Ban oi minh gui nham ma OTP, ban doc giup minh 6 so vua nhan voi").verdict == "scam"
    assert score_message("Khong cung cap ma OTP cho bat ky ai").verdict == "no_signal"


def test_diacritics_and_teen_code_do_not_change_the_verdict() -> None:
    text = "Tuyển cộng tác viên làm việc online tại nhà, thu nhập 300k-500k/ngày, liên hệ Zalo 0912345678"
    assert score_message(text).verdict == "scam"
    assert score_message(fold(text)).verdict == "scam"
    assert (
        score_message("tuyen ctv lam online tai nha, thu nhap 300k-500k/ngay, ib zl 0912345678").verdict
        == "scam"
    )


def test_reasons_are_vietnamese_and_bounded(authored: dict[str, list[tuple[str, int]]]) -> None:
    for text, label in authored["tune"]:
        verdict = score_message(text)
        assert 0.0 <= verdict.score <= 1.0
        assert verdict.verdict in ("scam", "suspicious", "no_signal")
        assert len(verdict.reasons) <= 6
        for reason in verdict.reasons:
            assert VIETNAMESE.search(reason), reason
        if label and verdict.verdict == "scam":
            assert verdict.reasons, text


def test_reputation_counts_become_reasons_and_raise_the_score() -> None:
    text = "Chi oi lien he em qua so 0912345678 nhe"
    seen: list[list[Indicator]] = []

    def reputation(indicators: list[Indicator]) -> dict:
        seen.append(indicators)
        return {"+84912345678": 12}

    plain = score_message(text)
    reported = score_message(text, reputation=reputation)
    # The toolkit's canonical value, as the check and intake store it.
    assert Indicator("phone", "+84912345678") in seen[0]
    assert "Số điện thoại đã bị tố giác 12 lần" in reported.reasons
    assert reported.score > plain.score and reported.verdict == "scam"


def test_a_single_report_alone_does_not_make_a_scam() -> None:
    verdict = score_message(
        "Goi lai cho anh so 0912345678 nhe", reputation=lambda indicators: {"+84912345678": 1}
    )
    assert verdict.verdict != "scam"


def test_reputation_lookup_failure_does_not_stop_scoring() -> None:
    def broken(indicators: list[Indicator]) -> dict:
        raise RuntimeError("database unavailable")

    assert score_message("Goi lai cho minh so 0912345678 nhe", reputation=broken).verdict == "no_signal"


def test_anchor_prefilter_never_changes_what_fires(authored: dict[str, list[tuple[str, int]]]) -> None:
    for text, _label in authored["tune"] + authored["holdout"]:
        normalised = normalise(text)
        fast, fast_legit = _scan(normalised)
        slow, slow_legit = _scan(normalised, prefilter=False)
        assert [(s.name, n) for s, n in fast] == [(s.name, n) for s, n in slow], text
        assert fast_legit == slow_legit, text
    assert all(signal.reason for signal in SIGNALS)


@pytest.mark.shared_data
def test_narrowed_signal_regexes_fire_as_the_whole_ones_on_real_messages() -> None:
    import csv

    path = training.SHARED_DATA_DIR / training.MESSAGE_CSV
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["content"] for row in csv.DictReader(handle)]
    assert len(texts) > 1000
    for text in texts:
        normalised = normalise(text)
        assert _scan(normalised) == _scan(normalised, prefilter=False), text[:60]


def test_top_level_alternatives_respect_groups_classes_and_escapes() -> None:
    from toandan.triage.prefilter import top_level_alternatives

    assert top_level_alternatives(r"a|b(c|d)|[|]e|[]|]x|[^]|]y|\|z") == [
        "a",
        "b(c|d)",
        "[|]e",
        "[]|]x",
        "[^]|]y",
        r"\|z",
    ]
    assert top_level_alternatives("(?<!da )thanh toan") == ["(?<!da )thanh toan"]


def test_normalise_folds_marks_and_teen_code() -> None:
    assert normalise("Đường   LINK  tài khoản") == "duong link tai khoan"
    assert normalise("ko dc, ck qua stk nhe") == "khong duoc, ck qua so tai khoan nhe"


def test_link_and_phone_extraction() -> None:
    text = "Vao vcb-xacthuc[.]com/login hoac bit.ly/abc, goi 0912 345 678 hay +84 987654321. Toi la Lan."
    found = extract(text)
    assert found.links == ["http://vcb-xacthuc.com/login", "http://bit.ly/abc"]
    assert [p.value for p in found.phones] == ["+84912345678", "+84987654321"]
    assert found.personal_mobile()
    assert "vcb" not in found.without_links and "Lan" in found.without_links
    assert extract("Con di hoc ve roi.Me an com chua").links == []


def test_the_scorer_reads_numbers_through_the_indicator_toolkit() -> None:
    """Short codes and 1800/1900 hotlines are numbers but not personal mobiles; OTP digits are no number."""
    short = extract("Soan DK gui 9029 de dang ky, CSKH 1800 1091")
    assert [p.value for p in short.phones] == ["VN:9029", "+8418001091"]
    assert not short.personal_mobile() and short.of_type("short_code") and short.of_type("toll_free")
    assert extract("Ma OTP cua ban la 845123, khong chia se cho ai").phones == []
    assert extract("Telegram: @hotro_vcb").links == []
    assert extract("Ket ban zalo.me/0912345678").links == ["http://zalo.me/0912345678"]


@pytest.mark.shared_data
def test_every_flag_on_real_messages_has_a_reason_in_vietnamese() -> None:
    import csv

    path = training.SHARED_DATA_DIR / training.MESSAGE_CSV
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 1000
    flagged = 0
    for row in rows:
        for sender in (None, row["sender_type"]):
            verdict = score_message(row["content"], sender_type=sender)
            if verdict.verdict != "no_signal":
                flagged += 1
                assert verdict.reasons, row["content"][:40]
    assert flagged > 100


def test_the_shipped_message_model_was_cross_validated_on_real_messages() -> None:
    from toandan.triage import features, modelstore

    model = modelstore.load_model(modelstore.MESSAGE_MODEL)
    assert model is not None and model.meta["kind"] == features.MESSAGE_MODEL_KIND
    cv = model.meta["cv"]
    assert len(cv["nosend"]["folds"]) == len(cv["sender"]["folds"]) == 5
    assert cv["nosend"]["pooled"]["flag"]["f1"] >= 0.75


def test_sender_type_is_optional_and_anything_else_is_ignored() -> None:
    text = "Chuc mung ban trung thuong 50 trieu, goi 0912345678 de nhan qua ngay hom nay"
    plain = score_message(text)
    assert score_message(text, sender_type="khong-ro") == plain
    assert (
        score_message(text, sender_type="personal_number").score
        >= score_message(text, sender_type="brandname").score
    )
