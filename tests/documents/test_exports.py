import io
import time

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from documents.exports import register_docx, register_file, register_pdf, register_xlsx, version_docx, version_pdf
from documents.models import Comment
from documents.services import circulation_issue
from tests.documents.factories import CommentFactory, VersionFactory
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def register_round(review_round, congress, doc_member):
    ward = OrganizationFactory(congress=congress, name="Đảng bộ phường Ngọc Hà")
    p2 = review_round.version.paragraphs.get(position=2)
    later = VersionFactory(draft=review_round.draft)
    CommentFactory(
        round=review_round,
        number=1,
        paragraph=p2,
        organization=ward,
        author_name=ward.name,
        text="Đề nghị bổ sung số liệu tăng trưởng.",
        disposition="accepted",
        landed_in=later.paragraphs.get(position=3),
    )
    CommentFactory(
        round=review_round,
        number=2,
        paragraph=None,
        author_name="Đồng chí Lê Văn Thành",
        text="Văn phong cần gọn hơn.",
        disposition="explained",
        response="Xin giữ như dự thảo.",
    )
    CommentFactory(round=review_round, number=3, paragraph=p2, author_name="Ông Vũ Đức Huy", text="Chưa xử lý.")
    return review_round


def test_version_docx_has_the_party_header_and_numbered_paragraphs(version):
    document = Document(io.BytesIO(version_docx(version)))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO CHÍNH TRỊ" in texts
    assert "Dự thảo lần 1" in texts
    assert any(t.startswith("Kinh tế của quận") and t.endswith("[1.1]") for t in texts)
    assert document.tables[0].rows[0].cells[1].text.splitlines()[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_version_pdf_renders_vietnamese(version):
    pages = pdf_pages(version_pdf(version))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0]
    assert "Kinh tế của quận" in pages[0]


def test_circulated_copy_has_recipient_and_number_on_every_page(draft, doc_head):
    long_text = "\n".join(f"Đoạn thứ {i}: " + "nội dung dự thảo văn kiện " * 30 for i in range(40))
    version = VersionFactory(draft=draft, paragraphs=long_text)
    copy = circulation_issue(version=version, recipient_name="Đồng chí Lê Minh Tuấn", by=doc_head)
    pages = pdf_pages(version_pdf(version, copy=copy))
    assert len(pages) > 3
    for text in pages:
        assert "Bản số 01" in text
        assert "Lê Minh Tuấn" in text


def test_register_docx_summary_counts_and_rows(register_round):
    document = Document(io.BytesIO(register_docx(register_round)))
    texts = [p.text for p in document.paragraphs]
    assert "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý" in texts
    assert "Tổng số ý kiến nhận được: 3." in texts
    summary = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows[1:]}
    assert summary == {
        "Tiếp thu": "1",
        "Tiếp thu một phần": "0",
        "Giải trình, không tiếp thu": "1",
        "Ghi nhận (ngoài phạm vi văn kiện)": "0",
        "Chưa xử lý": "1",
    }
    main = document.tables[3]
    rows = [[c.text for c in row.cells] for row in main.rows]
    assert rows[1][0] == "Toàn văn dự thảo"
    assert rows[2][:2] == ["2", "Văn phong cần gọn hơn."]
    assert rows[3][0].startswith("Đoạn 1.1: “Kinh tế của quận")
    assert rows[4] == [
        "1",
        "Đề nghị bổ sung số liệu tăng trưởng.",
        "",
        "Đảng bộ phường Ngọc Hà",
        "Tiếp thu",
        "",
        "v2 §1.2",
    ]


def test_register_xlsx_rows_and_counts(register_round):
    workbook = load_workbook(io.BytesIO(register_xlsx(register_round)))
    sheet = workbook.worksheets[0]
    rows = [r for r in sheet.iter_rows(min_row=7, values_only=True) if any(r)]
    assert [(r[0], r[1], r[5]) for r in rows] == [
        (2, "toàn văn", "Giải trình, không tiếp thu"),
        (1, "1.1", "Tiếp thu"),
        (3, "1.1", "Chưa xử lý"),
    ]
    counts = workbook.worksheets[1]
    assert [c.value for c in counts[2]][:2] == ["Tiếp thu", 1]


def test_register_pdf_in_the_party_format(register_round):
    pages = pdf_pages(register_pdf(register_round))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0]
    assert "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH" in pages[0]
    assert "Đề nghị bổ sung số liệu tăng trưởng." in "".join(pages)


def big_round(review_round, n):
    paragraphs = list(review_round.version.paragraphs.all())
    Comment.objects.bulk_create(
        Comment(
            round=review_round,
            number=i + 1,
            paragraph=paragraphs[i % len(paragraphs)],
            author_name=f"Đảng bộ phường số {i % 14}",
            text="Đề nghị bổ sung, làm rõ hơn nội dung về chuyển đổi số, chính quyền điện tử. " * 2,
            disposition="partly" if i % 3 else "",
            response="Tiếp thu một phần; biên tập lại cho gọn." if i % 3 else "",
        )
        for i in range(n)
    )


@pytest.mark.slow
def test_register_of_5000_comments_exports_docx_and_xlsx_in_seconds(review_round):
    big_round(review_round, 5000)
    started = time.monotonic()
    xlsx, _name = register_file(review_round=review_round, fmt="xlsx")
    assert time.monotonic() - started < 10
    assert sum(1 for _row in load_workbook(io.BytesIO(xlsx)).worksheets[0].iter_rows(min_row=7)) == 5000
    started = time.monotonic()
    docx, _name = register_file(review_round=review_round, fmt="docx")
    assert time.monotonic() - started < 15
    assert len(Document(io.BytesIO(docx)).tables[3].rows) == 1 + 5000 + 7  # header, comments, paragraph groups


def test_register_pdf_of_a_large_round_is_chunked_with_progress_and_continuous_page_numbers(review_round, settings):
    import documents.exports as exports

    big_round(review_round, 90)
    seen = []
    original = exports.PDF_CHUNK
    exports.PDF_CHUNK = 30  # three chunks
    try:
        content = register_pdf(review_round, progress=seen.append)
    finally:
        exports.PDF_CHUNK = original
    pages = pdf_pages(content)
    assert seen == sorted(seen) and len(seen) == 4 and seen[-1] == 95
    numbers = [int(text.rsplit("Trang", 1)[1].split()[0]) for text in pages]
    assert numbers == list(range(1, len(pages) + 1))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0] and "ĐẢNG CỘNG SẢN VIỆT NAM" not in pages[-1]
