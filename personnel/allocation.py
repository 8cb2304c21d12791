"""Seat allocation: base seats for every organization plus a largest-remainder share of the rest.

Pure functions, no database: the service in personnel/services.py wraps them with the cap and the
manual adjustments.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from congress.vietnamese import _part_key


def organization_sort_key(name: str) -> str:
    """Vietnamese dictionary order of an organization's name, word by word as written.

    The same collation as people's names (Vietnamese alphabet, case ignored, tones secondary),
    but without the given-name-first reordering that only makes sense for people.
    """
    return _part_key(name.split())


def allocate_seats(total: int, members: dict[str, int], base: int = 1) -> dict[str, int]:
    """Split `total` seats: `base` each, the rest in proportion to `members` (largest remainder).

    Equal remainders go to the larger organization, then to the name that comes first in
    Vietnamese dictionary order (`organization_sort_key`). The result keeps the order of `members`
    and always sums to `total`.
    """
    if isinstance(total, bool) or not isinstance(total, int):
        raise ValueError(_("The number of seats must be a whole number."))
    if isinstance(base, bool) or not isinstance(base, int):
        raise ValueError(_("The base number of seats must be a whole number."))
    if total < 0:
        raise ValueError(_("The number of seats cannot be negative (%(total)s).") % {"total": total})
    if base < 0:
        raise ValueError(_("The base number of seats cannot be negative (%(base)s).") % {"base": base})
    for name, count in members.items():
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValueError(_("The member count of “%(name)s” must be a whole number.") % {"name": name})
        if count < 0:
            raise ValueError(
                _("The member count of “%(name)s” cannot be negative (%(count)s).") % {"name": name, "count": count}
            )
    if not members:
        if total:
            raise ValueError(_("There is no organization to give %(total)s seats to.") % {"total": total})
        return {}
    base_total = base * len(members)
    if base_total > total:
        raise ValueError(
            _(
                "The base seats alone (%(count)s organizations × %(base)s = %(needed)s) exceed the %(total)s seats "
                "to allocate; lower the base or raise the total."
            )
            % {"count": len(members), "base": base, "needed": base_total, "total": total}
        )

    remaining = total - base_total
    member_total = sum(members.values())
    seats = dict.fromkeys(members, base)
    remainders: dict[str, int] = {}
    if member_total:
        # Exact integer arithmetic: quota = remaining × m / M = floor + remainder / M.
        for name, count in members.items():
            whole, remainder = divmod(remaining * count, member_total)
            seats[name] += whole
            remainders[name] = remainder
    else:
        remainders = dict.fromkeys(members, 0)
    left = total - sum(seats.values())
    order = sorted(members, key=lambda n: (-remainders[n], -members[n], organization_sort_key(n), n))
    # With members, fewer seats are left than organizations; with no members at all they go round.
    index = 0
    while left > 0:
        seats[order[index % len(order)]] += 1
        left -= 1
        index += 1
    return seats
