"""One entry point for every source format, as camelot has one parser per flavor behind read_pdf."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from extract import formats
from extract.document import Extraction, ExtractError, read_pdf
from extract.layout import Layout


def _readers() -> dict[str, Callable[[bytes], Layout]]:
    # Imported on first use: a run of PDFs never loads the workbook, Word or HTML libraries.
    from extract.webpage import read_html
    from extract.wordfile import read_doc, read_docx, read_ods
    from extract.workbook import read_xls, read_xlsx
    return {formats.XLSX: read_xlsx, formats.XLS: read_xls, formats.ODS: read_ods, formats.DOCX: read_docx,
            formats.DOC: read_doc, formats.HTML: read_html}


UNREADABLE = {
    formats.ENCRYPTED_OOXML: "encrypted workbook or Word document: a password is needed to open it",
    formats.UNKNOWN: "not a PDF, workbook, Word document or web page (content matches none of them)",
}


KIND = {formats.XLSX: "workbook", formats.XLS: "workbook", formats.ODS: "workbook",
        formats.DOCX: "Word document", formats.DOC: "Word document", formats.HTML: "HTML page"}


def read_document(source: Path | str | bytes) -> Extraction:
    """The file's tables and free text as `cells` and `lines`, whatever format its content is in.
    `source` is a file, or the bytes of one: a caller that has read and hashed a file passes those
    bytes, so what is parsed is exactly what was hashed (`Extraction.sha256`), whatever happens to
    the file meanwhile; every reader works from them and never opens the file again."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    if not data:
        raise ExtractError("empty file (0 bytes)")
    fmt = formats.sniff(data)
    if fmt == formats.PDF:
        return read_pdf(data)
    if fmt in UNREADABLE:
        raise ExtractError(UNREADABLE[fmt])
    layout = _readers()[fmt](data)
    if not layout.cells:
        raise ExtractError(f"no table in this {KIND[fmt]}")
    return layout.extraction(hashlib.sha256(data).hexdigest(), fmt)
