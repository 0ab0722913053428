"""The begrippenkader (shared vocabulary), loaded from schemas/begrippenkader.yml.

No term list lives in code: every vocabulary check asks this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .suggest import dichtstbij, normaliseer
from .yaml_reader import lees_bestand


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    definitie: str
    synoniemen: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Lijst:
    naam: str
    label: str
    definitie: str
    termen: tuple[Term, ...]

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(t.id for t in self.termen)

    @cached_property
    def per_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.termen}

    def label_van(self, term_id: str) -> str:
        term = self.per_id.get(term_id)
        return term.label if term else term_id

    @cached_property
    def _spellingen(self) -> dict[str, str]:
        """Every way people might write a term -> its id."""
        spellingen: dict[str, str] = {}
        for term in self.termen:
            for spelling in (term.id, term.label, *term.synoniemen):
                spellingen.setdefault(spelling, term.id)
        return spellingen

    def suggestie(self, waarde: object) -> str | None:
        return dichtstbij(waarde, self._spellingen)

    def is_label_of_synoniem(self, waarde: object) -> str | None:
        """The id when `waarde` is exactly a label or synonym (not the id itself)."""
        if not isinstance(waarde, str):
            return None
        sleutel = normaliseer(waarde)
        for spelling, term_id in self._spellingen.items():
            if normaliseer(spelling) == sleutel and waarde != term_id:
                return term_id
        return None


class BegrippenkaderFout(Exception):
    """The vocabulary file itself is broken: nothing can be checked against it."""


def lees_gegevens(pad: Path, wat: str) -> object:
    """The data of a shared data file (edited by pull request, so untrusted), read like a record.

    The record reader's limits on size, nesting depth and aliases apply: plain `yaml.load`
    lets a deeply nested file crash the process in libyaml.
    """
    gelezen = lees_bestand(pad, str(pad))
    fouten = [f for f in gelezen.findings if f.is_fout]
    if fouten:
        f = fouten[0]
        plek = f":{f.regel}:{f.kolom}" if f.regel and f.kolom else ""
        raise BegrippenkaderFout(f"{pad}{plek}: kan {wat} niet lezen: {f.boodschap}")
    return gelezen.data


@dataclass(frozen=True)
class Begrippenkader:
    lijsten: dict[str, Lijst]
    bron: str = ""

    def lijst(self, naam: str) -> Lijst:
        try:
            return self.lijsten[naam]
        except KeyError:
            raise BegrippenkaderFout(f"{self.bron}: de lijst '{naam}' ontbreekt in het begrippenkader") from None

    def ids(self, naam: str) -> frozenset[str]:
        return self.lijst(naam).ids

    def label(self, naam: str, term_id: str) -> str:
        return self.lijst(naam).label_van(term_id)

    def term(self, naam: str, term_id: str) -> Term | None:
        return self.lijst(naam).per_id.get(term_id)

    def regio_provincies(self) -> dict[str, tuple[str, ...]]:
        return {t.id: tuple(t.extra.get("provincies", ())) for t in self.lijst("regios").termen}


def laad_begrippenkader(pad: Path) -> Begrippenkader:
    data = lees_gegevens(pad, "het begrippenkader")
    if not isinstance(data, dict) or not isinstance(data.get("lijsten"), dict):
        raise BegrippenkaderFout(f"{pad}: verwacht een map 'lijsten' met de woordenlijsten")
    lijsten = {}
    for naam, lijst in data["lijsten"].items():
        if not isinstance(lijst, dict) or not isinstance(lijst.get("termen"), list):
            raise BegrippenkaderFout(f"{pad}: lijst '{naam}' heeft geen 'termen'")
        termen = []
        for i, term in enumerate(lijst["termen"]):
            if not isinstance(term, dict) or "id" not in term:
                raise BegrippenkaderFout(f"{pad}: lijst '{naam}', term {i + 1} heeft geen 'id'")
            rest = {k: v for k, v in term.items() if k not in ("id", "label", "definitie", "synoniemen")}
            termen.append(Term(str(term["id"]), str(term.get("label", term["id"])), str(term.get("definitie", "")),
                               tuple(str(s) for s in term.get("synoniemen") or ()), rest))
        lijsten[naam] = Lijst(naam, str(lijst.get("label", naam)), str(lijst.get("definitie", "")), tuple(termen))
    return Begrippenkader(lijsten, str(pad))
