"""Who may see and do what in a congress: the rules, written once.

A user's standing in a congress is read once per request into an `Access` (roles held
congress-wide plus subcommittee memberships). Rules predicates, views (through the access
helpers in `congress.access`), templates (the `access` context variable) and the admin all
ask the same `Access`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import rules
from django.db.models import BigIntegerField, Value

from congress.models import Congress, Role


@dataclass(frozen=True)
class Access:
    congress_id: int
    roles: frozenset[str] = frozenset()
    # subcommittee id → membership role
    memberships: dict[int, str] = field(default_factory=dict)
    superuser: bool = False

    @property
    def is_member_of_congress(self) -> bool:
        """Anyone with any standing here; everybody else is an outsider (404)."""
        return self.superuser or bool(self.roles) or bool(self.memberships)

    @property
    def is_secretariat_lead(self) -> bool:
        return self.superuser or Role.SECRETARIAT_LEAD in self.roles

    @property
    def is_secretariat(self) -> bool:
        return self.is_secretariat_lead or Role.SECRETARIAT in self.roles

    @property
    def is_observer(self) -> bool:
        return Role.OBSERVER in self.roles

    @property
    def sees_all_subcommittees(self) -> bool:
        return self.is_secretariat or self.is_observer

    @property
    def can_view_workspace(self) -> bool:
        """The preparation workspace: tasks, subcommittees, meetings."""
        return self.sees_all_subcommittees or bool(self.memberships)

    @property
    def can_manage_congress(self) -> bool:
        return self.is_secretariat

    @property
    def managed_subcommittees(self) -> set[int]:
        from subcommittees.models import MANAGING_ROLES

        return {sid for sid, role in self.memberships.items() if role in MANAGING_ROLES}

    @property
    def can_create_tasks(self) -> bool:
        return self.is_secretariat or bool(self.managed_subcommittees)

    def can_view_subcommittee(self, subcommittee_id: int | None) -> bool:
        return self.sees_all_subcommittees or subcommittee_id in self.memberships

    def can_manage_subcommittee(self, subcommittee_id: int | None) -> bool:
        return self.is_secretariat or subcommittee_id in self.managed_subcommittees

    def subcommittee_role(self, subcommittee_id: int) -> str | None:
        return self.memberships.get(subcommittee_id)


def access_for(user, congress: Congress | int) -> Access:
    """The user's standing in a congress, read once and kept on the user object for the request."""
    congress_id = congress if isinstance(congress, int) else congress.pk
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Access(congress_id=congress_id)
    cache = user.__dict__.setdefault("_congress_access", {})
    if congress_id not in cache:
        from subcommittees.models import Membership

        # Roles and memberships in one round trip (every page asks); subcommittee 0 marks a congress-wide role.
        rows = list(
            user.congress_roles.filter(congress_id=congress_id)
            .order_by()
            .values_list(Value(0, output_field=BigIntegerField()), "role")
            .union(
                Membership.objects.filter(user=user, subcommittee__congress_id=congress_id)
                .order_by()
                .values_list("subcommittee_id", "role"),
                all=True,
            )
        )
        roles = frozenset(role for subcommittee_id, role in rows if not subcommittee_id)
        memberships = {subcommittee_id: role for subcommittee_id, role in rows if subcommittee_id}
        cache[congress_id] = Access(
            congress_id=congress_id, roles=roles, memberships=memberships, superuser=user.is_superuser
        )
    return cache[congress_id]


def forget_access(user) -> None:
    """Drop the cached standing (after roles change within one request or test)."""
    user.__dict__.pop("_congress_access", None)


# --- rules predicates: the same answers, for `has_perm` in templates, admin and exports.


@rules.predicate
def is_congress_member(user, congress) -> bool:
    return congress is not None and access_for(user, congress).is_member_of_congress


@rules.predicate
def is_secretariat(user, congress) -> bool:
    return congress is not None and access_for(user, congress).is_secretariat


@rules.predicate
def is_secretariat_lead(user, congress) -> bool:
    return congress is not None and access_for(user, congress).is_secretariat_lead


@rules.predicate
def can_view_workspace(user, congress) -> bool:
    return congress is not None and access_for(user, congress).can_view_workspace


@rules.predicate
def can_manage_subcommittee(user, subcommittee) -> bool:
    return subcommittee is not None and access_for(user, subcommittee.congress_id).can_manage_subcommittee(
        subcommittee.pk
    )


@rules.predicate
def can_view_subcommittee(user, subcommittee) -> bool:
    return subcommittee is not None and access_for(user, subcommittee.congress_id).can_view_subcommittee(
        subcommittee.pk
    )


rules.add_perm("congress.view_congress", is_congress_member)
rules.add_perm("congress.change_congress_settings", is_secretariat)
rules.add_perm("congress.view_workspace", can_view_workspace)
rules.add_perm("congress.view_audit", is_secretariat_lead)
rules.add_perm("subcommittees.view_subcommittee_work", can_view_subcommittee)
rules.add_perm("subcommittees.manage_subcommittee", can_manage_subcommittee)
