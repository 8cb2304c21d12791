"""Test helpers: Word files made on the fly (good, damaged, encrypted)."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document


def docx_upload(name="du-thao.docx", *, paragraphs=None, table=None) -> SimpleUploadedFile:
    document = Document()
    for item in paragraphs or [
        ("h1", "I. ĐÁNH GIÁ NHIỆM KỲ 2015–2020"),
        ("p", "Kinh tế của quận tăng trưởng khá."),
        ("p", "Thu ngân sách vượt chỉ tiêu."),
        ("h2", "1. Về xây dựng Đảng"),
        ("p", "Công tác xây dựng Đảng được chú trọng."),
        ("h1", "II. PHƯƠNG HƯỚNG NHIỆM KỲ 2020–2025"),
        ("p", "Phát triển kinh tế nhanh, bền vững."),
    ]:
        kind, text = item
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        else:
            document.add_paragraph(text)
    if table:
        t = document.add_table(rows=0, cols=len(table[0]))
        for row in table:
            cells = t.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def damaged_docx(name="hong.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    return SimpleUploadedFile(name, buffer.getvalue())


def encrypted_docx(name="co-mat-khau.docx") -> SimpleUploadedFile:
    # A password-protected Office file is an OLE compound file whatever its extension.
    return SimpleUploadedFile(name, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)


def pdf_named_docx(name="thuc-ra-la-pdf.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"x" * 200)
