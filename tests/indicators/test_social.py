"""Social-network accounts: links and handles reduced to one value per account."""

from __future__ import annotations

import pytest

from toandan.identifiers.base import InvalidIndicator, Kind
from toandan.identifiers.normalize import detect, normalize


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("https://www.facebook.com/nguyen.van.a", "facebook:nguyen.van.a"),
        ("https://m.facebook.com/Nguyen.Van.A/", "facebook:nguyen.van.a"),
        ("http://web.facebook.com/nguyen.van.a?ref=bookmarks", "facebook:nguyen.van.a"),
        ("mbasic.facebook.com/nguyen.van.a", "facebook:nguyen.van.a"),
        ("facebook.com/nguyen.van.a/posts/123456", "facebook:nguyen.van.a"),
        ("fb.com/nguyen.van.a", "facebook:nguyen.van.a"),
        ("https://fb.me/nguyen.van.a", "facebook:nguyen.van.a"),
        ("https://m.me/nguyen.van.a", "facebook:nguyen.van.a"),
        ("facebook:nguyen.van.a", "facebook:nguyen.van.a"),
        ("https://www.facebook.com/profile.php?id=100012345678901", "facebook:id:100012345678901"),
        (
            "https://m.facebook.com/profile.php?id=100012345678901&mibextid=ZbWKwL",
            "facebook:id:100012345678901",
        ),
        ("https://www.facebook.com/people/Nguyen-Van-A/100012345678901/", "facebook:id:100012345678901"),
        ("https://www.facebook.com/100012345678901", "facebook:id:100012345678901"),
        ("https://www.facebook.com/Trang-Ho-Tro-123456789012345/", "facebook:id:123456789012345"),
        ("https://www.facebook.com/groups/lua.dao.viec.lam/", "facebook:group:lua.dao.viec.lam"),
        ("https://www.facebook.com/groups/123456789/permalink/987/", "facebook:group:123456789"),
        ("https://zalo.me/0901234567", "zalo:+84901234567"),
        ("zalo.me/84901234567", "zalo:+84901234567"),
        ("https://zalo.me/g/AbCdEf123", "zalo:group:AbCdEf123"),
        ("https://zalo.me/4318542519390491234", "zalo:oa:4318542519390491234"),
        ("zalo 0901 234 567", "zalo:+84901234567"),
        ("zalo:+84901234567", "zalo:+84901234567"),
        ("https://www.tiktok.com/@Lua.Dao_01", "tiktok:@lua.dao_01"),
        ("https://www.tiktok.com/@lua.dao_01/video/7312345678901234567?lang=vi", "tiktok:@lua.dao_01"),
        ("m.tiktok.com/@lua.dao_01", "tiktok:@lua.dao_01"),
        ("tiktok @lua.dao_01", "tiktok:@lua.dao_01"),
        ("https://t.me/Scam_Channel", "telegram:@scam_channel"),
        ("t.me/s/scam_channel", "telegram:@scam_channel"),
        ("https://telegram.me/scam_channel/", "telegram:@scam_channel"),
        ("scam_channel.t.me", "telegram:@scam_channel"),
        ("Telegram: @Scam_Channel", "telegram:@scam_channel"),
        ("tg://resolve?domain=scam_channel", "telegram:@scam_channel"),
        ("https://t.me/+AbCdEfGhIjKlMn", "telegram:invite:AbCdEfGhIjKlMn"),
        ("https://t.me/joinchat/AbCdEfGhIjKlMn", "telegram:invite:AbCdEfGhIjKlMn"),
        ("https://www.youtube.com/@KenhLuaDao", "youtube:@kenhluadao"),
        ("https://m.youtube.com/@kenhluadao/videos", "youtube:@kenhluadao"),
        (
            "https://www.youtube.com/channel/UC1234567890abcdefghijKL",
            "youtube:channel:UC1234567890abcdefghijKL",
        ),
        ("https://www.youtube.com/user/KenhCu", "youtube:user:kenhcu"),
        ("https://www.youtube.com/c/KenhCu", "youtube:c:kenhcu"),
        ("https://www.instagram.com/lua.dao/", "instagram:@lua.dao"),
        ("instagr.am/Lua.Dao", "instagram:@lua.dao"),
        ("https://www.instagram.com/stories/lua.dao/3312345/", "instagram:@lua.dao"),
        ("IG: @lua.dao", "instagram:@lua.dao"),
    ],
)
def test_account_links_and_handles(raw: str, value: str) -> None:
    indicator = normalize(Kind.SOCIAL, raw)
    assert indicator.kind is Kind.SOCIAL
    assert indicator.value == value
    assert indicator.extra["platform"] == value.split(":")[0]
    assert normalize(Kind.SOCIAL, indicator.value) == indicator
    assert detect(raw) == indicator


def test_zalo_link_carries_the_phone() -> None:
    indicator = normalize(Kind.SOCIAL, "https://zalo.me/0901234567")
    assert indicator.extra["phone"] == "+84901234567"


@pytest.mark.parametrize(
    "raw",
    [
        "https://www.facebook.com/watch?v=123",
        "https://www.facebook.com/share/p/AbCdEf/",
        "https://www.facebook.com/reel/123456",
        "https://www.facebook.com/login.php",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://www.instagram.com/p/AbCdEf/",
        "https://vt.tiktok.com/ZSabc123/",
        "https://t.me/c/123456/78",
        "https://zalo.me/s/123/",
        "@lua.dao",
        "lua.dao",
        "Nguyễn Văn A",
        "",
    ],
)
def test_not_accounts(raw: str) -> None:
    with pytest.raises(InvalidIndicator):
        normalize(Kind.SOCIAL, raw)


def test_non_account_links_stay_urls() -> None:
    found = detect("https://www.facebook.com/share/p/AbCdEf/?mibextid=abc")
    assert found is not None and found.kind is Kind.URL
    assert found.value == "https://www.facebook.com/share/p/AbCdEf/?mibextid=abc"
