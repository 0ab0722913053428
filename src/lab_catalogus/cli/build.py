"""lab build: build the six sites (or one) with their search index."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from .. import sites
from ..build import STANDAARD_BASIS_URL, BouwOpdracht, bouw
from ..kader import BegrippenkaderFout
from .common import is_catalogus, meld_fout, voeg_peildatum_toe, voeg_root_toe


def registreer(sub) -> None:
    p = sub.add_parser("build", help="bouw de zes sites (landelijk en per regio)",
                       description="Bouw de landelijke site en de vijf regionale sites naar site/<naam>/, met zoekindex. "
                                   "Een mislukte build laat de vorige versie staan.")
    p.add_argument("--site", choices=sites.SITES, action="append", metavar="NAAM",
                   help=f"bouw alleen deze site ({', '.join(sites.SITES)}); mag vaker")
    p.add_argument("--uit", type=Path, default=None, help="uitvoermap (standaard: site/ in de hoofdmap)")
    groep = p.add_mutually_exclusive_group()
    groep.add_argument("--basis-url", default=STANDAARD_BASIS_URL,
                       help=f"elke site komt op <basis-url><naam>/ (standaard {STANDAARD_BASIS_URL}, voor lokaal bekijken)")
    groep.add_argument("--publiceer", action="store_true",
                       help="gebruik de publieke adressen: site_url van elke academie en van mkdocs.yml")
    p.add_argument("--processen", type=int, default=None, help="aantal bouwprocessen (standaard 2)")
    p.add_argument("--zonder-zoekindex", action="store_true", help="sla de Pagefind-zoekindex over (sneller, zoeken werkt dan niet)")
    voeg_root_toe(p)
    voeg_peildatum_toe(p)


def opdracht_uit(args: argparse.Namespace, basis_url: str | None) -> BouwOpdracht:
    root: Path = args.root.resolve()
    project = root if (root / "mkdocs.yml").is_file() else sites.PROJECT
    uit = (args.uit or root / "site").resolve()
    return BouwOpdracht(root, uit, args.peildatum or datetime.date.today(), basis_url, project,
                        zoekindex=not getattr(args, "zonder_zoekindex", False))


def voer_uit(args: argparse.Namespace) -> int:
    if not is_catalogus(args.root, "build", met_content=True):
        return 2
    opdracht = opdracht_uit(args, None if args.publiceer else args.basis_url)
    try:
        resultaten = bouw(opdracht, args.site, args.processen)
    except (BegrippenkaderFout, ValueError) as fout:
        meld_fout(str(fout))
        return 1
    return 0 if all(r.gelukt for r in resultaten) else 1
