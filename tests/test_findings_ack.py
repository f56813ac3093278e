"""Findings as an auditor's workflow, through the command line on a real warehouse: a finding acknowledged
with a note is stored, shown in later reports, no longer fails a run, and stays acknowledged when the same
document is read again."""
from __future__ import annotations

from pathlib import Path

from tests.test_cli import QIAOKOU, folder, jixiao, query


def test_acknowledged_findings_survive_a_reparse_show_in_the_report_and_do_not_fail_the_run(tmp_path):
    source, db = folder(tmp_path, QIAOKOU), tmp_path / "w.duckdb"
    first = jixiao("ingest", source, "--db", db)
    assert first.returncode == 1  # qiaokou's 总分 and 年度目标 5 break their rules
    errors = query(db, "SELECT finding_id, rule, page, kind, message_en FROM v_dq_findings "
                       "WHERE severity = 'error' ORDER BY rule")
    assert [(r[1], r[2], r[3]) for r in errors] == [("goal_points", 3, "publisher"), ("total_score", 4, "publisher")]
    assert all(r[4] for r in errors)  # an English message beside the Chinese one

    for finding_id, rule, *_ in errors:
        acked = jixiao("findings", "ack", finding_id, "--note", f"reviewed {rule} with the bureau", "--db", db)
        assert acked.returncode == 0, acked.stderr
    assert jixiao("findings", "ack", "99999", "--note", "x", "--db", db).returncode == 2
    assert query(db, "SELECT count(*) FROM dq_acks") == [(2,)]

    again = jixiao("ingest", source, "--db", db, "--reprocess")  # the same content parsed again
    assert again.returncode == 0, again.stdout  # acknowledged errors do not fail the run
    now = query(db, "SELECT finding_id, rule, acknowledged, ack_note FROM v_dq_findings ORDER BY rule")
    assert [(r[1], r[2], r[3]) for r in now] == [("goal_points", True, "reviewed goal_points with the bureau"),
                                                 ("total_score", True, "reviewed total_score with the bureau")]
    assert not {r[0] for r in now} & {r[0] for r in errors}  # new findings, acknowledged by what they are about
    report = Path(query(db, "SELECT report_path FROM runs ORDER BY started_at DESC LIMIT 1")[0][0])
    html = report.read_text(encoding="utf-8")
    assert html.count("<span class=\"tag ack\">已复核 acknowledged</span>") == 2 and "reviewed total_score with the bureau" in html
    assert '<span class="ok">0 个错误 errors</span>' in html

    listed = jixiao("findings", "--db", db)
    header, *lines = [line.split("\t") for line in listed.stdout.splitlines()]
    assert {dict(zip(header, line))["ack_note"] for line in lines} == {
        "reviewed goal_points with the bureau", "reviewed total_score with the bureau"}
