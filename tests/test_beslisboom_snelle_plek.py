"""The fast locator must agree with positions.Posities wherever it answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from lab_catalogus.positions import Posities
from lab_catalogus.snelle_plek import zoek

REPO = Path(__file__).resolve().parent.parent
BESTANDEN = sorted((REPO / "content").rglob("*.yml")) + sorted((Path(__file__).parent / "fixtures" / "beslisboom").rglob("*.yml"))

EXTRA = """\
titel: Test
kosten:   # met commentaar
  bedrag: 12
  toelichting: >-
    Lange tekst
lijst:
- a
- {start: 2027-01-01}
leeg_blok:
  - x
kaart: {a: 1, b: [2, 3]}
"""


def _paden(posities: Posities) -> set[tuple]:
    paden = {p for p in posities.waarden if 1 <= len(p) <= 2}
    for p in list(paden):  # and paths that do not exist: missing child, index past the end, missing key
        paden |= {(p[0], "bestaat_niet"), (p[0], 99), ("ontbreekt",), ("ontbreekt", "ook")}
    return paden


@pytest.mark.parametrize("pad", BESTANDEN + ["EXTRA"], ids=lambda p: p if isinstance(p, str) else p.name)
def test_gelijk_aan_posities(pad):
    tekst = EXTRA if pad == "EXTRA" else pad.read_text(encoding="utf-8")
    posities = Posities(tekst)
    beantwoord = 0
    for veldpad in _paden(posities):
        snel = zoek(tekst, veldpad)
        if snel is not None:
            beantwoord += 1
            assert snel == posities.zoek(veldpad), veldpad
    assert beantwoord  # the scanner must actually cover these simple records


def test_twijfel_geeft_none():
    assert zoek("a: 'x: y'\n", ("a", "x")) is None
    assert zoek("a: &anker 1\nb: *anker\n", ("b",)) is None
    assert zoek("a:\n  b:\n    c: 1\n", ("a", "b", "c")) is None
