"""Helpers shared by the events tests."""

from __future__ import annotations

from typing import Any

from toandan.events.registration import Person


def person(n: int, **extra: Any) -> Person:
    return Person(name=f"Nguyễn Văn {chr(65 + n)}", phone=f"09120000{n:02d}", **extra)
