"""What a source file is, decided by its content (magic bytes, zip members, OLE2 streams), never its name."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import olefile

PDF, XLSX, XLS, DOCX, DOC, ODS, HTML = "pdf", "xlsx", "xls", "docx", "doc", "ods", "html"
ENCRYPTED_OOXML = "encrypted-ooxml"  # a password-protected .xlsx/.docx: an OLE2 container, not a zip
UNKNOWN = "unknown"

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEAD_BYTES = 4096
DAMAGED_SCAN_BYTES = 64 << 20  # how far into a damaged zip to look for its members' names
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# How an HTML page begins once a BOM, white space and comments are skipped (case-insensitive).
HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p)\b",
                        re.IGNORECASE | re.DOTALL)
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(source: str | Path | bytes) -> str:
    """One of the format names above; UNKNOWN for anything else (empty, truncated, another kind).
    `source` is a file or the bytes already read from one (then nothing is read again)."""
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        head = data[:HEAD_BYTES]
        if b"%PDF-" in head[:1024]:
            return PDF
        if head.startswith(b"PK\x03\x04"):
            return _zip_format(data)
        if head.startswith(OLE2_MAGIC):
            return _ole_format(data)
        return HTML if _looks_like_html(head) else UNKNOWN
    except Exception:  # noqa: BLE001 — whatever a damaged container raises, its content is no known format
        return UNKNOWN


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            odf = "mimetype" in names and archive.open("mimetype").read(len(ODS_MIMETYPE)) == ODS_MIMETYPE
    except zipfile.BadZipFile:
        return _damaged_zip_format(data)
    if "xl/workbook.xml" in names:
        return XLSX
    if "word/document.xml" in names:
        return DOCX
    return ODS if odf else UNKNOWN


def _damaged_zip_format(data: bytes) -> str:
    """A truncated or damaged package has no central directory, but its local headers still name
    its members: enough to call it a workbook or a Word file, whose reader then says it is corrupt."""
    data = data[:DAMAGED_SCAN_BYTES]
    if b"xl/workbook.xml" in data or b"xl/worksheets/" in data:
        return XLSX
    if b"word/document.xml" in data:
        return DOCX
    return UNKNOWN


def _ole_format(data: bytes) -> str:
    with olefile.OleFileIO(data) as ole:
        streams = {"/".join(entry) for entry in ole.listdir()}
    if "EncryptedPackage" in streams:
        return ENCRYPTED_OOXML
    if "Workbook" in streams or "Book" in streams:
        return XLS
    if "WordDocument" in streams:
        return DOC
    return UNKNOWN


def _looks_like_html(head: bytes) -> bool:
    for bom in BOMS:
        if head.startswith(bom):
            head = head[len(bom):].replace(b"\x00", b"")  # UTF-16 pages: the markup is ASCII
            break
    return HTML_START.match(head) is not None
