"""Checks on uploaded files: a size ceiling and a type decided by the content, not the name."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Kind → (extensions, content type).
KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "pdf": ((".pdf",), "application/pdf"),
    "docx": ((".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "doc": ((".doc",), "application/msword"),
    "xls": ((".xls",), "application/vnd.ms-excel"),
    "png": ((".png",), "image/png"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
    "txt": ((".txt",), "text/plain"),
}
DOCUMENT_KINDS = ("pdf", "docx", "xlsx", "doc", "xls", "png", "jpeg", "txt")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    kind: str
    content_type: str
    size: int


def sniff(head: bytes, upload) -> str | None:
    """The kind of a file from its first bytes (and, for Office files, its zip directory)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(_OLE):
        return "ole"  # legacy .doc/.xls, or an encrypted (password-protected) Office file
    if head.startswith(b"PK\x03\x04"):
        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
        return None
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            # The sample may cut a multi-byte character at its end.
            try:
                head[:-3].decode("utf-8")
            except UnicodeDecodeError:
                return None
        return "txt"
    return None


def checked_upload(upload, *, kinds: tuple[str, ...] = DOCUMENT_KINDS, max_bytes: int | None = None) -> CheckedUpload:
    """Refuse a file that is too large, empty, or whose content is not one of `kinds`."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    name = os.path.basename(upload.name or "file")
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB.")
            % {"size": size / 1024 / 1024, "limit": limit // 1024 // 1024},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    extension = os.path.splitext(name)[1].lower()
    found = sniff(head, upload)
    if found == "ole":
        if extension == ".doc" and "doc" in kinds:
            found = "doc"
        elif extension == ".xls" and "xls" in kinds:
            found = "xls"
        elif extension in (".docx", ".xlsx"):
            raise ValidationError(
                _("The file is password-protected or encrypted; save it without a password and upload it again."),
                code="encrypted",
            )
        else:
            found = None
    allowed = ", ".join(ext for kind in kinds for ext in KINDS[kind][0])
    if found is None or found not in kinds:
        raise ValidationError(
            _("This file type is not accepted (its content is not one of: %(allowed)s).") % {"allowed": allowed},
            code="wrong_type",
        )
    if extension not in KINDS[found][0]:
        raise ValidationError(
            _("The file name ends in “%(ext)s” but its content is %(kind)s; rename or convert it.")
            % {"ext": extension or "—", "kind": found.upper()},
            code="wrong_extension",
        )
    return CheckedUpload(name=name, kind=found, content_type=KINDS[found][1], size=size)
