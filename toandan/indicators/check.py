"""The public check, shared by the page at /tra-cuu/ and the API: read what a person typed or pasted, answer
for each indicator in plain language, and add the scorers' risk (triage registers them: see
``indicators.scorers``): the link scorer's for every link, the message scorer's for every message, made to
agree with each other (``indicators.risk``).

It never says who reported, nor anything of a case: only a verdict, a count and advice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from toandan.identifiers.base import Indicator, InvalidIndicator, Kind
from toandan.identifiers.extract import extract_all
from toandan.identifiers.normalize import detect, normalize
from toandan.indicators import lookup, risk, scorers
from toandan.indicators.models.records import KIND_LABELS

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 2000
MAX_MESSAGE_LENGTH = 5000
# Who sent a pasted message, when the person knows ("" or "unknown" = not said): the scorer's optional input.
SENDER_TYPES = ("brandname", "shortcode", "personal_number")
SENDER_UNKNOWN = "unknown"


def sender_type_or_none(value: str | None) -> str | None:
    """The sender's type as the scorer takes it: one of ``SENDER_TYPES``, or None when not known."""
    return value if value in SENDER_TYPES else None


MAX_INDICATORS = 20


class CheckError(ValueError):
    """Input the check cannot answer for, with a message for the person and the HTTP status for the API."""

    def __init__(self, message: str, status: int, code: str) -> None:
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


@dataclass
class Result:
    """The answer for one indicator, ready for the page and the API."""

    kind: str
    kind_label: str
    value: str
    display: str
    verdict: str
    reports: int
    advice: str
    category: str = ""  # the confirmed record's category (kind of scam), for related content
    risk: dict[str, Any] | None = None  # the scorers' {"score", "verdict", "reasons"} (links, messages)

    @property
    def level(self) -> int:
        """How loudly the card warns: 2 confirmed or scam-like, 1 reported or suspicious, 0 otherwise."""
        reported = {lookup.CONFIRMED: 2, lookup.REPORTED: 1}.get(self.verdict, 0)
        return max(reported, risk.level(self.risk))

    def as_api(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "verdict": self.verdict,
            "reports": self.reports,
            "advice": self.advice,
            "risk": self.risk,
        }


@dataclass
class MessageResult:
    """Answers for every indicator of a pasted message, and the triage score when available."""

    results: list[Result] = field(default_factory=list)
    triage: dict[str, Any] | None = None
    is_message: bool = False

    @property
    def single(self) -> Result | None:
        """The one result of a typed indicator (not a message): the page offers its shareable address."""
        return self.results[0] if len(self.results) == 1 and not self.is_message else None


def advice_for(answer: lookup.Answer) -> str:
    kind = str(KIND_LABELS.get(answer.indicator.kind, _("dấu hiệu")))
    count = answer.reports
    values = {
        "kind": kind,
        "count": count,
        "category": answer.category,
        "org": answer.organisation,
        "domain": answer.domain,
        "domain_count": answer.domain_reports,
    }
    if answer.verdict == lookup.CONFIRMED and answer.category:
        text = ngettext(
            "Cơ quan công an đã xác nhận %(kind)s này được dùng để lừa đảo (%(category)s), qua %(count)s tố "
            "giác. Không chuyển tiền, không cung cấp thông tin, không bấm vào đường link. Nếu đã lỡ "
            "chuyển tiền, "
            "hãy gọi ngay cho ngân hàng của bạn và báo công an xã, phường nơi bạn ở.",
            "Cơ quan công an đã xác nhận %(kind)s này được dùng để lừa đảo (%(category)s), qua %(count)s tố "
            "giác. Không chuyển tiền, không cung cấp thông tin, không bấm vào đường link. Nếu đã lỡ "
            "chuyển tiền, "
            "hãy gọi ngay cho ngân hàng của bạn và báo công an xã, phường nơi bạn ở.",
            count,
        )
    elif answer.verdict == lookup.CONFIRMED:
        text = ngettext(
            "Cơ quan công an đã xác nhận %(kind)s này được dùng để lừa đảo, qua %(count)s tố giác. Không "
            "chuyển "
            "tiền, không cung cấp thông tin, không bấm vào đường link. Nếu đã lỡ chuyển tiền, hãy gọi "
            "ngay cho "
            "ngân hàng của bạn và báo công an xã, phường nơi bạn ở.",
            "Cơ quan công an đã xác nhận %(kind)s này được dùng để lừa đảo, qua %(count)s tố giác. Không "
            "chuyển "
            "tiền, không cung cấp thông tin, không bấm vào đường link. Nếu đã lỡ chuyển tiền, hãy gọi "
            "ngay cho "
            "ngân hàng của bạn và báo công an xã, phường nơi bạn ở.",
            count,
        )
    elif answer.verdict == lookup.REPORTED and count:
        text = ngettext(
            "%(kind)s này đã bị người dân tố giác %(count)s lần nhưng chưa được cơ quan chức năng xác "
            "minh. Hãy "
            "hết sức cẩn thận: không chuyển tiền, không đưa mã OTP, và tự kiểm tra lại qua số điện thoại, "
            "trang "
            "web chính thức của cơ quan, ngân hàng.",
            "%(kind)s này đã bị người dân tố giác %(count)s lần nhưng chưa được cơ quan chức năng xác "
            "minh. Hãy "
            "hết sức cẩn thận: không chuyển tiền, không đưa mã OTP, và tự kiểm tra lại qua số điện thoại, "
            "trang "
            "web chính thức của cơ quan, ngân hàng.",
            count,
        )
    elif answer.verdict == lookup.REPORTED and answer.domain_reports:
        text = ngettext(
            "Tên miền %(domain)s của đường link này đã bị người dân tố giác %(domain_count)s lần "
            "(tính cả các đường link khác trên tên miền đó), chưa được cơ quan chức năng xác minh. "
            "Hãy hết sức cẩn thận: không đăng nhập, không chuyển tiền, không đưa mã OTP.",
            "Tên miền %(domain)s của đường link này đã bị người dân tố giác %(domain_count)s lần "
            "(tính cả các đường link khác trên tên miền đó), chưa được cơ quan chức năng xác minh. "
            "Hãy hết sức cẩn thận: không đăng nhập, không chuyển tiền, không đưa mã OTP.",
            answer.domain_reports,
        )
    elif answer.verdict == lookup.REPORTED:
        text = _(
            "%(kind)s này có trong một danh sách cảnh báo do cơ quan, tổ chức khác cung cấp, chưa được "
            "xác minh "
            "tại đây. Hãy hết sức cẩn thận: không chuyển tiền, không đưa mã OTP, và tự kiểm tra lại qua kênh "
            "chính thức."
        )
    elif answer.verdict == lookup.ALLOWLISTED:
        text = _(
            "%(kind)s này thuộc danh sách chính thức của %(org)s. Kẻ gian có thể giả mạo số hiển thị hoặc "
            "dùng "
            "tên miền gần giống: nếu ai đó yêu cầu chuyển tiền hay đưa mã OTP, hãy tự gọi lại tổng đài "
            "hoặc tự "
            "gõ địa chỉ trang web, đừng dùng số, đường link người khác gửi."
        )
    else:
        text = _(
            "Chưa có tố giác nào về %(kind)s này. Điều đó không có nghĩa là an toàn: kẻ gian thường xuyên "
            "đổi "
            "số, tài khoản và đường link. Không chuyển tiền khi bị hối thúc, không đưa mã OTP; nếu nghi "
            "ngờ, hãy "
            "hỏi người thân hoặc công an xã, phường, và tố giác để người khác được cảnh báo."
        )
    text = text % values
    if answer.domain_reports > count and answer.verdict in (lookup.REPORTED, lookup.CONFIRMED) and count:
        text += (
            " "
            + ngettext(
                "Tên miền %(domain)s của đường link này cũng bị tố giác %(domain_count)s lần.",
                "Tên miền %(domain)s của đường link này cũng bị tố giác %(domain_count)s lần.",
                answer.domain_reports,
            )
            % values
        )
    return text[:1].upper() + text[1:]


# Translated texts that depend only on the language and the kind: the "no reports" answer is the hot path.
_by_language: dict[tuple[str, Kind, str], str] = {}


def _memo(kind: Kind, what: str, answer: lookup.Answer | None = None) -> str:
    key = (get_language() or "", kind, what)
    text = _by_language.get(key)
    if text is None:
        if what == "label":
            text = str(KIND_LABELS.get(kind, kind.value))
        else:
            text = advice_for(answer or lookup.Answer(Indicator(kind, "", ""), lookup.NO_REPORTS, 0))
        _by_language[key] = text
    return text


def result_for(answer: lookup.Answer) -> Result:
    indicator = answer.indicator
    no_reports = answer.verdict == lookup.NO_REPORTS
    return Result(
        kind=indicator.kind.value,
        kind_label=_memo(indicator.kind, "label"),
        value=indicator.value,
        display=indicator.display or indicator.value,
        verdict=answer.verdict,
        reports=answer.reports,
        advice=_memo(indicator.kind, "no_reports") if no_reports else advice_for(answer),
        category=answer.category,
    )


def _clean(text: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise CheckError(
            _("Hãy nhập số điện thoại, số tài khoản, đường link hoặc dán tin nhắn cần kiểm tra."),
            400,
            "empty",
        )
    if len(text) > limit:
        raise CheckError(_("Nội dung quá dài: tối đa %(limit)s ký tự.") % {"limit": limit}, 400, "too_long")
    return text


def _unrecognised() -> CheckError:
    return CheckError(
        _(
            "Không nhận ra số điện thoại, số tài khoản, đường link, thư điện tử hay tài khoản mạng xã "
            "hội nào. Hãy kiểm tra lại, ví dụ 0912 345 678, Vietcombank 0123456789 hoặc vi-du.com."
        ),
        422,
        "unrecognised",
    )


def check_one(text: str) -> Result:
    """The answer for a single typed indicator; raises CheckError for empty, too long or unknown input."""
    text = _clean(text, MAX_QUERY_LENGTH)
    indicator = detect(text)
    if indicator is None:
        raise _unrecognised()
    if any(ch.isspace() for ch in text) and len(extract_all(text)) > 1:
        raise CheckError(
            _(
                "Nội dung có nhiều dấu hiệu: hãy kiểm tra từng cái, hoặc dán cả tin nhắn vào ô kiểm tra "
                "tin nhắn."
            ),
            422,
            "several",
        )
    answer = lookup.answer(indicator)
    result = result_for(answer)
    message = _triage(text) if risk.is_message(text, [indicator]) else None
    _add_risks(message, [answer.indicator], [result])
    return result


def _add_risks(
    message: dict[str, Any] | None, indicators: list[Indicator], results: list[Result]
) -> dict[str, Any] | None:
    """Each result's risk, agreeing with the message's; returns the message's risk (maybe raised)."""
    items = [
        (indicator, risk.link_risk(indicator), result.verdict == lookup.ALLOWLISTED)
        for indicator, result in zip(indicators, results, strict=True)
    ]
    message, risks = risk.agree(message, items)
    for result, found in zip(results, risks, strict=True):
        result.risk = found
    return message


def indicators_in(text: str) -> list[Indicator]:
    """A single indicator as detect() reads it, else every indicator of a message, at most MAX_INDICATORS."""
    found = extract_all(text)
    if len(found) <= 1:
        single = detect(text)
        if single is not None:
            return [single]
    return found[:MAX_INDICATORS]


def check_text(text: str, *, with_triage: bool = True, sender_type: str | None = None) -> MessageResult:
    """Answers for everything in a typed value or a pasted message (the page uses this for both).

    ``sender_type`` ("brandname", "shortcode" or "personal_number"), when the person says who sent the
    message, sharpens the message's score; it is optional and anything else is ignored.
    """
    text = _clean(text, MAX_MESSAGE_LENGTH)
    indicators = indicators_in(text)
    message = risk.is_message(text, indicators)
    triage = _triage(text, sender_type) if with_triage and message else None
    if not indicators and triage is None:
        raise _unrecognised()
    answers = lookup.answer_many(indicators) if indicators else []
    results = [result_for(item) for item in answers]
    triage = _add_risks(triage, [item.indicator for item in answers], results)
    return MessageResult(results, triage, message)


def _reputation(found: list[Any]) -> dict[Any, int]:
    """The triage module's reputation lookup: how many reports name each of its indicators."""
    mapped: list[tuple[Any, Indicator]] = []
    for item in found:
        try:
            mapped.append((item, normalize(str(getattr(item, "kind", "")), str(getattr(item, "value", "")))))
        except InvalidIndicator:
            continue
    answers = lookup.answer_many([indicator for _item, indicator in mapped]) if mapped else []
    return {
        item: answer.reports
        for (item, _indicator), answer in zip(mapped, answers, strict=True)
        if answer.verdict in (lookup.CONFIRMED, lookup.REPORTED)
    }


def _triage(text: str, sender_type: str | None = None) -> dict[str, Any] | None:
    return scorers.score_message(text, _reputation, sender_type)
