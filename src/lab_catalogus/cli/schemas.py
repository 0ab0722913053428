"""lab schemas: regenerate schemas/*.schema.json from the models (or --controleer that they are current)."""

from __future__ import annotations

import argparse

from ..catalogus import laad_context
from ..kader import BegrippenkaderFout
from ..schema_gen import schrijf, verouderd
from .common import meld_fout, voeg_root_toe


def registreer(sub) -> None:
    p = sub.add_parser("schemas", help="maak de JSON Schemas in schemas/ opnieuw",
                       description="Genereer schemas/*.schema.json uit de modellen en het begrippenkader.")
    voeg_root_toe(p)
    p.add_argument("--controleer", action="store_true", help="schrijf niets; exit 1 als een schema verouderd is")


def voer_uit(args: argparse.Namespace) -> int:
    try:
        context = laad_context(args.root)
    except BegrippenkaderFout as fout:
        meld_fout(str(fout))
        return 1
    map_ = args.root / "schemas"
    if args.controleer:
        oud = verouderd(map_, context.kader, context.gemeenten)
        for naam in oud:
            print(f"schemas/{naam}: verouderd; draai 'lab schemas'")
        return 1 if oud else 0
    geschreven = schrijf(map_, context.kader, context.gemeenten)
    print(f"{len(geschreven)} schema('s) bijgewerkt" + (": " + ", ".join(geschreven) if geschreven else ""))
    return 0
