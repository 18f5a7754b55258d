"""Hashed features shared by training and scoring, so that the shipped models hold numbers, never text.

Every feature is a hash of a short byte string, seeded by its family, folded into ``2**20`` buckets (a CRC-32
for URL parts and words; for a message's character n-grams a polynomial hash computed for all of them at once
with numpy): the model files then store bucket numbers of at most seven digits and their weights, from which
no n-gram of the training data can be read back.
"""

from __future__ import annotations

import math
import re
import zlib
from itertools import repeat
from urllib.parse import urlsplit

import numpy as np

from toandan.triage import lists

N_BITS = 20
N_FEATURES = 1 << N_BITS
MASK = N_FEATURES - 1


def _seed(name: str) -> int:
    return zlib.crc32(name.encode("ascii"))


SEED_HOST = _seed("url-host-char")
SEED_PATH = _seed("url-path-char")
SEED_TOKEN = _seed("url-token")
SEED_NUMERIC = _seed("url-numeric")
SEED_WORD = _seed("message-word")
SEED_RULE = _seed("message-rule")

# Amounts, codes and phone numbers differ in every message; folding digits keeps their shape only.
_DIGITS = str.maketrans("123456789", "000000000")
MESSAGE_MAX_CHARS = 320


# The message model of 2025 data: character 2–5-grams and word 1–2-grams, plus the named rule contributions.
# "-poly22": character n-grams hashed by the vectorised polynomial below (a CRC-32 of each n-gram, one by one,
# cost a third of the scoring time) into 2**22 buckets; a model of another kind is not combined.
MESSAGE_MODEL_KIND = "msg-2025-poly22-f128"
TEXT_CHAR_NGRAMS = (2, 3, 4, 5)
TEXT_WORD_NGRAMS = (1, 2)
# The message model has its own, larger space: its 2–5-grams are hundreds of thousands of distinct strings,
# and in 2**20 buckets many of them collide (measured: the cross-validated F1 is higher in 2**22 with
# every hash seed tried). Its dense weight array (``modelstore``) is 16 MiB.
MESSAGE_BITS = 22
MESSAGE_FEATURES = 1 << MESSAGE_BITS
MESSAGE_MASK = MESSAGE_FEATURES - 1
_POLY = np.uint64(0x100000001B3)  # the n-gram's bytes as digits of a polynomial in this base, modulo 2**64
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # multiplicative hashing: the top bits of the product
_TOP = np.uint64(64 - MESSAGE_BITS)
_LENGTH_SALT = {n: np.uint64(zlib.crc32(f"char-{n}".encode()) << 32) for n in TEXT_CHAR_NGRAMS}


def _char_ngram_buckets(data: np.ndarray) -> list[np.ndarray]:
    """Buckets of every character n-gram of ``data`` (bytes as uint64), one array per length."""
    found: list[np.ndarray] = []
    rolling = data  # rolling[i]: the polynomial of the n bytes from i
    for n in range(2, max(TEXT_CHAR_NGRAMS) + 1):
        if len(data) < n:
            break
        rolling = rolling[:-1] * _POLY + data[n - 1 :]
        if n in TEXT_CHAR_NGRAMS:
            found.append(((rolling ^ _LENGTH_SALT[n]) * _GOLDEN) >> _TOP)
    return found


def _distinct(buckets: np.ndarray) -> np.ndarray:
    """The sorted distinct values (``np.unique`` without its overhead, four times faster on short arrays)."""
    buckets.sort()
    keep = np.empty(len(buckets), dtype=bool)
    keep[:1] = True
    np.not_equal(buckets[1:], buckets[:-1], out=keep[1:])
    return buckets[keep]


def message_text_buckets(normalised: str) -> np.ndarray:
    """The distinct hashed character and word n-gram buckets of a normalised message (model of 2025 data).

    A text without a letter or a digit has none: its spaces and signs say nothing about how it is written.
    """
    if not any(char.isalnum() for char in normalised):
        return np.empty(0, dtype=np.uint64)
    text = " " + normalised[:MESSAGE_MAX_CHARS].translate(_DIGITS) + " "
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8).astype(np.uint64)
    words = text.split()
    grams = [w.encode() for w in words]
    grams += [f"{a} {b}".encode() for a, b in zip(words, words[1:], strict=False)]
    word_buckets = np.fromiter(map(zlib.crc32, grams, repeat(SEED_WORD)), dtype=np.uint64, count=len(grams))
    return _distinct(np.concatenate([*_char_ngram_buckets(data), word_buckets & np.uint64(MESSAGE_MASK)]))


# Each bucket of a message weighs 1/√n (L2 normalisation), but never more than 1/√128: a greeting of few words
# ("Xin chào") otherwise gave its few n-grams the weight of a whole message and scored as a scam opener.
# Measured with three hash seeds: flag F1 unchanged without the sender's type, +0.014 with it.
MESSAGE_NORM_FLOOR = 128


def message_bucket_value(count: int) -> float:
    """The value of each of a message's ``count`` distinct buckets, in training and scoring alike."""
    return 1.0 / math.sqrt(max(count, MESSAGE_NORM_FLOOR))


def rule_bucket(name: str) -> int:
    """The bucket of a named rule contribution of the message scorer."""
    return zlib.crc32(name.encode("ascii"), SEED_RULE) & MESSAGE_MASK


# The one bucket whose weight scales every hand-weighted contribution at once.
RULE_SCALE_BUCKET = rule_bucket("*scale*")


def _char_buckets(text: str, ngrams: tuple[int, ...], seed: int) -> set[int]:
    data = text.encode("utf-8")
    grams: list[bytes] = []
    for n in ngrams:
        grams.extend([data[i : i + n] for i in range(len(data) - n + 1)])
    return {h & MASK for h in map(zlib.crc32, grams, repeat(seed))}


def _bucket(name: str, seed: int) -> int:
    return zlib.crc32(name.encode("utf-8"), seed) & MASK


_PHISH_WORDS_RE = re.compile("|".join(sorted(map(re.escape, lists.PHISH_WORDS), key=len, reverse=True)))
IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_PATH_TOKEN = re.compile(r"[a-z]+")


def split_url(url: str) -> tuple[str, str, str, str]:
    """Return (scheme, host, port, rest) of a URL, tolerating a missing scheme and odd characters."""
    text = url.strip()
    if "://" not in text[:12]:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        port = str(parts.port or "") if parts.netloc.count(":") == 1 else ""
    except ValueError:
        parts = None
        host, port = text.split("://", 1)[1].split("/", 1)[0].lower(), ""
    if parts is None:
        return "http", host, port, ""
    rest = parts.path + ("?" + parts.query if parts.query else "")
    return parts.scheme.lower(), host, port, rest


def url_numeric(url: str, host: str, rest: str, suffix: str, subdomain: str) -> dict[str, float]:
    """Handcrafted structural features of a URL, each scaled to about [0, 1]."""
    rest_lower = rest.lower()
    host_tokens = set(re.split(r"[^a-z0-9]+", host))
    features = {
        "len_url": min(len(url), 200) / 200,
        "len_host": min(len(host), 60) / 60,
        "host_digits": min(sum(ch.isdigit() for ch in host), 10) / 10,
        "host_hyphens": min(host.count("-"), 5) / 5,
        "subdomain_depth": min(subdomain.count(".") + 1 if subdomain else 0, 5) / 5,
        "is_ip": 1.0 if IPV4.match(host) else 0.0,
        "punycode": 1.0 if "xn--" in host else 0.0,
        "at_sign": 1.0 if "@" in url.split("?", 1)[0] else 0.0,
        "https": 1.0 if url.lower().startswith("https://") else 0.0,
        "has_query": 1.0 if "?" in rest else 0.0,
        "path_depth": min(rest.split("?", 1)[0].count("/"), 8) / 8,
        "kw_host": 1.0 if host_tokens & lists.HOST_PHISH_WORDS else 0.0,
        "kw_path": min(len(set(_PHISH_WORDS_RE.findall(rest_lower))), 4) / 4,
        "tld_high": 1.0 if suffix.rsplit(".", 1)[-1] in lists.RISKY_TLDS_HIGH else 0.0,
        "tld_medium": 1.0 if suffix.rsplit(".", 1)[-1] in lists.RISKY_TLDS_MEDIUM else 0.0,
        "apk": 1.0 if rest_lower.split("?", 1)[0].endswith(".apk") else 0.0,
        "bias_const": 1.0,
    }
    return features


def url_groups(
    url: str, host: str, rest: str, suffix: str, subdomain: str, flags: dict[str, float]
) -> list[tuple[list[int], float]]:
    """The hashed features of a URL as groups of buckets sharing one value: character n-grams of the host and
    of the path, tokens, and each structural feature. A bucket in several groups sums their values."""
    bare_host = host.removeprefix("www.")
    groups: list[tuple[list[int], float]] = []
    host_buckets = _char_buckets("^" + bare_host + "$", (3, 4, 5), SEED_HOST)
    path_text = rest.lower()[:120].translate(_DIGITS)
    path_buckets = _char_buckets(path_text, (3, 4), SEED_PATH) if path_text not in ("", "/") else set()
    for group in (host_buckets, path_buckets):
        if group:
            groups.append((list(group), 1.0 / math.sqrt(len(group))))
    tokens = {"tld=" + suffix}
    tokens.update("label=" + label for label in bare_host.split(".")[:-1] if label)
    tokens.update("path=" + token for token in _PATH_TOKEN.findall(path_text)[:20])
    groups.append(([_bucket(token, SEED_TOKEN) for token in tokens], 1.0 / math.sqrt(len(tokens))))
    numeric = url_numeric(url, bare_host, rest, suffix, subdomain)
    numeric.update(flags)
    groups.extend(([_bucket(name, SEED_NUMERIC)], value) for name, value in numeric.items() if value)
    return groups


def url_features(
    url: str, host: str, rest: str, suffix: str, subdomain: str, flags: dict[str, float]
) -> dict[int, float]:
    """Return the sparse hashed feature vector of a URL: character n-grams, tokens and structure."""
    vector: dict[int, float] = {}
    for buckets, value in url_groups(url, host, rest, suffix, subdomain, flags):
        for bucket in buckets:
            vector[bucket] = vector.get(bucket, 0.0) + value
    return vector
