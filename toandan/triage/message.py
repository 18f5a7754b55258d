"""Risk of a text message (SMS, Zalo, Messenger...) being a scam, with reasons in plain Vietnamese.

The score is a logistic function of summed log-odds. ``contributions`` lists the hand-written evidence, each
piece named so that the trained model can re-weigh it:

1. lures and demands that mark 2023–2025 Vietnamese scams (``signals.SIGNALS``) and pairs of them
   (``signals.COMBINATIONS``);
2. the links in the message, analysed by ``url.analyse_url`` (look-alike and brand-embedding hosts, free
   hosting, shorteners, cheap TLDs, the URL model), and whether a brand named in the text owns them;
3. a brand or a state agency named next to a personal mobile number or a demand it never makes by message;
4. dampeners for what legitimate senders write: one-time codes delivered to the owner, balance alerts, scam
   warnings ("không cung cấp OTP cho bất kỳ ai"), links to the brand's own domain, short-code adverts;
5. who sent it, when the caller knows (a named sender, a short code or a personal number);
6. the reputation of the phone numbers, links and accounts it contains, when a lookup is supplied.

``combine`` then adds them up. With the shipped message model (``training.train_message_model``, trained on
real 2025 messages) each piece of 1–5 is scaled by the learnt ``RULE_SCALE`` and its own learnt correction,
and a hashed character and word n-gram term is added; reputation (6) keeps its hand weight, since no labelled
data measures it. Without the model the hand weights are summed as they are.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language, gettext_noop

from toandan.identifiers.base import Indicator, Kind
from toandan.triage import brands, features, modelstore, signals
from toandan.triage.prefilter import AlternativeIndex
from toandan.triage.signals import SIGNALS, Signal
from toandan.triage.text import Extracted, extract, normalise
from toandan.triage.url import URL_BIAS, UrlAnalysis, analyse_url
from toandan.triage.verdict import Verdict, sigmoid, translate, verdict_for

logger = logging.getLogger(__name__)

Reputation = Callable[[list[Indicator]], dict]

SENDER_TYPES = ("brandname", "shortcode", "personal_number")


@dataclass(frozen=True)
class Weights:
    """The hand-set log-odds of the message scorer, by name (used as they are when no model is shipped)."""

    bias: float = -3.2
    stack_bonus: float = 0.5  # each further phrase of one lure, up to two
    warning_demand: float = 0.3  # a demand inside a warning keeps this share of its weight
    warning_lure: float = 0.5  # a lure inside a warning keeps this share
    link_base: float = 0.4  # an unknown link in a text
    link_per_risk: float = 0.8  # per unit of the link's own log-odds above the URL prior
    link_risk_clip: tuple[float, float] = (-1.0, 7.0)
    link_reason_risk: float = 0.5  # the link's reason is shown from this risk up
    link_without_call: float = 0.3  # a link that no "bấm vào link" wording introduces
    own_link: float = -1.5  # every link on the named brand's own domain
    impersonating_link: float = 1.0  # a link imitating a brand's domain
    off_brand_link: float = 2.0  # a brand named in the text, links elsewhere
    agency_demand: float = 1.5  # a state agency asking for money, an app or a code by message
    institution_mobile: float = 1.5  # a bank, wallet, carrier or agency giving a personal mobile number
    lure_with_phone: float = 0.5  # a money lure with a number to call
    otp_delivery: float = -2.0
    balance_alert: float = -1.2
    warning: float = -1.5
    short_code_ad: float = -1.0


WEIGHTS = Weights()
MAX_REASONS = 6
# Reasons for a learnt contribution are shown from this log-odds up.
REASON_FLOOR = 0.3
# What legitimate senders write (``signals``): found in the same prefilter pass as the signals.
_LEGIT = (signals.OTP_DELIVERY, signals.BALANCE, signals.WARNING, signals.SHORT_CODE_AD)
_PATTERNS = [signal.pattern for signal in SIGNALS] + list(_LEGIT)
_PREFILTER = AlternativeIndex(_PATTERNS)
_STYLE_REASON = gettext_noop("Nội dung và cách viết giống các tin nhắn lừa đảo đã được ghi nhận")
_SENDER_REASON = gettext_noop("Tin nhắn gửi từ số điện thoại cá nhân, không phải tên thương hiệu hay đầu số")


@dataclass(frozen=True, slots=True)
class Contribution:
    """One piece of evidence: a stable name (a feature of the trained model), its hand log-odds and reason."""

    name: str
    weight: float
    reason: str = ""
    shown_weight: float | None = None  # a second reason shown beside another one, not added


def _scan(normalised: str, prefilter: bool = True) -> tuple[list[tuple[Signal, int]], set[re.Pattern[str]]]:
    """Signals that fire, each with how many distinct phrases of it the text holds, and the ``_LEGIT``
    patterns found. ``prefilter=False`` runs every pattern whole (what the prefilter must never change)."""
    candidates = _PREFILTER.candidates(normalised) if prefilter else list(enumerate(_PATTERNS))
    legit = {_LEGIT[i - len(SIGNALS)] for i, p in candidates if i >= len(SIGNALS) and p.search(normalised)}
    return _fired(normalised, candidates), legit


def _fired(normalised: str, candidates: list[tuple[int, re.Pattern[str]]]) -> list[tuple[Signal, int]]:
    fired: list[tuple[Signal, int]] = []
    # In declared order: signals fire in it, which breaks ties between equal reason weights.
    for index, pattern in candidates:
        if index >= len(SIGNALS):
            break
        signal = SIGNALS[index]
        phrases: set[str] = set()
        for match in pattern.finditer(normalised):
            if signal.negatable and signals.NEGATION.search(
                normalised, max(0, match.start() - 40), match.start()
            ):
                continue
            phrases.add(match.group(0))
        if phrases:
            fired.append((signal, len(phrases)))
    return fired


def signal_names(text: str) -> set[str]:
    """Names of the lure and demand signals a text fires (features of the case category model)."""
    return {signal.name for signal, _count in _scan(normalise(text or ""))[0]}


@dataclass
class _Message:
    """What the contributions read: the text, its normalised form, and what was extracted from it."""

    text: str
    normalised: str
    fired: list[tuple[Signal, int]]
    names: set[str]
    extracted: Extracted
    analyses: list[UrlAnalysis]
    mentioned: list[str]
    warning: bool
    legit: set[re.Pattern[str]]


def _read(text: str) -> _Message:
    normalised = normalise(text)
    fired, legit = _scan(normalised)
    names = {signal.name for signal, _count in fired}
    extracted = extract(text)
    if extracted.personal_mobile():
        # A personal mobile number: official senders give hotlines (1900/1800) or short codes instead.
        names.add("mobile")
    analyses = [analyse_url(u) for u in extracted.links[:5]]
    # Brand names inside the links themselves are judged by the link analysis, not as mentions.
    mentioned = brands.brands_in_text(normalise(extracted.without_links) if extracted.links else normalised)
    # Warnings describe the scam they warn about: its lures and demands are not addressed to the reader. A
    # "warning" that carries a risky link of its own is itself a lure ("Cảnh báo: tài khoản đăng nhập lạ...").
    risky_link = any(a.official_brand is None and a.logit - URL_BIAS > 1.5 for a in analyses)
    # Official warnings point to hotlines and short codes, never to a personal mobile number.
    warning = signals.WARNING in legit and not risky_link and "mobile" not in names
    return _Message(text, normalised, fired, names, extracted, analyses, mentioned, warning, legit)


def _lures(message: _Message, w: Weights) -> list[Contribution]:
    """Lure and demand signals, and the pairs of them that are far more telling together."""
    found: list[Contribution] = []
    for signal, count in message.fired:
        # Several phrases of one lure ("CTV", "hoa hồng", "500k/ngày") make it more certain, up to a point.
        weight = signal.weight + w.stack_bonus * min(count - 1, 2)
        if message.warning:
            weight *= w.warning_demand if signal.name in signals.DEMANDS else w.warning_lure
        found.append(Contribution("signal:" + signal.name, weight, signal.reason))
    for pair, weight in signals.COMBINATIONS:
        if pair <= message.names:
            found.append(Contribution("pair:" + "+".join(sorted(pair)), weight))
    return found


def _links(message: _Message, w: Weights) -> list[Contribution]:
    """The riskiest link speaks for the message; the brand's own links reassure; off-brand links betray."""
    analyses = message.analyses
    if not analyses:
        return []
    found: list[Contribution] = []
    worst = max(analyses, key=lambda a: a.logit)
    official = [a for a in analyses if a.official_brand]
    if worst.official_brand is None:
        risk = min(max(worst.logit - URL_BIAS, w.link_risk_clip[0]), w.link_risk_clip[1])
        weight = w.link_base + w.link_per_risk * risk
        telling = worst.reasons and risk > w.link_reason_risk
        found.append(Contribution("link:risk", weight, worst.reasons[0] if telling else ""))
        if telling and len(worst.reasons) > 1:
            # Shown, but already counted in the link's weight.
            found.append(Contribution("link:risk_more", 0.0, worst.reasons[1], shown_weight=weight - 0.01))
        if "link_action" not in message.names:
            found.append(Contribution("link:no_call", w.link_without_call))
    elif len(official) == len(analyses) and not any(
        a.registered in signals.USER_CONTENT_DOMAINS for a in official
    ):
        # The brand's own site reassures; a Zalo group or Facebook page anyone can open does not.
        found.append(Contribution("link:own", w.own_link))
    impersonated = next((a.impersonated_brand for a in analyses if a.impersonated_brand), None)
    if impersonated:
        reason = gettext_noop("Đường link giả mạo tên miền của %(brand)s")
        found.append(
            Contribution("link:impersonating", w.impersonating_link, _Formatted(reason, impersonated))
        )
        return found
    owned = {a.official_brand for a in official}
    foreign = [a for a in analyses if a.official_brand is None]
    claimed = [b for b in message.mentioned if b not in owned]
    if claimed and foreign:
        reason = gettext_noop("Tin nhắn nhân danh %(brand)s nhưng đường link không thuộc tên miền chính thức")
        found.append(Contribution("link:off_brand", w.off_brand_link, _Formatted(reason, claimed[0])))
    return found


def _claims(message: _Message, w: Weights) -> list[Contribution]:
    """A brand or agency named in the text doing what it never does by message."""
    if message.warning:
        return []
    found: list[Contribution] = []
    names = message.names
    agencies = [b for b in message.mentioned if brands.profile(b).kind == "agency"]
    if agencies and names & signals.AGENCY_DEMANDS:
        # A state agency named next to a demand for money, an app or a link: agencies do not work this way.
        reason = gettext_noop(
            "Nhân danh %(brand)s để yêu cầu chuyển tiền, cài ứng dụng hoặc cung cấp mã – cơ quan nhà nước "
            "không làm vậy qua tin nhắn, điện thoại"
        )
        found.append(Contribution("claim:agency_demand", w.agency_demand, _Formatted(reason, agencies[0])))
    # Banks, wallets, carriers and agencies answer on hotlines; "call our staff on 09..." is the scam's move.
    institutions = [b for b in message.mentioned if brands.profile(b).kind in signals.INSTITUTION_KINDS]
    if institutions and "mobile" in names:
        reason = gettext_noop("Nhân danh %(brand)s nhưng đưa số điện thoại di động cá nhân để liên hệ")
        found.append(
            Contribution(
                "claim:institution_mobile", w.institution_mobile, _Formatted(reason, institutions[0])
            )
        )
    return found


def _phone_lure(message: _Message, w: Weights) -> list[Contribution]:
    """A money lure with a number to call."""
    if message.extracted.phones and message.names & signals.PHONE_LURES:
        return [Contribution("phone:lure", w.lure_with_phone)]
    return []


def _dampeners(message: _Message, w: Weights) -> list[Contribution]:
    """What legitimate senders write: codes for the owner, balance alerts, warnings, short-code adverts."""
    legit = message.legit
    found: list[Contribution] = []
    if signals.OTP_DELIVERY in legit:
        found.append(Contribution("legit:otp_delivery", w.otp_delivery))
    if signals.BALANCE in legit:
        found.append(Contribution("legit:balance", w.balance_alert))
    if message.warning:
        found.append(Contribution("legit:warning", w.warning))
    if signals.SHORT_CODE_AD in legit:
        found.append(Contribution("legit:short_code_ad", w.short_code_ad))
    return found


def _sender(sender_type: str | None) -> list[Contribution]:
    """Who sent it, when known: its weight is learnt only (zero by hand)."""
    if sender_type not in SENDER_TYPES:
        return []
    return [
        Contribution(
            "sender:" + str(sender_type), 0.0, _SENDER_REASON if sender_type == "personal_number" else ""
        )
    ]


class _Formatted(str):
    """A reason template with its brand, translated when shown (the template is the message id)."""

    brand: str

    def __new__(cls, template: str, brand: str) -> _Formatted:
        made = super().__new__(cls, template)
        made.brand = brand
        return made


def contributions(
    text: str, sender_type: str | None = None, weights: Weights = WEIGHTS
) -> list[Contribution]:
    """Every hand-written piece of evidence about a message, named, in the order of the module docstring."""
    return _contributions(_read(text or ""), sender_type, weights)


def _contributions(message: _Message, sender_type: str | None, weights: Weights) -> list[Contribution]:
    return [
        *_lures(message, weights),
        *_links(message, weights),
        *_claims(message, weights),
        *_phone_lure(message, weights),
        *_dampeners(message, weights),
        *_sender(sender_type),
    ]


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


def _reputation(message: _Message, reputation: Reputation) -> list[Contribution]:
    """How often the message's numbers, links, domains and accounts were reported."""
    extracted, analyses = message.extracted, message.analyses
    indicators = list(extracted.phones)
    indicators += [Indicator(Kind.URL, a.url) for a in analyses]
    indicators += [
        Indicator(Kind.DOMAIN, d) for d in dict.fromkeys(a.registered for a in analyses if a.registered)
    ]
    indicators += extracted.accounts
    if not indicators:
        return []
    return [
        Contribution(
            "reputation:" + indicator.kind,
            _reputation_weight(count),
            _Counted(signals.REPUTATION_REASONS[indicator.kind], count),
        )
        for indicator, count in _reputation_counts(reputation, indicators)
    ]


class _Counted(str):
    """A reputation reason template with its count, formatted when shown."""

    count: int

    def __new__(cls, template: str, count: int) -> _Counted:
        made = super().__new__(cls, template)
        made.count = count
        return made


def _shown(reason: str, language: str | None) -> str:
    text = translate(str.__str__(reason), language)
    if isinstance(reason, _Formatted):
        return text % {"brand": reason.brand}
    if isinstance(reason, _Counted):
        return text % {"count": reason.count}
    return text


def _hand_logit(found: list[Contribution], w: Weights) -> tuple[float, list[tuple[float, str]]]:
    """The hand weights summed as they are."""
    logit = w.bias + sum(c.weight for c in found)
    shown = [
        (c.weight if c.shown_weight is None else c.shown_weight, c.reason)
        for c in found
        if c.reason and (c.weight > 0 or (c.shown_weight or 0) > 0)
    ]
    return logit, shown


def combine(
    found: list[Contribution], normalised: str, model: modelstore.LinearModel | None = None
) -> tuple[float, list[tuple[float, str]]]:
    """Log-odds of the contributions and the (weight, reason) pairs worth showing.

    With a model, each contribution counts ``weight × (scale + its own correction)``, plus the n-gram term.
    """
    if model is None:
        return _hand_logit(found, WEIGHTS)
    get = model.weights.get
    scale = get(features.RULE_SCALE_BUCKET, 0.0)
    logit = model.bias
    shown: list[tuple[float, str]] = []
    for c in found:
        bucket = features.rule_bucket(c.name)
        effect = c.weight * (scale + get(bucket, 0.0)) + (get(bucket, 0.0) if c.weight == 0.0 else 0.0)
        logit += effect
        if c.reason and (effect >= REASON_FLOOR or (c.shown_weight is not None and c.shown_weight > 0)):
            shown.append((effect if c.shown_weight is None else c.shown_weight * max(scale, 0.1), c.reason))
    ngram = model.logit_buckets(features.message_text_buckets(normalised)) - model.bias
    logit += ngram
    if ngram >= REASON_FLOOR * 2:
        shown.append((ngram, _STYLE_REASON))
    return logit, shown


def _model() -> modelstore.LinearModel | None:
    model = modelstore.load_model(modelstore.MESSAGE_MODEL)
    # A model of the old kind (2015 adverts, no rule features) is not combined: the hand weights stand alone.
    return model if model is not None and model.meta.get("kind") == features.MESSAGE_MODEL_KIND else None


def score_message(text: str, reputation: Reputation | None = None, sender_type: str | None = None) -> Verdict:
    """Score a message: probability that it is a scam, a verdict and the reasons, most telling first.

    ``reputation`` receives the indicators found (phones, links, domains, bank accounts) and returns how many
    times each was reported, keyed by the ``Indicator`` or by its value; it is optional. ``sender_type`` is
    one of ``SENDER_TYPES`` when the person knows who sent the message; the score works without it.
    """
    if not any(char.isalnum() for char in text or ""):
        # Nothing written (empty, spaces, signs): nothing to judge, and no model's base rate to report.
        return Verdict(0.0, "no_signal", [])
    message = _read(text)
    found = _contributions(message, sender_type, WEIGHTS)
    logit, shown = combine(found, message.normalised, _model())
    if reputation is not None:
        for c in _reputation(message, reputation):
            logit += c.weight
            shown.append((c.weight, c.reason))
    score = round(sigmoid(logit), 4)
    verdict = verdict_for(score)
    if not shown and verdict == "no_signal":
        return Verdict(score, verdict, [])
    language = get_language()
    shown.sort(key=lambda item: -item[0])
    reasons = list(dict.fromkeys(_shown(reason, language) for _weight, reason in shown))[:MAX_REASONS]
    if verdict != "no_signal" and not reasons:
        reasons = [translate(_STYLE_REASON, language)]
    return Verdict(score, verdict, reasons)
