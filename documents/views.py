"""Views of the documents app: drafts, versions, diff, review rounds, comments, dispositions,
the consolidation register, exports and circulated copies. Permission checks are the access
helpers of documents.permissions; rules are in documents.services."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congress.models import Congress
from congress.views import apply_service, form_response
from documents import exports, selectors, services
from documents.diff import diff_versions
from documents.forms import (
    BulkDispositionForm,
    CommentForm,
    CopyForm,
    DiffForm,
    DispositionFilterForm,
    DispositionForm,
    DraftForm,
    MoveForm,
    PublishForm,
    RecordCommentForm,
    RoundForm,
    VersionForm,
)
from documents.models import Comment, CommentSource, Disposition, Draft, ExportStatus, Paragraph, ReviewRound
from documents.parsing import blocks_to_text
from documents.permissions import (
    DocumentsAccess,
    documents_view,
    get_comment_for_user,
    get_copy_for_user,
    get_draft_for_user,
    get_export_for_user,
    get_round_for_user,
    get_version_for_user,
)
from documents.rows import disposition_rows, left_links, paragraph_rows

PAGE_SIZE = 25
DISPOSITION_PAGE_SIZE = 50
REGISTER_PAGE_SIZE = 100

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"docx": DOCX, "xlsx": XLSX, "pdf": "application/pdf"}


def _download(content: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _require_manage(docs: DocumentsAccess) -> None:
    if not docs.manages:
        raise PermissionDenied(_("Only the secretariat and the Documents subcommittee's leaders can change this."))


# --- drafts


@documents_view
def draft_list(request: HttpRequest, congress: Congress, docs: DocumentsAccess) -> HttpResponse:
    if not docs.reads_all:
        return redirect("review_invitations", congress=congress.slug)
    drafts = selectors.visible_drafts(congress=congress, docs=docs)
    page = Paginator(drafts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "documents/draft_list.html", {"page": page, "docs": docs})


@documents_view
def review_invitations(request: HttpRequest, congress: Congress, docs: DocumentsAccess) -> HttpResponse:
    rounds = selectors.invitations_for(congress=congress, user=request.user)
    copies = selectors.copies_for(congress=congress, user=request.user)
    return render(
        request,
        "documents/review_invitations.html",
        {"rounds": rounds, "copies": copies, "docs": docs, "today": timezone.localdate()},
    )


@documents_view
def draft_detail(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    draft = get_draft_for_user(docs, congress, pk)
    context = {"draft": draft, "docs": docs, "today": timezone.localdate(), **selectors.draft_page(draft, docs=docs)}
    if docs.manages:
        moves = services.allowed_moves(draft)
        context["move_form"] = MoveForm(moves=moves) if moves else None
    context["has_working_copy"] = any(not v.is_published for v in context["versions"])
    return render(request, "documents/draft_detail.html", context)


@documents_view
def draft_edit(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int | None = None) -> HttpResponse:
    draft = get_draft_for_user(docs, congress, pk, manage=True) if pk else None
    _require_manage(docs)
    form = DraftForm(request.POST or None, instance=draft, congress=congress)
    if request.method == "POST" and form.is_valid():
        if apply_service(
            form,
            lambda: services.draft_save(draft=form.instance, by=request.user, drafters=form.cleaned_data["drafters"]),
        ):
            messages.success(request, _("The draft was saved."))
            return redirect(form.instance.get_absolute_url())
    return form_response(request, "documents/draft_form.html", {"form": form, "draft": draft}, form)


@require_POST
@documents_view
def draft_move_view(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    draft = get_draft_for_user(docs, congress, pk, manage=True)
    form = MoveForm(request.POST, moves=services.allowed_moves(draft))
    if form.is_valid() and apply_service(
        form,
        lambda: services.draft_move(
            draft=draft, to_status=form.cleaned_data["to_status"], by=request.user, note=form.cleaned_data["note"]
        ),
    ):
        draft.refresh_from_db()
        messages.success(request, _("The draft is now: %(status)s.") % {"status": draft.get_status_display()})
        return redirect(draft.get_absolute_url())
    context = {"draft": draft, "form": form}
    return render(request, "documents/draft_move.html", context, status=400)


# --- versions


@documents_view
def version_create_view(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    draft = get_draft_for_user(docs, congress, pk)
    if not docs.works:
        raise PermissionDenied(_("Only the secretariat and the Documents subcommittee can do this."))
    latest = draft.versions.order_by("-number").first()
    initial = {}
    if latest is not None:
        initial["text"] = blocks_to_text(latest.paragraphs.order_by("position"))
    form = VersionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = {}

        def create():
            created["version"] = services.version_create(
                draft=draft,
                by=request.user,
                text=form.cleaned_data["text"] if not form.cleaned_data["upload"] else None,
                upload=form.cleaned_data["upload"],
                note=form.cleaned_data["note"],
            )

        if apply_service(form, create):
            version = created["version"]
            messages.success(
                request,
                _("Version %(n)d was created with %(p)d numbered paragraphs. Check it, then publish it.")
                % {"n": version.number, "p": version.paragraph_count},
            )
            return redirect(version.get_absolute_url())
    return form_response(
        request, "documents/version_form.html", {"form": form, "draft": draft, "version": None, "latest": latest}, form
    )


@documents_view
def version_edit(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    version = get_version_for_user(docs, congress, pk, work=True)
    if version.is_published:
        messages.error(request, _("A published version never changes: create a new version instead."))
        return redirect(version.get_absolute_url())
    form = VersionForm(
        request.POST or None,
        request.FILES or None,
        initial={"text": blocks_to_text(version.paragraphs.order_by("position")), "note": version.note},
    )
    if request.method == "POST" and form.is_valid():
        if apply_service(
            form,
            lambda: services.version_update(
                version=version,
                by=request.user,
                text=form.cleaned_data["text"] if not form.cleaned_data["upload"] else None,
                upload=form.cleaned_data["upload"],
                note=form.cleaned_data["note"],
            ),
        ):
            messages.success(request, _("The version was saved."))
            return redirect(version.get_absolute_url())
    return form_response(
        request, "documents/version_form.html", {"form": form, "draft": version.draft, "version": version}, form
    )


@documents_view
def version_detail(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    version = get_version_for_user(docs, congress, pk)
    rows, whole = selectors.reading_rows(version=version, docs=docs)
    rounds = (
        list(version.rounds.all())
        if docs.reads_all
        else list(version.rounds.filter(pk__in=list(docs.invited_round_ids)))
    )
    previous = version.draft.versions.filter(number__lt=version.number).order_by("-number").first()
    context = {
        "version": version,
        "draft": version.draft,
        "rows": rows,
        "whole": whole,
        "rounds": rounds,
        "previous": previous,
        "docs": docs,
        "can_export": docs.works or not version.draft.confidential,
        "publish_form": PublishForm() if docs.manages and not version.is_published else None,
    }
    return render(request, "documents/version_detail.html", context)


@require_POST
@documents_view
def version_publish_view(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    version = get_version_for_user(docs, congress, pk, manage=True)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        result = services.version_publish(
            version=version, by=request.user, carry_over=form.cleaned_data.get("carry_over", False)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(version.get_absolute_url())
    message = _("Version %(n)d is published: it will not change any more.") % {"n": version.number}
    if result.carried or result.landed or result.unmatched:
        message += " " + _(
            "Carry-over: %(carried)d open comment(s) carried to the matching paragraphs, %(landed)d accepted "
            "comment(s) located, %(unmatched)d without a matching paragraph."
        ) % {"carried": result.carried, "landed": result.landed, "unmatched": result.unmatched}
    messages.success(request, message)
    return redirect(version.get_absolute_url())


@documents_view
def version_export(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int, fmt: str) -> HttpResponse:
    version = get_version_for_user(docs, congress, pk)
    if fmt not in ("docx", "pdf"):
        raise Http404(_("No such format."))
    if version.draft.confidential and not docs.works:
        raise PermissionDenied(_("A confidential draft is circulated only as numbered copies."))
    content = exports.version_docx(version) if fmt == "docx" else exports.version_pdf(version)
    return _download(content, exports.version_filename(version, fmt), fmt)


@documents_view
def diff_view(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    draft = get_draft_for_user(docs, congress, pk)
    versions = list(selectors.versions_of(draft, docs=docs).order_by("number"))
    if len(versions) < 2:
        messages.info(request, _("There is only one version: nothing to compare yet."))
        return redirect(draft.get_absolute_url())
    data = request.GET.copy() if request.GET else {"a": versions[-2].pk, "b": versions[-1].pk}
    form = DiffForm(data, versions=versions)
    if not form.is_valid():
        return render(request, "documents/diff.html", {"draft": draft, "form": form, "result": None}, status=400)
    by_id = {v.pk: v for v in versions}
    old, new = by_id[form.cleaned_data["a"]], by_id[form.cleaned_data["b"]]
    result = diff_versions(list(old.paragraphs.order_by("position")), list(new.paragraphs.order_by("position")))
    rows = [r for r in result.rows if r.op != "equal"] if form.cleaned_data["changes_only"] else result.rows
    return render(
        request,
        "documents/diff.html",
        {"draft": draft, "form": form, "result": result, "rows": rows, "old": old, "new": new},
    )


# --- circulated copies


@documents_view
def copy_list(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    version = get_version_for_user(docs, congress, pk, manage=True)
    form = CopyForm(request.POST or None, congress=congress)
    if request.method == "POST" and form.is_valid():
        if apply_service(
            form,
            lambda: services.circulation_issue(
                version=version,
                recipient_name=form.cleaned_data["recipient_name"],
                recipient=form.cleaned_data["recipient"],
                organization=form.cleaned_data["organization"],
                note=form.cleaned_data["note"],
                by=request.user,
            ),
        ):
            messages.success(request, _("The copy was issued."))
            return redirect("copy_list", congress=congress.slug, pk=version.pk)
    context = {"version": version, "draft": version.draft, "form": form, "copies": selectors.copies_of(version)}
    return form_response(request, "documents/copy_list.html", context, form)


@documents_view
def copy_download(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    copy = get_copy_for_user(docs, congress, pk)
    pdf = services.circulation_download(copy=copy, by=request.user, ip_address=request.META.get("REMOTE_ADDR"))
    filename = exports.version_filename(copy.version, "pdf").replace(".pdf", f"-ban-so-{copy.number:02d}.pdf")
    return _download(pdf, filename, "pdf")


# --- review rounds: set-up


@documents_view
def round_edit(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    draft = get_draft_for_user(docs, congress, pk, manage=True)
    return _round_form(request, draft, None)


@documents_view
def round_edit_existing(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    review_round = get_round_for_user(docs, congress, pk, manage=True)
    return _round_form(request, review_round.draft, review_round)


def _round_form(request: HttpRequest, draft: Draft, review_round: ReviewRound | None) -> HttpResponse:
    form = RoundForm(request.POST or None, instance=review_round, draft=draft)
    if request.method == "POST" and form.is_valid():
        if apply_service(
            form,
            lambda: services.round_save(
                review_round=form.instance,
                by=request.user,
                reviewers=list(form.cleaned_data["reviewers"]),
                organizations=list(form.cleaned_data["organizations"]),
            ),
        ):
            messages.success(request, _("The review round was saved."))
            return redirect(form.instance.get_absolute_url())
    if not draft.versions.filter(published_at__isnull=False).exists():
        form.add_error(None, _("Publish a version first: only a published version can be sent out for comments."))
    return form_response(
        request, "documents/round_form.html", {"form": form, "draft": draft, "round": review_round}, form
    )


# --- review rounds: reading and commenting


def _panel_context(request, review_round: ReviewRound, docs: DocumentsAccess, paragraph: Paragraph | None, form=None):
    return {
        "round": review_round,
        "paragraph": paragraph,
        "comments": selectors.paragraph_comments(review_round=review_round, paragraph=paragraph, docs=docs),
        "form": form or CommentForm(),
        "can_comment": docs.can_comment(review_round) and review_round.takes_comments,
        "sees_all": docs.sees_all_comments_of(review_round),
        "docs": docs,
    }


def _paragraph_from(request, review_round: ReviewRound) -> Paragraph | None:
    raw = request.GET.get("paragraph") or request.POST.get("paragraph") or ""
    if not raw or raw == "document":
        return None
    try:
        return Paragraph.objects.get(version_id=review_round.version_id, pk=int(raw))
    except (ValueError, Paragraph.DoesNotExist):
        raise Http404(_("No such paragraph.")) from None


@documents_view
def round_read(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    """The reading page: numbered paragraphs with comment counts; a click opens the comments."""
    review_round = get_round_for_user(docs, congress, pk)
    panel = None
    if "paragraph" in request.GET:
        panel = _panel_context(request, review_round, docs, _paragraph_from(request, review_round))
    rows, whole = selectors.reading_page_rows(
        review_round=review_round, docs=docs, selected=panel["paragraph"] if panel else None
    )
    context = {
        "round": review_round,
        "draft": review_round.draft,
        "version": review_round.version,
        "rows": rows,
        "rows_html": paragraph_rows(rows, congress_slug=congress.slug, round_pk=review_round.pk),
        "whole": whole,
        "docs": docs,
        "today": timezone.localdate(),
        "can_comment": docs.can_comment(review_round) and review_round.takes_comments,
    }
    if panel:
        context["panel"] = panel
    return render(request, "documents/round_read.html", context)


@documents_view
def round_comments(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    """The comment panel of one paragraph (htmx), and adding a comment to it."""
    review_round = get_round_for_user(docs, congress, pk)
    paragraph = _paragraph_from(request, review_round)
    if request.method != "POST":
        if not request.htmx:
            query = urlencode({"paragraph": paragraph.pk if paragraph else "document"})
            return redirect(f"{review_round.get_absolute_url()}?{query}#comment-panel")
        return render(request, "documents/_comment_panel.html", _panel_context(request, review_round, docs, paragraph))
    if not docs.can_comment(review_round):
        raise PermissionDenied(_("You are not invited to comment in this round."))
    form = CommentForm(request.POST)
    ok = form.is_valid() and apply_service(
        form,
        lambda: services.comment_add(
            review_round=review_round,
            paragraph=paragraph,
            author=request.user,
            text=form.cleaned_data["text"],
            proposed_text=form.cleaned_data["proposed_text"],
        ),
    )
    if ok:
        form = CommentForm()
        messages_text = _("Your comment was recorded. Thank you.")
        if not request.htmx:
            messages.success(request, messages_text)
            query = urlencode({"paragraph": paragraph.pk if paragraph else "document"})
            return redirect(f"{review_round.get_absolute_url()}?{query}#comment-panel")
    context = _panel_context(request, review_round, docs, paragraph, form=form)
    context["saved"] = ok
    if ok:
        rows, whole = selectors.reading_rows(version=review_round.version, review_round=review_round, docs=docs)
        context["count_row"] = next((r for r in rows if paragraph and r.paragraph.pk == paragraph.pk), None)
        context["whole"] = whole
    if not request.htmx:
        rows, whole = selectors.reading_page_rows(review_round=review_round, docs=docs, selected=paragraph)
        page = {
            "round": review_round,
            "draft": review_round.draft,
            "version": review_round.version,
            "rows": rows,
            "rows_html": paragraph_rows(rows, congress_slug=congress.slug, round_pk=review_round.pk),
            "whole": whole,
            "docs": docs,
            "today": timezone.localdate(),
            "can_comment": context["can_comment"],
            "panel": context,
        }
        return render(request, "documents/round_read.html", page, status=400)
    return render(request, "documents/_comment_panel.html", context, status=200 if ok else 400)


@documents_view
def comment_record(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    """The secretariat records a comment made on paper or at a meeting, on someone's behalf."""
    review_round = get_round_for_user(docs, congress, pk, work=True)
    form = RecordCommentForm(request.POST or None, review_round=review_round)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if apply_service(
            form,
            lambda: services.comment_record_on_behalf(
                round=review_round,
                paragraph=data["paragraph"],
                text=data["text"],
                proposed_text=data["proposed_text"],
                author_name=data["author_name"],
                organization=data["organization"],
                source=data["source"],
                recorded_by=request.user,
            ),
        ):
            messages.success(request, _("The comment was recorded."))
            return redirect("comment_record", congress=congress.slug, pk=review_round.pk)
    return form_response(
        request,
        "documents/comment_record.html",
        {"form": form, "round": review_round, "draft": review_round.draft},
        form,
    )


# --- dispositions


def _disposition_filters(request, review_round: ReviewRound, counts: selectors.RegisterCounts):
    # (id, label) pairs, not 150 model instances: the filter's choices are all the page needs of them.
    paragraphs = list(review_round.version.paragraphs.order_by("position").values_list("id", "label"))
    # Authors and organizations come with the counts (one query for the three).
    authors, organizations = counts.authors, counts.organizations
    form = DispositionFilterForm(
        request.GET or None,
        review_round=review_round,
        paragraphs=paragraphs,
        authors=authors,
        organizations=organizations,
    )
    filters = selectors.DispositionFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.DispositionFilter(
            paragraph=data["paragraph"],
            author_name=data["author"],
            organization=data["organization"],
            disposition=data["disposition"],
        )
    return form, filters


def _disposition_rows(rows: list[dict], congress: Congress) -> list[dict]:
    """Add to each row of the work page what template tags would compute once a row: the URL of its answer
    form (reversed once for the page, the comment id put in its place), its two labels with the comment number
    (the msgids of documents/_disposition_cell.html, translated once) and the labels of its source and
    disposition (get_<field>_display: the label, or the value itself)."""
    marker = "2147483647"  # any id: it is replaced by each comment's
    head, tail = reverse("comment_dispose", args=[congress.slug, marker]).split(marker)
    select_label = _("Select comment no. %(n)s")
    answer_label = _("comment no. %(n)s")
    sources = {value: str(label) for value, label in CommentSource.choices}
    dispositions = {value: str(label) for value, label in Disposition.choices}
    for row in rows:
        row["dispose_url"] = f"{head}{row['id']}{tail}"
        row["select_label"] = select_label % {"n": row["number"]}
        row["answer_label"] = answer_label % {"n": row["number"]}
        row["source_display"] = sources.get(row["source"], row["source"])
        row["disposition_display"] = dispositions.get(row["disposition"], row["disposition"])
    return rows


@documents_view
def disposition_list(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    """The disposition work page: filters, every comment with its answer, bulk disposition."""
    review_round = get_round_for_user(docs, congress, pk, work=True)
    counts = selectors.register_counts(review_round)
    filter_form, filters = _disposition_filters(request, review_round, counts)
    comments = selectors.disposition_rows(review_round=review_round, filters=filters)
    paginator = Paginator(comments, DISPOSITION_PAGE_SIZE)
    known = counts.matching(filters)
    if known is not None:  # the counts query has it already: no COUNT(*) of its own
        paginator.count = known
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = _disposition_rows(list(page.object_list), congress)
    rows_html = disposition_rows(page.object_list)
    params = request.GET.copy()
    params.pop("page", None)
    left = (
        Comment.objects.filter(round=review_round, disposition="")
        .values("paragraph__label", "paragraph__position")
        .annotate(n=Count("id"))
        .order_by(F("paragraph__position").asc(nulls_first=True))
    )
    left_by_paragraph: dict[str, int] = {}
    for row in left:
        key = f"§{row['paragraph__label']}" if row["paragraph__label"] else _("whole document")
        left_by_paragraph[key] = left_by_paragraph.get(key, 0) + row["n"]
    context = {
        "round": review_round,
        "draft": review_round.draft,
        "filter_form": filter_form,
        "page": page,
        "querystring": urlencode(params, doseq=True),
        "counts": counts,
        "rows_html": rows_html,
        "left_by_paragraph": left_links(left_by_paragraph),
        "bulk_form": BulkDispositionForm(review_round=review_round),
        "docs": docs,
    }
    status = 400 if filter_form.is_bound and not filter_form.is_valid() else 200
    return render(request, "documents/disposition_list.html", context, status=status)


@require_POST
@documents_view
def disposition_bulk(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    review_round = get_round_for_user(docs, congress, pk, work=True)
    form = BulkDispositionForm(request.POST, review_round=review_round)
    done = {}
    if form.is_valid() and apply_service(
        form,
        lambda: done.setdefault(
            "n",
            services.comments_dispose_bulk(
                review_round=review_round,
                comment_ids=[c.pk for c in form.cleaned_data["comments"]],
                disposition=form.cleaned_data["disposition"],
                response=form.cleaned_data["response"],
                by=request.user,
            ),
        ),
    ):
        messages.success(request, _("%(n)d comment(s) were disposed.") % {"n": done["n"]})
        return redirect(
            f"{reverse('disposition_list', args=[congress.slug, review_round.pk])}?{request.GET.urlencode()}"
        )
    context = {"round": review_round, "draft": review_round.draft, "form": form}
    return render(request, "documents/disposition_bulk_error.html", context, status=400)


@documents_view
def comment_dispose_view(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    """Answer one comment (htmx inside the work page, or a page of its own without JavaScript)."""
    comment = get_comment_for_user(docs, congress, pk, work=True)
    later = selectors.later_paragraphs(comment.round)
    initial = {
        "disposition": comment.disposition or None,
        "response": comment.response,
        "landed_in": comment.landed_in_id or comment.carried_to_id,
        "revision": comment.revision,
    }
    form = DispositionForm(request.POST or None, initial=initial, later_paragraphs=later)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if apply_service(
                form,
                lambda: services.comment_dispose(
                    comment=comment,
                    disposition=data["disposition"],
                    response=data["response"],
                    landed_in=data["landed_in"],
                    by=request.user,
                    expected_revision=data["revision"],
                ),
            ):
                if request.htmx:
                    comment = selectors.disposition_comments(
                        review_round=comment.round, filters=selectors.DispositionFilter()
                    ).get(pk=comment.pk)
                    return render(request, "documents/_disposition_cell.html", {"c": comment, "just_saved": True})
                messages.success(request, _("The disposition was saved."))
                return redirect("disposition_list", congress=congress.slug, pk=comment.round_id)
        conflict = any(e.code == "conflict" for e in form.non_field_errors().as_data())
        status = 409 if conflict else 400
        if conflict:
            comment.refresh_from_db()
            # Show what the other person saved, with the revision that can now be overwritten knowingly.
            form = DispositionForm(
                initial={
                    "disposition": comment.disposition,
                    "response": comment.response,
                    "landed_in": comment.landed_in_id,
                    "revision": comment.revision,
                },
                later_paragraphs=later,
            )
            form.conflict = True
    template = "documents/_disposition_form.html" if request.htmx else "documents/comment_dispose.html"
    context = {"c": comment, "form": form, "round": comment.round, "draft": comment.round.draft, "status": status}
    return render(request, template, context, status=status)


@require_POST
@documents_view
def round_handled(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    review_round = get_round_for_user(docs, congress, pk, manage=True)
    if request.POST.get("reopen"):
        services.round_reopen(review_round=review_round)
        messages.success(request, _("The round is open for dispositions again."))
        return redirect("disposition_list", congress=congress.slug, pk=review_round.pk)
    try:
        services.round_mark_handled(review_round=review_round, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{reverse('disposition_list', args=[congress.slug, review_round.pk])}?disposition=none")
    messages.success(request, _("The round is marked as handled: every comment has its disposition."))
    return redirect("round_register", congress=congress.slug, pk=review_round.pk)


# --- the consolidation register and its exports


@documents_view
def register_view(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    review_round = get_round_for_user(docs, congress, pk)
    if not docs.reads_all:
        raise PermissionDenied(_("The register is kept by the Documents subcommittee."))
    comments = (
        Comment.objects.filter(round=review_round)
        .select_related("paragraph", "organization", "landed_in", "landed_in__version")
        .order_by(F("paragraph__position").asc(nulls_first=True), "number")
    )
    page = Paginator(comments, REGISTER_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "round": review_round,
        "draft": review_round.draft,
        "counts": selectors.register_counts(review_round),
        "page": page,
        "exports": list(review_round.exports.all()[:5]),
        "docs": docs,
    }
    return render(request, "documents/register.html", context)


def export_in_background(fmt: str, count: int) -> bool:
    """PDF layout is slow (about 3 s per thousand comments): large ones go to the worker."""
    limit = getattr(settings, "DOCUMENTS_PDF_INLINE_LIMIT", exports.PDF_CHUNK)
    return fmt == "pdf" and count > limit


@require_POST
@documents_view
def register_export(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    review_round = get_round_for_user(docs, congress, pk)
    if not docs.reads_all:
        raise PermissionDenied(_("The register is kept by the Documents subcommittee."))
    fmt = request.POST.get("format", "")
    if fmt not in CONTENT_TYPES:
        messages.error(request, _("Choose a format: Word, PDF or Excel."))
        return redirect("round_register", congress=congress.slug, pk=review_round.pk)
    if export_in_background(fmt, review_round.comments.count()):
        export = services.register_export_request(review_round=review_round, fmt=fmt, by=request.user)
        return redirect("export_status", congress=congress.slug, pk=export.pk)
    content, filename = exports.register_file(review_round=review_round, fmt=fmt)
    return _download(content, filename, fmt)


@documents_view
def export_status(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    export = get_export_for_user(docs, congress, pk)
    template = "documents/_export_status.html" if request.htmx else "documents/export_status.html"
    return render(request, template, {"export": export, "round": export.round, "draft": export.round.draft})


@documents_view
def export_download(request: HttpRequest, congress: Congress, docs: DocumentsAccess, pk: int) -> HttpResponse:
    export = get_export_for_user(docs, congress, pk)
    if export.status != ExportStatus.DONE or not export.file:
        raise Http404(_("The file is not ready."))
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=exports.register_filename(export.round, export.format),
        content_type=CONTENT_TYPES[export.format],
    )
    response["Cache-Control"] = "private, no-store"
    return response
