import pytest
from django.core.management import call_command

from documents.demo import POLITICAL_REPORT
from documents.models import Comment, Draft, DraftStatusChange, DraftVersion, Paragraph, ReviewRound

pytestmark = pytest.mark.django_db

MODELS = [Draft, DraftVersion, Paragraph, ReviewRound, Comment, DraftStatusChange]


def counts():
    return {m.__name__: m.objects.count() for m in MODELS}


def test_demo_drafts_are_seeded_once_with_a_round_of_hundreds_of_comments():
    call_command("seed_demo", "--quiet-logins")
    first = counts()
    call_command("seed_demo", "--quiet-logins")
    assert counts() == first
    report = Draft.objects.get(title=POLITICAL_REPORT)
    assert list(report.versions.values_list("number", flat=True)) == [1, 2]
    first_round = report.rounds.get(version__number=1)
    comments = first_round.comments.all()
    assert comments.count() == 320
    disposed = comments.exclude(disposition="").count()
    assert 0.8 * 320 < disposed < 320
    assert comments.filter(organization__isnull=False).values("organization").distinct().count() >= 5
    assert comments.filter(author__username="gopy").exists()
    # Open comments of round 1 were carried to v2, matched by text.
    carried = comments.filter(disposition="", carried_to__isnull=False)
    assert carried.exists()
    assert set(carried.values_list("carried_to__version__number", flat=True)) == {2}
    headings = report.versions.get(number=1).paragraphs.filter(kind="heading", level=1)
    assert [h.label for h in headings] == ["1", "2", "3"]


def test_demo_dates_move_with_the_shift():
    call_command("seed_demo", "--quiet-logins")
    before = ReviewRound.objects.order_by("id").values_list("closes_on", flat=True).first()
    from congress.demo import seed as congress_seed
    from documents.demo import seed

    result = congress_seed(shift_days=7)
    seed(congress=result.congress, shift_days=7)
    after = ReviewRound.objects.order_by("id").values_list("closes_on", flat=True).first()
    assert (after - before).days == 7
