"""The vocabulary of the permission matrix (tests/security/test_permission_matrix.py), for the specs
that apps declare in tests/<app>/url_specs.py."""

from __future__ import annotations

from dataclasses import dataclass, field

LOGIN = "login"  # a redirect to the login page
REDIRECT = "redirect"  # a redirect anywhere else
USERS = ("anonymous", "outsider", "reviewer", "member", "secretariat")


@dataclass(frozen=True)
class Spec:
    get: tuple
    kwargs: dict = field(default_factory=dict)
    other: str | None = None
    post_only: bool = False
    post: tuple | None = None


def S(anonymous, outsider, reviewer, member, secretariat, **options) -> Spec:  # noqa: N802
    """Expected results of a GET by each user (see the docstring of test_permission_matrix)."""
    return Spec(get=(anonymous, outsider, reviewer, member, secretariat), **options)


def P(anonymous, outsider, reviewer, member, secretariat, **options) -> Spec:  # noqa: N802
    """A POST-only view: every GET is 405; these are the results of an empty POST."""
    return Spec(get=(405,) * 5, post=(anonymous, outsider, reviewer, member, secretariat), post_only=True, **options)
