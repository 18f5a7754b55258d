"""Which signals can possibly match a text, found in one pass before any of their regexes runs.

Each signal's regex is split into its top-level alternatives, and each alternative is parsed once to find the
literal strings that every match of it must contain (its anchors); one trie-shaped regex of all anchors then
tells, per message, which alternatives of which signals can match. Only those run, as one regex per signal
narrowed to them: an alternative whose anchors are absent cannot match anywhere in the text, so the narrowed
regex finds exactly the matches of the whole one, several times faster (Python's engine tries every
alternative at every position).
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from dataclasses import dataclass
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


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's top level: ``"a|b(c|d)|[|]e"`` → ``["a", "b(c|d)", "[|]e"]``."""
    parts: list[str] = []
    depth, start, index = 0, 0, 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # "[]…]" and "[^]…]": a "]" right after the opening is a member, not the end.
            index += 1 + (pattern[index + 1 : index + 2] == "^")
            index += pattern[index : index + 1] == "]"
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


@dataclass(frozen=True, slots=True)
class _Alternative:
    owner: int  # index of the pattern it belongs to
    position: int  # its place among the owner's alternatives
    anchors: frozenset[str] | None


class AlternativeIndex:
    """Which patterns can match a text, each narrowed to the alternatives that can, found in one pass."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        self.parts = [top_level_alternatives(pattern.pattern) for pattern in patterns]
        for pattern, parts in zip(patterns, self.parts, strict=True):
            # Each alternative must be a pattern of its own ("a(b" would mean the split went wrong).
            for part in parts:
                re.compile(part, pattern.flags)
        self.alternatives = tuple(
            _Alternative(owner, position, anchors(part))
            for owner, parts in enumerate(self.parts)
            for position, part in enumerate(parts)
        )
        self.index = AnchorIndex(self.alternatives)
        self._narrowed: dict[tuple[int, tuple[int, ...]], re.Pattern[str]] = {}

    def candidates(self, text: str) -> list[tuple[int, re.Pattern[str]]]:
        """(index, regex) of every pattern that can match ``text``, in pattern order, each regex narrowed to
        the alternatives that can."""
        kept: dict[int, list[int]] = {}
        for found in self.index.candidates(text):
            alternative = self.alternatives[found]
            kept.setdefault(alternative.owner, []).append(alternative.position)
        return [(owner, self._narrow(owner, tuple(sorted(kept[owner])))) for owner in sorted(kept)]

    def _narrow(self, owner: int, positions: tuple[int, ...]) -> re.Pattern[str]:
        if len(positions) == len(self.parts[owner]):
            return self.patterns[owner]
        narrowed = self._narrowed.get((owner, positions))
        if narrowed is None:
            parts = self.parts[owner]
            narrowed = re.compile("|".join(parts[i] for i in positions), self.patterns[owner].flags)
            if len(self._narrowed) >= 4096:
                # Bounded: 17,000 real messages needed fewer than 1,000 combinations.
                self._narrowed.clear()
            self._narrowed[(owner, positions)] = narrowed
        return narrowed
