"""The beslisboom ("wanneer is iets geschikt aanbod?") as data: load, validate, evaluate.

`laad_beslisboom` reads schemas/beslisboom.yml, checks it (unknown operators
and fields, missing keys, unknown node references, cycles, unreachable nodes)
and compiles every condition once into closures (see `voorwaarden`). A broken
file raises `BeslisboomFout` carrying located findings, never a traceback.

`Beslisboom.beoordeel` walks the tree for one scholing record and returns an
`Oordeel`: the verdict plus every step taken (question, answer, explanation).
The tree is walked to the end even after a blocking answer, so a provider
sees everything to change in one go. `beoordeel_catalogus` is the hook
`laad_catalogus` calls: it turns failed steps into findings located at the
field the node looks at.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .findings import FOUT, WAARSCHUWING, Finding, Issue, pad_als_tekst
from . import snelle_plek
from .positions import Posities, lokaliseer
from .suggest import dichtstbij
from .voorwaarden import Bron, Fout, Taal, Voorwaarde, compileer
from .yaml_reader import lees_bytes

if TYPE_CHECKING:
    from .catalogus import Catalogus
    from .models import Aanbieder, Scholing

GESCHIKT = "geschikt"
MET_AANDACHTSPUNTEN = "geschikt met aandachtspunten"
NIET_GESCHIKT = "niet geschikt"
UITSLAGEN = (GESCHIKT, MET_AANDACHTSPUNTEN, NIET_GESCHIKT)

BLOKKEREND = "blokkerend"
AANDACHTSPUNT = "aandachtspunt"
EINDE = "einde"

BESTAND = "schemas/beslisboom.yml"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_KNOOP_SLEUTELS = {"id", "vraag", "voorwaarde", "uitkomst", "uitleg", "alleen_als", "volgende"}
_VERPLICHT = ("id", "vraag", "voorwaarde", "uitkomst", "uitleg")
_TOPSLEUTELS = {"versie", "lijsten", "drempels", "knopen"}


class BeslisboomFout(Exception):
    """The beslisboom file is invalid; `findings` say where and why."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(f"{f.bestand}:{f.regel}:{f.kolom}: {f.boodschap}" for f in findings[:3]))


@dataclass(frozen=True, slots=True)
class Stap:
    """One question on the path through the tree, and its answer for this record."""

    id: str
    vraag: str
    voldaan: bool
    uitkomst: str  # what a "nee" means: "blokkerend" | "aandachtspunt"
    uitleg: str
    velden: tuple[str, ...]
    van_toepassing: bool = True  # False when `alleen_als` did not hold (voldaan is then True)
    plek: str = ""  # the record field to change when not voldaan, e.g. "leeruitkomsten[3]"

    @property
    def antwoord(self) -> str:
        return "n.v.t." if not self.van_toepassing else ("ja" if self.voldaan else "nee")

    def als_dict(self) -> dict:
        return {"id": self.id, "vraag": self.vraag, "antwoord": self.antwoord, "voldaan": self.voldaan,
                "van_toepassing": self.van_toepassing, "uitkomst": self.uitkomst, "uitleg": self.uitleg,
                "velden": list(self.velden), "plek": self.plek or None}


@dataclass(frozen=True, slots=True)
class Oordeel:
    uitslag: str
    stappen: tuple[Stap, ...]
    peildatum: datetime.date | None = None

    @property
    def blokkades(self) -> tuple[Stap, ...]:
        return tuple(s for s in self.stappen if not s.voldaan and s.uitkomst == BLOKKEREND)

    @property
    def aandachtspunten(self) -> tuple[Stap, ...]:
        return tuple(s for s in self.stappen if not s.voldaan and s.uitkomst == AANDACHTSPUNT)

    @property
    def geschikt(self) -> bool:
        return self.uitslag != NIET_GESCHIKT

    def als_dict(self) -> dict:
        return {"uitslag": self.uitslag, "peildatum": self.peildatum.isoformat() if self.peildatum else None,
                "blokkades": [s.id for s in self.blokkades], "aandachtspunten": [s.id for s in self.aandachtspunten],
                "stappen": [s.als_dict() for s in self.stappen]}


@dataclass(frozen=True)
class Knoop:
    """One question of the tree, as the sites show it."""

    id: str
    vraag: str
    uitleg: str
    uitkomst: str
    omschrijving: str  # the condition in plain Dutch, generated from the data
    alleen_als: str | None  # when the question applies, in plain Dutch (None: always)
    velden: tuple[str, ...]
    volgende_ja: str | None  # next node id after "ja" (None: end of the tree)
    volgende_nee: str | None
    regel: int  # line in beslisboom.yml
    voorwaarde: Voorwaarde = field(repr=False, compare=False)
    poort: Voorwaarde | None = field(default=None, repr=False, compare=False)

    def als_dict(self) -> dict:
        return {"id": self.id, "vraag": self.vraag, "uitleg": self.uitleg, "uitkomst": self.uitkomst,
                "omschrijving": self.omschrijving, "alleen_als": self.alleen_als, "velden": list(self.velden),
                "volgende_ja": self.volgende_ja, "volgende_nee": self.volgende_nee}


class Beslisboom:
    def __init__(self, knopen: tuple[Knoop, ...], lijsten: dict, drempels: dict, bron: str):
        self.knopen = knopen
        self.lijsten = lijsten
        self.drempels = drempels
        self.bron = bron
        index = {k.id: i for i, k in enumerate(knopen)}
        self._gedeeld: tuple[object, dict] = (None, {})
        # Flat arrays for the hot loop: node, gate, test, next index on ja / nee, and the constant steps.
        self._plan = tuple(
            (k, k.poort.toets if k.poort else None, k.voorwaarde.toets,
             index.get(k.volgende_ja, -1), index.get(k.volgende_nee, -1),
             Stap(k.id, k.vraag, True, k.uitkomst, k.uitleg, k.velden),
             Stap(k.id, k.vraag, True, k.uitkomst, k.uitleg, k.velden, van_toepassing=False))
            for k in knopen)

    def knoop(self, knoop_id: str) -> Knoop | None:
        return next((k for k in self.knopen if k.id == knoop_id), None)

    def beoordeel(self, scholing: Scholing, aanbieder: Aanbieder | None, peildatum: datetime.date,
                  kader=None, gemeenten=None) -> Oordeel:
        if self._gedeeld[0] is not kader:  # facts derived from the kader alone are computed once per kader
            self._gedeeld = (kader, {})
        bron = Bron(scholing, aanbieder, peildatum, kader, gemeenten, self._gedeeld[1])
        stappen: list[Stap] = []
        blokkerend = aandacht = False
        plan = self._plan
        i = 0 if plan else -1
        bezocht = 0
        while i >= 0 and bezocht <= len(plan):  # the bound is belt and braces: cycles are refused at load
            bezocht += 1
            knoop, poort, toets, ja, nee, stap_ja, stap_nvt = plan[i]
            if poort is not None and not poort(bron):
                stappen.append(stap_nvt)
                i = ja
                continue
            if toets(bron):
                stappen.append(stap_ja)
                i = ja
                continue
            plek = pad_als_tekst(knoop.voorwaarde.plek(bron))
            stappen.append(Stap(knoop.id, knoop.vraag, False, knoop.uitkomst, knoop.uitleg, knoop.velden, True, plek))
            if knoop.uitkomst == BLOKKEREND:
                blokkerend = True
            else:
                aandacht = True
            i = nee
        uitslag = NIET_GESCHIKT if blokkerend else (MET_AANDACHTSPUNTEN if aandacht else GESCHIKT)
        return Oordeel(uitslag, tuple(stappen), peildatum)


# --- loading and validating ----------------------------------------------------------------

def _tekst(waarde) -> str:
    return " ".join(str(waarde).split())


class _Lezer:
    """Collects located findings while reading the tree file."""

    def __init__(self, bestand: str, tekst: str):
        self.bestand = bestand
        self.posities = Posities(tekst)
        self.findings: list[Finding] = []

    def fout(self, pad: tuple, boodschap: str, suggestie: str | None = None, sleutel: bool = False) -> None:
        regel, kolom = self.posities.zoek(pad, "sleutel" if sleutel else "waarde")
        self.findings.append(Finding(self.bestand, regel, kolom, FOUT, pad_als_tekst(pad), boodschap, suggestie,
                                     "beslisboom-ongeldig"))


def _lees_lijsten(data: dict, lezer: _Lezer) -> dict[str, list]:
    lijsten = data.get("lijsten") or {}
    if not isinstance(lijsten, dict):
        lezer.fout(("lijsten",), "'lijsten' is een map: naam -> lijst met woorden")
        return {}
    uit = {}
    for naam, waarden in lijsten.items():
        if not isinstance(waarden, list) or not waarden:
            lezer.fout(("lijsten", naam), f"lijst '{naam}' moet een niet-lege lijst zijn")
            continue
        for i, w in enumerate(waarden):
            if not isinstance(w, (str, int, float)) or (isinstance(w, str) and not w.strip()):
                lezer.fout(("lijsten", naam, i), f"lijst '{naam}': item {i + 1} moet een woord of getal zijn")
        uit[str(naam)] = waarden
    return uit


def _lees_drempels(data: dict, lezer: _Lezer) -> dict:
    drempels = data.get("drempels") or {}
    if not isinstance(drempels, dict):
        lezer.fout(("drempels",), "'drempels' is een map: naam -> getal, of naam -> tabel met {min, max} per waarde")
        return {}
    for naam, waarde in drempels.items():
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float, dict)):
            lezer.fout(("drempels", naam), f"drempel '{naam}' moet een getal zijn of een tabel met {{min, max}} per waarde")
        elif isinstance(waarde, dict):
            for sleutel, rij in waarde.items():
                if not isinstance(rij, dict) or not rij or not set(rij) <= {"min", "max"} or any(
                        isinstance(v, bool) or not isinstance(v, (int, float)) for v in rij.values()):
                    lezer.fout(("drempels", naam, sleutel), f"drempels.{naam}.{sleutel} moet 'min' en/of 'max' als getal hebben")
                elif "min" in rij and "max" in rij and rij["min"] > rij["max"]:
                    lezer.fout(("drempels", naam, sleutel), f"drempels.{naam}.{sleutel}: 'min' is groter dan 'max'")
    return drempels


def _volgende(knoop: dict, pad: tuple, lezer: _Lezer) -> tuple[object, object, bool]:
    """(next on ja, next on nee, given?) from `volgende:` (an id, 'einde', or {ja: .., nee: ..})."""
    waarde = knoop.get("volgende")
    if waarde is None:
        return None, None, False
    if isinstance(waarde, str):
        return waarde, waarde, True
    if isinstance(waarde, dict) and waarde and set(waarde) <= {"ja", "nee"}:
        return waarde.get("ja"), waarde.get("nee"), True
    lezer.fout(pad + ("volgende",), "'volgende' is een knoop-id, 'einde', of {ja: ID, nee: ID}")
    return None, None, False


def _bouw(data: dict, lezer: _Lezer) -> Beslisboom | None:
    for sleutel in data:
        if sleutel not in _TOPSLEUTELS:
            lezer.fout((sleutel,), f"onbekend onderdeel '{sleutel}'; een beslisboom heeft {', '.join(sorted(_TOPSLEUTELS))}",
                       dichtstbij(str(sleutel), sorted(_TOPSLEUTELS)), sleutel=True)
    taal = Taal(_lees_lijsten(data, lezer), _lees_drempels(data, lezer))
    ruwe_knopen = data.get("knopen")
    if not isinstance(ruwe_knopen, list) or not ruwe_knopen:
        lezer.fout(("knopen",), "'knopen' ontbreekt of is leeg: zet de vragen als lijst onder 'knopen:'")
        return None
    ids: list[str | None] = []
    for i, knoop in enumerate(ruwe_knopen):
        knoop_id = knoop.get("id") if isinstance(knoop, dict) else None
        if isinstance(knoop_id, str) and knoop_id in ids:
            lezer.fout(("knopen", i, "id"), f"knoop-id '{knoop_id}' komt twee keer voor; ids moeten uniek zijn")
        ids.append(knoop_id if isinstance(knoop_id, str) else None)
    bekende = [k for k in ids if k]
    knopen: list[Knoop] = []
    randen: dict[int, tuple[int, int]] = {}
    for i, knoop in enumerate(ruwe_knopen):
        pad = ("knopen", i)
        if not isinstance(knoop, dict):
            lezer.fout(pad, "een knoop is een map met id, vraag, voorwaarde, uitkomst en uitleg")
            continue
        for sleutel in knoop:
            if sleutel not in _KNOOP_SLEUTELS:
                lezer.fout(pad + (sleutel,), f"onbekend veld '{sleutel}' in een knoop; wel: {', '.join(sorted(_KNOOP_SLEUTELS))}",
                           dichtstbij(str(sleutel), sorted(_KNOOP_SLEUTELS)), sleutel=True)
        ontbrekend = [s for s in _VERPLICHT if knoop.get(s) in (None, "")]
        for sleutel in ontbrekend:
            lezer.fout(pad, f"knoop {i + 1}{' (' + str(knoop.get('id')) + ')' if knoop.get('id') else ''} mist '{sleutel}'")
        knoop_id = knoop.get("id")
        if (isinstance(knoop_id, str) and not _ID.match(knoop_id)) or (knoop_id is not None and not isinstance(knoop_id, str)):
            lezer.fout(pad + ("id",), "een knoop-id bestaat uit kleine letters, cijfers en losse streepjes")
        if knoop_id == EINDE:
            lezer.fout(pad + ("id",), f"'{EINDE}' is gereserveerd voor het eind van de boom; kies een andere id")
        uitkomst = knoop.get("uitkomst")
        if uitkomst is not None and uitkomst not in (BLOKKEREND, AANDACHTSPUNT):
            lezer.fout(pad + ("uitkomst",), f"'uitkomst' is '{BLOKKEREND}' (niet geschikt) of '{AANDACHTSPUNT}'",
                       dichtstbij(str(uitkomst), [BLOKKEREND, AANDACHTSPUNT]))
        voorwaarde = poort = None
        if "voorwaarde" in knoop:
            try:
                voorwaarde = compileer(knoop["voorwaarde"], pad + ("voorwaarde",), taal)
            except Fout as fout:
                lezer.fout(fout.pad, fout.boodschap, fout.suggestie, fout.sleutel)
        if knoop.get("alleen_als") is not None:
            try:
                poort = compileer(knoop["alleen_als"], pad + ("alleen_als",), taal)
            except Fout as fout:
                lezer.fout(fout.pad, fout.boodschap, fout.suggestie, fout.sleutel)
        ja, nee, gegeven = _volgende(knoop, pad, lezer)
        standaard = next((k for k in ids[i + 1:] if k), None)  # implicit: the next node in the list
        ja = standaard if ja is None else ja
        nee = standaard if nee is None else nee
        for richting, doel in (("ja", ja), ("nee", nee)):
            if gegeven and doel not in (None, EINDE) and doel not in bekende:
                lezer.fout(pad + ("volgende",) + ((richting,) if isinstance(knoop.get("volgende"), dict) else ()),
                           f"'volgende' verwijst naar een onbekende knoop '{doel}'", dichtstbij(str(doel), bekende))
        ja = None if ja == EINDE else ja
        nee = None if nee == EINDE else nee
        if ontbrekend or voorwaarde is None or not isinstance(knoop_id, str):
            continue
        randen[i] = (ids.index(ja) if ja in ids else -1, ids.index(nee) if nee in ids else -1)
        regel = lezer.posities.zoek(pad)[0]
        knopen.append(Knoop(knoop_id, _tekst(knoop["vraag"]), _tekst(knoop["uitleg"]), str(uitkomst),
                            voorwaarde.omschrijving, poort.omschrijving if poort else None, voorwaarde.velden,
                            ja, nee, regel, voorwaarde, poort))
    if lezer.findings:
        return None
    _controleer_pad(ruwe_knopen, randen, ids, lezer)
    if lezer.findings:
        return None
    return Beslisboom(tuple(knopen), taal.lijsten, taal.drempels, BESTAND)


def _controleer_pad(ruwe_knopen: list, randen: dict[int, tuple[int, int]], ids: list, lezer: _Lezer) -> None:
    """Refuse cycles (the walk would never end) and nodes no path reaches (dead rules)."""
    kleur: dict[int, int] = {}  # 1 = on the current path, 2 = done
    gemeld: set[int] = set()

    def bezoek(i: int) -> None:
        stapel = [(i, iter(randen.get(i, ())))]
        kleur[i] = 1
        while stapel:
            knoop, volgende = stapel[-1]
            doel = next(volgende, None)
            if doel is None:
                kleur[knoop] = 2
                stapel.pop()
                continue
            if doel < 0:
                continue
            if kleur.get(doel) == 1 and knoop not in gemeld:
                gemeld.add(knoop)
                lezer.fout(("knopen", knoop, "volgende") if "volgende" in ruwe_knopen[knoop] else ("knopen", knoop),
                           f"kringverwijzing: na knoop '{ids[knoop]}' komt de boom terug bij '{ids[doel]}' en loopt "
                           "dan eindeloos rond; laat 'volgende' naar een latere knoop of 'einde' wijzen")
            elif doel not in kleur:
                kleur[doel] = 1
                stapel.append((doel, iter(randen.get(doel, ()))))

    bezoek(0)
    for i in range(len(ids)):
        if i not in kleur:
            lezer.fout(("knopen", i), f"knoop '{ids[i]}' wordt nooit bereikt: geen 'volgende' wijst ernaar; "
                                      "pas 'volgende' van een eerdere knoop aan of haal deze knoop weg")


def laad_beslisboom(pad: Path, kader=None, bestand: str = BESTAND) -> Beslisboom:
    """Read and compile the tree; raises BeslisboomFout with located findings when the file is invalid.

    `kader` is accepted for symmetry with the other loaders: the tree's
    conditions consult the begrippenkader at evaluation time (afgeleid.*).
    """
    try:
        ruw = pad.read_bytes()
    except OSError as fout:
        raise BeslisboomFout([Finding(bestand, None, None, FOUT, "", f"kan de beslisboom niet lezen: {fout.strerror}",
                                      None, "beslisboom-onleesbaar")]) from None
    gelezen = lees_bytes(ruw, bestand)
    if gelezen.data is None or not gelezen.leesbaar:
        raise BeslisboomFout(gelezen.findings)
    lezer = _Lezer(bestand, gelezen.tekst)
    boom = _bouw(gelezen.data, lezer)
    if boom is None:
        raise BeslisboomFout(lezer.findings)
    return boom


# --- the catalogue hook --------------------------------------------------------------------

def beoordeel_catalogus(catalogus: Catalogus) -> list[Finding]:
    """Evaluate every valid scholing; fill `catalogus.oordelen`, drop `niet geschikt` records, return findings."""
    pad = catalogus.context.root / BESTAND
    if not pad.exists():
        return []
    try:
        boom = laad_beslisboom(pad, catalogus.kader)
    except BeslisboomFout as fout:
        return list(fout.findings)
    catalogus.beslisboom = boom
    kader, gemeenten, peildatum = catalogus.kader, catalogus.gemeenten, catalogus.context.peildatum
    aanbieders = catalogus.aanbieders
    uit: list[Finding] = []
    for scholing_id, scholing in list(catalogus.scholing.items()):
        oordeel = boom.beoordeel(scholing, aanbieders.get(scholing.aanbieder), peildatum, kader, gemeenten)
        catalogus.oordelen[scholing_id] = oordeel
        if oordeel.uitslag == GESCHIKT:
            continue
        issues = [Issue(_pad_uit_tekst(s.plek), FOUT if s.uitkomst == BLOKKEREND else WAARSCHUWING,
                        f"beslisboom, vraag '{s.id}': {s.vraag} Antwoord: nee. {s.uitleg}", None, f"beslisboom:{s.id}")
                  for s in oordeel.stappen if not s.voldaan]
        bestand = catalogus.bestanden[("scholing", scholing_id)]
        uit += _lokaliseer(bestand, (catalogus.context.root / bestand).read_text(encoding="utf-8"), issues)
        if oordeel.uitslag == NIET_GESCHIKT:
            del catalogus.scholing[scholing_id]  # cannot be published; its verdict stays in `oordelen`
    return uit


def _lokaliseer(bestand: str, tekst: str, issues: list[Issue]) -> list[Finding]:
    """Like positions.lokaliseer, but first tries the text scan (no YAML composing) for each path."""
    uit: list[Finding] = []
    rest: list[Issue] = []
    for issue in issues:
        plek = snelle_plek.zoek(tekst, issue.pad)
        if plek is None:
            rest.append(issue)
        else:
            uit.append(Finding(bestand, plek[0], plek[1], issue.ernst, pad_als_tekst(issue.pad), issue.boodschap,
                               issue.suggestie, issue.code))
    return uit + lokaliseer(bestand, tekst, rest)


_INDEX = re.compile(r"\[(\d+)\]")


def _pad_uit_tekst(tekst: str) -> tuple:
    """'uitvoeringen[2].start' -> ('uitvoeringen', 1, 'start'): the inverse of pad_als_tekst."""
    pad: list = []
    for deel in tekst.split(".") if tekst else ():
        naam = _INDEX.split(deel)
        if naam[0]:
            pad.append(naam[0])
        pad += [int(n) - 1 for n in naam[1::2]]
    return tuple(pad)
