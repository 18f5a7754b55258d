"""Shared loop of the ``check_*`` commands: one JSON object in, one JSON object out, line by line."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

from django.utils.translation import gettext as _


def run_jsonl(stdin: IO[str], stdout: IO[str], field: str, score: Callable[[str], Any]) -> int:
    """Score each line's ``field``; a bad line gets ``{"error": ...}`` and the loop goes on.

    Blank lines are skipped (they are not inputs). Returns the number of lines answered.
    """
    count = 0
    for line in stdin:
        if not line.strip():
            continue
        count += 1
        try:
            item = json.loads(line)
        except ValueError:
            result: dict[str, Any] = {"error": _("Dòng không phải JSON hợp lệ")}
        else:
            value = item.get(field) if isinstance(item, dict) else None
            if not isinstance(value, str):
                result = {"error": _("Thiếu trường “%(field)s” kiểu chuỗi") % {"field": field}}
            else:
                result = score(value).as_dict()
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return count
