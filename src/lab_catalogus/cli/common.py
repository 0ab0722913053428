"""Options several commands share."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path


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
