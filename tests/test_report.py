"""The HTML report: self-contained, escaped, with a crop per located finding, gathered slice by slice."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import expectations
from expectations.report import RunReport, write_report
from tests.truth_facts import truth_facts
from transform.facts import Facts

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus beside the repo")
LUOHU = "luohu-2024-projects"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Facts, expectations.Checked, Path]:
    """Luohu's truth facts with one planted break, located on page 1 like a real extraction would be,
    in an indicator whose name carries markup (PDF text is untrusted)."""
    facts = truth_facts([CORPUS / f"{LUOHU}.truth.json"])
    ind = facts.indicators
    first = ind.index[(ind["evaluation_no"] == 0) & (ind["name"] == "社工人数")][0]
    ind.loc[first, ["name", "score", "page", "x0", "y0", "x1", "y1"]] = [
        "社工人数<script>alert(1)</script>", 29.0, 1, 140.0, 380.0, 250.0, 410.0]
    out = tmp_path_factory.mktemp("report")
    checks = expectations.Checks(data_docs=True)
    checked = checks.check(facts)
    checks.data_docs(out / "gx")
    return facts, checked, out


def _report(*slices: tuple[Facts, expectations.Checked]) -> RunReport:
    report = RunReport()
    for facts, checked in slices:
        report.add(facts, checked)
    return report


def test_report_is_self_contained_escaped_and_shows_the_finding(run) -> None:
    facts, checked, out = run
    pdf = {facts.documents.loc[0, "doc_id"]: CORPUS / f"{LUOHU}.pdf"}
    path = write_report(out, "r1", _report((facts, checked)), pdf, out / "gx" / "index.html")
    html = path.read_text(encoding="utf-8")
    assert path == out / "r1.html"
    assert "<script" not in html and "&lt;script&gt;" in html
    assert not re.search(r"""(?:src|href)=["']https?://""", html)  # nothing fetched from the network
    assert html.count("data:image/png;base64,") == 1  # only the located finding has a crop
    assert html.count("<svg") == 2
    assert 'href="gx/index.html"' in html and (out / "gx" / "index.html").is_file()
    assert "社工人数" in html and "indicator_score_rule" in html


def test_a_report_gathered_from_slices_counts_every_slice(run) -> None:
    facts, checked, out = run
    assert set(checked.findings["rule"]) == {"indicator_score_rule", "total_score"}
    other = truth_facts([CORPUS / "pingshan-2020-projects.truth.json"])
    html = write_report(out, "r3", _report((facts, checked), (other, expectations.Checks().check(other))),
                        {}, None).read_text(encoding="utf-8")
    assert f"2 份文件 files · {len(facts.indicators) + len(other.indicators)} 个指标 indicators" in html
    assert "1 份文件全部通过 files pass every check；1 份有未通过的检查 files fail some" in html
    assert '<span class="bad">2 个错误 errors</span>' in html


def test_report_lists_the_worst_findings_and_points_to_the_warehouse_for_the_rest(
        run, monkeypatch: pytest.MonkeyPatch) -> None:
    facts, checked, out = run
    findings = checked.findings
    import expectations.report as report

    monkeypatch.setattr(report, "MAX_LISTED", 1)
    monkeypatch.setattr(report, "MAX_POINTS", 3)
    pdf = {facts.documents.loc[0, "doc_id"]: CORPUS / f"{LUOHU}.pdf"}
    html = write_report(out, "r2", _report((facts, checked)), pdf, None).read_text(encoding="utf-8")
    assert len(findings) == 2 and html.count('<div class="finding">') == 1
    assert findings.loc[0, "severity"] == "error" and findings.loc[0, "rule"] in html
    assert "v_dq_findings WHERE run_id = 'r2'" in html
    assert "0 份文件全部通过 files pass every check；1 份有未通过的检查 files fail some" in html
    assert re.search(r"共 \d+ 个点，画出 3 个", html) and html.count("<circle") == 3


def test_crops_cut_a_wide_summary_row_to_its_label_and_value_legibly() -> None:
    """longgang's summary page is a wide table: its fund_sources_sum finding points at the total's 实际支出
    cell (1407.1), and its crop is cut to the row's label and that cell at a scale where the small print
    reads, not the full-width row."""
    import base64
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    import expectations.report as report
    from extract import read_document
    from transform import build_facts

    pdf = CORPUS / "longgang-2020-department-summary.pdf"
    extraction = read_document(pdf)
    facts = build_facts(extraction, pdf.name)
    finding = expectations.validate(facts).iloc[0]
    assert finding["rule"] == "fund_sources_sum" and finding["page"] == 1 == finding["label_page"]
    box = tuple(finding[k] for k in ("x0", "y0", "x1", "y1"))
    label = tuple(finding[f"label_{k}"] for k in ("x0", "y0", "x1", "y1"))
    # the total's 实际支出金额 cell that was compared, right of the row's label on the same line
    cells = extraction.cells
    value = cells[(cells.page == 1) & (cells[["x0", "y0", "x1", "y1"]] - list(box)).abs().max(axis=1).lt(0.01)]
    assert len(value) == 1 and value.iloc[0]["text"] == finding["observed"].split()[0]
    assert label[2] <= box[0] and label[1] < box[3] and box[1] < label[3]
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        assert report._beside(box, label, finding["observed"], page) == (label, box)
        crop = Image.open(io.BytesIO(base64.b64decode(
            report._crop(page, box, label, finding["observed"]).split(",", 1)[1])))
        page_width = page.get_size()[0]
    finally:
        document.close()
    # shown at its own size in the report's ~780 px column, at up to 4× the page's points: the old
    # full-width row (page width × 2 px) was shrunk to a third of that
    assert 400 <= crop.width <= 780 and crop.width / report.MAX_SCALE < page_width / 4


def test_reading_problems_are_kept_apart_from_publisher_findings_in_both_languages(tmp_path) -> None:
    facts = truth_facts([CORPUS / f"{LUOHU}.truth.json"])
    facts.evaluations["reading_doubts"] = facts.evaluations["reading_doubts"].astype(object)
    facts.evaluations.loc[0, "reading_doubts"] = "weights add to 190 of 100 (forms or columns read together)"
    facts.evaluations.loc[0, "total_score"] = 98.9  # an arithmetic break on the doubtful form: held back
    checked = expectations.Checks().check(facts)
    assert list(checked.findings["severity"]) == ["reading", "warning"]
    html = write_report(tmp_path, "r4", _report((facts, checked)), {}, None).read_text(encoding="utf-8")
    reading, published = html.split("reading problems, not publisher errors", 1)[1].split("publisher findings", 1)
    assert "weights add to 190" in reading and "total_score" not in reading
    assert "held back as a warning" in published and "降为警告" in published
    assert '<span class="ok">0 个错误 errors</span>' in html
