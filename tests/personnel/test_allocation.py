"""allocate_seats: base seats plus largest remainder, with exact worked examples."""

import pytest

from personnel.allocation import allocate_seats, organization_sort_key


def test_allocation_worked_example_three_organizations():
    # 10 seats, base 1: 7 left; quotas 3.5, 2.1, 1.4 → 3, 2, 1 and the last seat to the largest remainder (A).
    assert allocate_seats(10, {"A": 500, "B": 300, "C": 200}) == {"A": 5, "B": 3, "C": 2}


def test_allocation_worked_example_without_base():
    # Hamilton's classic: 7 seats, 1000 voters split 480/300/220 → quotas 3.36, 2.1, 1.54 → 3, 2, 2.
    assert allocate_seats(7, {"A": 480, "B": 300, "C": 220}, base=0) == {"A": 3, "B": 2, "C": 2}


def test_allocation_worked_example_base_two_with_a_tie():
    # 20 seats, base 2 × 4 = 8; 12 left over 1000 members: quotas 6.0, 3.6, 1.8, 0.6 → floors 6, 3, 1, 0 (10).
    # Two seats by remainder: C (.8), then B and D tie at .6 and the larger, B, wins.
    result = allocate_seats(20, {"A": 500, "B": 300, "C": 150, "D": 50}, base=2)
    assert result == {"A": 8, "B": 6, "C": 4, "D": 2}
    assert sum(result.values()) == 20


def test_allocation_keeps_the_input_order_and_sums_to_total():
    members = {"Z": 17, "A": 3, "M": 980}
    result = allocate_seats(50, members)
    assert list(result) == ["Z", "A", "M"]
    assert sum(result.values()) == 50


def test_allocation_tie_goes_to_the_larger_organization():
    # 3 seats over 1, 3 and 2 members: quotas 0.5, 1.5, 1.0 → floors 0, 1, 1; B and A tie at .5 → A (larger).
    assert allocate_seats(3, {"B": 1, "A": 3, "C": 2}, base=0) == {"B": 0, "A": 2, "C": 1}
    # The larger wins even when its name sorts last.
    assert allocate_seats(3, {"An": 1, "Yên": 3, "Cơ": 2}, base=0) == {"An": 0, "Yên": 2, "Cơ": 1}


def test_allocation_tie_between_equal_organizations_goes_to_the_name_first_in_vietnamese_order():
    # 1 seat left, two organizations of 100: "Đảng bộ phường Đội Cấn" sorts after "Đảng bộ phường Dịch Vọng"
    # (d before đ), and "Ân" after "Ăn" after "An".
    names = ["Đảng bộ phường Đội Cấn", "Đảng bộ phường Dịch Vọng"]
    assert allocate_seats(3, dict.fromkeys(names, 100)) == {names[0]: 1, names[1]: 2}
    trio = ["Chi bộ Ân", "Chi bộ Ăn", "Chi bộ An"]
    result = allocate_seats(4, dict.fromkeys(trio, 10))
    assert result == {"Chi bộ Ân": 1, "Chi bộ Ăn": 1, "Chi bộ An": 2}


def test_allocation_organization_sort_key_is_vietnamese_dictionary_order():
    names = ["Đảng bộ Phúc Xá", "Chi bộ Trường Ba Đình", "Đảng bộ Công an", "Chi bộ Ủy ban", "Chi bộ Ban Quản lý"]
    assert sorted(names, key=organization_sort_key) == [
        "Chi bộ Ban Quản lý",
        "Chi bộ Trường Ba Đình",
        "Chi bộ Ủy ban",
        "Đảng bộ Công an",
        "Đảng bộ Phúc Xá",
    ]


def test_allocation_no_members_at_all_shares_seats_round_robin():
    assert allocate_seats(5, {"B": 0, "A": 0}, base=1) == {"B": 2, "A": 3}


def test_allocation_exact_base_and_zero_total():
    assert allocate_seats(3, {"A": 10, "B": 0, "C": 5}) == {"A": 1, "B": 1, "C": 1}
    assert allocate_seats(0, {"A": 10}, base=0) == {"A": 0}
    assert allocate_seats(0, {}) == {}


def test_allocation_district_scale_sums_exactly():
    members = {f"Org {i:02d}": 20 + (i * 37) % 900 for i in range(56)}
    result = allocate_seats(225, members)
    assert sum(result.values()) == 225
    assert min(result.values()) >= 1


@pytest.mark.parametrize(
    ("total", "members", "base", "message"),
    [
        (5, {"A": 1, "B": 1, "C": 1}, 2, "3 tổ chức × 2 = 6"),
        (10, {"A": -1, "B": 5}, 1, "“A”"),
        (-1, {"A": 1}, 0, "-1"),
        (5, {"A": 1}, -1, "-1"),
        (3, {}, 1, "3"),
        (2.5, {"A": 1}, 1, ""),
        (3, {"A": 1.5}, 1, "“A”"),
    ],
)
def test_allocation_bad_input_raises_value_error_with_a_clear_message(total, members, base, message):
    with pytest.raises(ValueError) as caught:
        allocate_seats(total, members, base)
    assert message in str(caught.value)
