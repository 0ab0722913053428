"""Structurele controles op schemas/begrippenkader.yml (alleen yaml + stdlib)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

PAD = Path(__file__).resolve().parents[1] / "schemas" / "begrippenkader.yml"

ID_PATROON = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Lijsten in de vaste volgorde, met de ids die er minimaal in moeten staan.
VERPLICHT: dict[str, set[str]] = {
    "scholingsvormen": {
        "cursus", "training", "opleiding", "leergang", "workshop", "webinar",
        "e-learning", "intervisie", "kennisdag", "meeloopdag", "masterclass",
        "coaching",
    },
    "themas": {
        "samenwerken-en-netwerken", "sociaal-domein", "sportbeleid",
        "monitoren-en-evalueren", "borging-en-impact", "inclusie-en-diversiteit",
        "sociaal-veilige-sport", "vitale-sportaanbieders", "vaardig-in-bewegen",
        "openbare-ruimte", "gezondheid-en-preventie", "clubondersteuning",
    },
    "doelgroepen": {
        "kinderen", "jongeren", "ouderen", "mensen-met-een-beperking",
        "lage-ses", "statushouders",
    },
    "carrierepad": {"A", "B", "C", "D"},
    "functieprofielen": {
        "buurtsportcoach", "cultuurcoach", "coordinator-sport-en-preventie",
        "beweegcoach", "combinatiefunctionaris-onderwijs", "clubkadercoach",
    },
    "niveaus": {"basis", "verdieping", "specialisatie"},
    "locatievormen": {"fysiek", "online", "hybride", "incompany"},
    "btw": {"vrijgesteld", "inclusief", "exclusief"},
    "routes": {"bestaand", "nieuw"},
    "erkenningen": {"crkbo", "nrto", "spn", "kss", "ask", "lab"},
    "kwaliteitszorg": {"spn", "ask", "kss", "lab"},
    "aanbiedertypes": {
        "hbo", "mbo", "wo", "provinciale-sportorganisatie", "sportbond",
        "kenniscentrum", "opleider", "gemeente", "sportbedrijf", "overig",
    },
    "partnerrollen": {
        "gemeente", "sportaanbieder", "sportplatform", "sportbond",
        "sportbedrijf", "provinciale-sportorganisatie", "welzijn", "zorg",
        "onderwijs", "bedrijfsleven", "overig",
    },
    "sportplatformrollen": {"strategisch", "coordinerend", "uitvoerend"},
    "loketdiensten": set(),
    "loket_kaders": {
        "regiepunt", "proactief_contact", "budgetten", "kwaliteitszorg",
        "netwerk_in_beeld", "data_en_kennis", "werkgebied_afgestemd",
        "overzicht", "intentieverklaring",
    },
    "provincies": {
        "groningen", "friesland", "drenthe", "overijssel", "flevoland",
        "gelderland", "utrecht", "noord-holland", "zuid-holland", "zeeland",
        "noord-brabant", "limburg",
    },
    "regios": {"noord", "oost", "zuid", "noordwest", "zuidwest"},
}

CARRIEREPAD = {"A", "B", "C", "D"}


@pytest.fixture(scope="module")
def kader() -> dict:
    with PAD.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def lijsten(kader: dict) -> dict:
    assert isinstance(kader.get("lijsten"), dict)
    return kader["lijsten"]


def _termen(lijsten: dict, naam: str) -> list[dict]:
    termen = lijsten[naam]["termen"]
    assert isinstance(termen, list) and termen, naam
    return termen


def test_versie(kader: dict) -> None:
    assert kader.get("versie") == 1


def test_alle_lijsten_aanwezig_in_volgorde(lijsten: dict) -> None:
    assert list(lijsten) == list(VERPLICHT)


@pytest.mark.parametrize("naam", list(VERPLICHT))
def test_lijst_heeft_label_en_definitie(lijsten: dict, naam: str) -> None:
    lijst = lijsten[naam]
    for sleutel in ("label", "definitie"):
        waarde = lijst.get(sleutel)
        assert isinstance(waarde, str) and waarde.strip(), (naam, sleutel)


@pytest.mark.parametrize("naam", list(VERPLICHT))
def test_verplichte_ids_aanwezig(lijsten: dict, naam: str) -> None:
    ids = {t["id"] for t in _termen(lijsten, naam)}
    ontbrekend = VERPLICHT[naam] - ids
    assert not ontbrekend, (naam, sorted(ontbrekend))


def test_loket_kaders_precies_negen(lijsten: dict) -> None:
    ids = [t["id"] for t in _termen(lijsten, "loket_kaders")]
    assert sorted(ids) == sorted(VERPLICHT["loket_kaders"])
    # The loket record has one yes/no field per kader: a kader added here without a field would
    # make every loket "in ontwikkeling", with no way for its author to fill it in.
    from lab_catalogus.models import Kaders
    assert set(Kaders.model_fields) == set(ids)


def test_loketdiensten_genoeg(lijsten: dict) -> None:
    assert len(_termen(lijsten, "loketdiensten")) >= 6


@pytest.mark.parametrize("naam", list(VERPLICHT))
def test_ids_uniek_en_geldig(lijsten: dict, naam: str) -> None:
    ids = [t.get("id") for t in _termen(lijsten, naam)]
    assert len(ids) == len(set(ids)), naam
    for term_id in ids:
        assert isinstance(term_id, str), (naam, term_id)
        if naam == "carrierepad":
            assert term_id in CARRIEREPAD
        elif naam == "loket_kaders":
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", term_id), term_id
        else:
            assert ID_PATROON.fullmatch(term_id), (naam, term_id)


@pytest.mark.parametrize("naam", list(VERPLICHT))
def test_termen_hebben_label_en_definitie(lijsten: dict, naam: str) -> None:
    for term in _termen(lijsten, naam):
        for sleutel in ("label", "definitie"):
            waarde = term.get(sleutel)
            assert isinstance(waarde, str) and waarde.strip(), (naam, term.get("id"), sleutel)


@pytest.mark.parametrize("naam", list(VERPLICHT))
def test_synoniemen_botsen_niet(lijsten: dict, naam: str) -> None:
    termen = _termen(lijsten, naam)
    # Per term: de namen waaronder hij zelf bekend is (id en label).
    eigen = {t["id"]: {str(t["id"]).lower(), t["label"].lower()} for t in termen}
    gezien: dict[str, str] = {}
    for term in termen:
        synoniemen = term.get("synoniemen", [])
        assert isinstance(synoniemen, list), (naam, term["id"])
        for syn in synoniemen:
            assert isinstance(syn, str) and syn.strip(), (naam, term["id"], syn)
            assert syn == syn.lower(), (naam, term["id"], syn)
            for ander_id, namen in eigen.items():
                if ander_id != term["id"]:
                    assert syn not in namen, (naam, term["id"], syn, ander_id)
            assert syn not in gezien or gezien[syn] == term["id"], (naam, syn)
            gezien[syn] = term["id"]


def test_niveaus_carrierepad(lijsten: dict) -> None:
    for term in _termen(lijsten, "niveaus"):
        pad = term.get("carrierepad")
        assert isinstance(pad, list) and pad, term["id"]
        assert set(pad) <= CARRIEREPAD, (term["id"], pad)
        assert len(pad) == len(set(pad)), term["id"]


def test_regios_dekken_alle_provincies_precies_een_keer(lijsten: dict) -> None:
    provincie_ids = {t["id"] for t in _termen(lijsten, "provincies")}
    alle: list[str] = []
    for term in _termen(lijsten, "regios"):
        provs = term.get("provincies")
        assert isinstance(provs, list) and provs, term["id"]
        alle.extend(provs)
        academie = term.get("academie")
        assert isinstance(academie, str) and academie.strip(), term["id"]
    assert len(alle) == len(set(alle)), "provincie in meer dan één regio"
    assert set(alle) == provincie_ids
    assert len(provincie_ids) == 12
