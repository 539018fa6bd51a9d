"""Command line: the window, database upgrade, demo data and version."""

from __future__ import annotations

import argparse
import sys

from jewelbench import APP_NAME, __version__, config
from jewelbench.errors import JewelBenchError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jewelbench", description=f"{APP_NAME}: point of sale "
                                     "and bench work for jewelry stores and manufacturers.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="URL", help="database to open, e.g. "
                        "postgresql://user:pw@server/jewelbench (default: this workstation's "
                        "setting, else the built-in SQLite file)")
    sub = parser.add_subparsers(dest="command")
    db_cmd = sub.add_parser("db", help="database maintenance")
    db_sub = db_cmd.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="bring the database to the newest schema")
    db_sub.add_parser("where", help="say which database would be opened")
    demo = sub.add_parser("demo", help="fill the database with a small realistic shop")
    demo.add_argument("--force", action="store_true", help="add demo data even if not empty")
    sub.add_parser("monitor", help="the Workshop Monitor on its own (bench PC)")
    return parser


def _url(args: argparse.Namespace) -> str | None:
    import os

    from jewelbench.db import ENV_URL

    return args.db or os.environ.get(ENV_URL) or config.saved_database_url()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = _url(args)
    try:
        if args.command is None:
            from jewelbench.ui.app import run

            return run(url)
        from jewelbench.db import current_revision, open_database

        if args.command == "db":
            db = open_database(url)
            try:
                if args.db_command == "where":
                    print(db.describe())
                else:
                    print(f"{db.describe()} is at schema revision {current_revision(db.engine)}")
            finally:
                db.close()
            return 0
        if args.command == "demo":
            from jewelbench.services import demo

            db = open_database(url)
            try:
                print(demo.fill(db, force=args.force))
            finally:
                db.close()
            return 0
        if args.command == "monitor":
            print("The Workshop Monitor is not built yet.", file=sys.stderr)
            return 2
    except JewelBenchError as exc:
        print(f"jewelbench: {exc}", file=sys.stderr)
        return 1
    return 0
