"""Dutch messages read the way a course provider needs them: allowed values spelled out, numbers without '.0'."""

from __future__ import annotations

from pathlib import Path

from gevallen import PEILDATUM, SCHOLING, SCHOLING_PAD, maak_catalogus
from lab_catalogus.catalogus import laad_catalogus


def _meldingen(tmp_path: Path, tekst: str) -> dict:
    root = maak_catalogus(tmp_path / "catalogus", {SCHOLING_PAD: tekst})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    return {f.veld: f for f in gevonden if f.bestand == SCHOLING_PAD}


def test_korte_lijst_zonder_suggestie_noemt_de_keuzes(tmp_path: Path):
    regel = next(r for r in SCHOLING.splitlines() if r.startswith("carrierepad:"))
    meldingen = _meldingen(tmp_path, SCHOLING.replace(regel, "carrierepad: [E]"))
    melding = meldingen["carrierepad[1]"]
    assert melding.suggestie is None
    assert melding.boodschap.endswith("kies uit: A, B, C, D")


def test_grenzen_zonder_decimale_nul(tmp_path: Path):
    regel = next(r for r in SCHOLING.splitlines() if r.strip().startswith("uren:"))
    meldingen = _meldingen(tmp_path, SCHOLING.replace(regel, regel.split(":")[0] + ": 0"))
    assert meldingen["tijdsinvestering.uren"].boodschap == "moet groter zijn dan 0"
