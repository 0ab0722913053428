"""The whole catalogue: files and folders, references, derived loket facts, the example and big catalogues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gevallen import CATALOGUS, LOKET, PEILDATUM, REPO, Geval, maak_catalogus, plek
from lab_catalogus import catalogus as catalogus_module
from lab_catalogus.catalogus import laad_catalogus
from test_reader import _controleer


@pytest.mark.parametrize("geval", CATALOGUS, ids=lambda g: g.naam)
def test_catalogusfouten(geval: Geval, tmp_path: Path):
    root = maak_catalogus(tmp_path / "catalogus", geval.bestanden)
    _, gevonden = laad_catalogus(root, PEILDATUM)
    _controleer(gevonden, geval)


def test_vreemde_bestanden_en_mappen(tmp_path: Path):
    root = maak_catalogus(tmp_path / "catalogus", {
        "content/scholing/oud-record.yaml": "titel: x\n",
        "content/scholingen/los.yml": "titel: x\n",
        "content/scholing/notities.docx": "x",
        "content/scholing/LEESMIJ.md": "alleen uitleg",
        "content/scholing/.verborgen.yml": "niet: lezen",
    })
    _, gevonden = laad_catalogus(root, PEILDATUM)
    per_bestand = {f.bestand: f for f in gevonden if f.code in ("extensie", "onbekende-map", "geen-record")}
    assert per_bestand["content/scholing/oud-record.yaml"].suggestie == "oud-record.yml"
    assert "hernoem" in per_bestand["content/scholing/oud-record.yaml"].boodschap
    assert per_bestand["content/scholingen/los.yml"].suggestie == "scholing"
    assert per_bestand["content/scholing/notities.docx"].ernst == "waarschuwing"
    assert not any("LEESMIJ" in f.bestand or "verborgen" in f.bestand for f in gevonden)


def test_voorbeeldcatalogus_is_foutloos_en_volledig():
    catalogus, gevonden = laad_catalogus(REPO, PEILDATUM)
    assert [f for f in gevonden if f.is_fout] == []
    assert len(catalogus.academies) >= 5 and len(catalogus.aanbieders) >= 8
    assert len(catalogus.scholing) >= 20 and len(catalogus.loketten) >= 10
    assert {s.regios[0] for s in catalogus.scholing.values()} >= set(catalogus.kader.ids("regios"))
    assert {p for s in catalogus.scholing.values() for p in s.carrierepad} == {"A", "B", "C", "D"}
    assert len({s.vorm for s in catalogus.scholing.values()}) >= 8
    assert {st.status for st in catalogus.loket_statussen.values()} == {"volwaardig", "in ontwikkeling"}
    titels = " ".join(s.titel.lower() for s in catalogus.scholing.values())
    for pilot in ("hoe werkt die gemeente nou", "bewegen in de openbare ruimte", "clubkadercoach", "walking football",
                  "werken met netwerken", "senioren"):
        assert pilot in titels, pilot


def test_loket_status_en_regios_worden_afgeleid(tmp_path: Path):
    volwaardig = LOKET
    zonder_kader = LOKET.replace("  data_en_kennis: true", "  data_en_kennis: false")
    zonder_bond = LOKET.replace("  - {naam: Landelijke Voetbalbond, rol: sportbond}\n", "")
    over_grens = LOKET.replace("gemeenten: [Oss, Bernheze]", "gemeenten: [Oss, Nijmegen]")
    root = maak_catalogus(tmp_path / "catalogus", {
        "content/loketten/t-volwaardig.yml": volwaardig, "content/loketten/t-zonder-kader.yml": zonder_kader,
        "content/loketten/t-zonder-bond.yml": zonder_bond, "content/loketten/t-over-grens.yml": over_grens})
    catalogus, gevonden = laad_catalogus(root, PEILDATUM)
    assert [f for f in gevonden if f.bestand.startswith("content/loketten/t-") and f.is_fout] == []
    st = catalogus.loket_statussen
    assert (st["t-volwaardig"].status, st["t-volwaardig"].regios, st["t-volwaardig"].provincies) == (
        "volwaardig", ("zuid",), ("noord-brabant",))
    assert (st["t-zonder-kader"].status, st["t-zonder-kader"].ontbrekende_kaders) == ("in ontwikkeling", ("data_en_kennis",))
    assert (st["t-zonder-bond"].status, st["t-zonder-bond"].ontbrekende_rollen) == ("in ontwikkeling", ("sportbond",))
    assert set(st["t-over-grens"].regios) == {"zuid", "oost"}


def test_werkgebied_met_onbekende_gemeente(tmp_path: Path):
    tekst = LOKET.replace("gemeenten: [Oss, Bernheze]", "gemeenten: [Oss, Bernhez]")
    root = maak_catalogus(tmp_path / "catalogus", {"content/loketten/test-loket.yml": tekst})
    _, gevonden = laad_catalogus(root, PEILDATUM)
    eigen = [f for f in gevonden if f.bestand == "content/loketten/test-loket.yml"]
    assert [(f.regel, f.kolom, f.veld, f.suggestie) for f in eigen] == [
        (*plek(tekst, "[Oss, Bernhez]", "Bernhez"), "werkgebied.gemeenten[2]", "Bernheze")]


# --- a generated catalogue of 1,000 courses (the benchmark generator) -------------------------

@pytest.fixture(scope="module")
def groot(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("groot") / "catalogus"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--aantal", "1000", "--uit", str(root)],
                   check=True, capture_output=True, timeout=300)
    return root


def test_gegenereerde_catalogus_is_geldig(groot: Path):
    catalogus, gevonden = laad_catalogus(groot, PEILDATUM)
    assert [f for f in gevonden if f.is_fout] == []
    assert (len(catalogus.scholing), len(catalogus.aanbieders), len(catalogus.loketten)) == (1000, 50, 20)


def test_regelnummer_klopt_in_grote_catalogus_ook_parallel(groot: Path, monkeypatch):
    """One broken record among 1,000: exact line and column, whether checked in parallel or not."""
    bestanden = sorted((groot / "content" / "scholing").glob("*.yml"))
    pad = bestanden[len(bestanden) // 2]
    origineel = pad.read_text(encoding="utf-8")
    kapot = origineel.replace("\nvorm: ", "\nvorm: x", 1).replace("  email: ", "  email: geen-adres ", 1)
    pad.write_text(kapot, encoding="utf-8")
    try:
        assert len(list((groot / "content").rglob("*.yml"))) >= catalogus_module.PARALLEL_VANAF
        parallel_cat, parallel = laad_catalogus(groot, PEILDATUM)
        monkeypatch.setattr(catalogus_module, "PARALLEL_VANAF", 10**9)
        serieel_cat, serieel = laad_catalogus(groot, PEILDATUM)
    finally:
        pad.write_text(origineel, encoding="utf-8")
    bestand = f"content/scholing/{pad.name}"
    regel_vorm = kapot.split("\nvorm: x")[0].count("\n") + 2
    regel_email = kapot.split("  email: geen-adres")[0].count("\n") + 1
    fouten = [(f.bestand, f.regel, f.kolom, f.veld, f.code) for f in parallel if f.is_fout]
    assert fouten == [(bestand, regel_vorm, 7, "vorm", "lab_term"),
                      (bestand, regel_email, 10, "contact.email", "lab_email")]
    assert parallel == serieel
    assert set(parallel_cat.scholing) == set(serieel_cat.scholing) and pad.stem not in parallel_cat.scholing
    assert len(parallel_cat.scholing) == 999
