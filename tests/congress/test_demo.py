import datetime
import re

import pytest
from django.core.management import call_command

from congress.demo import SLUG, shift_for_today
from congress.models import Congress, CongressRole, Milestone, PartyOrganization, User
from subcommittees.models import Meeting, Membership, Subcommittee, Task, WorkingGroup

pytestmark = pytest.mark.django_db

MODELS = [
    Congress,
    CongressRole,
    Milestone,
    PartyOrganization,
    User,
    Subcommittee,
    Membership,
    WorkingGroup,
    Task,
    Meeting,
]


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def test_seed_demo_is_idempotent_and_matches_the_seed_facts(capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    congress = Congress.objects.get(slug=SLUG)
    assert (congress.opening_date, congress.closing_date, congress.cutoff_date) == (
        datetime.date(2020, 6, 2),
        datetime.date(2020, 6, 3),
        datetime.date(2020, 8, 31),
    )
    assert (congress.max_days, congress.max_delegates, congress.standing_committee_size) == (3, 300, 13)
    grassroots = congress.organizations.filter(parent__code="QU")
    assert grassroots.count() == 56
    assert sum(o.member_count for o in grassroots) > 18_000
    assert set(congress.subcommittees.values_list("kind", flat=True)) == {"personnel", "documents", "organization"}
    organization = congress.subcommittees.get(kind="organization")
    kinds = list(organization.groups.values_list("kind", flat=True))
    assert kinds.count("standing_unit") == 1 and kinds.count("working_group") == 4
    due = congress.tasks.order_by("due_date").values_list("due_date", flat=True)
    assert due[0] >= datetime.date(2019, 7, 1) and due[len(due) - 1] <= datetime.date(2020, 8, 31)
    assert "daihoi-badinh-2020" in capsys.readouterr().out


def test_seed_demo_people_have_synthetic_vietnamese_names():
    call_command("seed_demo", "--quiet-logins")
    pattern = re.compile(r"^[A-ZĐÂĂÊÔƠƯ][\w]+( [A-ZĐ][\w]+){1,3}$")
    names = [u.full_name for u in User.objects.exclude(username="admin")]
    assert names and all(pattern.match(n) for n in names), names
    assert any(" Thị " in n for n in names)


def test_seed_demo_rebase_puts_the_opening_ahead_of_today():
    call_command("seed_demo", "--quiet-logins")
    call_command("seed_demo", "--rebase-to-today", "--quiet-logins")
    congress = Congress.objects.get(slug=SLUG)
    today = datetime.date.today()
    assert congress.opening_date > today
    assert congress.opening_date.weekday() == datetime.date(2020, 6, 2).weekday()
    assert congress.cutoff_date - congress.opening_date == datetime.timedelta(days=90)
    assert Task.objects.count() == len(set(Task.objects.values_list("title", flat=True)))
    assert shift_for_today(datetime.date(2020, 4, 20)) == 0
