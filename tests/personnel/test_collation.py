"""The collation and folding the personnel lists rely on (congress/vietnamese.py), as the issue states them."""

import unicodedata

import pytest

from congress.vietnamese import fold, name_sort_key


def ordered(names):
    return sorted(names, key=name_sort_key)


def nfd(text):
    return unicodedata.normalize("NFD", text)


def test_collation_nfd_input_sorts_exactly_like_nfc():
    names = ["Nguyễn Văn Đạt", "Trần Thị Ánh", "Lê Ưng", "Phạm Thị Ặng", "Đỗ Quốc Ân"]
    assert ordered([nfd(n) for n in names]) == [nfd(n) for n in ordered(names)]
    assert [name_sort_key(nfd(n)) for n in names] == [name_sort_key(n) for n in names]


def test_collation_d_before_dd_in_every_part():
    # Given name, then family name, then middle name: đ comes after d (and before e) in each.
    assert ordered(["Lê Đan", "Lê Dung", "Lê Em"]) == ["Lê Dung", "Lê Đan", "Lê Em"]
    assert ordered(["Đỗ An", "Dương An", "Đinh An"]) == ["Dương An", "Đinh An", "Đỗ An"]
    assert ordered(["Lê Đức An", "Lê Duy An"]) == ["Lê Duy An", "Lê Đức An"]


def test_collation_uppercase_dd_and_eth_are_dd():
    assert name_sort_key("ĐẠT") == name_sort_key("đạt")
    assert name_sort_key("Ðạt") == name_sort_key("Đạt")  # Icelandic eth typed for Đ


def test_collation_all_six_tones_in_order_on_a_modified_vowel():
    tones = ["Hâu", "Hầu", "Hẩu", "Hẫu", "Hấu", "Hậu"]  # none, huyền, hỏi, ngã, sắc, nặng
    assert ordered(list(reversed(tones))) == tones
    assert ordered([nfd(t) for t in reversed(tones)]) == [nfd(t) for t in tones]


def test_collation_tone_only_breaks_ties_inside_its_part():
    # The given names differ only by tone: the tone decides before the family name is looked at.
    assert ordered(["Anh Hà", "Bùi Hạ", "Anh Hạ"]) == ["Anh Hà", "Anh Hạ", "Bùi Hạ"]
    # Same given name: the family name decides even if the given names' tones differ elsewhere.
    assert ordered(["Trần Văn Lý", "Lê Văn Lý"]) == ["Lê Văn Lý", "Trần Văn Lý"]


def test_collation_middle_names_last_and_shorter_first():
    assert ordered(["Nguyễn Thị Thu Hà", "Nguyễn Thị Hà", "Nguyễn Hà"]) == [
        "Nguyễn Hà",
        "Nguyễn Thị Hà",
        "Nguyễn Thị Thu Hà",
    ]


def test_collation_ignores_extra_spaces_and_case():
    assert name_sort_key("  nguyễn   văn  ĐẠT ") == name_sort_key("Nguyễn Văn Đạt")


def test_collation_key_orders_in_the_database(db, congress):
    from tests.personnel.factories import PersonFactory

    names = ["Trần Văn Bình", "Nguyễn Thị An", nfd("Lê Văn Ân"), "Đỗ Văn Ăn", "Lê Bình"]
    from personnel.models import Person

    for name in names:
        PersonFactory(organization__congress=congress, full_name=name)
    got = list(Person.objects.filter(congress=congress).order_by("name_key").values_list("full_name", flat=True))
    assert [unicodedata.normalize("NFC", n) for n in got] == [
        "Nguyễn Thị An",
        "Đỗ Văn Ăn",
        "Lê Văn Ân",
        "Lê Bình",
        "Trần Văn Bình",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn Đạt", "nguyen van dat"),
        (nfd("Nguyễn Văn Đạt"), "nguyen van dat"),
        ("ĐẶNG THỊ HỒNG", "dang thi hong"),
        ("Ðinh Ưng", "dinh ung"),
        ("\tLê\u00a0 Văn\n Ơn ", "le van on"),
        ("Hòa Hoà", "hoa hoa"),
    ],
)
def test_fold_cases(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("query", ["nguyen van dat", "Dat", "đạt", "ĐẠT", nfd("Đạt"), "văn đ"])
def test_fold_search_finds_the_name(query):
    assert fold(query) in fold("Nguyễn Văn Đạt")
