"""Lists of units inside a duty: where one body ends and the next begins, and where the work starts.

Phrases are invented in the style of Vietnamese plans (no document text is copied here).
"""

from __future__ import annotations

from datetime import date

from toandan.plans.importer import import_document
from toandan.plans.importer.duties import read_duty, units_after
from toandan.plans.importer.units import split_units


def test_a_lower_case_kind_of_body_after_a_comma_is_another_body() -> None:
    assert split_units("Công an tỉnh, chính quyền địa phương") == ["Công an tỉnh", "chính quyền địa phương"]
    assert split_units("Các Lãnh sự quán, tổ chức phi chính phủ") == [
        "Các Lãnh sự quán",
        "tổ chức phi chính phủ",
    ]
    assert split_units("UBND các xã, phường và đơn vị thi công") == ["UBND các xã, phường", "đơn vị thi công"]


def test_collective_phrases_and_names_with_commas_stay_whole() -> None:
    assert split_units("UBND các huyện, thị xã") == ["UBND các huyện, thị xã"]
    assert split_units("các hợp tác xã, tổ chức, cá nhân có liên quan") == [
        "các hợp tác xã, tổ chức, cá nhân có liên quan"
    ]
    assert split_units("các Sở, ban, ngành, đơn vị liên quan") == ["các Sở, ban, ngành, đơn vị liên quan"]
    assert split_units("Phòng Tuyên truyền, giáo dục cộng đồng") == ["Phòng Tuyên truyền, giáo dục cộng đồng"]
    assert split_units("Đội Cảnh sát phòng cháy, chữa cháy") == ["Đội Cảnh sát phòng cháy, chữa cháy"]
    assert split_units("Chi cục phòng, chống thiên tai, Công an xã") == [
        "Chi cục phòng, chống thiên tai",
        "Công an xã",
    ]
    assert split_units("các Sở, ngành tỉnh, cơ quan báo chí") == ["các Sở, ngành tỉnh", "cơ quan báo chí"]


def test_a_verb_inside_a_company_name_does_not_end_the_list() -> None:
    units = units_after("Công ty TNHH MTV Khai thác công trình Thủy lợi Miền Tây bảo đảm vận hành an toàn")
    assert units == ["Công ty TNHH MTV Khai thác công trình Thủy lợi Miền Tây"]
    units = units_after("các Công ty Cấp nước khu vực bảo đảm cung cấp nước ổn định cho Nhân dân")
    assert units == ["các Công ty Cấp nước khu vực"]
    units = units_after("Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh triển khai")
    assert units == ["Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"]


def test_an_operators_verb_after_a_kind_of_body_names_it() -> None:
    assert units_after("các đơn vị quản lý đường bộ kiểm tra mặt đường") == ["các đơn vị quản lý đường bộ"]
    assert units_after("các đơn vị tổng hợp số liệu") == ["các đơn vị"]


def test_phoi_hop_with_a_specific_plural_body_puts_it_in_the_lead() -> None:
    duty = read_duty(
        "Phối hợp với Sở Công Thương và các Công ty Xăng dầu bảo đảm nguồn cung", ["Sở Tài chính"]
    )
    assert duty.lead == ["Sở Công Thương", "các Công ty Xăng dầu"] and duty.support == ["Sở Tài chính"]
    duty = read_duty("Phối hợp tổ chức tập huấn cho cán bộ", ["Sở Tư pháp"])
    assert duty.lead == ["Sở Tư pháp"] and duty.support == []
    duty = read_duty(
        "Phối hợp Công an tỉnh, UBND các xã: An Hòa, Bình Minh và các đơn vị liên quan xây dựng phương án",
        ["Sở Y tế"],
    )
    assert duty.lead == ["Công an tỉnh", "UBND các xã: An Hòa, Bình Minh"]
    assert duty.support == ["Sở Y tế", "các đơn vị liên quan"]


def test_lanh_dao_opening_a_duty_is_the_verb() -> None:
    duty = read_duty("Lãnh đạo việc triển khai Đề án số hóa trong cơ quan", ["Đảng ủy Sở"])
    assert duty.lead == ["Đảng ủy Sở"]


_GROUPED = """ỦY BAN NHÂN DÂN
TỈNH AN HÒA
Số: 12/KH-UBND
An Hòa, ngày 5 tháng 3 năm 2026
KẾ HOẠCH
Phòng, chống hạn hán năm 2026
I. MỤC ĐÍCH
Bảo đảm nước sinh hoạt.
II. NHIỆM VỤ
1. Vùng ven biển:
* Giải pháp trước mắt:
- Sở Nông nghiệp và Môi trường phối hợp với Công ty Cấp nước tỉnh vận hành các trạm bơm dã chiến.
- Nạo vét kênh tưới theo Quyết định số 45/QĐ-UBND ngày 12/1/2025 của UBND tỉnh.
* Giải pháp lâu dài:
- Xây dựng hồ chứa nước theo Nghị quyết số 7/NQ-HĐND ngày 3/4/2024.
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính: bố trí kinh phí trong năm 2026.
"""


def test_bullets_grouped_under_a_lead_in_are_read_and_cited_dates_are_not_the_works() -> None:
    draft = import_document(_GROUPED.encode("utf-8"), "k.txt")
    titles = [t.title for t in draft.tasks]
    assert any(t.startswith("Sở Nông nghiệp và Môi trường phối hợp") for t in titles), titles
    grouped = next(t for t in draft.tasks if t.title.startswith("Sở Nông nghiệp"))
    assert grouped.lead == ["Công ty Cấp nước tỉnh"] and grouped.support == ["Sở Nông nghiệp và Môi trường"]
    # Bullets that name no unit and only cite a dated document are not tasks.
    assert not any(t.title.startswith(("Nạo vét", "Xây dựng hồ", "Giải pháp")) for t in draft.tasks), titles
    assert any(t.lead == ["Sở Tài chính"] and t.timeframe.end == date(2026, 12, 31) for t in draft.tasks)


def test_a_semicolon_before_another_units_head_goes_on_with_the_list() -> None:
    duty = read_duty(
        "Chủ trì, phối hợp với Chủ tịch UBND các xã, phường; thủ trưởng các cơ quan có liên quan hướng dẫn",
        ["Giám đốc Sở Y tế"],
    )
    assert duty.support == ["Chủ tịch UBND các xã, phường", "thủ trưởng các cơ quan có liên quan"]
    # A ";" before the next duty still ends the list.
    duty = read_duty("Phối hợp với Sở Tài chính; bố trí kinh phí", ["Sở Y tế"])
    assert duty.lead == ["Sở Tài chính"] and duty.support == ["Sở Y tế"]


def test_party_style_number_with_the_kind_before_the_slash() -> None:
    text = (
        "ĐẢNG ỦY KHỐI CƠ QUAN TỈNH\nSố 412-KH/ĐUK\nAn Hòa, ngày 2 tháng 4 năm 2025\nKẾ HOẠCH\nChuyển đổi số\n"
    )
    draft = import_document((text + "I. NHIỆM VỤ\n1. Sở Y tế: tổ chức tập huấn.\n").encode("utf-8"), "k.txt")
    assert draft.number == "412-KH/ĐUK"
