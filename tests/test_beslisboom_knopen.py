"""Every node of schemas/beslisboom.yml with a record that passes it and one that fails it.

The table below must name every node in the real tree file: adding a node
without tests makes `test_elke_knoop_heeft_gevallen` fail.
"""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import pytest

from lab_catalogus.beslisboom import (GESCHIKT, MET_AANDACHTSPUNTEN, NIET_GESCHIKT, laad_beslisboom)
from lab_catalogus.catalogus import laad_context
from lab_catalogus.models import Aanbieder, Scholing

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2026, 11, 23)

BASIS = {
    "titel": "Werken met netwerken in de wijk",
    "aanbieder": "voorbeeld-opleider",
    "vorm": "training",
    "samenvatting": "Training over samenwerken met partners in de wijk, voor buurtsportcoaches.",
    "doel": "Je leert je netwerk in kaart te brengen en samenwerking met partners in de wijk op te bouwen.",
    "leeruitkomsten": ["Je kunt een netwerkkaart van je wijk opstellen.",
                       "Je kunt een samenwerkingsoverleg voorbereiden en leiden."],
    "carrierepad": ["B", "C"],
    "niveau": "verdieping",
    "themas": ["samenwerken-en-netwerken"],
    "instapvoorwaarden": "Geen",
    "tijdsinvestering": {"uren": 12},
    "kosten": {"bedrag": 250, "btw": "vrijgesteld"},
    "locatie": {"vorm": "fysiek", "plaats": "Zwolle", "gemeente": "Zwolle"},
    "regios": ["oost"],
    "uitvoeringen": [{"start": datetime.date(2027, 3, 1), "eind": datetime.date(2027, 3, 29)}],
    "aanmelden": "https://voorbeeld-opleider.example.nl/aanmelden",
    "contact": {"email": "info@voorbeeld-opleider.example.nl"},
    "kwaliteit": {"erkenningen": ["crkbo"], "evaluatie": "Schriftelijke evaluatie na afloop met alle deelnemers."},
    "route": "bestaand",
    "geldig_tot": datetime.date(2027, 12, 31),
}

AANBIEDER = {
    "naam": "Voorbeeld Opleider",
    "type": "opleider",
    "website": "https://voorbeeld-opleider.example.nl",
    "beschrijving": "Een opleider voor professionals in sport en bewegen, voor tests.",
    "contact": {"email": "info@voorbeeld-opleider.example.nl"},
}


def _zet(data: dict, pad: str, waarde) -> None:
    *ouders, laatste = pad.split(".")
    for deel in ouders:
        data = data.setdefault(deel, {})
    if waarde is _WEG:
        data.pop(laatste, None)
    else:
        data[laatste] = waarde


_WEG = object()

# node id -> (changes that still pass the node, changes that fail it). Each passing
# variant tests a different way to pass (or a boundary value).
GEVALLEN: dict[str, tuple[list[dict], dict]] = {
    "inschrijfmoment": (
        [{}, {"uitvoeringen": [], "doorlopend": True},
         {"uitvoeringen": [], "locatie": {"vorm": "incompany"}},
         {"uitvoeringen": [{"start": PEILDATUM, "eind": PEILDATUM}]}],
        {"uitvoeringen": [{"start": datetime.date(2026, 9, 1), "eind": datetime.date(2026, 12, 1)}]},
    ),
    "geldig": (
        [{}, {"geldig_tot": _WEG}, {"geldig_tot": PEILDATUM}],
        {"geldig_tot": datetime.date(2026, 11, 22)},
    ),
    "leeruitkomsten-meetbaar": (
        [{"leeruitkomsten": ["Je kunt in kaart brengen wie je partners zijn."]}],
        {"leeruitkomsten": ["Je kunt een netwerkkaart opstellen.", "Je begrijpt het belang van netwerken."]},
    ),
    "kwaliteitsborging": (
        [{"kwaliteit": _WEG, "@aanbieder": {"erkenningen": ["nrto"]}},
         {"kwaliteit": {"evaluatie": "Mondelinge evaluatie aan het eind van de dag."}}],
        {"kwaliteit": _WEG},
    ),
    "evaluatie-deelnemers": (
        [{"kwaliteit.evaluatie": "Evaluatie met een vragenlijst."}],
        {"kwaliteit.evaluatie": "Ja, na afloop."},
    ),
    "carrierepad-past-bij-niveau": (
        [{"niveau": "specialisatie", "carrierepad": ["D"]}],
        {"niveau": "basis", "carrierepad": ["A", "D"]},
    ),
    "tijdsinvestering-aannemelijk": (
        [{"vorm": "webinar", "tijdsinvestering.uren": 4}, {"vorm": "leergang", "tijdsinvestering.uren": 20}],
        {"vorm": "leergang", "tijdsinvestering.uren": 3},
    ),
    "kosten-toelichting": (
        [{"kosten.bedrag": 500}, {"kosten.bedrag": 850, "kosten.toelichting": "Inclusief lunch en reader."}],
        {"kosten.bedrag": 850},
    ),
    "locatie-in-regio": (
        [{"regios": ["zuid", "oost"]}, {"locatie": {"vorm": "hybride", "plaats": "Maastricht", "gemeente": "Maastricht"},
                                         "regios": ["zuid"]}],
        {"regios": ["zuid"]},
    ),
    "nieuw-aanbod-vraag": (
        [{"route": "nieuw", "doel": "Deze pilot is ontwikkeld op vraag van buurtsportcoaches in de regio Oost."}],
        {"route": "nieuw"},
    ),
}

# Failing one node inherently fails these too (no kwaliteit at all: no evaluation either).
SAMEN_NIET_VOLDAAN = {"kwaliteitsborging": ("evaluatie-deelnemers",)}

# Nodes that do not apply to the base record under these changes (answer 'n.v.t.').
NIET_VAN_TOEPASSING = {
    "carrierepad-past-bij-niveau": {"niveau": _WEG, "carrierepad": ["A", "D"]},
    "locatie-in-regio": {"locatie": {"vorm": "online"}, "regios": ["zuid"]},
    "nieuw-aanbod-vraag": {"route": "bestaand", "doel": "Zonder vraagwoord, maar dat hoeft bij bestaand aanbod niet hier."},
}


@pytest.fixture(scope="module")
def context():
    return laad_context(REPO, PEILDATUM)


@pytest.fixture(scope="module")
def boom(context):
    return laad_beslisboom(REPO / "schemas" / "beslisboom.yml", context.kader)


def _oordeel(boom, context, wijzigingen: dict):
    data = copy.deepcopy(BASIS)
    aanbieder_data = copy.deepcopy(AANBIEDER)
    for pad, waarde in wijzigingen.items():
        if pad == "@aanbieder":
            aanbieder_data.update(waarde)
        else:
            _zet(data, pad, waarde)
    scholing = Scholing.model_validate(data, context=context.validatie)
    aanbieder = Aanbieder.model_validate(aanbieder_data, context=context.validatie)
    return boom.beoordeel(scholing, aanbieder, PEILDATUM, context.kader, context.gemeenten)


def test_elke_knoop_heeft_gevallen(boom):
    assert [k.id for k in boom.knopen] == list(GEVALLEN)


def test_basisrecord_is_geschikt(boom, context):
    oordeel = _oordeel(boom, context, {})
    assert oordeel.uitslag == GESCHIKT
    assert all(s.voldaan for s in oordeel.stappen)


@pytest.mark.parametrize("knoop_id", list(GEVALLEN))
def test_knoop_voldaan(boom, context, knoop_id):
    for wijziging in GEVALLEN[knoop_id][0]:
        oordeel = _oordeel(boom, context, wijziging)
        stap = next(s for s in oordeel.stappen if s.id == knoop_id)
        assert stap.voldaan and stap.van_toepassing, (knoop_id, wijziging)


@pytest.mark.parametrize("knoop_id", list(GEVALLEN))
def test_knoop_niet_voldaan(boom, context, knoop_id):
    oordeel = _oordeel(boom, context, GEVALLEN[knoop_id][1])
    niet_voldaan = [s.id for s in oordeel.stappen if not s.voldaan]
    assert niet_voldaan == [knoop_id, *SAMEN_NIET_VOLDAAN.get(knoop_id, ())]
    knoop = boom.knoop(knoop_id)
    verwacht = NIET_GESCHIKT if knoop.uitkomst == "blokkerend" else MET_AANDACHTSPUNTEN
    assert oordeel.uitslag == verwacht
    stap = next(s for s in oordeel.stappen if s.id == knoop_id)
    assert stap.antwoord == "nee" and stap.uitleg == knoop.uitleg and stap.plek


@pytest.mark.parametrize("knoop_id", list(NIET_VAN_TOEPASSING))
def test_knoop_niet_van_toepassing(boom, context, knoop_id):
    oordeel = _oordeel(boom, context, NIET_VAN_TOEPASSING[knoop_id])
    stap = next(s for s in oordeel.stappen if s.id == knoop_id)
    assert stap.antwoord == "n.v.t." and stap.voldaan


def test_plek_wijst_naar_het_item_dat_niet_voldoet(boom, context):
    oordeel = _oordeel(boom, context, GEVALLEN["leeruitkomsten-meetbaar"][1])
    assert oordeel.aandachtspunten[0].plek == "leeruitkomsten[2]"
    oordeel = _oordeel(boom, context, GEVALLEN["inschrijfmoment"][1])
    assert oordeel.blokkades[0].plek == "uitvoeringen"


def test_uitslag_hangt_af_van_peildatum(boom, context):
    data = copy.deepcopy(BASIS)
    scholing = Scholing.model_validate(data, context=context.validatie)
    voor = boom.beoordeel(scholing, None, datetime.date(2027, 3, 1), context.kader, context.gemeenten)
    na = boom.beoordeel(scholing, None, datetime.date(2027, 3, 2), context.kader, context.gemeenten)
    assert voor.uitslag == GESCHIKT and na.uitslag == NIET_GESCHIKT
    assert [s.id for s in na.blokkades] == ["inschrijfmoment"]
    # Deterministic: the same input gives the same verdict.
    assert boom.beoordeel(scholing, None, datetime.date(2027, 3, 2), context.kader, context.gemeenten) == na


def test_oordeel_als_dict(boom, context):
    oordeel = _oordeel(boom, context, GEVALLEN["kosten-toelichting"][1])
    data = oordeel.als_dict()
    assert data["uitslag"] == MET_AANDACHTSPUNTEN
    assert data["aandachtspunten"] == ["kosten-toelichting"] and data["blokkades"] == []
    assert data["peildatum"] == "2026-11-23"
    stap = next(s for s in data["stappen"] if s["id"] == "kosten-toelichting")
    assert stap["antwoord"] == "nee" and stap["velden"] == ["kosten.bedrag", "kosten.toelichting"]
    assert stap["plek"] == "kosten.bedrag"


def test_knopen_voor_de_sites(boom):
    for knoop in boom.knopen:
        assert knoop.vraag.endswith("?") and knoop.uitleg and knoop.omschrijving
        assert knoop.uitkomst in ("blokkerend", "aandachtspunt")
    uren = boom.knoop("tijdsinvestering-aannemelijk")
    assert "webinar: tussen 0,5 en 4" in uren.omschrijving
    assert boom.knoop("nieuw-aanbod-vraag").alleen_als == "'route' is een van: nieuw"
    assert boom.knoop("geldig").omschrijving.startswith("minstens één van: (1) 'geldig_tot' is leeg")
