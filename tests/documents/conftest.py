"""Fixtures of the documents tests: the Documents subcommittee's people, a draft in review."""

import pytest

from documents.permissions import forget_documents_access
from tests.documents.factories import DraftFactory, RoundFactory, VersionFactory
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def doc_head(congress, subcommittees):
    """Head of the Documents subcommittee: manages drafts."""
    user = UserFactory(username="truongbanvk", full_name="Nguyễn Quang Hải")
    MembershipFactory(subcommittee=subcommittees["documents"], user=user, role="head")
    return user


@pytest.fixture
def doc_member(other_member):
    """A plain member of the Documents subcommittee: works on drafts, manages nothing."""
    return other_member


@pytest.fixture
def draft(congress, subcommittees):
    return DraftFactory(congress=congress, subcommittee=subcommittees["documents"], title="Báo cáo chính trị")


@pytest.fixture
def version(draft):
    return VersionFactory(draft=draft)


@pytest.fixture
def review_round(version, reviewer):
    review_round = RoundFactory(version=version, draft=version.draft, title="Lấy ý kiến lần 1")
    review_round.reviewers.add(reviewer)
    forget_documents_access(reviewer)
    return review_round
