"""Options several commands share."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..formatting import zichtbaar


def datum(tekst: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{tekst}' is geen datum in de vorm JJJJ-MM-DD") from None


def voeg_root_toe(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="hoofdmap van de catalogus (met content/ en schemas/); standaard de huidige map")


def voeg_peildatum_toe(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--peildatum", type=datum, default=None,
                        help="datum waarop gecontroleerd wordt (JJJJ-MM-DD); standaard vandaag")


def meld_fout(tekst: str) -> None:
    """'lab: fout: ...' on stderr, always one line: messages can carry file names, YAML snippets or git output,
    and CI reads stderr per line too (a line starting with '::' is a GitHub workflow command)."""
    print(f"lab: fout: {zichtbaar(tekst)}", file=sys.stderr)


def is_catalogus(root: Path, commando: str, met_content: bool = False) -> bool:
    """True when `root` is a catalogue root (schemas/, and content/ when asked); otherwise says what to do."""
    if met_content and not ((root / "schemas").is_dir() and (root / "content").is_dir()):
        mappen = "staan geen mappen 'content' en 'schemas'"
    elif not (root / "schemas").is_dir():
        mappen = "staat geen map 'schemas'"
    else:
        return True
    meld_fout(f"in '{root}' {mappen}; draai 'lab {commando}' in de hoofdmap van de catalogus of geef die op met --root")
    return False
