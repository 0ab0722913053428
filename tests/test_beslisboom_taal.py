"""The condition language and the validation of a tree file (located findings, no tracebacks)."""

from __future__ import annotations

import copy
import datetime
import textwrap
from pathlib import Path

import pytest

from lab_catalogus.beslisboom import BeslisboomFout, laad_beslisboom
from lab_catalogus.catalogus import laad_context
from lab_catalogus.models import Scholing
from lab_catalogus.voorwaarden import OPERATOREN

from test_beslisboom_knopen import BASIS, PEILDATUM, REPO

FIXTURES = Path(__file__).parent / "fixtures" / "beslisboom" / "bomen"


@pytest.fixture(scope="module")
def context():
    return laad_context(REPO, PEILDATUM)


def _boom(tmp_path: Path, knopen: str, kop: str = "") -> Path:
    pad = tmp_path / "beslisboom.yml"
    pad.write_text(textwrap.dedent(kop) + "knopen:\n" + textwrap.indent(textwrap.dedent(knopen), "  "), encoding="utf-8")
    return pad


def _een_knoop(voorwaarde: str) -> str:
    return ("- id: vraag\n  vraag: Klopt het?\n  uitkomst: aandachtspunt\n  uitleg: Omdat het moet.\n  voorwaarde:\n"
            + textwrap.indent(textwrap.dedent(voorwaarde).strip() + "\n", "    "))


def _toets(tmp_path, context, voorwaarde: str, wijzigingen: dict | None = None, kop: str = "") -> bool:
    boom = laad_beslisboom(_boom(tmp_path, _een_knoop(voorwaarde), kop))
    data = copy.deepcopy(BASIS)
    data.update(wijzigingen or {})
    scholing = Scholing.model_validate(data, context=context.validatie)
    return boom.beoordeel(scholing, None, PEILDATUM, context.kader, context.gemeenten).stappen[0].voldaan


# (operator, condition, changes to the base record that make it pass, ... that make it fail)
OPERATOR_GEVALLEN = [
    ("aanwezig", "aanwezig: niveau", {}, {"niveau": None}),
    ("is_waar", "is_waar: doorlopend", {"doorlopend": True}, {}),
    ("in_lijst", "in_lijst: {veld: vorm, waarden: [training, cursus]}", {}, {"vorm": "webinar"}),
    ("tussen", "tussen: {veld: tijdsinvestering.uren, min: 10, max: 12}", {}, {"tijdsinvestering": {"uren": 12.5}}),
    ("datum", "datum: {veld: geldig_tot, na: peildatum, dagen: 30}", {}, {"geldig_tot": datetime.date(2026, 12, 23)}),
    ("aantal", "aantal: {veld: leeruitkomsten, min: 2}", {}, {"leeruitkomsten": ["Je kunt iets opstellen."]}),
    ("lengte", "lengte: {veld: titel, max: 40}", {}, {"titel": "Een titel die duidelijk langer is dan veertig tekens"}),
    ("bevat_woord", "bevat_woord: {veld: samenvatting, woorden: [wijk]}", {},
     {"samenvatting": "Training over samenwerken met partners in wijken en buurten."}),
    ("vergelijk", "vergelijk: {veld: uitvoeringen[*].eind, is: groter_dan, met: uitvoeringen[*].start}", {}, {}),
    ("alle", "alle: [{aanwezig: niveau}, {is_waar: doorlopend}]", {"doorlopend": True}, {}),
    ("een_van", "een_van: [{aanwezig: trefwoorden}, {is_waar: doorlopend}]", {"doorlopend": True}, {}),
    ("niet", "niet: {is_waar: doorlopend}", {}, {"doorlopend": True}),
]


def test_elke_operator_heeft_gevallen():
    assert sorted(g[0] for g in OPERATOR_GEVALLEN) == sorted(OPERATOREN)


@pytest.mark.parametrize("operator,voorwaarde,goed,fout", OPERATOR_GEVALLEN, ids=[g[0] for g in OPERATOR_GEVALLEN])
def test_operator(tmp_path, context, operator, voorwaarde, goed, fout):
    if operator == "vergelijk":
        # 'met' must be a single field; this case is a load error, tested below. Use a fixed value here.
        voorwaarde = "vergelijk: {veld: kosten.bedrag, is: kleiner_dan, waarde: 300}"
        fout = {"kosten": {"bedrag": 300, "btw": "vrijgesteld"}}
    assert _toets(tmp_path, context, voorwaarde, goed) is True
    assert _toets(tmp_path, context, voorwaarde, fout) is False


def test_vergelijk_twee_velden(tmp_path, context):
    voorwaarde = "vergelijk: {veld: bijgewerkt, is: hoogstens, met: geldig_tot}"
    assert _toets(tmp_path, context, voorwaarde, {"bijgewerkt": datetime.date(2026, 1, 1)}) is True
    assert _toets(tmp_path, context, voorwaarde, {"bijgewerkt": datetime.date(2028, 1, 1)}) is False
    assert _toets(tmp_path, context, voorwaarde, {}) is False  # no 'bijgewerkt': an empty field never holds


def test_geldt_voor_elk_en_een(tmp_path, context):
    uitvoeringen = [{"start": datetime.date(2026, 1, 1), "eind": datetime.date(2026, 1, 2)},
                    {"start": datetime.date(2027, 1, 1), "eind": datetime.date(2027, 1, 2)}]
    een = "datum: {veld: 'uitvoeringen[*].start', na: peildatum}"
    elk = "datum: {veld: 'uitvoeringen[*].start', na: peildatum, geldt_voor: elk}"
    assert _toets(tmp_path, context, een, {"uitvoeringen": uitvoeringen}) is True
    assert _toets(tmp_path, context, elk, {"uitvoeringen": uitvoeringen}) is False
    assert _toets(tmp_path, context, elk, {"uitvoeringen": []}) is False  # an empty list has no item that holds


def test_drempels_en_bereik(tmp_path, context):
    kop = """\
    drempels:
      grens: 300
      uren: {training: {min: 10, max: 12}, standaard: {max: 2}}
    """
    assert _toets(tmp_path, context, "tussen: {veld: kosten.bedrag, max: grens}", {}, kop) is True
    assert _toets(tmp_path, context, "tussen: {veld: kosten.bedrag, min: grens}", {}, kop) is False
    bereik = "tussen: {veld: tijdsinvestering.uren, bereik: uren, per: vorm}"
    assert _toets(tmp_path, context, bereik, {}, kop) is True
    assert _toets(tmp_path, context, bereik, {"vorm": "cursus"}, kop) is False  # 'standaard' applies: max 2


def test_afgeleide_velden(tmp_path, context):
    voorwaarde = "in_lijst: {veld: afgeleid.locatie_provincie, lijst_veld: afgeleid.regio_provincies}"
    assert _toets(tmp_path, context, voorwaarde, {"regios": ["oost"]}) is True
    assert _toets(tmp_path, context, voorwaarde, {"regios": ["noordwest"]}) is False
    # A synonym ('Den Haag') resolves to its municipality and province.
    den_haag = {"locatie": {"vorm": "fysiek", "plaats": "Den Haag", "gemeente": "Den Haag"}, "regios": ["zuidwest"]}
    assert _toets(tmp_path, context, voorwaarde, den_haag) is True


def test_volgende_met_vertakking(tmp_path, context):
    knopen = """\
    - id: eerste
      vraag: Is het gratis?
      voorwaarde: {vergelijk: {veld: kosten.bedrag, is: gelijk_aan, waarde: 0}}
      uitkomst: aandachtspunt
      uitleg: Uitleg.
      volgende: {ja: einde, nee: tweede}
    - id: tweede
      vraag: Staat de btw erbij?
      voorwaarde: {aanwezig: kosten.btw}
      uitkomst: blokkerend
      uitleg: Uitleg.
    """
    boom = laad_beslisboom(_boom(tmp_path, knopen))
    assert boom.knoop("eerste").volgende_ja is None and boom.knoop("eerste").volgende_nee == "tweede"
    gratis = Scholing.model_validate({**BASIS, "kosten": {"bedrag": 0}}, context=context.validatie)
    betaald = Scholing.model_validate(BASIS, context=context.validatie)
    assert [s.id for s in boom.beoordeel(gratis, None, PEILDATUM).stappen] == ["eerste"]
    assert [s.id for s in boom.beoordeel(betaald, None, PEILDATUM).stappen] == ["eerste", "tweede"]


# --- validation: every broken tree gives located findings ---------------------------------

def _fouten(pad: Path) -> list:
    with pytest.raises(BeslisboomFout) as fout:
        laad_beslisboom(pad)
    assert fout.value.findings
    return fout.value.findings


def test_onbekende_operator_met_plek_en_suggestie():
    f, = _fouten(FIXTURES / "onbekende-operator.yml")
    assert (f.regel, f.kolom) == (7, 7)
    assert "onbekende operator 'aanwezigg'" in f.boodschap and f.suggestie == "aanwezig"
    assert f.bestand == "schemas/beslisboom.yml" and f.ernst == "fout"


def test_kringverwijzing():
    fouten = _fouten(FIXTURES / "kring.yml")
    assert any("kringverwijzing" in f.boodschap and (f.regel, f.kolom) == (13, 15) for f in fouten)


@pytest.mark.parametrize("knopen,verwacht,regel", [
    (_een_knoop("aanwezig: kosten.bedrage"), "onbekend veld 'bedrage'", 7),
    (_een_knoop("tussen: {veld: titel, min: 1}"), "werkt op een getal", 7),
    (_een_knoop("tussen: {veld: kosten.bedrag, max: onbekend}"), "onbekende drempel 'onbekend'", 7),
    (_een_knoop("bevat_woord: {veld: doel, lijst: werkwoorden}"), "onbekende lijst 'werkwoorden'", 7),
    (_een_knoop("in_lijst: {veld: vorm}"), "geef precies één van", 7),
    (_een_knoop("datum: {veld: geldig_tot, binnen: peildatum}"), "'datum' kent geen 'binnen'", 7),
    (_een_knoop("aanwezig: 'uitvoeringen[*].start'") .replace("uitkomst: aandachtspunt", "uitkomst: blokkeren"),
     "'uitkomst' is 'blokkerend'", 4),
    (_een_knoop("aanwezig: titel").replace("  vraag: Klopt het?\n", ""), "mist 'vraag'", 2),
    (_een_knoop("aanwezig: titel").replace("  uitleg:", "  uitlег:"), "onbekend veld 'uitlег'", 5),
    (_een_knoop("aanwezig: titel") + "  volgende: derde\n", "onbekende knoop 'derde'", 8),
    (_een_knoop("aanwezig: titel") + _een_knoop("aanwezig: titel"), "komt twee keer voor", 8),
    (_een_knoop("aanwezig: titel") + "  volgende: einde\n" + _een_knoop("aanwezig: titel").replace("id: vraag", "id: los"),
     "wordt nooit bereikt", 9),
    (_een_knoop("aanwezig: 'titel[*]'"), "geen lijst", 7),
    (_een_knoop("aanwezig: aanbieder.erkenning"), "velden van de aanbieder", 7),
])
def test_ongeldige_boom(tmp_path, knopen, verwacht, regel):
    fouten = _fouten(_boom(tmp_path, knopen))
    treffer = [f for f in fouten if verwacht in f.boodschap]
    assert treffer, [f.boodschap for f in fouten]
    assert treffer[0].regel == regel, treffer[0]


def test_kapotte_yaml_en_verkeerde_vorm(tmp_path):
    pad = tmp_path / "beslisboom.yml"
    pad.write_text("knopen:\n  - id: a\n    vraag: [niet afgesloten\n", encoding="utf-8")
    f = _fouten(pad)[0]
    assert f.regel and "ongeldige YAML" in f.boodschap
    pad.write_text("versie: 1\nknoppen: []\n", encoding="utf-8")
    fouten = _fouten(pad)
    assert any(f.suggestie == "knopen" and f.regel == 2 for f in fouten)
    assert any("'knopen' ontbreekt" in f.boodschap for f in fouten)


def test_echte_boom_is_geldig():
    boom = laad_beslisboom(REPO / "schemas" / "beslisboom.yml")
    assert len(boom.knopen) >= 10
    assert boom.drempels["kosten_toelichting_vanaf"] == 500
