"""Fixtures of the personnel tests: organizations, members of the Personnel subcommittee, credentials."""

import pytest

from congress.models import OrganizationKind, Role
from tests.factories import CongressRoleFactory, MembershipFactory, OrganizationFactory, UserFactory
from tests.personnel.factories import GrassrootsFactory


@pytest.fixture
def root(congress):
    return OrganizationFactory(
        congress=congress, name="Đảng bộ quận Ba Đình", code="QU", kind=OrganizationKind.COMMITTEE
    )


@pytest.fixture
def orgs(congress, root):
    """Three grassroots organizations with 500, 300 and 200 members."""
    return [
        GrassrootsFactory(congress=congress, parent=root, name=name, code=code, member_count=count)
        for name, code, count in (
            ("Đảng bộ phường Kim Mã", "CS01", 500),
            ("Đảng bộ phường Ngọc Hà", "CS02", 300),
            ("Chi bộ Trường THCS Giảng Võ", "CS03", 200),
        )
    ]


@pytest.fixture
def personnel_head(congress, subcommittees):
    user = UserFactory(username="nhansu", full_name="Bùi Quang Huy")
    MembershipFactory(subcommittee=subcommittees["personnel"], user=user, role="head")
    return user


@pytest.fixture
def personnel_member(congress, subcommittees):
    """A plain member of the Personnel subcommittee: reads personnel data, does not change it."""
    user = UserFactory(username="nhansu.tv", full_name="Đinh Thị Mai")
    MembershipFactory(subcommittee=subcommittees["personnel"], user=user, role="member")
    return user


@pytest.fixture
def credentials_user(congress):
    user = UserFactory(username="thamtra", full_name="Ngô Văn Khánh")
    CongressRoleFactory(congress=congress, user=user, role=Role.CREDENTIALS)
    return user
