"""Published JSON Schemas: current with the models, and agreeing with `lab check` in a third-party validator."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gevallen import AANBIEDER, LOKET, PEILDATUM, REPO, SCHOLING, VELDEN, variant
from lab_catalogus.catalogus import controleer_record, laad_context

CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
LAB = [sys.executable, "-m", "lab_catalogus.cli"]


def lab(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*LAB, *args], capture_output=True, text=True, timeout=120)


# --- stale schemas --------------------------------------------------------------------------

def test_schemas_in_de_repository_zijn_actueel():
    uit = lab("schemas", "--controleer", "--root", str(REPO))
    assert uit.returncode == 0, f"{uit.stdout}{uit.stderr}\nDraai 'lab schemas' en commit schemas/*.schema.json."


def test_verouderd_schema_wordt_gemeld_en_hersteld(catalogus_kopie: Path):
    schema = catalogus_kopie / "schemas" / "scholing.schema.json"
    data = json.loads(schema.read_text(encoding="utf-8"))
    data["description"] = "met de hand aangepast"
    schema.write_text(json.dumps(data), encoding="utf-8")
    uit = lab("schemas", "--controleer", "--root", str(catalogus_kopie))
    assert (uit.returncode, uit.stdout) == (1, "schemas/scholing.schema.json: verouderd; draai 'lab schemas'\n")
    uit = lab("schemas", "--root", str(catalogus_kopie))
    assert uit.returncode == 0 and "scholing.schema.json" in uit.stdout
    assert lab("schemas", "--controleer", "--root", str(catalogus_kopie)).returncode == 0


def test_nieuwe_term_maakt_schema_verouderd(catalogus_kopie: Path):
    kader = catalogus_kopie / "schemas" / "begrippenkader.yml"
    inhoud = kader.read_text(encoding="utf-8")
    kader.write_text(inhoud.replace("      - id: cursus\n", "      - id: padelclinic\n        label: Padelclinic\n"
                                    "        definitie: Een korte clinic over padel als beweegactiviteit.\n"
                                    "      - id: cursus\n", 1), encoding="utf-8")
    uit = lab("schemas", "--controleer", "--root", str(catalogus_kopie))
    assert uit.returncode == 1 and uit.stdout.splitlines() == [
        "schemas/scholing.schema.json: verouderd; draai 'lab schemas'"]
    lab("schemas", "--root", str(catalogus_kopie))
    schema = json.loads((catalogus_kopie / "schemas" / "scholing.schema.json").read_text(encoding="utf-8"))
    assert "padelclinic" in schema["properties"]["vorm"]["enum"]


def test_begrippen_en_gemeenten_als_enums_met_labels():
    context = laad_context(REPO, PEILDATUM)
    schema = json.loads((REPO / "schemas" / "scholing.schema.json").read_text(encoding="utf-8"))
    vorm = schema["properties"]["vorm"]
    termen = context.kader.lijst("scholingsvormen").termen
    assert vorm["enum"] == [t.id for t in termen]
    assert all(f"**{t.label}**" in d for t, d in zip(termen, vorm["markdownEnumDescriptions"]))
    gemeente = schema["$defs"]["Locatie"]["properties"]["gemeente"]["anyOf"][0]
    assert {g.naam for g in context.gemeenten.gemeenten} <= set(gemeente["enum"])
    assert len(context.gemeenten.gemeenten) == 342


# --- parity with check-jsonschema -------------------------------------------------------------

def _velden(naam: str) -> str:
    return next(g for g in VELDEN if g.naam == naam).bestanden["content/scholing/test-scholing.yml"]


# (soort, name, text, expected: accepted?) - only field rules a JSON Schema can express.
PARITEIT: list[tuple[str, str, str, bool]] = [
    ("scholing", "geldig", SCHOLING, True),
    *[("scholing", naam, _velden(naam), False) for naam in (
        "lijst-waar-map-hoort", "verkeerd-type", "buiten-bereik", "negatief-bedrag", "http-url", "slecht-emailadres",
        "onbekende-term", "label-in-plaats-van-id", "onbekende-gemeente", "onbekend-veld", "onbekend-veld-genest",
        "verplicht-veld-ontbreekt", "niet-bestaande-datum")],
    ("scholing", "titel-te-lang", variant({"\ntitel: Testcursus samenwerken in de wijk": "\ntitel: " + "x" * 121}), False),
    ("scholing", "samenvatting-te-kort", variant({"samenvatting: Een korte cursus waarmee": "samenvatting: Kort"}
                                                 | {" de tests nagaan of de catalogus goede meldingen geeft.": ""}), False),
    ("scholing", "te-veel-themas", variant({"themas: [samenwerken-en-netwerken]": "themas: [sportbeleid, armoede, "
                                            "integratie, overgewicht, eenzaamheid, sociaal-domein]"}), False),
    ("scholing", "leeg-carrierepad", variant({"carrierepad: [A, B]": "carrierepad: []"}), False),
    ("scholing", "nul-uren", variant({"  uren: 12": "  uren: 0"}), False),
    ("scholing", "bool-als-tekst", SCHOLING + "doorlopend: ja graag\n", False),
    ("scholing", "geen-datum", variant({"  - start: 2027-03-01": "  - start: volgende week"}), False),
    ("scholing", "bedrag-met-euroteken", variant({"  bedrag: 95": "  bedrag: €95"}), False),
    ("scholing", "kosten-leeg", variant({"kosten:\n  bedrag: 95\n  btw: vrijgesteld\n": "kosten:\n"}), False),
    ("scholing", "contact-zonder-email", variant({"  email: scholing@test-aanbieder.example.nl\n": ""}), False),
    ("scholing", "id-met-hoofdletters", "id: Test-Scholing\n" + SCHOLING, False),
    ("scholing", "datum-als-tekst", variant({"  - start: 2027-03-01": '  - start: "2027-03-01"'}), True),
    ("scholing", "gemeente-synoniem", variant({"  gemeente: Eindhoven": "  gemeente: Den Bosch"}), True),
    ("scholing", "uren-als-kommagetal", variant({"  uren: 12": "  uren: 12.5"}), True),
    ("aanbieder", "geldig", AANBIEDER, True),
    ("aanbieder", "kvk-te-kort", AANBIEDER.replace('kvk: "12345678"', 'kvk: "1234"'), False),
    ("aanbieder", "kvk-als-getal", AANBIEDER.replace('kvk: "12345678"', "kvk: 12345678"), False),
    ("aanbieder", "website-http", AANBIEDER.replace("website: https://", "website: http://"), False),
    ("aanbieder", "type-onbekend", AANBIEDER.replace("type: opleider", "type: opleidr"), False),
    ("aanbieder", "beschrijving-te-kort", AANBIEDER.replace(
        "beschrijving: Een aanbieder die alleen in de tests bestaat en scholing verzorgt.", "beschrijving: Kort."), False),
    ("loket", "geldig", LOKET, True),
    ("loket", "kader-ontbreekt", LOKET.replace("  overzicht: true\n", ""), False),
    ("loket", "kader-als-tekst", LOKET.replace("  overzicht: true", "  overzicht: ja"), False),
    ("loket", "rol-onbekend", LOKET.replace("rol: sportbond", "rol: bond"), False),
    ("loket", "geen-gemeenten", LOKET.replace("gemeenten: [Oss, Bernheze]", "gemeenten: []"), False),
    ("loket", "gemeente-onbekend", LOKET.replace("gemeenten: [Oss, Bernheze]", "gemeenten: [Oss, Bernhez]"), False),
    ("loket", "status-zelf-invullen", LOKET + "status: volwaardig\n", False),
]

MAPPEN = {"scholing": "scholing", "aanbieder": "aanbieders", "loket": "loketten", "academie": "academies"}


def _check_jsonschema(schema: str, bestanden: list[Path]) -> set[str]:
    """File names check-jsonschema rejects (a failure of the tool itself fails the test)."""
    uit = subprocess.run([str(CHECK_JSONSCHEMA), "-o", "json", "--schemafile", str(REPO / "schemas" / f"{schema}.schema.json"),
                          *map(str, bestanden)], capture_output=True, text=True, timeout=300)
    resultaat = json.loads(uit.stdout)
    assert resultaat.get("parse_errors", []) == [] and uit.returncode in (0, 1), uit.stdout + uit.stderr
    return {Path(e["filename"]).name for e in resultaat["errors"]}


def test_pariteit_met_check_jsonschema(tmp_path: Path):
    context = laad_context(REPO, PEILDATUM)
    per_schema: dict[str, list[Path]] = {}
    lab_oordeel: dict[str, bool] = {}
    for soort, naam, tekst, _ in PARITEIT:
        pad = tmp_path / soort / f"{naam}.yml"
        pad.parent.mkdir(exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        per_schema.setdefault(soort, []).append(pad)
        record, findings = controleer_record(MAPPEN[soort], pad, pad.name, context)
        lab_oordeel[f"{soort}/{naam}"] = record is not None and not any(f.is_fout for f in findings)
    verwacht = {f"{soort}/{naam}": geldig for soort, naam, _, geldig in PARITEIT}
    assert lab_oordeel == verwacht
    derde = {}
    for soort, paden in per_schema.items():
        afgewezen = _check_jsonschema(soort, paden)
        derde |= {f"{soort}/{p.stem}": p.name not in afgewezen for p in paden}
    assert derde == verwacht


def test_wat_json_schema_niet_kan_uitdrukken(tmp_path: Path):
    """Rules across fields or files are lab's alone: check-jsonschema accepts these, lab check does not."""
    context = laad_context(REPO, PEILDATUM)
    gevallen = {"eind-voor-start": variant({"    eind: 2027-03-29": "    eind: 2027-02-01"}),
                "btw-ontbreekt": variant({"  btw: vrijgesteld\n": ""}),
                "dubbel-carrierepad": variant({"carrierepad: [A, B]": "carrierepad: [A, A]"})}
    paden = []
    for naam, tekst in gevallen.items():
        pad = tmp_path / f"{naam}.yml"
        pad.write_text(tekst, encoding="utf-8")
        paden.append(pad)
        record, _ = controleer_record("scholing", pad, pad.name, context)
        assert record is None, naam
    assert _check_jsonschema("scholing", paden) == set()


@pytest.mark.parametrize("soort", list(MAPPEN))
def test_voorbeeldcatalogus_geldig_volgens_check_jsonschema(soort: str):
    paden = sorted((REPO / "content" / MAPPEN[soort]).glob("*.yml"))
    assert paden
    assert _check_jsonschema(soort, paden) == set()


def test_editor_verwijzing_naar_schema_klopt():
    """Each record's first line points editors (yaml-language-server) at the right schema."""
    for soort, map_ in MAPPEN.items():
        paden = sorted((REPO / "content" / map_).glob("*.yml"))
        assert paden, map_
        for pad in paden:
            eerste = pad.read_text(encoding="utf-8").splitlines()[0]
            assert eerste == f"# yaml-language-server: $schema=../../schemas/{soort}.schema.json", pad


def test_schemas_zijn_geldige_draft_2020_12():
    from jsonschema import Draft202012Validator
    paden = sorted((REPO / "schemas").glob("*.schema.json"))
    assert {p.name for p in paden} >= {f"{soort}.schema.json" for soort in MAPPEN}
    for pad in paden:
        Draft202012Validator.check_schema(json.loads(pad.read_text(encoding="utf-8")))
    assert shutil.which(str(CHECK_JSONSCHEMA))
