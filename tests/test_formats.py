"""Forms published as workbooks, Word files and web pages read like PDFs, through one read_document."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from extract import ExtractError, read_document
from extract import formats
from tests.conftest import ROOT, SAMPLES
from tests.office_files import flowing, write_docx, write_html, write_xlsx
from transform import UnknownForm, build_facts, facts_to_json

SHARED_FORMATS = ROOT.parent / "shared" / "formats"
SHARED_XLS = SHARED_FORMATS / "moe-pku-2019-project-export.xls"
DATA = Path(__file__).with_name("data")
WRITERS = {"xlsx": write_xlsx, "docx": write_docx, "html": write_html}
# a project form, a file of two projects, a department summary of 15 rows
FORMS = ["dawukou-2020-project", "luohu-2024-projects", "longgang-2020-department-summary"]
LOCATOR = {"xlsx": r"项目支出绩效自评表![A-Z]+\d+(:[A-Z]+\d+)?", "docx": r"table \d+ r\d+c\d+(:r\d+c\d+)?",
           "html": r"table \d+ r\d+c\d+(:r\d+c\d+)?", "pdf": r"p\d+", "xls": r".+![A-Z]+\d+(:[A-Z]+\d+)?"}


@pytest.fixture(scope="module")
def pdfs() -> dict:
    """Each sample's PDF extraction, less text beside its tables (which Word and HTML cannot hold)."""
    return {name: flowing(read_document(SAMPLES / f"{name}.pdf")) for name in FORMS}


def as_json(path: Path) -> dict:
    (doc,) = facts_to_json(build_facts(read_document(path), "form"))
    return {**doc, "document": {k: v for k, v in doc["document"].items() if k != "pages"}}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_a_form_written_in_another_format_reads_as_its_pdf(tmp_path, pdfs, fmt):
    for name, pdf in pdfs.items():
        path = WRITERS[fmt](pdf, tmp_path / f"{name}.{fmt}")
        assert formats.sniff(path) == fmt
        (from_pdf,) = facts_to_json(build_facts(pdf, "form"))
        from_pdf["document"].pop("pages")
        assert as_json(path) == from_pdf, (name, fmt)
        facts = build_facts(read_document(path), "form")
        for frame in (facts.evaluations, facts.budget_lines, facts.indicators):
            assert frame.locator.map(lambda s: re.fullmatch(LOCATOR[fmt], s) is not None).all(), (name, fmt)


def test_format_is_decided_by_content_not_by_name(tmp_path, pdfs):
    pdf = pdfs["dawukou-2020-project"]
    named_wrong = {"xlsx": "form.pdf", "docx": "form.xlsx", "html": "form.doc"}
    for fmt, name in named_wrong.items():
        assert formats.sniff(WRITERS[fmt](pdf, tmp_path / name)) == fmt
    shutil.copyfile(SAMPLES / "dawukou-2020-project.pdf", tmp_path / "form.html")
    assert formats.sniff(tmp_path / "form.html") == formats.PDF
    assert formats.sniff(DATA / "dawukou-2020-project.doc") == formats.DOC
    assert formats.sniff(DATA / "password-protected.xlsx") == formats.ENCRYPTED_OOXML
    (tmp_path / "notes.xlsx").write_text("下载说明")
    assert formats.sniff(tmp_path / "notes.xlsx") == formats.UNKNOWN


@pytest.mark.skipif(not SHARED_XLS.is_file(), reason="../shared/formats is absent")
def test_the_budget_system_export_scores_f1_one_and_only_its_self_evaluation_sheet_is_read(tmp_path):
    out = tmp_path / "out"
    jixiao = Path(sys.executable).with_name("jixiao")
    subprocess.run([str(jixiao), "extract", str(SHARED_XLS), "--json-dir", str(out)], check=True, capture_output=True)
    report = tmp_path / "score.json"
    subprocess.run([sys.executable, str(ROOT.parent / "shared" / "tools" / "score_extraction.py"),
                    str(SHARED_XLS.with_name(SHARED_XLS.stem + ".truth.json")), "--pred", str(out),
                    "--json", str(report)], check=True, capture_output=True)
    assert json.loads(report.read_text())["overall"]["f1"] == 1.0

    extraction = read_document(SHARED_XLS)
    assert (extraction.format, extraction.pages) == ("xls", 11)
    facts = build_facts(extraction, SHARED_XLS.name)
    assert len(facts.evaluations) == 1
    assert facts.evaluations.locator.iloc[0].startswith("项目支出绩效自评表!")
    assert facts.goals.locator.str.startswith("项目支出绩效自评表!").all()
    # the monitoring sheet alone, as a workbook of its own: not a self-evaluation
    page = int(extraction.lines[extraction.lines.text.str.contains("执行监控")].page.iloc[0])
    monitoring = replace(extraction, cells=extraction.cells[extraction.cells.page == page],
                         lines=extraction.lines[extraction.lines.page == page])
    with pytest.raises(UnknownForm, match="not a self-evaluation"):
        build_facts(read_document(write_xlsx(monitoring, tmp_path / "monitoring.xlsx")), "monitoring.xlsx")


def test_web_pages_in_gbk_read_with_or_without_a_declared_charset(tmp_path, pdfs):
    pdf = pdfs["luohu-2024-projects"]
    expected = as_json(write_html(pdf, tmp_path / "utf8.html"))
    declared = write_html(pdf, tmp_path / "gb2312.html", encoding="gb2312")
    assert as_json(declared) == expected
    bare = tmp_path / "gbk-undeclared.html"
    bare.write_bytes(re.sub(rb"<meta[^>]*>", b"", declared.read_bytes()))
    assert as_json(bare) == expected


def zip_bomb(path: Path) -> Path:
    """A .xlsx by its members whose sheet inflates 1000×."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 << 20))
    return path


def bad_files(folder: Path, pdf) -> dict[str, str]:
    """Files that must be quarantined, and the reason each must give."""
    good = write_xlsx(pdf, folder / "good.xlsx").read_bytes()
    (folder / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    shutil.copyfile(DATA / "password-protected.xlsx", folder / "password-protected.xlsx")
    zip_bomb(folder / "bomb.xlsx")
    (folder / "menu-only.html").write_text("<html><body><h1>政务公开</h1><table><tr><td><a href='/'>首页</a></td>"
                                            "<td>通知公告</td></tr></table></body></html>", encoding="utf-8")
    (folder / "no-table.html").write_text("<!doctype html><html><body><p>绩效自评报告见附件。</p></body></html>")
    (folder / "good.xlsx").unlink()
    return {"truncated.xlsx": "corrupt workbook", "password-protected.xlsx": "password",
            "bomb.xlsx": "zip bomb", "menu-only.html": "no form family", "no-table.html": "no table"}


def test_bad_workbooks_and_pages_give_their_reason(tmp_path, pdfs):
    for name, reason in bad_files(tmp_path, pdfs["dawukou-2020-project"]).items():
        with pytest.raises((ExtractError, UnknownForm), match=reason):
            build_facts(read_document(tmp_path / name), name)


def without_soffice() -> dict[str, str]:
    """The environment with no directory on PATH that holds soffice or libreoffice."""
    keep = [d for d in os.environ.get("PATH", "").split(os.pathsep)
            if d and not any((Path(d) / exe).exists() for exe in ("soffice", "libreoffice"))]
    return {**os.environ, "PATH": os.pathsep.join(keep)}


def test_a_doc_without_libreoffice_is_refused_saying_so():
    code = ("from extract import read_document\n"
            f"read_document({str(DATA / 'dawukou-2020-project.doc')!r})")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=without_soffice())
    assert done.returncode == 1 and "needs LibreOffice" in done.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_doc_is_converted_by_libreoffice_and_reads_as_its_pdf(pdfs):
    (from_pdf,) = facts_to_json(build_facts(pdfs["dawukou-2020-project"], "form"))
    from_pdf["document"].pop("pages")
    assert as_json(DATA / "dawukou-2020-project.doc") == from_pdf


def ingest(source: Path, db: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao.cli", "ingest", str(source), "--db", str(db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={**env, "PREFECT_HOME": str(db.parent / "prefect")})


@pytest.mark.skipif(not SHARED_XLS.is_file(), reason="../shared/formats is absent")
def test_a_mixed_folder_ingests_in_one_run_with_every_file_accounted_for(tmp_path, pdfs):
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    source.mkdir()
    shutil.copyfile(SAMPLES / "dawukou-2020-project.pdf", source / "dawukou.pdf")
    write_xlsx(pdfs["dawukou-2020-project"], source / "dawukou.xlsx")  # the same form twice
    write_docx(pdfs["luohu-2024-projects"], source / "luohu.docx")
    write_html(pdfs["longgang-2020-department-summary"], source / "longgang.html", encoding="gbk")
    shutil.copyfile(SHARED_XLS, source / SHARED_XLS.name)
    shutil.copyfile(DATA / "dawukou-2020-project.doc", source / "dawukou.doc")
    bad = bad_files(source, pdfs["dawukou-2020-project"])

    done = ingest(source, db, without_soffice())
    assert done.returncode == 1, done.stderr  # it completed; exit 1 says files were quarantined (--fail-on error)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = {n: (f, s, e) for n, f, s, e in con.execute(
            "SELECT file_name, format, status, error FROM documents").fetchall()}
        counted = dict(con.execute("SELECT file_name, counted FROM v_evaluations WHERE file_name LIKE 'dawukou%'"
                                   ).fetchall())
        (report_path,) = con.execute("SELECT report_path FROM runs").fetchone()
        located = con.execute("SELECT DISTINCT d.format, i.locator FROM indicators i "
                              "JOIN documents d ON d.sha256 = i.doc_id").fetchall()
    assert set(rows) == {p.name for p in source.iterdir()}
    assert {n: r[0] for n, r in rows.items() if r[1] == "loaded"} == {
        "dawukou.pdf": "pdf", "dawukou.xlsx": "xlsx", "luohu.docx": "docx", "longgang.html": "html",
        SHARED_XLS.name: "xls"}
    assert rows["dawukou.doc"][:2] == ("doc", "quarantined") and "needs LibreOffice" in rows["dawukou.doc"][2]
    for name, reason in bad.items():
        assert rows[name][1] == "quarantined" and reason in rows[name][2], (name, rows[name])
    assert rows["password-protected.xlsx"][0] == "encrypted-ooxml"
    assert sorted(counted.values()) == [False, True]  # dawukou as .pdf and as .xlsx: counted once
    assert counted["dawukou.xlsx"]  # the copy read from its own cells is counted, not its print
    assert all(re.fullmatch(LOCATOR[fmt], locator) for fmt, locator in located if fmt in LOCATOR)
    report = Path(report_path).read_text(encoding="utf-8")
    assert 'class="excerpt"' in report and 'class="hit"' in report  # a non-PDF finding shown in its table


def test_a_word_table_inside_a_content_control_is_read(tmp_path, pdfs):
    """Templates wrap tables in content controls (w:sdt): the table is read where it stands."""
    import docx
    from docx.oxml import OxmlElement

    path = write_docx(pdfs["dawukou-2020-project"], tmp_path / "plain.docx")
    document = docx.Document(str(path))
    table = document.element.body.find(docx.oxml.ns.qn("w:tbl"))
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    table.addprevious(sdt)
    sdt.append(content)
    content.append(table)
    document.save(str(tmp_path / "wrapped.docx"))
    assert as_json(tmp_path / "wrapped.docx") == as_json(path)
