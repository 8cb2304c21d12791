"""factory_boy factories shared by every app's tests."""

import datetime
import random

import factory
from django.contrib.auth import get_user_model

from congress.models import Congress, CongressRole, Milestone, OrganizationKind, PartyOrganization, Role
from congress.names import synthetic_name
from subcommittees.models import Meeting, Membership, Subcommittee, Task, WorkingGroup

PASSWORD = "test-password-123"
_rng = random.Random(7)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.LazyFunction(lambda: synthetic_name(_rng, female=_rng.random() < 0.5))
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CongressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Congress

    slug = factory.Sequence(lambda n: f"dai-hoi-{n}")
    name = factory.Sequence(lambda n: f"Đại hội đại biểu Đảng bộ quận {n}")
    organizing_committee = "Quận ủy Ba Đình"
    ordinal = 26
    term_start = 2020
    term_end = 2025
    place = "Ba Đình"
    opening_date = datetime.date(2020, 6, 2)
    closing_date = datetime.date(2020, 6, 3)
    cutoff_date = datetime.date(2020, 8, 31)
    max_days = 3
    max_delegates = 300
    executive_committee_size = 45
    standing_committee_size = 13


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartyOrganization

    congress = factory.SubFactory(CongressFactory)
    name = factory.Sequence(lambda n: f"Chi bộ số {n}")
    code = factory.Sequence(lambda n: f"CB{n:03d}")
    kind = OrganizationKind.GRASSROOTS_CELL
    member_count = 50


class CongressRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CongressRole

    congress = factory.SubFactory(CongressFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.SECRETARIAT


class SubcommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subcommittee
        django_get_or_create = ["congress", "kind"]

    congress = factory.SubFactory(CongressFactory)
    kind = "organization"
    name = factory.LazyAttribute(
        lambda o: {
            "personnel": "Tiểu ban Nhân sự",
            "documents": "Tiểu ban Văn kiện",
            "organization": "Tiểu ban Tổ chức phục vụ Đại hội",
        }[o.kind]
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    subcommittee = factory.SubFactory(SubcommitteeFactory)
    user = factory.SubFactory(UserFactory)
    role = "member"


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    subcommittee = factory.SubFactory(SubcommitteeFactory)
    name = factory.Sequence(lambda n: f"Tổ công tác {n}")
    kind = "working_group"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    congress = factory.SelfAttribute("subcommittee.congress")
    subcommittee = factory.SubFactory(SubcommitteeFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ số {n}")
    due_date = datetime.date(2020, 5, 1)
    status = "not_started"
    progress = 0


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    congress = factory.SubFactory(CongressFactory)
    title = factory.Sequence(lambda n: f"Mốc {n}")
    due_date = datetime.date(2020, 3, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    congress = factory.SubFactory(CongressFactory)
    body = "executive"
    title = factory.Sequence(lambda n: f"Hội nghị {n}")
    starts_at = factory.LazyFunction(lambda: datetime.datetime(2019, 7, 26, 8, 0, tzinfo=datetime.UTC))
