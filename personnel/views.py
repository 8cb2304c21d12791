"""Views of the personnel app: members, imports, seats, delegates, credentials, badges, check-in, presence.

Every view goes through `personnel_view(right)` (login, 404 for outsiders, 403 without the right)
and the object helpers of personnel/permissions.py; writes go through personnel/services.py.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.models import Congress
from congress.printing import docx_bytes, header_for, render_pdf
from congress.uploads import checked_upload
from congress.views import apply_service, form_response
from personnel import imports
from personnel.forms import (
    AdjustForm,
    AllocateForm,
    CheckInForm,
    CredentialForm,
    DelegateEditForm,
    DelegateFilterForm,
    DelegateRegisterForm,
    ImportForm,
    PeopleFilterForm,
    PersonForm,
    SessionForm,
    SubstitutionForm,
)
from personnel.models import CheckIn, CredentialStatus, Delegate, ImportJob, ImportKind, ImportStatus, Session
from personnel.permissions import (
    PersonnelAccess,
    get_allocation_for_user,
    get_delegate_for_user,
    get_import_for_user,
    get_person_for_user,
    get_session_for_user,
    personnel_view,
    require,
)
from personnel.reports import badges_pdf, credentials_report_docx
from personnel.rows import delegate_rows, member_rows
from personnel.selectors import (
    credentials_queue,
    credentials_report,
    current_session,
    delegates_search,
    member_status_counts,
    member_status_totals,
    people_search,
    presence_by_session,
    presence_for_session,
    seat_table,
    summoned_delegates,
)
from personnel.services import (
    checkin_cancel,
    checkin_record,
    checkin_refusal,
    credential_decide,
    delegate_register,
    delegate_update,
    delegates_add_ex_officio,
    person_save,
    seat_adjust,
    seat_cap,
    seats_allocate,
    session_save,
    substitution_record,
)
from personnel.tasks import run_import

PAGE_SIZE = 50
# The columns of a member list row (the rest of a member's 26 columns stays in the database).
MEMBER_ROW_COLUMNS = (
    "full_name",
    "member_number",
    "birth_date",
    "birth_year",
    "gender",
    "organization__name",
    "position",
    "joined_on",
    "status",
    "is_executive_member",
)
# The columns of a delegate list row (personnel/rows.py).
DELEGATE_ROW_COLUMNS = (
    "number",
    "kind",
    "is_alternate",
    "alternate_rank",
    "credential_status",
    "not_summoned",
    "absence_reason",
    "person__full_name",
    "organization__name",
)
# Files up to this size are imported within the request (a few thousand rows: about a second);
# larger ones go to the Celery worker and the page shows a progress bar.
INLINE_IMPORT_MAX_BYTES = 256 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _page(items, request: HttpRequest, *, count: int | None = None, search: bool = False):
    """The asked page of PAGE_SIZE rows. The row count comes from `count` when the caller knows it,
    or, for a search, from the first page itself when it is short: a search that finds 18 of 18,000
    members then reads them once instead of scanning twice (COUNT(*), then the rows; README,
    "Performance")."""
    paginator = Paginator(items, PAGE_SIZE)
    number = request.GET.get("page")
    if count is not None:
        paginator.count = count
    elif search and number in (None, "", "1"):
        first = list(items[: PAGE_SIZE + 1])
        if len(first) <= PAGE_SIZE:
            paginator.count = len(first)
        page = paginator.page(1)
        page.object_list = first[:PAGE_SIZE]
        return page
    return paginator.get_page(number)


def _querystring(request: HttpRequest) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])


def _file_response(data: bytes, content_type: str, filename: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M")


# --- members


@personnel_view("can_view_people")
def member_list(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    form = PeopleFilterForm(request.GET or None, congress=congress)
    data = form.cleaned_data if form.is_valid() else {}
    people = people_search(
        congress=congress,
        query=data.get("q", ""),
        organization_id=data.get("organization"),
        status=data.get("status", ""),
    )
    if request.GET.get("format") == "xlsx":
        return _file_response(
            imports.export_members(people.iterator(chunk_size=2000)), XLSX, f"dang-vien-{_stamp()}.xlsx"
        )
    totals = member_status_totals(congress)
    count = None
    if not data.get("q") and not data.get("organization"):  # the counts by status have it: no COUNT(*) of its own
        count = totals.get(data["status"], 0) if data.get("status") else sum(totals.values())
    page = _page(people.only(*MEMBER_ROW_COLUMNS), request, count=count, search=bool(data.get("q")))
    context = {
        "filter_form": form,
        "page": page,
        "querystring": _querystring(request),
        "pa": pa,
        "status_counts": member_status_counts(congress, totals),
        "rows": member_rows(page.object_list, congress_slug=congress.slug),
    }
    return render(request, "personnel/member_list.html", context)


@personnel_view("can_view_people")
def member_edit(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int | None = None) -> HttpResponse:
    writing = request.method == "POST" or pk is None
    instance = get_person_for_user(pa, congress, pk, write=writing) if pk else None
    if pk is None:
        require(pa, "can_edit_people")
    form = PersonForm(request.POST or None, instance=instance, congress=congress)
    if not pa.can_edit_people:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: person_save(person=form.instance)):
            messages.success(request, _("The party member's record was saved."))
            return redirect("member_list", congress=congress.slug)
    delegacy = instance.delegacies.select_related("organization").first() if instance else None
    return form_response(
        request,
        "personnel/member_form.html",
        {"form": form, "object": instance, "pa": pa, "delegacy": delegacy},
        form,
    )


# --- imports


@personnel_view("can_edit_people")
def import_create(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, initial={"kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = checked_upload(upload, kinds=("xlsx",))
        except ValidationError as error:
            form.add_error("file", error)
        else:
            job = ImportJob.objects.create(
                congress=congress,
                kind=form.cleaned_data["kind"],
                original_name=checked.name[:255],
                created_by=request.user,
                file=upload,
            )
            if checked.size <= INLINE_IMPORT_MAX_BYTES:
                claimed = imports.import_claim(job.pk)
                job = imports.import_run(job=claimed)
            else:
                transaction.on_commit(lambda: run_import.delay(job_id=job.pk))
            return redirect("import_detail", congress=congress.slug, pk=job.pk)
    jobs = ImportJob.objects.filter(congress=congress).select_related("created_by")[:10]
    return form_response(request, "personnel/import_form.html", {"form": form, "jobs": jobs, "pa": pa}, form)


@personnel_view("can_edit_people")
def import_detail(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int) -> HttpResponse:
    job = get_import_for_user(pa, congress, pk)
    template = "personnel/_import_status.html" if request.htmx else "personnel/import_detail.html"
    status = 400 if job.status == ImportStatus.FAILED and not request.htmx else 200
    return render(request, template, {"job": job, "pa": pa}, status=status)


@personnel_view("can_view_people")
def import_template(request: HttpRequest, congress: Congress, pa: PersonnelAccess, kind: str) -> HttpResponse:
    if kind not in ImportKind.values:
        raise Http404(_("No such template."))
    name = "mau-danh-sach-dang-vien.xlsx" if kind == ImportKind.MEMBERS else "mau-danh-sach-dai-bieu.xlsx"
    return _file_response(imports.template_xlsx(kind, congress), XLSX, name)


# --- seats


@personnel_view("can_view_people")
def seat_allocation(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    table = seat_table(congress)
    # Offer the total last allocated (by the formula), else everything the cap allows.
    initial = {"total": table.computed if table.allocated else table.cap, "base": 1}
    form = AllocateForm(request.POST or None, initial=initial)
    if request.method == "POST":
        require(pa, "can_edit_people")
        if form.is_valid() and apply_service(
            form,
            lambda: seats_allocate(
                congress=congress, total=form.cleaned_data["total"], base=form.cleaned_data["base"], by=request.user
            ),
        ):
            messages.success(request, _("The seats were allocated."))
            return redirect("seat_allocation", congress=congress.slug)
        table = seat_table(congress)
    return form_response(request, "personnel/seat_allocation.html", {"form": form, "table": table, "pa": pa}, form)


@require_POST
@personnel_view("can_edit_people")
def seat_adjust_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int) -> HttpResponse:
    allocation = get_allocation_for_user(pa, congress, pk, write=True)
    form = AdjustForm(request.POST, prefix=f"a{allocation.pk}")
    if form.is_valid() and apply_service(
        form,
        lambda: seat_adjust(
            allocation=allocation,
            adjustment=form.cleaned_data["adjustment"],
            reason=form.cleaned_data["reason"],
            by=request.user,
        ),
    ):
        messages.success(request, _("The seats of %(org)s were adjusted.") % {"org": allocation.organization.name})
        return redirect("seat_allocation", congress=congress.slug)
    return form_response(
        request,
        "personnel/seat_adjust.html",
        {"form": form, "allocation": allocation, "cap": seat_cap(congress), "pa": pa},
        form,
    )


# --- delegates


@personnel_view("can_view_people")
def delegate_list(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    form = DelegateFilterForm(request.GET or None, congress=congress)
    data = form.cleaned_data if form.is_valid() else {}
    delegates = delegates_search(
        congress=congress,
        query=data.get("q", ""),
        organization_id=data.get("organization"),
        kind=data.get("kind", ""),
        credential_status=data.get("credential_status", ""),
        alternates=data.get("alternates", ""),
        flagged=data.get("flagged", False),
        order=data.get("order") or "name",
    )
    if request.GET.get("format") == "xlsx":
        return _file_response(imports.export_delegates(delegates), XLSX, f"dai-bieu-{_stamp()}.xlsx")
    page = _page(delegates.only(*DELEGATE_ROW_COLUMNS), request, search=bool(data.get("q")))
    context = {
        "filter_form": form,
        "page": page,
        "querystring": _querystring(request),
        "pa": pa,
        "rows": delegate_rows(page.object_list, congress_slug=congress.slug),
        "summoned": summoned_delegates(congress).count(),
        "max_delegates": congress.max_delegates,
    }
    return render(request, "personnel/delegate_list.html", context)


@personnel_view("can_edit_people")
def delegate_create(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    form = DelegateRegisterForm(request.POST or None, congress=congress)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = {}

        def register():
            result["delegate"] = delegate_register(
                congress=congress,
                person=data["person"],
                kind=data["kind"],
                organization=data["organization"],
                number=data["number"],
                is_alternate=data["is_alternate"],
                alternate_rank=data["alternate_rank"],
                notes=data["notes"],
            )

        if apply_service(form, register):
            delegate = result["delegate"]
            messages.success(
                request,
                _("%(name)s was registered as delegate number %(n)s.")
                % {"name": delegate.person.full_name, "n": delegate.number or "–"},
            )
            if "another" in request.POST:
                return redirect("delegate_create", congress=congress.slug)
            return redirect("delegate_list", congress=congress.slug)
    return form_response(request, "personnel/delegate_form.html", {"form": form, "pa": pa}, form)


@require_POST
@personnel_view("can_edit_people")
def delegate_ex_officio(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    try:
        added = delegates_add_ex_officio(congress=congress)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("delegate_list", congress=congress.slug)
    messages.success(
        request,
        _("%(n)s members of the outgoing executive committee were added as ex-officio delegates.") % {"n": len(added)},
    )
    return redirect(reverse("delegate_list", kwargs={"congress": congress.slug}) + "?kind=ex_officio")


@personnel_view("can_view_people")
def delegate_detail(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int) -> HttpResponse:
    writing = request.method == "POST"
    delegate = get_delegate_for_user(pa, congress, pk, write=writing)
    form = DelegateEditForm(request.POST if "edit" in request.POST else None, instance=delegate)
    substitution_form = SubstitutionForm(request.POST if "substitute" in request.POST else None, replaced=delegate)
    bound = form if form.is_bound else substitution_form
    if writing and "edit" in request.POST and form.is_valid():
        data = form.cleaned_data
        if apply_service(
            form,
            lambda: delegate_update(
                delegate=delegate,
                number=data["number"],
                not_summoned=data["not_summoned"],
                absence_reason=data["absence_reason"],
                notes=data["notes"],
            ),
        ):
            messages.success(request, _("The delegate was saved."))
            return redirect("delegate_detail", congress=congress.slug, pk=delegate.pk)
    elif writing and "substitute" in request.POST and substitution_form.is_valid():
        data = substitution_form.cleaned_data
        if apply_service(
            substitution_form,
            lambda: substitution_record(
                replaced=delegate, alternate=data["alternate"], reason=data["reason"], by=request.user
            ),
        ):
            messages.success(
                request,
                _("%(alt)s replaces %(name)s.") % {"alt": data["alternate"].person.full_name, "name": delegate.person},
            )
            return redirect("delegate_detail", congress=congress.slug, pk=delegate.pk)
    if not pa.can_edit_people:
        for field in form.fields.values():
            field.disabled = True
    context = {
        "delegate": delegate,
        "form": form,
        "substitution_form": substitution_form,
        "pa": pa,
        "refusal": checkin_refusal(delegate),
        "checkins": delegate.checkins.select_related("session"),
    }
    return form_response(request, "personnel/delegate_detail.html", context, bound)


# --- credentials


@personnel_view("can_view_credentials")
def credentials_queue_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    status = request.GET.get("status", CredentialStatus.PENDING)
    if status not in CredentialStatus.values and status != "":
        status = CredentialStatus.PENDING
    queue = credentials_queue(congress=congress, status=status)
    page = Paginator(queue, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(
        Delegate.objects.filter(congress=congress)
        .values_list("credential_status")
        .annotate(n=Count("id"))
        .values_list("credential_status", "n")
    )
    context = {
        "page": page,
        "status": status,
        "counts": counts,
        "statuses": CredentialStatus.choices,
        "querystring": urlencode({"status": status}),
        "pa": pa,
    }
    return render(request, "personnel/credentials_queue.html", context)


@personnel_view("can_view_credentials")
def credential_decide_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int) -> HttpResponse:
    delegate = get_delegate_for_user(pa, congress, pk, write=request.method == "POST", credentials=True)
    form = CredentialForm(
        request.POST or None,
        initial={"credential_status": delegate.credential_status, "credential_reason": delegate.credential_reason},
    )
    if request.method == "POST" and form.is_valid():
        if apply_service(
            form,
            lambda: credential_decide(
                delegate=delegate,
                status=form.cleaned_data["credential_status"],
                reason=form.cleaned_data["credential_reason"],
                by=request.user,
            ),
        ):
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {"name": delegate.person.full_name, "status": delegate.get_credential_status_display()},
            )
            back = request.POST.get("next", "")
            if back.startswith(f"/{congress.slug}/"):
                return redirect(back)
            return redirect("credentials_queue", congress=congress.slug)
    return form_response(
        request, "personnel/credential_form.html", {"form": form, "delegate": delegate, "pa": pa}, form
    )


def _report_session(request: HttpRequest, congress: Congress) -> Session | None:
    value = request.GET.get("session", "")
    if value.isdigit():
        return Session.objects.filter(congress=congress, pk=int(value)).first()
    return None


@personnel_view("can_view_credentials")
def credentials_report_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    report = credentials_report(congress, session=_report_session(request, congress))
    fmt = request.GET.get("format")
    title = _("Report on the examination of delegates' credentials")
    if fmt == "pdf":
        pdf = render_pdf(
            "personnel/print/credentials_report.html",
            {"report": report, "congress": congress},
            header=header_for(congress, date=report.reference_date),
            title=title,
        )
        return _file_response(pdf, "application/pdf", "bao-cao-tham-tra-tu-cach.pdf", inline=True)
    if fmt == "docx":
        document = credentials_report_docx(report, title=title)
        return _file_response(docx_bytes(document), DOCX, "bao-cao-tham-tra-tu-cach.docx")
    sessions = Session.objects.filter(congress=congress)
    return render(request, "personnel/credentials_report.html", {"report": report, "sessions": sessions, "pa": pa})


# --- badges


@personnel_view("can_print_badges")
def badges_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    delegates = summoned_delegates(congress).filter(number__isnull=False).order_by("number")
    organization = request.GET.get("organization", "")
    if organization.isdigit():
        delegates = delegates.filter(organization_id=int(organization))
    pdf = badges_pdf(congress, list(delegates))
    return _file_response(pdf, "application/pdf", "the-dai-bieu.pdf", inline=True)


# --- sessions, check-in, presence


@personnel_view("can_view_presence")
def session_list(request: HttpRequest, congress: Congress, pa: PersonnelAccess) -> HttpResponse:
    return render(request, "personnel/session_list.html", {"presences": presence_by_session(congress), "pa": pa})


@personnel_view("can_manage_sessions")
def session_edit(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int | None = None) -> HttpResponse:
    instance = get_session_for_user(pa, congress, pk, right="can_manage_sessions") if pk else None
    form = SessionForm(request.POST or None, instance=instance, congress=congress)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, lambda: session_save(session=form.instance)):
            messages.success(request, _("The session was saved."))
            return redirect("session_list", congress=congress.slug)
    return form_response(request, "personnel/session_form.html", {"form": form, "object": instance, "pa": pa}, form)


def _tick_rows(session: Session) -> list[dict]:
    """Summoned delegates with their check-in at this session (two queries)."""
    checkins = {c.delegate_id: c for c in CheckIn.objects.filter(session=session)}
    delegates = summoned_delegates(session.congress).order_by("person__name_key", "id")
    return [{"delegate": d, "checkin": checkins.get(d.pk)} for d in delegates]


@personnel_view("can_check_in")
def checkin_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int) -> HttpResponse:
    session = get_session_for_user(pa, congress, pk, right="can_check_in")
    form = CheckInForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        outcome = {}

        def record():
            outcome["result"] = checkin_record(session=session, code=form.cleaned_data["code"], by=request.user)

        if apply_service(form, record):
            result = outcome["result"]
            form = CheckInForm()
    status = 400 if form.is_bound and form.errors else 200
    context = {"session": session, "form": form, "result": result, "pa": pa}
    if request.htmx:
        response = render(request, "personnel/_checkin_result.html", context, status=200 if result else status)
        if result:
            response["HX-Trigger"] = "presence-changed"
        # htmx does not swap 4xx responses by default; the message must still show.
        if status == 400:
            response.status_code = 200
            response["X-Checkin-Refused"] = "1"
        return response
    context.update(rows=_tick_rows(session), presence=presence_for_session(session))
    return render(request, "personnel/checkin.html", context, status=status)


@require_POST
@personnel_view("can_check_in")
def checkin_tick(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int, delegate: int) -> HttpResponse:
    session = get_session_for_user(pa, congress, pk, right="can_check_in")
    target = (
        get_delegate_for_user(pa, congress, delegate) if pa.can_view_people else _checkin_delegate(congress, delegate)
    )
    error = ""
    try:
        if request.POST.get("undo"):
            checkin_cancel(session=session, delegate=target)
        else:
            checkin_record(session=session, delegate=target, method="list", by=request.user)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    if request.htmx:
        row = {"delegate": target, "checkin": CheckIn.objects.filter(session=session, delegate=target).first()}
        response = render(
            request, "personnel/_tick_row.html", {"row": row, "session": session, "error": error, "pa": pa}
        )
        if not error:
            response["HX-Trigger"] = "presence-changed"
        return response
    if error:
        messages.error(request, error)
    return redirect(reverse("checkin", kwargs={"congress": congress.slug, "pk": session.pk}) + "#tick-list")


def _checkin_delegate(congress: Congress, pk: int) -> Delegate:
    """Check-in staff of the Organization & Service subcommittee see delegates only as a name and a number."""
    delegate = Delegate.objects.filter(congress=congress, pk=pk).select_related("person", "organization").first()
    if delegate is None:
        raise Http404(_("No such delegate."))
    return delegate


@personnel_view("can_view_presence")
def presence_view(request: HttpRequest, congress: Congress, pa: PersonnelAccess, pk: int | None = None) -> HttpResponse:
    session = get_session_for_user(pa, congress, pk) if pk else current_session(congress)
    if session is None:
        return render(request, "personnel/presence.html", {"session": None, "pa": pa})
    presence = presence_for_session(session)
    context = {
        "session": session,
        "presence": presence,
        "sessions": Session.objects.filter(congress=congress),
        "pa": pa,
        "now": timezone.localtime(),
    }
    if request.htmx:
        return render(request, "personnel/_presence_live.html", context)
    return render(request, "personnel/presence.html", context)
