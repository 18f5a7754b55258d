"""URLs, domain names and e-mail addresses.

Canonical forms (``Indicator.value``):

* **URL** — ``https://<host>[:port]<path>[?query]``:

  - ``http`` and ``https`` are folded to ``https`` and a URL typed without a scheme gets ``https``:
    a phishing page is the same whether it was reported as ``http://x.com/login``,
    ``https://x.com/login`` or ``x.com/login``.  The scheme that was written is kept in
    ``extra["scheme"]`` and in ``display``.  Other schemes (``ftp:``, ``javascript:``…) are rejected.
  - host lowercased, trailing dot removed, IDN hosts converted to punycode (``idna`` package, UTS #46;
    Python's built-in ``idna`` codec when the package is missing); IPv4/IPv6 literals canonicalised;
  - default ports (80, 443) dropped; user name/password dropped (kept in ``extra["userinfo"]``
    because ``https://vietcombank.com.vn@evil.example`` is a classic deception);
  - path kept, with dot segments removed, percent-escapes of unreserved characters decoded, other
    escapes upper-cased and non-ASCII characters escaped as UTF-8 (so ``/đăng-nhập`` and its escaped
    form are equal); an empty path becomes ``/``;
  - query kept in order, minus tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``zalo_source``,
    ``zarsrc``…); fragment dropped;
  - redirect wrappers (``l.facebook.com/l.php?u=…``, ``google.com/url?q=…``) are unwrapped.

  ``extra`` has ``host`` (punycode), ``host_unicode``, ``registered_domain``, ``scheme``,
  ``shortener`` (bit.ly and friends).

* **Domain** — the host in punycode, lowercased, without trailing dot and without a leading
  ``www.`` label: ``WWW.Ví-Dụ.VN.`` → ``xn--v-d-rma6749a.vn``; ``display`` is the Unicode
  form.  ``extra["registered_domain"]`` is the domain under the public suffix, computed by
  ``tldextract`` from its **bundled** suffix list, never fetched (``suffix_list_urls=()``,
  ``cache_dir=None``).  Private suffixes are honoured (``scam.blogspot.com``, ``x.github.io`` are their
  own registered domains) because free hosting is where scam pages live.

* **E-mail** — ``local@domain`` with the domain as above and the local part **lowercased**: almost
  every provider ignores its case, and merging ``Nguyen.Van.A@…`` with ``nguyen.van.a@…`` matters
  more for lookups than the rare case-sensitive mailbox.  Provider-specific rules (Gmail dots,
  ``+tags``) are not applied.  Only ASCII local parts are accepted.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .base import Indicator, InvalidIndicator, Kind
from .base import translate as _
from .shorteners import SHORTENERS
from .text import defang, defang_scheme

try:  # The idna package (IDNA 2008 + UTS #46) comes with tldextract; keep a fallback all the same.
    import idna as _idna
except ImportError:  # pragma: no cover - exercised only without the package
    _idna = None


@functools.cache
def _extractor() -> Any:
    """The tldextract instance, created on first use, offline: bundled snapshot, no disk cache."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@functools.lru_cache(maxsize=65536)
def split_domain(host: str) -> tuple[str, str]:
    """``(registered_domain, suffix)`` of an ASCII host; ``registered_domain`` is ``""`` if unknown."""
    result = _extractor()(host)
    if not result.suffix or not result.domain:
        # A hosting service's own domain (blogspot.com, github.io) is a private suffix with nothing under
        # it: it is still a real site, registered under its public (ICANN) suffix.
        public = _extractor()(host, include_psl_private_domains=False)
        if public.suffix and public.domain:
            return f"{public.domain}.{public.suffix}", public.suffix
        return "", result.suffix
    return f"{result.domain}.{result.suffix}", result.suffix


def has_public_suffix(host: str) -> bool:
    """True when the ASCII ``host`` ends with a known public suffix and has a label under it."""
    return bool(split_domain(host)[0])


# ---------------------------------------------------------------------------------------------- host

_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def _invalid_host() -> InvalidIndicator:
    return InvalidIndicator(_("Tên miền không hợp lệ."), "host_invalid", Kind.DOMAIN)


@functools.lru_cache(maxsize=65536)
def normalize_host(host: str) -> tuple[str, str]:
    """Return ``(ascii_host, unicode_host)`` for a host name or IP literal; raise if invalid."""
    host = host.translate(_DOTS).strip().rstrip(".").lower()
    if not host:
        raise _invalid_host()
    if host.startswith("["):
        try:
            address = ipaddress.IPv6Address(host.strip("[]"))
        except ValueError:
            raise _invalid_host() from None
        return f"[{address.compressed}]", f"[{address.compressed}]"
    if host[-1].isdigit() and host.replace(".", "").isdigit():
        try:
            return str(ipaddress.IPv4Address(host)), str(ipaddress.IPv4Address(host))
        except ValueError:
            raise _invalid_host() from None
    if host.isascii():
        ascii_host = host
    else:
        ascii_host = _to_ascii(unicodedata.normalize("NFKC", host))
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise _invalid_host()
    if labels[-1].isdigit():
        raise _invalid_host()
    unicode_host = ascii_host
    if "xn--" in ascii_host:
        unicode_host = _to_unicode(ascii_host)
    return ascii_host, unicode_host


def _to_ascii(host: str) -> str:
    if _idna is not None:
        try:
            return _idna.encode(host, uts46=True).decode("ascii")
        except _idna.IDNAError:
            raise _invalid_host() from None
    try:  # pragma: no cover - fallback
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # pragma: no cover - fallback
        raise _invalid_host() from None


def _to_unicode(host: str) -> str:
    if _idna is not None:
        try:
            return _idna.decode(host)
        except _idna.IDNAError:
            raise _invalid_host() from None
    try:  # pragma: no cover - fallback
        return host.encode("ascii").decode("idna")
    except UnicodeError:  # pragma: no cover - fallback
        raise _invalid_host() from None


# ----------------------------------------------------------------------------------- percent-coding

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_FIX = re.compile(r"%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$&'()*+,;=:@/]")
_QUERY_FIX = re.compile(r"%[0-9A-Fa-f]{2}|[^A-Za-z0-9\-._~!$'()*+,;=:@/?]")


def _fix_escape(match: re.Match[str]) -> str:
    text = match.group()
    if len(text) == 3 and text[0] == "%":
        char = chr(int(text[1:], 16))
        return char if char in _UNRESERVED else text.upper()
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass"))


def _normalize_path(path: str) -> str:
    path = _PATH_FIX.sub(_fix_escape, path) if path else "/"
    if not path.startswith("/"):
        path = "/" + path
    if "/." not in path:
        return path
    # RFC 3986 §5.2.4: resolve "." and ".." so that /a/../b and /b are one page.
    segments = path.split("/")[1:]
    output: list[str] = []
    for segment in segments:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    trailing = "/" if segments[-1] in (".", "..") else ""
    return "/" + "/".join(output) + trailing


TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "igsh",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "zalo_source",
        "zarsrc",
        "zl_source",
        "__cft__[0]",
        "__tn__",
        "fb_action_ids",
        "fb_action_types",
        "fb_ref",
        "fb_source",
        "action_object_map",
        "action_type_map",
        "action_ref_map",
        "_ga",
        "_gl",
        "spm",
        "s_cid",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "rb_clickid",
        "epik",
        "sc_cid",
        "trk",
        "si_source",
    }
)
# "si" is a share tracker on these hosts only; elsewhere it may be a real parameter.
_SI_HOSTS = frozenset({"youtube.com", "youtu.be", "open.spotify.com", "m.youtube.com", "www.youtube.com"})


def _is_tracking(key: str, host: str) -> bool:
    lowered = key.lower()
    if lowered.startswith(("utm_", "utm%5f")) or lowered in TRACKING_PARAMETERS:
        return True
    return lowered == "si" and host in _SI_HOSTS


def _normalize_query(query: str, host: str) -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for part in query.split("&"):
        if not part:
            continue
        key, sep, val = part.partition("=")
        key = _QUERY_FIX.sub(_fix_escape, key)
        if _is_tracking(key, host):
            continue
        pairs.append((key, _QUERY_FIX.sub(_fix_escape, val) if sep else None))
    return pairs


def _join_query(pairs: list[tuple[str, str | None]]) -> str:
    return "&".join(key if val is None else f"{key}={val}" for key, val in pairs)


# ------------------------------------------------------------------------------------------- URLs

# host -> query parameters holding the real destination of a redirect wrapper.
_REDIRECTORS = {
    "l.facebook.com": ("u",),
    "lm.facebook.com": ("u",),
    "l.messenger.com": ("u",),
    "www.google.com": ("q", "url"),
    "google.com": ("q", "url"),
    "l.instagram.com": ("u",),
}

_WHITESPACE = re.compile(r"\s")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*)://")
_BARE_SCHEME = re.compile(r"(https?):(?!//)", re.IGNORECASE)
_OPENERS = "<\"'`«“‘([{"
_CLOSERS = ">\"'`»”’"
_TRAILING = ".,;:!?…"


def _protect_end(url: str) -> str:
    """Escape a final character that :func:`clean_url_text` would take for punctuation.

    ``https://x.vn/a.?utm_source=y`` normalises to a URL ending in ``.``; written plainly, that
    value would lose its dot when normalised again, so the dot is kept as ``%2E``.
    """
    last = url[-1]
    if last in _TRAILING or last in _CLOSERS or (last in ")]}" and not _balanced(url)):
        return url[:-1] + "".join(f"%{byte:02X}" for byte in last.encode("utf-8"))
    return url


@dataclass(frozen=True, slots=True)
class ParsedUrl:
    """A URL split and normalised piece by piece (see the module docstring for the rules)."""

    scheme: str
    scheme_given: bool
    userinfo: str
    host: str
    host_unicode: str
    port: int | None
    path: str
    query: list[tuple[str, str | None]]

    @property
    def authority(self) -> str:
        return self.host + (f":{self.port}" if self.port is not None else "")

    def canonical(self) -> str:
        query = _join_query(self.query)
        return _protect_end(f"https://{self.authority}{self.path}" + (f"?{query}" if query else ""))

    def param(self, name: str) -> str | None:
        for key, val in self.query:
            if key == name:
                return val
        return None


def _invalid_url() -> InvalidIndicator:
    return InvalidIndicator(_("Địa chỉ trang web (URL) không hợp lệ."), "url_invalid", Kind.URL)


def clean_url_text(raw: str, *, loose: bool = True) -> str:
    """Trim wrapping quotes/brackets and trailing punctuation, and undo link obfuscation.

    Obfuscation is undone in the scheme and host only: a path may legitimately contain ``hxxp`` or
    ``(.)``, and rewriting it would make normalisation of a normalised value change it again.
    """
    text = defang_scheme(unicodedata.normalize("NFKC", raw).strip())
    separator = text.find("://")
    head_from = separator + 3 if separator != -1 else 0
    cut = min((p for p in (text.find(c, head_from) for c in "/?#") if p != -1), default=len(text))
    text = (defang(text[:cut], loose=loose) + text[cut:]).strip()
    while text and text[0] in _OPENERS:
        text = text[1:]
    while text and (
        text[-1] in _TRAILING or text[-1] in _CLOSERS or (text[-1] in ")]}" and not _balanced(text))
    ):
        text = text[:-1]
    return text


def _balanced(text: str) -> bool:
    """True when brackets are balanced, so a final ")" belongs to the URL (Wikipedia style)."""
    return all(text.count(a) == text.count(b) for a, b in ("()", "[]", "{}"))


def parse_url(raw: str, *, loose: bool = True) -> ParsedUrl:
    """Split and normalise a URL (scheme optional); raise :class:`InvalidIndicator` if invalid."""
    text = clean_url_text(raw, loose=loose)
    if not text or _WHITESPACE.search(text):
        raise _invalid_url()
    text = text.replace("\\", "/")
    match = _SCHEME.match(text)
    if match:
        scheme, rest, scheme_given = match.group(1).lower(), text[match.end() :], True
    elif text.startswith("//"):
        scheme, rest, scheme_given = "https", text[2:], False
    else:
        bare = _BARE_SCHEME.match(text)
        rest = text[bare.end() :] if bare else text
        scheme, scheme_given = (bare.group(1).lower(), True) if bare else ("https", False)
    if scheme not in ("http", "https"):
        raise InvalidIndicator(
            _("Chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://."), "url_scheme", Kind.URL
        )
    cut = len(rest)
    for sep in "/?#":
        position = rest.find(sep)
        if position != -1 and position < cut:
            cut = position
    authority, tail = rest[:cut], rest[cut:]
    tail, _hash, _fragment = tail.partition("#")
    path, _question, query = tail.partition("?")
    userinfo, _at, hostport = authority.rpartition("@")
    port: int | None = None
    host = hostport
    if hostport.startswith("["):
        end = hostport.find("]")
        if end == -1:
            raise _invalid_url()
        host, port_text = hostport[: end + 1], hostport[end + 1 :].lstrip(":")
    else:
        host, _colon, port_text = hostport.partition(":")
    if port_text:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise _invalid_url()
        port = int(port_text)
    if port in (80, 443):
        port = None
    try:
        ascii_host, unicode_host = normalize_host(host)
    except InvalidIndicator:
        raise _invalid_url() from None
    return ParsedUrl(
        scheme=scheme,
        scheme_given=scheme_given,
        userinfo=userinfo,
        host=ascii_host,
        host_unicode=unicode_host,
        port=port,
        path=_normalize_path(path),
        query=_normalize_query(query, ascii_host),
    )


def _is_ip(host: str) -> bool:
    return host.startswith("[") or host.replace(".", "").isdigit()


def url_indicator(parsed: ParsedUrl, *, depth: int = 0) -> Indicator:
    """Build the URL indicator of a parsed URL, unwrapping redirect wrappers."""
    wrapped = _REDIRECTORS.get(parsed.host)
    if wrapped and depth < 3 and parsed.path in ("/l.php", "/url"):
        for name in wrapped:
            target = parsed.param(name)
            if target:
                from urllib.parse import unquote

                try:
                    inner = url_indicator(parse_url(unquote(target), loose=False), depth=depth + 1)
                except InvalidIndicator:
                    break
                return Indicator(inner.kind, inner.value, inner.display, {**inner.extra, "via": parsed.host})
    registered = parsed.host if _is_ip(parsed.host) else (split_domain(parsed.host)[0] or parsed.host)
    query = _join_query(parsed.query)
    display = f"{parsed.scheme}://{parsed.host_unicode}" + (f":{parsed.port}" if parsed.port else "")
    display += parsed.path + (f"?{query}" if query else "")
    return Indicator(
        Kind.URL,
        parsed.canonical(),
        display,
        {
            "scheme": parsed.scheme,
            "host": parsed.host,
            "host_unicode": parsed.host_unicode,
            "registered_domain": registered,
            "shortener": parsed.host in SHORTENERS or parsed.host.removeprefix("www.") in SHORTENERS,
            "userinfo": parsed.userinfo or None,
        },
    )


def normalize_url(raw: str, *, loose: bool = True) -> Indicator:
    """Normalise a URL (with or without scheme); raise :class:`InvalidIndicator` if invalid.

    Without a scheme, the host must end with a known public suffix (``bit.ly/abc`` yes,
    ``file.txt/abc`` no).
    """
    parsed = parse_url(raw, loose=loose)
    if not parsed.scheme_given and not _is_ip(parsed.host) and not has_public_suffix(parsed.host):
        raise _invalid_url()
    return url_indicator(parsed)


# ---------------------------------------------------------------------------------------- domains


def domain_indicator(ascii_host: str, unicode_host: str) -> Indicator:
    """Domain indicator for an already normalised host (strips a leading ``www.``)."""
    if ascii_host.startswith("www.") and has_public_suffix(ascii_host[4:]):
        ascii_host, unicode_host = ascii_host[4:], unicode_host.removeprefix("www.")
    registered, suffix = split_domain(ascii_host)
    return Indicator(
        Kind.DOMAIN, ascii_host, unicode_host, {"registered_domain": registered, "suffix": suffix}
    )


def normalize_domain(raw: str) -> Indicator:
    """Normalise a domain name (a full URL is accepted and reduced to its host)."""
    text = clean_url_text(raw)
    if any(sep in text for sep in "/?#@") or _SCHEME.match(text):
        try:
            parsed = parse_url(text)
        except InvalidIndicator:
            raise _invalid_host() from None
        ascii_host, unicode_host = parsed.host, parsed.host_unicode
    else:
        ascii_host, unicode_host = normalize_host(text)
    if _is_ip(ascii_host) or not has_public_suffix(ascii_host):
        raise InvalidIndicator(
            _("Tên miền không có đuôi hợp lệ (ví dụ .vn, .com)."), "domain_suffix", Kind.DOMAIN
        )
    return domain_indicator(ascii_host, unicode_host)


# ---------------------------------------------------------------------------------------- e-mail

_LOCAL = re.compile(r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def _invalid_email() -> InvalidIndicator:
    return InvalidIndicator(_("Địa chỉ thư điện tử (e-mail) không hợp lệ."), "email_invalid", Kind.EMAIL)


def normalize_email(raw: str) -> Indicator:
    """Normalise an e-mail address (``mailto:`` and ``name[at]example[.]com`` accepted)."""
    text = clean_url_text(raw)
    if text.lower().startswith("mailto:"):
        text = text[7:].split("?", 1)[0]
    local, at, domain = text.rpartition("@")
    local = local.lower()
    if not at or len(local) > 64 or not _LOCAL.fullmatch(local):
        raise _invalid_email()
    try:
        ascii_host, unicode_host = normalize_host(domain)
    except InvalidIndicator:
        raise _invalid_email() from None
    if _is_ip(ascii_host) or not has_public_suffix(ascii_host):
        raise _invalid_email()
    return Indicator(
        Kind.EMAIL,
        f"{local}@{ascii_host}",
        f"{local}@{unicode_host}",
        {"domain": ascii_host, "registered_domain": split_domain(ascii_host)[0]},
    )
