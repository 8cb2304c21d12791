"""Synthetic Vietnamese names for demo and test people (never real persons' records).

Names are built as family + middle + given from common parts, e.g. "Nguyễn Thị Thu Hà".
"""

from __future__ import annotations

import random

# Common family names with rough weights (Nguyễn is by far the most common).
FAMILY_NAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 2), ("Phan", 4),
    ("Vũ", 4), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1), ("Dương", 1),
    ("Lý", 1), ("Đinh", 1), ("Đào", 1), ("Trịnh", 1), ("Mai", 1), ("Tạ", 1), ("Lương", 1), ("Chu", 1),
]  # fmt: skip
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Mạnh", "Thanh", "Tuấn", "Công", "Ngọc", "Đình", "Trọng"]
FEMALE_MIDDLE = ["Thị", "Thu", "Thanh", "Ngọc", "Minh", "Thị Thu", "Thị Minh", "Thị Ngọc", "Phương", "Hồng"]
MALE_GIVEN = [
    "An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hoàng",
    "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong",
    "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng",
    "Việt", "Vinh", "Vũ",
]  # fmt: skip
FEMALE_GIVEN = [
    "An", "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ",
    "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
    "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Tuyết", "Uyên", "Vân", "Yến",
]  # fmt: skip

_FAMILY, _WEIGHTS = zip(*FAMILY_NAMES, strict=True)


def synthetic_name(rng: random.Random, *, female: bool) -> str:
    family = rng.choices(_FAMILY, weights=_WEIGHTS)[0]
    middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
    given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    return f"{family} {middle} {given}"
