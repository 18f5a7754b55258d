"""The organisation directory and the name matching the plan importer relies on."""

from __future__ import annotations

import pytest

from toandan.identifiers.names import name_key
from toandan.orgs.matching import UnitIndex, match_unit, resolve_reference
from toandan.orgs.models import Unit, UnitKind
from toandan.orgs.services import sync_units

pytestmark = pytest.mark.django_db


def test_directory_holds_the_96_communes_of_today(units: None) -> None:
    communes = Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True)
    assert communes.count() == 96
    names = list(communes.values_list("name", flat=True))
    assert sum(n.startswith("Xã ") for n in names) == 86
    assert sum(n.startswith("Phường ") for n in names) == 9
    assert names.count("Đặc khu Lý Sơn") == 1
    # Every commune has its police unit under the provincial police.
    police = Unit.objects.filter(kind=UnitKind.POLICE, area__isnull=False)
    assert police.count() == 96 and all(p.parent.code == "ca-tinh" for p in police.select_related("parent"))


def test_former_districts_are_kept_inactive(units: None) -> None:
    districts = Unit.objects.filter(kind=UnitKind.DISTRICT)
    assert districts.count() == 23 and not districts.filter(is_active=True).exists()


def test_sync_is_idempotent(units: None) -> None:
    before = Unit.objects.count()
    counts = sync_units()
    assert counts["created"] == 0 and Unit.objects.count() == before


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Công an tỉnh", "ca-tinh"),
        ("CA tỉnh", "ca-tinh"),
        ("Cong an tinh Quang Ngai", "ca-tinh"),
        ("Sở TT&TT", "so-tttt"),
        ("Sở Thông tin và Truyền thông", "so-tttt"),
        ("So Giao duc va Dao tao", "so-gddt"),
        ("Sở GD&ĐT", "so-gddt"),
        ("Đài Phát thanh và Truyền hình tỉnh", "ptq"),
        ("Báo Quảng Ngãi", "bao-qn"),
        ("UBND tỉnh", "ubnd-tinh"),
        ("Văn phòng UBND tỉnh", "vp-ubnd"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "mttq"),
        ("UBND huyện Bình Sơn", "huyen-binh-son"),
        ("Viện Kiểm sát nhân dân tỉnh", "vksnd"),
        ("Giám đốc Công an tỉnh", "ca-tinh"),
        ("Ban Chi dao 138 tinh", "bcd138"),
    ],
)
def test_names_match_without_diacritics_and_with_abbreviations(units: None, written: str, code: str) -> None:
    match = match_unit(written)
    assert match is not None, written
    assert match.unit.code == code


def test_names_differing_only_by_diacritics_stay_apart(units: None) -> None:
    assert match_unit("Xã Sơn Hà").unit.gso_code == "21289"
    assert match_unit("Xã Sơn Hạ").unit.gso_code == "21292"


def test_unknown_name_is_not_guessed(units: None) -> None:
    assert match_unit("Cục Hàng không Việt Nam") is None
    assert not resolve_reference("các đơn vị, địa phương có liên quan").matched


def test_collective_reference_expands_to_the_units_it_means(units: None) -> None:
    resolution = resolve_reference("Thủ trưởng các sở, ban, ngành, hội, đoàn thể tỉnh")
    kinds = {u.kind for u in resolution.units}
    assert resolution.collective and kinds == {UnitKind.DEPARTMENT, UnitKind.MASS_ORG}
    assert all(u.is_active for u in resolution.units)
    districts = resolve_reference("Chủ tịch UBND huyện, thị xã, thành phố")
    assert districts.collective and len(districts.units) == 23


def test_an_index_built_once_answers_like_the_directory_without_queries(
    units: None, django_assert_num_queries
) -> None:
    names = [
        "CA tỉnh",
        "So Giao duc va Dao tao",
        "Xã Sơn Hạ",
        "Cục Hàng không Việt Nam",
        "các sở, ban, ngành",
    ]
    expected = [resolve_reference(n) for n in names]
    index = UnitIndex(list(Unit.objects.all()))
    with django_assert_num_queries(0):  # one import resolves every name against the prepared index
        got = [resolve_reference(n, index=index) for n in names]
        assert match_unit("Sở GD&ĐT", index=index).unit.code == "so-gddt"
    assert [(r.units, r.collective, r.score) for r in got] == [
        (r.units, r.collective, r.score) for r in expected
    ]


def test_name_key_folds_diacritics_case_and_abbreviations() -> None:
    assert name_key("Sở TT&TT") == name_key("so thong tin va truyen thong")
    assert name_key("  UBND  Tỉnh ") == "uy ban nhan dan tinh"
