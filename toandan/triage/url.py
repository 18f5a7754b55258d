"""Risk of a link never seen before, from its shape alone: no network access, no lookup of the page.

Two kinds of evidence are added as log-odds:

* rules that hold in Vietnam whatever the training data: a host imitating an allow-listed brand (typos,
  look-alike characters, the brand's name on another suffix or inside another domain), shorteners, free
  hosting, cheap top-level domains, an IP address or "@" hiding the real host, APK downloads, phishing words;
* a logistic-regression model over hashed character n-grams and structural features, trained on the shared
  phishing/benign URL set (``training.train_url_model``), which catches the look of phishing URLs in general.

Allow-listed brand domains and their sub-domains are answered at once as "no_signal".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language

from toandan.identifiers.shorteners import SHORTENERS
from toandan.triage import brands, features, lists, lookalike, modelstore
from toandan.triage.verdict import Verdict, sigmoid, translate, verdict_for

# Prior log-odds of an unknown link in a message being malicious, before any evidence; the weights below are
# log-likelihood ratios set on the tune split and kept fixed for the holdout.
URL_BIAS = -1.6
MODEL_WEIGHT = 0.7
MODEL_CLIP = (-2.5, 2.5)

FREE_HOSTING_WEIGHT = 2.0
_PUBLISHED_FORM = re.compile(
    r"/forms/|/d/e/|/drawings/|/viewform|/formResponse|/pub\b|/pubhtml", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class UrlAnalysis:
    """What was learned about one link, reused by the message scorer."""

    url: str
    host: str
    registered: str
    official_brand: str | None
    impersonated_brand: str | None
    logit: float
    reasons: tuple[str, ...]

    @property
    def score(self) -> float:
        """Calibrated probability that the link is malicious."""
        return sigmoid(self.logit)


def _host_words(labels: list[str]) -> set[str]:
    words: set[str] = set()
    for label in labels:
        for token in re.split(r"[^a-z0-9]+", label):
            if token in lists.HOST_PHISH_WORDS:
                words.add(token)
            elif len(token) > 5:
                words.update(word for word in lists.HOST_PHISH_WORDS if len(word) >= 5 and word in token)
    return words


def _flags(free: bool, short: bool, page: bool = False) -> dict[str, float]:
    return {
        "free_hosting": 1.0 if free else 0.0,
        "shortener": 1.0 if short else 0.0,
        "platform_page": 1.0 if page else 0.0,
    }


# The platform's own sections, and the sub-domains on which users' pages live.
_PLATFORM_OWN_PATHS = frozenset(
    {"login", "dang-nhap", "signin", "signup", "help", "policies", "privacy", "terms", "settings", "about"}
)
_PLATFORM_PAGE_SUBDOMAINS = frozenset({"", "www", "m", "web", "mobile", "vi-vn"})


def _platform_page(registered: str, rest: str, subdomain: str = "") -> bool:
    """A page, group or channel that anyone can open on a big platform (facebook.com/…): judged as a page."""
    if registered not in lists.USER_CONTENT_DOMAINS or subdomain not in _PLATFORM_PAGE_SUBDOMAINS:
        return False
    first = rest.split("?", 1)[0].strip("/").split("/", 1)[0].lower()
    return first != "" and first not in _PLATFORM_OWN_PATHS


def model_vector(url: str) -> dict[int, float]:
    """The hashed feature vector the URL model sees, shared with training so both stay identical."""
    _scheme, host, _port, rest = features.split_url(url)
    host = host.lower()
    ext = brands.EXTRACT(host)
    registered = f"{ext.domain}.{ext.suffix}" if ext.suffix else host
    bare = host.removeprefix("www.")
    free = registered in lists.FREE_HOSTING_DOMAINS or bare in lists.FREE_HOSTING_HOSTS
    short = bare in SHORTENERS or registered in SHORTENERS
    page = _platform_page(registered, rest, ext.subdomain)
    return features.url_features(url, host, rest, ext.suffix, ext.subdomain, _flags(free, short, page))


def analyse_url(url: str) -> UrlAnalysis:
    """Analyse a link (cached: the same links recur across waves of scam messages)."""
    return _analyse(url, get_language())


def clear_caches() -> None:
    """Forget cached analyses, after the URL model was replaced."""
    _analyse.cache_clear()


@lru_cache(maxsize=16384)
def _analyse(url: str, language: str | None) -> UrlAnalysis:
    # The language is part of the key because the reasons are translated when the analysis is made.
    def _(message: str) -> str:
        return translate(message, language)

    scheme, host, port, rest = features.split_url(url)
    host = host.lower()
    if not host or "." not in host:
        return UrlAnalysis(url, host, host, None, None, -4.0, ())
    bare = host.removeprefix("www.")
    ext = brands.EXTRACT(host)
    suffix = ext.suffix
    registered = f"{ext.domain}.{suffix}" if suffix else host
    subdomain_labels = [label for label in ext.subdomain.split(".") if label and label != "www"]
    is_ip = bool(features.IPV4.match(host))

    free = registered in lists.FREE_HOSTING_DOMAINS or bare in lists.FREE_HOSTING_HOSTS
    short = bare in SHORTENERS or registered in SHORTENERS
    # A brand's own app link on a shared link service (myvt.page.link) is the brand's, not a hidden address.
    official = brands.brand_link_hosts().get(bare)
    # A page on a big platform is judged as a page: the platform's own name says nothing about it.
    page = _platform_page(registered, rest, ext.subdomain)
    if official is None and not (free or short or page):
        official = brands.brand_domains().get(registered)
    if official is not None:
        reason = _("Tên miền chính thức của %(brand)s") % {"brand": official}
        return UrlAnalysis(url, host, registered, official, None, -5.0, (reason,))

    logit = URL_BIAS
    reasons: list[str] = []

    def add(weight: float, reason: str) -> None:
        nonlocal logit
        logit += weight
        if weight > 0 and reason not in reasons:
            reasons.append(reason)

    impersonated: str | None = None
    if not is_ip:
        # On free hosting the part the scammer chose is the first sub-domain label, not the service's name.
        candidates = (
            [(ext.domain, suffix)] if not free else [(label, suffix) for label in subdomain_labels[:1]]
        )
        for label, label_suffix in candidates:
            imitation = lookalike.find_lookalike(label, label_suffix)
            if imitation is None:
                continue
            impersonated = imitation.brand
            if imitation.how == "other_suffix":
                add(
                    5.0,
                    _(
                        "Dùng tên %(brand)s trên một tên miền khác (%(domain)s), "
                        "không phải tên miền chính thức %(real)s"
                    )
                    % {"brand": imitation.brand, "domain": registered, "real": imitation.domain},
                )
            else:
                add(
                    6.0,
                    _("Tên miền giả mạo %(brand)s: nhái tên miền thật %(real)s")
                    % {"brand": imitation.brand, "real": imitation.domain},
                )
            break
        if impersonated is None:
            typo = lookalike.find_domain_typo(registered)
            if typo is not None:
                impersonated = typo.brand
                add(
                    6.0,
                    _("Tên miền giả mạo %(brand)s: nhái tên miền thật %(real)s")
                    % {"brand": typo.brand, "real": typo.domain},
                )
        if impersonated is None:
            # The service's own name in its host (drive.google.com) is not an impersonation.
            own = (
                []
                if registered in brands.brand_domains() or lookalike.is_brand_label(ext.domain)
                else [ext.domain]
            )
            embedded = lookalike.find_embedded(subdomain_labels + own)
            if embedded is not None:
                impersonated = embedded
                label_tokens = set(re.split(r"[^a-z0-9]+", ".".join(subdomain_labels + [ext.domain])))
                dressed = (
                    "-" in bare
                    or free
                    or bool(label_tokens & lists.BRAND_FILLER_WORDS)
                    or bool(_host_words(subdomain_labels + [ext.domain]))
                    or not suffix.endswith("vn")
                )
                real = brands.domains_by_brand()[embedded][0]
                add(
                    4.5 if dressed else 2.0,
                    _("Tên miền chứa tên %(brand)s nhưng không phải tên miền chính thức (%(real)s)")
                    % {"brand": embedded, "real": real},
                )

    if "xn--" in host and impersonated is None:
        add(1.5, _("Tên miền dùng ký tự quốc tế (punycode) dễ gây nhầm lẫn"))
    if is_ip:
        add(3.0, _("Đường link dùng địa chỉ IP thay cho tên miền"))
    if "@" in url.split("://", 1)[-1].split("/", 1)[0]:
        add(3.0, _("Đường link chứa ký tự @ để che giấu địa chỉ thật"))
    if short:
        add(1.5, _("Đường link rút gọn che giấu địa chỉ thật"))
    if free:
        # Shared Google documents are everyday business; a page or form published from them is not.
        weight = FREE_HOSTING_WEIGHT if bare not in lists.SHARED_DOCUMENT_HOSTS else FREE_HOSTING_WEIGHT / 2
        add(
            weight,
            _("Trang dựng trên dịch vụ miễn phí (%(host)s), không phải trang chính thức")
            % {"host": registered},
        )
        if _PUBLISHED_FORM.search(rest):
            # Published forms and "publish to web" documents are where fake login pages on Google live.
            add(
                2.0 if bare in lists.SHARED_DOCUMENT_HOSTS else 1.0,
                _("Biểu mẫu hoặc trang công khai trên dịch vụ miễn phí, hay dùng để thu mật khẩu"),
            )
    tld = suffix.rsplit(".", 1)[-1] if suffix else ""
    if tld in lists.RISKY_TLDS_HIGH:
        add(1.5, _("Đuôi tên miền rẻ, hay bị dùng cho trang lừa đảo (.%(tld)s)") % {"tld": tld})
    elif tld in lists.RISKY_TLDS_MEDIUM:
        add(0.6, _("Đuôi tên miền rẻ, hay bị dùng cho trang lừa đảo (.%(tld)s)") % {"tld": tld})
    words = _host_words(subdomain_labels + [ext.domain]) if not is_ip else set()
    if words:
        add(
            1.0 + 0.5 * min(len(words) - 1, 2),
            _("Tên miền chứa từ khóa hay gặp ở trang lừa đảo (%(words)s)")
            % {"words": ", ".join(sorted(words)[:3])},
        )
    path = rest.split("?", 1)[0].lower()
    if path.endswith(".apk"):
        add(3.5, _("Đường link tải tệp cài đặt ứng dụng (.apk) ngoài kho ứng dụng chính thức"))
    if port and port not in ("80", "443"):
        add(1.0, _("Đường link dùng cổng lạ (:%(port)s)") % {"port": port})
    if ext.domain.count("-") >= 2:
        add(0.7, _("Tên miền có nhiều dấu gạch ngang bất thường"))
    if len(subdomain_labels) >= 3:
        add(0.7, _("Tên miền có nhiều tầng bất thường"))
    if suffix.endswith("gov.vn"):
        add(-4.0, "")
    elif suffix.endswith("edu.vn"):
        add(-1.5, "")
    elif suffix.endswith("vn") and not words and impersonated is None:
        # A .vn name needs papers from a registrar in Vietnam, so throw-away phishing hosts are rarer there.
        add(-0.5, "")

    model = modelstore.load_model(modelstore.URL_MODEL)
    if model is not None:
        groups = features.url_groups(url, host, rest, suffix, ext.subdomain, _flags(free, short, page))
        model_logit = min(max(model.logit_groups(groups), MODEL_CLIP[0]), MODEL_CLIP[1])
        if bare in lists.SHARED_DOCUMENT_HOSTS and not _PUBLISHED_FORM.search(rest):
            # A shared document is everyday business; the blocklists' pages on these hosts are forms.
            model_logit = min(model_logit, 0.0)
        add(MODEL_WEIGHT * model_logit, _("Cấu trúc đường link giống các trang lừa đảo đã biết"))
        if MODEL_WEIGHT * model_logit > 0 and MODEL_WEIGHT * model_logit < 1.0:
            # A faint statistical lean is not worth telling people about.
            reasons.remove(_("Cấu trúc đường link giống các trang lừa đảo đã biết"))
    return UrlAnalysis(url, host, registered, None, impersonated, logit, tuple(reasons))


def score_url(url: str) -> Verdict:
    """Score one link: probability that it leads to a phishing or scam page, a verdict and reasons."""
    analysis = analyse_url(url.strip())
    score = round(analysis.score, 4)
    verdict = verdict_for(score)
    return Verdict(score, verdict, list(analysis.reasons))
