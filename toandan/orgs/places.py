"""Places as people still say them: today's communes and wards, and the communes and districts that existed
before 1 July 2025, answered with the commune they became.

``resolve(text)`` reads what a person typed in a place field ("Trần Phú, TP Quảng Ngãi", "xa nghia ky",
"Huyện Sơn Tịnh", "Phường Cẩm Thành") and answers with one of today's communes, or with the few communes
to choose from (a former district, a former commune split between several, a name shared by two places),
or with the closest names when nothing matched: never a bare refusal.

The mapping of former communes is data (``data/former-communes-2025.csv``, see ``data/SOURCE.md``), read
once; the communes themselves are ``Unit`` rows found by their GSO code.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from django.utils.translation import gettext as _

from toandan.identifiers.names import name_key
from toandan.orgs.models import Unit, UnitKind

T = TypeVar("T")
DATA = Path(__file__).resolve().parent / "data" / "former-communes-2025.csv"
# Words that say what kind of place a name is, as written without diacritics ("tp" is expanded by name_key).
_COMMUNE_TYPE = re.compile(r"^(?:xa|phuong|thi tran|tt|p|x|dac khu)\s+")
_DISTRICT_TYPE = re.compile(r"^(?:huyen|thanh pho|thi xa|h|q|quan)\s+")
_SPLIT = re.compile(r"\s*[,;/()]\s*|\s+-\s+")
_ACCENTED_TYPE = re.compile(r"^(?:xã|phường|thị trấn|đặc khu)\s+")


@dataclass(frozen=True)
class Former:
    """One commune (or a district without communes) as it was before 1 July 2025."""

    name: str  # "Phường Trần Phú" ("" for a district that had no communes)
    district: str  # "Thành phố Quảng Ngãi"
    province: str  # "Quảng Ngãi" or "Kon Tum"
    successors: tuple[str, ...]  # GSO codes of today's communes, the main one first

    @property
    def label(self) -> str:
        return f"{self.name} ({self.district})" if self.name else self.district


@dataclass
class Answer:
    """What a typed place means: one commune, or communes to choose from, with the reason in words."""

    commune: Unit | None = None
    former: list[Former] = field(default_factory=list)  # the former places the text named
    options: list[Unit] = field(default_factory=list)  # when it is not one commune
    suggestions: list[str] = field(default_factory=list)  # close names when nothing matched
    district: str = ""  # a former district named alone


def _bare(key: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub("", key, count=1).strip()


@cache
def former_places() -> tuple[Former, ...]:
    rows: dict[tuple[str, str, str], list[str]] = {}
    with open(DATA, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes = rows.setdefault((row["old_name"], row["old_district"], row["old_province"]), [])
            # A split commune lists its main successor first ("part" 1).
            codes.insert(0 if row["part"] == "1" else len(codes), row["new_gso_code"])
    return tuple(Former(*key, tuple(codes)) for key, codes in rows.items())


@cache
def _indexes() -> tuple[dict[str, list[Former]], dict[str, list[Former]], dict[str, str]]:
    """Former communes by bare name key, by district bare key, and district bare key → district name."""
    by_name: dict[str, list[Former]] = {}
    by_district: dict[str, list[Former]] = {}
    districts: dict[str, str] = {}
    for place in former_places():
        if place.name:
            by_name.setdefault(_bare(name_key(place.name), _COMMUNE_TYPE), []).append(place)
        district_key = _bare(name_key(place.district), _DISTRICT_TYPE)
        by_district.setdefault(district_key, []).append(place)
        districts[district_key] = place.district
    return by_name, by_district, districts


def _communes() -> list[Unit]:
    return list(Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).order_by("name"))


def _split(text: str) -> tuple[str, str, bool]:
    """(place key, district key, whether the place was typed as a district) from the typed text."""
    _by_name, _by_district, districts = _indexes()
    parts = [name_key(part) for part in _SPLIT.split(text) if name_key(part)]
    if not parts:
        return "", "", False
    place, rest = parts[0], parts[1:]
    district = ""
    for part in rest:
        bare = _bare(part, _DISTRICT_TYPE)
        if bare in districts:
            district = bare
            break
    if not rest:
        # "Trần Phú TP Quảng Ngãi": a district's name at the end, after a word that says it is one.
        for key in sorted(districts, key=len, reverse=True):
            match = re.fullmatch(rf"(.+?)\s+(?:huyen|thanh pho|thi xa|quan)\s+{re.escape(key)}", place)
            if match:
                place, district = match.group(1), key
                break
    as_district = bool(_DISTRICT_TYPE.match(place)) and _bare(place, _DISTRICT_TYPE) in districts
    return place, district, as_district


def _accented(name: str) -> str:
    """A name as written, diacritics kept, without its type: "Xã Sơn Hạ" → "sơn hạ"."""
    return _ACCENTED_TYPE.sub("", " ".join(unicodedata.normalize("NFC", name).lower().split()), count=1)


def _prefer_written(items: list[T], typed: str, name: Callable[[T], str]) -> list[T]:
    """Of names that differ only by diacritics ("Sơn Hà", "Sơn Hạ"), the one typed with its diacritics."""
    if len(items) < 2 or typed == name_key(typed):
        return items
    written = [item for item in items if _accented(name(item)) == typed]
    return written or items


def _units_for(codes: list[str], communes: list[Unit]) -> list[Unit]:
    by_code = {unit.gso_code: unit for unit in communes}
    return [by_code[code] for code in dict.fromkeys(codes) if code in by_code]


def resolve(text: str) -> Answer:
    """What the typed place means (see the module's docstring)."""
    text = " ".join(text.split())[:200]
    place, district, as_district = _split(text)
    if not place:
        return Answer()
    typed = _accented(_SPLIT.split(text)[0])
    communes = _communes()
    by_name, by_district, districts = _indexes()
    typed_type = _COMMUNE_TYPE.match(place)
    bare = _bare(place, _COMMUNE_TYPE)

    if as_district:
        key = _bare(place, _DISTRICT_TYPE)
        places = by_district.get(key, [])
        options = _units_for([c for p in places for c in p.successors], communes)
        if len(options) == 1:
            return Answer(commune=options[0], former=places[:1], district=districts[key])
        return Answer(former=[], options=options, district=districts[key])

    # Today's communes first, unless a former district says the person means a place as it was then.
    if not district:
        exact = [u for u in communes if u.name_key == place]
        if not exact and not typed_type:
            exact = [u for u in communes if _bare(u.name_key, _COMMUNE_TYPE) == bare]
        exact = _prefer_written(exact, typed, lambda u: u.name)
        if len(exact) == 1:
            return Answer(commune=exact[0])
        if len(exact) > 1:
            return Answer(options=exact)

    places = by_name.get(bare, [])
    if typed_type:
        same_type = [p for p in places if name_key(p.name).startswith(typed_type.group(0))]
        places = same_type or places
    if district:
        places = [p for p in places if _bare(name_key(p.district), _DISTRICT_TYPE) == district]
    places = _prefer_written(places, typed, lambda p: p.name)
    if places:
        successors = _units_for([c for p in places for c in p.successors], communes)
        if len(successors) == 1:
            return Answer(commune=successors[0], former=places)
        return Answer(former=places, options=successors)

    if district and not bare:
        return Answer(options=_units_for([c for p in by_district[district] for c in p.successors], communes))
    if district:
        # A place not known in that district: today's commune of that name, if there is one.
        exact = [u for u in communes if _bare(u.name_key, _COMMUNE_TYPE) == bare]
        if len(exact) == 1:
            return Answer(commune=exact[0])

    names = {_bare(u.name_key, _COMMUNE_TYPE): u.name for u in communes}
    names.update({key: places[0].name for key, places in by_name.items() if key not in names})
    close = difflib.get_close_matches(bare, list(names), n=4, cutoff=0.75)
    return Answer(suggestions=[names[key] for key in close])


def _names(units: list[Unit]) -> str:
    return ", ".join(unit.name for unit in units)


def explain(answer: Answer, text: str) -> str:
    """The answer in one or two sentences for the person who typed `text`."""
    typed = " ".join(text.split())[:200]
    if answer.commune is not None and answer.former:
        return _("%(former)s (trước 1/7/2025) nay là %(commune)s.") % {
            "former": answer.former[0].label,
            "commune": answer.commune.name,
        }
    if answer.commune is not None:
        return ""
    if answer.district and answer.options:
        return _(
            "%(district)s (trước 1/7/2025) nay gồm các xã, phường: %(names)s. Hãy chọn xã, phường nơi xảy ra."
        ) % {"district": answer.district, "names": _names(answer.options)}
    if answer.former and answer.options:
        return _("Trước 1/7/2025, “%(typed)s” là %(former)s; nay thuộc %(names)s. Hãy chọn một.") % {
            "typed": typed,
            "former": "; ".join(place.label for place in answer.former),
            "names": _names(answer.options),
        }
    if answer.options:
        return _("Có nhiều xã, phường trùng tên khi gõ không dấu: %(names)s. Hãy chọn một.") % {
            "names": _names(answer.options)
        }
    if answer.suggestions:
        return _(
            "Không tìm thấy “%(typed)s” trong tỉnh. Có phải: %(names)s? Nếu xảy ra ngoài tỉnh, hãy để "
            "trống ô này và chọn ô “ngoài tỉnh” bên dưới."
        ) % {"typed": typed, "names": ", ".join(answer.suggestions)}
    return _(
        "Không tìm thấy “%(typed)s” trong tỉnh, kể cả tên xã, huyện trước 1/7/2025. Hãy chọn trong danh "
        "sách, hoặc để trống ô này và chọn ô “ngoài tỉnh” bên dưới."
    ) % {"typed": typed}
