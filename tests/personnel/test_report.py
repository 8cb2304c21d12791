"""The credentials report: every breakdown adds up to the delegates summoned; PDF, .docx and badges render."""

import datetime
import io
import shutil
import subprocess
from datetime import date as d

import pytest
from django.utils import translation

from personnel.reports import badges_pdf, credentials_report_docx
from personnel.selectors import AGE_BANDS, credentials_report
from personnel.services import checkin_record, substitution_record
from tests.personnel.factories import DelegateFactory, SessionFactory

pytestmark = pytest.mark.django_db


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page (poppler's pdftotext)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return [" ".join(page.split()) for page in out.decode().split("\f") if page.strip()]


@pytest.fixture
def delegates(congress, orgs):
    """Nine delegates covering every band; the congress opens on 02/06/2020."""
    specs = [
        # (birth, gender, ethnicity, qualification, theory, kind, credential, joined)
        (d(1985, 1, 1), "female", "Kinh", "master", "senior", "elected", "qualified", d(2010, 1, 1)),
        (d(1980, 6, 2), "male", "Tày", "bachelor", "intermediate", "elected", "qualified", d(2005, 1, 1)),
        (d(1980, 6, 3), "male", "Kinh", "doctorate", "senior", "ex_officio", "qualified", d(2004, 1, 1)),
        (d(1965, 3, 1), "female", "Kinh", "bachelor", "senior", "ex_officio", "pending", d(1990, 1, 1)),
        (d(1955, 3, 1), "male", "Mường", "college", "elementary", "elected", "qualified", d(1980, 1, 1)),
        (d(1945, 3, 1), "male", "Kinh", "none", "none", "appointed", "qualified", d(1965, 1, 1)),
        (d(1975, 3, 1), "female", "Kinh", "master", "senior", "elected", "not_qualified", d(2001, 1, 1)),
        (d(1970, 3, 1), "male", "Kinh", "bachelor", "senior", "elected", "qualified", d(1995, 1, 1)),
        (d(1990, 3, 1), "female", "Kinh", "bachelor", "intermediate", "elected", "qualified", d(2015, 1, 1)),
    ]  # fmt: skip  # noqa: E501
    result = []
    for birth, gender, ethnicity, qual, theory, kind, credential, joined in specs:
        result.append(
            DelegateFactory(
                person__organization=orgs[len(result) % 3],
                person__birth_date=birth,
                person__birth_year=birth.year,
                person__gender=gender,
                person__ethnicity=ethnicity,
                person__qualification=qual,
                person__theory_level=theory,
                person__joined_on=joined,
                person__official_on=joined + datetime.timedelta(days=366),
                person__is_executive_member=kind == "ex_officio",
                kind=kind,
                credential_status=credential,
                credential_reason="Được bầu không đúng thủ tục" if credential == "not_qualified" else "",
            )
        )
    # Not summoned, and an alternate replacing an absent delegate: both appear in the report.
    DelegateFactory(person__organization=orgs[0], not_summoned="charged")
    alternate = DelegateFactory(person__organization=orgs[0], is_alternate=True, number=None)
    substitution_record(replaced=result[0], alternate=alternate, reason="Ốm")
    return result


def test_credentials_report_every_breakdown_sums_to_the_total(congress, delegates):
    session = SessionFactory(congress=congress, kind="official")
    for delegate in delegates[1:6]:
        checkin_record(session=session, delegate=delegate)
    report = credentials_report(congress)
    assert report.summoned == 9  # 9 official, 1 replaced (out), 1 alternate (in), 1 not summoned (out)
    for breakdown in report.breakdowns:
        assert breakdown.sum == report.summoned, breakdown.key
    assert [b.key for b in report.breakdowns] == [
        "presence", "kind", "gender", "age", "ethnicity", "education",
        "qualification", "theory", "sector", "credentials",
    ]  # fmt: skip
    assert report.breakdown("presence").rows[0][1] == 5
    # The replaced delegate (qualified) is out, the alternate (pending) is in.
    assert (report.qualified, len(report.not_qualified), report.pending) == (6, 1, 2)
    assert (len(report.substitutions), len(report.not_summoned), len(report.minorities)) == (1, 1, 2)


def test_credentials_report_age_bands_and_extremes(congress, delegates):
    with translation.override("vi"):
        report = credentials_report(congress)
    # At 02/06/2020: born 02/06/1980 is 40 (first band), born 03/06/1980 still 39; the alternate is 45.
    ages = dict(report.breakdown("age").rows)
    assert ages == {
        "Từ 40 tuổi trở xuống": 3,
        "Từ 41 đến 50 tuổi": 3,
        "Từ 51 đến 60 tuổi": 1,
        "Từ 61 đến 70 tuổi": 1,
        "Trên 70 tuổi": 1,
    }
    assert len(AGE_BANDS) == len(ages)
    assert report.average_age == round((40 + 39 + 55 + 65 + 75 + 45 + 50 + 30 + 45) / 9, 1)
    assert report.oldest.value == 75 and report.oldest.delegate == delegates[5]
    assert report.longest_membership.delegate == delegates[5]
    assert report.youngest.value == 30


def test_credentials_report_with_no_delegate_at_all(congress):
    report = credentials_report(congress)
    assert (report.summoned, report.average_age, report.youngest) == (0, None, None)
    assert all(b.sum == 0 for b in report.breakdowns)


def test_credentials_report_docx_and_badges_render(congress, delegates):
    from docx import Document

    with translation.override("vi"):
        document = credentials_report_docx(credentials_report(congress), title="Báo cáo thẩm tra tư cách đại biểu")
    buffer = io.BytesIO()
    document.save(buffer)
    text = "\n".join(p.text for p in Document(io.BytesIO(buffer.getvalue())).paragraphs)
    assert "BÁO CÁO THẨM TRA TƯ CÁCH ĐẠI BIỂU" in text
    assert "6 đại biểu đủ tư cách, 1 đại biểu không đủ tư cách, 2 đại biểu đang thẩm tra." in text
    pdf = badges_pdf(congress, delegates[:9])
    pages = pdf_pages(pdf)
    assert len(pages) == 2  # 8 badges per A4 page
    first, last = delegates[0], delegates[8]
    assert f"{first.number:03d}" in pages[0] and first.person.full_name in pages[0]
    assert f"{last.number:03d}" in pages[1] and last.person.full_name in pages[1]
