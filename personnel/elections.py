"""The tally of a Party election: pure arithmetic on kept names, no database, no rounding.

Each paper ballot is the set of names the voter kept (did not strike out). The rules (Quy chế
bầu cử trong Đảng, as summarized in DESIGN.md):

- a ballot is invalid if it keeps more names than there are seats, or a name that is not on the
  list (written in); on a list with surplus it is also invalid if it keeps no name, while on a
  list without surplus an empty ballot is valid: it disagrees with everyone;
- a candidate passes with more than half of the delegates summoned, less those absent for the
  whole congress without an alternate — never "more than half of the valid ballots";
- if more pass than there are seats the highest win; candidates tied across the last seat are
  not elected: they go to a new round, and the seats they compete for stay unfilled until then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tally:
    seats: int
    valid: int
    invalid: int
    votes: dict[str, int]  # every candidate, in list order, 0 included
    threshold: int  # the smallest vote count that is enough
    elected: list[str]  # by votes, highest first (list order among equals)
    tied: list[str]  # tied across the last seat(s): a new round among them; not elected
    unfilled: int
    base: int  # summoned − absent without an alternate: what "more than half" is measured against
    invalid_reasons: dict[str, int] = field(default_factory=dict)

    @property
    def ballots(self) -> int:
        return self.valid + self.invalid

    def passed(self, name: str) -> bool:
        return self.votes[name] >= self.threshold


# Why a ballot is invalid (keys of Tally.invalid_reasons).
TOO_MANY = "too_many"
EMPTY = "empty"
NOT_ON_LIST = "not_on_list"


def threshold_for(*, summoned: int, absent_without_alternate: int = 0) -> int:
    """The smallest vote count that is more than half of (summoned − absent without alternate)."""
    return (summoned - absent_without_alternate) // 2 + 1


def ballot_problem(kept: set[str], *, seats: int, candidates: set[str], surplus: bool) -> str | None:
    """Why this ballot is invalid (TOO_MANY, EMPTY, NOT_ON_LIST), or None when it is valid."""
    if not kept <= candidates:
        return NOT_ON_LIST
    if len(kept) > seats:
        return TOO_MANY
    if surplus and not kept:
        return EMPTY
    return None


def tally(
    *,
    seats: int,
    candidates: list[str],
    ballots: Iterable[Iterable[str]],
    summoned: int,
    absent_without_alternate: int = 0,
) -> Tally:
    """Count the ballots of one round. See the module docstring for the rules."""
    if seats < 1:
        raise ValueError("seats must be at least 1")
    if len(set(candidates)) != len(candidates):
        raise ValueError("duplicate candidates")
    if summoned < 1:
        raise ValueError("summoned must be at least 1")
    if not 0 <= absent_without_alternate < summoned:
        raise ValueError("absent_without_alternate must be between 0 and summoned − 1")

    on_list = set(candidates)
    surplus = len(candidates) > seats
    votes = dict.fromkeys(candidates, 0)
    valid = invalid = 0
    reasons: dict[str, int] = {}
    for ballot in ballots:
        kept = set(ballot)
        problem = ballot_problem(kept, seats=seats, candidates=on_list, surplus=surplus)
        if problem:
            invalid += 1
            reasons[problem] = reasons.get(problem, 0) + 1
            continue
        valid += 1
        for name in kept:
            votes[name] += 1

    threshold = threshold_for(summoned=summoned, absent_without_alternate=absent_without_alternate)
    order = {name: index for index, name in enumerate(candidates)}
    passing = sorted((n for n in candidates if votes[n] >= threshold), key=lambda n: (-votes[n], order[n]))
    if len(passing) <= seats:
        elected, tied = passing, []
    else:
        last = votes[passing[seats - 1]]
        if votes[passing[seats]] == last:
            # A tie across the last seat: nobody with that count is elected; a new round decides.
            elected = [n for n in passing if votes[n] > last]
            tied = [n for n in candidates if votes[n] == last]
        else:
            elected, tied = passing[:seats], []
    return Tally(
        seats=seats,
        valid=valid,
        invalid=invalid,
        votes=votes,
        threshold=threshold,
        elected=elected,
        tied=tied,
        unfilled=seats - len(elected),
        base=summoned - absent_without_alternate,
        invalid_reasons=reasons,
    )
