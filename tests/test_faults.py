"""Issue 14: nothing a file, a signal or an analyst does loses a night's data or hangs the run.

Each numbered case of the issue is a real file, process or signal here (no mocks of DuckDB, the PDF stack
or Prefect). After every run the warehouse's invariants are checked (v_integrity is empty).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from pypdf import PdfWriter
from pypdf.constants import UserAccessPermissions

from extract import read_document
from flows.files import list_source, read_regular
from flows.ingest import ingest
from flows.parse import close_pools, parse_files
from flows.pipeline import Options, run
from tests.conftest import ROOT, SAMPLES
from tests.test_robustness import dense_grid_pdf
from transform import build_facts, facts_to_json

LUOHU, PINGSHAN = SAMPLES / "luohu-2024-projects.pdf", SAMPLES / "pingshan-2020-projects.pdf"
QIAOKOU = SAMPLES / "qiaokou-2020-department-overall.pdf"


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def assert_whole(db: Path) -> None:
    """Facts only with a loaded documents row, a loaded row only with facts (warehouse/sql/14_v_integrity.sql)."""
    assert query(db, "SELECT * FROM v_integrity") == []


def jixiao(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def one_line_error(done: subprocess.CompletedProcess) -> str:
    """The operator sees one line, never a traceback."""
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


def rotated(source: Path, target: Path, angle: int) -> None:
    """The same pages stored turned by -angle with /Rotate angle: they display exactly as before (a
    landscape form stored portrait with /Rotate 90, as some scanners and office suites save them)."""
    w = PdfWriter(clone_from=source)
    for page in w.pages:
        page.rotate(-angle % 360)
        page.transfer_rotation_to_content()
        page.rotate(angle)
    w.write(target)


def print_only(source: Path, target: Path) -> None:
    """Permission flags that allow printing only (no extraction); opens without a password."""
    w = PdfWriter(clone_from=source)
    w.encrypt(user_password="", owner_password="owner", permissions_flag=UserAccessPermissions.PRINT)
    w.write(target)


def as_json(path: Path) -> dict:
    (document,) = facts_to_json(build_facts(read_document(path), "form.pdf"))
    return document


# 6. Valid forms rejected: /Rotate and print-only PDFs ------------------------------------------------

@pytest.mark.parametrize("angle", [90, 180, 270])
def test_a_rotated_form_reads_like_the_upright_one(tmp_path, angle):
    """A landscape corpus form stored portrait with /Rotate 90 (and 180, 270): glyphs and rules agree."""
    rotated(LUOHU, tmp_path / "rotated.pdf", angle)
    assert as_json(tmp_path / "rotated.pdf") == as_json(LUOHU)


def test_a_print_only_pdf_reads_like_the_open_one(tmp_path):
    print_only(PINGSHAN, tmp_path / "print-only.pdf")
    assert as_json(tmp_path / "print-only.pdf") == as_json(PINGSHAN)


def test_extract_reads_every_file_and_never_overwrites_an_output(tmp_path):
    """6 + 7: a print-only PDF, a bad file and two forms with the same stem in one `jixiao extract`."""
    for folder, form in (("a", LUOHU), ("b", PINGSHAN)):
        (tmp_path / folder).mkdir()
        shutil.copyfile(form, tmp_path / folder / "form.pdf")
    print_only(QIAOKOU, tmp_path / "print-only.pdf")
    (tmp_path / "broken.pdf").write_bytes(LUOHU.read_bytes()[:5000])
    rotated(LUOHU, tmp_path / "landscape.pdf", 90)
    files = ["a/form.pdf", "broken.pdf", "b/form.pdf", "print-only.pdf", "landscape.pdf"]

    done = jixiao("extract", *[str(tmp_path / f) for f in files], "--json-dir", str(tmp_path / "out"))

    assert done.returncode == 1  # the broken file failed; the files after it were read
    assert "broken.pdf" in done.stderr and "Traceback" not in done.stderr
    outputs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out").glob("*.json")}
    assert set(outputs) == {"form.json", "form-2.json", "print-only.json", "landscape.json"}
    assert len(outputs["form.json"]["evaluations"]) == 2  # luohu's two projects
    assert len(outputs["form-2.json"]["evaluations"]) == 6  # pingshan's six
    assert outputs["print-only.json"]["evaluations"] == as_json(QIAOKOU)["evaluations"]
    assert outputs["landscape.json"]["evaluations"] == outputs["form.json"]["evaluations"]


# 1. A file that changes during a run -----------------------------------------------------------------

def test_a_file_changed_between_survey_and_parse_is_left_for_the_next_run(tmp_path, prefect_api):
    """The survey hashes the folder; then, before the parser reads them, one file gets the bytes of another
    form and one the bytes of a form already loaded (the primary-key case). Nothing half-true is written,
    the two good files of the slice load, and the next run picks the changed files up."""
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    source.mkdir()
    shutil.copyfile(LUOHU, source / "loaded-first.pdf")
    ingest(str(source), str(db))
    for name, form in (("changes.pdf", QIAOKOU), ("becomes-a-copy.pdf", SAMPLES / "longgang-2020-department-summary.pdf"),
                       ("good-1.pdf", PINGSHAN), ("good-2.pdf", SAMPLES / "dawukou-2020-project.pdf")):
        shutil.copyfile(form, source / name)

    def parse_after_a_change(files):
        shutil.copyfile(SAMPLES / "longgang-2020-department-summary.pdf", source / "changes.pdf")
        shutil.copyfile(LUOHU, source / "becomes-a-copy.pdf")  # the bytes of a loaded document
        return parse_files(files, 120, 1)

    outcome = run(str(source), str(db), Options(), parse_after_a_change)

    assert sorted(path for path, _ in outcome.deferred) == ["becomes-a-copy.pdf", "changes.pdf"]
    assert all("changed during the run" in why for _, why in outcome.deferred)
    assert query(db, "SELECT source_path, status FROM documents ORDER BY 1") == [
        ("good-1.pdf", "loaded"), ("good-2.pdf", "loaded"), ("loaded-first.pdf", "loaded")]
    assert_whole(db)

    again = ingest(str(source), str(db))

    assert again.deferred == [] and again.files_new == 1  # longgang; the copy of luohu is a duplicate
    assert query(db, "SELECT source_path, status FROM documents ORDER BY 1") == [
        ("becomes-a-copy.pdf", "duplicate"), ("changes.pdf", "loaded"), ("good-1.pdf", "loaded"),
        ("good-2.pdf", "loaded"), ("loaded-first.pdf", "loaded")]
    assert_whole(db)


def test_a_write_that_would_break_the_invariants_is_not_published(warehouse_copy):
    """The rule over the warehouse: facts without a loaded document never reach the published file."""
    from flows.write import IntegrityError, Outcome, RunWriter

    before = query(warehouse_copy, "SELECT count(*) FROM evaluations")
    writer = RunWriter(warehouse_copy, "test", "test", warehouse_copy.parent / "q", Outcome())
    with pytest.raises(IntegrityError, match="facts without a loaded document"):
        writer._write(lambda con: con.execute(
            "INSERT INTO evaluations (doc_id, evaluation_no, scope) VALUES ('no-such-document', 0, 'project')"))
    assert query(warehouse_copy, "SELECT count(*) FROM evaluations") == before
    assert_whole(warehouse_copy)


def test_a_failed_load_reports_its_own_error_not_the_rollbacks(warehouse_copy):
    import warehouse
    from flows.write import _record

    parsed = parse_files(list_source(SAMPLES)[:1], 120, 1)[0]
    record = _record(parsed.file, "test", "loaded", facts_header=parsed.facts["documents"][0])
    con = warehouse.connect(warehouse_copy)
    try:  # the same document twice in one batch: the insert fails, the rollback must not mask why
        with pytest.raises(duckdb.Error) as raised:
            warehouse.load_documents(con, [warehouse.Load(record, parsed.facts)] * 2, "test")
        assert "rollback" not in str(raised.value).lower() and "transaction" not in str(raised.value).lower()
    finally:
        con.close()
    assert_whole(warehouse_copy)


# 2. Signals ------------------------------------------------------------------------------------------

def state_and_parent(pid: int) -> tuple[str, int] | None:
    """From /proc/PID/stat: the process state letter and its parent, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = state_and_parent(int(entry.name))
            if info and info[0] != "Z" and info[1] == pid:
                out.add(int(entry.name))
    return out


def descendants(pid: int) -> set[int]:
    """Every live process under `pid`."""
    out, todo = set(), [pid]
    while todo:
        for child in children(todo.pop()):
            out.add(child)
            todo.append(child)
    return out


def alive(pids: set[int]) -> set[int]:
    return {pid for pid in pids if (state_and_parent(pid) or ("Z",))[0] != "Z"}


def start_ingest(source: Path, db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "jixiao.cli", "ingest", str(source), "--db", str(db),
                             "--workers", "1", *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PREFECT_HOME": str(db.parent / "prefect")})


def wait_until_parsing(proc: subprocess.Popen, db: Path, timeout: float = 300) -> set[int]:
    """Until the run's `running` row is published and the parser pool is up; returns the run's processes."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        assert proc.poll() is None, proc.communicate()
        if db.exists() and query(db, "SELECT count(*) FROM runs WHERE status = 'running'") == [(1,)]:
            time.sleep(2.0)  # files are being parsed
            return descendants(proc.pid)
        time.sleep(0.2)
    raise AssertionError("the run never started")


def bundle(folder: Path) -> None:
    """Forms that take a while to parse on one worker (a signal arrives while files are parsed)."""
    folder.mkdir()
    for form in SAMPLES.glob("*.pdf"):
        shutil.copyfile(form, folder / form.name)
    w = PdfWriter()
    for _ in range(15):
        w.append(PINGSHAN)
    w.write(folder / "bundle-90-pages.pdf")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_cleanly_and_the_next_run_completes_it(tmp_path, sig, prefect_api, monkeypatch):
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    bundle(source)
    proc = start_ingest(source, db)
    processes = wait_until_parsing(proc, db)
    assert processes  # the run, Prefect's server, the forkserver, the parser

    sent = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)

    assert time.monotonic() - sent < 30, "stopping took too long"
    assert proc.returncode == 128 + sig, err
    assert "Traceback" not in err and "run interrupted" in err
    assert alive(processes) == set()  # pools and Prefect's server are gone with it
    assert query(db, "SELECT status FROM runs") == [("interrupted",)]
    assert_whole(db)
    # the lock is released: the next run completes (a relative report folder is resolved, the report written)
    monkeypatch.chdir(tmp_path)
    outcome = ingest(str(source), str(db), report_dir="rel-reports")
    assert Path(outcome.report_path).parent == tmp_path / "rel-reports" and Path(outcome.report_path).is_file()
    assert query(db, "SELECT status, count(*) FROM documents GROUP BY ALL") == [("loaded", 6)]
    assert_whole(db)


def test_no_process_outlives_a_sigkilled_ingest(tmp_path, prefect_api):
    """SIGKILL to `jixiao ingest` (what the operator sees) and, in a second run, to the run process inside
    it (what the OOM killer picks): nothing it started survives either, and the next run completes."""
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    bundle(source)
    for target in ("supervisor", "run"):
        proc = start_ingest(source, db)
        processes = wait_until_parsing(proc, db)
        (run_process,) = children(proc.pid)  # the run, in its own process group
        os.kill(proc.pid if target == "supervisor" else run_process, signal.SIGKILL)
        proc.communicate(timeout=60)
        end = time.monotonic() + 30
        while alive(processes) and time.monotonic() < end:
            time.sleep(0.2)
        assert alive(processes) == set(), target
        assert_whole(db)
    outcome = ingest(str(source), str(db))
    assert outcome.status == "completed"
    assert query(db, "SELECT status, count(*) FROM documents GROUP BY ALL") == [("loaded", 6)]
    assert query(db, "SELECT status FROM runs ORDER BY started_at") == [("interrupted",), ("failed",), ("completed",)]
    assert_whole(db)


# 3. Readers never stop the writer --------------------------------------------------------------------

READER = """
import sys, time, duckdb
db, mode = sys.argv[1], sys.argv[2]
if mode == "hold":  # a notebook left open all night: one connection, queried now and then
    con = duckdb.connect(db, read_only=True)
    print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
    sys.stdin.readline()
    print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
else:  # an analyst who connects again and again during the run
    n = 0
    while not sys.stdin.closed and n < 100000:
        with duckdb.connect(db, read_only=True) as con:
            con.execute("SELECT count(*) FROM v_budget_execution").fetchone()
        n += 1
        time.sleep(0.05)
        import select
        if select.select([sys.stdin], [], [], 0)[0]:
            break
    print(n, flush=True)
"""


def test_readers_connected_before_and_during_a_run_neither_block_nor_crash_it(warehouse_copy, tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for form in (SAMPLES / "dawukou-2020-project.pdf", PINGSHAN):
        shutil.copyfile(form, source / f"new-{form.name}")
    w = PdfWriter()  # work for several seconds: the run starts in ~1 s without Prefect (issue 13)
    for _ in range(15):
        w.append(PINGSHAN)
    w.write(source / "bundle-90-pages.pdf")
    before = query(warehouse_copy, "SELECT count(*) FROM documents")[0][0]

    def reader(mode: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", READER, str(warehouse_copy), mode], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    holder = reader("hold")
    assert int(holder.stdout.readline()) == before  # connected before the run, and stays connected
    poller = reader("poll")  # connects again and again, from before the run to its end
    done = {}
    ingesting = threading.Thread(target=lambda: done.update(result=jixiao(
        "ingest", str(source), "--db", str(warehouse_copy),
        env={"PREFECT_HOME": str(tmp_path / "prefect")})))
    ingesting.start()
    ingesting.join(600)
    poller.stdin.write("stop\n")
    poller.stdin.flush()
    polls, poll_err = poller.communicate(timeout=60)
    holder_out, holder_err = holder.communicate("again\n", timeout=60)

    assert done["result"].returncode == 0, done["result"].stderr
    assert poller.returncode == 0 and int(polls) > 10, poll_err
    assert holder.returncode == 0 and int(holder_out) == before, holder_err  # its snapshot, whole
    assert query(warehouse_copy, "SELECT count(*) FROM documents")[0][0] == before + 3  # new connections see it
    assert query(warehouse_copy, "SELECT status FROM runs ORDER BY started_at DESC LIMIT 1") == [("completed",)]
    assert_whole(warehouse_copy)


# 4 + 8. FIFOs, devices, sockets, links leaving the folder, our own outputs, private files -------------

def test_the_survey_reads_only_regular_files_inside_the_folder(tmp_path, prefect_api):
    source, outside = tmp_path / "in", tmp_path / "private"
    source.mkdir()
    outside.mkdir()
    shutil.copyfile(LUOHU, source / "good.pdf")
    rotated(PINGSHAN, source / "landscape.pdf", 90)
    print_only(QIAOKOU, source / "print-only.pdf")
    os.mkfifo(source / "pipe.pdf")
    os.symlink("/dev/zero", source / "zero.pdf")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(source / "socket.pdf"))
    secret = outside / "secret.pdf"
    secret.write_bytes(b"%PDF-1.7 private, not a form")
    secret.chmod(0o600)
    os.symlink(secret, source / "leak.pdf")
    os.symlink(outside, source / "linked-folder")
    private_bad = source / "private-bad.pdf"
    private_bad.write_bytes(b"%PDF-1.7 not really")
    private_bad.chmod(0o600)
    db = source / "warehouse" / "w.duckdb"  # the warehouse, its reports and quarantine inside the folder
    db.parent.mkdir()

    surveyed: list = []
    survey = threading.Thread(target=lambda: surveyed.extend(list_source(source)), daemon=True)
    survey.start()
    survey.join(60)
    assert not survey.is_alive(), "the survey hangs"
    with pytest.raises(OSError, match="a character device"):  # a device put in a file's place is never read
        read_regular("/dev/zero")
    try:
        outcome = ingest(str(source), str(db))
        again = ingest(str(source), str(db))
    finally:
        listener.close()

    rows = {name: (status, error, qpath) for name, status, error, qpath in query(
        db, "SELECT source_path, status, error, quarantine_path FROM documents")}
    assert set(rows) == {"good.pdf", "landscape.pdf", "print-only.pdf", "pipe.pdf", "zero.pdf", "socket.pdf",
                         "leak.pdf", "linked-folder", "private-bad.pdf"}  # nothing of warehouse/
    for name in ("good.pdf", "landscape.pdf", "print-only.pdf"):
        assert rows[name][0] == "loaded", rows[name]
    for name, reason in (("pipe.pdf", "a FIFO"), ("zero.pdf", "leaving the source folder"), ("socket.pdf", "a socket"),
                         ("leak.pdf", "leaving the source folder"), ("linked-folder", "leaving the source folder")):
        status, error, qpath = rows[name]
        assert status == "quarantined" and reason in error and qpath is None, (name, error)
    status, _, qpath = rows["private-bad.pdf"]
    assert status == "quarantined" and stat.S_IMODE(os.stat(qpath).st_mode) == 0o600
    assert not any("secret" in p.name for p in (db.parent / "quarantine").iterdir())
    # each file's finding names that file, once (files never read have no content hash to key them by)
    findings = query(db, "SELECT file_name, observed FROM v_dq_findings WHERE rule = 'document_quarantined'")
    assert sorted(f for f, _ in findings) == sorted(n for n, r in rows.items() if r[0] == "quarantined")
    assert all(name == observed for name, observed in findings)
    assert (outcome.files_seen, again.files_seen) == (9, 9) and again.files_new == 0
    assert_whole(db)


# 5. Transient and permanent failures -----------------------------------------------------------------

def test_a_killed_worker_or_a_vanished_file_is_retried_not_quarantined(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    dense_grid_pdf(source / "slow.pdf", pages=40)  # parses for a while, long enough to kill its worker
    shutil.copyfile(LUOHU, source / "vanishes.pdf")
    files = list_source(source)
    (source / "vanishes.pdf").unlink()  # gone between the survey and the parse
    results: list = []
    parsing = threading.Thread(target=lambda: results.extend(parse_files(files, 120, 1)))
    parsing.start()
    try:
        workers: set[int] = set()
        end = time.monotonic() + 60
        while not workers and time.monotonic() < end:  # the worker is a child of the pool's forkserver
            forkservers = {pid for pid in children(os.getpid())
                           if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()}
            workers = {w for f in forkservers for w in children(f)}
            time.sleep(0.2)
        time.sleep(1.0)
        for pid in workers:
            os.kill(pid, signal.SIGKILL)  # what the OOM killer does
        parsing.join(120)
    finally:
        close_pools()
    by_name = {p.file.file_name: p for p in results}
    assert by_name["slow.pdf"].transient and "out of memory" not in by_name["slow.pdf"].error
    assert by_name["vanishes.pdf"].transient and "retried next run" in by_name["vanishes.pdf"].error


DISK_FULL = """
import resource, signal, sys
from flows.pipeline import Options, run
from flows.parse import parse_files
if __name__ == "__main__":  # the parser pool's forkserver imports this module again
    source, db, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with an error, as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        run(source, db, Options(), lambda files: parse_files(files, 120, 1))
    except Exception as err:
        print(type(err).__name__, err)
        sys.exit(1)
"""


def test_a_write_that_fails_for_lack_of_space_keeps_the_warehouse_and_is_retried(warehouse_copy, tmp_path,
                                                                              prefect_api):
    source = tmp_path / "in"
    source.mkdir()
    for form in SAMPLES.glob("*.pdf"):
        shutil.copyfile(form, source / form.name)
    shutil.copyfile(LUOHU, source / "copy-of-luohu.pdf")
    rotated(QIAOKOU, source / "new-landscape.pdf", 90)
    before = query(warehouse_copy, "SELECT * FROM documents ORDER BY ALL")
    size = warehouse_copy.stat().st_size

    # room for the copy of the warehouse, not a byte more: DuckDB's own write of the run fails
    full = subprocess.run([sys.executable, "-c", DISK_FULL, str(source), str(warehouse_copy), str(size + 1)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)

    assert full.returncode == 1 and "File too large" in full.stdout + full.stderr, full.stdout + full.stderr
    assert query(warehouse_copy, "SELECT * FROM documents ORDER BY ALL") == before  # published file intact
    assert_whole(warehouse_copy)
    outcome = ingest(str(source), str(warehouse_copy))  # the next night, with room again
    assert (outcome.files_new, outcome.files_duplicate) == (1, 1)
    assert_whole(warehouse_copy)


# 7. Operator mistakes --------------------------------------------------------------------------------

def test_operator_mistakes_are_one_line_and_a_non_zero_exit(tmp_path):
    source, db = tmp_path / "in", tmp_path / "w.duckdb"
    source.mkdir()
    shutil.copyfile(LUOHU, source / "a.pdf")
    (tmp_path / "a-file").write_text("not a folder")

    # the run starts, cannot go on, and is recorded failed (exit 3, issue 13's exit codes)
    for option, what in (("--quarantine-dir", "quarantine"), ("--report-dir", "report")):
        done = jixiao("ingest", str(source), "--db", str(db), option, str(tmp_path / "a-file" / what))
        assert f"cannot create the {what} folder" in one_line_error(done) and done.returncode == 3
    assert query(db, "SELECT status FROM runs") == [("failed",), ("failed",)]
    db.unlink()

    (tmp_path / "empty").mkdir()
    db.write_bytes(b"\0" * 4096 + b"this is no DuckDB file" * 100)
    corrupt = jixiao("ingest", str(tmp_path / "empty"), "--db", str(db))  # nothing to load, still checked
    assert "cannot be read" in one_line_error(corrupt) and corrupt.returncode == 2  # nothing started

    for option, value in (("--chunk-size", "0"), ("--workers", "-1"), ("--file-timeout", "0"),
                          ("--chunk-size", "many")):
        done = jixiao("ingest", str(source), "--db", str(tmp_path / "x.duckdb"), option, value)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert f"argument {option}:" in done.stderr.splitlines()[-1]
    assert not (tmp_path / "x.duckdb").exists()
