"""Places as people still say them: former communes and districts (before 1 July 2025), with or without
diacritics, answered with today's commune or the few to choose from; never a bare refusal."""

from __future__ import annotations

import csv

import pytest
from django.test import Client
from django.urls import reverse

from toandan.orgs import places
from toandan.orgs.models import Unit, UnitKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "commune", "former"),
    [
        ("Trần Phú, TP Quảng Ngãi", "Phường Nghĩa Lộ", "Phường Trần Phú (Thành phố Quảng Ngãi)"),
        ("tran phu tp quang ngai", "Phường Nghĩa Lộ", "Phường Trần Phú"),
        ("Nghĩa Chánh", "Phường Cẩm Thành", "Phường Nghĩa Chánh"),
        ("phuong nguyen nghiem, thi xa duc pho", "Phường Đức Phổ", "Thị xã Đức Phổ"),
        ("Huyện Lý Sơn", "Đặc khu Lý Sơn", "Huyện Lý Sơn"),
        ("Phường Cẩm Thành", "Phường Cẩm Thành", ""),
        ("cam thanh", "Phường Cẩm Thành", ""),
        ("Sơn Hạ", "Xã Sơn Hạ", ""),
    ],
)
def test_a_place_is_answered_with_todays_commune(units: None, typed: str, commune: str, former: str) -> None:
    answer = places.resolve(typed)
    assert answer.commune is not None and answer.commune.name == commune
    assert former in places.explain(answer, typed)


def test_a_former_district_lists_the_communes_that_replaced_it(units: None) -> None:
    answer = places.resolve("Huyện Sơn Tịnh")
    assert answer.commune is None
    assert {u.name for u in answer.options} == {"Xã Thọ Phong", "Xã Ba Gia", "Xã Sơn Tịnh", "Xã Trường Giang"}
    assert "Huyện Sơn Tịnh (trước 1/7/2025) nay gồm" in places.explain(answer, "Huyện Sơn Tịnh")


def test_a_name_of_two_places_or_a_split_commune_offers_each(units: None) -> None:
    both = places.resolve("Trần Hưng Đạo")
    assert {u.name for u in both.options} == {"Phường Cẩm Thành", "Phường Đăk BLa"}
    split = places.resolve("xa tra bui")
    assert [u.name for u in split.options] == ["Xã Cà Đam", "Xã Tây Trà Bồng"]  # the main part first
    assert {u.name for u in places.resolve("son ha").options} == {"Xã Sơn Hà", "Xã Sơn Hạ"}


def test_nothing_found_still_answers(units: None) -> None:
    close = places.resolve("Tinh Ke")
    assert "Xã Tịnh Khê" in close.suggestions
    assert "ngoài tỉnh" in places.explain(places.resolve("Không Có Nơi Này"), "Không Có Nơi Này")


def test_every_successor_in_the_data_is_a_commune_of_the_directory(units: None) -> None:
    codes = set(Unit.objects.filter(kind=UnitKind.COMMUNE).values_list("gso_code", flat=True))
    with open(places.DATA, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 270 and {row["new_gso_code"] for row in rows} <= codes
    assert len({row["new_gso_code"] for row in rows}) == 96


def test_place_endpoint_for_the_live_hint(units: None) -> None:
    answer = Client().get(reverse("reports:place"), {"q": "Trần Phú, TP Quảng Ngãi"}).json()
    assert answer["commune"] == "Phường Nghĩa Lộ" and "nay là Phường Nghĩa Lộ" in answer["message"]
    assert Client().get(reverse("reports:place"), {"q": ""}).json()["message"] == ""
