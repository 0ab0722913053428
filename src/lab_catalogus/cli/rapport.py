"""lab rapport: the review report for a change (pull request) against a base ref."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from ..formatting import _github_escape, github_regel
from ..rapport import als_markdown, maak_rapport
from ..wijzigingen import WijzigingenFout
from .common import is_catalogus, meld_fout, voeg_peildatum_toe, voeg_root_toe

MAX_ANNOTATIES = 10  # GitHub shows at most 10 error annotations per step; the report has the full list


def registreer(sub) -> None:
    p = sub.add_parser("rapport", help="beoordelingsrapport van een wijziging (pull request) ten opzichte van een basis",
                       description="Vergelijk de werkmap met een basis (branch, tag of commit), controleer de hele "
                                   "catalogus en schrijf een Nederlands rapport in Markdown. Exit 1 als er iets moet "
                                   "worden opgelost.")
    p.add_argument("--base", required=True, metavar="REF",
                   help="vergelijk met deze git-referentie, bijvoorbeeld main of origin/main (vanaf het splitspunt)")
    voeg_root_toe(p)
    voeg_peildatum_toe(p)
    p.add_argument("--format", choices=["markdown", "github"], default="markdown",
                   help="markdown (standaard): het rapport op stdout; github: annotaties op stdout, rapport naar --uit "
                        "en $GITHUB_STEP_SUMMARY")
    p.add_argument("--uit", type=Path, metavar="BESTAND", help="schrijf het rapport (Markdown) naar dit bestand")
    p.add_argument("--data", type=Path, metavar="BESTAND",
                   help="schrijf ook een JSON-samenvatting (aantallen, regio's, records) naar dit bestand")


def _schrijf(pad: Path, tekst: str, toevoegen: bool = False) -> None:
    with pad.open("a" if toevoegen else "w", encoding="utf-8", errors="backslashreplace") as uit:
        uit.write(tekst)


def voer_uit(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not is_catalogus(root, "rapport"):
        return 2
    try:
        rapport = maak_rapport(root, args.base, args.peildatum)
    except WijzigingenFout as fout:
        meld_fout(str(fout))
        return 2
    tekst = als_markdown(rapport)
    try:
        if args.uit:
            _schrijf(args.uit, tekst)
        if args.data:
            _schrijf(args.data, json.dumps(rapport.als_dict(), ensure_ascii=False, indent=2) + "\n")
        samenvatting = os.environ.get("GITHUB_STEP_SUMMARY")
        if samenvatting:
            _schrijf(Path(samenvatting), tekst + "\n", toevoegen=True)
    except OSError as fout:
        meld_fout(f"kan niet schrijven: {fout}")
        return 2
    if args.format == "github":
        fouten = rapport.moet_opgelost
        for f in fouten[:MAX_ANNOTATIES]:
            print(github_regel(dataclasses.replace(f, bestand=rapport.wijzigingen.repo_pad(f.bestand))))
        waar = "het rapport in de samenvatting van deze run" + (f" en in {args.uit}" if args.uit else "")
        if len(fouten) > MAX_ANNOTATIES:
            melding = f"{len(fouten)} punten moeten worden opgelost; hier staan de eerste {MAX_ANNOTATIES}. De volledige lijst staat in {waar}."
        elif fouten:
            melding = f"{len(fouten)} {'punt moet' if len(fouten) == 1 else 'punten moeten'} worden opgelost; details in {waar}."
        else:
            melding = f"Niets hoeft te worden opgelost ({len(rapport.suggesties)} suggesties); zie {waar}."
        print(f"::notice title=LAB-rapport::{_github_escape(melding)}")
    elif not args.uit:
        sys.stdout.write(tekst)
    print(f"LAB-rapport: {len(rapport.records)} gewijzigde records, {len(rapport.moet_opgelost)} moeten worden "
          f"opgelost, {len(rapport.suggesties)} suggesties.", file=sys.stderr)
    return rapport.exit_code
