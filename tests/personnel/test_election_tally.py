"""The tally of a Party election: worked examples, then properties that must hold for any input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from personnel.elections import EMPTY, NOT_ON_LIST, TOO_MANY, tally, threshold_for

FIVE = ["An", "Bình", "Cường", "Dung", "Hà"]


def test_tally_counts_votes_for_every_candidate_including_zero():
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=[{"An", "Bình"}, {"An"}], summoned=3)
    assert result.votes == {"An": 2, "Bình": 1, "Cường": 0}
    assert result.valid == 2
    assert result.invalid == 0
    assert result.threshold == 2
    assert result.elected == ["An"]
    assert result.tied == []
    assert result.unfilled == 1


def test_tally_ballot_keeping_more_names_than_seats_is_invalid():
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=[{"An", "Bình", "Cường"}, {"An"}], summoned=3)
    assert (result.valid, result.invalid) == (1, 1)
    assert result.invalid_reasons == {TOO_MANY: 1}
    assert result.votes == {"An": 1, "Bình": 0, "Cường": 0}


def test_tally_empty_ballot_is_invalid_on_a_list_with_surplus():
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=[set(), {"An"}], summoned=3)
    assert (result.valid, result.invalid) == (1, 1)
    assert result.invalid_reasons == {EMPTY: 1}


def test_tally_empty_ballot_is_valid_on_a_list_without_surplus():
    # Two candidates for two seats: striking both disagrees with both, and the ballot counts.
    result = tally(seats=2, candidates=["An", "Bình"], ballots=[set(), {"An", "Bình"}, {"An"}], summoned=3)
    assert (result.valid, result.invalid) == (3, 0)
    assert result.votes == {"An": 2, "Bình": 1}
    assert result.elected == ["An"]
    assert result.unfilled == 1


def test_tally_name_not_on_the_list_makes_the_ballot_invalid():
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=[{"An", "Giang"}, {"An"}], summoned=3)
    assert (result.valid, result.invalid) == (1, 1)
    assert result.invalid_reasons == {NOT_ON_LIST: 1}
    assert result.votes["An"] == 1


def test_tally_threshold_is_of_summoned_not_of_valid_ballots():
    # 10 summoned, 7 ballots: An has 5 — a majority of the ballots, but not more than half of 10.
    ballots = [{"An"}] * 5 + [{"Bình"}] * 2
    result = tally(seats=1, candidates=["An", "Bình"], ballots=ballots, summoned=10)
    assert result.threshold == 6
    assert result.votes == {"An": 5, "Bình": 2}
    assert result.elected == []
    assert result.unfilled == 1


def test_tally_absent_without_alternate_lowers_the_base():
    # 10 summoned, 2 absent for the whole congress without an alternate: more than half of 8 is 5.
    ballots = [{"An"}] * 5 + [{"Bình"}] * 3
    result = tally(seats=1, candidates=["An", "Bình"], ballots=ballots, summoned=10, absent_without_alternate=2)
    assert result.threshold == 5
    assert result.base == 8
    assert result.elected == ["An"]


def test_tally_exactly_half_is_not_enough():
    assert threshold_for(summoned=300) == 151
    assert threshold_for(summoned=301) == 151
    assert threshold_for(summoned=45) == 23
    result = tally(seats=1, candidates=["An", "Bình"], ballots=[{"An"}, {"An"}, {"Bình"}, {"Bình"}], summoned=4)
    assert result.threshold == 3
    assert result.elected == []


def test_tally_more_pass_than_seats_the_highest_win_in_order():
    ballots = [{"An", "Bình"}] * 4 + [{"Cường", "Bình"}] * 3 + [{"Cường", "An"}] * 1
    # An 5, Bình 7, Cường 4; threshold of 8 summoned is 5; two seats.
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=ballots, summoned=8)
    assert result.votes == {"An": 5, "Bình": 7, "Cường": 4}
    assert result.elected == ["Bình", "An"]
    assert result.unfilled == 0


def test_tally_tie_across_the_last_seat_goes_to_a_new_round():
    # Three seats; Hà 9 and An 8 are clear; Bình and Cường both have 7 for the last seat.
    ballots = (
        [{"Hà", "An", "Bình"}] * 5 + [{"Hà", "An", "Cường"}] * 3 + [{"Hà", "Cường", "Bình"}] * 1
        + [{"Cường", "Bình"}] * 1 + [{"Cường", "Dung"}] * 2 + [{"Bình", "Dung"}]
    )  # fmt: skip
    result = tally(seats=3, candidates=FIVE, ballots=ballots, summoned=13)
    assert result.threshold == 7
    assert result.votes == {"An": 8, "Bình": 8, "Cường": 7, "Dung": 3, "Hà": 9}
    # An and Bình are tied with 8 for the second and third seats: both fit, both elected.
    assert result.elected == ["Hà", "An", "Bình"]
    assert result.tied == []

    ballots.append({"Cường"})  # now Cường has 8 too: three people with 8 for two seats
    result = tally(seats=3, candidates=FIVE, ballots=ballots, summoned=13)
    assert result.votes["Cường"] == 8
    assert result.elected == ["Hà"]
    assert result.tied == ["An", "Bình", "Cường"]
    assert result.unfilled == 2


def test_tally_tie_below_the_threshold_is_not_a_tie_for_a_seat():
    ballots = [{"An"}] * 3 + [{"Bình"}] * 2 + [{"Cường"}] * 2
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=ballots, summoned=5)
    assert result.threshold == 3
    assert result.elected == ["An"]
    assert result.tied == []
    assert result.unfilled == 1


def test_tally_no_surplus_single_candidate_agree_disagree():
    # Secretary: one candidate, one seat; a ballot that strikes the name disagrees and is valid.
    result = tally(seats=1, candidates=["An"], ballots=[{"An"}] * 30 + [set()] * 15, summoned=45)
    assert (result.valid, result.invalid) == (45, 0)
    assert result.votes == {"An": 30}
    assert result.elected == ["An"]


def test_tally_refuses_impossible_inputs():
    with pytest.raises(ValueError, match="seats"):
        tally(seats=0, candidates=["An"], ballots=[], summoned=3)
    with pytest.raises(ValueError, match="duplicate"):
        tally(seats=1, candidates=["An", "An"], ballots=[], summoned=3)
    with pytest.raises(ValueError, match="summoned"):
        tally(seats=1, candidates=["An"], ballots=[], summoned=0)
    with pytest.raises(ValueError, match="absent"):
        tally(seats=1, candidates=["An"], ballots=[], summoned=3, absent_without_alternate=3)


def test_tally_no_ballots_elects_nobody():
    result = tally(seats=2, candidates=["An", "Bình", "Cường"], ballots=[], summoned=3)
    assert (result.valid, result.invalid, result.elected, result.unfilled) == (0, 0, [], 2)
    assert result.votes == {"An": 0, "Bình": 0, "Cường": 0}


# --- properties

NAMES = [f"c{i}" for i in range(12)]


@st.composite
def crowded_elections(draw):
    """One or two more candidates than seats, every voter keeps a full ballot: ties are common."""
    seats = draw(st.integers(min_value=1, max_value=4))
    candidates = NAMES[: seats + draw(st.integers(min_value=1, max_value=2))]
    full = st.sets(st.sampled_from(candidates), min_size=seats, max_size=seats)
    ballots = draw(st.lists(full, min_size=1, max_size=12))
    return {"seats": seats, "candidates": candidates, "ballots": ballots, "summoned": len(ballots)}


@st.composite
def varied_elections(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    candidates = draw(st.permutations(NAMES).map(lambda p: list(p[:n])))
    seats = draw(st.integers(min_value=1, max_value=n + 1))
    # Mostly plausible ballots (a few names kept), some spoiled ones (too many, written-in names).
    plausible = st.sets(st.sampled_from(candidates), max_size=seats)
    full = st.sets(st.sampled_from(candidates), min_size=min(seats, n), max_size=min(seats, n))
    anything = st.sets(st.sampled_from(candidates + ["stranger"]), max_size=n + 1)
    ballots = draw(st.lists(st.one_of(full, full, plausible, anything), max_size=30))
    summoned = draw(st.integers(min_value=max(1, len(ballots)), max_value=len(ballots) + 3))
    absent = draw(st.integers(min_value=0, max_value=min(summoned - 1, 3)))
    return {
        "seats": seats,
        "candidates": candidates,
        "ballots": ballots,
        "summoned": summoned,
        "absent_without_alternate": absent,
    }


def elections():
    return st.one_of(varied_elections(), crowded_elections())


@settings(max_examples=200, deadline=None)
@given(elections())
def test_tally_never_elects_more_than_seats(election):
    result = tally(**election)
    assert len(result.elected) <= election["seats"]
    assert len(result.elected) + result.unfilled == election["seats"]


@settings(max_examples=200, deadline=None)
@given(elections())
def test_tally_never_elects_someone_at_or_below_half(election):
    result = tally(**election)
    base = election["summoned"] - election.get("absent_without_alternate", 0)
    for name in result.elected:
        assert result.votes[name] * 2 > base
        assert result.votes[name] >= result.threshold
    # and the threshold is the smallest count that is more than half
    assert (result.threshold - 1) * 2 <= base < result.threshold * 2


@settings(max_examples=200, deadline=None)
@given(elections())
def test_tally_valid_plus_invalid_is_ballots(election):
    result = tally(**election)
    assert result.valid + result.invalid == len(election["ballots"])
    assert sum(result.invalid_reasons.values()) == result.invalid
    assert set(result.votes) == set(election["candidates"])
    assert all(v <= result.valid for v in result.votes.values())


@settings(max_examples=200, deadline=None)
@given(elections())
def test_tally_tied_and_elected_are_disjoint_and_everyone_elected_beats_the_tied(election):
    result = tally(**election)
    assert not set(result.tied) & set(result.elected)
    assert len(result.elected) == len(set(result.elected))
    if result.tied:
        tie_votes = {result.votes[n] for n in result.tied}
        assert len(tie_votes) == 1
        tie_vote = tie_votes.pop()
        assert tie_vote >= result.threshold
        assert len(result.tied) > result.unfilled  # more tied than seats left: hence the new round
        assert all(result.votes[n] > tie_vote for n in result.elected)
    votes = [result.votes[n] for n in result.elected]
    assert votes == sorted(votes, reverse=True)
