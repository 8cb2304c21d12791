"""Fixtures shared by the whole suite: a congress and one user per kind of standing in it."""

import datetime
import os
from pathlib import Path

import pytest

from congress.models import Role
from tests.factories import (
    CongressFactory,
    CongressRoleFactory,
    MembershipFactory,
    SubcommitteeFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def congress(db):
    return CongressFactory(slug="ba-dinh", name="Đại hội đại biểu Đảng bộ quận Ba Đình lần thứ XXVI")


@pytest.fixture
def subcommittees(congress):
    return {
        kind: SubcommitteeFactory(congress=congress, kind=kind) for kind in ("personnel", "documents", "organization")
    }


@pytest.fixture
def secretariat(congress):
    user = UserFactory(username="thuky", full_name="Phạm Thanh Trang")
    CongressRoleFactory(congress=congress, user=user, role=Role.SECRETARIAT_LEAD)
    return user


@pytest.fixture
def head(congress, subcommittees):
    user = UserFactory(username="truongban", full_name="Nguyễn Văn Đạt")
    MembershipFactory(subcommittee=subcommittees["organization"], user=user, role="head")
    return user


@pytest.fixture
def member(congress, subcommittees):
    user = UserFactory(username="thanhvien", full_name="Lê Thị Hoa")
    MembershipFactory(subcommittee=subcommittees["organization"], user=user, role="member")
    return user


@pytest.fixture
def other_member(congress, subcommittees):
    """A member of another subcommittee (Documents)."""
    user = UserFactory(username="vankien", full_name="Trần Minh Quân")
    MembershipFactory(subcommittee=subcommittees["documents"], user=user, role="member")
    return user


@pytest.fixture
def reviewer(congress):
    user = UserFactory(username="gopy", full_name="Đỗ Văn Bình")
    CongressRoleFactory(congress=congress, user=user, role=Role.REVIEWER)
    return user


@pytest.fixture
def observer(congress):
    user = UserFactory(username="quansat", full_name="Vũ Thị Lan")
    CongressRoleFactory(congress=congress, user=user, role=Role.OBSERVER)
    return user


@pytest.fixture
def outsider(db):
    """A user with an account but no standing in the congress."""
    return UserFactory(username="nguoingoai", full_name="Hoàng Văn Nam")


@pytest.fixture
def client_for(client):
    """Log a user in on a fresh test client: client_for(user)."""
    from django.test import Client

    def make(user):
        c = Client()
        c.force_login(user)
        return c

    return make


@pytest.fixture
def frozen_today(settings):
    """Pin 'today' inside the congress preparation (20/04/2020, 09:00 in Hà Nội)."""
    import time_machine

    moment = datetime.datetime(2020, 4, 20, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    with time_machine.travel(moment, tick=False):
        yield moment.date()


def pytest_configure(config):
    Path(os.environ.get("VAR_DIR", "var/test")).mkdir(parents=True, exist_ok=True)
