"""Record models and per-record rules: each wrong value gives one Dutch finding at the right field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gevallen import AANBIEDER, LOKET, PEILDATUM, SCHOLING, SCHOLING_PAD, VELDEN, Geval, maak_catalogus, plek, variant
from lab_catalogus.catalogus import laad_catalogus, laad_context
from lab_catalogus.models import Aanbieder, Loket, Scholing
from test_reader import _controleer


@pytest.mark.parametrize("geval", VELDEN, ids=lambda g: g.naam)
def test_foute_waarde_geeft_melding_op_het_veld(geval: Geval, tmp_path: Path):
    root = maak_catalogus(tmp_path / "catalogus", geval.bestanden)
    catalogus, gevonden = laad_catalogus(root, PEILDATUM)
    _controleer(gevonden, geval)
    assert "test-scholing" not in catalogus.scholing  # a record with an error is not published


def _scholing_fouten(tmp_path: Path, tekst: str, peildatum=PEILDATUM):
    root = maak_catalogus(tmp_path / "catalogus", {SCHOLING_PAD: tekst})
    _, gevonden = laad_catalogus(root, peildatum)
    return [f for f in gevonden if f.bestand == SCHOLING_PAD and not f.code.startswith("beslisboom:")]


def test_fixtures_zijn_geldig(tmp_path: Path):
    context = laad_context(Path(__file__).resolve().parent.parent)
    for model, tekst in ((Scholing, SCHOLING), (Aanbieder, AANBIEDER), (Loket, LOKET)):
        model.model_validate(yaml.safe_load(tekst), context=context.validatie)
    assert _scholing_fouten(tmp_path, SCHOLING) == []


@pytest.mark.parametrize("vervang,fragment,binnen,veld,code,tekstdeel", [
    ({"  btw: vrijgesteld\n": ""}, "kosten:", None, "kosten.btw", "btw-ontbreekt", "'btw' verplicht"),
    ({"  plaats: Eindhoven\n": ""}, "locatie:", None, "locatie.plaats", "plaats-ontbreekt", "'plaats' verplicht"),
    ({"aanmelden_voor: 2027-02-15": "aanmelden_voor: 2027-03-15"}, "aanmelden_voor: 2027-03-15", "2027",
     "uitvoeringen[1].aanmelden_voor", "aanmelden-na-start", "loopt tot na de start"),
    ({"carrierepad: [A, B]": "carrierepad: [A, B, A]"}, "carrierepad: [A, B, A]", "A]", "carrierepad[3]",
     "dubbel-item", "haal er één weg"),
    ({"themas: [samenwerken-en-netwerken]": "themas: [a, b, c, d, e, f]"}, "themas: [a", "[", "themas",
     "too_long", "hoogstens 5"),
    ({"carrierepad: [A, B]": "carrierepad: []"}, "carrierepad: []", "[", "carrierepad", "too_short", "minstens 1"),
    ({"samenvatting: Een korte cursus waarmee de tests nagaan of de catalogus goede meldingen geeft.":
      "samenvatting: Te kort."}, "samenvatting: Te kort.", "Te", "samenvatting", "string_too_short",
     "minstens 20 tekens"),
    ({"\ntitel: Testcursus samenwerken in de wijk": "\ntitel: " + "x" * 121}, "titel: xxx", "xxx", "titel",
     "string_too_long", "hoogstens 120 tekens"),
    ({"  uren: 12": "  uren: 0"}, "  uren: 0", "0", "tijdsinvestering.uren", "greater_than", "groter zijn dan 0"),
    ({"niveau: basis": "niveau: basis\ndoorlopend: ja graag"}, "doorlopend: ja graag", "ja", "doorlopend",
     "bool_type", "true of false"),
    ({"  - start: 2027-03-01": "  - start: volgende week"}, "start: volgende week", "volgende", "uitvoeringen[1].start",
     "date_from_datetime_parsing", "JJJJ-MM-DD"),
    ({"  bedrag: 95": "  bedrag: €95"}, "  bedrag: €95", "€", "kosten.bedrag", "float_type", "euroteken"),
])
def test_regels_per_record(tmp_path, vervang, fragment, binnen, veld, code, tekstdeel):
    tekst = variant(vervang)
    regel, kolom = plek(tekst, fragment, binnen)
    fouten = _scholing_fouten(tmp_path, tekst)
    assert [(f.regel, f.kolom, f.veld, f.code, f.ernst) for f in fouten] == [(regel, kolom, veld, code, "fout")]
    assert tekstdeel in fouten[0].boodschap


def test_verlopen_aanbod_is_een_waarschuwing(tmp_path: Path):
    """Expired offers warn once, at geldig_tot (the beslisboom's 'geldig' question), and are no error."""
    tekst = SCHOLING + "geldig_tot: 2026-06-30\n"
    root = maak_catalogus(tmp_path / "catalogus", {SCHOLING_PAD: tekst})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    meldingen = [f for f in gevonden if f.bestand == SCHOLING_PAD]
    regel = tekst.count("\n")
    assert [(f.regel, f.veld, f.ernst) for f in meldingen] == [(regel, "geldig_tot", "waarschuwing")]
    assert "geldig_tot" in meldingen[0].boodschap


def test_begrippen_komen_uit_het_begrippenkader_niet_uit_code(tmp_path: Path):
    """A new term in schemas/begrippenkader.yml is accepted without touching any code."""
    tekst = variant({"\nvorm: cursus\n": "\nvorm: padelclinic\n"})
    root = maak_catalogus(tmp_path / "catalogus", {SCHOLING_PAD: tekst})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    assert [f.code for f in gevonden if f.bestand == SCHOLING_PAD] == ["lab_term"]
    kader = root / "schemas" / "begrippenkader.yml"
    inhoud = kader.read_text(encoding="utf-8")
    nieuw = ("      - id: padelclinic\n        label: Padelclinic\n"
             "        definitie: Een korte clinic waarin je padel leert begeleiden als beweegactiviteit in de wijk.\n"
             "      - id: cursus\n")
    assert inhoud.count("      - id: cursus\n") == 1
    kader.write_text(inhoud.replace("      - id: cursus\n", nieuw), encoding="utf-8")
    catalogus, gevonden = laad_catalogus(root, PEILDATUM)
    assert [f for f in gevonden if f.bestand == SCHOLING_PAD and f.is_fout] == []
    assert catalogus.scholing["test-scholing"].vorm == "padelclinic"


@pytest.mark.parametrize("toevoeging,veld,tekstdeel", [
    ("status: volwaardig\n", "status", "vul je niet zelf in"),
    ("regios: [zuid]\n", "regios", "automatisch afgeleid"),
])
def test_afgeleide_loketvelden_vul_je_niet_zelf_in(tmp_path, toevoeging, veld, tekstdeel):
    pad = "content/loketten/test-loket.yml"
    root = maak_catalogus(tmp_path / "catalogus", {pad: LOKET + toevoeging})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    eigen = [f for f in gevonden if f.bestand == pad]
    regel = (LOKET + toevoeging).count("\n")
    assert [(f.regel, f.kolom, f.veld, f.code) for f in eigen] == [(regel, 1, veld, "extra_forbidden")]
    assert tekstdeel in eigen[0].boodschap


def test_kvk_nummer_en_aanbieder_velden(tmp_path: Path):
    pad = "content/aanbieders/tweede-aanbieder.yml"
    tekst = AANBIEDER.replace('kvk: "12345678"', 'kvk: "1234"').replace("type: opleider", "type: opleidr")
    root = maak_catalogus(tmp_path / "catalogus", {pad: tekst})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    eigen = {f.veld: f for f in gevonden if f.bestand == pad}
    assert set(eigen) == {"kvk", "type"}
    assert (eigen["kvk"].regel, eigen["kvk"].kolom) == plek(tekst, 'kvk: "1234"', '"')
    assert "8 cijfers" in eigen["kvk"].boodschap
    assert (eigen["type"].code, eigen["type"].suggestie) == ("lab_term", "opleider")
    assert (eigen["type"].regel, eigen["type"].kolom) == plek(tekst, "type: opleidr", "opleidr")


def test_academie_heet_naar_haar_regio(tmp_path: Path):
    repo_academie = (Path(__file__).resolve().parent.parent / "content" / "academies" / "noord.yml").read_text(encoding="utf-8")
    pad = "content/academies/oost.yml"
    root = maak_catalogus(tmp_path / "catalogus", {pad: repo_academie})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    eigen = [f for f in gevonden if f.bestand == pad]
    assert [(f.veld, f.code, f.suggestie) for f in eigen] == [("regio", "regio-bestandsnaam", "oost")]
    assert (eigen[0].regel, eigen[0].kolom) == plek(repo_academie, "\nregio: noord", "noord")


@pytest.mark.parametrize("adres,goed", [
    ("https://www.example.nl", True), ("https://x.example.nl/pad?q=1#a", True),
    ("https://.", False), ("https://x.", False), ("https://.nl/", False), ("https://x y.nl", False),
    ("ftp://x.example.nl", False), ("https://", False),
])
def test_webadres_volgt_het_gepubliceerde_patroon(adres, goed):
    # `lab check` and the JSON Schema that other tools use accept exactly the same addresses.
    import re

    from pydantic import TypeAdapter, ValidationError

    from lab_catalogus.fieldtypes import HTTPS_PATROON, Url
    assert bool(re.match(HTTPS_PATROON, adres)) is goed
    try:
        TypeAdapter(Url).validate_python(adres)
        geaccepteerd = True
    except ValidationError:
        geaccepteerd = False
    assert geaccepteerd is goed
