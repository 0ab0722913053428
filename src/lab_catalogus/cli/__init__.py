"""The `lab` command: one small module per subcommand, thin over the library."""

from __future__ import annotations

import argparse
import importlib
import sys

from .parser import Parser as _Parser

# subcommand -> module in this package; each module has `registreer(subparsers)` and `voer_uit(args)`.
COMMANDO_S = {
    "check": "check",
    "schemas": "schemas",
    "beslisboom": "beslisboom",
    "rapport": "rapport",
    "nieuw": "nieuw",
    "build": "build",
    "serve": "serve",
}


def maak_parser(alleen: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="lab", description="LAB Catalogus: controleer de scholingscatalogus en bouw de sites.")
    sub = parser.add_subparsers(dest="commando", metavar="COMMANDO", parser_class=_Parser)
    for naam, module in COMMANDO_S.items():
        if alleen is None or naam == alleen:
            importlib.import_module(f"{__name__}.{module}").registreer(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # A character the terminal cannot show (or a file name that is not UTF-8) is written as an escape, never a crash.
    for stroom in (sys.stdout, sys.stderr):
        if hasattr(stroom, "reconfigure"):
            stroom.reconfigure(errors="backslashreplace")
    # Import only the chosen command: `lab check` should not pay for loading MkDocs.
    parser = maak_parser(argv[0] if argv and argv[0] in COMMANDO_S else None)
    args = parser.parse_args(argv)
    if not args.commando:
        parser.print_help()
        return 2
    module = importlib.import_module(f"{__name__}.{COMMANDO_S[args.commando]}")
    try:
        return module.voer_uit(args)
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
