"""lab serve: build all six sites and serve them locally with live reload."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..kader import BegrippenkaderFout
from ..serve import serveer
from .build import opdracht_uit
from .common import is_catalogus, meld_fout, voeg_peildatum_toe, voeg_root_toe


def registreer(sub) -> None:
    p = sub.add_parser("serve", help="bouw de zes sites en bekijk ze lokaal (herlaadt bij wijzigingen)",
                       description="Bouw alle zes sites en serveer ze op http://127.0.0.1:POORT/ met een startpagina. "
                                   "Wijzig je content/, docs/ of schemas/, dan worden de sites opnieuw gebouwd en "
                                   "herladen open pagina's vanzelf.")
    p.add_argument("--poort", type=int, default=8000, help="poort (standaard 8000)")
    p.add_argument("--host", default="127.0.0.1", help="adres (standaard 127.0.0.1)")
    p.add_argument("--uit", type=Path, default=None, help="uitvoermap (standaard: site/ in de hoofdmap)")
    voeg_root_toe(p)
    voeg_peildatum_toe(p)


def voer_uit(args: argparse.Namespace) -> int:
    if not is_catalogus(args.root, "serve", met_content=True):
        return 2
    opdracht = opdracht_uit(args, f"http://{args.host}:{args.poort}/")
    try:
        return serveer(opdracht, args.host, args.poort)
    except (BegrippenkaderFout, ValueError) as fout:
        meld_fout(str(fout))
        return 1
    except OSError as fout:
        meld_fout(f"kan niet serveren op {args.host}:{args.poort} ({fout}); kies een andere poort met --poort")
        return 1
