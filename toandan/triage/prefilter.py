"""Which signals can possibly match a text, found in one pass before any of their regexes runs.

Each signal's regex is parsed once to find the literal strings that every match must contain (its anchors);
one trie-shaped regex of all anchors then tells, per message, which signal regexes are worth running.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from typing import Protocol


class Anchored(Protocol):
    """Anything with anchors: the signals of ``triage.signals``."""

    @property
    def anchors(self) -> frozenset[str] | None: ...


def _required(items: object) -> frozenset[str] | None:
    """Strings of which any match of a parsed pattern contains at least one (None: no such guarantee)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        # One letter or digit says little; one symbol ("@" of a handle) is rare enough to be an anchor.
        if len(run) >= 2 or (len(run) == 1 and not run[0].isalnum() and not run[0].isspace()):
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        inner: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            inner = _required(av[-1])
        elif op is _c.BRANCH:
            parts = [_required(branch) for branch in av[1]]
            inner = None if any(part is None for part in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        if inner:
            candidates.append(inner)
    close_run()
    if not candidates:
        return None
    # The most selective guarantee: long strings first, then few of them.
    return max(candidates, key=lambda group: (min(map(len, group)), -len(group)))


def anchors(pattern: str) -> frozenset[str] | None:
    """Substrings of which every match contains one: the regex is skipped when the text has none of them.

    Derived from the parsed pattern, so it cannot drift from it; ``test_message_scoring`` also checks on the
    evaluation corpus that skipping never changes which signals fire.
    """
    return _required(_parser.parse(pattern))


def trie_regex(words: list[str]) -> str:
    """A regular expression matching any of ``words``, longest first, shaped as a trie so that the engine
    dispatches on one character at each step instead of trying every word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Greedy optional continuation: the longest word at this position wins.
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


class AnchorIndex:
    """Finds in one pass which signals can possibly match a text.

    At each position the longest anchor starting there is reported; every shorter anchor at that position is
    a prefix of it, so a signal passes when one of its anchors is a prefix of a reported anchor.
    """

    def __init__(self, signals: tuple[Anchored, ...]) -> None:
        anchors = sorted({a for signal in signals if signal.anchors for a in signal.anchors})
        self.always = frozenset(i for i, signal in enumerate(signals) if signal.anchors is None)
        self.pattern = re.compile("(?=(" + trie_regex(anchors) + "))")
        owners: dict[str, set[int]] = {}
        for i, signal in enumerate(signals):
            for anchor in signal.anchors or ():
                owners.setdefault(anchor, set()).add(i)
        self.implied = {
            anchor: frozenset().union(
                *(owners[anchor[:k]] for k in range(1, len(anchor) + 1) if anchor[:k] in owners)
            )
            for anchor in anchors
        }

    def candidates(self, text: str) -> set[int]:
        """Indexes of the signals whose regex needs to run on ``text``."""
        result = set(self.always)
        implied = self.implied
        for anchor in set(self.pattern.findall(text)):
            result |= implied[anchor]
        return result
