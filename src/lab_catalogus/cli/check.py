"""lab check: validate the catalogue, or given files in its context."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..catalogus import laad_catalogus
from ..findings import sorteer
from ..formatting import als_json, github_regel, samenvatting, tekstregel
from ..kader import BegrippenkaderFout
from .common import is_catalogus, meld_fout, voeg_peildatum_toe, voeg_root_toe


def registreer(sub) -> None:
    p = sub.add_parser("check", help="controleer records (alles, of de opgegeven bestanden)",
                       description="Controleer de catalogus: velden, begrippenkader, gemeenten en verwijzingen.")
    p.add_argument("paden", nargs="*", type=Path, metavar="PAD", help="alleen deze bestanden of mappen rapporteren")
    voeg_root_toe(p)
    voeg_peildatum_toe(p)
    p.add_argument("--format", choices=["text", "github", "json"], default="text", help="uitvoervorm (standaard text)")


def _binnen(bestand: str, filters: list[str]) -> bool:
    return any(bestand == f or bestand.startswith(f.rstrip("/") + "/") for f in filters)


def voer_uit(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not is_catalogus(root, "check"):
        return 2
    filters = []
    for pad in args.paden:
        if not pad.exists():
            meld_fout(f"'{pad}' bestaat niet")
            return 2
        try:
            filters.append(pad.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            meld_fout(f"'{pad}' ligt niet binnen de catalogus '{root}'")
            return 2
    try:
        catalogus, findings = laad_catalogus(root, args.peildatum)
    except BegrippenkaderFout as fout:
        meld_fout(str(fout))
        return 1
    if filters:
        findings = [f for f in findings if _binnen(f.bestand, filters)]
    findings = sorteer(findings)
    if args.format == "json":
        print(als_json(findings))
    elif args.format == "github":
        for f in findings:
            print(github_regel(f))
    else:
        for f in findings:
            print(tekstregel(f))
        aantallen = (f"{len(catalogus.scholing)} scholingen, {len(catalogus.aanbieders)} aanbieders, "
                     f"{len(catalogus.loketten)} loketten, {len(catalogus.academies)} academies")
        print(samenvatting(findings, f"Gecontroleerd ({aantallen})"), file=sys.stderr)
    return 1 if any(f.is_fout for f in findings) else 0
