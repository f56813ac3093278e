"""Is a page a scan? Decided from pdfium alone, before the OCR stack (onnxruntime, models) is loaded."""
from __future__ import annotations

import unicodedata

import pypdfium2
import pypdfium2.raw as pdfium_c

MIN_TEXT_CHARS = 10  # fewer usable characters than this is no text layer (e.g. a scanner's stamp)
MAX_GARBAGE_SHARE = 0.5  # broken font encodings give mostly replacement / private-use characters
MIN_IMAGE_SHARE = 0.5  # of the page area: a scan is a picture of the whole page


def unusable_text(text: str) -> bool:
    """A text layer too thin or too garbled to read: fewer than MIN_TEXT_CHARS real characters, or
    mostly replacement / private-use / unassigned code points (a font without a Unicode map)."""
    chars = [ch for ch in text if not ch.isspace()]
    garbage = sum(1 for ch in chars if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cc", "Cs"))
    return len(chars) - garbage < MIN_TEXT_CHARS or garbage > MAX_GARBAGE_SHARE * len(chars)


def shows_an_image(page: pypdfium2.PdfPage) -> bool:
    """An image covers most of the page. A blank page (office suites print empty spill pages) or one
    of rules only has nothing to read, and OCR on it would cost seconds and the models' memory."""
    width, height = page.get_size()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= MIN_IMAGE_SHARE * width * height:
            return True
    return False


def needs_ocr(page: pypdfium2.PdfPage) -> bool:
    """True when the page is a picture without a usable text layer: it must be read from its pixels."""
    return unusable_text(page.get_textpage().get_text_range()) and shows_an_image(page)
