"""Findings: the one list every front end (terminal, GitHub, PR report, JSON) formats.

The core never prints; it returns findings. A finding starts life tied to a
field path inside a record (`Issue`); `locate` turns it into a `Finding` with
line and column once the file's YAML positions are known.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Ernst = Literal["fout", "waarschuwing"]
FOUT: Ernst = "fout"
WAARSCHUWING: Ernst = "waarschuwing"

Pad = tuple  # field path inside a record, e.g. ("kosten", "btw") or ("uitvoeringen", 0, "eind")


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with a record, located by field path rather than by line."""

    pad: Pad
    ernst: Ernst
    boodschap: str
    suggestie: str | None = None
    code: str = ""
    # "sleutel" points at the key itself (unknown or duplicate key), "waarde" at its value.
    doel: Literal["sleutel", "waarde"] = "waarde"


@dataclass(frozen=True, slots=True)
class Finding:
    bestand: str
    regel: int | None
    kolom: int | None
    ernst: Ernst
    veld: str
    boodschap: str
    suggestie: str | None = None
    code: str = ""

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_fout(self) -> bool:
        return self.ernst == FOUT


def pad_als_tekst(pad: Pad) -> str:
    """('uitvoeringen', 0, 'eind') -> 'uitvoeringen[1].eind' (1-based, as people count)."""
    tekst = ""
    for deel in pad:
        if isinstance(deel, int):
            tekst += f"[{deel + 1}]"
        else:
            tekst += ("." if tekst else "") + str(deel)
    return tekst


def sorteer(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.bestand, f.regel or 0, f.kolom or 0, f.veld, f.boodschap))
