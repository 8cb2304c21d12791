"""The member and delegate lists' rows, written in Python (see congress/rows.py; tests/personnel/test_rows.py)."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from congress.rows import pk_url, text
from congress.templatetags.page_tags import dmy

_MEMBER_BADGES = {"official": "badge text-bg-light border", "probationary": "badge text-bg-info"}


def member_rows(people, *, congress_slug: str) -> SafeString:
    """One <tr> a party member: name and link (and "BCH"), card, birth, gender, organization, position,
    joining date, status."""
    url = pk_url("member_edit", congress_slug)
    executive = text(gettext("member of the outgoing executive committee"))
    rows = []
    for p in people:
        bch = (
            f' <span class="badge text-bg-light border" title="{executive}">BCH</span>' if p.is_executive_member else ""
        )
        born = dmy(p.birth_date) if p.birth_date else text(p.birth_year)
        badge = _MEMBER_BADGES.get(p.status, "badge text-bg-warning")
        rows.append(
            "\n  <tr>\n"
            f'    <td><a href="{url(p.pk)}">{text(p.full_name)}</a>{bch}</td>\n'
            f'    <td class="text-muted small">{text(p.member_number)}</td>\n'
            f'    <td class="small">{born}</td>\n'
            f'    <td class="small">{text(p.get_gender_display())}</td>\n'
            f'    <td class="small">{text(p.organization.name)}</td>\n'
            f'    <td class="small">{text(p.position)}</td>\n'
            f'    <td class="small">{dmy(p.joined_on)}</td>\n'
            f'    <td><span class="{badge}">{text(p.get_status_display())}</span></td>\n'
            "  </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every text above is escaped)


_CREDENTIAL_BADGES = {"qualified": "badge text-bg-success", "not_qualified": "badge text-bg-danger"}


def delegate_rows(delegates, *, congress_slug: str) -> SafeString:
    """One <tr> a delegate: number, name and link, kind (alternate and rank), delegation, credentials,
    remarks (not summoned, substitutions by name, absence). The delegates come from
    personnel.selectors.delegates_search (replaced_by_name and replacing_name annotated)."""
    url = pk_url("delegate_detail", congress_slug)
    alternate = text(gettext("alternate"))
    absent = text(gettext("absent:"))
    replaced_by, replaces = gettext("replaced by %(name)s"), gettext("replaces %(name)s")
    rows = []
    for d in delegates:
        kind = text(d.get_kind_display())
        if d.is_alternate:
            rank = f" {text(d.alternate_rank)}" if d.alternate_rank else ""
            kind += f' · <span class="badge text-bg-light border">{alternate}{rank}</span>'
        badge = _CREDENTIAL_BADGES.get(d.credential_status, "badge text-bg-secondary")
        remarks = [
            f'<span class="badge text-bg-warning"><i class="bi bi-flag" aria-hidden="true"></i> '
            f"{text(d.get_not_summoned_display())}</span>"
            if d.not_summoned
            else "",
            f'<span class="text-muted">{replaced_by % {"name": text(d.replaced_by_name)}}</span>'
            if d.replaced_by_name
            else "",
            f'<span class="text-muted">{replaces % {"name": text(d.replacing_name)}}</span>'
            if d.replacing_name
            else "",
            f'<span class="text-muted">{absent} {text(d.absence_reason)}</span>' if d.absence_reason else "",
        ]
        rows.append(
            "\n  <tr>\n"
            f'    <td class="text-end">{f"{d.number:03d}" if d.number else ""}</td>\n'
            f'    <td><a href="{url(d.pk)}">{text(d.person.full_name)}</a></td>\n'
            f'    <td class="small">{kind}</td>\n'
            f'    <td class="small">{text(d.organization.name)}</td>\n'
            f'    <td><span class="{badge}">{text(d.get_credential_status_display())}</span></td>\n'
            '    <td class="small">' + "".join(f"\n      {remark}" for remark in remarks) + "\n    </td>\n  </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 (every text above is escaped)
