"""Big shared platforms: anyone can publish a page under their domain, so a reported page there says nothing
about the domain itself (a scam page on sites.google.com does not make google.com a scam domain)."""

from __future__ import annotations

# Registered domains and service hosts, written without "www.".
SHARED_PLATFORMS = frozenset(
    {
        "facebook.com", "fb.com", "fb.me", "m.me", "messenger.com", "instagram.com", "threads.net",
        "zalo.me", "tiktok.com", "youtube.com", "youtu.be", "t.me", "telegram.me", "telegram.org",
        "x.com", "twitter.com", "linkedin.com", "pinterest.com", "reddit.com", "discord.gg", "discord.com",
        "google.com", "sites.google.com", "docs.google.com", "drive.google.com", "forms.gle", "goo.gl",
        "g.page", "maps.app.goo.gl", "blogspot.com", "blogger.com", "github.io", "github.com",
        "gitlab.io", "web.app", "firebaseapp.com", "page.link", "netlify.app", "vercel.app", "pages.dev",
        "workers.dev", "weebly.com", "weeblysite.com", "wixsite.com", "wix.com", "wordpress.com",
        "notion.site", "canva.site", "my.canva.site", "linktr.ee", "bio.link", "beacons.ai",
        "herokuapp.com", "glitch.me", "000webhostapp.com", "webflow.io", "square.site", "carrd.co",
        "godaddysites.com", "mystrikingly.com", "jimdosite.com", "site123.me", "appspot.com",
        "amazonaws.com", "s3.amazonaws.com", "cloudfront.net", "azurewebsites.net", "onrender.com",
        "ngrok.io", "ngrok-free.app", "replit.app", "framer.app", "tilda.ws", "shopee.vn", "lazada.vn",
        "tiki.vn", "onelink.me", "bit.ly", "tinyurl.com", "t.ly", "cutt.ly", "rebrand.ly", "is.gd",
    }
)  # fmt: skip


# Platforms whose every sub-domain is still the platform (m.facebook.com, vi-vn.facebook.com), unlike free
# hosting, where a sub-domain is somebody's own site (abc.blogspot.com).
WHOLE_PLATFORMS = (
    "facebook.com", "fb.com", "messenger.com", "instagram.com", "google.com", "youtube.com", "tiktok.com",
    "zalo.me", "x.com", "twitter.com", "linkedin.com", "telegram.org",
)  # fmt: skip


def is_shared_platform(host: str) -> bool:
    """Whether a host (or domain) is one of the shared platforms themselves, not a page or site on one."""
    host = host.removeprefix("www.")
    return host in SHARED_PLATFORMS or host.endswith(tuple("." + domain for domain in WHOLE_PLATFORMS))
