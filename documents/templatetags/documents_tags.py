"""Template tags of the documents app: the dashboard card (the navigation item is in congress/nav.py)."""

from __future__ import annotations

import datetime

from django import template
from django.db.models import Count

register = template.Library()


def _docs(context):
    from documents.permissions import documents_access_for

    request = context.get("request")
    congress = context.get("congress")
    if request is None or congress is None or not request.user.is_authenticated:
        return None
    return getattr(request, "documents_access", None) or documents_access_for(request.user, congress)


@register.inclusion_tag("documents/_dashboard_card.html", takes_context=True)
def documents_dashboard_card(context):
    from documents.models import Comment
    from documents.selectors import invitations_for

    docs = _docs(context)
    congress = context.get("congress")
    if docs is None:
        return {}
    result = {"congress": congress, "invitations": [], "work_rounds": []}
    if docs.invited_round_ids:
        result["invitations"] = invitations_for(congress=congress, user=context["request"].user)
    elif docs.works:
        # The undisposed comments of the congress's open rounds, counted per round with the round's
        # columns in one grouped read (the (round, disposition, …) index; a district's 2,000 comments:
        # 0.8 ms in all, where the subquery per round cost 1.8 ms of query building). Rounds with a
        # disposition date first, the nearest first (the same order on SQLite and PostgreSQL).
        rows = (
            Comment.objects.filter(round__draft__congress=congress, round__handled_at__isnull=True, disposition="")
            .order_by()
            .values_list("round_id")
            .annotate(n=Count("pk"))
            .values_list(
                "round_id", "round__title", "round__closes_on", "round__disposition_due_on", "round__draft__title", "n"
            )
        )
        far = datetime.date.max
        result["work_rounds"] = [
            {"pk": pk, "title": title, "draft": {"title": draft_title}, "undisposed": n, "disposition_due_on": due}
            for pk, title, closes_on, due, draft_title, n in sorted(
                rows, key=lambda row: (row[3] or far, row[2] or far, row[0])
            )[:5]
        ]
    return result
