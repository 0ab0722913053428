"""lab nieuw: write a commented Dutch template for a new record.

The templates live in `lab_catalogus/sjablonen/` as package data. Term lists
and existing provider ids are filled in from the begrippenkader and the
catalogue at run time, so the template never goes stale when the vocabulary
changes. The first line points yaml-language-server (VS Code's YAML extension
and other editors) at our JSON Schema, so editors autocomplete and validate.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
from importlib import resources
from pathlib import Path

from ..catalogus import laad_context
from ..fieldtypes import ID_MAX, is_record_id
from ..kader import Begrippenkader, BegrippenkaderFout
from ..models import SOORTEN
from .common import is_catalogus, meld_fout, voeg_root_toe

# command word -> folder under content/
SOORT_MAP = {"scholing": "scholing", "aanbieder": "aanbieders", "loket": "loketten"}
_LIJST = re.compile(r"\{\{lijst:([a-z_]+)\}\}")


def registreer(sub) -> None:
    p = sub.add_parser("nieuw", help="maak een nieuw record aan vanuit een sjabloon met uitleg",
                       description="Schrijf content/<soort>/ID.yml: een ingevuld sjabloon met uitleg en voorbeelden. "
                                   "Editors met de YAML-extensie vullen aan en controleren via het JSON Schema.")
    p.add_argument("soort", choices=list(SOORT_MAP), help="wat je aanmeldt: scholing, aanbieder of loket")
    p.add_argument("id", metavar="ID", help="de id en bestandsnaam, bijvoorbeeld werken-met-netwerken")
    voeg_root_toe(p)


def _sjabloon(naam: str) -> str:
    return resources.files("lab_catalogus.sjablonen").joinpath(f"{naam}.yml").read_text(encoding="utf-8")


def _kaders(kader: Begrippenkader) -> str:
    regels = []
    for term in kader.lijst("loket_kaders").termen:
        regels.append(f"  # {term.label}: {term.definitie}")
        regels.append(f"  {term.id}:  # voorbeeld: true")
    return "\n".join(regels)


def vul_sjabloon(soort: str, record_id: str, root: Path, kader: Begrippenkader, vandaag: datetime.date) -> str:
    """The template text for `soort` ('scholing', 'aanbieder', 'loket') with every placeholder filled."""
    map_ = SOORT_MAP[soort]
    schema_stem = SOORTEN[map_][1]
    aanbieders = sorted(p.stem for p in (root / "content" / "aanbieders").glob("*.yml"))
    waarden = {
        "id": record_id,
        "pad": f"content/{map_}/{record_id}.yml",
        # Relative from content/<soort>/ to schemas/, as the example records do.
        "schema": f"../../schemas/{schema_stem}.schema.json",
        "aanbieders": ", ".join(aanbieders) if aanbieders else "(nog geen)",
        "aanbieder": aanbieders[0] if aanbieders else "jouw-organisatie",
        "vandaag": vandaag.isoformat(),
        "start": (vandaag + datetime.timedelta(days=60)).isoformat(),
        "eind": (vandaag + datetime.timedelta(days=88)).isoformat(),
        "geldig_tot": datetime.date(vandaag.year + 1, 12, 31).isoformat(),
    }
    tekst = _sjabloon(soort)
    if "{{kaders}}" in tekst:
        tekst = tekst.replace("{{kaders}}", _kaders(kader))
    tekst = _LIJST.sub(lambda m: ", ".join(t.id for t in kader.lijst(m.group(1)).termen), tekst)
    for sleutel, waarde in waarden.items():
        tekst = tekst.replace("{{" + sleutel + "}}", waarde)
    return tekst


def voer_uit(args: argparse.Namespace) -> int:
    root: Path = args.root
    record_id: str = args.id
    if record_id.endswith(".yml"):
        record_id = record_id[:-4]
    if not is_record_id(record_id):
        meld_fout(f"'{args.id}' is geen geldige id: gebruik alleen kleine letters, cijfers en losse streepjes "
                  f"(hoogstens {ID_MAX} tekens), bijvoorbeeld 'werken-met-netwerken'")
        return 2
    if not is_catalogus(root, "nieuw"):
        return 2
    try:
        kader = laad_context(root).kader
    except BegrippenkaderFout as fout:
        meld_fout(str(fout))
        return 1
    map_ = SOORT_MAP[args.soort]
    doel = root / "content" / map_ / f"{record_id}.yml"
    bestaand = [p for p in (root / "content").glob(f"*/{record_id}.yml")] if (root / "content").is_dir() else []
    if doel.exists():
        meld_fout(f"{doel} bestaat al; kies een andere id of bewerk dat bestand")
        return 1
    tekst = vul_sjabloon(args.soort, record_id, root, kader, datetime.date.today())
    doel.parent.mkdir(parents=True, exist_ok=True)
    try:
        # 'x' mode: never overwrite a file that appeared in the meantime.
        with doel.open("x", encoding="utf-8") as uit:
            uit.write(tekst)
    except OSError as fout:
        meld_fout(f"kan {doel} niet schrijven: {fout}")
        return 1
    print(f"Aangemaakt: {doel}")
    if bestaand:
        print(f"Let op: de id '{record_id}' bestaat al als {', '.join(os.fspath(p) for p in bestaand)}; "
              "dat mag bij een andere soort, maar kan verwarrend zijn.")
    print("Vul de velden in (de voorbeelden staan achter '# voorbeeld:') en controleer met:\n"
          f"  lab check {doel}")
    return 0
