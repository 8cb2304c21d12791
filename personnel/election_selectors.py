"""Reads for the personnel plan, the planning pool, nominations and elections — and who may see them.

Access (the single security check of every election view):
- the plan, the pool, nominations and candidate lists are confidential: the secretariat and the
  Personnel subcommittee see them; the secretariat and the subcommittee's head, deputies and
  secretary change them;
- the vote-counting committee members named on an election enter its ballots and see its
  counting pages;
- a round's results are visible to the above before publication, and to everyone with a standing
  in the congress after; outsiders get 404 everywhere.

Hooks for other apps: `last_published_result(congress)` (the hall screen) and
`candidacy_dossier_deadline(congress)` (reminders).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.access import congress_view
from congress.models import Congress, Role
from congress.permissions import Access
from congress.services import DOSSIER_WORKING_DAYS
from congress.vietnamese import fold
from congress.workdays import working_days_before
from personnel.election_models import (
    FINAL_BALLOT_STATUSES,
    PARENT_BODY,
    Ballot,
    BallotStatus,
    Candidate,
    CandidateSource,
    Election,
    ElectionBody,
    NominationStepKind,
    Outcome,
    PersonnelPlan,
    PoolEntry,
    Round,
    RoundCandidate,
    StructureTarget,
    TargetBody,
    TargetCriterion,
    TrainingClass,
)
from personnel.models import Delegate, Gender, MemberStatus, Person

# --- access


@dataclass(frozen=True)
class ElectionAccess:
    access: Access
    user_id: int | None
    can_view_personnel: bool = False  # plan, pool, nominations, candidate lists
    can_manage_personnel: bool = False
    counted_elections: frozenset[int] = frozenset()  # elections whose ballots this user enters

    @property
    def is_member(self) -> bool:
        return self.access.is_member_of_congress

    @property
    def is_counter(self) -> bool:
        return bool(self.counted_elections)

    def can_count(self, election_id: int) -> bool:
        return election_id in self.counted_elections

    def can_view_counting(self, election_id: int) -> bool:
        return self.can_view_personnel or self.can_count(election_id)

    def can_view_results(self, round_: Round) -> bool:
        return round_.is_published or self.can_view_counting(round_.election_id)


def election_access(access: Access, congress: Congress, user) -> ElectionAccess:
    """At most two queries: the Personnel subcommittee role (members only), the elections counted (counters only)."""
    from personnel.permissions import personnel_access

    pa = personnel_access(access, congress)
    counted: frozenset[int] = frozenset()
    if Role.VOTE_COUNTING in access.roles:
        counted = frozenset(Election.objects.filter(congress=congress, counters=user).values_list("pk", flat=True))
    return ElectionAccess(
        access=access,
        user_id=getattr(user, "pk", None),
        can_view_personnel=pa.can_view_people,
        can_manage_personnel=pa.can_edit_people,
        counted_elections=counted,
    )


def election_access_for_request(request) -> ElectionAccess:
    cached = getattr(request, "election_access", None)
    if cached is None:
        cached = request.election_access = election_access(request.access, request.congress, request.user)
    return cached


MESSAGES = {
    "can_view_personnel": gettext_lazy(
        "The personnel plan, the planning pool and the candidate lists are for the secretariat and the "
        "Personnel subcommittee only."
    ),
    "can_manage_personnel": gettext_lazy(
        "Only the secretariat and the Personnel subcommittee's head, deputies and secretary can change this."
    ),
    "count": gettext_lazy("Only the members of the vote-counting committee of this election enter its ballots."),
}


def require(ea: ElectionAccess, right: str) -> None:
    if not getattr(ea, right):
        raise PermissionDenied(MESSAGES[right])


def election_view(right: str | None = None):
    """Decorate a view taking (request, congress, ea, **kwargs): login, 404 for outsiders, 403 without `right`."""

    def decorator(view):
        @congress_view(workspace=False)
        @wraps(view)
        def wrapper(request, congress: Congress, access: Access, *args, **kwargs):
            ea = election_access_for_request(request)
            if right:
                require(ea, right)
            return view(request, congress, ea, *args, **kwargs)

        return wrapper

    return decorator


def get_election_for_user(
    ea: ElectionAccess, congress: Congress, pk: int, *, write: bool = False, counting: bool = False
) -> Election:
    """`counting`: the counting pages (counters of this election may see them; only they write)."""
    try:
        election = Election.objects.select_related("congress").get(congress=congress, pk=pk)
    except Election.DoesNotExist:
        raise Http404(_("No such election.")) from None
    if counting:
        if not ea.can_view_counting(election.pk):
            raise PermissionDenied(MESSAGES["count"])
        if write and not ea.can_count(election.pk):
            raise PermissionDenied(MESSAGES["count"])
        return election
    require(ea, "can_view_personnel")
    if write:
        require(ea, "can_manage_personnel")
    return election


def get_candidate_for_user(ea: ElectionAccess, congress: Congress, pk: int, *, write: bool = False) -> Candidate:
    require(ea, "can_view_personnel")
    try:
        candidate = Candidate.objects.select_related(
            "election", "election__congress", "person", "person__organization"
        ).get(election__congress=congress, pk=pk)
    except Candidate.DoesNotExist:
        raise Http404(_("No such candidate.")) from None
    if write:
        require(ea, "can_manage_personnel")
    return candidate


ROUND_PURPOSES = ("results", "count", "setup", "manage")


def get_round_for_user(
    ea: ElectionAccess, congress: Congress, pk: int, *, purpose: str = "results", write: bool = False
) -> Round:
    """`results`: published, or the counting/personnel people; `count`: counters (write: enter ballots);
    `setup`: the numbers of the minutes (write: counters or managers); `manage`: the personnel people
    (write: managers)."""
    assert purpose in ROUND_PURPOSES
    try:
        round_ = Round.objects.select_related("election", "election__congress").get(election__congress=congress, pk=pk)
    except Round.DoesNotExist:
        raise Http404(_("No such round.")) from None
    if purpose == "results":
        if not ea.can_view_results(round_):
            raise PermissionDenied(_("The results of this round are not published yet."))
    elif purpose == "count":
        get_election_for_user(ea, congress, round_.election_id, write=write, counting=True)
    elif purpose == "setup":
        get_election_for_user(ea, congress, round_.election_id, counting=True)
        if write and not (ea.can_count(round_.election_id) or ea.can_manage_personnel):
            raise PermissionDenied(MESSAGES["can_manage_personnel"])
    else:
        require(ea, "can_manage_personnel" if write else "can_view_personnel")
    return round_


def get_target_for_user(ea: ElectionAccess, congress: Congress, pk: int) -> StructureTarget:
    require(ea, "can_view_personnel")
    try:
        target = StructureTarget.objects.get(plan__congress=congress, pk=pk)
    except StructureTarget.DoesNotExist:
        raise Http404(_("No such target.")) from None
    require(ea, "can_manage_personnel")
    return target


def get_pool_entry_for_user(ea: ElectionAccess, congress: Congress, pk: int) -> PoolEntry:
    require(ea, "can_view_personnel")
    try:
        entry = PoolEntry.objects.select_related("person").get(congress=congress, pk=pk)
    except PoolEntry.DoesNotExist:
        raise Http404(_("No such pool entry.")) from None
    require(ea, "can_manage_personnel")
    return entry


def get_training_class_for_user(ea: ElectionAccess, congress: Congress, pk: int, *, write: bool = False):
    require(ea, "can_view_personnel")
    try:
        training_class = TrainingClass.objects.get(congress=congress, pk=pk)
    except TrainingClass.DoesNotExist:
        raise Http404(_("No such training class.")) from None
    if write:
        require(ea, "can_manage_personnel")
    return training_class


# --- people: ages and limits


def effective_birth_date(person: Person) -> datetime.date:
    """The date of birth, or 1 January of the year of birth when only the year is known."""
    return person.birth_date or datetime.date(person.birth_year, 1, 1)


def age_at(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_renominated(person: Person) -> bool:
    """Re-nominated (tái cử): a member of the outgoing executive committee."""
    return person.is_executive_member


def age_limit_for(plan: PersonnelPlan, person: Person) -> datetime.date:
    female = person.gender == Gender.FEMALE
    if is_renominated(person):
        return plan.renominated_female_born_from if female else plan.renominated_male_born_from
    return plan.first_time_female_born_from if female else plan.first_time_male_born_from


def age_limit_breach(plan: PersonnelPlan, person: Person) -> datetime.date | None:
    """The limit (born on or after) this person breaks, or None."""
    limit = age_limit_for(plan, person)
    return limit if effective_birth_date(person) < limit else None


def default_plan(congress: Congress) -> PersonnelPlan:
    reference = (
        congress.opening_date.replace(day=1) if congress.opening_date else datetime.date(congress.term_start, 6, 1)
    )
    return PersonnelPlan(
        congress=congress,
        executive_size=congress.executive_committee_size,
        standing_size=congress.standing_committee_size,
        reference_date=reference,
    )


def plan_for(congress: Congress) -> PersonnelPlan:
    """The congress's plan, or an unsaved default from the congress settings."""
    try:
        return PersonnelPlan.objects.get(congress=congress)
    except PersonnelPlan.DoesNotExist:
        return default_plan(congress)


# --- structure targets


def meets_criterion(target: StructureTarget, person: Person, reference: datetime.date) -> bool:
    if target.criterion == TargetCriterion.FEMALE:
        return person.gender == Gender.FEMALE
    if target.criterion == TargetCriterion.UNDER_AGE:
        return age_at(effective_birth_date(person), reference) < (target.age_below or 0)
    if target.criterion == TargetCriterion.ETHNIC_MINORITY:
        return fold(person.ethnicity or "kinh") != "kinh"
    if target.criterion == TargetCriterion.SECTOR:
        return fold(person.sector) == fold(target.sector)
    return False


@dataclass(frozen=True)
class TargetResult:
    count: int
    total: int

    @property
    def percent(self) -> Decimal | None:
        return percent(self.count, self.total) if self.total else None


@dataclass(frozen=True)
class TargetCheck:
    target: StructureTarget
    on_list: TargetResult | None  # None: no candidate list for the body yet
    elected: TargetResult | None  # None: nobody elected yet

    def met(self, result: TargetResult | None) -> bool | None:
        if result is None or not result.total:
            return None
        target = self.target
        share_ok = target.min_percent is None or result.count * 100 >= target.min_percent * result.total
        count_ok = target.min_count is None or result.count >= target.min_count
        return share_ok and count_ok

    @property
    def met_on_list(self) -> bool | None:
        return self.met(self.on_list)

    @property
    def met_elected(self) -> bool | None:
        return self.met(self.elected)


def evaluate_target(
    target: StructureTarget, people: list[Person] | None, reference: datetime.date
) -> TargetResult | None:
    if people is None:
        return None
    return TargetResult(count=sum(meets_criterion(target, p, reference) for p in people), total=len(people))


@dataclass
class PlanView:
    plan: PersonnelPlan
    checks: list[TargetCheck]
    lists: dict[str, list[Candidate] | None]  # body → active candidates (None: no election yet)
    elected: dict[str, list[Person] | None]
    age_flags: list[tuple[Candidate, datetime.date]]  # (candidate, the limit broken)


BODY_ELECTION = {TargetBody.EXECUTIVE: ElectionBody.EXECUTIVE, TargetBody.STANDING: ElectionBody.STANDING}


def active_candidates(election: Election) -> QuerySet[Candidate]:
    return election.candidates.filter(withdrawn=False).select_related("person", "person__organization")


def plan_overview(congress: Congress) -> PlanView:
    """Each target met / not met for the current candidate lists (and the elected), with age flags."""
    plan = plan_for(congress)
    elections = {e.body: e for e in Election.objects.filter(congress=congress, body__in=list(BODY_ELECTION.values()))}
    lists: dict[str, list[Candidate] | None] = {}
    elected: dict[str, list[Person] | None] = {}
    for body, election_body in BODY_ELECTION.items():
        election = elections.get(election_body)
        lists[body] = list(active_candidates(election)) if election else None
        people = elected_people(election) if election else []
        elected[body] = people or None
    targets = list(plan.targets.all()) if plan.pk else []
    checks = [
        TargetCheck(
            target=t,
            on_list=evaluate_target(
                t, [c.person for c in lists[t.body]] if lists[t.body] is not None else None, plan.reference_date
            ),
            elected=evaluate_target(t, elected[t.body], plan.reference_date),
        )
        for t in targets
    ]
    flags = []
    seen = set()
    for body in BODY_ELECTION:
        for candidate in lists[body] or []:
            limit = age_limit_breach(plan, candidate.person)
            if limit and candidate.person_id not in seen:
                seen.add(candidate.person_id)
                flags.append((candidate, limit))
    return PlanView(plan=plan, checks=checks, lists=lists, elected=elected, age_flags=flags)


# --- nominations and the candidate list


def candidacy_dossier_deadline(congress: Congress) -> datetime.date | None:
    """Hook for reminders: non-delegates' candidacy dossiers are due 15 working days before the opening."""
    if not congress.opening_date:
        return None
    return working_days_before(congress.opening_date, DOSSIER_WORKING_DAYS)


def delegate_person_ids(congress: Congress) -> set[int]:
    return set(Delegate.objects.filter(congress=congress).values_list("person_id", flat=True))


def needs_dossier(election: Election, candidate_source: str, is_delegate: bool) -> bool:
    """Self-nominations and delegates' nominations of non-delegates for a congress election."""
    return (
        not election.at_first_plenary
        and candidate_source in (CandidateSource.SELF, CandidateSource.DELEGATES)
        and not is_delegate
    )


def candidate_list(election: Election) -> list[Candidate]:
    """All candidates (withdrawn included) with their steps and withdrawal, in ballot order."""
    return list(
        election.candidates.select_related("person", "person__organization", "withdrawal")
        .prefetch_related("steps")
        .order_by("person__name_key", "id")
    )


def steps_passed(candidate: Candidate) -> bool:
    steps = {s.step: s for s in candidate.steps.all()}
    return all(step in steps and steps[step].passed for step in NominationStepKind.values)


def failed_step(candidate: Candidate):
    for step in sorted(candidate.steps.all(), key=lambda s: s.step):
        if not step.passed:
            return step
    return None


def pending_withdrawal(candidate: Candidate) -> bool:
    withdrawal = getattr(candidate, "withdrawal", None)
    return withdrawal is not None and withdrawal.accepted is None


def elected_people(election: Election) -> list[Person]:
    """People elected in any counted round of an election, by round then votes."""
    rows = (
        RoundCandidate.objects.filter(round__election=election, outcome=Outcome.ELECTED)
        .select_related("candidate__person", "candidate__person__organization")
        .order_by("round__number", "-votes", "number")
    )
    return [row.candidate.person for row in rows]


def elected_count(election: Election) -> int:
    return RoundCandidate.objects.filter(round__election=election, outcome=Outcome.ELECTED).count()


@dataclass
class ListCheck:
    count: int
    seats: int
    minimum: int
    maximum: int
    problems: list[str] = field(default_factory=list)

    @property
    def within_limits(self) -> bool:
        return self.minimum <= self.count <= self.maximum

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def surplus(self) -> int:
        return self.count - self.seats

    @property
    def surplus_percent(self) -> Decimal:
        return percent(self.count - self.seats, self.seats)


def surplus_problem(*, count: int, seats: int, surplus_percent: int, surplus_required: bool) -> str | None:
    """Why a list of `count` names does not fit the seats and the allowed surplus, or None."""
    maximum = seats + seats * surplus_percent // 100
    minimum = seats + 1 if surplus_required else seats
    if count < minimum:
        if surplus_required:
            return _(
                "The list has %(count)d names for %(seats)d seats: it must exceed the seats (at least %(min)d names)."
            ) % {"count": count, "seats": seats, "min": minimum}
        return _("The list has %(count)d names for %(seats)d seats: there must be at least as many names as seats.") % {
            "count": count,
            "seats": seats,
        }
    if count > maximum:
        return _(
            "The list has %(count)d names for %(seats)d seats: a surplus of %(surplus)d, more than the %(percent)d%% "
            "allowed (at most %(max)d names)."
        ) % {"count": count, "seats": seats, "surplus": count - seats, "percent": surplus_percent, "max": maximum}
    return None


def list_check(election: Election, candidates: list[Candidate] | None = None) -> ListCheck:
    """Everything that keeps the candidate list from being locked for printing (nothing: it may be)."""
    if candidates is None:
        candidates = candidate_list(election)
    active = [c for c in candidates if not c.withdrawn]
    check = ListCheck(
        count=len(active), seats=election.seats, minimum=election.min_candidates, maximum=election.max_candidates
    )
    problem = surplus_problem(
        count=len(active),
        seats=election.seats,
        surplus_percent=election.surplus_percent,
        surplus_required=election.surplus_required,
    )
    if problem:
        check.problems.append(problem)
    for candidate in active:
        name = candidate.person.full_name
        if candidate.person.status != MemberStatus.OFFICIAL:
            check.problems.append(
                _("%(name)s is not an official party member (%(status)s) and cannot stand.")
                % {"name": name, "status": candidate.person.get_status_display()}
            )
        if candidate.source == CandidateSource.COMMITTEE and not steps_passed(candidate):
            step = failed_step(candidate)
            if step:
                check.problems.append(
                    _("%(name)s did not pass step %(step)d (%(yes)d of %(voters)d in favour).")
                    % {"name": name, "step": step.step, "yes": step.in_favour, "voters": step.voters}
                )
            else:
                check.problems.append(
                    _("%(name)s has not been through the five steps of introduction yet.") % {"name": name}
                )
        if pending_withdrawal(candidate):
            check.problems.append(_("%(name)s asked to withdraw: the congress must vote on it first.") % {"name": name})
    parent_body = PARENT_BODY.get(election.body)
    if parent_body:
        parent = Election.objects.filter(congress_id=election.congress_id, body=parent_body).first()
        parent_label = ElectionBody(parent_body).label
        if parent is None or not elected_count(parent):
            check.problems.append(
                _("Candidates are elected from the new %(body)s, which has not been elected yet.")
                % {"body": parent_label}
            )
        else:
            members = {p.pk for p in elected_people(parent)}
            for candidate in active:
                if candidate.person_id not in members:
                    check.problems.append(
                        _("%(name)s is not a member of the new %(body)s.")
                        % {"name": candidate.person.full_name, "body": parent_label}
                    )
    return check


def summoned_defaults(election: Election) -> tuple[int, int]:
    """(summoned, absent without alternate) for a new round: the delegates, or the new committee at a plenary."""
    if election.at_first_plenary:
        executive = Election.objects.filter(congress_id=election.congress_id, body=ElectionBody.EXECUTIVE).first()
        members = elected_count(executive) if executive else 0
        return (members or election.congress.executive_committee_size), 0
    from personnel.selectors import absent_without_alternate_count, summoned_count

    summoned = summoned_count(election.congress)
    if not summoned:
        return election.congress.max_delegates, 0
    return summoned, min(absent_without_alternate_count(election.congress), summoned - 1)


# --- counting


@dataclass
class CountingProgress:
    expected: int | None  # ballots collected (None: not entered yet)
    agreed: int = 0
    resolved: int = 0
    mismatched: int = 0
    waiting: int = 0
    extra: list[int] = field(default_factory=list)  # numbers above the ballots collected
    missing: list[int] = field(default_factory=list)  # numbers not entered at all

    @property
    def final(self) -> int:
        return self.agreed + self.resolved

    @property
    def complete(self) -> bool:
        return (
            self.expected is not None
            and self.final == self.expected
            and not self.mismatched
            and not self.waiting
            and not self.extra
            and not self.missing
        )


def counting_progress(round_: Round) -> CountingProgress:
    progress = CountingProgress(expected=round_.ballots_collected)
    numbers = set()
    for number, status in round_.ballots.values_list("number", "status"):
        numbers.add(number)
        if status == BallotStatus.AGREED:
            progress.agreed += 1
        elif status == BallotStatus.RESOLVED:
            progress.resolved += 1
        elif status == BallotStatus.MISMATCH:
            progress.mismatched += 1
        else:
            progress.waiting += 1
        if round_.ballots_collected is not None and number > round_.ballots_collected:
            progress.extra.append(number)
    if round_.ballots_collected is not None:
        progress.missing = [n for n in range(1, round_.ballots_collected + 1) if n not in numbers]
    progress.extra.sort()
    return progress


def round_names(round_: Round) -> list[RoundCandidate]:
    return list(
        round_.entries.select_related("candidate__person", "candidate__person__organization").order_by("number")
    )


def ballots_to_check(round_: Round) -> QuerySet[Ballot]:
    """Ballots with differing entries, or entered only once, with both readings."""
    return (
        round_.ballots.exclude(status__in=FINAL_BALLOT_STATUSES)
        .prefetch_related(Prefetch("readings", to_attr="reading_list"))
        .order_by("number")
    )


def my_recent_entries(round_: Round, user, limit: int = 10):
    from personnel.election_models import BallotEntry

    return list(
        BallotEntry.objects.filter(ballot__round=round_, entered_by=user)
        .select_related("ballot")
        .order_by("-entered_at", "-id")[:limit]
    )


# --- results


def percent(part: int, whole: int) -> Decimal:
    """A percentage with two decimals, rounded half up (never a float)."""
    if not whole:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ResultRow:
    number: int
    name: str
    person_id: int
    votes: int
    percent_of_base: Decimal
    percent_of_valid: Decimal
    outcome: str
    outcome_label: str

    @property
    def elected(self) -> bool:
        return self.outcome == Outcome.ELECTED


@dataclass
class RoundResult:
    round: Round
    rows: list[ResultRow]  # by votes, highest first; ballot order among equals

    @property
    def elected(self) -> list[ResultRow]:
        return [r for r in self.rows if r.outcome == Outcome.ELECTED]

    @property
    def tied(self) -> list[ResultRow]:
        return [r for r in self.rows if r.outcome == Outcome.TIED]


def round_result(round_: Round, names: list[RoundCandidate] | None = None) -> RoundResult:
    """The rows by votes. Without `names`, the five columns a row needs are read as plain values, not
    four model instances a name on the ballot (README, "Performance")."""
    if names is None:
        values = round_.entries.order_by("number").values_list(
            "number", "candidate__person__full_name", "candidate__person_id", "votes", "outcome"
        )
    else:
        values = [(n.number, n.candidate.person.full_name, n.candidate.person_id, n.votes, n.outcome) for n in names]
    valid = round_.valid or 0
    base = round_.base
    labels = {value: str(label) for value, label in Outcome.choices}  # get_outcome_display()
    rows = [
        ResultRow(
            number=number,
            name=name,
            person_id=person_id,
            votes=votes or 0,
            percent_of_base=percent(votes or 0, base),
            percent_of_valid=percent(votes or 0, valid),
            outcome=outcome,
            outcome_label=labels.get(outcome, outcome) if outcome else "",
        )
        for number, name, person_id, votes, outcome in values
    ]
    rows.sort(key=lambda r: (-r.votes, r.number))
    return RoundResult(round=round_, rows=rows)


@dataclass(frozen=True)
class Bar:
    row: ResultRow
    y: int
    width: int  # in SVG units (whole numbers: no decimal comma in Vietnamese pages)


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    plot_width: int
    row_height: int
    bars: list[Bar]
    threshold_x: int
    threshold: int
    maximum: int

    @property
    def bars_svg(self) -> str:
        """The bars as SVG, written in Python (personnel/charts.py)."""
        from personnel.charts import result_bars_svg

        return result_bars_svg(self)


def result_chart(result: RoundResult) -> Chart:
    """Geometry of the server-rendered SVG bar chart (votes per candidate, the threshold line)."""
    label_width, plot_width, row_height, top = 240, 560, 22, 24
    maximum = max([result.round.base] + [r.votes for r in result.rows])
    scale = plot_width / maximum if maximum else 0
    bars = [
        Bar(row=row, y=top + index * row_height, width=round(row.votes * scale))
        for index, row in enumerate(result.rows)
    ]
    threshold = result.round.threshold or 0
    return Chart(
        width=label_width + plot_width + 60,
        height=top + len(bars) * row_height + 10,
        label_width=label_width,
        plot_width=plot_width,
        row_height=row_height,
        bars=bars,
        threshold_x=round(label_width + threshold * scale),
        threshold=threshold,
        maximum=maximum,
    )


def visible_rounds(ea: ElectionAccess, congress: Congress) -> list[Round]:
    """Counted rounds the user may see the results of, newest first."""
    rounds = Round.objects.filter(election__congress=congress, status="counted").select_related("election")
    return [r for r in rounds.order_by("-counted_at", "-id") if ea.can_view_results(r)]


def last_published_result(congress: Congress) -> RoundResult | None:
    """Hook for the congress hall screen: the most recently published round, with its results."""
    round_ = (
        Round.objects.filter(election__congress=congress, published_at__isnull=False)
        .select_related("election", "election__congress")
        .order_by("-published_at", "-id")
        .first()
    )
    return round_result(round_) if round_ else None
