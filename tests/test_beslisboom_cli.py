"""The beslisboom where people look: `lab check`, `lab beslisboom`, the catalogue's verdicts."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


from lab_catalogus.beslisboom import GESCHIKT, MET_AANDACHTSPUNTEN, NIET_GESCHIKT, laad_beslisboom
from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.cli import main

from test_beslisboom_knopen import PEILDATUM

FIXTURES = Path(__file__).parent / "fixtures" / "beslisboom"
DATUM = ["--peildatum", PEILDATUM.isoformat()]


def _plek(pad: Path, begin: str) -> tuple[int, int]:
    """1-based line of the first line starting with `begin`, and the column just after it (where its value starts)."""
    for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1):
        if regel.startswith(begin):
            return nummer, len(begin) + 1
    raise AssertionError(f"geen regel die begint met {begin!r} in {pad}")


def _lab(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_voorbeeldcatalogus_toont_geschikt_en_aandachtspunten(catalogus_kopie):
    catalogus, findings = laad_catalogus(catalogus_kopie, PEILDATUM)
    uitslagen = {o.uitslag for o in catalogus.oordelen.values()}
    assert {GESCHIKT, MET_AANDACHTSPUNTEN} <= uitslagen
    assert NIET_GESCHIKT not in uitslagen
    assert set(catalogus.oordelen) == set(catalogus.scholing)
    assert not any(f.is_fout for f in findings)
    assert catalogus.beslisboom is not None and catalogus.beslisboom.knopen


def test_check_meldt_aandachtspunten_als_waarschuwing(catalogus_kopie, capsys):
    bestand = catalogus_kopie / "content" / "scholing" / "coaching-coordinerende-buurtsportcoach.yml"
    code, uit, _ = _lab(capsys, "check", "--root", catalogus_kopie, *DATUM)
    assert code == 0
    regel = next(r for r in uit.splitlines() if bestand.name in r)
    nummer, kolom = _plek(bestand, "  bedrag: ")
    assert (f":{nummer}:{kolom}: waarschuwing: kosten.bedrag: beslisboom, vraag 'kosten-toelichting': "
            "Staat bij een hogere prijs") in regel
    assert "Antwoord: nee." in regel and "kosten.toelichting" in regel


def test_niet_geschikt_record_laat_check_falen(catalogus_kopie, capsys):
    for naam in ("verlopen-workshop-sportcafe.yml", "zonder-kwaliteitsborging.yml"):
        shutil.copy(FIXTURES / "scholing" / naam, catalogus_kopie / "content" / "scholing" / naam)
    code, uit, _ = _lab(capsys, "check", "--root", catalogus_kopie, *DATUM, "--format", "json")
    assert code == 1
    fouten = [f for f in json.loads(uit) if f["ernst"] == "fout"]
    verlopen = FIXTURES / "scholing" / "verlopen-workshop-sportcafe.yml"
    # The runs list starts on the line after 'uitvoeringen:'; a missing 'kwaliteit' points at the top of the file.
    assert {(f["bestand"].rsplit("/", 1)[1], f["code"], f["regel"]) for f in fouten} == {
        ("verlopen-workshop-sportcafe.yml", "beslisboom:inschrijfmoment", _plek(verlopen, "uitvoeringen:")[0] + 1),
        ("zonder-kwaliteitsborging.yml", "beslisboom:kwaliteitsborging", 1),
    }
    assert "kwaliteit:" not in (FIXTURES / "scholing" / "zonder-kwaliteitsborging.yml").read_text(encoding="utf-8")
    # An expired geldig_tot warns (contract: "checks warn"); publication rules hide the offer.
    assert ("verlopen-workshop-sportcafe.yml", "beslisboom:geldig", _plek(verlopen, "geldig_tot:")[0]) in {
        (f["bestand"].rsplit("/", 1)[1], f["code"], f["regel"]) for f in json.loads(uit) if f["ernst"] == "waarschuwing"}
    catalogus, _ = laad_catalogus(catalogus_kopie, PEILDATUM)
    assert "zonder-kwaliteitsborging" not in catalogus.scholing  # cannot be published ...
    assert catalogus.oordelen["zonder-kwaliteitsborging"].uitslag == NIET_GESCHIKT  # ... but keeps its verdict


def test_kapotte_beslisboom_geeft_gelokaliseerde_fout(catalogus_kopie, capsys):
    shutil.copy(FIXTURES / "bomen" / "onbekende-operator.yml", catalogus_kopie / "schemas" / "beslisboom.yml")
    code, uit, err = _lab(capsys, "check", "--root", catalogus_kopie, *DATUM)
    assert code == 1
    assert "schemas/beslisboom.yml:7:7: fout: knopen[1].voorwaarde.aanwezigg: onbekende operator 'aanwezigg'" in uit
    assert "(bedoelde je 'aanwezig'?)" in uit and "Traceback" not in err
    code, _, err = _lab(capsys, "beslisboom", "--root", catalogus_kopie,
                        catalogus_kopie / "content" / "scholing" / "werken-met-netwerken.yml")
    assert code == 1 and "schemas/beslisboom.yml:7:7" in err


def test_beslisboom_toont_het_hele_pad(catalogus_kopie, capsys):
    bestand = catalogus_kopie / "content" / "scholing" / "kennisdag-sport-in-het-sociaal-domein.yml"
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM, bestand)
    assert code == 0
    assert uit.startswith("content/scholing/kennisdag-sport-in-het-sociaal-domein.yml: Kennisdag Ludus Zuid")
    assert "Uitslag: geschikt met aandachtspunten (peildatum 2026-11-23)" in uit
    assert " 5. nee    Staat beschreven hoe de scholing met de deelnemers wordt geëvalueerd?  [aandachtspunt]" in uit
    assert "Veld 'kwaliteit.evaluatie'. Evalueren is de vierde stap" in uit
    assert "10. n.v.t. Staat bij nieuw aanbod" in uit
    # Every other question of the real tree was answered 'ja' (one 'nee', one 'n.v.t.').
    knopen = laad_beslisboom(catalogus_kopie / "schemas" / "beslisboom.yml").knopen
    assert uit.count(" ja     ") == len(knopen) - 2


def test_beslisboom_niet_geschikt_buiten_de_catalogus(catalogus_kopie, capsys):
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM,
                        FIXTURES / "scholing" / "zonder-kwaliteitsborging.yml", "--format", "json")
    assert code == 1
    resultaat, = json.loads(uit)
    assert resultaat["oordeel"]["uitslag"] == NIET_GESCHIKT
    assert resultaat["oordeel"]["blokkades"] == ["kwaliteitsborging"]


def test_drempel_en_woordenlijst_zijn_aan_te_passen_zonder_code(catalogus_kopie, capsys):
    bestand = catalogus_kopie / "content" / "scholing" / "coaching-coordinerende-buurtsportcoach.yml"
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM, bestand)
    assert "Uitslag: geschikt met aandachtspunten" in uit
    boom = catalogus_kopie / "schemas" / "beslisboom.yml"
    tekst = boom.read_text(encoding="utf-8")
    boom.write_text(tekst.replace("kosten_toelichting_vanaf: 500", "kosten_toelichting_vanaf: 1000"), encoding="utf-8")
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM, bestand)
    assert "Uitslag: geschikt (peildatum" in uit
    # Take 'beschrijven' and 'benoemen' out of the verb list: the first learning outcome
    # ("... beschrijven en benoemen wanneer ...") no longer counts as measurable.
    tekst = boom.read_text(encoding="utf-8")
    boom.write_text(tekst.replace("    - beschrijven\n", "").replace("    - benoemen\n", ""), encoding="utf-8")
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM, bestand)
    assert "Uitslag: geschikt met aandachtspunten" in uit and "Veld 'leeruitkomsten[1]'" in uit


def test_beslisboom_voor_een_loket(catalogus_kopie, capsys):
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, FIXTURES / "loketten" / "loket-in-opbouw.yml",
                        catalogus_kopie / "content" / "loketten" / "gouda.yml")
    assert code == 0
    assert "Status: in ontwikkeling" in uit
    assert "    - Zeggenschap over budgetten (budgetten)\n    - Getekende intentieverklaring (intentieverklaring)" in uit
    assert "Ontbrekende partnerrollen: sportbond" in uit
    assert "Sportplatform: Sportraad Deventer (rollen: strategisch, uitvoerend)" in uit
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, "--format", "json",
                        catalogus_kopie / "content" / "loketten" / "gouda.yml")
    status = json.loads(uit)[0]["status"]
    assert status["status"] == "in ontwikkeling" and status["ontbrekende_rollen"] == ["sportbond"]
    assert [r["label"] for r in status["sportplatform"]["rollen"]] == ["Strategisch", "Coördinerend", "Uitvoerend"]


def test_beslisboom_ongeldig_record_en_verkeerde_soort(catalogus_kopie, capsys):
    kapot = catalogus_kopie / "content" / "scholing" / "kapot.yml"
    kapot.write_text("titel: Te kort\n", encoding="utf-8")
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, kapot)
    assert code == 1 and "kan niet worden beoordeeld" in uit
    code, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie,
                        catalogus_kopie / "content" / "aanbieders" / "sportwerk-brabant.yml")
    assert code == 1 and "geen scholing- of loketrecord" in uit
    code, _, err = _lab(capsys, "beslisboom", "--root", catalogus_kopie, catalogus_kopie / "bestaat-niet.yml")
    assert code == 2 and "bestaat niet" in err


def test_lab_beslisboom_als_commando(catalogus_kopie):
    """The installed entry point, as a person runs it."""
    lab = Path(sys.executable).with_name("lab")
    assert lab.exists(), "het commando 'lab' ontbreekt: installeer het pakket (make .venv/.geinstalleerd)"
    resultaat = subprocess.run([str(lab), "beslisboom", *DATUM, "content/scholing/werken-met-netwerken.yml"],
                               cwd=catalogus_kopie, capture_output=True, text=True, timeout=60)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Uitslag: geschikt (peildatum 2026-11-23)" in resultaat.stdout


def test_aanbieder_met_fouten_wordt_zo_genoemd(catalogus_kopie, capsys):
    # An aanbieder file that exists but does not validate is not "niet gevonden": point at lab check.
    aanbieder = catalogus_kopie / "content" / "aanbieders" / "sportwerk-brabant.yml"
    aanbieder.write_text(aanbieder.read_text(encoding="utf-8").replace("type: ", "type: onbekend-type\nx: "),
                         encoding="utf-8")
    bestand = catalogus_kopie / "content" / "scholing" / "kennisdag-sport-in-het-sociaal-domein.yml"
    _, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM, bestand)
    assert ("Let op: content/aanbieders/sportwerk-brabant.yml heeft fouten "
            "(zie 'lab check content/aanbieders/sportwerk-brabant.yml')") in uit
    aanbieder.unlink()
    _, uit, _ = _lab(capsys, "beslisboom", "--root", catalogus_kopie, *DATUM, bestand)
    assert "Let op: aanbieder 'sportwerk-brabant' is niet gevonden in content/aanbieders/" in uit
