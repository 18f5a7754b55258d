"""Curated lists of free hosting services, cheap top-level domains and phishing words.

These change slowly and are public knowledge; they are kept in code rather than in the database because the
scorer must work without one. Hosts are written without "www.".
"""

from __future__ import annotations

# Data tables, kept dense on purpose: one entry per line would bury the few lines that matter.
# fmt: off

# Services where anyone can publish a page under the service's own domain: a brand's login page there is fake.
FREE_HOSTING_DOMAINS = frozenset(
    {
        "web.app", "firebaseapp.com", "netlify.app", "netlify.com", "vercel.app", "weebly.com",
        "weeblysite.com",
        "blogspot.com", "github.io", "ngrok.io", "ngrok-free.app", "ngrok.app", "wixsite.com", "wix.com",
        "glitch.me", "herokuapp.com", "pages.dev", "workers.dev", "r2.dev", "000webhostapp.com", "webflow.io",
        "square.site", "framer.app", "framer.website", "godaddysites.com", "mystrikingly.com",
        "strikingly.com",
        "jimdosite.com", "jimdofree.com", "site123.me", "carrd.co", "wordpress.com", "gitbook.io",
        "notion.site",
        "repl.co", "replit.app", "replit.dev", "surge.sh", "onrender.com", "fly.dev", "azurewebsites.net",
        "web.core.windows.net", "blob.core.windows.net", "appspot.com", "cloudfront.net", "amplifyapp.com",
        "s3.amazonaws.com", "amazonaws.com", "tilda.ws", "yolasite.com", "webnode.page", "ucraft.site",
        "mobirisesite.com", "typedream.app", "myportfolio.com", "wuaze.com", "infinityfreeapp.com",
        "epizy.com", "rf.gd", "freevar.com", "altervista.org", "byethost.com", "lovable.app", "w3spaces.com",
        "bolt.host", "teachable.com", "trycloudflare.com", "serveo.net", "loca.lt", "ipfs.io", "dweb.link",
        "canva.site", "my.canva.site", "hpage.com", "website2.me", "codeanyapp.com", "jotform.com",
        "hsforms.com",
        "typeform.com", "formstack.com", "wufoo.com", "campaign-archive.com", "mailchimpsites.com",
        "hotm.art",
    }
)

# Hosts on otherwise trusted domains that serve pages or forms written by anyone.
FREE_HOSTING_HOSTS = frozenset(
    {
        "sites.google.com", "docs.google.com", "forms.gle", "storage.googleapis.com",
        "firebasestorage.googleapis.com", "script.google.com", "forms.office.com",
        "1drv.ms", "dl.dropboxusercontent.com",
        "ipfs.io", "express.adobe.com", "new.express.adobe.com",
    }
)

# Hosts of shared documents: sharing one is ordinary, publishing a page or form from one is a phishing habit.
SHARED_DOCUMENT_HOSTS = frozenset({"docs.google.com"})

# Cheap or free top-level domains that carry most of the throw-away phishing sites seen in Vietnam.
RISKY_TLDS_HIGH = frozenset(
    {
        "xyz", "top", "icu", "vip", "cc", "tk", "ml", "ga", "cf", "gq", "cfd", "sbs", "bond", "cyou", "buzz",
        "rest", "monster", "click", "quest", "lol", "pw", "ws", "su", "zip", "mov", "cam", "bar", "mom",
        "loan",
        "win", "bid", "racing", "date", "review", "party", "trade", "download", "stream", "accountant", "gdn",
    }
)
RISKY_TLDS_MEDIUM = frozenset(
    {
        "shop", "online", "site", "club", "live", "store", "website", "space", "fun", "info", "biz", "pro",
        "asia", "life", "today", "world", "work", "link", "support", "services", "help", "digital", "host",
        "tech", "one", "ink", "ltd", "uno", "best", "fit", "kim", "men", "run", "sale",
    }
)

# Words that phishing pages put in their host or path to look official, English and Vietnamese (no marks).
PHISH_WORDS = (
    "login", "log-in", "signin", "sign-in", "verify", "verification", "secure", "security", "update",
    "account",
    "confirm", "unlock", "recover", "wallet", "support", "helpdesk", "auth", "webscr", "banking", "billing",
    "xacminh", "xac-minh", "xacthuc", "xac-thuc", "dangnhap", "dang-nhap", "capnhat", "cap-nhat", "hotro",
    "ho-tro", "cskh", "khachhang", "taikhoan", "tai-khoan", "dinhdanh", "dinh-danh", "sinhtrac", "sinh-trac",
    "nhanqua", "nhan-qua", "quatang", "qua-tang", "trian", "tri-an", "khuyenmai", "khuyen-mai", "uudai",
    "uu-dai", "hoantien", "hoan-tien", "hoanthue", "giaingan", "giai-ngan", "vaytien", "vay-tien", "vaynhanh",
    "taichinh", "tai-chinh", "nhiemvu", "nhiem-vu", "hoahong", "tuyendung", "tuyen-dung", "vieclam",
    "dautu", "dau-tu", "mienphi", "mien-phi", "trungthuong", "trung-thuong", "sukien", "su-kien", "napthe",
    "nap-the", "ruttien", "rut-tien", "nanghanmuc", "han-muc", "thetindung", "the-tin-dung", "dichvu",
    "tructuyen", "truc-tuyen", "phatnguoi", "phat-nguoi", "tracuu", "tra-cuu", "kichhoat", "kich-hoat",
    "baomat", "bao-mat", "mokhoa", "mo-khoa", "doiqua", "doi-qua", "diemthuong", "vongquay", "vong-quay",
)
# The strongest words, which ordinary news articles and shop pages seldom put in a host name.
HOST_PHISH_WORDS = frozenset(
    {
        "login", "signin", "verify", "verification", "secure", "update", "confirm", "unlock", "recover",
        "xacminh", "xacthuc", "dangnhap", "capnhat", "hotro", "cskh", "dinhdanh", "sinhtrac", "nhanqua",
        "quatang", "trian", "khuyenmai", "uudai", "hoantien", "hoanthue", "giaingan", "vaytien", "vaynhanh",
        "nhiemvu", "hoahong", "trungthuong", "sukien", "napthe", "ruttien", "nanghanmuc", "thetindung",
        "phatnguoi", "kichhoat", "mokhoa", "doiqua", "diemthuong", "vongquay", "taikhoan", "khachhang",
        "baomat", "webscr", "wallet", "support", "auth", "account", "banking", "tructuyen", "dichvu",
        "taichinh", "tuyendung", "dautu", "mienphi", "tracuu", "gplx", "dangkiem", "nopphat",
    }
)
# Filler words that turn a brand into a plausible-looking host ("vietcombank-vn.com", "shopee-official.top").
BRAND_FILLER_WORDS = frozenset(
    {
        "vn", "vietnam", "app", "online", "official", "service", "services", "digital", "smart", "ebank",
        "mobile", "web", "portal", "net", "global", "group", "pay", "plus", "center", "care", "cs", "id",
        "gov", "my",
    }
)
# fmt: on

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
