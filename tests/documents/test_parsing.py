import pytest
from django.core.exceptions import ValidationError

from documents.parsing import MAX_BLOCKS, Block, blocks_to_text, number_blocks, parse_docx, parse_structured_text
from tests.documents.helpers import damaged_docx, docx_upload, encrypted_docx, pdf_named_docx


def test_parse_structured_text_headings_and_paragraphs():
    text = "# I. Đánh giá\n  Kinh tế   tăng trưởng.\n\n## 1. Về kinh tế\r\nThu ngân sách vượt.\n"
    blocks = parse_structured_text(text)
    assert blocks == [
        Block("heading", 1, "I. Đánh giá"),
        Block("paragraph", 0, "Kinh tế tăng trưởng."),
        Block("heading", 2, "1. Về kinh tế"),
        Block("paragraph", 0, "Thu ngân sách vượt."),
    ]


def test_parse_structured_text_hash_without_space_is_text():
    assert parse_structured_text("#hashtag") == [Block("paragraph", 0, "#hashtag")]


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\n"])
def test_parse_structured_text_empty_is_refused(text):
    with pytest.raises(ValidationError) as error:
        parse_structured_text(text)
    assert error.value.code == "empty"


def test_parse_structured_text_too_many_paragraphs_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_structured_text("\n".join(f"Đoạn {i}" for i in range(MAX_BLOCKS + 1)))
    assert error.value.code == "too_many"


def test_blocks_to_text_round_trips():
    text = "# I. Đánh giá\nKinh tế tăng trưởng.\n## 1. Về kinh tế\nThu ngân sách vượt."
    assert blocks_to_text(parse_structured_text(text)) == text


def test_number_blocks_section_dot_paragraph():
    blocks = [
        Block("paragraph", 0, "Lời mở đầu"),
        Block("heading", 1, "I"),
        Block("paragraph", 0, "a"),
        Block("heading", 2, "1."),
        Block("paragraph", 0, "b"),
        Block("heading", 1, "II"),
        Block("paragraph", 0, "c"),
    ]
    assert number_blocks(blocks) == ["0.1", "1", "1.1", "1.2", "1.3", "2", "2.1"]


def test_parse_docx_headings_paragraphs_and_tables():
    upload = docx_upload(table=[["Chỉ tiêu", "Kết quả"], ["Thu ngân sách", "Vượt 12%"]])
    blocks = parse_docx(upload)
    assert [(b.kind, b.level) for b in blocks[:5]] == [
        ("heading", 1),
        ("paragraph", 0),
        ("paragraph", 0),
        ("heading", 2),
        ("paragraph", 0),
    ]
    assert blocks[0].text == "I. ĐÁNH GIÁ NHIỆM KỲ 2015–2020"
    assert blocks[-2:] == [
        Block("paragraph", 0, "Chỉ tiêu | Kết quả"),
        Block("paragraph", 0, "Thu ngân sách | Vượt 12%"),
    ]
    assert number_blocks(blocks)[:7] == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1"]


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (damaged_docx(), "malformed"),
        (encrypted_docx(), "encrypted"),
        (pdf_named_docx(), "wrong_type"),
    ],
)
def test_parse_docx_refuses_bad_files_with_a_clear_message(upload, code):
    with pytest.raises(ValidationError) as error:
        parse_docx(upload)
    assert error.value.code == code
    assert error.value.messages[0]


def test_parse_docx_refuses_a_file_over_the_limit():
    with pytest.raises(ValidationError) as error:
        parse_docx(docx_upload(), max_bytes=1000)
    assert error.value.code == "too_large"


def test_parse_docx_without_text_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_docx(docx_upload(paragraphs=[("p", "   ")]))
    assert error.value.code == "empty"
