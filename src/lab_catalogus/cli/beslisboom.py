"""lab beslisboom FILE...: the whole path through the beslisboom for scholing records, status for loketten."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from ..beslisboom import BESTAND, BLOKKEREND, NIET_GESCHIKT, BeslisboomFout, Oordeel, laad_beslisboom
from ..catalogus import Context, controleer_record, laad_context
from ..catalogus import _relatief as _weergave  # the path as findings name it
from ..formatting import tekstregel, zichtbaar
from ..kader import BegrippenkaderFout
from ..loket_status import LoketStatus, loket_status
from ..models import SOORTEN
from ..yaml_reader import lees_bestand
from .common import is_catalogus, meld_fout, voeg_peildatum_toe, voeg_root_toe

_BREEDTE = 100


def registreer(sub) -> None:
    p = sub.add_parser("beslisboom", help="toon het pad door de beslisboom (scholing) of de status (loket)",
                       description="Loop de beslisboom langs voor scholingsrecords en toon elke vraag, het antwoord "
                                   "en de uitleg. Voor een loket: status, ontbrekende kaders en partnerrollen.")
    p.add_argument("bestanden", nargs="+", type=Path, metavar="BESTAND", help="scholing- of loketrecord(s) (.yml)")
    voeg_root_toe(p)
    voeg_peildatum_toe(p)
    p.add_argument("--format", choices=["text", "json"], default="text", help="uitvoervorm (standaard text)")


def _soort(pad: Path) -> str | None:
    """The record kind: from the folder (content/scholing/...), else from the keys in the file."""
    for deel in reversed(pad.resolve().parent.parts):
        if deel in SOORTEN:
            return deel
    data = lees_bestand(pad, pad.as_posix()).data
    if isinstance(data, dict):
        if "kaders" in data or "werkgebied" in data:
            return "loketten"
        if "leeruitkomsten" in data or "titel" in data:
            return "scholing"
    return None


def _aanbieder(aanbieder_id: str, context: Context):
    pad = context.root / "content" / "aanbieders" / f"{aanbieder_id}.yml"
    if not pad.is_file():
        return None
    record, _ = controleer_record("aanbieders", pad, _weergave(pad, context.root), context)
    return record


def _ombreken(tekst: str, inspringing: str) -> list[str]:
    return textwrap.wrap(tekst, _BREEDTE, initial_indent=inspringing, subsequent_indent=inspringing)


def _tekst_oordeel(bestand: str, titel: str, oordeel: Oordeel) -> list[str]:
    regels = [f"{bestand}: {titel}",
              f"  Uitslag: {oordeel.uitslag} (peildatum {oordeel.peildatum.isoformat() if oordeel.peildatum else '-'})"]
    for i, stap in enumerate(oordeel.stappen, 1):
        gevolg = "" if stap.voldaan else f"  [{'blokkerend: niet geschikt' if stap.uitkomst == BLOKKEREND else 'aandachtspunt'}]"
        regels.append(f"  {i:2}. {stap.antwoord:<6} {stap.vraag}{gevolg}")
        if not stap.voldaan:
            plek = f"Veld '{stap.plek}'. " if stap.plek else ""
            regels += _ombreken(plek + stap.uitleg, " " * 13)
    if oordeel.uitslag != NIET_GESCHIKT and not oordeel.aandachtspunten:
        regels.append("  Alle vragen met ja beantwoord.")
    return regels


def _tekst_loket(bestand: str, naam: str, status: LoketStatus, context: Context) -> list[str]:
    kader = context.kader
    regels = [f"{bestand}: {naam}", f"  Status: {status.status}"]
    if status.ontbrekende_kaders:
        regels.append("  Ontbrekende kaders:")
        regels += [f"    - {kader.label('loket_kaders', k)} ({k})" for k in status.ontbrekende_kaders]
    else:
        regels.append("  Kaders: alle negen landelijke kaders zijn vervuld.")
    if status.ontbrekende_rollen:
        regels.append("  Ontbrekende partnerrollen: " + "; ".join(status.ontbrekende_rollen))
    else:
        regels.append("  Partners: gemeente, sportbond en sportaanbieder of sportplatform zijn aanwezig.")
    if status.sportplatform:
        rollen = ", ".join(kader.label("sportplatformrollen", r).lower() for r in status.sportplatform_rollen)
        regels.append(f"  Sportplatform: {status.sportplatform}" + (f" (rollen: {rollen})" if rollen else " (geen rollen opgegeven)"))
    if status.regios:
        regels.append("  Regio's: " + ", ".join(kader.label("regios", r) for r in status.regios))
    return regels


def voer_uit(args: argparse.Namespace) -> int:
    root: Path = args.root
    if not is_catalogus(root, "beslisboom"):
        return 2
    for pad in args.bestanden:
        if not pad.is_file():
            meld_fout(f"'{pad}' bestaat niet of is geen bestand")
            return 2
    try:
        context = laad_context(root, args.peildatum)
    except BegrippenkaderFout as fout:
        meld_fout(str(fout))
        return 1
    boom = None
    if (root / BESTAND).is_file():
        try:
            boom = laad_beslisboom(root / BESTAND, context.kader)
        except BeslisboomFout as fout:
            for f in fout.findings:
                print(tekstregel(f), file=sys.stderr)
            print(f"lab: de beslisboom ({BESTAND}) is ongeldig; herstel eerst de fouten hierboven", file=sys.stderr)
            return 1
    uitvoer: list[dict] = []
    regels: list[str] = []
    mislukt = False
    for pad in args.bestanden:
        bestand = _weergave(pad, root)
        soort = _soort(pad)
        if soort not in ("scholing", "loketten"):
            mislukt = True
            regels += [f"{bestand}: geen scholing- of loketrecord; de beslisboom gaat over scholing, de status over loketten", ""]
            uitvoer.append({"bestand": bestand, "soort": soort, "fout": "geen scholing- of loketrecord"})
            continue
        record, findings = controleer_record(soort, pad, bestand, context)
        fouten = [f for f in findings if f.is_fout]
        if record is None:
            mislukt = True
            regels += [tekstregel(f) for f in fouten]
            regels += [f"{bestand}: kan niet worden beoordeeld; herstel eerst de fouten hierboven (zie ook 'lab check')", ""]
            uitvoer.append({"bestand": bestand, "soort": soort, "findings": [f.as_dict() for f in findings]})
            continue
        if soort == "loketten":
            status = loket_status(record, context.kader, context.gemeenten)
            regels += _tekst_loket(bestand, record.naam, status, context) + [""]
            uitvoer.append({"bestand": bestand, "soort": soort, "id": pad.stem, "naam": record.naam,
                            "status": status.als_dict(context.kader)})
            continue
        if boom is None:
            meld_fout(f"{BESTAND} ontbreekt in '{root}'; zonder beslisboom is er geen oordeel")
            return 2
        aanbieder = _aanbieder(record.aanbieder, context)
        oordeel = boom.beoordeel(record, aanbieder, context.peildatum, context.kader, context.gemeenten)
        mislukt |= oordeel.uitslag == NIET_GESCHIKT
        regels += _tekst_oordeel(bestand, record.titel, oordeel)
        if aanbieder is None:
            aanbieder_pad = f"content/aanbieders/{record.aanbieder}.yml"
            waarom = (f"{aanbieder_pad} heeft fouten (zie 'lab check {aanbieder_pad}')"
                      if (context.root / aanbieder_pad).is_file()
                      else f"aanbieder '{record.aanbieder}' is niet gevonden in content/aanbieders/")
            regels.append(f"  Let op: {waarom}; vragen over de aanbieder zijn zonder die gegevens beantwoord.")
        regels.append("")
        uitvoer.append({"bestand": bestand, "soort": soort, "id": pad.stem, "titel": record.titel,
                        "oordeel": oordeel.als_dict()})
    if args.format == "json":
        print(json.dumps(uitvoer, ensure_ascii=False, indent=2))
    else:
        # One list item is one line: record values (titles, names) never add lines or control characters.
        print("\n".join(zichtbaar(r) for r in regels).rstrip())
    return 1 if mislukt else 0
