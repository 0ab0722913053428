"""The beslisboom's condition language: small declarative tests over one record.

A condition is a YAML mapping with exactly one operator key, for example
``{aanwezig: kwaliteit.evaluatie}`` or ``{tussen: {veld: tijdsinvestering.uren,
bereik: uren_per_vorm, per: vorm}}``. Every operator is a small entry in
`OPERATOREN`: which argument keys it takes, a compile function that turns the
arguments into a closure *once*, at load time (evaluating 10,000 records must
stay cheap, so nothing is parsed per record), and the plain-Dutch sentence that
describes it on the sites (`omschrijving`). The operators are documented for
reviewers in the header of schemas/beslisboom.yml and in docs/beslisboom-taal.md.

Field paths are dotted (`kosten.bedrag`); `[*]` walks every item of a list
(`uitvoeringen[*].start`). Roots: the scholing record itself, `aanbieder.X`
(the provider's record), `afgeleid.X` (facts derived from the begrippenkader
and the municipality list) and `peildatum`. Paths are checked against the
pydantic models at load time, so a typo is a located error, not a silent
"never true".
"""

from __future__ import annotations

import datetime
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from .models import Aanbieder, Scholing
from .suggest import dichtstbij

ELK, EEN = "elk", "een"


# --- what a condition looks at -------------------------------------------------------------

class Bron:
    """One record as the conditions see it: scholing, its aanbieder, the check date and derived facts."""

    __slots__ = ("scholing", "aanbieder", "peildatum", "kader", "gemeenten", "_afgeleid", "gedeeld")

    def __init__(self, scholing, aanbieder, peildatum: datetime.date, kader, gemeenten, gedeeld: dict | None = None):
        self.scholing = scholing
        self.aanbieder = aanbieder
        self.peildatum = peildatum
        self.kader = kader
        self.gemeenten = gemeenten
        self._afgeleid: dict[str, Any] = {}
        self.gedeeld = {} if gedeeld is None else gedeeld  # facts shared by all records (same kader)

    def afgeleid(self, naam: str):
        if naam not in self._afgeleid:
            self._afgeleid[naam] = AFGELEIDE_VELDEN[naam].bereken(self)
        return self._afgeleid[naam]


@dataclass(frozen=True)
class Afgeleid:
    bereken: Callable[[Bron], Any]
    omschrijving: str
    bron: tuple  # where a finding about it is shown in the record
    soort: str  # "tekst" | "lijst"


def _locatie_provincie(bron: Bron):
    locatie = bron.scholing.locatie
    gemeenten = bron.gemeenten
    if gemeenten is None:
        return None
    gemeente = gemeenten.zoek(locatie.gemeente) or gemeenten.zoek(locatie.plaats)
    return gemeente.provincie if gemeente else None


def _regio_provincies(bron: Bron):
    per_regio = bron.gedeeld.get("regio_provincies")
    if per_regio is None:
        per_regio = bron.gedeeld["regio_provincies"] = bron.kader.regio_provincies() if bron.kader is not None else {}
    return [p for regio in bron.scholing.regios for p in per_regio.get(regio, ())]


def _niveau_carrierepad(bron: Bron):
    niveau = bron.scholing.niveau
    if niveau is None or bron.kader is None:
        return []
    term = bron.kader.term("niveaus", niveau)
    return list(term.extra.get("carrierepad", ())) if term else []


AFGELEIDE_VELDEN: dict[str, Afgeleid] = {
    "locatie_provincie": Afgeleid(_locatie_provincie, "de provincie van de locatie (uit 'locatie.gemeente' of "
                                  "'locatie.plaats')", ("locatie", "gemeente"), "tekst"),
    "regio_provincies": Afgeleid(_regio_provincies, "de provincies van de regio's in 'regios'", ("regios",), "lijst"),
    "niveau_carrierepad": Afgeleid(_niveau_carrierepad, "de carrièrepadfuncties die volgens het begrippenkader "
                                   "bij het 'niveau' horen", ("niveau",), "lijst"),
}


# --- field paths ---------------------------------------------------------------------------

class Fout(Exception):
    """A problem in the condition at `pad` (a path inside the beslisboom YAML)."""

    def __init__(self, pad: tuple, boodschap: str, suggestie: str | None = None, sleutel: bool = False):
        super().__init__(boodschap)
        self.pad, self.boodschap, self.suggestie = pad, boodschap, suggestie
        self.sleutel = sleutel  # point at the key itself (a misspelt operator or argument), not its value


_DEEL = re.compile(r"^([a-z_][a-z0-9_]*)(\[\*\])?$")


def _uitpakken(annotatie) -> tuple[str, type[BaseModel] | None, bool]:
    """(kind, nested model, is list) of a pydantic field annotation."""
    is_lijst = False
    while True:
        origin = typing.get_origin(annotatie)
        if origin is typing.Annotated:
            annotatie = typing.get_args(annotatie)[0]
        elif origin in (typing.Union, types.UnionType):
            annotatie = next(a for a in typing.get_args(annotatie) if a is not type(None))
        elif origin is list:
            if is_lijst:
                break
            is_lijst = True
            annotatie = typing.get_args(annotatie)[0]
        else:
            break
    if isinstance(annotatie, type) and issubclass(annotatie, BaseModel):
        return "map", annotatie, is_lijst
    soort = {bool: "ja/nee", int: "getal", float: "getal", str: "tekst", datetime.date: "datum"}.get(annotatie, "tekst")
    return soort, None, is_lijst


@dataclass(frozen=True)
class Veldpad:
    """A compiled field path: `lees(bron)` gives the value, `items(bron)` every (record path, value)."""

    tekst: str
    soort: str  # value kind of the last segment: tekst, getal, datum, ja/nee, lijst, map
    meervoudig: bool  # contains [*]
    lees: Callable[[Bron], Any]
    items: Callable[[Bron], list]
    plek: tuple  # record path to show a finding at when nothing more precise is known


def _stapper(delen: tuple, start: Callable[[Bron], Any], basis: tuple):
    """Closures walking `delen` (names and '*' markers) from the object `start` returns."""
    if "*" not in delen:
        # getattr(None, name, None) is None, so a missing parent needs no extra check.
        if len(delen) == 1:
            (n1,) = delen
            lees = lambda bron: getattr(start(bron), n1, None)  # noqa: E731
        elif len(delen) == 2:
            n1, n2 = delen
            lees = lambda bron: getattr(getattr(start(bron), n1, None), n2, None)  # noqa: E731
        else:
            def lees(bron):
                obj = start(bron)
                for naam in delen:
                    obj = getattr(obj, naam, None)
                return obj

        def items(bron):
            return [(basis + tuple(d for d in delen), lees(bron))]
        return lees, items

    def items(bron):  # noqa: F811 - the list-walking variant
        huidig = [(basis, start(bron))]
        for naam in delen:
            volgende = []
            if naam == "*":
                for pad, obj in huidig:
                    for i, item in enumerate(obj or ()):
                        volgende.append((pad + (i,), item))
            else:
                for pad, obj in huidig:
                    volgende.append((pad + (naam,), None if obj is None else getattr(obj, naam, None)))
            huidig = volgende
        return huidig

    ster = delen.index("*")
    voor, na = delen[:ster], delen[ster + 1:]
    if "*" in na:
        def lees(bron):
            return [w for _, w in items(bron)]
        return lees, items

    # The common case, one [*]: read the values without building record paths (those are
    # only needed to locate a failure, via `items`).
    def lees(bron):  # noqa: F811
        obj = start(bron)
        for naam in voor:
            if obj is None:
                return ()
            obj = getattr(obj, naam, None)
        if not obj:
            return ()
        if not na:
            return obj
        uit = []
        for item in obj:
            for naam in na:
                if item is None:
                    break
                item = getattr(item, naam, None)
            uit.append(item)
        return uit
    return lees, items


def compileer_pad(tekst: object, pad: tuple) -> Veldpad:
    if not isinstance(tekst, str) or not tekst.strip():
        raise Fout(pad, "verwacht een veldnaam, bijvoorbeeld 'kosten.bedrag' of 'uitvoeringen[*].start'")
    delen_tekst = tekst.strip().split(".")
    eerste = delen_tekst[0]
    if eerste == "peildatum" and len(delen_tekst) == 1:
        return Veldpad(tekst, "datum", False, lambda b: b.peildatum, lambda b: [((), b.peildatum)], ())
    if eerste == "afgeleid":
        naam = ".".join(delen_tekst[1:])
        if naam not in AFGELEIDE_VELDEN:
            raise Fout(pad, f"onbekend afgeleid veld '{naam}'; kies uit: {', '.join(AFGELEIDE_VELDEN)}",
                       dichtstbij(naam, list(AFGELEIDE_VELDEN)) and "afgeleid." + dichtstbij(naam, list(AFGELEIDE_VELDEN)))
        info = AFGELEIDE_VELDEN[naam]
        return Veldpad(tekst, info.soort, False, lambda b: b.afgeleid(naam),
                       lambda b: [(info.bron, b.afgeleid(naam))], info.bron)
    if eerste == "aanbieder" and len(delen_tekst) > 1:
        model: type[BaseModel] = Aanbieder
        delen_tekst = delen_tekst[1:]
        start: Callable[[Bron], Any] = lambda b: b.aanbieder  # noqa: E731
        basis: tuple = ("aanbieder",)
        plek_basis: tuple | None = ("aanbieder",)  # shown at the scholing's 'aanbieder' field
    else:
        model, start, basis, plek_basis = Scholing, (lambda b: b.scholing), (), None
    delen: list[str] = []
    soort = "map"
    huidig: type[BaseModel] | None = model
    for deel in delen_tekst:
        m = _DEEL.match(deel)
        if not m:
            raise Fout(pad, f"'{tekst}' is geen geldig veldpad: gebruik veldnamen met punten, en [*] voor elk item van een lijst")
        naam, ster = m.group(1), bool(m.group(2))
        if huidig is None:
            raise Fout(pad, f"'{tekst}': '{delen[-1] if delen else ''}' heeft geen onderliggende velden")
        velden = huidig.model_fields
        if naam not in velden:
            raise Fout(pad, f"onbekend veld '{naam}' in '{tekst}'"
                       + (" (velden van de aanbieder)" if model is Aanbieder else ""),
                       dichtstbij(naam, list(velden)))
        soort, huidig_model, is_lijst = _uitpakken(velden[naam].annotation)
        if ster and not is_lijst:
            raise Fout(pad, f"'{naam}' in '{tekst}' is geen lijst; laat [*] weg")
        delen.append(naam)
        if is_lijst and ster:
            delen.append("*")
        elif is_lijst:
            soort = "lijst"
        huidig = huidig_model if (not is_lijst or ster) else None
    lees, items = _stapper(tuple(delen), start, basis)
    if plek_basis is not None:
        # Facts about the provider are shown at the scholing's 'aanbieder' field.
        items_aanbieder = items
        items = lambda b: [(plek_basis, w) for _, w in items_aanbieder(b)]  # noqa: E731
    # A failure of "at least one item" is shown at the list itself, not at a field of a missing item.
    plek = plek_basis or (tuple(delen[:delen.index("*")]) if "*" in delen else tuple(delen))
    return Veldpad(tekst, soort, "*" in delen, lees, items, plek)


# --- compiled conditions -------------------------------------------------------------------

@dataclass(frozen=True)
class Voorwaarde:
    """A compiled condition: `toets(bron)` -> bool; `plek(bron)` -> record path to show a failure at."""

    toets: Callable[[Bron], bool]
    plek: Callable[[Bron], tuple]
    velden: tuple[str, ...]
    omschrijving: str


@dataclass
class Taal:
    """What compiling needs besides the condition: the YAML's named lists and thresholds."""

    lijsten: dict[str, list]
    drempels: dict[str, Any]


def _fmt(waarde) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float):
        return f"{waarde:g}".replace(".", ",")
    return str(waarde)


def _opsomming(waarden, max_aantal: int = 8) -> str:
    tekst = [_fmt(w) for w in waarden]
    if len(tekst) > max_aantal:
        return ", ".join(tekst[:max_aantal]) + f" (en {len(tekst) - max_aantal} meer)"
    return ", ".join(tekst)


def _args(args, pad: tuple, operator: str, verplicht: set[str], optioneel: set[str], kort: str | None = None) -> dict:
    """Check an operator's argument mapping; `kort` names the key a bare scalar stands for."""
    if kort is not None and not isinstance(args, dict):
        args = {kort: args}
    if not isinstance(args, dict):
        raise Fout(pad, f"'{operator}' verwacht velden ({', '.join(sorted(verplicht | optioneel))})")
    for sleutel in args:
        if sleutel not in verplicht | optioneel:
            raise Fout(pad + (sleutel,), f"'{operator}' kent geen '{sleutel}'; wel: {', '.join(sorted(verplicht | optioneel))}",
                       dichtstbij(str(sleutel), sorted(verplicht | optioneel)), sleutel=True)
    for sleutel in sorted(verplicht):
        if sleutel not in args:
            raise Fout(pad, f"'{operator}' mist '{sleutel}'")
    return args


def _geldt_voor(args: dict, pad: tuple, veld: Veldpad) -> str:
    waarde = args.get("geldt_voor", EEN)
    if waarde not in (ELK, EEN):
        raise Fout(pad + ("geldt_voor",), "'geldt_voor' is 'elk' (ieder item moet voldoen) of 'een' (minstens één item)")
    if "geldt_voor" in args and not veld.meervoudig:
        raise Fout(pad + ("geldt_voor",), f"'geldt_voor' heeft alleen zin bij een pad met [*]; '{veld.tekst}' heeft dat niet")
    return waarde


def _blad(veld: Veldpad, predicaat: Callable[[Any, Bron], bool], geldt_voor: str, omschrijving: str) -> Voorwaarde:
    """A leaf condition: `predicaat(value, bron)` over one value, or over the items of a [*] path."""
    if not veld.meervoudig:
        lees = veld.lees

        def toets(bron):
            return predicaat(lees(bron), bron)

        def plek(bron):
            return veld.items(bron)[0][0] or veld.plek
    else:
        items, waarden = veld.items, veld.lees
        if geldt_voor == ELK:
            def toets(bron):
                gevonden = waarden(bron)
                if not gevonden:
                    return False
                for w in gevonden:
                    if not predicaat(w, bron):
                        return False
                return True

            def plek(bron):
                for pad, w in items(bron):
                    if not predicaat(w, bron):
                        return pad
                return veld.plek
        else:
            def toets(bron):
                for w in waarden(bron):
                    if predicaat(w, bron):
                        return True
                return False

            def plek(bron):
                return veld.plek
        omschrijving += " (voor elk item)" if geldt_voor == ELK else " (bij minstens één item)"
    return Voorwaarde(toets, plek, (veld.tekst,), omschrijving)


def _getal(waarde, pad: tuple, taal: Taal, naam: str) -> float:
    """A number, or the name of a number in `drempels:`."""
    if isinstance(waarde, str):
        if waarde not in taal.drempels:
            raise Fout(pad, f"onbekende drempel '{waarde}' bij '{naam}'; zet hem onder 'drempels:' of gebruik een getal",
                       dichtstbij(waarde, list(taal.drempels)))
        waarde = taal.drempels[waarde]
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
        raise Fout(pad, f"'{naam}' moet een getal zijn (of de naam van een drempel)")
    return waarde


def _woorden(args: dict, pad: tuple, taal: Taal, sleutel_lijst: str = "lijst", sleutel_los: str = "woorden") -> tuple[list, str]:
    if (sleutel_lijst in args) == (sleutel_los in args):
        raise Fout(pad, f"geef precies één van '{sleutel_lijst}' (naam van een lijst onder 'lijsten:') of '{sleutel_los}' (de waarden zelf)")
    if sleutel_lijst in args:
        naam = args[sleutel_lijst]
        if not isinstance(naam, str) or naam not in taal.lijsten:
            raise Fout(pad + (sleutel_lijst,), f"onbekende lijst '{naam}'; zet hem onder 'lijsten:'",
                       dichtstbij(naam, list(taal.lijsten)))
        return taal.lijsten[naam], f"de lijst '{naam}'"
    waarden = args[sleutel_los]
    if not isinstance(waarden, list) or not waarden:
        raise Fout(pad + (sleutel_los,), f"'{sleutel_los}' moet een niet-lege lijst zijn")
    return waarden, ""


# --- the operators ---------------------------------------------------------------------------
# Each takes (args, pad, taal) and returns a Voorwaarde. Keep them small: one job each.

def _op_aanwezig(args, pad, taal):
    veld_pad = pad + ("veld",) if isinstance(args, dict) else pad
    args = _args(args, pad, "aanwezig", {"veld"}, {"geldt_voor"}, kort="veld")
    veld = compileer_pad(args["veld"], veld_pad)

    def ingevuld(w, _bron):
        if w is None or w == [] or w == {}:
            return False
        return not isinstance(w, str) or bool(w.strip())
    return _blad(veld, ingevuld, _geldt_voor(args, pad, veld), f"'{veld.tekst}' is ingevuld")


def _op_is_waar(args, pad, taal):
    veld_pad = pad + ("veld",) if isinstance(args, dict) else pad
    args = _args(args, pad, "is_waar", {"veld"}, set(), kort="veld")
    veld = compileer_pad(args["veld"], veld_pad)
    if veld.soort != "ja/nee":
        raise Fout(pad, f"'is_waar' werkt op een ja/nee-veld; '{veld.tekst}' is {veld.soort}")
    return _blad(veld, lambda w, _b: w is True, EEN, f"'{veld.tekst}' staat op ja")


def _op_in_lijst(args, pad, taal):
    args = _args(args, pad, "in_lijst", {"veld"}, {"waarden", "lijst", "lijst_veld", "geldt_voor"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    geldt_voor = _geldt_voor(args, pad, veld)
    bronnen = [k for k in ("waarden", "lijst", "lijst_veld") if k in args]
    if len(bronnen) != 1:
        raise Fout(pad, "geef precies één van 'waarden' (de waarden zelf), 'lijst' (naam onder 'lijsten:') "
                        "of 'lijst_veld' (een ander veld met een lijst)")
    if "lijst_veld" in args:
        ander = compileer_pad(args["lijst_veld"], pad + ("lijst_veld",))
        if ander.soort != "lijst" and not ander.meervoudig:
            raise Fout(pad + ("lijst_veld",), f"'{ander.tekst}' is geen lijst")
        lees_ander = ander.lees

        def predicaat(w, bron):
            lijst = lees_ander(bron) or ()
            return w is not None and w in lijst
        v = _blad(veld, predicaat, geldt_voor, f"'{veld.tekst}' komt voor in '{ander.tekst}'")
        return Voorwaarde(v.toets, v.plek, v.velden + (ander.tekst,), v.omschrijving)
    waarden, naam = _woorden(args, pad, taal, "lijst", "waarden")
    try:
        verzameling = frozenset(waarden)
    except TypeError:
        raise Fout(pad, "de waarden moeten losse woorden of getallen zijn") from None

    def predicaat(w, _bron):
        try:
            return w in verzameling
        except TypeError:
            return False
    beschrijving = f"{naam} ({_opsomming(waarden)})" if naam else _opsomming(waarden)
    return _blad(veld, predicaat, geldt_voor, f"'{veld.tekst}' is een van: {beschrijving}")


def _bereik_tekst(laag, hoog) -> str:
    if laag is not None and hoog is not None:
        return f"tussen {_fmt(laag)} en {_fmt(hoog)}"
    return f"minstens {_fmt(laag)}" if laag is not None else f"hoogstens {_fmt(hoog)}"


def _op_tussen(args, pad, taal):
    args = _args(args, pad, "tussen", {"veld"}, {"min", "max", "bereik", "per", "geldt_voor"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    if veld.soort not in ("getal",):
        raise Fout(pad + ("veld",), f"'tussen' werkt op een getal; '{veld.tekst}' is {veld.soort}")
    geldt_voor = _geldt_voor(args, pad, veld)
    if "bereik" in args:
        if "min" in args or "max" in args or "per" not in args:
            raise Fout(pad, "gebruik óf 'min'/'max', óf 'bereik' (naam van een tabel onder 'drempels:') samen met 'per'")
        naam = args["bereik"]
        tabel = taal.drempels.get(naam) if isinstance(naam, str) else None
        if not isinstance(tabel, dict):
            raise Fout(pad + ("bereik",), f"'{naam}' is geen tabel onder 'drempels:' (sleutel: {{min, max}})",
                       dichtstbij(naam, [k for k, v in taal.drempels.items() if isinstance(v, dict)]))
        grenzen: dict = {}
        for sleutel, rij in tabel.items():
            if not isinstance(rij, dict) or not set(rij) <= {"min", "max"} or not rij:
                raise Fout(pad + ("bereik",), f"drempels.{naam}.{sleutel} moet 'min' en/of 'max' hebben")
            grenzen[sleutel] = (_getal(rij["min"], pad, taal, "min") if "min" in rij else None,
                                _getal(rij["max"], pad, taal, "max") if "max" in rij else None)
        per = compileer_pad(args["per"], pad + ("per",))
        lees_per = per.lees
        standaard = grenzen.get("standaard")

        def predicaat(w, bron):
            if w is None:
                return False
            laag, hoog = grenzen.get(lees_per(bron), standaard) or (None, None)
            return (laag is None or w >= laag) and (hoog is None or w <= hoog)
        tabeltekst = "; ".join(f"{k}: {_bereik_tekst(*g)}" for k, g in grenzen.items())
        v = _blad(veld, predicaat, geldt_voor,
                  f"'{veld.tekst}' past bij '{per.tekst}' volgens de tabel '{naam}' ({tabeltekst}); "
                  "staat de waarde niet in de tabel, dan geldt " + ("'standaard'" if standaard else "geen grens"))
        return Voorwaarde(v.toets, v.plek, v.velden + (per.tekst,), v.omschrijving)
    if "per" in args:
        raise Fout(pad + ("per",), "'per' hoort bij 'bereik'")
    if "min" not in args and "max" not in args:
        raise Fout(pad, "'tussen' heeft 'min', 'max' of beide nodig (of 'bereik' met 'per')")
    laag = _getal(args["min"], pad + ("min",), taal, "min") if "min" in args else None
    hoog = _getal(args["max"], pad + ("max",), taal, "max") if "max" in args else None

    def predicaat(w, _bron):
        if w is None or isinstance(w, bool):
            return False
        return (laag is None or w >= laag) and (hoog is None or w <= hoog)
    return _blad(veld, predicaat, geldt_voor, f"'{veld.tekst}' is {_bereik_tekst(laag, hoog)}")


_DATUM_VERGELIJKING = {
    "na": (lambda a, b: a > b, "ligt na"),
    "op_of_na": (lambda a, b: a >= b, "ligt op of na"),
    "voor": (lambda a, b: a < b, "ligt vóór"),
    "op_of_voor": (lambda a, b: a <= b, "ligt op of vóór"),
}


def _op_datum(args, pad, taal):
    args = _args(args, pad, "datum", {"veld"}, set(_DATUM_VERGELIJKING) | {"dagen", "geldt_voor"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    if veld.soort != "datum":
        raise Fout(pad + ("veld",), f"'datum' werkt op een datumveld; '{veld.tekst}' is {veld.soort}")
    geldt_voor = _geldt_voor(args, pad, veld)
    gekozen = [k for k in _DATUM_VERGELIJKING if k in args]
    if len(gekozen) != 1:
        raise Fout(pad, f"geef precies één van: {', '.join(_DATUM_VERGELIJKING)}")
    sleutel = gekozen[0]
    vergelijk, woorden = _DATUM_VERGELIJKING[sleutel]
    dagen = args.get("dagen", 0)
    if isinstance(dagen, bool) or not isinstance(dagen, int):
        raise Fout(pad + ("dagen",), "'dagen' moet een heel getal zijn (mag negatief)")
    verschuiving = datetime.timedelta(days=dagen)
    ref = args[sleutel]
    if isinstance(ref, datetime.date):
        vast = ref + verschuiving
        lees_ref: Callable[[Bron], Any] = lambda _b: vast  # noqa: E731
        ref_tekst = ref.isoformat()
    else:
        ref_pad = compileer_pad(ref, pad + (sleutel,))
        if ref_pad.soort != "datum" or ref_pad.meervoudig:
            raise Fout(pad + (sleutel,), f"'{ref}' is geen enkel datumveld; gebruik 'peildatum', een datum of een datumveld")
        lees = ref_pad.lees
        lees_ref = (lambda b: lees(b) + verschuiving) if dagen else lees  # noqa: E731
        ref_tekst = "de peildatum" if ref == "peildatum" else f"'{ref}'"
    if dagen:
        ref_tekst += f" {'plus' if dagen > 0 else 'min'} {abs(dagen)} dagen"

    def predicaat(w, bron):
        r = lees_ref(bron)
        return isinstance(w, datetime.date) and r is not None and vergelijk(w, r)
    v = _blad(veld, predicaat, geldt_voor, f"'{veld.tekst}' {woorden} {ref_tekst}")
    extra = () if isinstance(ref, datetime.date) or ref == "peildatum" else (ref,)
    return Voorwaarde(v.toets, v.plek, v.velden + extra, v.omschrijving)


def _op_aantal(args, pad, taal):
    args = _args(args, pad, "aantal", {"veld"}, {"min", "max"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    if veld.soort != "lijst" or veld.meervoudig:
        raise Fout(pad + ("veld",), f"'aantal' telt de items van een lijst; '{veld.tekst}' is geen lijst (laat [*] weg)")
    if "min" not in args and "max" not in args:
        raise Fout(pad, "'aantal' heeft 'min', 'max' of beide nodig")
    laag = _getal(args["min"], pad + ("min",), taal, "min") if "min" in args else None
    hoog = _getal(args["max"], pad + ("max",), taal, "max") if "max" in args else None

    def predicaat(w, _bron):
        n = len(w or ())
        return (laag is None or n >= laag) and (hoog is None or n <= hoog)
    return _blad(veld, predicaat, EEN, f"'{veld.tekst}' heeft {_bereik_tekst(laag, hoog)} items")


def _op_lengte(args, pad, taal):
    args = _args(args, pad, "lengte", {"veld"}, {"min", "max", "geldt_voor"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    if veld.soort != "tekst":
        raise Fout(pad + ("veld",), f"'lengte' meet een tekst; '{veld.tekst}' is {veld.soort}")
    if "min" not in args and "max" not in args:
        raise Fout(pad, "'lengte' heeft 'min', 'max' of beide nodig")
    laag = _getal(args["min"], pad + ("min",), taal, "min") if "min" in args else None
    hoog = _getal(args["max"], pad + ("max",), taal, "max") if "max" in args else None

    def predicaat(w, _bron):
        if not isinstance(w, str):
            return False
        n = len(w.strip())
        return (laag is None or n >= laag) and (hoog is None or n <= hoog)
    return _blad(veld, predicaat, _geldt_voor(args, pad, veld), f"'{veld.tekst}' is {_bereik_tekst(laag, hoog)} tekens lang")


# Punctuation becomes a space, so "beschrijven." and "(toepassen)" split into plain words.
_LEESTEKENS = str.maketrans({c: " " for c in ".,;:!?()[]{}\"'/\\–—…«»“”‘’*+=<>|&%$#@^~`"})


def _op_bevat_woord(args, pad, taal):
    args = _args(args, pad, "bevat_woord", {"veld"}, {"lijst", "woorden", "geldt_voor"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    if veld.soort != "tekst":
        raise Fout(pad + ("veld",), f"'bevat_woord' zoekt in tekst; '{veld.tekst}' is {veld.soort}")
    woorden, naam = _woorden(args, pad, taal)
    if not all(isinstance(w, str) and w.strip() for w in woorden):
        raise Fout(pad, "de woorden moeten tekst zijn")
    # Whole words (or phrases) only, case-insensitive: 'maken' must not match 'makens'. Single
    # words are a set lookup over the text's words (a 50-way regex alternation is far slower);
    # only phrases such as 'in kaart brengen' need a regex.
    losse = frozenset(w.strip().lower() for w in woorden if len(w.split()) == 1)
    zinnen = [w.strip() for w in woorden if len(w.split()) > 1]
    zoek_zin = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, z.split())) for z in zinnen)
                          + r")(?!\w)", re.IGNORECASE).search if zinnen else None

    def predicaat(w, _bron):
        if not isinstance(w, str):
            return False
        if not losse.isdisjoint(w.lower().translate(_LEESTEKENS).split()):
            return True
        return zoek_zin is not None and zoek_zin(w) is not None
    beschrijving = f"{naam} ({_opsomming(woorden)})" if naam else _opsomming(woorden)
    return _blad(veld, predicaat, _geldt_voor(args, pad, veld), f"'{veld.tekst}' bevat een woord uit {beschrijving}"
                 if naam else f"'{veld.tekst}' bevat een van de woorden {beschrijving}")


_VERGELIJKINGEN = {
    "gelijk_aan": (lambda a, b: a == b, "is gelijk aan"),
    "ongelijk_aan": (lambda a, b: a != b, "is niet gelijk aan"),
    "kleiner_dan": (lambda a, b: a < b, "is kleiner dan"),
    "hoogstens": (lambda a, b: a <= b, "is hoogstens"),
    "groter_dan": (lambda a, b: a > b, "is groter dan"),
    "minstens": (lambda a, b: a >= b, "is minstens"),
}


def _op_vergelijk(args, pad, taal):
    args = _args(args, pad, "vergelijk", {"veld", "is"}, {"met", "waarde", "geldt_voor"})
    veld = compileer_pad(args["veld"], pad + ("veld",))
    geldt_voor = _geldt_voor(args, pad, veld)
    if args["is"] not in _VERGELIJKINGEN:
        raise Fout(pad + ("is",), f"onbekende vergelijking '{args['is']}'; kies uit: {', '.join(_VERGELIJKINGEN)}",
                   dichtstbij(args["is"], list(_VERGELIJKINGEN)))
    functie, woorden = _VERGELIJKINGEN[args["is"]]
    if ("met" in args) == ("waarde" in args):
        raise Fout(pad, "geef precies één van 'met' (een ander veld) of 'waarde' (een vaste waarde)")
    extra: tuple = ()
    if "met" in args:
        ander = compileer_pad(args["met"], pad + ("met",))
        if ander.meervoudig:
            raise Fout(pad + ("met",), "'met' moet één veld zijn, zonder [*]")
        lees_ander = ander.lees
        ref_tekst, extra = f"'{ander.tekst}'", (ander.tekst,)
    else:
        vast = args["waarde"]
        if vast is None:
            raise Fout(pad + ("waarde",), "vergelijk met een echte waarde; gebruik 'aanwezig' om te toetsen of een veld leeg is")
        lees_ander = lambda _b: vast  # noqa: E731
        ref_tekst = _fmt(vast)

    def predicaat(w, bron):
        r = lees_ander(bron)
        if w is None or r is None:
            return False
        try:
            return functie(w, r)
        except TypeError:  # comparing a text with a number, say
            return False
    v = _blad(veld, predicaat, geldt_voor, f"'{veld.tekst}' {woorden} {ref_tekst}")
    return Voorwaarde(v.toets, v.plek, v.velden + extra, v.omschrijving)


def _kinderen(args, pad, operator) -> list:
    if not isinstance(args, list) or not args:
        raise Fout(pad, f"'{operator}' verwacht een lijst met minstens één voorwaarde")
    return args


def _samen(delen: list[Voorwaarde]) -> tuple[str, ...]:
    velden: list[str] = []
    for d in delen:
        velden += [v for v in d.velden if v not in velden]
    return tuple(velden)


def _op_alle(args, pad, taal):
    delen = [compileer(a, pad + (i,), taal) for i, a in enumerate(_kinderen(args, pad, "alle"))]
    toetsen = tuple(d.toets for d in delen)

    def toets(bron):
        for t in toetsen:
            if not t(bron):
                return False
        return True

    def plek(bron):
        for d in delen:
            if not d.toets(bron):
                return d.plek(bron)
        return delen[0].plek(bron)
    tekst = delen[0].omschrijving if len(delen) == 1 else "alle volgende: " + "; ".join(
        f"({i + 1}) {d.omschrijving}" for i, d in enumerate(delen))
    return Voorwaarde(toets, plek, _samen(delen), tekst)


def _op_een_van(args, pad, taal):
    delen = [compileer(a, pad + (i,), taal) for i, a in enumerate(_kinderen(args, pad, "een_van"))]
    toetsen = tuple(d.toets for d in delen)

    def toets(bron):
        for t in toetsen:
            if t(bron):
                return True
        return False
    tekst = delen[0].omschrijving if len(delen) == 1 else "minstens één van: " + "; of ".join(
        f"({i + 1}) {d.omschrijving}" for i, d in enumerate(delen))
    # When none holds, show the first alternative: it is the one the uitleg names first.
    return Voorwaarde(toets, delen[0].plek, _samen(delen), tekst)


def _op_niet(args, pad, taal):
    if not isinstance(args, dict):
        raise Fout(pad, "'niet' verwacht één voorwaarde")
    deel = compileer(args, pad, taal)
    binnen = deel.toets
    tekst = deel.omschrijving
    tekst = tekst[:-len(" is ingevuld")] + " is leeg" if tekst.endswith(" is ingevuld") and "(" not in tekst else f"niet ({tekst})"
    return Voorwaarde(lambda b: not binnen(b), deel.plek, deel.velden, tekst)


@dataclass(frozen=True)
class Operator:
    compileer: Callable[[Any, tuple, Taal], Voorwaarde]
    uitleg: str  # one line for docs and error messages


OPERATOREN: dict[str, Operator] = {
    "aanwezig": Operator(_op_aanwezig, "het veld is ingevuld (niet leeg)"),
    "is_waar": Operator(_op_is_waar, "een ja/nee-veld staat op ja (true)"),
    "in_lijst": Operator(_op_in_lijst, "de waarde staat in een lijst (waarden, lijst of lijst_veld)"),
    "tussen": Operator(_op_tussen, "een getal ligt tussen min en max, of binnen het bereik uit een tabel per waarde"),
    "datum": Operator(_op_datum, "een datum ligt na/op_of_na/voor/op_of_voor de peildatum, een datum of een ander datumveld"),
    "aantal": Operator(_op_aantal, "een lijst heeft minstens min en hoogstens max items"),
    "lengte": Operator(_op_lengte, "een tekst heeft minstens min en hoogstens max tekens"),
    "bevat_woord": Operator(_op_bevat_woord, "een tekst bevat een woord uit een lijst (hele woorden, hoofdletterongevoelig)"),
    "vergelijk": Operator(_op_vergelijk, "vergelijkt een veld met een ander veld (met) of een vaste waarde (waarde)"),
    "alle": Operator(_op_alle, "alle voorwaarden in de lijst gelden"),
    "een_van": Operator(_op_een_van, "minstens één voorwaarde in de lijst geldt"),
    "niet": Operator(_op_niet, "de voorwaarde geldt niet"),
}


def compileer(voorwaarde: object, pad: tuple, taal: Taal) -> Voorwaarde:
    """Compile one condition (a mapping with exactly one operator key) into closures; raises Fout."""
    if not isinstance(voorwaarde, dict) or len(voorwaarde) != 1:
        raise Fout(pad, "een voorwaarde is een map met precies één operator, bijvoorbeeld 'aanwezig: kwaliteit.evaluatie'; "
                        f"operatoren: {', '.join(OPERATOREN)}")
    (naam, args), = voorwaarde.items()
    if naam not in OPERATOREN:
        raise Fout(pad + (naam,), f"onbekende operator '{naam}'; kies uit: {', '.join(OPERATOREN)}",
                   dichtstbij(str(naam), list(OPERATOREN)), sleutel=True)
    return OPERATOREN[naam].compileer(args, pad + (naam,), taal)
