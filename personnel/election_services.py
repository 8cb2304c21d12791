"""Writes on the personnel plan, the planning pool, nominations and elections: the rules live here.

Counting is serialized per round: every ballot entry locks the round row (select_for_update), so
two counters typing the same ballot number at once cannot both take the first slot, and the
count itself cannot run while an entry is being saved.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress, Role
from personnel.election_models import (
    FINAL_BALLOT_STATUSES,
    MAX_SURPLUS_PERCENT,
    Ballot,
    BallotEntry,
    BallotStatus,
    Candidate,
    CandidateSource,
    Election,
    ElectionBody,
    NominationStep,
    Outcome,
    PersonnelPlan,
    PoolEntry,
    Round,
    RoundCandidate,
    RoundKind,
    RoundStatus,
    StructureTarget,
    TargetCriterion,
    TrainingAttendance,
    TrainingClass,
    Withdrawal,
)
from personnel.election_selectors import (
    candidacy_dossier_deadline,
    candidate_list,
    counting_progress,
    delegate_person_ids,
    elected_count,
    list_check,
    needs_dossier,
    summoned_defaults,
    surplus_problem,
)
from personnel.elections import tally
from personnel.models import MemberStatus, Person

# Tokens that make a ballot invalid in the tally: never a candidate key (those are "c<pk>").
WRITTEN_IN = "!written-in"
SPOILED = "!spoiled"


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _same_congress(congress: Congress, person: Person, field: str = "person") -> None:
    if person.congress_id != congress.pk:
        raise ValidationError({field: _("This party member belongs to another congress.")})


# --- personnel plan


def plan_save(*, plan: PersonnelPlan) -> PersonnelPlan:
    errors: dict[str, str] = {}
    if plan.executive_size is not None and plan.standing_size is not None:
        if plan.standing_size * 3 > plan.executive_size:
            errors["standing_size"] = _(
                "The Standing Committee may have at most one third of the executive committee (%(max)d of %(exec)d)."
            ) % {"max": plan.executive_size // 3, "exec": plan.executive_size}
    if plan.executive_size is not None and plan.executive_size < 1:
        errors["executive_size"] = _("The planned sizes must be at least 1.")
    if plan.standing_size is not None and plan.standing_size < 1:
        errors["standing_size"] = _("The planned sizes must be at least 1.")
    for first, renominated in (
        ("first_time_male_born_from", "renominated_male_born_from"),
        ("first_time_female_born_from", "renominated_female_born_from"),
    ):
        if getattr(plan, renominated) > getattr(plan, first):
            errors[renominated] = _(
                "Re-nominated members may be older than first-time members, not younger: this limit is later."
            )
    if errors:
        raise ValidationError(errors)
    plan.save()
    return plan


def target_save(*, target: StructureTarget) -> StructureTarget:
    errors: dict[str, str] = {}
    if target.min_percent is None and target.min_count is None:
        errors["min_percent"] = _("Give a minimum share or a minimum number of people.")
    if target.min_percent is not None and target.min_percent > 100:
        errors["min_percent"] = _("A share is at most 100%.")
    if target.criterion == TargetCriterion.UNDER_AGE and (target.age_below is None or target.age_below < 18):
        errors["age_below"] = _("Give the age (18 or more) for the age criterion.")
    if target.criterion == TargetCriterion.SECTOR and not target.sector.strip():
        errors["sector"] = _("Give the sector for the sector criterion.")
    if errors:
        raise ValidationError(errors)
    if target.criterion != TargetCriterion.UNDER_AGE:
        target.age_below = None
    if target.criterion != TargetCriterion.SECTOR:
        target.sector = ""
    target.save()
    return target


def target_delete(*, target: StructureTarget) -> None:
    target.delete()


# --- cadre planning pool


def pool_entry_add(
    *,
    congress: Congress,
    person: Person,
    position: str,
    term: str,
    added_on: datetime.date,
    decision: str = "",
    notes: str = "",
) -> PoolEntry:
    _same_congress(congress, person)
    term = term.strip()
    if not term:
        raise ValidationError({"term": _("Give the term.")})
    if PoolEntry.objects.filter(person=person, position=position, term=term).exists():
        raise ValidationError({"person": _("This person is already in the pool for this position and term.")})
    return PoolEntry.objects.create(
        congress=congress,
        person=person,
        position=position,
        term=term,
        added_on=added_on,
        decision=decision.strip(),
        notes=notes.strip(),
    )


def pool_entry_remove(*, entry: PoolEntry) -> None:
    entry.delete()


def training_class_save(*, training_class: TrainingClass) -> TrainingClass:
    if training_class.ends_on and training_class.starts_on and training_class.ends_on < training_class.starts_on:
        raise ValidationError({"ends_on": _("The class cannot end before it starts.")})
    duplicate = TrainingClass.objects.filter(congress_id=training_class.congress_id, name=training_class.name)
    if duplicate.exclude(pk=training_class.pk).exists():
        raise ValidationError({"name": _("Another training class has this name.")})
    training_class.save()
    return training_class


def training_attendance_add(
    *, training_class: TrainingClass, person: Person, completed: bool = True, note: str = ""
) -> TrainingAttendance:
    _same_congress(training_class.congress, person)
    if TrainingAttendance.objects.filter(training_class=training_class, person=person).exists():
        raise ValidationError({"person": _("This person already attends this class.")})
    return TrainingAttendance.objects.create(
        training_class=training_class, person=person, completed=completed, note=note.strip()
    )


# --- elections and candidates


def election_rule_errors(election: Election) -> dict[str, str]:
    errors: dict[str, str] = {}
    if election.seats is not None and election.seats < 1:
        errors["seats"] = _("An election has at least one seat.")
    if election.surplus_percent is not None and election.surplus_percent > MAX_SURPLUS_PERCENT:
        errors["surplus_percent"] = _("The surplus may be at most 30%.")
    if (
        election.seats
        and election.surplus_percent is not None
        and election.surplus_required
        and election.seats * election.surplus_percent // 100 < 1
    ):
        needed = -(-100 // election.seats)  # the smallest whole percentage that allows one extra name
        errors["surplus_percent"] = _(
            "With %(seats)d seats, a surplus of %(percent)d%% allows no extra name, yet the list must exceed the "
            "seats: allow at least %(needed)d%% (at most 30%%), or untick “the list must exceed the seats”."
        ) % {"seats": election.seats, "percent": election.surplus_percent, "needed": needed}
    if election.body == ElectionBody.STANDING and election.seats:
        executive = (
            Election.objects.filter(congress_id=election.congress_id, body=ElectionBody.EXECUTIVE)
            .exclude(pk=election.pk)
            .first()
        )
        if executive and election.seats * 3 > executive.seats:
            errors["seats"] = _(
                "The Standing Committee may have at most one third of the executive committee (%(max)d of %(exec)d)."
            ) % {"max": executive.seats // 3, "exec": executive.seats}
    duplicate = Election.objects.filter(congress_id=election.congress_id, body=election.body).exclude(pk=election.pk)
    if duplicate.exists():
        errors["body"] = _("This body already has an election in this congress.")
    return errors


def election_deadline_sync(*, election: Election) -> None:
    """The candidacy-dossier deadline of a congress election, for the reminders (congress.deadlines).

    Due 15 working days before the opening; the Personnel subcommittee answers for it; done once the
    list is locked. Plenary elections (no dossiers) and congresses without an opening date have none.
    """
    from django.conf import settings
    from django.utils import translation

    from congress.deadlines import deadline_remove, deadline_upsert
    from congress.models import DeadlineKind
    from subcommittees.models import Subcommittee, SubcommitteeKind

    due = candidacy_dossier_deadline(election.congress)
    if election.at_first_plenary or due is None:
        deadline_remove(source=election, key=DOSSIER_DEADLINE_KEY)
        return
    with translation.override(settings.LANGUAGE_CODE):  # titles are stored in the working language
        title = _("Candidacy dossiers from non-delegates due: %(body)s") % {"body": election.get_body_display()}
    deadline_upsert(
        source=election,
        key=DOSSIER_DEADLINE_KEY,
        congress=election.congress,
        kind=DeadlineKind.CANDIDACY_DOSSIER,
        title=title,
        due_date=due,
        done=election.is_locked,
        subcommittee=Subcommittee.objects.filter(
            congress_id=election.congress_id, kind=SubcommitteeKind.PERSONNEL
        ).first(),
        url=election.get_absolute_url(),
    )


def election_deadlines_sync(*, congress: Congress) -> None:
    """Re-sync every election's dossier deadline (call it when the opening date moves)."""
    for election in Election.objects.filter(congress=congress).select_related("congress"):
        election_deadline_sync(election=election)


DOSSIER_DEADLINE_KEY = "dossiers"


@transaction.atomic
def election_save(*, election: Election, counters: Iterable | None = None) -> Election:
    if election.pk:
        before = Election.objects.select_for_update().get(pk=election.pk)
        if before.is_locked and (
            before.seats != election.seats
            or before.surplus_percent != election.surplus_percent
            or before.surplus_required != election.surplus_required
            or before.body != election.body
        ):
            raise ValidationError(
                {"seats": _("The list is locked for printing: unlock it before changing the seats or the surplus.")}
            )
    errors = election_rule_errors(election)
    if errors:
        raise ValidationError(errors)
    election.save()
    if counters is not None:
        election_set_counters(election=election, users=counters)
    election_deadline_sync(election=election)
    return election


def election_set_counters(*, election: Election, users: Iterable) -> None:
    users = list(users)
    from congress.models import CongressRole

    allowed = set(
        CongressRole.objects.filter(congress_id=election.congress_id, role=Role.VOTE_COUNTING).values_list(
            "user_id", flat=True
        )
    )
    outside = [str(u) for u in users if u.pk not in allowed]
    if outside:
        raise ValidationError(
            {
                "counters": _("Not members of the vote-counting committee of this congress: %(names)s.")
                % {"names": ", ".join(outside)}
            }
        )
    election.counters.set(users)


def _unlocked(election: Election, field: str | None = None) -> None:
    if election.is_locked:
        message = _("The list is locked for printing; unlock it first (possible while no ballot has been entered).")
        raise ValidationError({field: message} if field else message)


@transaction.atomic
def candidate_add(
    *,
    election: Election,
    person: Person,
    source: str = CandidateSource.COMMITTEE,
    nominated_by: str = "",
    dossier_received_on: datetime.date | None = None,
    notes: str = "",
    by=None,
) -> Candidate:
    """Put a person on the list: an official member, once per election; a non-delegate's dossier on time."""
    election = Election.objects.select_for_update().select_related("congress").get(pk=election.pk)
    _unlocked(election, "person")
    _same_congress(election.congress, person)
    if person.status != MemberStatus.OFFICIAL:
        raise ValidationError(
            {
                "person": _("%(name)s is not an official party member (%(status)s) and cannot stand.")
                % {"name": person.full_name, "status": person.get_status_display()}
            }
        )
    if Candidate.objects.filter(election=election, person=person).exists():
        raise ValidationError({"person": _("This person is already a candidate in this election.")})
    nominated_by = nominated_by.strip()
    if source == CandidateSource.DELEGATES and not nominated_by:
        raise ValidationError({"nominated_by": _("Name the delegates who nominated this candidate.")})
    is_delegate = person.pk in delegate_person_ids(election.congress)
    if needs_dossier(election, source, is_delegate):
        deadline = candidacy_dossier_deadline(election.congress)
        if dossier_received_on is None:
            raise ValidationError(
                {
                    "dossier_received_on": _(
                        "%(name)s is not a delegate: a candidacy dossier is required (due %(deadline)s)."
                    )
                    % {"name": person.full_name, "deadline": _date(deadline)}
                }
            )
        if deadline and dossier_received_on > deadline:
            raise ValidationError(
                {
                    "dossier_received_on": _(
                        "Candidacy dossiers from non-delegates were due on %(deadline)s, 15 working days before "
                        "the opening; this one arrived on %(received)s and cannot be accepted."
                    )
                    % {"deadline": _date(deadline), "received": _date(dossier_received_on)}
                }
            )
    return Candidate.objects.create(
        election=election,
        person=person,
        source=source,
        nominated_by=nominated_by,
        dossier_received_on=dossier_received_on,
        notes=notes.strip(),
        added_by=by,
    )


@transaction.atomic
def candidate_remove(*, candidate: Candidate) -> None:
    election = Election.objects.select_for_update().get(pk=candidate.election_id)
    _unlocked(election)
    candidate.delete()


@transaction.atomic
def nomination_step_record(
    *, candidate: Candidate, step: int, held_on: datetime.date, voters: int, in_favour: int, note: str = ""
) -> NominationStep:
    """Record the vote of one of the five steps; a step follows the previous one, which must have passed."""
    election = Election.objects.select_for_update().get(pk=candidate.election_id)
    _unlocked(election, "step")
    errors: dict[str, str] = {}
    if candidate.source != CandidateSource.COMMITTEE:
        raise ValidationError({"step": _("The five steps apply to candidates introduced by the outgoing committee.")})
    if not 1 <= step <= 5:
        errors["step"] = _("There are five steps.")
    if voters is None or voters < 1:
        errors["voters"] = _("At least one person takes part in the vote.")
    elif in_favour is None or in_favour < 0 or in_favour > voters:
        errors["in_favour"] = _("The votes in favour (%(yes)s) cannot exceed the voters (%(voters)s).") % {
            "yes": in_favour,
            "voters": voters,
        }
    if errors:
        raise ValidationError(errors)
    steps = {s.step: s for s in candidate.steps.all()}
    if step > 1:
        previous = steps.get(step - 1)
        if previous is None:
            raise ValidationError({"step": _("Record step %(n)d first.") % {"n": step - 1}})
        if not previous.passed:
            raise ValidationError(
                {"step": _("Step %(n)d did not pass (not more than half in favour): the introduction stops there.")
                 % {"n": step - 1}}
            )  # fmt: skip
        if held_on < previous.held_on:
            raise ValidationError(
                {"held_on": _("Step %(n)d was held on %(date)s; this step cannot come before it.")
                 % {"n": step - 1, "date": _date(previous.held_on)}}
            )  # fmt: skip
    following = steps.get(step + 1)
    if following and held_on > following.held_on:
        raise ValidationError(
            {"held_on": _("Step %(n)d was held on %(date)s; this step cannot come after it.")
             % {"n": step + 1, "date": _date(following.held_on)}}
        )  # fmt: skip
    recorded, _created = NominationStep.objects.update_or_create(
        candidate=candidate,
        step=step,
        defaults={"held_on": held_on, "voters": voters, "in_favour": in_favour, "note": note.strip()},
    )
    if not recorded.passed:
        # A failed step ends the introduction: later steps recorded before the correction no longer stand.
        NominationStep.objects.filter(candidate=candidate, step__gt=step).delete()
    return recorded


@transaction.atomic
def withdrawal_request(*, candidate: Candidate, reason: str) -> Withdrawal:
    election = Election.objects.select_for_update().get(pk=candidate.election_id)
    _unlocked(election, "reason")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the withdrawal.")})
    if candidate.withdrawn or Withdrawal.objects.filter(candidate=candidate).exists():
        raise ValidationError({"reason": _("This candidate has already asked to withdraw.")})
    return Withdrawal.objects.create(candidate=candidate, reason=reason)


@transaction.atomic
def withdrawal_decide(*, withdrawal: Withdrawal, voters: int, in_favour: int, by=None) -> Withdrawal:
    """The congress votes on the request: accepted with more than half of the delegates voting in favour."""
    withdrawal = Withdrawal.objects.select_for_update().select_related("candidate").get(pk=withdrawal.pk)
    election = Election.objects.select_for_update().get(pk=withdrawal.candidate.election_id)
    _unlocked(election, "voters")
    if withdrawal.accepted is not None:
        raise ValidationError({"voters": _("The congress has already decided on this request.")})
    if voters is None or voters < 1:
        raise ValidationError({"voters": _("At least one delegate takes part in the vote.")})
    if in_favour is None or in_favour < 0 or in_favour > voters:
        raise ValidationError(
            {"in_favour": _("The votes in favour (%(yes)s) cannot exceed the voters (%(voters)s).")
             % {"yes": in_favour, "voters": voters}}
        )  # fmt: skip
    withdrawal.voters = voters
    withdrawal.in_favour = in_favour
    withdrawal.accepted = in_favour * 2 > voters
    withdrawal.decided_at = timezone.now()
    withdrawal.decided_by = by
    withdrawal.save()
    if withdrawal.accepted:
        Candidate.objects.filter(pk=withdrawal.candidate_id).update(withdrawn=True)
    return withdrawal


# --- locking the list, rounds


def _create_round(
    *, election: Election, number: int, kind: str, seats: int, candidates: list[Candidate], summoned: int, absent: int
) -> Round:
    round_ = Round.objects.create(
        election=election,
        number=number,
        kind=kind,
        seats=seats,
        summoned=summoned,
        absent_without_alternate=absent,
    )
    ordered = sorted(candidates, key=lambda c: (c.person.name_key, c.pk))
    RoundCandidate.objects.bulk_create(
        [RoundCandidate(round=round_, candidate=c, number=i) for i, c in enumerate(ordered, start=1)]
    )
    return round_


@transaction.atomic
def election_lock(*, election: Election, by=None) -> Round:
    """Check the list (surplus, eligibility, steps, withdrawals) and lock it for printing: round 1 is set."""
    election = Election.objects.select_for_update().select_related("congress").get(pk=election.pk)
    if election.is_locked:
        raise ValidationError(_("The list is already locked."))
    candidates = candidate_list(election)
    check = list_check(election, candidates)
    if not check.ok:
        raise ValidationError(check.problems)
    summoned, absent = summoned_defaults(election)
    round_ = _create_round(
        election=election,
        number=1,
        kind=RoundKind.FIRST,
        seats=election.seats,
        candidates=[c for c in candidates if not c.withdrawn],
        summoned=summoned,
        absent=absent,
    )
    election.list_locked_at = timezone.now()
    election.list_locked_by = by
    election.save(update_fields=["list_locked_at", "list_locked_by"])
    election_deadline_sync(election=election)
    return round_


@transaction.atomic
def election_unlock(*, election: Election) -> None:
    election = Election.objects.select_for_update().get(pk=election.pk)
    if not election.is_locked:
        raise ValidationError(_("The list is not locked."))
    rounds = list(election.rounds.all())
    if len(rounds) > 1 or Ballot.objects.filter(round__election=election).exists():
        raise ValidationError(_("Ballots have been entered: the list can no longer be unlocked."))
    for round_ in rounds:
        round_.entries.all().delete()
        round_.delete()
    election.list_locked_at = None
    election.list_locked_by = None
    election.save(update_fields=["list_locked_at", "list_locked_by"])
    election_deadline_sync(election=election)


def _lock_round(round_: Round) -> Round:
    return Round.objects.select_for_update().select_related("election", "election__congress").get(pk=round_.pk)


@transaction.atomic
def round_setup(
    *,
    round_: Round,
    summoned: int,
    absent_without_alternate: int,
    ballots_issued: int | None,
    ballots_collected: int | None,
) -> Round:
    """The numbers of the counting minutes: delegates summoned and absent, ballots issued and collected."""
    round_ = _lock_round(round_)
    if round_.is_counted:
        raise ValidationError(_("This round is counted; its numbers can no longer change."))
    errors: dict[str, str] = {}
    if summoned is None or summoned < 1:
        errors["summoned"] = _("At least one delegate is summoned.")
    elif absent_without_alternate is None or not 0 <= absent_without_alternate < summoned:
        errors["absent_without_alternate"] = _("Those absent must be fewer than those summoned.")
    if ballots_issued is not None and summoned and ballots_issued > summoned:
        errors["ballots_issued"] = _("More ballots issued (%(issued)d) than delegates summoned (%(summoned)d).") % {
            "issued": ballots_issued,
            "summoned": summoned,
        }
    if ballots_collected is not None:
        if ballots_issued is None:
            errors["ballots_issued"] = _("Enter the ballots issued before the ballots collected.")
        elif ballots_collected > ballots_issued:
            errors["ballots_collected"] = _(
                "More ballots collected (%(collected)d) than issued (%(issued)d): count the ballot box again."
            ) % {"collected": ballots_collected, "issued": ballots_issued}
        else:
            highest = round_.ballots.aggregate(m=Max("number"))["m"] or 0
            if highest > ballots_collected:
                errors["ballots_collected"] = _(
                    "Ballot %(n)d has already been entered: at least %(n)d ballots were collected."
                ) % {"n": highest}
    if errors:
        raise ValidationError(errors)
    round_.summoned = summoned
    round_.absent_without_alternate = absent_without_alternate
    round_.ballots_issued = ballots_issued
    round_.ballots_collected = ballots_collected
    round_.save()
    return round_


MAX_STRUCK = 1000  # more names than any ballot has: refuse before building a huge list


def parse_struck(text: str) -> list[int]:
    """The struck names' numbers as typed: "3 7 12", "3,7,12" or "3-5" (a range). ValidationError on junk."""
    numbers: list[int] = []
    for token in text.replace(",", " ").replace(";", " ").replace("+", " ").split():
        if "-" in token.strip("-") and token.count("-") == 1:
            low, high = token.split("-")
            if low.isdigit() and high.isdigit() and int(low) <= int(high):
                if int(high) - int(low) + len(numbers) >= MAX_STRUCK:
                    raise ValidationError({"struck": _("Too many numbers: a ballot has fewer names.")})
                numbers.extend(range(int(low), int(high) + 1))
                continue
        if not token.isdigit():
            raise ValidationError(
                {
                    "struck": _("“%(token)s” is not a number: type the numbers of the names struck out.")
                    % {"token": token}
                }
            )
        numbers.append(int(token))
        if len(numbers) > MAX_STRUCK:
            raise ValidationError({"struck": _("Too many numbers: a ballot has fewer names.")})
    return numbers


def check_struck(round_: Round, struck: list[int], field: str = "struck") -> list[int]:
    """The struck numbers, sorted, after checking them against the ballot of this round."""
    names = set(round_.entries.values_list("number", flat=True))
    if len(struck) > len(names):
        raise ValidationError(
            {
                field: _("%(n)d names struck out, but the ballot has only %(max)d.")
                % {"n": len(struck), "max": len(names)}
            }
        )
    unknown = sorted({n for n in struck if n not in names})
    if unknown:
        raise ValidationError(
            {
                field: _("No name has number %(numbers)s on this ballot (numbers 1 to %(max)d).")
                % {"numbers": ", ".join(str(n) for n in unknown), "max": len(names)}
            }
        )
    duplicates = sorted({n for n in struck if struck.count(n) > 1})
    if duplicates:
        raise ValidationError(
            {field: _("Number %(numbers)s was typed twice.") % {"numbers": ", ".join(str(n) for n in duplicates)}}
        )
    return sorted(struck)


ENTRY_FIRST = "first"
ENTRY_AGREED = "agreed"
ENTRY_MISMATCH = "mismatch"


@transaction.atomic
def ballot_enter(
    *, round_: Round, number: int, struck: list[int], written_in: bool = False, spoiled: bool = False, by
) -> tuple[Ballot, str]:
    """One counter's reading of one paper ballot. The second reading (by another counter) either agrees —
    the ballot counts — or differs, and the ballot is listed for a recount. Nothing is saved on a refusal."""
    round_ = _lock_round(round_)
    if not round_.election.counters.filter(pk=by.pk).exists():
        raise ValidationError(_("Only the members of the vote-counting committee of this election enter its ballots."))
    if round_.is_counted:
        raise ValidationError({"number": _("This round is already counted.")})
    if round_.ballots_collected is None:
        raise ValidationError({"number": _("Enter the numbers of ballots issued and collected first.")})
    if number is None or number < 1:
        raise ValidationError({"number": _("Ballot numbers start at 1.")})
    if number > round_.ballots_collected:
        raise ValidationError(
            {
                "number": _(
                    "There is no ballot %(n)d: %(collected)d ballots were collected (numbers 1 to %(collected)d)."
                )
                % {"n": number, "collected": round_.ballots_collected}
            }
        )
    struck = check_struck(round_, list(struck))
    ballot = Ballot.objects.filter(round=round_, number=number).first()
    if ballot is not None:
        readings = list(ballot.readings.all())
        if any(r.entered_by_id == by.pk for r in readings):
            raise ValidationError(
                {
                    "number": _("You have already entered ballot %(n)d; the second entry is another counter's.")
                    % {"n": number}
                }
            )
        if len(readings) >= 2:
            raise ValidationError({"number": _("Ballot %(n)d has already been entered twice.") % {"n": number}})
    content = {"struck": struck, "written_in": bool(written_in), "spoiled": bool(spoiled)}
    try:
        with transaction.atomic():
            if ballot is None:
                ballot = Ballot.objects.create(round=round_, number=number, status=BallotStatus.WAITING)
                BallotEntry.objects.create(ballot=ballot, slot=1, entered_by=by, **content)
                return ballot, ENTRY_FIRST
            first = ballot.readings.get(slot=1)
            second = BallotEntry.objects.create(ballot=ballot, slot=2, entered_by=by, **content)
    except IntegrityError:
        raise ValidationError({"number": _("Ballot %(n)d has already been entered twice.") % {"n": number}}) from None
    if first.content == second.content:
        ballot.status = BallotStatus.AGREED
        ballot.struck, ballot.written_in, ballot.spoiled = struck, bool(written_in), bool(spoiled)
        ballot.save()
        return ballot, ENTRY_AGREED
    ballot.status = BallotStatus.MISMATCH
    ballot.save(update_fields=["status"])
    return ballot, ENTRY_MISMATCH


@transaction.atomic
def ballot_resolve(
    *, ballot: Ballot, struck: list[int], written_in: bool = False, spoiled: bool = False, note: str, by
) -> Ballot:
    """After a recount of the paper ballot: its content as read by the counters together."""
    round_ = _lock_round(ballot.round)
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if not round_.election.counters.filter(pk=by.pk).exists():
        raise ValidationError(_("Only the members of the vote-counting committee of this election enter its ballots."))
    if round_.is_counted:
        raise ValidationError(_("This round is already counted."))
    if ballot.status != BallotStatus.MISMATCH:
        raise ValidationError(_("Only a ballot whose two entries differ is resolved by a recount."))
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Say who recounted the paper ballot and what it shows.")})
    ballot.struck = check_struck(round_, list(struck))
    ballot.written_in = bool(written_in)
    ballot.spoiled = bool(spoiled)
    ballot.status = BallotStatus.RESOLVED
    ballot.resolved_by = by
    ballot.resolved_at = timezone.now()
    ballot.resolution_note = note
    ballot.save()
    return ballot


def kept_names(ballot: Ballot, keys: dict[int, str]) -> set[str]:
    """The names a paper ballot kept (every name not struck), with a marker for written-in names or spoiling."""
    struck = set(ballot.struck)
    kept = {key for number, key in keys.items() if number not in struck}
    if ballot.written_in:
        kept.add(WRITTEN_IN)
    if ballot.spoiled:
        kept.add(SPOILED)
    return kept


@transaction.atomic
def round_count(*, round_: Round, by=None) -> Round:
    """Every collected ballot entered twice and agreed (or resolved): the tally gives the result."""
    round_ = _lock_round(round_)
    if round_.is_counted:
        raise ValidationError(_("This round is already counted."))
    progress = counting_progress(round_)
    if not progress.complete:
        problems = []
        if progress.expected is None:
            problems.append(_("Enter the numbers of ballots issued and collected first."))
        if progress.missing:
            problems.append(_("Ballots not entered yet: %(numbers)s.") % {"numbers": _short_list(progress.missing)})
        if progress.waiting:
            problems.append(_("%(n)d ballots entered only once: they need the second entry.") % {"n": progress.waiting})
        if progress.mismatched:
            problems.append(_("%(n)d ballots with differing entries: recount them.") % {"n": progress.mismatched})
        raise ValidationError(problems)
    names = list(round_.entries.select_related("candidate"))
    keys = {n.number: f"c{n.candidate_id}" for n in names}
    ballots = [kept_names(b, keys) for b in round_.ballots.filter(status__in=FINAL_BALLOT_STATUSES)]
    result = tally(
        seats=round_.seats,
        candidates=list(keys.values()),
        ballots=ballots,
        summoned=round_.summoned,
        absent_without_alternate=round_.absent_without_alternate,
    )
    elected, tied = set(result.elected), set(result.tied)
    for name in names:
        key = keys[name.number]
        name.votes = result.votes[key]
        name.outcome = Outcome.ELECTED if key in elected else Outcome.TIED if key in tied else Outcome.NOT_ELECTED
    RoundCandidate.objects.bulk_update(names, ["votes", "outcome"])
    round_.valid = result.valid
    round_.invalid = result.invalid
    round_.threshold = result.threshold
    round_.unfilled = result.unfilled
    round_.status = RoundStatus.COUNTED
    round_.counted_at = timezone.now()
    round_.counted_by = by
    round_.save()
    return round_


def _short_list(numbers: list[int], limit: int = 15) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (" …" if len(numbers) > limit else "")


@transaction.atomic
def round_publish(*, round_: Round) -> Round:
    round_ = _lock_round(round_)
    if not round_.is_counted:
        raise ValidationError(_("Only a counted round can be published."))
    if round_.published_at is None:
        round_.published_at = timezone.now()
        round_.save(update_fields=["published_at"])
    return round_


def seats_remaining(election: Election) -> int:
    return election.seats - elected_count(election)


@transaction.atomic
def round_open_next(*, election: Election, candidates: list[Candidate] | None = None) -> Round:
    """A new round: among the tied candidates (automatic), or for unfilled seats (the congress chooses the list)."""
    election = Election.objects.select_for_update().select_related("congress").get(pk=election.pk)
    last = election.rounds.order_by("-number").first()
    if last is None:
        raise ValidationError(_("Lock the list first: it sets the first round."))
    if not last.is_counted:
        raise ValidationError(_("Round %(n)d is not counted yet.") % {"n": last.number})
    remaining = seats_remaining(election)
    if remaining < 1:
        raise ValidationError(_("Every seat is filled: there is no further round."))
    tied = list(
        Candidate.objects.filter(round_entries__round=last, round_entries__outcome=Outcome.TIED).select_related(
            "person"
        )
    )
    if tied:
        kind, names = RoundKind.TIE, tied
        if candidates:
            raise ValidationError(
                {"candidates": _("A new round after a tie is among the tied candidates only; the list is set.")}
            )
    else:
        kind = RoundKind.UNFILLED
        names = list(candidates or [])
        elected_ids = set(
            RoundCandidate.objects.filter(round__election=election, outcome=Outcome.ELECTED).values_list(
                "candidate_id", flat=True
            )
        )
        wrong = [c for c in names if c.election_id != election.pk or c.withdrawn or c.pk in elected_ids]
        if wrong:
            raise ValidationError(
                {
                    "candidates": _(
                        "Not eligible for this round (elected, withdrawn or of another election): %(names)s."
                    )
                    % {"names": ", ".join(str(c) for c in wrong)}
                }
            )
        problem = surplus_problem(
            count=len(names), seats=remaining, surplus_percent=election.surplus_percent, surplus_required=False
        )
        if problem:
            raise ValidationError({"candidates": problem})
    return _create_round(
        election=election,
        number=last.number + 1,
        kind=kind,
        seats=remaining,
        candidates=names,
        summoned=last.summoned,
        absent=last.absent_without_alternate,
    )


def endorsement_record(*, election: Election, status: str, reference: str = "", date: datetime.date | None = None):
    from personnel.election_models import EndorsementStatus

    if status not in EndorsementStatus.values:
        raise ValidationError({"endorsement_status": _("Choose a status.")})
    if status != EndorsementStatus.NOT_SUBMITTED and not election.rounds.filter(status=RoundStatus.COUNTED).exists():
        raise ValidationError({"endorsement_status": _("Nothing has been elected yet: count a round first.")})
    if status in (EndorsementStatus.ENDORSED, EndorsementStatus.REFUSED) and date is None:
        raise ValidationError({"endorsement_date": _("Give the date of the upper level's decision.")})
    election.endorsement_status = status
    election.endorsement_reference = reference.strip()
    election.endorsement_date = date
    election.save(update_fields=["endorsement_status", "endorsement_reference", "endorsement_date"])
    return election
