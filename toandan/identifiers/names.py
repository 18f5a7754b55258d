"""Comparison keys of names as people write them: without diacritics, abbreviated, punctuated at will.

``name_key`` is stored on each unit of the directory (``orgs.Unit.name_key``) and computed from typed text.
"""

from __future__ import annotations

import re
import unicodedata

from toandan.identifiers.text import strip_diacritics

# Applied to the diacritic-free, lower-case text, longest first. Whole words only.
ABBREVIATIONS: list[tuple[str, str]] = [
    (r"tt ?& ?tt|tt ?va ?tt|tttt", "thong tin va truyen thong"),
    (r"gd ?& ?dt|gd ?va ?dt|gddt|gd-dt", "giao duc va dao tao"),
    (r"kh ?& ?cn|kh ?va ?cn|khcn", "khoa hoc va cong nghe"),
    (r"vh ?,? ?tt ?& ?dl|vhttdl", "van hoa the thao va du lich"),
    (r"lđtb ?& ?xh|ldtb ?& ?xh|ldtbxh", "lao dong thuong binh va xa hoi"),
    (r"pt ?- ?th|pt ?& ?th|ptth", "phat thanh va truyen hinh"),
    (r"ptq", "dai phat thanh va truyen hinh quang ngai"),
    (r"ubmttq ?vn|ubmttq|mttq ?vn|mttq", "uy ban mat tran to quoc viet nam"),
    (r"ubnd", "uy ban nhan dan"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"vksnd|vks", "vien kiem sat nhan dan"),
    (r"tand", "toa an nhan dan"),
    (r"bcd", "ban chi dao"),
    (r"antq", "an ninh to quoc"),
    (r"lhpn", "lien hiep phu nu"),
    (r"ccb", "cuu chien binh"),
    (r"ldld", "lien doan lao dong"),
    (r"tncs", "thanh nien cong san"),
    (r"vpub|vp ubnd", "van phong uy ban nhan dan"),
    (r"vp", "van phong"),
    (r"ca", "cong an"),
    (r"tp", "thanh pho"),
    (r"tx", "thi xa"),
    (r"s\.", "so"),
]
_ABBREV_RE = [(re.compile(rf"(?<![\w&]){pattern}(?![\w&])"), repl) for pattern, repl in ABBREVIATIONS]
_NOISE_RE = re.compile(r"[^\w&\s]")
_SPACE_RE = re.compile(r"\s+")
# Titles of a unit's head ("Thủ trưởng", "Chủ tịch", "Giám đốc") name the unit itself in plan tasks.
_HEAD_TITLES = re.compile(r"^(thu truong|chu tich|giam doc|truong ban|truong|lanh dao|ban giam doc)\s+")


def name_key(text: str) -> str:
    """A comparison key: no diacritics, lower case, abbreviations expanded, punctuation and spacing folded."""
    key = strip_diacritics(unicodedata.normalize("NFC", text)).lower()
    key = key.replace("\u00a0", " ")
    for pattern, repl in _ABBREV_RE:
        key = pattern.sub(repl, key)
    key = _NOISE_RE.sub(" ", key).replace("&", " va ")
    key = _SPACE_RE.sub(" ", key).strip()
    return _HEAD_TITLES.sub("", key)
