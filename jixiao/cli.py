"""The jixiao command line: thin, it parses arguments and calls the stages or the flows."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def extract_command(args: argparse.Namespace) -> int:
    """`jixiao extract FILE.pdf ... --json-dir OUT`: one NAME.json per input, in the truth's shape."""
    from extract import ExtractError, read_document
    from transform import UnknownForm, build_facts, facts_to_json

    out_dir = Path(args.json_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            facts = build_facts(read_document(path), path.name)
        except (ExtractError, UnknownForm, OSError) as err:
            failed += 1
            print(f"{path}: {err}", file=sys.stderr)
            continue
        (document,) = facts_to_json(facts)
        (out_dir / f"{path.stem}.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), "utf-8")
        print(f"{path}: {len(document['evaluations'])} evaluation(s), "
              f"{sum(len(e['indicators']) for e in document['evaluations'])} indicators")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jixiao", description="绩效自评表 PDFs → a checked DuckDB warehouse")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="read forms and write one JSON per document (truth shape)")
    p.add_argument("files", nargs="+")
    p.add_argument("--json-dir", required=True)
    p.set_defaults(run=extract_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
