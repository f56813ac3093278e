"""The jixiao command line: thin, it parses arguments and calls the stages or the flows."""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path


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

    return Options(args.quarantine_dir, args.report_dir, args.chunk_size, args.workers, args.file_timeout)


def ingest_command(args: argparse.Namespace) -> int:
    """`jixiao ingest DIR --db PATH`: the flow once, with a progress bar and a summary, in a child process
    that stops cleanly on SIGTERM/SIGINT and takes everything it started with it (flows/stop.py)."""
    from flows.stop import supervised

    return supervised(lambda: _ingest(args))


def _ingest(args: argparse.Namespace) -> int:
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # the bar and the summary tell the story
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    import duckdb

    from flows import progress, stop
    from flows.lock import WarehouseBusy
    from flows.once import ingest_once
    from flows.pipeline import OperatorError
    from flows.write import IntegrityError
    from warehouse import WarehouseUnreadable

    console = Console(stderr=True)
    try:
        with Progress(TextColumn("{task.description:>6}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console) as bars:
            progress.current.set(progress.RichProgress(bars))
            outcome = ingest_once(args.dir, args.db, _options(args), args.dask_address)
    except WarehouseBusy as err:
        console.print(f"[red]{err}", soft_wrap=True)
        return 2
    except (OperatorError, WarehouseUnreadable, IntegrityError, duckdb.Error, OSError) as err:
        # one line, never a traceback; what was published before stays, the rest is read next run
        console.print(f"jixiao: error: {' '.join(str(err).split())}", style="red", markup=False,
                      highlight=False, soft_wrap=True)
        return 1
    for path, why in outcome.deferred:
        console.print(f"left for the next run: {path}: {why}", markup=False, highlight=False, soft_wrap=True)
    console.print(
        f"files seen {outcome.files_seen}, new {outcome.files_new}, skipped {outcome.files_skipped}, "
        f"quarantined {outcome.files_quarantined}, duplicates {outcome.files_duplicate}, "
        f"superseded {outcome.files_superseded}; "
        f"facts loaded {outcome.facts_loaded}; checks failed {outcome.checks_failed} "
        f"(warnings {outcome.checks_warned}); left for the next run {len(outcome.deferred)}")
    console.print(f"warehouse: {Path(args.db).resolve()}"
                  + (f"\nreport: {outcome.report_path}" if outcome.report_path else ""))
    if outcome.status == "interrupted":
        console.print("run interrupted: what it parsed is loaded; the next run reads the rest")
        return stop.exit_code()
    return 0


def serve_command(args: argparse.Namespace) -> int:
    """`jixiao serve DIR --db PATH --cron ...`: the nightly deployment, against a Prefect server."""
    from flows.ingest import serve

    serve(args.dir, args.db, args.cron, _options(args))
    return 0


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("dir", help="folder of PDFs (searched recursively)")
    p.add_argument("--db", required=True, help="DuckDB warehouse file")
    p.add_argument("--quarantine-dir", help="where bad files are copied (default: quarantine/ beside --db)")
    p.add_argument("--report-dir", help="where run reports go (default: reports/ beside --db)")
    p.add_argument("--chunk-size", type=_at_least(1, int), default=16, help="files per Prefect task")
    p.add_argument("--workers", type=_at_least(0, int), default=0, help="parser processes (default: all CPUs)")
    p.add_argument("--file-timeout", type=_at_least(1, float), default=300.0,
                   help="seconds before a file is given up")


def _at_least(low: float, kind: type) -> Callable[[str], float]:
    """An option's type: a number of `kind` no smaller than `low` (argparse reports anything else)."""
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not value >= low:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{text} is below {low}")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jixiao", description="绩效自评表 PDFs → a checked DuckDB warehouse")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="read forms and write one JSON per document (truth shape)")
    p.add_argument("files", nargs="+")
    p.add_argument("--json-dir", required=True)
    p.set_defaults(run=extract_command)

    p = sub.add_parser("ingest", help="load a folder of PDFs into the warehouse once, in process")
    _run_options(p)
    p.add_argument("--dask-address", help="run the parse tasks on this dask.distributed scheduler")
    p.set_defaults(run=ingest_command)

    p = sub.add_parser("serve", help="serve the nightly ingest deployment (needs a Prefect server)")
    _run_options(p)
    p.add_argument("--cron", default="0 2 * * *", help="schedule (default: 02:00 daily)")
    p.set_defaults(run=serve_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
