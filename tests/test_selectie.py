"""Publication rules (selectie.py) on the example catalogue plus edited copies of its records."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from lab_catalogus.beslisboom import MET_AANDACHTSPUNTEN, NIET_GESCHIKT
from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.selectie import eerstvolgende_start, is_gepubliceerd, komende_uitvoeringen, selecteer

PEILDATUM = datetime.date(2027, 1, 15)


def _schrijf(root: Path, record_id: str, **wijzigingen) -> None:
    data = yaml.safe_load((root / "content/scholing/werken-met-netwerken.yml").read_text(encoding="utf-8"))
    data.update(wijzigingen)
    (root / f"content/scholing/{record_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_regio_selectie_volgt_regios(catalogus_kopie: Path):
    cat, _ = laad_catalogus(catalogus_kopie, PEILDATUM)
    for regio in ("noord", "oost", "zuid", "noordwest", "zuidwest"):
        selectie = selecteer(cat, regio)
        assert selectie.scholing == sorted(i for i, s in cat.scholing.items() if regio in s.regios and is_gepubliceerd(cat, i))
        for aanbieder_id in selectie.aanbieders:
            assert all(cat.scholing[i].aanbieder == aanbieder_id for i in selectie.aanbod_per_aanbieder[aanbieder_id])
        for loket_id in selectie.loketten:
            assert regio in cat.loket_statussen[loket_id].regios
    landelijk = selecteer(cat, None)
    assert landelijk.landelijk and landelijk.site == "landelijk"
    assert set(landelijk.loketten) == set(cat.loketten)
    assert landelijk.academies_per_scholing["werken-met-netwerken"] == ["noord", "oost"]


def test_verlopen_nooit_gepubliceerd(catalogus_kopie: Path):
    _schrijf(catalogus_kopie, "verlopen-aanbod", geldig_tot=datetime.date(2027, 1, 14))
    _schrijf(catalogus_kopie, "laatste-dag", geldig_tot=PEILDATUM)
    cat, _ = laad_catalogus(catalogus_kopie, PEILDATUM)
    for regio in (None, "noord", "oost"):
        ids = selecteer(cat, regio).scholing
        assert "verlopen-aanbod" not in ids
        assert "laatste-dag" in ids  # geldig_tot is the last day it is shown


def test_niet_geschikt_nooit_gepubliceerd(catalogus_kopie: Path):
    # Only past runs and not 'doorlopend': the real beslisboom judges it niet geschikt.
    _schrijf(catalogus_kopie, "zonder-startmoment", doorlopend=False,
             uitvoeringen=[{"start": datetime.date(2026, 9, 1), "eind": datetime.date(2026, 9, 29)}])
    cat, _ = laad_catalogus(catalogus_kopie, PEILDATUM)
    assert cat.oordelen["zonder-startmoment"].uitslag == NIET_GESCHIKT
    for regio in (None, "noord", "oost"):
        assert "zonder-startmoment" not in selecteer(cat, regio).scholing
    assert not is_gepubliceerd(cat, "zonder-startmoment")

    # The rule also holds for a catalogue handed in that still holds a record with such a verdict:
    # give a published record the real 'niet geschikt' verdict, then a real 'met aandachtspunten' one.
    assert "werken-met-netwerken" in selecteer(cat, "noord").scholing
    cat.oordelen["werken-met-netwerken"] = cat.oordelen["zonder-startmoment"]
    assert not is_gepubliceerd(cat, "werken-met-netwerken")
    assert "werken-met-netwerken" not in selecteer(cat, "noord").scholing
    aandacht = next(o for o in cat.oordelen.values() if o.uitslag == MET_AANDACHTSPUNTEN)
    cat.oordelen["werken-met-netwerken"] = aandacht
    assert "werken-met-netwerken" in selecteer(cat, "noord").scholing


def test_verleden_uitvoeringen_verborgen(catalogus_kopie: Path):
    _schrijf(catalogus_kopie, "met-oud", uitvoeringen=[
        {"start": datetime.date(2026, 10, 1), "eind": datetime.date(2026, 10, 8)},
        {"start": datetime.date(2027, 1, 10), "eind": datetime.date(2027, 2, 1)},
        {"start": datetime.date(2027, 3, 1), "eind": datetime.date(2027, 3, 8)}])
    cat, _ = laad_catalogus(catalogus_kopie, PEILDATUM)
    scholing = cat.scholing["met-oud"]
    assert [u.start for u in komende_uitvoeringen(scholing, PEILDATUM)] == [datetime.date(2027, 1, 10), datetime.date(2027, 3, 1)]
    assert eerstvolgende_start(scholing, PEILDATUM) == datetime.date(2027, 3, 1)
