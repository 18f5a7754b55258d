"""Unit names as written in a plan: split a list of units without breaking names that contain commas.

"Thủ trưởng các sở, ban, ngành, hội, đoàn thể tỉnh, Chủ tịch UBND huyện, thị xã, thành phố" is two units: a
comma starts a new unit only when the next words open a unit name ("Chủ tịch", "Sở", "Công an", "các"...).
"Sở Văn hóa, Thể thao và Du lịch" stays whole because "Thể thao" does not open a unit name.
"""

from __future__ import annotations

import re

__all__ = ["UNIT_HEAD", "clean_unit", "looks_like_unit", "split_units", "unit_head"]

# Words that open the name of a unit (or of the person heading it) in Vietnamese official writing.
_HEADS = (
    "Ban",
    "Bảo hiểm",
    "Báo",
    "Bệnh viện",
    "Bộ",
    "Bộ Chỉ huy",
    "Bộ đội",
    "Bưu điện",
    "Cảnh sát",
    "Cảng vụ",
    "Chánh",
    "Chi cục",
    "Chi nhánh",
    "Chủ tịch",
    "Cơ quan",
    "Công an",
    "Công đoàn",
    "Công ty",
    "Cục",
    "Đài",
    "Đảng ủy",
    "Đảng đoàn",
    "Đoàn",
    "Đơn vị",
    "Giám đốc",
    "Hải quan",
    "Hiệu trưởng",
    "Hội",
    "Hội đồng",
    "Huyện ủy",
    "Kho bạc",
    "Kiểm toán",
    "Lãnh đạo",
    "Liên đoàn",
    "Liên minh",
    "Lực lượng",
    "Mặt trận",
    "MTTQ",
    "Ngân hàng",
    "Người đứng đầu",
    "Nhà",
    "Phòng",
    "Quỹ",
    "Sở",
    "Tập đoàn",
    "Thanh tra",
    "Thành đoàn",
    "Thành ủy",
    "Thị ủy",
    "Thủ trưởng",
    "Tỉnh đoàn",
    "Tỉnh Đoàn",
    "Tỉnh ủy",
    "Tòa án",
    "Tổng công ty",
    "Trung tâm",
    "Trường",
    "Trưởng",
    "Ủy ban",
    "Uỷ ban",
    "Văn phòng",
    "Viện",
    "Viễn thông",
    "Các",
    "các",
    "Tổ công tác",
    "Tổ đảng",
    "Đại sứ quán",
    "Cơ quan đại diện",
    "Thông tấn xã",
    "Hiệp hội",
    "Liên hiệp",
    "Tổng Công ty",
    "Chi cục",
    "Đảng ủy",
    "Đảng bộ",
    "Ủy ban nhân dân",
    "UBND",
    "Trưởng Đoàn",
    "Tổ trưởng",
    "Chủ nhiệm",
    "Chủ đầu tư",
    "Tổ giúp việc",
    "Câu lạc bộ",
    "Chính quyền",
)
UNIT_HEAD = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, _HEADS), key=len, reverse=True)) + r")\b"
    r"|[A-ZĐ]{2,}[0-9]*\b"
)
_LEADING = re.compile(r"^(?:giao cho|giao|do|với|cùng với|cùng|cho|và|gồm|là)\s+", re.IGNORECASE)
# Case-sensitive on purpose: "tham mưu" is a verb, "Phòng Tham mưu" is a unit.
_TRAILING = re.compile(
    r"[\s,;:.\-–]*(?:\b(?:tổ chức\s+)?(?:thực hiện|triển khai(?: thực hiện)?|tham mưu(?: thực hiện)?|"
    r"đảm nhiệm|có trách nhiệm|chịu trách nhiệm|theo dõi|hướng dẫn|cùng thực hiện)\b)?[\s,;:.\-–]*$"
)


# One office serving two bodies ("Văn phòng HĐND và UBND huyện") is one unit despite the "và".
_JOINT_OFFICE = re.compile(
    r"Văn phòng (?:HĐND|Hội đồng nhân dân) và (?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
)
# Fixed phrases with a comma inside a name ("Cảnh sát phòng cháy, chữa cháy", "phòng, chống thiên tai").
_INNER_COMMA = re.compile(r"(?:\bphòng|\bcháy|\bcứu nạn),(?=\s*(?:chống|chữa cháy|cứu hộ)\b)", re.IGNORECASE)
# After a comma, lower-case words that open a kind of body name another body ("Công an Thành phố, chính quyền
# địa phương", "các Đại sứ quán, tổ chức quốc tế"); other lower-case words go on with the name or the
# collective phrase ("Phòng Phổ biến, giáo dục pháp luật", "UBND các huyện, thành phố").
_BODY_KIND = re.compile(
    r"^(?:chính quyền|tổ chức|cơ quan|đơn vị|lực lượng|nhóm|làng nghề|trường|câu lạc bộ|doanh nghiệp|"
    r"nhà thầu|chủ đầu tư|báo chí|cơ sở)\b"
)
# "các nghệ sỹ, nghệ nhân gốm", "các doanh nghiệp, tổ chức, cá nhân": a plural of lower-case kinds
# enumerates kinds, all one collective ("các Đại sứ quán, tổ chức quốc tế" names a kind of body: split).
_KIND_WORD = (
    r"(?:sở|ban|ngành|địa phương|cơ quan|đơn vị|hội|đoàn thể|huyện|quận|xã|phường|thị xã|thành phố|tỉnh)"
)
_KINDS = re.compile(
    r"^[Cc]ác\s+(?:[a-zđàáảãạăâèéêìíòóôơùúưỳý]|(?i:" + _KIND_WORD + r"(?:,\s*" + _KIND_WORD + r")*$))"
)
# "… và đơn vị sự kiện": a lower-case kind of body after "và" is another body too.
_AND_BODY = r"(?:đơn vị|cơ quan|chính quyền)\b"
_KEEP = "\x01"
_COMMA = "\x02"


def clean_unit(text: str) -> str:
    """Trim connective words and trailing verbs, keeping the unit's own spelling."""
    text = re.sub(r"\s+", " ", text).strip(" \t,;:.-–*…")
    text = re.sub(r",?\s*(?:căn cứ|theo)\s+chức năng,?\s*nhiệm vụ(?:\s+được giao)?", "", text)
    for _ in range(3):
        before = text
        text = _LEADING.sub("", text)
        text = _TRAILING.sub("", text).strip(" ,;:.-–…")
        text = re.sub(r"\s+và$", "", text)
        if text == before:
            break
    return text


def _pieces(text: str, separators: str) -> list[str]:
    """Split at separators outside parentheses."""
    out, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth <= 0 and char in separators:
            out.append(current)
            current = ""
            depth = 0
        else:
            current += char
    out.append(current)
    return out


def split_units(text: str) -> list[str]:
    """Split "A, B và các đơn vị liên quan" into unit names as written; never split inside a name."""
    units: list[str] = []
    # "Ủy ban KH,CN&MT": a comma without a space is part of an abbreviated name.
    text = re.sub(r"(?<=\w),(?=\w)", _COMMA, text)
    text = _INNER_COMMA.sub(lambda m: m.group(0)[:-1] + _COMMA, text)
    for chunk in _pieces(text.replace("<br>", ";").replace("\n", ";"), ";+"):
        chunk = _JOINT_OFFICE.sub(
            lambda m: m.group(0).replace(" và ", _KEEP), re.sub(r"^\s*[-–•+]\s*", "", chunk)
        )
        next_body = r"\s+và\s+(?=" + UNIT_HEAD.pattern + "|" + _AND_BODY + r")"
        parts = [p.replace(_KEEP, " và ") for p in re.split(next_body, chunk)]
        for part in parts:
            current = ""
            for piece in _pieces(part, ","):
                stripped = piece.strip()
                if current and (
                    UNIT_HEAD.match(stripped)
                    or (
                        _BODY_KIND.match(stripped) and not _KINDS.match(current) and not current.endswith(":")
                    )
                ):
                    units.append(current)
                    current = stripped
                else:
                    current = f"{current}, {stripped}" if current else stripped
            units.append(current)
    cleaned = [clean_unit(u).replace(_COMMA, ",") for u in units]
    return [u for u in cleaned if u and re.search(r"\w", u)]


_COLLECTIVE = re.compile(
    r"^[Cc]ác\s+(?:sở|ban|ngành|cơ quan|đơn vị|địa phương|huyện|xã|phường|tổ chức|hội|đoàn thể|doanh nghiệp|"
    r"trường|UBND|Ủy ban|cấp|lực lượng|phòng|ngân hàng|cơ sở|nhà trường|thành viên|bộ|cục|chi cục|"
    r"trung tâm)\b"
)
_ACTION = re.compile(
    r"\b(?:tổ chức thực hiện|tuyên truyền|thực hiện|xây dựng|triển khai|tăng cường|nâng cao|hội nghị|"
    r"hội thảo|"
    r"hội thi|kiểm tra|đánh giá|phát động|rà soát|công tác|nhiệm vụ|chủ trì|phối hợp|tham mưu|hoạt động|"
    r"nội dung|giải pháp|chương trình|kế hoạch|phong trào|mô hình|chế độ|kinh phí)\b",
    re.IGNORECASE,
)


def looks_like_unit(text: str, max_words: int = 14) -> bool:
    """A short phrase that opens like a unit name ("Công an tỉnh", "Sở Y tế", "UBND các huyện")."""
    text = text.strip()
    if not text or len(text.split()) > max_words or not text[0].isupper() or not UNIT_HEAD.match(text):
        return False
    return not text.startswith("Các ") or bool(_COLLECTIVE.match(text))


def unit_head(text: str) -> tuple[str, str] | None:
    """Split a per-unit item "Công an tỉnh (Thường trực): chủ trì …" into ("Công an tỉnh", "chủ trì …").

    A request to a body the plan cannot order ("Đề nghị Ủy ban MTTQ tỉnh: …") counts as addressed to it.
    """
    text = re.sub(r"^(?:Đề nghị|Giao|Yêu cầu|Mời)\s+", "", text.strip())
    match = re.match(r"^([^:]{2,150}?)\s*:\s*(.*)$", text)
    if match and looks_like_unit(match.group(1), 25) and not _ACTION.search(match.group(1)):
        unit, rest = match.group(1).strip(), match.group(2).strip()
    else:
        bare = text.rstrip(" .")
        short = re.sub(r"\([^()]*\)", "", bare)
        if not looks_like_unit(short, 10) or _ACTION.search(short) or re.search(r"[.;:]", bare):
            return None
        unit, rest = bare, ""
    # "Công an tỉnh (Cơ quan Thường trực Ban Chỉ đạo 138)": the parenthetical describes, it is not the name.
    return re.sub(r"\s*\([^()]*\)\s*$", "", unit), rest
