"""URLs, domain names and e-mail addresses."""

from __future__ import annotations

import socket

import pytest

from toandan.identifiers import web
from toandan.identifiers.base import InvalidIndicator, Kind
from toandan.identifiers.normalize import detect, normalize


@pytest.mark.parametrize(
    "raw",
    [
        "https://vietcombank-hotro.com/login",
        "http://vietcombank-hotro.com/login",
        "HTTPS://VIETCOMBANK-HOTRO.COM/login",
        "https://vietcombank-hotro.com:443/login",
        "http://vietcombank-hotro.com:80/login",
        "https://vietcombank-hotro.com./login",
        "https://vietcombank-hotro.com/login#step2",
        "https://vietcombank-hotro.com/login?utm_source=zalo&utm_medium=chat",
        "https://vietcombank-hotro.com/login?fbclid=IwAR0abc&gclid=xyz&zalo_source=1&zarsrc=30",
        "https://vietcombank-hotro.com/a/../login",
        "https://vietcombank-hotro.com/./login",
        "https://vietcombank-hotro.com/%6C%6F%67%69%6E",
        "vietcombank-hotro.com/login",
        "//vietcombank-hotro.com/login",
        "hxxps://vietcombank-hotro[.]com/login",
        "hxxp://vietcombank-hotro(.)com/login",
        "<https://vietcombank-hotro.com/login>",
        "https://vietcombank-hotro.com/login.",
        "https://user:secret@vietcombank-hotro.com/login",
    ],
)
def test_url_variants_share_one_value(raw: str) -> None:
    indicator = normalize(Kind.URL, raw)
    assert indicator.value == "https://vietcombank-hotro.com/login"
    assert indicator.extra["registered_domain"] == "vietcombank-hotro.com"


def test_path_case_query_order_and_trailing_slash_are_kept() -> None:
    assert normalize(Kind.URL, "https://x.com/Login/").value == "https://x.com/Login/"
    assert normalize(Kind.URL, "https://x.com/a?b=2&a=1").value == "https://x.com/a?b=2&a=1"
    assert normalize(Kind.URL, "https://x.com").value == "https://x.com/"
    assert normalize(Kind.URL, "https://x.com/?").value == "https://x.com/"


def test_percent_encoding_and_non_ascii_paths() -> None:
    typed = normalize(Kind.URL, "https://x.vn/đăng-nhập")
    escaped = normalize(Kind.URL, "https://x.vn/%c4%91%C4%83ng-nh%E1%BA%ADp")
    assert typed == escaped
    assert typed.value == "https://x.vn/%C4%91%C4%83ng-nh%E1%BA%ADp"
    assert normalize(Kind.URL, "https://x.vn/100%").value == "https://x.vn/100%25"


def test_idn_hosts_become_punycode() -> None:
    unicode_form = normalize(Kind.URL, "https://ngânhàng.vn/login")
    puny_form = normalize(Kind.URL, "https://XN--NGNHNG-LTAN.vn/login")
    assert unicode_form == puny_form
    assert unicode_form.value == "https://xn--ngnhng-ltan.vn/login"
    assert unicode_form.extra["host_unicode"] == "ngânhàng.vn"
    assert unicode_form.display == "https://ngânhàng.vn/login"


def test_scheme_and_deception_details_are_kept_in_extra() -> None:
    indicator = normalize(Kind.URL, "http://vietcombank.com.vn@evil-site.top/x")
    assert indicator.value == "https://evil-site.top/x"
    assert indicator.extra["scheme"] == "http"
    assert indicator.extra["userinfo"] == "vietcombank.com.vn"
    assert indicator.extra["registered_domain"] == "evil-site.top"


def test_shorteners_ports_ips_and_wrappers() -> None:
    short = normalize(Kind.URL, "bit.ly/abc")
    assert short.value == "https://bit.ly/abc" and short.extra["shortener"] is True
    assert normalize(Kind.URL, "http://x.com:8080/a").value == "https://x.com:8080/a"
    assert normalize(Kind.URL, "http://203.0.113.5/login").value == "https://203.0.113.5/login"
    assert normalize(Kind.URL, "http://[2001:DB8::1]:8443/").value == "https://[2001:db8::1]:8443/"
    wrapped = normalize(
        Kind.URL, "https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.top%2Fx%3Futm_source%3Dfb&h=AT0"
    )
    assert wrapped.value == "https://evil.top/x"
    assert wrapped.extra["via"] == "l.facebook.com"


def test_private_suffixes_are_their_own_registered_domain() -> None:
    assert normalize(Kind.URL, "https://nhan-qua.blogspot.com/x").extra["registered_domain"] == (
        "nhan-qua.blogspot.com"
    )
    assert normalize(Kind.URL, "https://a.b.vietcombank.com.vn/").extra["registered_domain"] == (
        "vietcombank.com.vn"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "ftp://x.com/file",
        "javascript:alert(1)",
        "https://exa mple.com/",
        "https://-bad-.com/",
        "https://x.com:99999/",
        "file.txt/abc",  # no scheme and no known suffix
        "https:///path",
        "",
    ],
)
def test_invalid_urls(raw: str) -> None:
    with pytest.raises(InvalidIndicator):
        normalize(Kind.URL, raw)


def test_domains() -> None:
    assert normalize(Kind.DOMAIN, "WWW.Example.COM.").value == "example.com"
    assert normalize(Kind.DOMAIN, "https://login.Example.com/x").value == "login.example.com"
    assert normalize(Kind.DOMAIN, "example[.]com").value == "example.com"
    assert normalize(Kind.DOMAIN, "example . com").value == "example.com"
    idn = normalize(Kind.DOMAIN, "Ví-dụ.VN")
    assert idn.value.startswith("xn--") and idn.display == "ví-dụ.vn"
    assert normalize(Kind.DOMAIN, idn.value) == idn
    assert normalize(Kind.DOMAIN, "a.b.gov.vn").extra["registered_domain"] == "b.gov.vn"
    for bad in ("localhost", "example.invalidtld", "1.2.3.4", "com", "-x.com"):
        with pytest.raises(InvalidIndicator):
            normalize(Kind.DOMAIN, bad)


def test_detect_tells_domains_from_urls() -> None:
    domain = detect("vietcombank-hotro.com")
    url = detect("vietcombank-hotro.com/login")
    assert domain is not None and domain.kind is Kind.DOMAIN
    assert url is not None and url.kind is Kind.URL
    explicit = detect("https://vietcombank-hotro.com")
    assert explicit is not None and explicit.kind is Kind.URL
    for indicator in (domain, url, explicit):
        assert detect(indicator.value) == indicator


@pytest.mark.parametrize(
    "raw",
    ["Nguyen.Van.A@Example.COM", "mailto:nguyen.van.a@example.com", "nguyen.van.a[at]example[.]com"],
)
def test_emails(raw: str) -> None:
    indicator = normalize(Kind.EMAIL, raw)
    assert indicator.value == "nguyen.van.a@example.com"
    assert normalize(Kind.EMAIL, indicator.value) == indicator
    assert detect(raw) == indicator


def test_email_idn_domain_and_rejections() -> None:
    assert normalize(Kind.EMAIL, "hotro@ngânhàng.vn").value == "hotro@xn--ngnhng-ltan.vn"
    for bad in (
        "no-at-sign",
        "a@b",
        "a..b@example.com",
        ".a@example.com",
        "a@example.invalidtld",
        "@example.com",
    ):
        with pytest.raises(InvalidIndicator):
            normalize(Kind.EMAIL, bad)


def test_tldextract_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suffix list comes from the bundled snapshot: no socket is ever opened, no cache written."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    web._extractor.cache_clear()
    web.split_domain.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert web.split_domain("a.b.example.com.vn") == ("example.com.vn", "com.vn")
    extractor = web._extractor()
    assert extractor.suffix_list_urls == ()
    # tldextract keeps its disk cache behind a private attribute; absent or disabled both mean no writes.
    assert getattr(getattr(extractor, "_cache", None), "enabled", False) is False


@pytest.mark.parametrize("host", ["blogspot.com", "github.io", "x0.com"])
def test_a_hosting_services_own_domain_is_a_domain(host: str) -> None:
    # Found by the idempotence property: these names are private suffixes with nothing registered under them.
    assert normalize(Kind.DOMAIN, host).value == host
    assert normalize(Kind.DOMAIN, "https://www." + host + "/x").value == host
