"""The jixiao command line: thin, it parses arguments and calls the stages, the flows or the warehouse.

Exit codes (README, docs/operations.md):
  0  the run completed and found nothing at or over --fail-on
  1  the run completed, but quarantined files or raised findings at or over --fail-on
  2  nothing was started: bad arguments, a missing or unreadable source folder, --db not a file path
     or a file DuckDB cannot read, or another ingest holds the warehouse
  3  the run started but could not complete (it is recorded as failed in `runs`, with why)
  128+N  the run was stopped by signal N (143 SIGTERM, 130 SIGINT): what it parsed is loaded, the run is
     recorded `interrupted`, the next run reads the rest
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
FAIL_ON = ("error", "warning", "never")  # flows.write.FAIL_ON, without importing the flows to parse options


def extract_command(args: argparse.Namespace) -> int:
    """`jixiao extract FILE.pdf ... --json-dir OUT`: one NAME.json per input, in the truth's shape."""
    from extract import ExtractError, read_document
    from transform import UnknownForm, build_facts, facts_to_json

    out_dir = Path(args.json_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"jixiao: cannot create the folder {out_dir.resolve()}: {err.strerror or err}", file=sys.stderr)
        return 1
    failed = 0
    for name, out_name in zip(args.files, json_names(args.files)):
        path = Path(name)
        try:
            facts = build_facts(read_document(path), path.name)
            (document,) = facts_to_json(facts)
            (out_dir / out_name).write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8")
        except (ExtractError, UnknownForm, OSError) as err:
            failed += 1
            print(f"{path}: {err}", file=sys.stderr)
            continue
        except Exception as err:  # noqa: BLE001 — one file's parser bug must not stop the files after it
            failed += 1
            print(f"{path}: parser failed: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        print(f"{path}: {len(document['evaluations'])} evaluation(s), "
              f"{sum(len(e['indicators']) for e in document['evaluations'])} indicators -> {out_dir / out_name}")
    return 1 if failed else 0


def json_names(files: list[str]) -> list[str]:
    """NAME.json per input; inputs sharing a stem (a/form.pdf, b/form.pdf) get NAME-2.json, NAME-3.json...
    in the order given, so no output overwrites another."""
    taken: set[str] = set()
    names = []
    for name in files:
        stem, n = Path(name).stem, 1
        candidate = f"{stem}.json"
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}.json"
        taken.add(candidate)
        names.append(candidate)
    return names


def _options(args: argparse.Namespace):
    from flows.pipeline import Options

    return Options(args.quarantine_dir, args.report_dir, args.chunk_size, args.workers, args.file_timeout,
                   getattr(args, "reprocess", False), args.data_docs)


def _stderr():
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)  # a message is one line, whatever the terminal width


def _check_inputs(args: argparse.Namespace) -> str | None:
    """The one-line complaint about the arguments, or None; before anything starts."""
    from flows.inputs import BadInput, check_inputs

    try:
        check_inputs(args.dir, args.db)
    except BadInput as err:
        return " ".join(str(err).split())  # one line, whatever DuckDB's message holds
    return None


def _route_logs_to(console) -> None:
    """Library log lines go through the bars' console (printed above the bars, not through them)."""
    import logging

    from rich.logging import RichHandler

    handler = RichHandler(console=console, show_path=False, level=logging.WARNING)
    for name in ("", "prefect", "great_expectations", "distributed"):
        logger = logging.getLogger(name)
        logger.handlers = [h for h in logger.handlers if type(h).__name__ not in ("StreamHandler",
                                                                                  "PrefectConsoleHandler")]
        if name == "" or not logger.propagate:
            logger.addHandler(handler)
    logging.getLogger("great_expectations").setLevel(logging.WARNING)


def ingest_command(args: argparse.Namespace) -> int:
    """`jixiao ingest DIR --db PATH`: one run, with progress bars and a summary, in a child process that
    stops cleanly on SIGTERM/SIGINT and takes everything it started with it (flows/stop.py)."""
    from flows.stop import supervised

    return supervised(lambda: _ingest(args))


def _ingest(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # the bars and the summary tell the story
    console = _stderr()
    complaint = _check_inputs(args)
    if complaint:
        console.print(f"[red]jixiao ingest: {complaint}", highlight=False)
        return EXIT_USAGE
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    from flows import progress, stop
    from flows.lock import WarehouseBusy
    from flows.once import ingest_once

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            return Text(f"{task.speed:5.1f} files/s" if task.speed else " " * 13, style="progress.data.speed")

    if os.environ.get("PREFECT_API_URL") or args.dask_address:
        import prefect  # noqa: F401 — its log handlers exist from here on, and are rerouted below
    _route_logs_to(console)
    try:
        with Progress(TextColumn("{task.description:>6}"), BarColumn(), MofNCompleteColumn(), Rate(),
                      TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), console=console) as bars:
            progress.current.set(progress.RichProgress(bars))
            outcome = ingest_once(args.dir, args.db, _options(args), args.dask_address)
    except WarehouseBusy as err:
        console.print(f"[red]{err}", highlight=False)
        return EXIT_USAGE
    except Exception as err:  # noqa: BLE001 — one line for the operator, the run is recorded failed
        # what was published before stays; the files not loaded are read by the next run
        console.print(f"jixiao ingest: the run could not complete: {type(err).__name__}: {' '.join(str(err).split())}",
                      style="red", markup=False, highlight=False)
        return EXIT_FAILED
    for path, why in outcome.deferred:
        console.print(f"left for the next run: {path}: {why}", markup=False, highlight=False)
    console.print(
        f"files seen {outcome.files_seen}, new {outcome.files_new}, skipped {outcome.files_skipped}, "
        f"quarantined {outcome.files_quarantined}, duplicates {outcome.files_duplicate}, "
        f"superseded {outcome.files_superseded}; "
        f"facts loaded {outcome.facts_loaded}; checks failed {outcome.checks_failed} "
        f"(warnings {outcome.checks_warned}); left for the next run {len(outcome.deferred)}", highlight=False)
    console.print(f"warehouse: {Path(args.db).resolve()}"
                  + (f"\nreport: {outcome.report_path}" if outcome.report_path else ""), highlight=False)
    if outcome.status == "interrupted":
        console.print("run interrupted: what it parsed is loaded; the next run reads the rest", highlight=False)
        return stop.exit_code()
    failure = outcome.failure(args.fail_on)
    if failure:
        console.print(f"[yellow]exit {EXIT_FINDINGS} (--fail-on {args.fail_on}): {failure}", highlight=False)
        return EXIT_FINDINGS
    return EXIT_OK


def serve_command(args: argparse.Namespace) -> int:
    """`jixiao serve DIR --db PATH --cron ...`: the nightly deployment on a Prefect server."""
    console = _stderr()
    complaint = _check_inputs(args)
    if complaint:
        console.print(f"[red]jixiao serve: {complaint}", highlight=False)
        return EXIT_USAGE
    from flows.server import ServerUnavailable, prefect_server

    if not os.environ.get("PREFECT_API_URL"):
        console.print(f"PREFECT_API_URL is unset: starting a Prefect server on 127.0.0.1:{args.port} "
                      f"(SQLite in {Path(args.db).resolve().parent / '.prefect'})", highlight=False)
    try:
        with prefect_server(args.db, args.port) as api_url:
            from flows.ingest import DEPLOYMENT, serve  # after the API URL is set: Prefect reads it at import

            when = f"every {args.interval:g} s" if args.interval else f"cron {args.cron!r}"
            console.print(f"serving deployment jixiao-ingest/{DEPLOYMENT} ({when}) on {api_url}\n"
                          f"Prefect UI: {api_url.removesuffix('/api')}  (Ctrl-C stops)", highlight=False)
            serve(str(Path(args.dir).resolve()), str(Path(args.db).resolve()), _options(args), args.cron,
                  args.interval, args.fail_on)
    except ServerUnavailable as err:
        console.print(f"[red]jixiao serve: {err}", highlight=False)
        return EXIT_FAILED
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _warehouse(args: argparse.Namespace):
    from warehouse.inspect import open_read_only

    return open_read_only(args.db)


def _show(frame, title: str) -> None:
    """A table on a terminal; tab-separated lines with a header when piped (for grep, cut, a spreadsheet)."""
    import pandas as pd

    # pd.isna: DuckDB gives nullable integer columns, whose missing value (pd.NA) has no truth value
    cells = [["" if pd.isna(v) else str(v) for v in row] for row in frame.itertuples(index=False)]
    if not sys.stdout.isatty():
        print("\t".join(map(str, frame.columns)))
        for row in cells:
            print("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row))
        print(f"# {title}", file=sys.stderr)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in frame.columns:
        table.add_column(str(column), overflow="fold")
    for row in cells:
        table.add_row(*row)
    Console().print(table)


def runs_command(args: argparse.Namespace) -> int:
    """`jixiao runs`: the last runs with their counts and status."""
    from warehouse.inspect import runs

    with _warehouse(args) as con:
        frame = runs(con, args.limit)
    frame["run_id"] = frame["run_id"].str[:8]
    frame["started_at"] = frame["started_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    frame = frame.drop(columns=["finished_at", "report_path", "parser_version"])
    _show(frame, f"last {len(frame)} run(s) in {args.db}")
    return EXIT_OK


def findings_command(args: argparse.Namespace) -> int:
    """`jixiao findings`: data-quality findings, errors first; each with the number that names it."""
    from warehouse.inspect import NoSuchRun, findings

    try:
        with _warehouse(args) as con:
            frame = findings(con, args.run, args.severity, args.file)
    except NoSuchRun as err:
        _stderr().print(f"[red]jixiao findings: {err}", highlight=False)
        return EXIT_USAGE
    frame["run_id"] = frame["run_id"].str[:8]
    frame = frame.rename(columns={"finding_id": "id"})
    _show(frame, f"{len(frame)} finding(s), run {args.run}")
    return EXIT_OK


def ack_command(args: argparse.Namespace) -> int:
    """`jixiao findings ack ID --note …`: the auditor reviewed a finding; later reports show it as such and
    it no longer fails a run."""
    from flows.lock import WarehouseBusy, warehouse_lock
    from warehouse import writable_copy
    from warehouse.acks import NoSuchFinding, acknowledge
    from warehouse.schema import connect

    if not Path(args.db).is_file():
        _stderr().print(f"[red]jixiao findings ack: no warehouse at {args.db}", highlight=False)
        return EXIT_USAGE
    try:  # written as a run writes (publish and swap, under the lock): open readers keep their snapshot
        with warehouse_lock(args.db), writable_copy(Path(args.db)) as work:
            con = connect(work)
            try:
                acked = acknowledge(con, args.id, args.note)
                con.execute("CHECKPOINT")
            finally:
                con.close()
    except (WarehouseBusy, NoSuchFinding) as err:
        _stderr().print(f"[red]jixiao findings ack: {err}", highlight=False)
        return EXIT_USAGE
    print(f"finding {args.id} acknowledged ({acked['rule']}): {acked['message']}")
    return EXIT_OK


def report_command(args: argparse.Namespace) -> int:
    """`jixiao report`: the path of a run's HTML report (or open it)."""
    from warehouse.inspect import NoSuchRun, report_path

    try:
        with _warehouse(args) as con:
            path = report_path(con, args.run)
    except NoSuchRun as err:
        _stderr().print(f"[red]jixiao report: {err}", highlight=False)
        return EXIT_USAGE
    if not path or not Path(path).is_file():
        _stderr().print(f"[red]jixiao report: run {args.run} has no report on disk ({path})", highlight=False)
        return EXIT_USAGE
    print(path)
    if args.open:
        import webbrowser

        webbrowser.open(Path(path).resolve().as_uri())
    return EXIT_OK


def export_command(args: argparse.Namespace) -> int:
    """`jixiao export --format F OUT`: facts and findings as Parquet, CSV or an Excel workbook."""
    from warehouse.export import export

    with _warehouse(args) as con:
        for path in export(con, args.format, Path(args.out)):
            print(path)
    return EXIT_OK


def _run_options(p: argparse.ArgumentParser, data_docs: bool) -> None:
    p.add_argument("dir", help="folder of forms (searched recursively; every file is recorded)")
    p.add_argument("--db", required=True, help="DuckDB warehouse file (created if missing; its folder must exist)")
    p.add_argument("--quarantine-dir", help="where bad files are copied (default: quarantine/ beside --db)")
    p.add_argument("--report-dir", help="where run reports go (default: reports/ beside --db)")
    p.add_argument("--chunk-size", type=_at_least(1, int), default=16,
                   help="files per Prefect task (default: %(default)s)")
    p.add_argument("--workers", type=_at_least(0, int), default=0,
                   help="parser processes (default: 0 = all CPUs)")
    p.add_argument("--file-timeout", type=_at_least(1, float), default=300.0,
                   help="seconds before a file's parse is killed and the file quarantined (default: %(default)s)")
    p.add_argument("--fail-on", choices=FAIL_ON, default="error",
                   help="what makes a completed run fail (exit 1; Failed in Prefect): error = quarantined "
                        "files or error findings, warning = those or warnings, never (default: %(default)s)")
    p.add_argument("--data-docs", action=argparse.BooleanOptionalAction, default=data_docs,
                   help="great-expectations itself validates the run and writes its Data Docs beside the report "
                        "(some seconds of CPU for importing it; without, the same suite is evaluated with "
                        "pandas) (default: %(default)s)")


def _at_least(low: float, kind: type) -> Callable[[str], float]:
    """An option's type: a number of `kind` no smaller than `low` (argparse reports anything else, exit 2)."""
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value >= low:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{text} is below {low}")
        return value
    return parse


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="warehouse.duckdb", help="DuckDB warehouse file (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jixiao", description="绩效自评表 forms → a checked DuckDB warehouse",
        epilog="exit codes: 0 clean; 1 findings or quarantined files at or over --fail-on; "
               "2 nothing started (bad arguments or inputs, warehouse busy); 3 the run could not complete; "
               "128+N stopped by signal N (143 SIGTERM, 130 SIGINT)")
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the jixiao, parser and warehouse schema versions and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="read forms and write one JSON per document (truth shape)",
                       description="Read forms and write OUT/NAME.json per document; exit 1 if any file failed.")
    p.add_argument("files", nargs="+", help="form files")
    p.add_argument("--json-dir", required=True, help="folder for the JSON files (created if missing)")
    p.set_defaults(handler=extract_command)

    p = sub.add_parser("ingest", help="load a folder of forms into the warehouse once, in this process",
                       description="Survey DIR, read what is new, check it, load it into --db, write a report.")
    _run_options(p, data_docs=False)
    p.add_argument("--reprocess", action="store_true",
                   help="read every file again, even those the warehouse holds from this parser (default: off)")
    p.add_argument("--dask-address", help="run the parse tasks on this dask.distributed scheduler (default: none)")
    p.set_defaults(handler=ingest_command)

    p = sub.add_parser("serve", help="serve the nightly ingest deployment on a Prefect server",
                       description="Register the deployment jixiao-ingest/nightly with its schedule on the "
                                   "server at PREFECT_API_URL, or on a local server started here (loopback, "
                                   "SQLite in .prefect/ beside --db), and run its flow runs until stopped.")
    _run_options(p, data_docs=True)  # a night nobody waits for: GX validates it and writes its Data Docs
    when = p.add_mutually_exclusive_group()
    when.add_argument("--cron", default="0 2 * * *", help="schedule, cron syntax (default: %(default)r, 02:00 daily)")
    when.add_argument("--interval", type=float, help="schedule every this many seconds instead of --cron")
    p.add_argument("--port", type=int, default=4200,
                   help="port of the local Prefect server, when PREFECT_API_URL is unset (default: %(default)s)")
    p.set_defaults(handler=serve_command)

    p = sub.add_parser("runs", help="list the last runs with their counts and status",
                       description="The last runs, newest first: files seen/new/quarantined, facts, errors.")
    _db_option(p)
    p.add_argument("--limit", type=int, default=10, help="how many runs (default: %(default)s)")
    p.set_defaults(handler=runs_command)

    p = sub.add_parser("findings", help="list data-quality findings, errors first",
                       description="Findings with their id. More actions on findings (e.g. acknowledging one "
                                   "by id) come as subcommands: jixiao findings ACTION ...")
    _db_option(p)
    p.add_argument("--run", default="current",
                   help="'current' = findings on every document's current version; 'latest' = the newest "
                        "run that read files; or a run id or its first characters (default: %(default)s)")
    p.add_argument("--severity", choices=("error", "warning", "reading"),
                   help="only this severity (default: all)")
    p.add_argument("--file", help="only files whose name contains this text (default: all)")
    p.set_defaults(handler=findings_command)
    actions = p.add_subparsers(dest="action", metavar="ACTION", help="ack: mark a finding as reviewed "
                               "(without ACTION: list the findings)")
    a = actions.add_parser("ack", help="mark a finding as reviewed, with a note",
                           description="Store the auditor's note on finding ID in the warehouse. Later reports "
                                       "show it as acknowledged and it no longer fails a run; the same break found "
                                       "by a later run or a re-parse of the same file stays acknowledged.")
    a.add_argument("id", type=int, help="the finding's id (jixiao findings lists them)")
    a.add_argument("--note", required=True, help="why it is acceptable, or what was done")
    _db_option(a)
    a.set_defaults(handler=ack_command)

    p = sub.add_parser("report", help="print the path of a run's HTML report, or open it",
                       description="Print the path of a run's HTML data-quality report (reports/latest.html "
                                   "beside the warehouse always points at the newest).")
    _db_option(p)
    p.add_argument("--run", default="latest",
                   help="'latest' = the newest run that read files, or a run id or its first characters "
                        "(default: %(default)s)")
    p.add_argument("--open", action="store_true", help="open it in the web browser (default: only print)")
    p.set_defaults(handler=report_command)

    p = sub.add_parser("export", help="write facts and findings as Parquet, CSV or an Excel workbook",
                       description="documents, evaluations, budget_lines, goals, indicators and findings: "
                                   "one file each in the folder OUT (parquet, csv: UTF-8 with BOM for Excel), "
                                   "or one sheet each in the workbook OUT (xlsx).")
    _db_option(p)
    p.add_argument("--format", choices=("parquet", "csv", "xlsx"), required=True, help="file format")
    p.add_argument("out", metavar="OUT", help="folder (parquet, csv) or .xlsx file to write")
    p.set_defaults(handler=export_command)
    return parser


class _Version(argparse.Action):
    """The release, the parser's version (what decides re-reading) and the warehouse schema's version;
    worked out only when asked (it hashes the parser's sources)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from flows.plan import parser_version
        from warehouse.schema import latest_version

        print(f"jixiao {version('jixiao')} (parser {parser_version()}, warehouse schema {latest_version()})")
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
