"""Category by keywords: the suggestion before any model was trained on this platform's confirmed cases.

Patterns run on the normalised text (no diacritics, teen-code expanded) of the default categories
(``reports.reference_data``); a category an administrator adds later is suggested once the model knows it.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_noop

from toandan.triage.text import normalise

KEYWORDS: dict[str, re.Pattern[str]] = {
    code: re.compile(pattern)
    for code, pattern in {
        "lua-dao": r"lua dao|bi lua|chuyen (?:khoan|tien)|mat (?:het )?tien|chiem doat|dat coc|"
        r"vay (?:tien|online)|viec lam online|cong tac vien|nhiem vu|dau tu|hoa hong|nap tien|"
        r"khong nhan duoc hang|rut tien",
        "gia-mao": r"gia danh|mao danh|gia mao|xung (?:la )?(?:cong an|can bo|nhan vien|bac si|giao vien)|"
        r"tu xung|gia lam|nhan la (?:cong an|nhan vien)|vien kiem sat|toa an|bo cong an",
        "link-lua-dao": r"duong link|duong dan|trang web|website|\blink\b|http|\.com|\.top|\.vip|\.xyz|"
        r"dang nhap vao|ung dung gia|file apk|\bapk\b",
        "tin-rac": r"tin nhan rac|cuoc goi rac|quang cao|spam|lam phien|goi lien tuc|nhan tin lien tuc",
        "xam-nhap": r"hack|bi chiem (?:tai khoan|facebook|zalo)|mat tai khoan|ma doc|virus|dieu khien tu xa|"
        r"chiem quyen|dang nhap la|bi doi mat khau|ma hoa du lieu|tong tien",
        "du-lieu-ca-nhan": r"lo (?:lot )?(?:thong tin|du lieu)|ban du lieu|mua ban (?:thong tin|du lieu)|"
        r"thong tin ca nhan bi|ro ri",
        "co-bac": r"co bac|danh bac|ca do|ca cuoc|casino|tai xiu|lo de|danh de|nha cai|bai online",
        "hang-cam": r"ma tuy|vu khi|sung|thuoc no|hang cam|dong vat hoang da|hang gia|thuoc la dien tu",
        "xam-hai-tre-em": r"xam hai|khieu dam|anh nong|anh nhay cam|clip nhay cam|du do (?:tre|em|chau|con)|"
        r"quay roi|boc lot|tre em|tre vi thanh nien",
        "tin-sai": r"tin (?:gia|sai)|sai su that|bia dat|xuyen tac|vu khong|boi nho|phi bang",
    }.items()
}

REASON = gettext_noop("Nội dung có từ khóa của loại “%(category)s”")


def keyword_scores(text: str) -> dict[str, int]:
    """How many distinct keywords of each category the text holds (categories with none are left out)."""
    normalised = normalise(text)
    scores = {}
    for code, pattern in KEYWORDS.items():
        found = {match.group(0) for match in pattern.finditer(normalised)}
        if found:
            scores[code] = len(found)
    return scores


def keyword_category(text: str, available: set[str], reporter_choice: str) -> str | None:
    """The available category with most keywords (the reporter's choice wins ties), or None."""
    scores = {code: n for code, n in keyword_scores(text).items() if code in available}
    if not scores:
        return None
    best = max(scores.values())
    if scores.get(reporter_choice) == best:
        return reporter_choice
    return min(code for code, n in scores.items() if n == best)
