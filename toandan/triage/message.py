"""Risk of a text message (SMS, Zalo, Messenger...) being a scam, with reasons in plain Vietnamese.

The score is a logistic function of summed log-odds from:

1. the links in the message, analysed by ``url.analyse_url`` (look-alike and brand-embedding hosts, free
   hosting, shorteners, cheap TLDs, the URL model), and whether a brand named in the text owns them;
2. lures and demands that mark 2023–2025 Vietnamese scams (``SIGNALS``): locked accounts, prizes, refunds,
   quick loans, online jobs and tasks, investment, relatives in hospital, parcels, traffic fines, VNeID and
   SIM "standardisation", requests for OTP, passwords, transfers or APK installs — and combinations of them;
3. the reputation of the phone numbers, links and accounts it contains, when a lookup is supplied;
4. a weak statistical signal: a hashed character n-gram model trained on 2015 advertising spam, clipped so
   that it can tip a borderline message but never decide one (modern smishing looks nothing like adverts);
5. dampeners for what legitimate senders write: one-time codes delivered to the owner, balance alerts, scam
   warnings ("không cung cấp OTP cho bất kỳ ai"), links to the brand's own domain, carrier short-code adverts.

The weights are log-likelihood ratios set by hand on the "tune" half of the authored evaluation set
(``tests/triage/fixtures/eval_messages.jsonl``); the "holdout" half was scored only once they were fixed.
"""

from __future__ import annotations

import logging
import math
import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language, gettext_noop

from toandan.identifiers.base import Indicator
from toandan.triage import brands, features, modelstore
from toandan.triage.text import (
    extract_accounts,
    extract_phones,
    extract_urls,
    normalise,
    strip_urls,
)
from toandan.triage.url import URL_BIAS, analyse_url
from toandan.triage.verdict import Verdict, sigmoid, translate, verdict_for

logger = logging.getLogger(__name__)

Reputation = Callable[[list[Indicator]], dict]

MESSAGE_BIAS = -3.2
NGRAM_WEIGHT = 0.3
NGRAM_CLIP = (-0.4, 0.8)
MAX_REASONS = 6
STACK_BONUS = 0.5


@dataclass(frozen=True, slots=True)
class Signal:
    """A pattern over normalised text, its log-odds weight and the reason shown when it fires."""

    name: str
    weight: float
    reason: str  # message id (Vietnamese), translated when shown
    pattern: re.Pattern[str]
    anchors: frozenset[str] | None
    negatable: bool = False


def _required(items: object) -> frozenset[str] | None:
    """Strings of which any match of a parsed pattern contains at least one (None: no such guarantee)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if len(run) >= 2:
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        inner: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            inner = _required(av[-1])
        elif op is _c.BRANCH:
            parts = [_required(branch) for branch in av[1]]
            inner = None if any(part is None for part in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        if inner:
            candidates.append(inner)
    close_run()
    if not candidates:
        return None
    # The most selective guarantee: long strings first, then few of them.
    return max(candidates, key=lambda group: (min(map(len, group)), -len(group)))


def _anchors(pattern: str) -> frozenset[str] | None:
    """Substrings of which every match contains one: the regex is skipped when the text has none of them.

    Derived from the parsed pattern, so it cannot drift from it; ``test_message_scoring`` also checks on the
    evaluation corpus that skipping never changes which signals fire.
    """
    return _required(_parser.parse(pattern))


def _trie_regex(words: list[str]) -> str:
    """A regular expression matching any of ``words``, longest first, shaped as a trie so that the engine
    dispatches on one character at each step instead of trying every word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Greedy optional continuation: the longest word at this position wins.
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


class _AnchorIndex:
    """Finds in one pass which signals can possibly match a text.

    At each position the longest anchor starting there is reported; every shorter anchor at that position is
    a prefix of it, so a signal passes when one of its anchors is a prefix of a reported anchor.
    """

    def __init__(self, signals: tuple[Signal, ...]) -> None:
        anchors = sorted({a for signal in signals if signal.anchors for a in signal.anchors})
        self.always = frozenset(i for i, signal in enumerate(signals) if signal.anchors is None)
        self.pattern = re.compile("(?=(" + _trie_regex(anchors) + "))")
        owners: dict[str, set[int]] = {}
        for i, signal in enumerate(signals):
            for anchor in signal.anchors or ():
                owners.setdefault(anchor, set()).add(i)
        self.implied = {
            anchor: frozenset().union(
                *(owners[anchor[:k]] for k in range(1, len(anchor) + 1) if anchor[:k] in owners)
            )
            for anchor in anchors
        }

    def candidates(self, text: str) -> set[int]:
        """Indexes of the signals whose regex needs to run on ``text``."""
        result = set(self.always)
        implied = self.implied
        for anchor in set(self.pattern.findall(text)):
            result |= implied[anchor]
        return result


def _signal(name: str, weight: float, reason: str, pattern: str, negatable: bool = False) -> Signal:
    return Signal(name, weight, reason, re.compile(pattern), _anchors(pattern), negatable)


# "không cung cấp", "tuyệt đối không chia sẻ"...: the same verbs as a demand, but in a warning.
_NEGATION = re.compile(
    r"(?:\bkhong|tuyet doi khong|khong bao gio|khong duoc|\bdung(?= (?:bao gio|cung cap|chia se|gui|doc|"
    r"tiet lo|nhap|dua))|"
    r"never|do not|don't)\s+(?:\w+\s+){0,2}$"
)

_INVESTMENT = gettext_noop("Mời đầu tư, hứa lợi nhuận cao bất thường")

SIGNALS: tuple[Signal, ...] = (
    # Lures
    _signal(
        "account_lock",
        1.5,
        gettext_noop("Đe dọa khóa hoặc tạm ngưng tài khoản, thuê bao"),
        r"\b(?:tai khoan|the atm|the|thue bao|sim|so dien thoai|vi|zalo|facebook|trang|"
        r"dich vu)\b[^.!?\n]{0,45}?"
        r"\b(?:se bi|bi|da bi|sap bi|co the bi|tam thoi bi)\s(?:tam\s)?(?:khoa|dong bang|vo hieu hoa|han che|"
        r"ngung|ngat|cat|thu hoi|phong toa|dinh chi|xoa|gian doan)"
        r"|tam khoa|khoa (?:2|hai|1|mot) chieu|khoa vinh vien|bi vo hieu hoa|se bi vo hieu|bi khoa tai khoan|"
        r"(?:khoa|dong bang) tai khoan"
        r"|account (?:has been |will be |is )?(?:locked|suspended|disabled|restricted|deleted)",
    ),
    _signal(
        "prize",
        2.0,
        gettext_noop("Thông báo trúng thưởng, nhận quà hoặc ưu đãi bất ngờ"),
        r"trung (?:thuong|giai|phieu|vong quay|xe|iphone|sh\b)|giai (?:nhat|nhi|ba|dac biet)|nhan giai|"
        r"nhan thuong|phan thuong|tri an khach hang|chuong trinh tri an|khach hang may man|vong quay may man|"
        r"duoc chon ngau nhien|da duoc chon|duoc chon (?:nhan|de nhan|lam)|li xi \d|mo li xi|congratulations|"
        r"you (?:have )?won|lucky draw|"
        r"phieu (?:qua tang|mua hang) tri gia|thua ke",
    ),
    _signal(
        "gift",
        0.5,
        gettext_noop("Hứa tặng quà, tiền miễn phí"),
        r"nhan qua|qua tang|tang (?:ban|quy khach)|mien phi|\bfree\b|voucher|nhan (?:ngay )?\d+ ?k\b|"
        r"tang \d+ ?k",
    ),
    _signal(
        "refund",
        1.3,
        gettext_noop("Hứa hoàn tiền, hoàn phí"),
        r"\b(?:hoan tien|hoan tra|hoan phi|duoc hoan|hoan lai|nhan lai tien|refund|tien hoan|hoan \d)",
    ),
    _signal(
        "loan",
        2.5,
        gettext_noop("Mời vay tiền nhanh, giải ngân dễ dàng"),
        r"\bvay\b[^.!?]{0,20}(?:nhanh|online|tin chap|tieu dung|von|tien mat|khong the chap|uu dai)|"
        r"giai ngan|"
        r"khoan vay|ho so vay|duyet vay|ho tro vay|vay tien|chi can (?:can cuoc|chung minh)|"
        r"khong (?:can )?(?:the chap|chung minh thu nhap|tham dinh)|no xau van vay|lai suat 0",
    ),
    _signal(
        "job",
        2.8,
        gettext_noop("Mời việc làm online, cộng tác viên, làm nhiệm vụ ăn hoa hồng"),
        r"viec lam (?:online|tai nha|them)|lam viec (?:online|tai nha)|phi dong phuc|"
        r"tuyen (?:dung)?[^.!?]{0,30}online|"
        r"(?:lam|hoan thanh) (?:\d+ )?nhiem vu|kiem (?:tien|them)[^.!?]{0,20}(?:online|"
        r"tai nha|dien thoai|\d)|cong tac vien|lam nhiem vu|nhiem vu (?:don gian|de dang|dau tien|online)|"
        r"chot don|hoa hong|viec nhe luong cao|(?:thu nhap|kiem|luong|nhan)[^.!?]{0,25}\d+ ?(?:k|tr|trieu)?"
        r" ?(?:-|den) ?\d+ ?(?:k|tr|trieu|usd)? ?(?:/|mot |moi |1 |per )(?:ngay|day)|"
        r"(?:like|tha tim|danh gia|xem) (?:video|san pham|bai)|part ?-?time|work from home|nhap lieu tai nha|"
        r"luong (?:tra )?cuoi ngay|(?:moi|1|mot) ngay (?:nhan|kiem|thu nhap|duoc) \d+|\d+ ?k ?/ ?(?:like|don|"
        r"nhiem vu)",
    ),
    _signal(
        "investment",
        2.3,
        _INVESTMENT,
        r"sinh loi|loi nhuan (?:dam bao|cao|\d)|cam ket (?:lai|loi|khong lo|hoan von|loi nhuan)|"
        r"\d+ ?% ?(?:/|mot |moi )(?:ngay|tuan|thang)|san giao dich|tien ao|tien ma hoa|crypto|usdt|bitcoin|"
        r"forex|nhom (?:kin|vip)|chuyen gia (?:tai chinh|chung khoan|dau tu)|x2 tai khoan|nhan doi so tien|"
        r"keo dau tu|nap dau",
    ),
    _signal("invest_word", 0.5, _INVESTMENT, r"dau tu|chung khoan"),
    _signal(
        "emergency",
        0.9,
        gettext_noop("Báo tin người thân gặp nạn"),
        r"cap cuu|tai nan|nhap vien|nam vien|phau thuat|mo gap|benh vien|bi (?:cong an )?(?:bat|giu)|"
        r"dang gap nan|bi ket|chuoc ve|bi thuong|vien phi|sot cao|co giat|dang o vien|dau tim|dot quy",
    ),
    _signal(
        "parcel",
        1.3,
        gettext_noop("Thông báo bưu phẩm, đơn hàng gặp sự cố để đòi phí"),
        r"buu pham|buu kien|kien hang|(?:don hang|don|hang)[^.!?]{0,40}(?:khong thanh cong|that bai|bi hoan|"
        r"bi giu|"
        r"that lac|tam giu|chua the giao|sai (?:dia chi|thong tin)|loi thanh toan|hang cam)|"
        r"giao (?:hang )?(?:khong thanh cong|that bai)|phi (?:luu kho|van chuyen|thong quan|hai quan|"
        r"giao lai)|"
        r"cap nhat (?:lai )?dia chi|dia chi (?:khong (?:chinh xac|hop le|day du)|sai)|xac (?:nhan|"
        r"minh) dia chi|"
        r"\bparcel\b|redelivery|could not be delivered|buu ta",
    ),
    _signal(
        "traffic_fine",
        1.6,
        gettext_noop("Thông báo phạt nguội, vi phạm giao thông"),
        r"phat nguoi|vi pham giao thong|bien ban (?:xu phat|vi pham)|nop phat|xu phat vi pham|"
        r"tu choi dang kiem|tam giu (?:xe|bang lai|diem)|bang lai[^.!?]{0,25}(?:tam giu|tru diem|bi khoa)|"
        r"vuot den do",
    ),
    _signal(
        "id_update",
        1.4,
        gettext_noop("Yêu cầu cập nhật định danh, VNeID, sinh trắc học"),
        r"vn ?eid|dinh danh(?: dien tu)?(?: muc)? ?2|tich hop|cap nhat (?:lai )?(?:thong tin|du lieu|"
        r"can cuoc|cccd)|"
        r"sinh trac hoc|xac thuc (?:thong tin|tai khoan|danh tinh|khuon mat|chu thue bao)|"
        r"dong bo (?:du lieu|thong tin)|gan chip|chuan hoa|xac minh danh tinh|thong tin cu tru|"
        r"verify your|update your (?:information|account|details|payment)",
    ),
    _signal(
        "sim",
        1.5,
        gettext_noop("Đe dọa khóa SIM, yêu cầu chuẩn hóa thuê bao"),
        r"chuan hoa (?:thong tin )?thue bao|khoa sim|sim[^.!?]{0,20}(?:se bi|bi) (?:khoa|thu hoi)|"
        r"thue bao[^.!?]{0,30}(?:se bi|bi|tam) (?:khoa|ngung|cat)|nang cap (?:sim|len) ?(?:4g|5g)|esim",
    ),
    _signal(
        "points",
        1.6,
        gettext_noop("Dụ đổi điểm thưởng sắp hết hạn"),
        r"(?:diem thuong|diem tich luy|\bdiem\b[^.!?]{0,15}(?:viettel|vina|mobi|rewards?))[^.!?]{0,50}"
        r"(?:het han|sap het|bi huy|doi (?:qua|ngay))|(?:het han|sap het)[^.!?]{0,30}diem|"
        r"(?:doi|quy doi) diem[^.!?]{0,20}(?:lay|nhan) (?:qua|tien)",
    ),
    _signal(
        "tax",
        1.2,
        gettext_noop("Thông báo hoàn thuế, nợ thuế bất thường"),
        r"hoan thue|no thue|cuong che thue|tien thue (?:duoc hoan|thua)",
    ),
    _signal(
        "legal_threat",
        1.5,
        gettext_noop("Đe dọa liên quan vụ án, lệnh bắt, giấy triệu tập"),
        r"lenh bat|giay trieu tap|trieu tap|khoi to|rua tien|ma tuy|vu an|duong day|phong toa|truy na|"
        r"lien quan (?:den )?(?:vu|duong day)|xac minh (?:nguon tien|tai san)|dieu tra vien|can bo dieu tra|"
        r"bi dieu tra|an ninh mang|truy cuu trach nhiem|chung minh trong sach|giai trinh",
    ),
    _signal(
        "debt",
        1.2,
        gettext_noop("Đe dọa đòi nợ, khởi kiện"),
        r"no qua han|qua han[^.!?]{0,20}(?:khoan vay|thanh toan)|khoan vay[^.!?]{0,20}qua han|khoi kien|"
        r"thu hoi no|den (?:tan )?nha|thong bao cho nguoi than|boc phot",
    ),
    _signal(
        "recovery",
        3.0,
        gettext_noop("Hứa lấy lại tiền đã bị lừa"),
        r"lay lai (?:tien|so tien|tai san)|thu hoi (?:tien|so tien|lai tien)|ho tro nan nhan|"
        r"nan nhan[^.!?]{0,40}(?:lien he|lay lai)|bi lua[^.!?]{0,40}(?:lay lai|ho tro|thu hoi)",
    ),
    _signal(
        "extortion",
        3.5,
        gettext_noop("Đe dọa tung hình ảnh, video nhạy cảm"),
        r"(?:video|clip|anh|hinh anh) (?:nhay cam|nong|khoa than|rieng tu)|phat tan|tung len mang",
    ),
    _signal(
        "violation",
        1.5,
        gettext_noop("Báo vi phạm chính sách, dọa vô hiệu hóa tài khoản mạng xã hội"),
        r"vi pham (?:chinh sach|tieu chuan|ban quyen|dieu khoan)|khang nghi|xac minh (?:trang|fanpage)|"
        r"tich xanh|copyright|policy violation|flagged|ai da xem trang",
    ),
    _signal(
        "utility",
        1.2,
        gettext_noop("Đe dọa cắt điện, nước hoặc báo hoàn tiền điện để đòi tiền"),
        r"(?:ngung|ngat|cat) (?:cap )?(?:dien|nuoc) (?:trong|ngay|hom nay|neu)|tien (?:dien|nuoc)[^.!?]{0,40}"
        r"(?:con no|no dong|truy thu)|hoan tien dien|giam \d+ ?% tien dien|no tien (?:dien|nuoc)|"
        r"kiem tra cong to",
    ),
    _signal(
        "credit",
        1.3,
        gettext_noop("Mời nâng hạn mức, mở thẻ tín dụng dễ dàng"),
        r"nang (?:cap )?han muc|han muc[^.!?]{0,20}(?:nang|duoc nang|len)|"
        r"(?:mo|tang|cap) the tin dung|dao han the|rut tien (?:mat )?tu the",
    ),
    _signal(
        "benefit",
        1.3,
        gettext_noop("Dụ nhận trợ cấp, tiền hỗ trợ, học bổng"),
        r"(?:rut|nhan|huong) (?:bao hiem xa hoi|tro cap|tien ho tro)|bao hiem xa hoi (?:1|mot) lan|"
        r"tro cap (?:that nghiep|1 lan|mot lan)|goi ho tro|(?:chinh phu|nha nuoc) ho tro \d|"
        r"khoan tien[^.!?]{0,30}chua nhan|hoc bong",
    ),
    _signal(
        "game",
        1.5,
        gettext_noop("Dụ nhận quà game, kim cương, skin miễn phí"),
        r"kim cuong|quan huy|\bskin\b|(?:acc|tai khoan) (?:vip|lien quan|game|free fire)|nap the|"
        r"the cao[^.!?]{0,20}(?:mien phi|tang)",
    ),
    _signal(
        "gambling",
        2.0,
        gettext_noop("Quảng cáo cờ bạc, cá độ trực tuyến"),
        r"nha cai|\bca do\b|casino|tai xiu|\bno hu\b|ban ca (?:doi thuong|online)|keo bong|doi thuong|"
        r"nap dau x\d",
    ),
    _signal("romance", 0.8, gettext_noop("Làm quen, hẹn hò để dẫn dụ"), r"dep trai|xinh gai|lam quen|hen ho"),
    _signal(
        "pressure",
        1.0,
        gettext_noop("Thúc giục hành động gấp"),
        r"\bgap\b|khan cap|ngay lap tuc|ngay bay gio|truoc \d+ ?(?:h|gio)\b|trong (?:vong )?\d+ ?(?:h|gio|"
        r"phut|tieng)\b|"
        r"trong (?:ngay )?hom nay|het han|sap het|kip thoi|\b24 ?h\b|\b48 ?h\b|han chot|lan cuoi|co han|"
        r"(?:ve|suat|cho) cuoi|chi con \d|"
        r"\burgent\b|immediately|asap|truoc khi het",
    ),
    _signal(
        "consequence",
        0.8,
        gettext_noop("Đe dọa hậu quả nếu không làm theo"),
        r"neu khong (?:se|thi|thanh toan|lam)|(?:se|bi) (?:xu ly|khoi to|ap dung bien phap|tru tien)|"
        r"chiu (?:hoan toan )?trach nhiem|truoc phap luat|mat quyen loi|mat tien|se bi xoa|"
        r"will be (?:deleted|disabled)",
    ),
    _signal(
        "secrecy",
        1.5,
        gettext_noop("Yêu cầu giữ bí mật, không cho người thân biết"),
        r"(?:khong|dung) (?:duoc )?(?:noi|ke|bao|tiet lo)(?: chuyen nay| viec nay)?(?: (?:voi|cho))? "
        r"(?:ai|nguoi than|gia dinh|nguoi nha|me|bo|cong an)|giu bi mat|bi mat dieu tra|tuyet mat",
    ),
    # Demands
    _signal(
        "otp_request",
        5.0,
        gettext_noop("Yêu cầu cung cấp mã OTP, mã xác thực"),
        r"\b(?:cung cap|doc|gui lai|gui cho|chuyen tiep|nhan lai|nhap lai|xin|bao lai|dien(?! thoai))\b"
        r"[^.!?]{0,35}?\b(?:otp|ma xac (?:thuc|nhan|minh)|ma kich hoat|ma \d so|\d so vua|ma vua)"
        r"|gui nham ma|ma (?:otp|xac thuc)[^.!?]{0,30}(?:gui nham|doc giup|cho (?:em|minh|anh|chi))"
        r"|(?:otp|ma xac (?:thuc|nhan))[^.!?]{0,30}(?:cho (?:tong dai|nhan vien|can bo|ben)|de (?:huy|nhan|"
        r"kich hoat))",
        negatable=True,
    ),
    _signal(
        "card_request",
        4.0,
        gettext_noop("Yêu cầu cung cấp mật khẩu, mã PIN, số thẻ"),
        r"\b(?:cung cap|gui|dien(?! thoai)|nhap|xac nhan|cho)\b[^.!?]{0,30}\b(?:mat khau|password|ma pin|"
        r"ma cvv|cvv|"
        r"so the(?: va| ,)?)|doi mat khau (?:moi )?tai|mat khau[^.!?]{0,30}het han",
        negatable=True,
    ),
    _signal(
        "transfer",
        1.4,
        gettext_noop("Yêu cầu chuyển tiền, nộp phí"),
        r"chuyen khoan|chuyen tien|chuyen phi|\bck\b(?! (?:oi|em|anh|chi)\b)|chuyen (?:gap|giup|cho (?:em|"
        r"anh|chi|minh|tao|con)|"
        r"vao|qua|truoc|lai|coc|\d)|chuyen (?:ngay|gap|giup|gium) (?:cho|vao|qua)|"
        r"(?:chuyen|gui|nop|dong)[^.!?]{0,25}\b\d+ ?(?:k|tr|trieu|nghin|ngan)\b|nop (?:tien|phi|truoc|le phi|"
        r"\d)|dong (?:phi|tien|le phi)|dat coc|coc truoc|"
        r"(?<!da )thanh toan (?:phi|truoc|ngay|tai|qua link)|phi (?:kich hoat|bao hiem|mo khoa|giai ngan|"
        r"thu tuc|"
        r"xac minh|ho so|rut tien|dang ky|dong phuc|van chuyen|nhan)|gui tien|nap (?:tien|\d)|"
        r"cho (?:em|anh|chi|minh|tao|con) muon|muon \d|send money|pay \d",
        negatable=True,
    ),
    _signal(
        "safe_account",
        3.0,
        gettext_noop("Đòi chuyển tiền vào “tài khoản an toàn/tạm giữ” – cơ quan thật không làm vậy"),
        r"tai khoan (?:an toan|tam giu|chuyen dung|cua co quan|dam bao)|chuyen (?:toan bo )?(?:so du|"
        r"tien)[^.!?]{0,40}"
        r"(?:de |cho )(?:kiem tra|xac minh|doi chieu|chung minh)",
    ),
    _signal(
        "app_install",
        2.2,
        gettext_noop("Yêu cầu cài đặt ứng dụng lạ hoặc điều khiển máy từ xa"),
        r"(?:cai dat|cai|tai|download|install)(?: ve| ngay| lai)? (?:ung dung|app|phan mem)(?! [^.!?]{0,40}"
        r"(?:app store|google play|ch play|kho ung dung))|\.apk\b|\bapk\b|teamviewer|ultraviewer|anydesk|"
        r"chia se man hinh|cai (?:dat )?(?:ung dung )?zoom|go bo ung dung",
    ),
    _signal(
        "link_action",
        0.5,
        gettext_noop("Yêu cầu bấm vào đường link"),
        r"truy cap|bam (?:vao|link|phim)|nhan vao|click|vao link|theo link|qua link|tai link|link:|"
        r"duong (?:link|dan)|dang nhap tai|xac (?:minh|thuc|nhan) tai|verify (?:now|at)",
    ),
    _signal(
        "contact",
        0.8,
        gettext_noop("Đưa sang liên hệ riêng qua Zalo, Telegram, số lạ"),
        r"(?:ket ban|lien he|nhan tin|them|add|inbox|ib)[^.!?]{0,12}(?:zalo|telegram|whatsapp|facebook)|"
        r"zalo \d|telegram|t\.me/|(?<![\w.@-])@[a-z][a-z0-9_]{3,}|rep \"?co|tra loi y\b|inbox (?:ngay|de)|"
        r"(?:qua|ket noi|ket noi voi toi qua) (?:zalo|telegram|whatsapp)|nhan tin (?:de biet|ngay|de nhan)|"
        r"nhan tin (?:minh|em|ad|admin) (?:nhe|nha|ngay|de)|(?:goi|lien he|lh)(?: ngay| lai)?(?: so|"
        r" voi)?:? 0\d",
    ),
    _signal(
        "new_number",
        1.5,
        gettext_noop("Xưng là người quen dùng số mới, nhờ chuyển tiền"),
        r"(?:dien thoai|dt|may|sim) (?:\w+ ){0,2}(?:bi )?(?:hong|mat|hu)\b|dung (?:tam )?so (?:nay|moi)|"
        r"(?:doi|thay) so|"
        r"(?:nho|muon) may",
    ),
    _signal(
        "third_party",
        1.2,
        gettext_noop("Đề nghị chuyển tiền vào tài khoản của người khác"),
        r"(?:vao|qua) (?:so )?tai khoan (?:cua )?(?:ban|nguoi quen|bac si|co giao|can bo|chu|ho|nguoi nha)|"
        r"tai khoan (?:nay|sau) cho|(?:tai khoan|so tai khoan) (?:cua )?(?:bac si|benh vien|co giao)",
    ),
    _signal(
        "prepay",
        1.0,
        gettext_noop("Đòi chuyển khoản trước, đặt cọc"),
        r"(?<!da )(?:chuyen khoan|chuyen tien|thanh toan|chuyen) (?:coc )?truoc|dat coc|coc truoc|chuyen coc|"
        r"uy tin 100",
    ),
    _signal(
        "wrong_transfer",
        3.5,
        gettext_noop("Báo chuyển nhầm tiền rồi đòi chuyển lại"),
        r"(?:gui|chuyen|ck) nham[^.!?]{0,40}(?:chuyen|gui|ck|tra) lai",
    ),
    _signal(
        "deposit_to_withdraw",
        2.5,
        gettext_noop("Đòi nạp tiền trước để được rút tiền"),
        r"nap (?:them )?\d+ ?(?:k|tr|trieu|nghin)?[^.!?]{0,20}(?:de|moi) (?:duoc )?rut|"
        r"(?:phi|tien) (?:mo khoa|rut tien)|nop[^.!?]{0,20}(?:de|moi) (?:duoc )?rut",
    ),
    _signal(
        "fee_to_receive",
        2.0,
        gettext_noop("Đòi nộp phí trước để nhận quà, tiền thưởng hoặc khoản vay"),
        r"(?:phi|le phi|thue)[^.!?]{0,40}\b(?:de|moi|truoc khi) (?:duoc )?(?:nhan|giai ngan|rut|"
        r"lam thu tuc nhan)",
    ),
    _signal(
        "cancel_lure",
        1.0,
        gettext_noop("Báo giao dịch, đăng ký lạ để dụ gọi số lạ hoặc bấm link “hủy”"),
        r"neu khong phai (?:ban|quy khach)|dang ky nham|(?:lien he|goi|truy cap|tai)[^.!?]{0,40}de huy|"
        r"huy (?:giao dich|dang ky|lien ket|don)",
    ),
    _signal(
        "follow_instructions",
        1.2,
        gettext_noop("Yêu cầu làm theo hướng dẫn của “nhân viên”, “cán bộ” qua điện thoại"),
        r"lam theo (?:huong dan|chi dan) (?:cua )?(?:nhan vien|can bo|tong dai)|can bo se goi|"
        r"nhan vien se (?:goi|huong dan)|"
        r"bam phim \d",
    ),
    _signal(
        "bank_account",
        0.6,
        gettext_noop("Gửi kèm số tài khoản nhận tiền"),
        r"so tai khoan|tai khoan (?:nay|ban|sau)",
    ),
    _signal(
        "english_lure",
        0.8,
        gettext_noop("Lời lẽ dụ dỗ bằng tiếng Anh"),
        r"click here|verify now|your account|suspicious activity|confirm your|limited time|claim now|"
        r"dear customer",
    ),
)
_ANCHOR_INDEX = _AnchorIndex(SIGNALS)
# Platforms where anyone can open a group, page or channel under the platform's own domain.
USER_CONTENT_DOMAINS = frozenset(
    {
        "zalo.me",
        "facebook.com",
        "fb.com",
        "messenger.com",
        "instagram.com",
        "youtube.com",
        "youtu.be",
        "tiktok.com",
        "telegram.org",
        "google.com",
    }
)
_DEMANDS = frozenset({"otp_request", "card_request", "app_install", "transfer", "safe_account", "prepay"})

# Wording of legitimate senders, which lowers the score.
_OTP_DELIVERY = re.compile(
    r"ma (?:otp|xac thuc|xac nhan|xac minh|kich hoat|bao mat|dang nhap)[^.!?\d]{0,40}(?:la|:)\s*\d{4,8}|"
    r"\b\d{4,8} (?:la ma|is your)|(?:otp|code)\s*:?\s*\d{4,8}|(?:code|ma) (?:is|la) \d"
)
_BALANCE = re.compile(
    r"so du|\bsd\b ?:|bien dong so du|[+-]\s?\d{1,3}(?:[.,]\d{3})+ ?(?:vnd|d|dong)\b|\bnd ?:"
)
_WARNING = re.compile(
    r"canh giac|canh bao|khuyen cao|thu doan|gia danh|mao danh|gia mao|khong bao gio yeu cau|"
    r"khong gui tin nhan|"
    r"tuyet doi khong|de phong|luu y|khong truy cap (?:link|duong link|duong dan)|chi tai|tu app store|"
    r"chinh thuc"
)
_SHORT_CODE_AD = re.compile(
    r"soan \w+(?: \w+)? gui \d{3,5}|(?:tu choi|huy) (?:qc|quang cao)|\blh \d{3,5}\b|lien he \d{3,5}\b|"
    r"1800\d{4}"
)

_REPUTATION_REASONS = {
    "phone": gettext_noop("Số điện thoại đã bị tố giác %(count)s lần"),
    "url": gettext_noop("Đường link đã bị tố giác %(count)s lần"),
    "domain": gettext_noop("Tên miền đã bị tố giác %(count)s lần"),
    "bank_account": gettext_noop("Số tài khoản đã bị tố giác %(count)s lần"),
}

# Pairs of signals that together are far more telling than apart; each pair adds its weight once.
_COMBINATIONS: tuple[tuple[frozenset[str], float], ...] = (
    (frozenset({"emergency", "transfer"}), 2.0),
    (frozenset({"transfer", "pressure"}), 0.8),
    (frozenset({"transfer", "bank_account"}), 0.6),
    (frozenset({"secrecy", "transfer"}), 1.5),
    (frozenset({"legal_threat", "transfer"}), 1.5),
    (frozenset({"legal_threat", "app_install"}), 1.5),
    (frozenset({"prize", "transfer"}), 1.5),
    (frozenset({"prize", "contact"}), 1.0),
    (frozenset({"job", "contact"}), 1.0),
    (frozenset({"job", "transfer"}), 1.0),
    (frozenset({"loan", "transfer"}), 1.5),
    (frozenset({"loan", "contact"}), 0.8),
    (frozenset({"refund", "contact"}), 1.2),
    (frozenset({"parcel", "transfer"}), 1.0),
    (frozenset({"account_lock", "contact"}), 1.5),
    (frozenset({"account_lock", "legal_threat"}), 1.0),
    (frozenset({"utility", "contact"}), 1.2),
    (frozenset({"credit", "contact"}), 1.0),
    (frozenset({"investment", "contact"}), 1.0),
    (frozenset({"benefit", "transfer"}), 1.2),
    (frozenset({"sim", "otp_request"}), 1.0),
    (frozenset({"sim", "account_lock"}), 0.8),
    (frozenset({"legal_threat", "secrecy"}), 1.5),
    (frozenset({"legal_threat", "contact"}), 1.5),
    (frozenset({"new_number", "transfer"}), 1.5),
    (frozenset({"prepay", "transfer"}), 0.5),
    (frozenset({"cancel_lure", "mobile"}), 2.0),
    (frozenset({"cancel_lure", "contact"}), 1.5),
    (frozenset({"loan", "mobile"}), 1.0),
    (frozenset({"job", "mobile"}), 0.8),
    (frozenset({"prize", "mobile"}), 1.0),
    (frozenset({"account_lock", "mobile"}), 1.2),
    (frozenset({"utility", "mobile"}), 1.5),
    (frozenset({"credit", "mobile"}), 1.2),
    (frozenset({"refund", "mobile"}), 1.0),
    (frozenset({"sim", "mobile"}), 1.0),
    (frozenset({"legal_threat", "mobile"}), 1.2),
    (frozenset({"benefit", "mobile"}), 1.0),
    (frozenset({"recovery", "mobile"}), 1.0),
)


def _ngram_logit(normalised: str) -> float:
    model = modelstore.load_model(modelstore.MESSAGE_MODEL)
    if model is None:
        return 0.0
    return model.logit_buckets(features.message_buckets(normalised))


def _fired(normalised: str, prefilter: bool = True) -> list[tuple[Signal, int]]:
    """Signals that fire, each with how many distinct phrases of it the text holds."""
    fired: list[tuple[Signal, int]] = []
    # Sorted: signals fire in their declared order, which breaks ties between equal reason weights.
    candidates = sorted(_ANCHOR_INDEX.candidates(normalised)) if prefilter else range(len(SIGNALS))
    for index in candidates:
        signal = SIGNALS[index]
        phrases: set[str] = set()
        for match in signal.pattern.finditer(normalised):
            if signal.negatable and _NEGATION.search(normalised, max(0, match.start() - 40), match.start()):
                continue
            phrases.add(match.group(0))
        if phrases:
            fired.append((signal, len(phrases)))
    return fired


def signal_names(text: str) -> set[str]:
    """Names of the lure and demand signals a text fires (features of the case category model)."""
    return {signal.name for signal, _count in _fired(normalise(text or ""))}


def _reputation_counts(reputation: Reputation, indicators: list[Indicator]) -> list[tuple[Indicator, int]]:
    try:
        answer = reputation(indicators) or {}
    except Exception:
        # The lookup is an optional enrichment: a database hiccup must not keep a citizen from a verdict.
        logger.exception("triage reputation lookup failed")
        return []
    counts: list[tuple[Indicator, int]] = []
    for indicator in indicators:
        raw = answer.get(indicator, answer.get(indicator.value, 0))
        try:
            count = int(raw or 0)
        except (TypeError, ValueError):
            count = 0
        if count > 0:
            counts.append((indicator, count))
    return counts


def _reputation_weight(count: int) -> float:
    # One unverified report never decides on its own (the ScamShield lesson); repeated reports do.
    # From three reports a number is worth a warning ("suspicious"); from about ten, a scam verdict alone.
    if count == 1:
        return 1.2
    if count == 2:
        return 2.4
    return min(3.4 + math.log2(count / 3), 6.0)


def score_message(text: str, reputation: Reputation | None = None) -> Verdict:
    """Score a message: probability that it is a scam, a verdict and the reasons, most telling first.

    ``reputation`` receives the indicators found (phones, links, domains, bank accounts) and returns how many
    times each was reported, keyed by the ``Indicator`` or by its value; it is optional.
    """
    normalised = normalise(text or "")
    language = get_language()

    def _(message: str) -> str:
        return translate(message, language)

    weighted: list[tuple[float, str]] = []
    logit = MESSAGE_BIAS

    def add(weight: float, reason: str) -> None:
        nonlocal logit
        logit += weight
        if weight > 0 and reason:
            weighted.append((weight, reason))

    fired = _fired(normalised)
    names = {signal.name for signal, _count in fired}
    phones = extract_phones(text or "")
    if any(phone.startswith("0") for phone in phones):
        # A personal mobile number: official senders give hotlines (1900/1800) or short codes instead.
        names.add("mobile")
    urls = extract_urls(text or "")
    analyses = [analyse_url(u) for u in urls[:5]]
    # Brand names inside the links themselves are judged by the link analysis, not as mentions.
    mentioned = (
        brands.brands_in_text(normalise(strip_urls(text or "")))
        if urls
        else brands.brands_in_text(normalised)
    )

    # Warnings describe the scam they warn about: its lures and demands are not addressed to the reader. A
    # "warning" that carries a risky link of its own is itself a lure ("Cảnh báo: tài khoản đăng nhập lạ...").
    risky_link = any(a.official_brand is None and a.logit - URL_BIAS > 1.5 for a in analyses)
    # Official warnings point to hotlines and short codes, never to a personal mobile number.
    warning = bool(_WARNING.search(normalised)) and not risky_link and "mobile" not in names
    for signal, count in fired:
        # Several phrases of one lure ("CTV", "hoa hồng", "500k/ngày") make it more certain, up to a point.
        weight = signal.weight + STACK_BONUS * min(count - 1, 2)
        if warning:
            weight *= 0.3 if signal.name in _DEMANDS else 0.5
        add(weight, _(signal.reason))
    for pair, weight in _COMBINATIONS:
        if pair <= names:
            add(weight, "")

    # Links: the riskiest one speaks for the message; an unknown link in a text is itself a mild signal.
    if analyses:
        worst = max(analyses, key=lambda a: a.logit)
        official = [a for a in analyses if a.official_brand]
        if worst.official_brand is None:
            risk = min(max(worst.logit - URL_BIAS, -1.0), 7.0)
            weight = 0.4 + 0.8 * risk
            add(weight, worst.reasons[0] if worst.reasons and risk > 0.5 else "")
            if len(worst.reasons) > 1 and risk > 0.5:
                # Shown, but already counted in the link's weight.
                weighted.append((weight - 0.01, worst.reasons[1]))
            if "link_action" not in names:
                add(0.3, "")
        elif len(official) == len(analyses) and not any(
            a.registered in USER_CONTENT_DOMAINS for a in official
        ):
            # The brand's own site reassures; a Zalo group or Facebook page anyone can open does not.
            add(-1.5, "")
        for analysis in analyses:
            if analysis.impersonated_brand:
                add(
                    1.0,
                    _("Đường link giả mạo tên miền của %(brand)s") % {"brand": analysis.impersonated_brand},
                )
                break
        else:
            owned = {a.official_brand for a in official}
            foreign = [a for a in analyses if a.official_brand is None]
            claimed = [b for b in mentioned if b not in owned]
            if claimed and foreign:
                brand = claimed[0]
                add(
                    2.0,
                    _("Tin nhắn nhân danh %(brand)s nhưng đường link không thuộc tên miền chính thức")
                    % {"brand": brand},
                )

    # A state agency named next to a demand for money, an app or a link: agencies do not work this way.
    agencies = [b for b in mentioned if brands.profile(b).kind == "agency"]
    demands = {
        "transfer",
        "app_install",
        "otp_request",
        "safe_account",
        "card_request",
        "contact",
        "link_action",
        "mobile",
    }
    if agencies and names & demands and not warning:
        add(
            1.5,
            _(
                "Nhân danh %(brand)s để yêu cầu chuyển tiền, cài ứng dụng hoặc cung cấp mã – "
                "cơ quan nhà nước "
                "không làm vậy qua tin nhắn, điện thoại"
            )
            % {"brand": agencies[0]},
        )

    # Banks, wallets, carriers and agencies answer on hotlines; "call our staff on 09..." is the scam's move.
    institutions = [b for b in mentioned if brands.profile(b).kind in ("bank", "wallet", "carrier", "agency")]
    if institutions and "mobile" in names and not warning:
        add(
            1.5,
            _("Nhân danh %(brand)s nhưng đưa số điện thoại di động cá nhân để liên hệ")
            % {"brand": institutions[0]},
        )

    if phones and names & {
        "prize",
        "loan",
        "job",
        "investment",
        "refund",
        "account_lock",
        "credit",
        "recovery",
    }:
        add(0.5, "")

    if reputation is not None:
        indicators = [Indicator("phone", p) for p in phones]
        indicators += [Indicator("url", a.url) for a in analyses]
        indicators += [
            Indicator("domain", d) for d in dict.fromkeys(a.registered for a in analyses if a.registered)
        ]
        indicators += [Indicator("bank_account", acc) for acc in extract_accounts(normalised, phones)]
        for indicator, count in _reputation_counts(reputation, indicators) if indicators else []:
            add(_reputation_weight(count), _(_REPUTATION_REASONS[indicator.kind]) % {"count": count})

    if _OTP_DELIVERY.search(normalised):
        add(-2.0, "")
    if _BALANCE.search(normalised):
        add(-1.2, "")
    if warning:
        add(-1.5, "")
    if _SHORT_CODE_AD.search(normalised):
        add(-1.0, "")

    # The n-gram model can move the log-odds only within NGRAM_CLIP: when no value in that range changes the
    # verdict, it is not run (a fifth of the cost of a message) and contributes nothing to the score.
    if verdict_for(sigmoid(logit + NGRAM_CLIP[0])) != verdict_for(sigmoid(logit + NGRAM_CLIP[1])):
        ngram = min(max(NGRAM_WEIGHT * _ngram_logit(normalised), NGRAM_CLIP[0]), NGRAM_CLIP[1])
        add(ngram, _("Văn phong giống tin nhắn rác quảng cáo") if ngram >= 0.6 else "")

    score = round(sigmoid(logit), 4)
    weighted.sort(key=lambda item: -item[0])
    reasons = list(dict.fromkeys(reason for _weight, reason in weighted))[:MAX_REASONS]
    return Verdict(score, verdict_for(score), reasons)
