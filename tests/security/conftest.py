"""Fixtures of the security tests: a world with one object of each kind, TOTP codes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from subcommittees.services import attachment_add
from tests.factories import (
    CongressFactory,
    MeetingFactory,
    MilestoneFactory,
    OrganizationFactory,
    SubcommitteeFactory,
    TaskFactory,
    UserFactory,
    WorkingGroupFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def totp_code(device, *, offset_steps: int = 0) -> str:
    """The code an authenticator app would show now for `device`."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def pdf_upload():
    return lambda name="minutes.pdf": SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def world(congress, subcommittees, secretariat, member, reviewer, outsider, pdf_upload):
    """One object of each kind in the congress, plus a second congress with its own objects."""
    organization = subcommittees["organization"]
    group = WorkingGroupFactory(subcommittee=organization, name="Tổ Hậu cần – Y tế")
    task = TaskFactory(subcommittee=organization, title="Phương án trang trí hội trường", group=group)
    meeting = MeetingFactory(congress=congress, body="subcommittee", subcommittee=organization, title="Họp tiểu ban")
    attachment = attachment_add(
        congress=congress, title="Biên bản họp", upload=pdf_upload(), by=secretariat, meeting=meeting
    )
    milestone = MilestoneFactory(congress=congress, title="Nộp hồ sơ ứng cử", due_date=datetime.date(2020, 5, 10))
    org = OrganizationFactory(congress=congress, name="Chi bộ Khu phố 1")
    membership = organization.memberships.get(user=member)

    other = CongressFactory(slug="tay-ho", name="Đại hội Đảng bộ quận Tây Hồ")
    other_sub = SubcommitteeFactory(congress=other, kind="organization")
    other_task = TaskFactory(subcommittee=other_sub, title="Nhiệm vụ bí mật Tây Hồ")
    other_meeting = MeetingFactory(congress=other, title="Hội nghị bí mật Tây Hồ")
    other_attachment = attachment_add(
        congress=other, title="Tệp bí mật Tây Hồ", upload=pdf_upload(), by=None, meeting=other_meeting
    )
    other_group = WorkingGroupFactory(subcommittee=other_sub, name="Tổ bí mật Tây Hồ")
    other_milestone = MilestoneFactory(congress=other, title="Mốc bí mật Tây Hồ")
    other_org = OrganizationFactory(congress=other, name="Chi bộ bí mật Tây Hồ")
    other_user = UserFactory(username="tayho", full_name="Người Tây Hồ")
    return {
        "congress": congress,
        "subcommittee": organization,
        "group": group,
        "task": task,
        "meeting": meeting,
        "attachment": attachment,
        "milestone": milestone,
        "organization": org,
        "membership": membership,
        "other": {
            "congress": other,
            "subcommittee": other_sub,
            "task": other_task,
            "meeting": other_meeting,
            "attachment": other_attachment,
            "group": other_group,
            "milestone": other_milestone,
            "organization": other_org,
            "user": other_user,
        },
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The security tests create many users: hash their passwords quickly."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
