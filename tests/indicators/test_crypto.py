"""Wallet addresses: formats and checksums (BIP-173/BIP-350 test vectors and well-known addresses)."""

from __future__ import annotations

import pytest

from toandan.identifiers.base import InvalidIndicator, Kind
from toandan.identifiers.normalize import detect, normalize


@pytest.mark.parametrize(
    ("raw", "value", "chain", "kind"),
    [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bitcoin", "p2pkh"),
        ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bitcoin", "p2sh"),
        (
            "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bitcoin",
            "segwit_v0",
        ),
        (
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
            "bitcoin",
            "taproot",
        ),
        (
            "0xDE0B295669A9FD93D5F28D9EC85E40F4CB697BAE",
            "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae",
            "ethereum",
            "evm",
        ),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tron", "base58"),
        (
            "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=1",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "bitcoin",
            "p2pkh",
        ),
    ],
)
def test_valid_addresses(raw: str, value: str, chain: str, kind: str) -> None:
    indicator = normalize(Kind.CRYPTO_WALLET, raw)
    assert (indicator.value, indicator.extra["chain"], indicator.extra["type"]) == (value, chain, kind)
    assert normalize(Kind.CRYPTO_WALLET, indicator.value) == indicator
    assert detect(raw) == indicator


@pytest.mark.parametrize(
    "raw",
    [
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",  # base58check checksum
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",  # bech32 checksum
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8f3t4",  # mixed case
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1",
        # A version-1 program with a bech32 (not bech32m) checksum: BIP-350 says reject.
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
        "0xde0b295669a9fd93d5f28d9ec85e40f4cb697ba",  # 39 hex digits
        "0xzz0b295669a9fd93d5f28d9ec85e40f4cb697bae",
        "1O0IlP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  # not base58
        "hello",
    ],
)
def test_invalid_addresses(raw: str) -> None:
    with pytest.raises(InvalidIndicator):
        normalize(Kind.CRYPTO_WALLET, raw)
