import unicodedata

import pytest

from congress.vietnamese import fold, name_sort_key, slugify_vi, split_name


def ordered(names):
    return sorted(names, key=name_sort_key)


def test_name_sort_key_orders_by_given_then_family_then_middle():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Nguyễn Văn An", "Lê Bình"]
    assert ordered(names) == ["Lê Văn An", "Nguyễn Thị An", "Nguyễn Văn An", "Lê Bình", "Trần Văn Bình"]


def test_name_sort_key_uses_vietnamese_letter_order():
    # a < ă < â < b ... d < đ < e < ê ... o < ô < ơ ... u < ư
    given = ["Ân", "Ăn", "An", "Bình", "Dung", "Đức", "Em", "Ênh", "Oanh", "Ôn", "Ơn", "Uyên", "Ưng"]
    names = [f"Nguyễn Văn {g}" for g in reversed(given)]
    assert ordered(names) == [f"Nguyễn Văn {g}" for g in ["An", "Ăn", "Ân", "Bình", "Dung", "Đức", "Em", "Ênh",
                                                             "Oanh", "Ôn", "Ơn", "Uyên", "Ưng"]]  # fmt: skip


def test_name_sort_key_tones_are_secondary_in_their_order():
    # no mark, huyền, hỏi, ngã, sắc, nặng
    tones = ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
    assert ordered([f"Lê Văn {t}" for t in reversed(tones)]) == [f"Lê Văn {t}" for t in tones]


def test_name_sort_key_letters_decide_before_tones():
    # "Hà" and "Hạ" share letters; "Hai" has more letters: tones only break ties of equal spelling.
    assert ordered(["Lê Hai", "Lê Hạ", "Lê Hà"]) == ["Lê Hà", "Lê Hạ", "Lê Hai"]
    assert ordered(["Trần Ánh", "Trần Anh"]) == ["Trần Anh", "Trần Ánh"]


def test_name_sort_key_prefix_sorts_first():
    assert ordered(["Lê Anh", "Lê An"]) == ["Lê An", "Lê Anh"]


def test_name_sort_key_same_given_name_then_family_then_middle():
    names = ["Nguyễn Văn Hà", "Đỗ Thị Hà", "Nguyễn Thị Hà", "Bùi Hà"]
    assert ordered(names) == ["Bùi Hà", "Đỗ Thị Hà", "Nguyễn Thị Hà", "Nguyễn Văn Hà"]


def test_name_sort_key_nfc_and_nfd_are_equal_and_case_ignored():
    name = "Nguyễn Văn Đạt"
    assert name_sort_key(unicodedata.normalize("NFD", name)) == name_sort_key(name)
    assert name_sort_key(name.upper()) == name_sort_key(name.lower())


def test_name_sort_key_one_word_is_a_given_name():
    assert split_name("Hà") == ("", "", "Hà")
    assert ordered(["Nguyễn Hà", "Hà"]) == ["Hà", "Nguyễn Hà"]


def test_name_sort_key_is_ascii_digits():
    key = name_sort_key("Nguyễn Thị Thu Hà")
    assert key.isdigit()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn Đạt", "nguyen van dat"),
        ("  ĐẶNG   thị  Hoà ", "dang thi hoa"),
        (unicodedata.normalize("NFD", "Trương Ưng Ơn"), "truong ung on"),
        ("Ba Đình", "ba dinh"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_slugify_keeps_d():
    assert slugify_vi("Ba Đình") == "ba-dinh"


def test_validator_limits_read_as_vietnamese_sentences():
    """Django's Vietnamese puts a space before the full stop ("… bằng với 0 ."); ours does not."""
    from django import forms
    from django.utils import translation

    field = forms.IntegerField(min_value=0, max_value=300)
    with translation.override("vi"):
        for value, message in (
            ("-1", "Giá trị này phải lớn hơn hoặc bằng 0."),
            ("301", "Giá trị này phải nhỏ hơn hoặc bằng 300."),
        ):
            try:
                field.clean(value)
            except forms.ValidationError as error:
                assert error.messages == [message]
            else:
                raise AssertionError(value)
    with translation.override("en"):
        try:
            field.clean("-1")
        except forms.ValidationError as error:
            assert error.messages == ["Ensure this value is greater than or equal to 0."]
