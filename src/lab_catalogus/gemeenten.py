"""Dutch municipalities (1 January 2025) with CBS code and province, from schemas/gemeenten.yml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .kader import BegrippenkaderFout, lees_gegevens
from .suggest import dichtstbij


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    provincie: str
    synoniemen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Provincie:
    id: str
    naam: str


@dataclass(frozen=True)
class Gemeentelijst:
    gemeenten: tuple[Gemeente, ...]
    provincies: tuple[Provincie, ...]

    @cached_property
    def per_spelling(self) -> dict[str, Gemeente]:
        index: dict[str, Gemeente] = {}
        for gemeente in self.gemeenten:
            for spelling in (gemeente.naam, *gemeente.synoniemen):
                index[spelling] = gemeente
        return index

    @cached_property
    def provincie_naam(self) -> dict[str, str]:
        return {p.id: p.naam for p in self.provincies}

    def zoek(self, naam: object) -> Gemeente | None:
        """Exact official name or known synonym ('Den Haag'); nothing fuzzier is accepted."""
        return self.per_spelling.get(naam) if isinstance(naam, str) else None

    def suggestie(self, naam: object) -> str | None:
        treffer = dichtstbij(naam, {s: g.naam for s, g in self.per_spelling.items()}, cutoff=0.75)
        return treffer


def laad_gemeenten(pad: Path) -> Gemeentelijst:
    data = lees_gegevens(pad, "de gemeentelijst")
    try:
        gemeenten = tuple(
            Gemeente(g["code"], g["naam"], g["provincie"], tuple(g.get("synoniemen") or ()))
            for g in data["gemeenten"]
        )
        provincies = tuple(Provincie(p["id"], p["naam"]) for p in data["provincies"])
    except (TypeError, KeyError) as fout:
        raise BegrippenkaderFout(f"{pad}: gemeentelijst heeft niet de verwachte vorm ({fout})") from None
    return Gemeentelijst(gemeenten, provincies)
