"""Views of the personnel plan, the planning pool, nominations, ballots, counting and results.

Every view goes through `election_view(right)` (login, 404 for outsiders, 403 without the right)
and the object helpers of personnel/election_selectors.py; writes go through election_services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.models import Congress
from congress.printing import PartyHeader, docx_bytes, header_for, new_party_docx, render_pdf
from congress.views import apply_service, form_response
from personnel.charts import result_rows_html
from personnel.election_forms import (
    AttendanceForm,
    BallotEntryForm,
    CandidateForm,
    ElectionForm,
    EndorsementForm,
    NextRoundForm,
    PlanForm,
    PoolEntryForm,
    ResolveForm,
    RoundSetupForm,
    StepForm,
    TargetForm,
    TrainingClassForm,
    WithdrawalDecisionForm,
    WithdrawalRequestForm,
)
from personnel.election_models import (
    Ballot,
    BallotStatus,
    Candidate,
    Election,
    ElectionBody,
    NominationStepKind,
    Outcome,
    PoolEntry,
    PoolPosition,
    Round,
    RoundCandidate,
    StructureTarget,
    TrainingAttendance,
    TrainingClass,
    Withdrawal,
)
from personnel.election_selectors import (
    ElectionAccess,
    ballots_to_check,
    candidacy_dossier_deadline,
    candidate_list,
    counting_progress,
    delegate_person_ids,
    election_view,
    get_candidate_for_user,
    get_election_for_user,
    get_pool_entry_for_user,
    get_round_for_user,
    get_target_for_user,
    get_training_class_for_user,
    list_check,
    my_recent_entries,
    needs_dossier,
    plan_for,
    plan_overview,
    require,
    result_chart,
    round_names,
    round_result,
    steps_passed,
    visible_rounds,
)
from personnel.election_services import (
    ENTRY_AGREED,
    ENTRY_FIRST,
    ballot_enter,
    ballot_resolve,
    candidate_add,
    candidate_remove,
    election_lock,
    election_save,
    election_unlock,
    endorsement_record,
    nomination_step_record,
    plan_save,
    pool_entry_add,
    pool_entry_remove,
    round_count,
    round_open_next,
    round_publish,
    round_setup,
    seats_remaining,
    target_delete,
    target_save,
    training_attendance_add,
    training_class_save,
    withdrawal_decide,
    withdrawal_request,
)
from personnel.selectors import people_search

PAGE_SIZE = 50
BALLOT_ONE_COLUMN_MAX = 24
# The pool in the order of the positions (secretary first), not alphabetically by code.
POSITION_RANK = Case(
    *[When(position=value, then=Value(rank)) for rank, value in enumerate(PoolPosition.values)],
    output_field=IntegerField(),
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
T = "personnel/elections/"


def _file_response(data: bytes, content_type: str, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _errors_to_messages(request: HttpRequest, error) -> None:
    for message in getattr(error, "messages", [str(error)]):
        messages.error(request, message)


# --- overview


@election_view()
def election_index(request: HttpRequest, congress: Congress, ea: ElectionAccess) -> HttpResponse:
    elections = []
    if ea.can_view_personnel or ea.is_counter:
        qs = (
            Election.objects.filter(congress=congress)
            .select_related("congress")
            .annotate(candidate_count=Count("candidates", filter=Q(candidates__withdrawn=False), distinct=True))
        )
        if not ea.can_view_personnel:
            qs = qs.filter(pk__in=ea.counted_elections)
        elections = list(qs.prefetch_related(Prefetch("rounds", queryset=Round.objects.order_by("number"))))
    context = {
        "ea": ea,
        "elections": elections,
        "results": visible_rounds(ea, congress),
        "deadline": candidacy_dossier_deadline(congress),
        "bodies_left": [b for b in ElectionBody if b not in {e.body for e in elections}],
    }
    return render(request, T + "index.html", context)


@election_view("can_view_personnel")
def person_suggestions(request: HttpRequest, congress: Congress, ea: ElectionAccess) -> HttpResponse:
    """Suggestions for the party-member lookup box (htmx): up to 10 matches with their card numbers."""
    text = " ".join((request.GET.get("person", "") or request.GET.get("q", ""))[:100].split())
    people = list(people_search(congress=congress, query=text)[:10]) if len(text) >= 2 else []
    target = request.GET.get("target", "") if request.GET.get("target", "").startswith("id_") else ""
    return render(
        request, T + "_person_suggestions.html", {"people": people, "text": text, "target": target or "id_person"}
    )


def _search_url(congress: Congress) -> str:
    return reverse("election_person_suggestions", kwargs={"congress": congress.slug})


# --- personnel plan


@election_view("can_view_personnel")
def plan_detail(request: HttpRequest, congress: Congress, ea: ElectionAccess) -> HttpResponse:
    return render(request, T + "plan.html", {"ea": ea, "view": plan_overview(congress)})


@election_view("can_manage_personnel")
def plan_edit(request: HttpRequest, congress: Congress, ea: ElectionAccess) -> HttpResponse:
    plan = plan_for(congress)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: plan_save(plan=form.instance)):
            messages.success(request, _("The personnel plan was saved."))
            return redirect("election_plan", congress=congress.slug)
    return form_response(request, T + "form.html", {"form": form, "title": _("Personnel plan"), "back": "plan"}, form)


@election_view("can_manage_personnel")
def target_edit(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int | None = None) -> HttpResponse:
    if pk:
        target = get_target_for_user(ea, congress, pk)
    else:
        plan = plan_for(congress)
        if plan.pk is None:
            plan_save(plan=plan)
        target = StructureTarget(plan=plan)
    form = TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: target_save(target=form.instance)):
            messages.success(request, _("The structure target was saved."))
            return redirect("election_plan", congress=congress.slug)
    title = _("Structure target")
    return form_response(request, T + "form.html", {"form": form, "title": title, "back": "plan"}, form)


@require_POST
@election_view("can_manage_personnel")
def target_remove(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    target = get_target_for_user(ea, congress, pk)
    target_delete(target=target)
    messages.success(request, _("The structure target was removed."))
    return redirect("election_plan", congress=congress.slug)


# --- planning pool and training


@election_view("can_view_personnel")
def pool_list(request: HttpRequest, congress: Congress, ea: ElectionAccess) -> HttpResponse:
    form = PoolEntryForm(request.POST or None, congress=congress, search_url=_search_url(congress))
    if request.method == "POST":
        require(ea, "can_manage_personnel")
        if form.is_valid() and apply_service(form, lambda: pool_entry_add(congress=congress, **form.cleaned_data)):
            messages.success(
                request, _("%(name)s was added to the planning pool.") % {"name": form.cleaned_data["person"]}
            )
            return redirect("election_pool", congress=congress.slug)
    entries = (
        PoolEntry.objects.filter(congress=congress)
        .select_related("person", "person__organization")
        .prefetch_related(Prefetch("person__training_classes", to_attr="classes_done"))
        .annotate(rank=POSITION_RANK)
        .order_by("rank", "person__name_key", "id")
    )
    position = request.GET.get("position", "")
    if position in PoolPosition.values:
        entries = entries.filter(position=position)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "ea": ea,
        "page": page,
        "form": form,
        "positions": PoolPosition.choices,
        "position": position,
        "querystring": f"position={position}" if position else "",
        "classes": TrainingClass.objects.filter(congress=congress).annotate(n=Count("attendances")),
    }
    return form_response(request, T + "pool.html", context, form)


@require_POST
@election_view("can_manage_personnel")
def pool_entry_delete(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    entry = get_pool_entry_for_user(ea, congress, pk)
    pool_entry_remove(entry=entry)
    messages.success(request, _("%(name)s was removed from the planning pool.") % {"name": entry.person})
    return redirect("election_pool", congress=congress.slug)


@election_view("can_manage_personnel")
def training_create(request: HttpRequest, congress: Congress, ea: ElectionAccess) -> HttpResponse:
    form = TrainingClassForm(request.POST or None, instance=TrainingClass(congress=congress))
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: training_class_save(training_class=form.instance)):
            messages.success(request, _("The training class was saved."))
            return redirect("election_training", congress=congress.slug, pk=form.instance.pk)
    return form_response(request, T + "form.html", {"form": form, "title": _("Training class"), "back": "pool"}, form)


@election_view("can_view_personnel")
def training_detail(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    training_class = get_training_class_for_user(ea, congress, pk, write=request.method == "POST")
    form = AttendanceForm(request.POST or None, congress=congress, search_url=_search_url(congress))
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: training_attendance_add(training_class=training_class, **form.cleaned_data)):
            messages.success(request, _("%(name)s was added to the class.") % {"name": form.cleaned_data["person"]})
            return redirect("election_training", congress=congress.slug, pk=training_class.pk)
    attendances = TrainingAttendance.objects.filter(training_class=training_class).select_related(
        "person", "person__organization"
    )
    context = {"ea": ea, "training_class": training_class, "attendances": attendances, "form": form}
    return form_response(request, T + "training.html", context, form)


# --- elections and candidates


@election_view("can_manage_personnel")
def election_edit(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int | None = None) -> HttpResponse:
    election = get_election_for_user(ea, congress, pk, write=True) if pk else None
    initial = {}
    if election is None:
        body = request.GET.get("body", "")
        if body in ElectionBody.values:
            initial = _election_defaults(congress, body)
    form = ElectionForm(request.POST or None, instance=election, congress=congress, initial=initial)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: election_save(election=form.instance, counters=form.cleaned_data["counters"])):
            messages.success(request, _("The election was saved."))
            return redirect(form.instance.get_absolute_url())
    title = str(election.get_body_display()) if election else _("New election")
    return form_response(request, T + "form.html", {"form": form, "title": title, "back": "index"}, form)


def _election_defaults(congress: Congress, body: str) -> dict:
    term = f"khóa {congress.ordinal_roman}, nhiệm kỳ {congress.term_start}–{congress.term_end}"
    organization = congress.organizing_committee.replace("Quận ủy", "Đảng bộ quận").replace("Huyện ủy", "Đảng bộ huyện")
    seats = {
        ElectionBody.EXECUTIVE: congress.executive_committee_size,
        ElectionBody.STANDING: congress.standing_committee_size,
        ElectionBody.SECRETARY: 1,
    }.get(body)
    titles = {
        ElectionBody.EXECUTIVE: f"Ban Chấp hành {organization} {term}",
        ElectionBody.CITY_DELEGATES: f"Đại biểu dự Đại hội {congress.upper_committee or 'cấp trên'}".strip(),
        ElectionBody.STANDING: f"Ban Thường vụ {congress.organizing_committee} {term}",
        ElectionBody.SECRETARY: f"Bí thư {congress.organizing_committee} {term}",
        ElectionBody.DEPUTY_SECRETARIES: f"Phó Bí thư {congress.organizing_committee} {term}",
        ElectionBody.INSPECTION: f"Ủy ban Kiểm tra {congress.organizing_committee} {term}",
    }
    required = body in (ElectionBody.EXECUTIVE, ElectionBody.CITY_DELEGATES)
    return {
        "body": body,
        "title": titles.get(body, ""),
        "seats": seats,
        "surplus_percent": 15 if required else 0,
        "surplus_required": required,
    }


@election_view("can_view_personnel")
def election_detail(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    return _election_page(request, congress, ea, get_election_for_user(ea, congress, pk))


def _election_page(
    request: HttpRequest, congress: Congress, ea: ElectionAccess, election: Election, *, status: int = 200
) -> HttpResponse:
    candidates = candidate_list(election)
    delegates = delegate_person_ids(congress)
    for candidate in candidates:
        candidate.steps_ok = steps_passed(candidate)
        candidate.step_count = len(candidate.steps.all())
        candidate.is_delegate = candidate.person_id in delegates
    rounds = list(election.rounds.order_by("number"))
    last = rounds[-1] if rounds else None
    remaining = seats_remaining(election) if last else election.seats
    next_round_form = None
    if last and last.is_counted and remaining > 0 and ea.can_manage_personnel:
        tied = RoundCandidate.objects.filter(round=last, outcome=Outcome.TIED).exists()
        if not tied:
            elected = RoundCandidate.objects.filter(round__election=election, outcome=Outcome.ELECTED)
            eligible = (
                election.candidates.filter(withdrawn=False)
                .exclude(pk__in=elected.values("candidate_id"))
                .select_related("person")
                .order_by("person__name_key")
            )
            next_round_form = NextRoundForm(eligible=eligible)
        else:
            next_round_form = NextRoundForm(eligible=Candidate.objects.none())
            next_round_form.tie = True
    context = {
        "ea": ea,
        "election": election,
        "candidates": candidates,
        "check": list_check(election, candidates),
        "rounds": rounds,
        "has_counted": any(r.is_counted for r in rounds),
        "remaining": remaining,
        "counters": list(election.counters.order_by("name_key")),
        "deadline": candidacy_dossier_deadline(congress),
        "endorsement_form": EndorsementForm(
            initial={
                "endorsement_status": election.endorsement_status,
                "endorsement_reference": election.endorsement_reference,
                "endorsement_date": election.endorsement_date,
            }
        ),
        "next_round_form": next_round_form,
    }
    return render(request, T + "election.html", context, status=status)


@election_view("can_manage_personnel")
def candidate_create(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    election = get_election_for_user(ea, congress, pk, write=True)
    form = CandidateForm(request.POST or None, congress=congress, search_url=_search_url(congress))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply_service(form, lambda: candidate_add(election=election, by=request.user, **data)):
            messages.success(request, _("%(name)s was added to the list.") % {"name": data["person"].full_name})
            return redirect(election.get_absolute_url())
    context = {
        "form": form,
        "election": election,
        "deadline": candidacy_dossier_deadline(congress),
        "needs_dossier": needs_dossier(election, "self", False),
    }
    return form_response(request, T + "candidate_form.html", context, form)


@election_view("can_view_personnel")
def candidate_detail(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    candidate = get_candidate_for_user(ea, congress, pk)
    return _candidate_page(request, candidate, ea)


def _candidate_page(request, candidate: Candidate, ea: ElectionAccess, **forms) -> HttpResponse:
    steps = {s.step: s for s in candidate.steps.all()}
    next_step = next((n for n in NominationStepKind.values if n not in steps), None)
    withdrawal = Withdrawal.objects.filter(candidate=candidate).first()
    context = {
        "ea": ea,
        "candidate": candidate,
        "election": candidate.election,
        "person": candidate.person,
        "steps": [(kind, steps.get(kind.value)) for kind in NominationStepKind],
        "withdrawal": withdrawal,
        "step_form": forms.get("step_form") or StepForm(initial={"step": next_step}),
        "withdrawal_form": forms.get("withdrawal_form") or WithdrawalRequestForm(),
        "decision_form": forms.get("decision_form") or WithdrawalDecisionForm(),
        "is_delegate": candidate.person_id in delegate_person_ids(candidate.election.congress),
    }
    bad = any(f.is_bound and f.errors for f in forms.values())
    return render(request, T + "candidate.html", context, status=400 if bad else 200)


@require_POST
@election_view("can_manage_personnel")
def candidate_step(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    candidate = get_candidate_for_user(ea, congress, pk, write=True)
    form = StepForm(request.POST)
    if form.is_valid() and apply_service(
        form, lambda: nomination_step_record(candidate=candidate, **form.cleaned_data)
    ):
        messages.success(request, _("The step was recorded."))
        return redirect(candidate.get_absolute_url())
    return _candidate_page(request, candidate, ea, step_form=form)


@require_POST
@election_view("can_manage_personnel")
def candidate_withdrawal(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    candidate = get_candidate_for_user(ea, congress, pk, write=True)
    form = WithdrawalRequestForm(request.POST)
    if form.is_valid() and apply_service(form, lambda: withdrawal_request(candidate=candidate, **form.cleaned_data)):
        messages.success(request, _("The withdrawal request was recorded: the congress votes on it."))
        return redirect(candidate.get_absolute_url())
    return _candidate_page(request, candidate, ea, withdrawal_form=form)


@require_POST
@election_view("can_manage_personnel")
def candidate_withdrawal_decide(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    candidate = get_candidate_for_user(ea, congress, pk, write=True)
    form = WithdrawalDecisionForm(request.POST)
    withdrawal = Withdrawal.objects.filter(candidate=candidate).first()
    if withdrawal is None:
        form.is_valid()
        form.add_error(None, _("This candidate has not asked to withdraw."))
    elif form.is_valid():
        result = {}

        def decide():
            result["w"] = withdrawal_decide(withdrawal=withdrawal, by=request.user, **form.cleaned_data)

        if apply_service(form, decide):
            if result["w"].accepted:
                messages.success(request, _("The congress accepted the withdrawal: the name is off the list."))
            else:
                messages.warning(request, _("The congress did not accept the withdrawal: the name stays on the list."))
            return redirect(candidate.get_absolute_url())
    return _candidate_page(request, candidate, ea, decision_form=form)


@require_POST
@election_view("can_manage_personnel")
def candidate_delete(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    candidate = get_candidate_for_user(ea, congress, pk, write=True)
    return _refusable(
        request,
        lambda: candidate_remove(candidate=candidate),
        _("%(name)s was removed from the list.") % {"name": candidate.person},
        candidate.election,
    )


@require_POST
@election_view("can_manage_personnel")
def election_lock_view(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    election = get_election_for_user(ea, congress, pk, write=True)
    return _refusable(
        request,
        lambda: election_lock(election=election, by=request.user),
        _("The list is locked: the ballot can be printed."),
        election,
    )


@require_POST
@election_view("can_manage_personnel")
def election_unlock_view(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    election = get_election_for_user(ea, congress, pk, write=True)
    return _refusable(
        request, lambda: election_unlock(election=election), _("The list is unlocked: it can be changed."), election
    )


@require_POST
@election_view("can_manage_personnel")
def election_endorsement(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    election = get_election_for_user(ea, congress, pk, write=True)
    form = EndorsementForm(request.POST)
    if form.is_valid() and apply_service(form, lambda: endorsement_record(
        election=election,
        status=form.cleaned_data["endorsement_status"],
        reference=form.cleaned_data["endorsement_reference"],
        date=form.cleaned_data["endorsement_date"],
    )):  # fmt: skip
        messages.success(request, _("The endorsement status was saved."))
        return redirect(election.get_absolute_url())
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return _refused_page(request, election)


@require_POST
@election_view("can_manage_personnel")
def round_next(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    election = get_election_for_user(ea, congress, pk, write=True)
    eligible = election.candidates.filter(withdrawn=False).select_related("person")
    form = NextRoundForm(request.POST, eligible=eligible)
    if form.is_valid() and apply_service(
        form, lambda: round_open_next(election=election, candidates=list(form.cleaned_data["candidates"]))
    ):
        messages.success(request, _("A new round was set: print its ballot."))
        return redirect(election.get_absolute_url())
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return _refused_page(request, election)


def _refusable(request: HttpRequest, call, success: str, election: Election) -> HttpResponse:
    """A POST-only action: on success back to the election; on refusal its page again with the reasons, 400."""
    try:
        call()
    except ValidationError as error:
        _errors_to_messages(request, error)
        return _refused_page(request, election)
    messages.success(request, success)
    return redirect(election.get_absolute_url())


def _refused_page(request: HttpRequest, election: Election) -> HttpResponse:
    """The election page again, answering 400, with the refusal in the messages."""
    return _election_page(request, election.congress, request.election_access, election, status=400)


# --- ballots, counting


def _ballot_header(congress: Congress, election: Election) -> PartyHeader:
    base = header_for(congress, date=None)
    if election.at_first_plenary:
        issuing = f"BAN CHẤP HÀNH KHÓA {congress.ordinal_roman} – HỘI NGHỊ LẦN THỨ NHẤT"
    else:
        issuing = f"ĐẠI HỘI LẦN THỨ {congress.ordinal_roman}"
    root = congress.organizations.filter(parent__isnull=True).order_by("pk").first()
    upper = (root.name if root else congress.organizing_committee).upper()
    return PartyHeader(upper_body=upper, issuing_body=issuing, place=base.place, date=None)


@election_view()
def round_ballot_pdf(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    round_ = get_round_for_user(ea, congress, pk, purpose="setup")
    names = round_names(round_)
    surplus = len(names) > round_.seats
    # Long lists go in two columns so that the ballot stays one sheet.
    half = (len(names) + 1) // 2
    columns = [names[:half], names[half:]] if len(names) > BALLOT_ONE_COLUMN_MAX else [names]
    context = {
        "round": round_,
        "election": round_.election,
        "names": names,
        "columns": columns,
        "surplus": surplus,
        "congress": congress,
    }
    pdf = render_pdf(
        T + "print/ballot.html",
        context,
        header=_ballot_header(congress, round_.election),
        title="PHIẾU BẦU CỬ",
    )
    return _file_response(
        pdf, "application/pdf", f"phieu-bau-{round_.election.body}-vong-{round_.number}.pdf", inline=True
    )


@election_view()
def round_setup_view(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    round_ = get_round_for_user(ea, congress, pk, purpose="setup", write=request.method == "POST")
    initial = {
        "summoned": round_.summoned,
        "absent_without_alternate": round_.absent_without_alternate,
        "ballots_issued": round_.ballots_issued,
        "ballots_collected": round_.ballots_collected,
    }
    form = RoundSetupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: round_setup(round_=round_, **form.cleaned_data)):
            messages.success(request, _("The numbers of round %(n)d were saved.") % {"n": round_.number})
            return redirect("election_round_count", congress=congress.slug, pk=round_.pk)
    context = {"ea": ea, "round": round_, "election": round_.election, "form": form}
    return form_response(request, T + "round_setup.html", context, form)


@election_view()
def round_count_entry(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    """The fast entry screen: ballot number, the struck names' numbers, Enter; focus back on the number."""
    round_ = get_round_for_user(ea, congress, pk, purpose="count", write=request.method == "POST")
    form = BallotEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = {}

        def enter():
            outcome["ballot"], outcome["kind"] = ballot_enter(round_=round_, by=request.user, **form.cleaned_data)

        if apply_service(form, enter):
            number = outcome["ballot"].number
            if outcome["kind"] == ENTRY_FIRST:
                messages.success(request, _("Ballot %(n)d saved (first entry).") % {"n": number})
            elif outcome["kind"] == ENTRY_AGREED:
                messages.success(request, _("Ballot %(n)d saved: both entries agree.") % {"n": number})
            else:
                messages.warning(
                    request, _("Ballot %(n)d differs from the other counter's entry: it is listed for a recount.")
                    % {"n": number}
                )  # fmt: skip
            return redirect("election_round_count", congress=congress.slug, pk=round_.pk)
    context = {
        "ea": ea,
        "round": round_,
        "election": round_.election,
        "form": form,
        "names": round_names(round_),
        "progress": counting_progress(round_),
        "recent": my_recent_entries(round_, request.user),
        "can_enter": ea.can_count(round_.election_id) and not round_.is_counted,
    }
    return form_response(request, T + "count.html", context, form)


@election_view()
def round_check(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    """Ballots waiting for a second entry or with differing entries, with a form to record the recount."""
    round_ = get_round_for_user(ea, congress, pk, purpose="count")
    return _check_page(request, ea, round_)


def _check_page(request, ea: ElectionAccess, round_: Round, *, bad_form=None, bad_number=None) -> HttpResponse:
    names = {n.number: n.candidate.person.full_name for n in round_names(round_)}
    ballots = list(ballots_to_check(round_))
    for ballot in ballots:
        ballot.form = bad_form if ballot.number == bad_number else ResolveForm(prefix=f"b{ballot.number}")
    context = {
        "ea": ea,
        "round": round_,
        "election": round_.election,
        "ballots": ballots,
        "names": names,
        "progress": counting_progress(round_),
        "can_enter": ea.can_count(round_.election_id) and not round_.is_counted,
        "BallotStatus": BallotStatus,
    }
    return render(request, T + "check.html", context, status=400 if bad_form is not None else 200)


@require_POST
@election_view()
def ballot_resolve_view(
    request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int, number: int
) -> HttpResponse:
    round_ = get_round_for_user(ea, congress, pk, purpose="count", write=True)
    ballot = Ballot.objects.filter(round=round_, number=number).first()
    form = ResolveForm(request.POST, prefix=f"b{number}")
    if ballot is None:
        form.is_valid()
        form.add_error(None, _("There is no ballot %(n)d in this round.") % {"n": number})
    elif form.is_valid() and apply_service(
        form, lambda: ballot_resolve(ballot=ballot, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Ballot %(n)d was resolved after the recount.") % {"n": number})
        return redirect("election_round_check", congress=congress.slug, pk=round_.pk)
    if ballot is None or ballot.status != BallotStatus.MISMATCH:
        for error in form.non_field_errors():
            messages.error(request, error)
        response = _check_page(request, ea, round_)
        response.status_code = 400
        return response
    return _check_page(request, ea, round_, bad_form=form, bad_number=number)


@require_POST
@election_view()
def round_tally(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    round_ = get_round_for_user(ea, congress, pk, purpose="count", write=True)
    try:
        round_count(round_=round_, by=request.user)
    except ValidationError as error:
        _errors_to_messages(request, error)
        response = _check_page(request, ea, round_)
        response.status_code = 400
        return response
    messages.success(request, _("Round %(n)d is counted.") % {"n": round_.number})
    return redirect("election_round_results", congress=congress.slug, pk=round_.pk)


# --- results


@election_view()
def round_results(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    round_ = get_round_for_user(ea, congress, pk, purpose="results")
    if not round_.is_counted:
        return redirect("election_round_count", congress=congress.slug, pk=round_.pk)
    result = round_result(round_)
    context = {
        "ea": ea,
        "round": round_,
        "election": round_.election,
        "result": result,
        "chart": result_chart(result),
        "rows_html": result_rows_html(result),
        "can_publish": ea.can_manage_personnel and not round_.is_published,
    }
    return render(request, T + "results.html", context)


def _minutes_context(round_: Round) -> dict:
    result = round_result(round_)
    election = round_.election
    return {
        "round": round_,
        "election": election,
        "result": result,
        "counters": list(election.counters.order_by("name_key")),
        "names_count": len(result.rows),
        "lines": minutes_lines(round_, election, len(result.rows)),
        "voters_short": voters_label(election)[1],
        "elected_sentence": elected_sentence(round_, result),
    }


def _minutes_title(round_: Round) -> str:
    return "BIÊN BẢN KIỂM PHIẾU"


@election_view()
def round_minutes(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("pdf", "docx"):
        raise Http404(_("No such format."))
    round_ = get_round_for_user(ea, congress, pk, purpose="results")
    if not round_.is_counted:
        raise Http404(_("This round is not counted yet."))
    context = _minutes_context(round_)
    header = _ballot_header(congress, round_.election)
    counted_on = timezone.localtime(round_.counted_at).date() if round_.counted_at else None
    header = PartyHeader(
        upper_body=header.upper_body, issuing_body="BAN KIỂM PHIẾU", place=header.place, date=counted_on
    )
    filename = f"bien-ban-kiem-phieu-{round_.election.body}-vong-{round_.number}"
    if fmt == "pdf":
        pdf = render_pdf(T + "print/minutes.html", context, header=header, title=_minutes_title(round_))
        return _file_response(pdf, "application/pdf", f"{filename}.pdf", inline=True)
    document = _minutes_docx(context, header)
    return _file_response(docx_bytes(document), DOCX, f"{filename}.docx")


def _minutes_docx(context: dict, header: PartyHeader):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    round_: Round = context["round"]
    election: Election = context["election"]
    result = context["result"]
    document = new_party_docx(
        header=header,
        title="BIÊN BẢN KIỂM PHIẾU",
        subtitle=f"Bầu {election.title}" + (f" (lần {round_.number})" if round_.number > 1 else ""),
    )
    for line in minutes_lines(round_, election, context["names_count"]):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    heads = [
        "STT",
        "Họ và tên",
        "Số phiếu",
        f"% so với {round_.base} {voters_label(election)[1]}",
        "% so với phiếu hợp lệ",
    ]
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.text = text
    for index, row in enumerate(result.rows, start=1):
        cells = table.add_row().cells
        values = [
            str(index),
            row.name,
            str(row.votes),
            _vi_percent(row.percent_of_base),
            _vi_percent(row.percent_of_valid),
        ]
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    document.add_paragraph()
    document.add_paragraph(elected_sentence(round_, result)).runs[0].bold = True
    if result.tied:
        document.add_paragraph(
            "Số đồng chí có số phiếu bằng nhau ở vị trí cuối (phải bầu lại): "
            + ", ".join(r.name for r in result.tied)
            + "."
        )
    document.add_paragraph()
    signatures = document.add_table(rows=1, cols=2)
    left, right = signatures.rows[0].cells
    left.text = "CÁC THÀNH VIÊN BAN KIỂM PHIẾU\n\n\n" + "\n".join(str(c) for c in context["counters"])
    right.text = "T/M BAN KIỂM PHIẾU\nTRƯỞNG BAN\n\n\n"
    for cell in (left, right):
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return document


def _vi_percent(value) -> str:
    return f"{value:.2f}".replace(".", ",") + "%"


def voters_label(election: Election) -> tuple[str, str]:
    """(who votes, short form for the table heading), in the wording of the minutes."""
    if election.at_first_plenary:
        return "ủy viên Ban Chấp hành", "ủy viên BCH"
    return "đại biểu được triệu tập", "ĐB triệu tập"


def minutes_lines(round_: Round, election: Election, names_count: int) -> list[str]:
    """The numbered facts of the counting minutes (shared by the PDF template and the .docx)."""
    who, _short = voters_label(election)
    absent = (
        f"; vắng mặt cả kỳ đại hội không có đại biểu dự khuyết thay thế: {round_.absent_without_alternate}"
        f" (số làm căn cứ tính kết quả: {round_.base})."
        if round_.absent_without_alternate
        else "."
    )
    return [
        f"Tổng số {who}: {round_.summoned}{absent}",
        f"Số lượng cần bầu: {round_.seats}; số người trong danh sách bầu cử: {names_count}.",
        f"Số phiếu phát ra: {round_.ballots_issued}; số phiếu thu về: {round_.ballots_collected}.",
        f"Số phiếu hợp lệ: {round_.valid}; số phiếu không hợp lệ: {round_.invalid}.",
        f"Người trúng cử phải có số phiếu bầu quá một nửa (ít nhất {round_.threshold} phiếu) so với tổng số "
        f"{round_.base} {who}.",
        "Số phiếu bầu cho từng người (xếp theo số phiếu từ cao xuống thấp):",
    ]


def elected_sentence(round_: Round, result) -> str:
    if not result.elected:
        return "Không có đồng chí nào trúng cử."
    return f"Trúng cử ({len(result.elected)}/{round_.seats}): " + ", ".join(r.name for r in result.elected) + "."


@require_POST
@election_view("can_manage_personnel")
def round_publish_view(request: HttpRequest, congress: Congress, ea: ElectionAccess, pk: int) -> HttpResponse:
    round_ = get_round_for_user(ea, congress, pk, purpose="manage", write=True)
    try:
        round_publish(round_=round_)
    except ValidationError as error:
        _errors_to_messages(request, error)
        return _refused_page(request, round_.election)
    messages.success(request, _("The results are published: everyone in the congress can see them."))
    return redirect("election_round_results", congress=congress.slug, pk=round_.pk)
