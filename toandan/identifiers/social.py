"""Social-network accounts: Facebook, Zalo, TikTok, Telegram, YouTube, Instagram.

Profile links and handles are reduced to the **account**, one canonical value per account
(``Indicator.value``); ``m.``/``www.``/``web.``/``mbasic.`` hosts, ``fb.com``/``fb.me``, trailing
slashes, query strings and sub-pages (``/posts/…``, ``/video/…``) all give the same value:

* Facebook — ``facebook.com/nguyen.van.a``, ``fb.me/…``, ``m.me/…`` → ``facebook:nguyen.van.a``;
  ``profile.php?id=1000123…``, ``/people/Ten/1000123…``, ``/Ten-Trang-1000123…`` →
  ``facebook:id:1000123…``; ``/groups/lua.dao`` → ``facebook:group:lua.dao``.
* Zalo — ``zalo.me/0901234567`` → ``zalo:+84901234567`` (the number is also a PHONE indicator,
  given in ``extra["phone"]``); ``zalo.me/g/AbCdEf`` → ``zalo:group:AbCdEf``; ``zalo.me/4318…``
  (Official Account id) → ``zalo:oa:4318…``.
* TikTok — ``tiktok.com/@Handle/video/1`` → ``tiktok:@handle``.
* Telegram — ``t.me/Handle``, ``telegram.me/…``, ``t.me/s/…``, ``handle.t.me`` →
  ``telegram:@handle``; ``t.me/+AbC``, ``t.me/joinchat/AbC`` → ``telegram:invite:AbC``.
* YouTube — ``youtube.com/@Handle`` → ``youtube:@handle``; ``/channel/UC…`` →
  ``youtube:channel:UC…``; ``/user/Name`` → ``youtube:user:name``; ``/c/Name`` and the legacy
  ``/Name`` → ``youtube:c:name``.
* Instagram — ``instagram.com/handle``, ``instagr.am/…``, ``/stories/handle/…`` →
  ``instagram:@handle``.

Handles are lowercased because all six platforms treat them without case; invite codes and channel
ids are case-sensitive and kept.  Links that are not an account (a post, a video, a share link)
are not social indicators: :func:`social_from_url` returns None and the caller keeps the URL.

Text forms accepted by :func:`normalize_social`: a link, a canonical value, or
``"<platform> @handle"`` (``"Telegram: @abc"``, ``"tiktok @abc"``, ``"zalo 0901234567"``).
"""

from __future__ import annotations

import re

from .base import Indicator, InvalidIndicator, Kind
from .base import translate as _
from .phones import phone_from_digits
from .web import ParsedUrl, parse_url

PLATFORMS = ("facebook", "zalo", "tiktok", "telegram", "youtube", "instagram")

# Registered host -> platform.  Sub-domains are checked separately (see _platform_for).
_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "m.me": "facebook",
    "zalo.me": "zalo",
    "tiktok.com": "tiktok",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "youtube.com": "youtube",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
}
# Sub-domains that still show the same profile pages (mobile, basic, locale sites).
_PROFILE_SUBDOMAINS = re.compile(r"(?:www|m|web|mbasic|mobile|touch|free|d|[a-z]{2}-[a-z]{2})")

# Facebook user names: letters, digits and single dots, not ending in a dot, never ".com"/".net".
_FB_USERNAME = re.compile(r"(?!.*\.\.)(?!.*\.(?:com|net|org|vn)(?:\.|$))[a-z0-9][a-z0-9.]{0,48}[a-z0-9]")
_FB_RESERVED = frozenset(
    {
        "watch",
        "share",
        "sharer",
        "sharer.php",
        "reel",
        "reels",
        "photo",
        "photo.php",
        "photos",
        "video",
        "videos",
        "events",
        "marketplace",
        "login",
        "login.php",
        "help",
        "policies",
        "privacy",
        "settings",
        "home.php",
        "hashtag",
        "stories",
        "story.php",
        "permalink.php",
        "dialog",
        "plugins",
        "l.php",
        "gaming",
        "fundraisers",
        "notes",
        "messages",
        "friends",
        "bookmarks",
        "business",
        "ads",
        "legal",
        "recover",
        "checkpoint",
        "tr",
        "search",
        "media",
        "live",
        "watchparty",
        "places",
        "pages",
        "people",
        "groups",
        "profile.php",
        "pg",
        "public",
        "directory",
        "jobs",
        "lite",
        "mobile",
        "reg",
        "r.php",
        "composer",
        "notifications",
        "saved",
        "memories",
        "games",
        "donate",
        "ad_campaign",
        "terms",
        "about",
        "careers",
        "developers",
        "business_help",
        "story",
        "posts",
        "permalink",
        "p",
    }
)
_TELEGRAM_HANDLE = re.compile(r"[a-z][a-z0-9_]{3,31}")
_TELEGRAM_RESERVED = frozenset(
    {
        "s",
        "c",
        "joinchat",
        "addstickers",
        "addemoji",
        "addtheme",
        "share",
        "proxy",
        "socks",
        "setlanguage",
        "iv",
        "login",
        "contact",
        "boost",
        "bg",
        "addlist",
        "confirmphone",
        "invoice",
        "giftcode",
        "m",
    }
)
_TIKTOK_HANDLE = re.compile(r"[a-z0-9._]{2,24}")
_INSTAGRAM_HANDLE = re.compile(r"[a-z0-9._]{1,30}")
_INSTAGRAM_RESERVED = frozenset(
    {
        "p",
        "reel",
        "reels",
        "tv",
        "explore",
        "accounts",
        "direct",
        "about",
        "developer",
        "legal",
        "web",
        "challenge",
        "directory",
        "ar",
        "emails",
        "session",
        "privacy",
        "terms",
        "stories",
        "s",
        "api",
        "static",
    }
)
_YOUTUBE_HANDLE = re.compile(r"[a-z0-9._\-]{3,30}")
_YOUTUBE_CHANNEL = re.compile(r"UC[A-Za-z0-9_\-]{22}")
_YOUTUBE_NAME = re.compile(r"[a-z0-9._\-]{1,100}")
_YOUTUBE_RESERVED = frozenset(
    {
        "watch",
        "shorts",
        "live",
        "playlist",
        "results",
        "feed",
        "embed",
        "redirect",
        "account",
        "premium",
        "t",
        "hashtag",
        "post",
        "clip",
        "signin",
        "logout",
        "about",
        "kids",
        "music",
        "gaming",
        "channel",
        "c",
        "user",
        "v",
        "e",
        "attribution_link",
        "howyoutubeworks",
        "creators",
        "ads",
        "trends",
        "oembed",
    }
)
_ZALO_GROUP = re.compile(r"[A-Za-z0-9_\-]{4,64}")
_INVITE = re.compile(r"[A-Za-z0-9_\-]{8,64}")


def _segments(parsed: ParsedUrl) -> list[str]:
    return [segment for segment in parsed.path.split("/") if segment]


def _social(platform: str, key: str, display: str | None = None, **extra: object) -> Indicator:
    value = f"{platform}:{key}"
    return Indicator(Kind.SOCIAL, value, display or value, {"platform": platform, **extra})


def zalo_account(phone: Indicator) -> Indicator:
    """The Zalo account registered with telephone number ``phone`` (a PHONE indicator)."""
    return _social("zalo", phone.value, f"Zalo {phone.display}", phone=phone.value)


def _platform_for(host: str) -> tuple[str, str] | None:
    """``(platform, subdomain)`` when ``host`` belongs to one of the six platforms."""
    if host in _HOSTS:
        return _HOSTS[host], ""
    sub, _dot, parent = host.partition(".")
    if parent in _HOSTS:
        return _HOSTS[parent], sub
    return None


def _facebook(parsed: ParsedUrl, segments: list[str]) -> Indicator | None:
    if not segments:
        return None
    first = segments[0].lower()
    numeric_id = parsed.param("id")
    if first in ("profile.php", "permalink.php", "story.php") and numeric_id and numeric_id.isdigit():
        return _social("facebook", f"id:{numeric_id}")
    if first == "people" and len(segments) >= 3 and segments[2].isdigit():
        return _social("facebook", f"id:{segments[2]}")
    if first == "pages" and len(segments) >= 2:
        digits = [segment for segment in segments[1:] if segment.isdigit()]
        return _social("facebook", f"id:{digits[-1]}") if digits else None
    if first == "groups" and len(segments) >= 2:
        group = segments[1].lower()
        return _social("facebook", f"group:{group}") if _FB_USERNAME.fullmatch(group) else None
    if first == "pg" and len(segments) >= 2:
        first = segments[1].lower()
    if first in _FB_RESERVED:
        return None
    if first.isdigit():
        return _social("facebook", f"id:{first}")
    # Page vanity URLs like /Ten-Trang-123456789012345 end with the page id.
    name, dash, tail = first.rpartition("-")
    if dash and tail.isdigit() and len(tail) >= 8 and name:
        return _social("facebook", f"id:{tail}")
    if _FB_USERNAME.fullmatch(first) and any(ch.isalpha() for ch in first):
        return _social("facebook", first)
    return None


def _zalo(segments: list[str]) -> Indicator | None:
    if not segments:
        return None
    first = segments[0]
    if first == "g" and len(segments) >= 2 and _ZALO_GROUP.fullmatch(segments[1]):
        return _social("zalo", f"group:{segments[1]}")
    if first.isdigit() or (first.startswith("+") and first[1:].isdigit()):
        phone = phone_from_digits(first.lstrip("+"), international=first.startswith("+"))
        if phone is not None:
            return zalo_account(phone)
        if len(first) >= 12 and first.isdigit():
            return _social("zalo", f"oa:{first}")
    return None


def _tiktok(segments: list[str]) -> Indicator | None:
    if segments and segments[0].startswith("@"):
        handle = segments[0][1:].lower()
        if _TIKTOK_HANDLE.fullmatch(handle):
            return _social("tiktok", f"@{handle}")
    return None


def _telegram(segments: list[str], subdomain: str) -> Indicator | None:
    if subdomain and subdomain not in ("www", "web") and _TELEGRAM_HANDLE.fullmatch(subdomain):
        return _social("telegram", f"@{subdomain}")
    if not segments:
        return None
    first = segments[0]
    if first.startswith("+") and _INVITE.fullmatch(first[1:]):
        return _social("telegram", f"invite:{first[1:]}")
    if first == "joinchat" and len(segments) >= 2 and _INVITE.fullmatch(segments[1]):
        return _social("telegram", f"invite:{segments[1]}")
    if first == "s" and len(segments) >= 2:
        first = segments[1]
    handle = first.lower()
    if handle in _TELEGRAM_RESERVED or not _TELEGRAM_HANDLE.fullmatch(handle):
        return None
    return _social("telegram", f"@{handle}")


def _youtube(segments: list[str]) -> Indicator | None:
    if not segments:
        return None
    first = segments[0]
    if first.startswith("@"):
        handle = first[1:].lower()
        return _social("youtube", f"@{handle}") if _YOUTUBE_HANDLE.fullmatch(handle) else None
    if first == "channel" and len(segments) >= 2 and _YOUTUBE_CHANNEL.fullmatch(segments[1]):
        return _social("youtube", f"channel:{segments[1]}")
    if first in ("user", "c") and len(segments) >= 2:
        name = segments[1].lower()
        return _social("youtube", f"{first}:{name}") if _YOUTUBE_NAME.fullmatch(name) else None
    name = first.lower()
    if name not in _YOUTUBE_RESERVED and _YOUTUBE_NAME.fullmatch(name):
        # youtube.com/Name is the legacy custom URL, the same page as youtube.com/c/Name.
        return _social("youtube", f"c:{name}")
    return None


def _instagram(segments: list[str]) -> Indicator | None:
    if not segments:
        return None
    first = segments[0].lower()
    if first == "stories" and len(segments) >= 2:
        first = segments[1].lower()
    if first in _INSTAGRAM_RESERVED or not _INSTAGRAM_HANDLE.fullmatch(first):
        return None
    return _social("instagram", f"@{first}")


def social_from_url(parsed: ParsedUrl) -> Indicator | None:
    """The account a parsed link points to, or None when it is not an account link."""
    found = _platform_for(parsed.host)
    if found is None:
        return None
    platform, subdomain = found
    if platform != "telegram" and subdomain and not _PROFILE_SUBDOMAINS.fullmatch(subdomain):
        return None
    segments = _segments(parsed)
    if platform == "facebook":
        return _facebook(parsed, segments)
    if platform == "zalo":
        return _zalo(segments)
    if platform == "tiktok":
        return _tiktok(segments)
    if platform == "telegram":
        return _telegram(segments, subdomain)
    if platform == "youtube":
        return _youtube(segments)
    return _instagram(segments)


_CANONICAL = re.compile(r"(facebook|zalo|tiktok|telegram|youtube|instagram):(\S+)", re.IGNORECASE)
# Words people put before a handle: "Telegram: @abc", "tele @abc", "TikTok @abc", "IG: @abc".
PLATFORM_WORDS = {
    "facebook": "facebook",
    "fb": "facebook",
    "face": "facebook",
    "messenger": "facebook",
    "zalo": "zalo",
    "tiktok": "tiktok",
    "tik tok": "tiktok",
    "tiktoker": "tiktok",
    "telegram": "telegram",
    "tele": "telegram",
    "tg": "telegram",
    "telegam": "telegram",
    "youtube": "youtube",
    "yt": "youtube",
    "kenh youtube": "youtube",
    "instagram": "instagram",
    "insta": "instagram",
    "ig": "instagram",
}
_WORD_FORM = re.compile(
    r"(?P<word>[a-z]+(?: [a-z]+)?)(?:\s*[:\-]\s*|\s+|(?=@))"
    r"(?P<handle>@?[A-Za-z0-9_+][A-Za-z0-9._\-]*(?: \d+)*)",
    re.IGNORECASE,
)


def social_from_handle(platform: str, handle: str) -> Indicator | None:
    """The account ``handle`` (``@`` optional) on ``platform``, or None if it is not a valid handle."""
    bare = handle[1:] if handle.startswith("@") else handle
    if not bare:
        return None
    if platform == "zalo":
        digits = bare.replace(".", "").replace("-", "").replace(" ", "").lstrip("+")
        if digits.isdigit():
            phone = phone_from_digits(digits, international=bare.startswith("+"))
            if phone is not None:
                return zalo_account(phone)
        return None
    lowered = bare.lower()
    if platform == "facebook":
        if lowered.isdigit():
            return _social("facebook", f"id:{lowered}")
        ok = (
            _FB_USERNAME.fullmatch(lowered)
            and lowered not in _FB_RESERVED
            and any(c.isalpha() for c in lowered)
        )
        return _social("facebook", lowered) if ok else None
    if platform == "telegram":
        ok = _TELEGRAM_HANDLE.fullmatch(lowered) and lowered not in _TELEGRAM_RESERVED
        return _social("telegram", f"@{lowered}") if ok else None
    if platform == "tiktok":
        return _social("tiktok", f"@{lowered}") if _TIKTOK_HANDLE.fullmatch(lowered) else None
    if platform == "youtube":
        return _social("youtube", f"@{lowered}") if _YOUTUBE_HANDLE.fullmatch(lowered) else None
    if platform == "instagram":
        ok = _INSTAGRAM_HANDLE.fullmatch(lowered) and lowered not in _INSTAGRAM_RESERVED
        return _social("instagram", f"@{lowered}") if ok else None
    return None


def _from_canonical(platform: str, rest: str) -> Indicator | None:
    if platform == "facebook":
        if rest.startswith("id:") and rest[3:].isdigit():
            return _social("facebook", rest)
        if rest.startswith("group:") and _FB_USERNAME.fullmatch(rest[6:].lower()):
            return _social("facebook", f"group:{rest[6:].lower()}")
        return social_from_handle("facebook", rest)
    if platform == "zalo":
        if rest.startswith("group:") and _ZALO_GROUP.fullmatch(rest[6:]):
            return _social("zalo", rest)
        if rest.startswith("oa:") and rest[3:].isdigit():
            return _social("zalo", rest)
        return social_from_handle("zalo", rest)
    if platform == "telegram" and rest.startswith("invite:") and _INVITE.fullmatch(rest[7:]):
        return _social("telegram", rest)
    if platform == "youtube":
        if rest.startswith("channel:") and _YOUTUBE_CHANNEL.fullmatch(rest[8:]):
            return _social("youtube", rest)
        for prefix in ("user:", "c:"):
            if rest.startswith(prefix) and _YOUTUBE_NAME.fullmatch(rest[len(prefix) :].lower()):
                return _social("youtube", prefix + rest[len(prefix) :].lower())
    return social_from_handle(platform, rest)


def social_or_none(raw: str) -> Indicator | None:
    """The social account written in ``raw`` (link, canonical value or "platform @handle"), or None."""
    text = raw.strip()
    if not text:
        return None
    canonical = _CANONICAL.fullmatch(text)
    if canonical and not canonical.group(2).startswith("//"):
        return _from_canonical(canonical.group(1).lower(), canonical.group(2))
    if text.lower().startswith("tg://resolve"):
        found = re.search(r"[?&]domain=([A-Za-z0-9_]+)", text)
        return social_from_handle("telegram", found.group(1)) if found else None
    worded = _WORD_FORM.fullmatch(text)
    if worded:
        platform = PLATFORM_WORDS.get(" ".join(worded.group("word").lower().split()))
        if platform:
            return social_from_handle(platform, worded.group("handle"))
    if "." not in text or " " in text:
        return None
    try:
        parsed = parse_url(text)
    except InvalidIndicator:
        return None
    return social_from_url(parsed)


def normalize_social(raw: str) -> Indicator:
    """Normalise a social-network account; raise :class:`InvalidIndicator` if none is recognised."""
    found = social_or_none(raw)
    if found is None:
        raise InvalidIndicator(
            _(
                "Không nhận ra tài khoản mạng xã hội. Hãy dán đường link trang cá nhân "
                "(Facebook, Zalo, TikTok, Telegram, YouTube, Instagram) "
                'hoặc ghi rõ nền tảng, ví dụ "Telegram @tenkenh".'
            ),
            "social_invalid",
            Kind.SOCIAL,
        )
    return found
