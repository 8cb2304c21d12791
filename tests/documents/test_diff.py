from dataclasses import dataclass

from documents.diff import Segment, diff_versions, match_paragraphs, similarity, word_diff


@dataclass
class P:
    text: str
    label: str = ""
    kind: str = "paragraph"
    position: int = 0


def test_word_diff_marks_inserted_and_deleted_words():
    segments = word_diff("Kinh tế tăng trưởng khá.", "Kinh tế tăng trưởng nhanh và bền vững.")
    assert segments == [
        Segment("equal", "Kinh tế tăng trưởng "),
        Segment("delete", "khá."),
        Segment("insert", "nhanh và bền vững."),
    ]
    assert "".join(s.text for s in segments if s.op != "delete") == "Kinh tế tăng trưởng nhanh và bền vững."
    assert "".join(s.text for s in segments if s.op != "insert") == "Kinh tế tăng trưởng khá."


def test_similarity_ignores_case_accents_and_spacing():
    assert similarity("Thu ngân sách  vượt chỉ tiêu", "thu ngan sach vuot chi tieu") == 1.0
    assert similarity("Thu ngân sách vượt chỉ tiêu", "Công tác quản lý đô thị") < 0.2


def test_diff_versions_paragraph_by_paragraph():
    old = [P("I. Đánh giá", "1", "heading"), P("Kinh tế tăng trưởng khá."), P("Đoạn sẽ bị bỏ."), P("Giữ nguyên.")]
    new = [
        P("I. Đánh giá", "1", "heading"),
        P("Một đoạn hoàn toàn mới về chuyển đổi số."),
        P("Kinh tế tăng trưởng khá, bền vững."),
        P("Giữ nguyên."),
    ]
    result = diff_versions(old, new)
    assert [row.op for row in result.rows] == ["equal", "added", "changed", "removed", "equal"]
    changed = result.rows[2]
    assert (changed.old.text, changed.new.text) == ("Kinh tế tăng trưởng khá.", "Kinh tế tăng trưởng khá, bền vững.")
    assert [s.op for s in changed.segments] == ["equal", "delete", "insert"]
    assert result.summary == {"equal": 2, "changed": 1, "added": 1, "removed": 1}


def test_diff_identical_versions_has_no_change():
    paragraphs = [P("a b c"), P("d e f")]
    assert diff_versions(paragraphs, list(paragraphs)).summary == {"equal": 2, "changed": 0, "added": 0, "removed": 0}


def test_match_paragraphs_by_text_not_by_number():
    old = [P("Thu ngân sách vượt chỉ tiêu Đại hội đề ra.", "1.2"), P("Công tác quản lý đô thị chuyển biến.", "1.3")]
    new = [
        P("Đoạn mới chèn vào đầu chương.", "1.1"),
        P("Một đoạn khác hẳn về công tác dân vận.", "1.2"),
        P("Công tác quản lý đô thị, trật tự xây dựng chuyển biến tích cực.", "1.3"),
        P("Thu ngân sách trên địa bàn vượt chỉ tiêu Đại hội đề ra.", "1.4"),
    ]
    matches = match_paragraphs(old, new)
    assert matches[0].paragraph.label == "1.4"
    assert matches[1].paragraph.label == "1.3"
    assert 0.6 <= matches[0].score < 1


def test_match_paragraphs_identical_text_wins_and_unrelated_text_is_not_matched():
    old = [P("Giữ nguyên văn bản."), P("Nội dung bị xóa hẳn khỏi dự thảo.")]
    new = [P("Giữ nguyên văn bản.", "2.1"), P("Chuyện hoàn toàn khác.", "2.2")]
    matches = match_paragraphs(old, new)
    assert (matches[0].paragraph.label, matches[0].score) == ("2.1", 1.0)
    assert 1 not in matches


def test_match_paragraphs_duplicate_text_goes_to_the_nearest_position():
    old = [P("Đồng ý."), P("x y z"), P("a b c"), P("Đồng ý.")]
    new = [P("Đồng ý.", "1.1"), P("x y z", "1.2"), P("a b c", "1.3"), P("Đồng ý.", "1.4")]
    matches = match_paragraphs(old, new)
    assert (matches[0].paragraph.label, matches[3].paragraph.label) == ("1.1", "1.4")
