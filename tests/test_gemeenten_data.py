"""Controles op schemas/gemeenten.yml (gemeentelijke indeling per 1 januari 2025)."""

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "schemas" / "gemeenten.yml"

VERWACHT_PER_PROVINCIE = {
    "groningen": 10,
    "friesland": 18,
    "drenthe": 12,
    "overijssel": 25,
    "flevoland": 6,
    "gelderland": 51,
    "utrecht": 26,
    "noord-holland": 44,
    "zuid-holland": 50,
    "zeeland": 13,
    "noord-brabant": 56,
    "limburg": 31,
}

MOETEN_BESTAAN = [
    "Dijk en Waard",
    "Land van Cuijk",
    "Maashorst",
    "Voorne aan Zee",
    "Eemsdelta",
    "Het Hogeland",
    "Westerkwartier",
    "Súdwest-Fryslân",
    "Noardeast-Fryslân",
    "Waadhoeke",
]

OPGEHEVEN = [
    "Brielle",
    "Hellevoetsluis",
    "Westvoorne",
    "Heerhugowaard",
    "Langedijk",
    "Weesp",
    "Appingedam",
    "Delfzijl",
    "Loppersum",
    "Boxmeer",
    "Cuijk",
    "Uden",
    "Landerd",
    "Haaren",
]

# Een paar codes die we los nakijken (nieuwe gemeenten en lastige namen).
BEKENDE_CODES = {
    "GM1980": "Dijk en Waard",
    "GM1982": "Land van Cuijk",
    "GM1991": "Maashorst",
    "GM1992": "Voorne aan Zee",
    "GM1979": "Eemsdelta",
    "GM0518": "'s-Gravenhage",
    "GM0796": "'s-Hertogenbosch",
    "GM0363": "Amsterdam",
    "GM0893": "Bergen (L.)",
    "GM0373": "Bergen (NH.)",
}


@pytest.fixture(scope="module")
def data():
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def gemeenten(data):
    return data["gemeenten"]


def test_peildatum(data):
    assert data["peildatum"] == datetime.date(2025, 1, 1)


def test_provincies(data):
    ids = [p["id"] for p in data["provincies"]]
    assert ids == list(VERWACHT_PER_PROVINCIE)
    namen = {p["id"]: p["naam"] for p in data["provincies"]}
    assert namen["friesland"] == "Fryslân"


def test_aantal(gemeenten):
    assert len(gemeenten) == 342


def test_velden(gemeenten):
    for g in gemeenten:
        assert set(g) <= {"code", "naam", "provincie", "synoniemen"}, g
        assert isinstance(g["naam"], str) and g["naam"].strip() == g["naam"] != ""
        if "synoniemen" in g:
            assert isinstance(g["synoniemen"], list) and g["synoniemen"], g
            assert all(isinstance(s, str) and s.strip() for s in g["synoniemen"]), g


def test_codes_uniek_en_geldig(gemeenten):
    codes = [g["code"] for g in gemeenten]
    assert all(re.fullmatch(r"GM\d{4}", c) for c in codes), codes
    dubbel = [c for c, n in Counter(codes).items() if n > 1]
    assert not dubbel


def test_bekende_codes(gemeenten):
    per_code = {g["code"]: g["naam"] for g in gemeenten}
    for code, naam in BEKENDE_CODES.items():
        assert per_code.get(code) == naam, code


def test_namen_uniek_en_gesorteerd(gemeenten):
    namen = [g["naam"] for g in gemeenten]
    dubbel = [n for n, k in Counter(n.casefold() for n in namen).items() if k > 1]
    assert not dubbel
    assert namen == sorted(namen)


def test_aantal_per_provincie(gemeenten):
    telling = Counter(g["provincie"] for g in gemeenten)
    assert dict(telling) == VERWACHT_PER_PROVINCIE
    assert sum(VERWACHT_PER_PROVINCIE.values()) == 342


@pytest.mark.parametrize("naam", MOETEN_BESTAAN)
def test_nieuwe_gemeenten_aanwezig(gemeenten, naam):
    assert naam in {g["naam"] for g in gemeenten}


@pytest.mark.parametrize("naam", OPGEHEVEN)
def test_opgeheven_gemeenten_afwezig(gemeenten, naam):
    alle = {g["naam"].casefold() for g in gemeenten}
    alle |= {s.casefold() for g in gemeenten for s in g.get("synoniemen", [])}
    assert naam.casefold() not in alle


def test_synoniemen_botsen_niet(gemeenten):
    namen = {g["naam"].casefold(): g["code"] for g in gemeenten}
    gezien = {}
    for g in gemeenten:
        for s in g.get("synoniemen", []):
            sleutel = s.casefold()
            assert sleutel not in namen, f"synoniem {s!r} is ook een gemeentenaam"
            assert sleutel not in gezien, f"synoniem {s!r} dubbel ({gezien.get(sleutel)} en {g['code']})"
            gezien[sleutel] = g["code"]


def test_den_haag_en_den_bosch(gemeenten):
    syn = {s: g["naam"] for g in gemeenten for s in g.get("synoniemen", [])}
    assert syn["Den Haag"] == "'s-Gravenhage"
    assert syn["Den Bosch"] == "'s-Hertogenbosch"
    assert "Bergen" not in syn
