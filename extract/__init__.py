"""Source file → ruled table cells and free text lines, each with page and bbox. Knows no forms."""
from extract.document import CELL_COLUMNS, LINE_COLUMNS, Extraction, ExtractError, read_document, sha256_of

__all__ = ["CELL_COLUMNS", "LINE_COLUMNS", "ExtractError", "Extraction", "read_document", "sha256_of"]
