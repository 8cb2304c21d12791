"""Template tags of the documents app: the navigation item and the dashboard card."""

from __future__ import annotations

from django import template
from django.db.models import Count, Q

register = template.Library()


def _docs(context):
    from documents.permissions import documents_access_for

    request = context.get("request")
    congress = context.get("congress")
    if request is None or congress is None or not request.user.is_authenticated:
        return None
    return getattr(request, "documents_access", None) or documents_access_for(request.user, congress)


@register.inclusion_tag("documents/_nav_item.html", takes_context=True)
def documents_nav_item(context):
    """ "Drafts" for those who work on or read all drafts; "My reviews" for invited reviewers."""
    docs = _docs(context)
    congress = context.get("congress")
    if docs is None or not docs.sees_documents:
        return {"show": False}
    link = "draft_list" if docs.reads_all else "review_invitations"
    path = context["request"].path
    base = f"/{congress.slug}/"
    active = any(path.startswith(base + part) for part in ("drafts/", "reviews/", "versions/", "rounds/", "comments/"))
    return {"show": True, "link": link, "congress": congress, "active": active}


@register.inclusion_tag("documents/_dashboard_card.html", takes_context=True)
def documents_dashboard_card(context):
    from documents.models import ReviewRound
    from documents.selectors import invitations_for

    docs = _docs(context)
    congress = context.get("congress")
    if docs is None:
        return {}
    result = {"congress": congress, "invitations": [], "work_rounds": []}
    if docs.invited_round_ids:
        result["invitations"] = invitations_for(congress=congress, user=context["request"].user)
    elif docs.works:
        result["work_rounds"] = list(
            ReviewRound.objects.filter(draft__congress=congress, handled_at__isnull=True)
            .select_related("draft")
            .annotate(undisposed=Count("comments", filter=Q(comments__disposition="")))
            .filter(undisposed__gt=0)
            .order_by("disposition_due_on", "closes_on")[:5]
        )
    return result
