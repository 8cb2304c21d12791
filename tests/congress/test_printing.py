import datetime

import pytest
from docx import Document

from congress.printing import docx_bytes, header_for, new_party_docx, render_pdf, vietnamese_date_line
from tests.factories import CongressFactory


def test_vietnamese_date_line():
    assert vietnamese_date_line("Ba Đình", datetime.date(2020, 6, 2)) == "Ba Đình, ngày 02 tháng 6 năm 2020"
    assert vietnamese_date_line("Ba Đình", datetime.date(2020, 1, 15)) == "Ba Đình, ngày 15 tháng 01 năm 2020"
    assert vietnamese_date_line("Ba Đình", None) == "Ba Đình, ngày … tháng … năm …"


@pytest.mark.django_db
def test_party_docx_has_the_header_and_title():
    congress = CongressFactory(upper_committee="Đảng bộ thành phố Hà Nội")
    header = header_for(congress, date=datetime.date(2020, 6, 3), number="Số 01-BC/ĐH")
    document = Document(__import__("io").BytesIO(docx_bytes(new_party_docx(header=header, title="Báo cáo thử"))))
    cells = [c.text for c in document.tables[0].rows[0].cells]
    assert cells[0].splitlines() == ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "QUẬN ỦY BA ĐÌNH", "*", "Số 01-BC/ĐH"]
    assert cells[1].splitlines() == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Ba Đình, ngày 03 tháng 6 năm 2020"]
    assert "BÁO CÁO THỬ" in [p.text for p in document.paragraphs]


@pytest.mark.django_db
def test_party_pdf_renders():
    congress = CongressFactory()
    pdf = render_pdf("print/base.html", {}, header=header_for(congress), title="Báo cáo thử")
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 1000
