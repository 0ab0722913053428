"""`lab nieuw`: the commented templates parse, point editors at the right schema, and check cleanly once filled."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from gitrepo import lab

from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.models import SOORTEN

SOORTEN_CLI = {"scholing": "scholing", "aanbieder": "aanbieders", "loket": "loketten"}
VOORBEELD = re.compile(r"^(\s*)([a-z_]+):[^#\n]*# voorbeeld: (.*)$", re.M)


def _maak(root: Path, soort: str, record_id: str) -> Path:
    uit = lab("nieuw", soort, record_id, "--root", str(root), cwd=root)
    assert uit.returncode == 0, uit.stderr
    pad = root / "content" / SOORTEN_CLI[soort] / f"{record_id}.yml"
    assert f"Aangemaakt: {pad}" in uit.stdout
    return pad


def _vul_in(tekst: str, behalve: set[str] = frozenset()) -> str:
    """Put each suggested value in place, except for the keys in `behalve` (left empty)."""
    return VOORBEELD.sub(lambda m: m.group(0) if m.group(2) in behalve else f"{m.group(1)}{m.group(2)}: {m.group(3)}", tekst)


def _lege_velden(data: object, pad: str = "") -> set[str]:
    uit: set[str] = set()
    if isinstance(data, dict):
        for sleutel, waarde in data.items():
            volledig = f"{pad}.{sleutel}" if pad else sleutel
            uit |= {volledig} if waarde is None else _lege_velden(waarde, volledig)
    return uit


def _findings(root: Path, pad: Path):
    _, findings = laad_catalogus(root)
    rel = pad.relative_to(root).as_posix()
    return [f for f in findings if f.bestand == rel]


@pytest.mark.parametrize("soort", list(SOORTEN_CLI))
def test_sjabloon_leeg_faalt_alleen_op_lege_velden(catalogus_kopie: Path, soort: str):
    pad = _maak(catalogus_kopie, soort, f"mijn-{soort}")
    tekst = pad.read_text(encoding="utf-8")
    data = yaml.safe_load(tekst)  # parses as YAML
    assert isinstance(data, dict)
    # The editor line points, relative to content/<soort>/, at this kind's generated JSON Schema.
    eerste = tekst.splitlines()[0]
    stem = SOORTEN[SOORTEN_CLI[soort]][1]
    assert eerste == f"# yaml-language-server: $schema=../../schemas/{stem}.schema.json"
    schema_pad = (pad.parent / eerste.split("=", 1)[1]).resolve()
    assert schema_pad == (catalogus_kopie / "schemas" / f"{stem}.schema.json").resolve()
    assert json.loads(schema_pad.read_text(encoding="utf-8"))["title"] == SOORTEN[SOORTEN_CLI[soort]][0].model_config["title"]
    assert "{{" not in tekst, "onvervangen plaatshouder in het sjabloon"
    fouten = [f for f in _findings(catalogus_kopie, pad) if f.is_fout]
    assert fouten, "een leeg sjabloon hoort niet goedgekeurd te worden"
    leeg = _lege_velden(data)
    assert {f.veld for f in fouten} <= leeg, "fouten op velden die niet leeg zijn"
    assert all("leeg" in f.boodschap for f in fouten)


@pytest.mark.parametrize("soort", list(SOORTEN_CLI))
def test_ingevuld_met_voorbeelden_is_in_orde(catalogus_kopie: Path, soort: str, tmp_path: Path):
    pad = _maak(catalogus_kopie, soort, f"mijn-{soort}")
    pad.write_text(_vul_in(pad.read_text(encoding="utf-8")), encoding="utf-8")
    assert [f for f in _findings(catalogus_kopie, pad) if f.is_fout] == []
    uit = lab("check", str(pad.relative_to(catalogus_kopie)), cwd=catalogus_kopie)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    # What editors do with the schema line: validate the filled record against the JSON Schema.
    schema = catalogus_kopie / "schemas" / f"{SOORTEN[SOORTEN_CLI[soort]][1]}.schema.json"
    jsonschema = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--schemafile", str(schema), str(pad)],
                                capture_output=True, text=True, check=False)
    assert jsonschema.returncode == 0, jsonschema.stdout + jsonschema.stderr


def test_half_ingevuld_faalt_precies_op_wat_leeg_bleef(catalogus_kopie: Path):
    pad = _maak(catalogus_kopie, "scholing", "half-ingevuld")
    pad.write_text(_vul_in(pad.read_text(encoding="utf-8"), behalve={"titel", "bedrag", "email"}), encoding="utf-8")
    fouten = [f for f in _findings(catalogus_kopie, pad) if f.is_fout]
    assert {f.veld for f in fouten} == {"titel", "kosten.bedrag", "contact.email"}
    regels = pad.read_text(encoding="utf-8").splitlines()
    for f in fouten:  # each error points at the line of the empty field
        assert regels[f.regel - 1].lstrip().startswith(f.veld.split(".")[-1] + ":")


def test_nieuw_weigert_bestaand_bestand_en_ongeldige_id(catalogus_kopie: Path):
    bestaand = next((catalogus_kopie / "content" / "scholing").glob("*.yml"))
    voor = bestaand.read_text(encoding="utf-8")
    uit = lab("nieuw", "scholing", bestaand.stem, cwd=catalogus_kopie)
    assert uit.returncode == 1 and "bestaat al" in uit.stderr
    assert bestaand.read_text(encoding="utf-8") == voor
    uit = lab("nieuw", "scholing", "Mijn Training!", cwd=catalogus_kopie)
    assert uit.returncode == 2 and "geen geldige id" in uit.stderr
    uit = lab("nieuw", "academie", "x", cwd=catalogus_kopie)
    assert uit.returncode == 2 and "lab: fout:" in uit.stderr


def test_sjabloon_volgt_het_begrippenkader(catalogus_kopie: Path):
    """Term lists come from the begrippenkader, never from the template file itself."""
    kader = catalogus_kopie / "schemas" / "begrippenkader.yml"
    tekst = kader.read_text(encoding="utf-8")
    assert tekst.count("      - id: coaching\n") == 1
    kader.write_text(tekst.replace("      - id: coaching\n", "      - id: zomerschool\n        label: Zomerschool\n"
                                   "        definitie: Een week scholing in de zomer.\n      - id: coaching\n"), encoding="utf-8")
    pad = _maak(catalogus_kopie, "scholing", "met-nieuwe-vorm")
    vorm = next(r for r in pad.read_text(encoding="utf-8").splitlines() if r.startswith("# Eén van: cursus"))
    assert "zomerschool" in vorm
