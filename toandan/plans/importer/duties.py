"""One duty of a unit: who leads and supports it, and when, read from the duty's own words.

Conventions (../shared/docs/PLAN-TASKS.md): a duty listed under a unit's heading is led by that unit, unless
it opens with "Phối hợp (với) Y …" where Y is a specific body — then Y leads and the heading's unit supports;
a generic Y ("các đơn vị liên quan") leaves the heading's unit in the lead. "Chủ trì, phối hợp với Z" makes Z
support. A duty that opens with its own subject ("Sở Xây dựng phối hợp với …", "Đề nghị UBND tỉnh X …") is
that subject's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .timeframes import TimeFrame, parse_timeframe
from .units import UNIT_HEAD, clean_unit, split_units

__all__ = ["Duty", "generic_unit", "read_duty", "split_duties", "subject_units", "units_after"]

# Words that end a list of unit names: verbs and prepositions that open the work itself.
_STOP = re.compile(
    r"\s(?:để|trong (?:việc|công tác|quá trình)|thực hiện|tổ chức(?! (?:chính trị|xã hội|quốc tế|hữu nghị))|"
    r"(?<!đầu tư\s)xây dựng(?! công trình| dân dụng)|triển khai|"
    r"tham mưu|nghiên cứu|rà soát|kiểm tra|đôn đốc|hướng dẫn|tuyên truyền|truyền thông|tích hợp|về việc|"
    r"về|theo|nhằm|đảm bảo|bảo đảm|cung cấp|vận hành|xử lý|giải quyết|quản lý|chỉ đạo|ban hành|thẩm định|"
    r"tăng cường|thiết lập|tiếp nhận|bố trí|phát hiện|giám sát|lập|đẩy nhanh|huy động|xác định|cử|gửi|"
    r"khắc phục|phân luồng|chuẩn bị|ứng phó|(?<!công )trình|báo cáo|tìm kiếm|đánh giá|thống nhất|tập trung|"
    r"khẩn trương|chủ động|có trách nhiệm|chịu trách nhiệm|căn cứ|cùng|trên cơ sở|nắm|phổ biến|"
    r"duy trì|thu gom|vệ sinh|kiểm soát|tiếp sóng|thanh|vận động|đón|phục vụ|điều tiết|đề xuất|"
    r"tổng hợp|thường xuyên|kịp thời|hỗ trợ|tổng kết|sơ kết|thúc đẩy|hoàn thiện|nâng cao|đẩy mạnh|"
    r"tiếp tục|giúp|cấp phép|thực hiện|điều chỉnh|công bố|hoàn thành|lồng ghép|phát triển|ứng trực)\b",
)
_SUBJECT_VERB = re.compile(
    r"\s(?:(?:làm\s+)?chủ trì|phối (?:hợp|với)|là (?:cơ quan|đầu mối|đơn vị)|có trách nhiệm|chịu trách nhiệm|"
    r"căn cứ|tổ chức(?! (?:chính trị|xã hội|quốc tế|hữu nghị|hội|đoàn thể|phi chính phủ|tín dụng|kinh tế))|"
    r"thực hiện|triển khai|(?<!đầu tư\s)xây dựng(?! công trình| dân dụng)|tham mưu|chỉ đạo|đôn đốc|"
    r"hướng dẫn|tập trung|"
    r"khẩn trương|chủ động|báo cáo|giám sát|xác định|theo dõi|cung cấp|bảo đảm|đảm bảo|phải|cần|"
    r"thường xuyên|kịp thời|tiếp tục|đề nghị|yêu cầu|để)\b"
)
_STRONG_VERB = re.compile(
    r"\s(?:(?:làm\s+)?chủ trì|phối (?:hợp|với)|là (?:cơ quan|đầu mối)|có trách nhiệm)\b"
)
_GENERIC = re.compile(
    r"^(?:các\s+)?(?:cơ quan|đơn vị|địa phương|lực lượng|sở|bộ|ngành|ban|tổ chức|chính quyền|cấp)"
    r"(?:[\s,]+(?:cơ quan|đơn vị|địa phương|sở|bộ|ngành|ban|tổ chức|đoàn thể|có|liên quan|chức năng|khác|"
    r"thuộc|trên địa bàn|thành phố|tỉnh|huyện|xã|phường|và|địa phương|cá nhân))*$",
    re.IGNORECASE,
)
_NBSP = "\u00a0"
_COLON = "\x03"
_SEMI = "\x04"
_OPERATOR = re.compile(r"\b(?:đơn vị|cơ quan) (?:vận hành|duy trì|quản lý|thi công|khai thác)\b")
# Words that open like a unit ("Ban", "Báo", "Hội", "Nhà") but open a verb or an event here.
_VERB_OPENING = re.compile(
    r"^(?:Lãnh đạo(?:,|\s+(?:việc|chỉ đạo|thực hiện|tổ chức))|"
    r"Ban hành|Báo cáo|Bảo đảm|Bảo vệ|Bảo hiểm xã hội cho|Hội nghị|Hội thảo|Hội thi|Hội diễn|"
    r"Nhà nước|Đoàn kết|Phòng ngừa|Phòng,? chống|Phòng cháy|Các (?:hoạt động|nội dung|nhiệm vụ|giải pháp))\b"
)
_ADVERBIAL = re.compile(r"^(?:H[ằà]ng năm|Định kỳ|Đồng thời|Ngoài ra|Bên cạnh đó),?\s+", re.IGNORECASE)
_OPENING = re.compile(r"^(?:Đề nghị|Giao|Yêu cầu|Mời)\s+", re.IGNORECASE)
_COOPERATE = re.compile(
    r"\b(?:phối (?:hợp|với)(?:\s+chặt chẽ)?(?:\s+(?:với|cùng(?:\s+với)?))?|(?<=đầu mối )cùng với)\s+",
    re.IGNORECASE,
)
_LEAD_COOPERATE = re.compile(
    r"^(?:Chủ động\s+)?(?:Phối hợp|Phối với)(?:\s+chặt chẽ)?(?:\s+(?:với|cùng(?:\s+với)?))?\s+", re.IGNORECASE
)
_TIME = re.compile(
    r"\b(?:trong (?:quý|quí|tháng|năm \d|\d{1,2}/\d{4}|6 tháng|sáu tháng)|trước (?:ngày|tháng|quý|năm)|"
    r"chậm nhất|"
    r"hoàn thành (?:trong|trước)|từ (?:nay|ngày|tháng|quý)|đến hết)[^;.()]*",
    re.IGNORECASE,
)
_RECURRING = re.compile(r"\b(?:thường xuyên|h[ằà]ng (?:năm|quý|tháng|tuần)|định kỳ)\b", re.IGNORECASE)


@dataclass
class Duty:
    """One duty as read: lead and support as written, its time frame and the words it was read from."""

    text: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    timeframe: TimeFrame = field(default_factory=TimeFrame)


def generic_unit(name: str) -> bool:
    """ "các đơn vị liên quan", "các sở, ngành", "chính quyền địa phương": no body in particular."""
    name = name.strip()
    return bool(_GENERIC.match(name)) or name.startswith(("các ", "chính quyền", "đơn vị", "cơ quan"))


# A company's registered name may hold verbs ("Công ty TNHH MTV Đầu tư phát triển Thủy lợi …"): inside a
# company name, a verb followed within a few lower-case words by a proper name (not a document's kind) is
# part of the name.
_COMPANY = re.compile(r"\b(?:Tổng\s+)?[Cc]ông ty\b(?:(?!\svà\s)[^,;:])*")
_DOCUMENT_KINDS = re.compile(
    r"^(?:Kế hoạch|Nghị quyết|Đề án|Quyết định|Chương trình|Luật|Chỉ thị|Nghị định|Thông tư|Lệnh|Dự án|"
    r"Công văn)\b"
)


def _name_goes_on(after: str) -> bool:
    """After a verb inside a company name: a proper name within two lower-case words ("… Thủy lợi …")."""
    words = after.split()[:3]
    for i, word in enumerate(words):
        if word[:1].isupper():
            return not _DOCUMENT_KINDS.match(" ".join(words[i:]))
        if not word.isalpha():
            return False
    return False


def _first_stop(text: str) -> int | None:
    """Where the work starts after a list of units, skipping verbs inside a company's name."""
    companies = [m.span() for m in _COMPANY.finditer(text)]
    for stop in _STOP.finditer(" " + text):
        inside = any(a < stop.start() < b for a, b in companies)  # " " + text: stop.start() is text's
        if inside and _name_goes_on(text[stop.end() - 1 :]):
            continue
        return stop.start()
    return None


def _unit_list(text: str) -> str:
    """The leading run of unit names in `text`: stop at the first word that opens the work."""
    # "các tổ chức, cá nhân": here "tổ chức" is a noun, not the verb that opens the work.
    text = re.sub(r"\bcác tổ chức\b", "các tổ" + _NBSP + "chức", text.strip())
    # "đơn vị vận hành thoát nước", "cơ quan quản lý": an operator's verb right after a kind of body names it.
    text = _OPERATOR.sub(lambda m: m.group(0).replace(" ", _NBSP), text)
    stop = _first_stop(text)
    head = text[:stop] if stop is not None else text
    # "UBND các phường: Hoàn Kiếm, Cửa Nam …": the places after the colon belong to the unit.
    head = re.sub(r"(\bcác\s+(?:xã|phường|huyện|quận|thị xã|tỉnh|thành phố))\s*:", r"\1" + _COLON, head)
    # "… phối hợp với Chủ tịch UBND huyện; thủ trưởng các ngành …": a ";" before another unit name goes on
    # with the list (no verb came first); before anything else it ends it.
    head = re.sub(r";\s+(?=(?:" + UNIT_HEAD.pattern + r"|thủ trưởng|giám đốc|chủ tịch)\b)", _SEMI, head)
    head = re.split(r"[;:.](?:\s|$)", head, maxsplit=1)[0].replace(_SEMI, "; ")
    return head.strip(" ,").replace(_NBSP, " ").replace(_COLON, ":")


def units_after(text: str) -> list[str]:
    """Unit names at the start of `text` ("Sở Du lịch và các đơn vị liên quan tham mưu …")."""
    units = split_units(_unit_list(text))
    return [
        u
        for u in units
        # "thủ trưởng các ngành": a unit's head written in lower case mid-sentence is still a unit.
        if UNIT_HEAD.match(u[:1].upper() + u[1:]) or generic_unit(u) or u[:1].isupper() or u.startswith("các")
    ]


def subject_units(text: str) -> tuple[list[str], str] | None:
    """A duty that opens with its own subject: ("Sở Xây dựng phối hợp với …") → (["Sở Xây dựng"], rest)."""
    text = _OPENING.sub("", _ADVERBIAL.sub("", text.strip()))
    if not UNIT_HEAD.match(text) or _VERB_OPENING.match(text):
        return None
    match = _STRONG_VERB.search(text[:400]) or _SUBJECT_VERB.search(text[:400])
    if match is None:
        return None
    subject = text[: match.start()].strip(" ,")
    # "Lãnh đạo, chỉ đạo …" opens with a verb that happens to name a unit too.
    if len(subject.split()) < 2 or len(subject.split()) > 60 or re.match(r"^\S+,", text):
        return None
    units = split_units(subject)
    if not units or not UNIT_HEAD.match(units[0]):
        return None
    return units, text[match.start() :].strip()


def _timeframe(text: str, plan_date: date | None, horizon: date | None, dated: bool = False) -> TimeFrame:
    phrases = [m.group(0) for m in _TIME.finditer(text)]
    if not phrases and dated:
        # A schedule item ("Tựu trường: Ngày 26/8/2024 …"): its first date that is not a citation's.
        day = re.search(r"(?<!/)(?<![A-ZĐ]\s)\b[Nn]gày\s+\d{1,2}/\d{1,2}/\d{4}", text)
        phrases = [day.group(0)] if day and not re.search(r"\bsố\s+\S+\s*$", text[: day.start()]) else []
    frame = parse_timeframe("; ".join(phrases), plan_date) if phrases else TimeFrame()
    if frame.flagged and not (frame.start or frame.end):
        frame = TimeFrame(raw=frame.raw, flagged=True, notes=frame.notes)
    if _RECURRING.search(text):
        frame.recurring = True
        if frame.end is None and horizon is not None:
            frame.end = horizon
    return frame


def read_duty(
    text: str, owner: list[str], plan_date: date | None = None, horizon: date | None = None
) -> Duty:
    """Lead, support and time of one duty written under `owner` (the unit its heading names)."""
    text = re.sub(r"\s+", " ", text).strip()
    lead, support = list(owner), []
    rest = text
    own = subject_units(_ADVERBIAL.sub("", text))
    if own and (not owner or not _LEAD_COOPERATE.match(text)):
        lead, rest = own
        if (
            owner
            and lead != owner
            and re.match(r"^(?:Đề nghị|Giao|Yêu cầu|Mời)\b", text, re.IGNORECASE) is None
        ):
            pass
    flip = _LEAD_COOPERATE.match(rest)
    if flip:
        partners = units_after(rest[flip.end() :])
        specific = [u for u in partners if not _GENERIC.match(u)]
        if specific:
            support, lead = lead + [u for u in partners if u not in specific], specific
        else:
            support = partners
    else:
        for match in _COOPERATE.finditer(rest):
            partners = units_after(rest[match.end() :])
            support += [u for u in partners if u not in support and u not in lead]
            if partners:
                break
    frame = _timeframe(text, plan_date, horizon, dated=not lead)
    return Duty(text, lead, [u for u in support if u not in lead], frame)


def split_duties(text: str) -> list[str]:
    """`;`-separated duties of one paragraph, each opening with a capital: "A …; Thực hiện …; Hướng dẫn …"."""
    parts: list[str] = []
    for piece in re.split(r";\s+", text):
        if parts and not piece[:1].isupper():
            parts[-1] += "; " + piece
        elif piece.strip():
            parts.append(piece.strip())
    return parts if len(parts) > 1 else [text]


def clean_title(text: str) -> str:
    """Whitespace collapsed, at most 240 characters, without the list's closing punctuation."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s*\./\.?$", "", text).rstrip(";,").strip()
    return text[:240]


__all__ += ["clean_title", "clean_unit"]
