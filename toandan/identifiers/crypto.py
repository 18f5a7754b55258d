"""Crypto-currency wallet addresses: Bitcoin, Ethereum (and every EVM chain), TRON.

Canonical forms (``Indicator.value``) — the address itself, since the formats cannot collide:

* Bitcoin legacy (``1…`` P2PKH, ``3…`` P2SH): base58 as written (base58 is case-sensitive);
  the base58check checksum (double SHA-256) and the version byte are verified.
* Bitcoin SegWit (``bc1…``): lowercased; the BIP-173 bech32 (version 0) or BIP-350 bech32m
  (version 1+, Taproot) checksum and the witness program length are verified.
* Ethereum/EVM (``0x`` + 40 hex digits): lowercased.  The EIP-55 mixed-case checksum is **not**
  verified (it needs Keccak-256, absent from ``hashlib``); any 40-hex address is accepted.
* TRON (``T…``, the usual home of USDT-TRC20 scams): base58check with version byte ``0x41``.

``extra`` has ``chain`` (``"bitcoin"``, ``"ethereum"``, ``"tron"``) and ``type``.
"""

from __future__ import annotations

import hashlib
import re

from .base import Indicator, InvalidIndicator, Kind
from .base import translate as _

_B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {char: i for i, char in enumerate(_B58_ALPHABET)}


def base58check_decode(text: str) -> bytes | None:
    """Decode a base58check string and return its payload (version byte included), or None."""
    number = 0
    for char in text:
        digit = _B58_INDEX.get(char)
        if digit is None:
            return None
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip("1"))
    raw = b"\x00" * leading_zeros + body
    if len(raw) < 5:
        return None
    payload, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != checksum:
        return None
    return payload


_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {char: i for i, char in enumerate(_BECH32_CHARSET)}
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3


def _bech32_polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(_BECH32_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _convert_bits(data: list[int], from_bits: int, to_bits: int) -> bytes | None:
    """Regroup 5-bit words into bytes without padding, as BIP-173 requires for witness programs."""
    accumulator = 0
    bits = 0
    out = bytearray()
    mask = (1 << to_bits) - 1
    for value in data:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((accumulator >> bits) & mask)
    if bits >= from_bits or (accumulator << (to_bits - bits)) & mask:
        return None
    return bytes(out)


def segwit_decode(address: str, hrp: str = "bc") -> tuple[int, bytes] | None:
    """Return ``(witness_version, program)`` of a valid SegWit address, or None."""
    if address.lower() != address and address.upper() != address:
        return None
    address = address.lower()
    if len(address) > 90:
        return None
    separator = address.rfind("1")
    if address[:separator] != hrp or len(address) - separator - 1 < 7:
        return None
    try:
        data = [_BECH32_INDEX[char] for char in address[separator + 1 :]]
    except KeyError:
        return None
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    constant = _bech32_polymod(expanded + data)
    version = data[0]
    if version > 16 or constant != (_BECH32_CONST if version == 0 else _BECH32M_CONST):
        return None
    program = _convert_bits(data[1:-6], 5, 8)
    if program is None or not 2 <= len(program) <= 40 or (version == 0 and len(program) not in (20, 32)):
        return None
    return version, program


_ETH = re.compile(r"0[xX][0-9a-fA-F]{40}")


def wallet_or_none(text: str) -> Indicator | None:
    """The wallet indicator for ``text`` (one address, nothing else), or None if not a valid address."""
    if not 26 <= len(text) <= 90:
        return None
    first = text[0]
    if first == "0":
        if _ETH.fullmatch(text):
            return Indicator(
                Kind.CRYPTO_WALLET, text.lower(), text.lower(), {"chain": "ethereum", "type": "evm"}
            )
        return None
    if text[:3].lower() == "bc1":
        decoded = segwit_decode(text)
        if decoded is None:
            return None
        version = decoded[0]
        kind = "taproot" if version == 1 else f"segwit_v{version}"
        return Indicator(Kind.CRYPTO_WALLET, text.lower(), text.lower(), {"chain": "bitcoin", "type": kind})
    if first in "13T" and len(text) <= 35:
        payload = base58check_decode(text)
        if payload is None or len(payload) != 21:
            return None
        version = payload[0]
        if first == "T" and version == 0x41:
            return Indicator(Kind.CRYPTO_WALLET, text, text, {"chain": "tron", "type": "base58"})
        if first == "1" and version == 0x00:
            return Indicator(Kind.CRYPTO_WALLET, text, text, {"chain": "bitcoin", "type": "p2pkh"})
        if first == "3" and version == 0x05:
            return Indicator(Kind.CRYPTO_WALLET, text, text, {"chain": "bitcoin", "type": "p2sh"})
    return None


def normalize_wallet(raw: str) -> Indicator:
    """Normalise a wallet address; raise :class:`InvalidIndicator` for unknown formats or bad checksums."""
    text = raw.strip()
    for prefix in ("bitcoin:", "ethereum:", "tron:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :].split("?", 1)[0]
    found = wallet_or_none(text)
    if found is None:
        raise InvalidIndicator(
            _("Địa chỉ ví tiền mã hoá không hợp lệ (sai định dạng hoặc sai mã kiểm tra)."),
            "wallet_invalid",
            Kind.CRYPTO_WALLET,
        )
    return found
