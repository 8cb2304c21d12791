"""Build .xlsx files for the import tests."""

import datetime
import io

from openpyxl import Workbook

MEMBER_HEADER = [
    "Số thẻ đảng viên", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Quê quán", "Giáo dục phổ thông",
    "Trình độ chuyên môn", "Lý luận chính trị", "Ngày vào Đảng", "Ngày chính thức", "Chức vụ", "Tổ chức đảng",
    "Ngành, khối", "Tình trạng", "Điện thoại", "Email", "Ủy viên BCH khóa trước",
]  # fmt: skip
DELEGATE_HEADER = ["Số thẻ đảng viên", "Họ và tên", "Loại đại biểu", "Đoàn đại biểu", "Số đại biểu", "Dự khuyết"]


def member_row(n: int, *, org="CS01", **changes):
    row = {
        "Số thẻ đảng viên": f"01.{n:06d}",
        "Họ và tên": f"Nguyễn Văn Số{n}" if n > 3 else ["Nguyễn Văn Đạt", "Trần Thị Hoa", "Lê Minh An", "Phạm Hà"][n],
        "Giới tính": "Nam" if n % 3 else "Nữ",
        "Ngày sinh": datetime.datetime(1950 + n % 30, 1 + n % 12, 1 + n % 28),
        "Dân tộc": "Kinh" if n % 10 else "Tày",
        "Quê quán": "Hà Nội",
        "Giáo dục phổ thông": "12/12",
        "Trình độ chuyên môn": ["Thạc sĩ", "Đại học", "Tiến sĩ", "Cao đẳng"][n % 4],
        "Lý luận chính trị": ["Cao cấp", "Trung cấp", "Sơ cấp", "Không"][n % 4],
        "Ngày vào Đảng": "03/02/2000",
        "Ngày chính thức": "03/02/2001",
        "Chức vụ": "Chuyên viên",
        "Tổ chức đảng": org,
        "Ngành, khối": "Khối phường",
        "Tình trạng": "Chính thức",
        "Điện thoại": "0912345678",
        "Email": "",
        "Ủy viên BCH khóa trước": "Không",
    }
    row.update(changes)
    return row


def build(rows: list[dict], header: list[str] | None = None) -> bytes:
    header = header or MEMBER_HEADER
    # A normal (not write-only) workbook has its <dimension> up front, as files saved by Excel do.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(h) for h in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
