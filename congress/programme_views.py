"""Views of the congress days: programme, running order, congress bodies, votes by show of hands,
speakers, the hall screen and its control page, the printed programme, minutes and archive.

Each view is decorated with `programme_view(right)` (login, 404 for outsiders, 403 without the right)
and reads objects through one access helper per type; writes go through congress/programme_services.
A refused action shows its page again with the reasons and answers 400: nothing was changed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from congress.models import Congress
from congress.programme_forms import (
    AgendaItemForm,
    BodyMemberForm,
    ContributionForm,
    ItemTimesForm,
    NoticeForm,
    SpeakerForm,
    TimerForm,
    ToCommentForm,
    VoteCountForm,
    VoteForm,
    delegate_choices,
)
from congress.programme_models import AgendaItem, BodyKind
from congress.programme_permissions import (
    ProgrammeAccess,
    get_body_for_user,
    get_body_member_for_user,
    get_item_for_user,
    get_speaker_for_user,
    get_vote_for_user,
    programme_view,
)
from congress.programme_printing import archive_pdf, programme_pdf, vote_minutes_pdf
from congress.programme_rules import programme_settings
from congress.programme_selectors import (
    bodies,
    hall_view,
    programme,
    review_rounds_for,
    speakers_of,
    votes_of,
    waiting_speakers,
)
from congress.programme_services import (
    body_member_add,
    body_member_remove,
    contribution_record,
    contribution_to_comment,
    hall_set_notice,
    item_delete,
    item_end,
    item_move,
    item_save,
    item_start,
    item_times_set,
    speaker_add,
    speaker_move,
    speaker_withdraw,
    timer_add,
    timer_pause,
    timer_resume,
    timer_start,
    timer_stop,
    vote_create,
    vote_delete,
    vote_publish,
    vote_record,
    vote_unpublish,
)
from congress.views import apply_service, form_response

T = "programme/"
VOTES_PER_PAGE = 50


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _messages_from(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _act(request: HttpRequest, call, success: str, done_url: str, refused_page) -> HttpResponse:
    """A POST action without a form: on success back to `done_url`; refused: the page again, 400."""
    try:
        call()
    except ValidationError as error:
        _messages_from(request, error)
        response = refused_page()
        response.status_code = 400
        return response
    if success:
        messages.success(request, success)
    return redirect(done_url)


# --- the programme


@programme_view()
def programme_page(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return _programme_page(request, congress, pa)


def _programme_page(request, congress, pa, status: int = 200) -> HttpResponse:
    context = {"plans": programme(congress), "pa": pa, "settings": programme_settings(congress)}
    return render(request, T + "programme.html", context, status=status)


@programme_view()
def programme_print(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return _pdf(programme_pdf(congress), "chuong-trinh-dai-hoi.pdf")


@programme_view("can_manage")
def item_edit(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int | None = None) -> HttpResponse:
    instance = get_item_for_user(pa, congress, pk, write=True) if pk else None
    initial = {}
    if instance is None and request.GET.get("session", "").isdigit():
        initial["session"] = int(request.GET["session"])
    form = AgendaItemForm(request.POST or None, instance=instance, congress=congress, initial=initial)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: item_save(item=form.instance)):
            messages.success(request, _("The agenda item was saved."))
            return redirect(
                reverse("programme", kwargs={"congress": congress.slug}) + f"#session-{form.instance.session_id}"
            )
    return form_response(request, T + "item_form.html", {"form": form, "object": instance, "pa": pa}, form)


@require_POST
@programme_view("can_manage")
def item_move_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk, write=True)
    item_move(item=item, up=request.POST.get("direction") != "down")
    return redirect(reverse("programme", kwargs={"congress": congress.slug}) + f"#item-{item.pk}")


@require_POST
@programme_view("can_manage")
def item_delete_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk, write=True)
    return _act(
        request,
        lambda: item_delete(item=item),
        _("The agenda item was removed."),
        reverse("programme", kwargs={"congress": congress.slug}),
        lambda: _programme_page(request, congress, pa),
    )


# --- running order: planned against actual times


@programme_view()
def running_order(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return _running_order_page(request, congress, pa)


def _running_order_page(request, congress, pa, *, bad_item=None, bad_form=None, status: int = 200) -> HttpResponse:
    plans = programme(congress)
    if pa.can_manage:
        for plan in plans:
            for row in plan.rows:
                item = row.item
                if bad_item is not None and item.pk == bad_item.pk:
                    row.time_form = bad_form
                else:
                    row.time_form = ItemTimesForm(
                        initial={
                            "actual_start": _local_time(item.actual_start),
                            "actual_end": _local_time(item.actual_end),
                        },
                        prefix=f"i{item.pk}",
                    )
    return render(request, T + "running_order.html", {"plans": plans, "pa": pa}, status=status)


def _local_time(moment):
    from django.utils import timezone

    return timezone.localtime(moment).time().replace(second=0, microsecond=0) if moment else None


@require_POST
@programme_view("can_manage")
def item_times(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk, write=True)
    form = ItemTimesForm(request.POST, prefix=f"i{item.pk}")
    if form.is_valid() and apply_service(
        form,
        lambda: item_times_set(
            item=item, actual_start=form.cleaned_data["actual_start"], actual_end=form.cleaned_data["actual_end"]
        ),
    ):
        messages.success(request, _("The times of “%(title)s” were corrected.") % {"title": item.title})
        return redirect(reverse("running_order", kwargs={"congress": congress.slug}) + f"#item-{item.pk}")
    messages.error(request, _("Nothing was saved: %(title)s.") % {"title": item.title})
    return _running_order_page(request, congress, pa, bad_item=item, bad_form=form, status=400)


@require_POST
@programme_view("can_manage")
def item_start_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk, write=True)
    back = _back(request, congress)
    return _act(
        request,
        lambda: item_start(item=item),
        _("“%(title)s” has begun; it is on the hall screen.") % {"title": item.title},
        back,
        lambda: _control_page(request, congress, pa),
    )


@require_POST
@programme_view("can_manage")
def item_end_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk, write=True)
    return _act(
        request,
        lambda: item_end(item=item),
        _("“%(title)s” has ended.") % {"title": item.title},
        _back(request, congress),
        lambda: _control_page(request, congress, pa),
    )


def _back(request: HttpRequest, congress: Congress) -> str:
    """Back to the running order or (default) the control page, whichever sent the form."""
    if request.POST.get("back") == "running_order":
        return reverse("running_order", kwargs={"congress": congress.slug})
    return reverse("hall_control", kwargs={"congress": congress.slug})


# --- congress bodies


@programme_view()
def body_list(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return _bodies_page(request, congress, pa)


def _bodies_page(request, congress, pa, *, bad_kind: str = "", bad_form=None, status: int = 200) -> HttpResponse:
    views = bodies(congress)
    if pa.can_manage:
        choices = delegate_choices(congress)
        for view in views:
            view.form = (
                bad_form
                if view.kind == bad_kind
                else BodyMemberForm(congress=congress, prefix=view.kind, delegate_choices=choices)
            )
    return render(request, T + "bodies.html", {"bodies": views, "pa": pa}, status=status)


@require_POST
@programme_view("can_manage")
def body_member_add_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, kind: str) -> HttpResponse:
    body = get_body_for_user(pa, congress, kind, write=True)
    form = BodyMemberForm(request.POST, congress=congress, prefix=kind)
    if form.is_valid() and apply_service(
        form,
        lambda: body_member_add(
            congress=congress, kind=body.kind, delegate=form.cleaned_data["delegate"], role=form.cleaned_data["role"]
        ),
    ):
        messages.success(
            request,
            _("%(name)s was added to the %(body)s.")
            % {"name": form.cleaned_data["delegate"].person.full_name, "body": body.get_kind_display().lower()},
        )
        return redirect(reverse("body_list", kwargs={"congress": congress.slug}) + f"#body-{kind}")
    return _bodies_page(request, congress, pa, bad_kind=kind, bad_form=form, status=400)


@require_POST
@programme_view("can_manage")
def body_member_remove_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    member = get_body_member_for_user(pa, congress, pk)
    return _act(
        request,
        lambda: body_member_remove(member=member),
        _("%(name)s was taken off the list of the body.") % {"name": member.delegate.person.full_name},
        reverse("body_list", kwargs={"congress": congress.slug}) + f"#body-{member.body.kind}",
        lambda: _bodies_page(request, congress, pa),
    )


# --- votes by show of hands


@programme_view()
def vote_list(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    page = Paginator(votes_of(congress), VOTES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, T + "vote_list.html", {"page": page, "pa": pa})


@programme_view("can_manage")
def vote_create_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    initial = {}
    if request.GET.get("item", "").isdigit():
        initial["item"] = int(request.GET["item"])
    if request.GET.get("body") in BodyKind.values:
        initial.update(subject="body", body_kind=request.GET["body"])
    form = VoteForm(request.POST or None, congress=congress, initial=initial)
    created = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def create():
            created["vote"] = vote_create(
                item=data["item"],
                subject=data["subject"],
                title=data["title"],
                base=data["base"],
                body_kind=data["body_kind"],
            )

        if apply_service(form, create):
            messages.success(request, _("The vote was put on the programme: enter the counts after the show of hands."))
            return redirect("vote_detail", congress=congress.slug, pk=created["vote"].pk)
    return form_response(request, T + "vote_form.html", {"form": form, "pa": pa}, form)


@programme_view()
def vote_detail(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    vote = get_vote_for_user(pa, congress, pk)
    return _vote_page(request, congress, pa, vote)


def _vote_page(request, congress, pa, vote, *, form=None, status: int = 200) -> HttpResponse:
    from personnel.selectors import presence_for_session

    if form is None and pa.can_manage and not vote.is_published:
        form = VoteCountForm(
            initial={
                "votes_for": vote.votes_for,
                "votes_against": vote.votes_against,
                "votes_abstain": vote.votes_abstain,
            }
        )
    context = {"vote": vote, "pa": pa, "form": form, "presence": presence_for_session(vote.item.session)}
    return render(request, T + "vote_detail.html", context, status=status)


@require_POST
@programme_view("can_manage")
def vote_record_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    vote = get_vote_for_user(pa, congress, pk, write=True)
    form = VoteCountForm(request.POST)
    if form.is_valid() and apply_service(form, lambda: vote_record(vote=vote, by=request.user, **form.cleaned_data)):
        messages.success(request, _("The counts were recorded."))
        return redirect("vote_detail", congress=congress.slug, pk=vote.pk)
    return _vote_page(request, congress, pa, vote, form=form, status=400)


@require_POST
@programme_view("can_manage")
def vote_publish_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    vote = get_vote_for_user(pa, congress, pk, write=True)
    publish = request.POST.get("publish") != "0"
    return _act(
        request,
        lambda: vote_publish(vote=vote) if publish else vote_unpublish(vote=vote),
        _("The result is announced: the hall screen shows it.") if publish else _("The announcement was withdrawn."),
        request.POST.get("back") == "control"
        and reverse("hall_control", kwargs={"congress": congress.slug})
        or reverse("vote_detail", kwargs={"congress": congress.slug, "pk": vote.pk}),
        lambda: _vote_page(request, congress, pa, vote),
    )


@require_POST
@programme_view("can_manage")
def vote_delete_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    vote = get_vote_for_user(pa, congress, pk, write=True)
    return _act(
        request,
        lambda: vote_delete(vote=vote),
        _("The vote was removed."),
        reverse("vote_list", kwargs={"congress": congress.slug}),
        lambda: _vote_page(request, congress, pa, vote),
    )


@programme_view()
def vote_minutes(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    vote = get_vote_for_user(pa, congress, pk)
    if not vote.is_counted:
        raise Http404(_("This vote is not counted yet."))
    return _pdf(vote_minutes_pdf(congress, vote), f"bien-ban-bieu-quyet-{vote.pk}.pdf")


# --- speakers


@programme_view()
def speaker_list(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk)
    return _speakers_page(request, congress, pa, item)


def _speakers_page(request, congress, pa, item, *, add_form=None, bad=None, status: int = 200) -> HttpResponse:
    speakers = speakers_of(item)
    rounds = review_rounds_for(item)
    rows = []
    for speaker in speakers:
        contribution_form = to_comment_form = None
        if pa.can_manage:
            bad_form = bad[1] if bad and bad[0] == speaker.pk else None
            contribution_form = (
                bad_form
                if isinstance(bad_form, ContributionForm)
                else ContributionForm(
                    initial={"contribution": speaker.contribution, "paragraph_label": speaker.paragraph_label},
                    prefix=f"s{speaker.pk}",
                )
            )
            if rounds and not speaker.comment_id:
                to_comment_form = (
                    bad_form
                    if isinstance(bad_form, ToCommentForm)
                    else ToCommentForm(
                        rounds=rounds, prefix=f"c{speaker.pk}", initial={"review_round": _open_round(rounds)}
                    )
                )
        rows.append({"speaker": speaker, "contribution_form": contribution_form, "to_comment_form": to_comment_form})
    if pa.can_manage and add_form is None:
        add_form = SpeakerForm(congress=congress)
    context = {
        "item": item,
        "rows": rows,
        "pa": pa,
        "add_form": add_form,
        "rounds": rounds,
        "speaker_minutes": programme_settings(congress).speaker_minutes,
        "spoken_seconds": sum(s.seconds_used for s in speakers),
    }
    return render(request, T + "speakers.html", context, status=status)


def _open_round(rounds: list):
    return next((r.pk for r in rounds if r.takes_comments), None)


def _speakers_url(congress: Congress, item: AgendaItem) -> str:
    return reverse("speaker_list", kwargs={"congress": congress.slug, "pk": item.pk})


@require_POST
@programme_view("can_manage")
def speaker_add_view(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    item = get_item_for_user(pa, congress, pk, write=True)
    form = SpeakerForm(request.POST, congress=congress)
    if form.is_valid() and apply_service(
        form,
        lambda: speaker_add(
            item=item,
            delegate=form.cleaned_data["delegate"],
            topic=form.cleaned_data["topic"],
            written=form.cleaned_data["written"],
        ),
    ):
        messages.success(request, _("The request to speak was added."))
        return redirect(_speakers_url(congress, item))
    return _speakers_page(request, congress, pa, item, add_form=form, status=400)


@require_POST
@programme_view("can_manage")
def speaker_action(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    """Move a request up or down, or withdraw it."""
    speaker = get_speaker_for_user(pa, congress, pk)
    action = request.POST.get("action")
    if action == "withdraw":
        call, success = (lambda: speaker_withdraw(speaker=speaker)), _("The request to speak was withdrawn.")
    elif action in ("up", "down"):
        call, success = (lambda: speaker_move(speaker=speaker, up=action == "up")), ""
    else:
        messages.error(request, _("Unknown action."))
        return _speakers_page(request, congress, pa, speaker.item, status=400)
    return _act(
        request,
        call,
        success,
        _speakers_url(congress, speaker.item),
        lambda: _speakers_page(request, congress, pa, speaker.item),
    )


@require_POST
@programme_view("can_manage")
def speaker_contribution(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    speaker = get_speaker_for_user(pa, congress, pk)
    form = ContributionForm(request.POST, prefix=f"s{speaker.pk}")
    if form.is_valid() and apply_service(
        form,
        lambda: contribution_record(
            speaker=speaker,
            contribution=form.cleaned_data["contribution"],
            paragraph_label=form.cleaned_data["paragraph_label"],
        ),
    ):
        messages.success(request, _("The contribution was recorded."))
        return redirect(_speakers_url(congress, speaker.item) + f"#speaker-{speaker.pk}")
    return _speakers_page(request, congress, pa, speaker.item, bad=(speaker.pk, form), status=400)


@require_POST
@programme_view("can_manage")
def speaker_to_comment(request: HttpRequest, congress: Congress, pa: ProgrammeAccess, pk: int) -> HttpResponse:
    speaker = get_speaker_for_user(pa, congress, pk)
    form = ToCommentForm(request.POST, rounds=review_rounds_for(speaker.item), prefix=f"c{speaker.pk}")
    created = {}

    def record():
        created["comment"] = contribution_to_comment(
            speaker=speaker, review_round=form.cleaned_data["review_round"], by=request.user
        )

    if form.is_valid() and apply_service(form, record):
        messages.success(
            request,
            _("The contribution is now comment no. %(n)s of “%(round)s”.")
            % {"n": created["comment"].number, "round": form.cleaned_data["review_round"].title},
        )
        return redirect(_speakers_url(congress, speaker.item) + f"#speaker-{speaker.pk}")
    for message in form.non_field_errors():
        messages.error(request, message)
    return _speakers_page(request, congress, pa, speaker.item, bad=(speaker.pk, form), status=400)


# --- the hall screen and its control page


@never_cache
@programme_view("can_view_hall")
def hall_screen(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return render(request, T + "hall.html", {"view": hall_view(congress)})


@never_cache
@programme_view("can_view_hall")
def hall_live(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    """The part of the hall screen that is polled every 2 seconds."""
    response = render(request, T + "_hall_live.html", {"view": hall_view(congress)})
    response["X-Hall-Live"] = "1"  # the screen's script swaps in only this answer (never a login page)
    return response


@programme_view("can_manage")
def hall_control(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return _control_page(request, congress, pa)


def _control_page(request, congress, pa, *, timer_form=None, notice_form=None, status: int = 200) -> HttpResponse:
    from personnel.permissions import personnel_access_for_request
    from personnel.selectors import presence_for_session

    view = hall_view(congress)
    plans = programme(congress)
    chosen = request.GET.get("session", "")
    plan = next((p for p in plans if chosen.isdigit() and p.session.pk == int(chosen)), None)
    if plan is None:
        plan = next((p for p in plans if view.session and p.session.pk == view.session.pk), None)
    session = plan.session if plan else None
    session_votes = list(votes_of(congress).filter(item__session=session)) if session else []
    presence = view.presence if view.session == session else (presence_for_session(session) if session else None)
    if timer_form is None:
        timer_form = TimerForm(initial={"minutes": programme_settings(congress).speaker_minutes})
    if notice_form is None:
        notice_form = NoticeForm(initial={"notice": view.hall.notice, "show_results": view.hall.show_results})
    context = {
        "view": view,
        "pa": pa,
        "plan": plan,
        "sessions": [p.session for p in plans],
        "speakers": waiting_speakers(view.item),
        "votes": session_votes,
        "timer_form": timer_form,
        "notice_form": notice_form,
        "presence": presence,
        "can_check_in": personnel_access_for_request(request).can_check_in,
    }
    return render(request, T + "control.html", context, status=status)


@require_POST
@programme_view("can_manage")
def hall_timer(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    """The speaker timer: start (for a speaker or on its own), pause, resume, add a minute, stop."""
    action = request.POST.get("action", "")
    control = reverse("hall_control", kwargs={"congress": congress.slug})
    if action == "start":
        form = TimerForm(request.POST)
        speaker = None
        if request.POST.get("speaker", "").isdigit():
            speaker = get_speaker_for_user(pa, congress, int(request.POST["speaker"]))
        if form.is_valid() and apply_service(
            form, lambda: timer_start(congress=congress, minutes=form.cleaned_data["minutes"], speaker=speaker)
        ):
            return redirect(control)
        for message in form.non_field_errors():
            messages.error(request, message)
        return _control_page(request, congress, pa, timer_form=form, status=400)
    calls = {
        "pause": lambda: timer_pause(congress=congress),
        "resume": lambda: timer_resume(congress=congress),
        "add": lambda: timer_add(congress=congress, seconds=60),
        "stop": lambda: timer_stop(congress=congress),
    }
    if action not in calls:
        messages.error(request, _("Unknown action."))
        return _control_page(request, congress, pa, status=400)
    return _act(request, calls[action], "", control, lambda: _control_page(request, congress, pa))


@require_POST
@programme_view("can_manage")
def hall_notice(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    form = NoticeForm(request.POST)
    if form.is_valid() and apply_service(
        form,
        lambda: hall_set_notice(
            congress=congress, notice=form.cleaned_data["notice"], show_results=form.cleaned_data["show_results"]
        ),
    ):
        messages.success(request, _("The hall screen was updated."))
        return redirect("hall_control", congress=congress.slug)
    return _control_page(request, congress, pa, notice_form=form, status=400)


# --- the archive


@programme_view()
def archive(request: HttpRequest, congress: Congress, pa: ProgrammeAccess) -> HttpResponse:
    return _pdf(archive_pdf(congress), "ho-so-dai-hoi.pdf")
