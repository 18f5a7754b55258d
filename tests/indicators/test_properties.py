"""Property tests: every spelling of one indicator gives one value, and normalisation is idempotent."""

from __future__ import annotations

import idna
import phonenumbers
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from toandan.identifiers.base import InvalidIndicator, Kind
from toandan.identifiers.crypto import normalize_wallet
from toandan.identifiers.extract import extract_all
from toandan.identifiers.normalize import detect, normalize
from toandan.identifiers.phones import vn_number_type

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MOBILE_PREFIXES = [
    "32", "33", "34", "35", "36", "37", "38", "39", "56", "58", "59", "70", "76", "77", "78", "79",
    "81", "82", "83", "84", "85", "86", "88", "89", "90", "91", "92", "93", "94", "96", "97", "98",
]  # fmt: skip
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def vn_mobiles(draw: st.DrawFn) -> str:
    """A valid Vietnamese mobile number as its national significant number (9 digits)."""
    nsn = draw(st.sampled_from(MOBILE_PREFIXES)) + draw(st.text("0123456789", min_size=7, max_size=7))
    assume(vn_number_type(nsn) == "mobile")
    return nsn


@st.composite
def written_phones(draw: st.DrawFn, nsn: str) -> str:
    """``nsn`` written the way people write it: prefix, grouping, separators, full-width digits."""
    prefix = draw(st.sampled_from(["0", "+84", "84", "0084", "+84 ", "(+84) ", "0084 ", "+84 (0) ", "(0"]))
    body = nsn
    if prefix == "(0":
        body = nsn[:2] + ")" + nsn[2:]
    cuts = sorted(draw(st.sets(st.integers(1, len(body) - 1), max_size=4)))
    separator = draw(st.sampled_from([" ", ".", "-", ""]))
    pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    text = prefix + separator.join(pieces)
    if draw(st.booleans()):
        text = text.translate(FULL_WIDTH)
    return text


@PROPERTY_SETTINGS
@given(st.data())
def test_every_written_form_of_a_mobile_gives_one_e164_value(data: st.DataObject) -> None:
    nsn = data.draw(vn_mobiles())
    text = data.draw(written_phones(nsn))
    indicator = normalize(Kind.PHONE, text)
    assert indicator.value == "+84" + nsn
    assert normalize(Kind.PHONE, indicator.value) == indicator
    assert detect(text) == indicator
    assert indicator in extract_all(f"Liên hệ {text} để được hỗ trợ")


@PROPERTY_SETTINGS
@given(st.text("0123456789", min_size=7, max_size=10).filter(lambda s: not s.startswith("0")))
def test_fast_validation_agrees_with_phonenumbers(nsn: str) -> None:
    expected = phonenumbers.is_valid_number(phonenumbers.parse("+84" + nsn))
    assert (vn_number_type(nsn) is not None) == expected


LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True).filter(
    lambda s: "--" not in s and s != "www"
)
IDN_LABELS = ["ngânhàng", "tiếng-việt", "bücher", "đăngnhập", "quàtặng"]
SUFFIXES = ["com", "vn", "com.vn", "net", "org", "xyz", "top", "gov.vn"]
PATH_SEGMENT = st.text("abcXYZ019-_~.đ", min_size=1, max_size=8).filter(lambda s: s not in (".", ".."))
PARAM = st.text("abcdefxyz0123", min_size=1, max_size=5).filter(lambda s: not s.startswith("utm"))
TRACKERS = ["utm_source=zalo", "utm_campaign=tet", "fbclid=IwAR0x", "gclid=abc", "zalo_source=1", "zarsrc=30"]


def _percent(text: str, encode: bool) -> str:
    """Percent-encode every character of ``text`` (UTF-8) when ``encode``; both forms mean the same."""
    if not encode:
        return text
    return "".join(f"%{byte:02x}" for byte in text.encode("utf-8"))


@st.composite
def url_parts(draw: st.DrawFn) -> tuple[str, list[str], list[str], list[str]]:
    """(host, path segments, query parameters) of a URL, host given as Unicode labels."""
    labels = draw(st.lists(LABEL | st.sampled_from(IDN_LABELS), min_size=1, max_size=3))
    host = ".".join([*labels, draw(st.sampled_from(SUFFIXES))])
    path = draw(st.lists(PATH_SEGMENT, max_size=3))
    params = [f"{key}={value}" for key, value in draw(st.lists(st.tuples(PARAM, PARAM), max_size=3))]
    trackers = draw(st.lists(st.sampled_from(TRACKERS), max_size=2))
    return host, path, params, trackers


@st.composite
def written_urls(draw: st.DrawFn, parts: tuple[str, list[str], list[str], list[str]]) -> str:
    """One way of writing the URL: scheme case, host case, IDN or punycode, default port, trailing dot,
    tracking parameters anywhere, fragment, percent-encoding."""
    host, path, params, trackers = parts
    scheme = draw(st.sampled_from(["http://", "https://", "HTTP://", "HtTpS://", ""]))
    if not host.isascii() and draw(st.booleans()):
        host = idna.encode(host, uts46=True).decode("ascii")
    if draw(st.booleans()):
        host = "".join(c.upper() if draw(st.booleans()) else c for c in host)
    if draw(st.booleans()):
        host += "."
    port = ""
    if scheme and draw(st.booleans()):
        port = ":443" if scheme.lower() == "https://" else ":80"
    written_path = "/" + "/".join(_percent(segment, draw(st.booleans())) for segment in path) if path else ""
    query_items = list(params)
    for tracker in trackers:
        query_items.insert(draw(st.integers(0, len(query_items))), tracker)
    query = ("?" + "&".join(query_items)) if query_items else ""
    if query and not written_path:
        written_path = "/"
    fragment = draw(st.sampled_from(["", "#top", "#/dang-nhap"]))
    written = f"{scheme}{host}{port}{written_path}{query}{fragment}"
    # A final "." is sentence punctuation when pasted; a URL that really ends with one is escaped.
    return written[:-1] + "%2E" if written.endswith(".") and written_path else written


def _canonical_reference(parts: tuple[str, list[str], list[str], list[str]]) -> str:
    host, path, params, _trackers = parts
    # Fully escaped segments, so that a segment ending in "." is not taken for sentence punctuation.
    escaped = [_percent(segment, True) for segment in path]
    return "https://" + host + "/" + "/".join(escaped) + ("?" + "&".join(params) if params else "")


@PROPERTY_SETTINGS
@given(st.data())
def test_every_written_form_of_a_url_gives_one_value(data: st.DataObject) -> None:
    parts = data.draw(url_parts())
    expected = normalize(Kind.URL, _canonical_reference(parts))
    text = data.draw(written_urls(parts))
    indicator = normalize(Kind.URL, text)
    assert indicator == expected, text
    assert normalize(Kind.URL, indicator.value) == indicator
    assert indicator.value.isascii()


@PROPERTY_SETTINGS
@given(url_parts())
def test_domain_normalisation_is_idempotent(parts: tuple[str, list[str], list[str], list[str]]) -> None:
    host = parts[0]
    indicator = normalize(Kind.DOMAIN, host)
    assert normalize(Kind.DOMAIN, indicator.value) == indicator
    assert normalize(Kind.DOMAIN, host.upper() + ".") == indicator
    assert normalize(Kind.DOMAIN, "https://www." + host + "/x?y=1") == indicator
    email = normalize(Kind.EMAIL, f"Nguyen.Van.A@{host.upper()}")
    assert normalize(Kind.EMAIL, email.value) == email


@PROPERTY_SETTINGS
@given(st.text("0123456789", min_size=6, max_size=19), st.sampled_from(["Vietcombank", "MB", "agri", None]))
def test_bank_account_normalisation_is_idempotent(digits: str, bank: str | None) -> None:
    spaced = " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))
    indicator = normalize(Kind.BANK_ACCOUNT, spaced, bank=bank)
    assert indicator.extra["account"] == digits
    assert normalize(Kind.BANK_ACCOUNT, indicator.value) == indicator


HANDLE = st.from_regex(r"[a-z][a-z0-9_]{4,20}", fullmatch=True)


@PROPERTY_SETTINGS
@given(
    HANDLE, st.sampled_from(["https://t.me/{}", "t.me/s/{}/", "Telegram: @{}", "https://telegram.me/{}?x=1"])
)
def test_social_normalisation_is_idempotent(handle: str, template: str) -> None:
    indicator = normalize(Kind.SOCIAL, template.format(handle.upper() if "@" in template else handle))
    assert indicator.value == f"telegram:@{handle}"
    assert normalize(Kind.SOCIAL, indicator.value) == indicator
    assert detect(indicator.value) == indicator


@PROPERTY_SETTINGS
@given(st.integers(0, 33), st.sampled_from("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"))
def test_a_changed_character_breaks_the_base58_checksum(position: int, replacement: str) -> None:
    address = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
    changed = address[:position] + replacement + address[position + 1 :]
    assume(changed != address)
    try:
        normalize_wallet(changed)
    except InvalidIndicator:
        return
    raise AssertionError(f"accepted {changed}")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_extraction_and_detection_never_crash(text: str) -> None:
    for indicator in extract_all(text):
        assert indicator.value
        # Whatever is extracted normalises to itself.
        assert normalize(indicator.kind, indicator.value) == indicator
    detect(text)
