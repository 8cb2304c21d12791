"""Comparing versions: paragraph by paragraph, word by word inside a changed paragraph, and
matching a paragraph of one version to its counterpart in the next by text (carry-over).

Works on anything with `.text` (and `.kind`, `.position` where used): Paragraph rows or plain objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from congress.vietnamese import fold

# Two paragraphs at least this similar are "the same paragraph, changed"; below, one was removed
# and another added. Carry-over uses the same measure with its own threshold.
CHANGED_THRESHOLD = 0.5
MATCH_THRESHOLD = 0.6

_TOKENS = re.compile(r"\s+|[^\s]+")


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    """Words without accents or punctuation: "thị," and "thi" are the same word for matching."""
    return _WORD.findall(fold(text))


def similarity(a: str, b: str) -> float:
    """0..1: how much of the wording two paragraphs share (case, accents and spacing ignored)."""
    if a == b:
        return 1.0
    wa, wb = _words(a), _words(b)
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


@dataclass(frozen=True)
class Segment:
    op: str  # "equal", "insert" or "delete"
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """Segments turning `old` into `new`, word by word (spaces kept, so the text reads as written)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            if tag in ("delete", "replace"):
                add("delete", "".join(a[i1:i2]))
            if tag in ("insert", "replace"):
                add("insert", "".join(b[j1:j2]))
    return segments


@dataclass
class DiffRow:
    op: str  # "equal", "changed", "added" or "removed"
    old: object | None = None
    new: object | None = None
    segments: list[Segment] = field(default_factory=list)


@dataclass
class DiffResult:
    rows: list[DiffRow]

    def count(self, op: str) -> int:
        return sum(1 for row in self.rows if row.op == op)

    @property
    def summary(self) -> dict[str, int]:
        return {op: self.count(op) for op in ("equal", "changed", "added", "removed")}


def _key(paragraph) -> str:
    return f"{getattr(paragraph, 'kind', '')}:{' '.join(paragraph.text.split())}"


def _pair_block(old: list, new: list) -> list[DiffRow]:
    """Inside a replaced stretch, pair paragraphs in order when they are similar enough."""
    rows: list[DiffRow] = []
    j = 0
    for old_paragraph in old:
        best, best_score = None, CHANGED_THRESHOLD
        for k in range(j, len(new)):
            score = similarity(old_paragraph.text, new[k].text)
            if score >= best_score:
                best, best_score = k, score
        if best is None:
            rows.append(DiffRow("removed", old=old_paragraph))
            continue
        rows.extend(DiffRow("added", new=p) for p in new[j:best])
        rows.append(
            DiffRow("changed", old=old_paragraph, new=new[best], segments=word_diff(old_paragraph.text, new[best].text))
        )
        j = best + 1
    rows.extend(DiffRow("added", new=p) for p in new[j:])
    return rows


def diff_versions(old: list, new: list) -> DiffResult:
    """Rows in reading order: unchanged, changed (with word segments), added and removed paragraphs."""
    matcher = SequenceMatcher(None, [_key(p) for p in old], [_key(p) for p in new], autojunk=False)
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(DiffRow("equal", old=o, new=n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
        elif tag == "delete":
            rows.extend(DiffRow("removed", old=o) for o in old[i1:i2])
        elif tag == "insert":
            rows.extend(DiffRow("added", new=n) for n in new[j1:j2])
        else:
            rows.extend(_pair_block(old[i1:i2], new[j1:j2]))
    return DiffResult(rows=rows)


@dataclass(frozen=True)
class Match:
    paragraph: object
    score: float


def match_paragraphs(sources: list, candidates: list, *, threshold: float = MATCH_THRESHOLD) -> dict[int, Match]:
    """For each source paragraph (by its index), the candidate whose text matches best.

    The paragraph's number plays no part: a paragraph moved to another section is still found.
    An identical text wins outright; otherwise the best similarity at or above `threshold`, ties
    going to the candidate nearest in relative position.
    """
    exact: dict[str, list[int]] = {}
    for index, candidate in enumerate(candidates):
        exact.setdefault(" ".join(candidate.text.split()), []).append(index)
    folded = [_words(c.text) for c in candidates]
    result: dict[int, Match] = {}
    total_sources, total_candidates = max(len(sources), 1), max(len(candidates), 1)
    for source_index, source in enumerate(sources):
        relative = source_index / total_sources

        def distance(candidate_index: int, relative: float = relative) -> float:
            return abs(candidate_index / total_candidates - relative)

        same = exact.get(" ".join(source.text.split()))
        if same:
            best = min(same, key=distance)
            result[source_index] = Match(candidates[best], 1.0)
            continue
        words = _words(source.text)
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(words)
        best_index, best_score = None, threshold
        for index, candidate_words in enumerate(folded):
            matcher.set_seq1(candidate_words)
            # Cheap upper bounds first: most candidates are ruled out without the full comparison.
            if matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
                continue
            score = matcher.ratio()
            if (
                score > best_score
                or (score == best_score and best_index is not None and distance(index) < distance(best_index))
                or best_index is None
                and score >= best_score
            ):
                best_index, best_score = index, score
        if best_index is not None:
            result[source_index] = Match(candidates[best_index], round(best_score, 3))
    return result
