"""Source file → table cells and free text lines, each with page, bbox and locator. Knows no forms."""
from extract.document import CELL_COLUMNS, LINE_COLUMNS, Extraction, ExtractError, sha256_of
from extract.read import read_document

__all__ = ["CELL_COLUMNS", "LINE_COLUMNS", "ExtractError", "Extraction", "read_document", "sha256_of"]
