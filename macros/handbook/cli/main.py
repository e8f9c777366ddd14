"""The `handbook` command: validate the data, recommend a team, decide a scorecard."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content import collect_problems, load_handbook
from ..spec.problems import DataError
from . import recommend, scorecard

DEFAULT_DATA = Path("data")


def _validate(args: argparse.Namespace) -> int:
    data_dir = Path(args.data)
    if not data_dir.is_dir():
        print(f"handbook validate: data directory not found: {data_dir}", file=sys.stderr)
        return 2
    files, problems = collect_problems(data_dir)
    for problem in problems:
        print(problem)
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"{len(problems)} {noun} in {data_dir}", file=sys.stderr)
        return 1
    print(f"{data_dir}: {len(files)} files valid")
    return 0


def _recommend(argv: list[str]) -> int:
    try:
        rules = load_handbook(DEFAULT_DATA).calculator_rules()
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    return recommend.main(argv, rules)


def _scorecard(argv: list[str]) -> int:
    try:
        hb = load_handbook(DEFAULT_DATA)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    return scorecard.main(argv, hb)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["recommend"]:
        return _recommend(argv[1:])
    if argv[:1] == ["scorecard"]:
        return _scorecard(argv[1:])
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check every data file; list all problems")
    validate.add_argument(
        "--data", default=str(DEFAULT_DATA), help="data directory (default: data)"
    )
    commands.add_parser("recommend", help="plan a team (see: handbook recommend --help)")
    commands.add_parser("scorecard", help="a kit's verdict: scorecard ROLE/LEVEL AXIS=RATING ...")
    args = parser.parse_args(argv)
    return _validate(args)


if __name__ == "__main__":
    sys.exit(main())
