"""Masking of what changes between copies of one scam script: links, e-mails, phone numbers, amounts, other
numbers and people's names. The masked text stays readable (it becomes the sample of a wave and the body of
a draft warning), with bracketed placeholders that the shingling treats as single words.

This runs on every report of a wave detection pass (a million in the benchmark), so each pattern starts from
a cheap character class or is skipped when a literal it needs is absent.
"""

from __future__ import annotations

import re
import unicodedata

from toandan.identifiers.text import ascii_letters, defang

LINK = "[đường link]"
EMAIL = "[thư điện tử]"
PHONE = "[số điện thoại]"
MONEY = "[số tiền]"
NUMBER = "[số]"
NAME = "[tên]"

_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_WORD = rf"[{_UPPER}][{_UPPER}{_LOWER}]*"
SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trương lương trịnh đoàn "
    "nguyen tran pham hoang huynh vu vo dang bui duong dinh truong luong trinh doan".split()
)
# Words after which a capitalised word is a person's name: "anh Minh", "chị Lan", "tên là Hùng".
TITLES = frozenset("anh chị chi em cô chú bác ông bà bạn cháu bé tên là gặp chủ nhận ctk mr mrs ms".split())

# Starts with one of four characters, so that the engine skips ahead: a dot inside a word, "://", "[.]",
# "(.)" or "[dot]".
_DOTTED = re.compile(r"[.:\[(](?:(?<=\w\.)(?=\w)|(?<=:)//|(?<=\[)\.\]|(?<=\()\.\)|(?<=\[)dot\])")
_SPACE = re.compile(r"\s")
_LINK_EDGE = "\"'“”‘’()[]{}<>.,;:!?…"
# Top-level domains of a word written without a scheme that make it a link. Two-letter ones that are also
# Vietnamese syllables ("la", "to", "me"...) count only with a path.
_TLDS = frozenset(
    "com net org info biz vn xyz top icu vip cc shop online site club live buzz store app dev io link click "
    "cfd sbs bond cyou fun space website pro asia life today world work tk ml ga cf gq pw ws su ru cn tech "
    "win bet cam lol monster rest quest mobi ink ltd one me co ly gl gd id at to la us tv in do so gg".split()
)
_SHORT_AMBIGUOUS = frozenset("me co ly gl gd id at to la us tv in do so gg".split())
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits grouped by spaces, dots, commas or dashes, and the unit that makes it an amount.
_DIGITS_RE = re.compile(r"\d[\d.,-]*(?:\s\d[\d.,-]*)*")
_UNIT_RE = re.compile(
    r"\s?(?:k|tr|triệu|trieu|nghìn|nghin|ngàn|ngan|đồng|dong|đ|d|vnd|vnđ|usd|usdt|tỷ|ty|tỉ|ti|\$)(?!\w)",
    re.IGNORECASE,
)
_NAME_RUN = re.compile(rf"(?<!\w){_WORD}(?:[ \t]+{_WORD}){{0,3}}(?!\w)")

_QUOTED_RE = re.compile(r"“([^”]{30,})”|\"([^\"]{30,})\"|«([^»]{30,})»")
_CONTENT_RE = re.compile(
    r"(?:nội dung|noi dung|tin nhắn|tin nhan)(?: như sau| là| la)?\s*:\s*([^“\"«\n]{30,})", re.IGNORECASE
)

_TOKEN_RE = re.compile(rb"\[[^\]]*\]|[a-z0-9]+")


def _numbers(text: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _DIGITS_RE.finditer(text):
        start, end = match.span()
        run = match.group(0).rstrip(".,-")
        end = start + len(run)
        unit = _UNIT_RE.match(text, end)
        if unit is not None:
            placeholder, end = MONEY, unit.end()
        else:
            digits = sum(ch.isdigit() for ch in run)
            phone = digits in (10, 11) and (run.startswith("0") or run.startswith("84"))
            if phone and start and text[start - 1] == "+":
                start -= 1
            placeholder = PHONE if phone else NUMBER
        pieces.append(text[last:start] + placeholder)
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _is_link(token: str) -> bool:
    if "://" in token or token.lower().startswith("www."):
        return True
    host = defang(token).split("/", 1)[0].split(":", 1)[0].lower()
    label, _dot, tld = host.rpartition(".")
    if tld in _SHORT_AMBIGUOUS and "/" not in token:
        return False  # "ok.me", "di.la": Vietnamese syllables more often than links
    return bool(label) and tld in _TLDS and not host.replace(".", "").isdigit()


def _links(text: str) -> str:
    """Replace each whitespace-delimited word that is a link; only words around a dot are looked at."""
    pieces: list[str] = []
    last = 0
    for match in _DOTTED.finditer(text):
        if match.start() < last:
            continue
        start = max(text.rfind(" ", last, match.start()), text.rfind("\n", last, match.start())) + 1
        start = max(start, last)
        space = _SPACE.search(text, match.end())
        end = space.start() if space else len(text)
        word = text[start:end]
        core = word.strip(_LINK_EDGE)
        if core and _is_link(core):
            offset = word.find(core)
            pieces.append(text[last : start + offset] + LINK)
            last = start + offset + len(core)
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _names(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        run = match.group(0)
        words = run.split()
        first = words[0].lower()
        if first in SURNAMES and len(words) >= 2:
            return NAME
        if first in TITLES:
            return words[0] + " " + NAME if len(words) >= 2 else run
        before = text[max(0, match.start() - 12) : match.start()].split()
        if before and before[-1].lower() in TITLES:
            return NAME
        return run

    return _NAME_RUN.sub(replace, text)


def mask(text: str) -> str:
    """Replace links, e-mails, phones, amounts, numbers and names with placeholders; keep the rest."""
    text = unicodedata.normalize("NFC", text or "")
    if "@" in text:
        text = _EMAIL_RE.sub(EMAIL, text)
    text = _links(text)
    text = _numbers(text)
    return _names(text)


def quoted_parts(text: str) -> list[str]:
    """Messages a reporter pasted into the description: text in quotes, or after "nội dung:"."""
    text = text or ""
    parts = [next(g for g in match.groups() if g) for match in _QUOTED_RE.finditer(text)]
    lowered = text.lower()
    if "nội dung" in lowered or "tin nh" in lowered or "noi dung" in lowered:
        parts += [match.group(1) for match in _CONTENT_RE.finditer(text)]
    return parts


def tokens(masked: str) -> list[bytes]:
    """Folded words of a masked text, as ASCII bytes; each placeholder is one word.

    Folding drops what is not ASCII after splitting letters from their marks, which is ``text.fold`` for
    everything a word can be made of here (``[a-z0-9]``), at a fraction of the cost.
    """
    return _TOKEN_RE.findall(ascii_letters(masked).lower())
