"""Session fixtures: the six sites, really built with MkDocs (and Pagefind), once per test run.

`gebouwde_sites` is shared with other parts (search browser tests, PR flow):
it returns the output root with `landelijk/ noord/ oost/ zuid/ noordwest/
zuidwest/` and an `index.html`, built by `lab build` logic (local base URL
http://127.0.0.1:8000/, peildatum PEILDATUM) from a copy of the example
catalogue plus three test records:

- `verlopen-testscholing` (zuid): `geldig_tot` passed, never published;
- `testscholing-zonder-startmoment` (zuid, oost): only past runs and not
  doorlopend, so the beslisboom judges it niet geschikt;
- `testscholing-met-oude-uitvoering` (zuid): one past run (in 'Oudplaats',
  hidden) and one to come (in 'Nieuwplaats').

`gebouwde_vijandige_sites` builds landelijk and zuid from a catalogue with a
hostile record and provider (script, javascript: links, HTML attributes).
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from lab_catalogus.build import BouwOpdracht, bouw
from lab_catalogus.catalogus import Catalogus, laad_catalogus

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2027, 1, 15)
BASIS_URL = "http://127.0.0.1:8000/"
VOORBEELD = "werken-met-netwerken"  # a complete example record the test records start from

VERLOPEN = "verlopen-testscholing"
NIET_GESCHIKT = "testscholing-zonder-startmoment"
OUDE_UITVOERING = "testscholing-met-oude-uitvoering"
VIJANDIG = "vijandige-testscholing"
VIJANDIGE_AANBIEDER = "vijandige-aanbieder"


def kopieer_catalogus(doel: Path) -> Path:
    shutil.copytree(REPO / "content", doel / "content")
    shutil.copytree(REPO / "schemas", doel / "schemas")
    return doel


def voorbeeld_record(root: Path, naam: str = VOORBEELD) -> dict:
    return yaml.safe_load((root / "content" / "scholing" / f"{naam}.yml").read_text(encoding="utf-8"))


def schrijf(root: Path, soort: str, record_id: str, data: dict) -> None:
    (root / "content" / soort / f"{record_id}.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def voeg_testrecords_toe(root: Path) -> None:
    basis = voorbeeld_record(root)
    verlopen = dict(basis, titel="Verlopen testscholing", regios=["zuid"], geldig_tot=datetime.date(2026, 12, 31))
    schrijf(root, "scholing", VERLOPEN, verlopen)
    zonder = dict(basis, titel="Testscholing zonder startmoment", regios=["zuid", "oost"],
                  uitvoeringen=[{"start": datetime.date(2026, 9, 1), "eind": datetime.date(2026, 9, 29)}])
    schrijf(root, "scholing", NIET_GESCHIKT, zonder)
    oud = dict(basis, titel="Testscholing met oude uitvoering", regios=["zuid"],
               uitvoeringen=[{"start": datetime.date(2026, 10, 1), "eind": datetime.date(2026, 10, 8), "plaats": "Oudplaats"},
                             {"start": datetime.date(2027, 3, 2), "eind": datetime.date(2027, 3, 30), "plaats": "Nieuwplaats"}])
    schrijf(root, "scholing", OUDE_UITVOERING, oud)


HOSTILE_SCRIPT = "<script>alert(1)</script>"


def voeg_vijandige_records_toe(root: Path) -> None:
    basis = voorbeeld_record(root)
    record = dict(basis)
    record.update(
        titel=f"Vijandig {HOSTILE_SCRIPT}",
        aanbieder=VIJANDIGE_AANBIEDER,
        samenvatting=f"Een samenvatting met {HOSTILE_SCRIPT} en <img src=x onerror=alert(1)> erin.",
        doel=("Een doel met [klik](javascript:alert(1)) en [ook](JaVaScRiPt:alert(1)) en "
              f"{HOSTILE_SCRIPT} en <a href=\"javascript:alert(1)\">link</a> en <img src=x onerror=alert(1)>.\n\n"
              "Een [gewone link](https://voorbeeld.example.nl/pad) mag wel."),
        instapvoorwaarden='" onmouseover="alert(1)',
        leeruitkomsten=["Je kunt <img src=x onerror=alert(1)> beschrijven in je eigen wijk.",
                        "Je kunt \" onmouseover=\"alert(1) toepassen in je werk."],
        trefwoorden=["</script><script>alert(1)</script>"],
        regios=["zuid"],
    )
    record["locatie"] = dict(record["locatie"], adres='"><script>alert(2)</script>')
    record["contact"] = dict(record["contact"], naam='"><img src=x onerror=alert(3)>')
    schrijf(root, "scholing", VIJANDIG, record)
    aanbieder = yaml.safe_load((root / "content" / "aanbieders" / "hogeschool-noorderzon.yml").read_text(encoding="utf-8"))
    aanbieder.update(naam='<b onmouseover="alert(3)">Kwaadwillig</b>',
                     beschrijving=("Beschrijving met <iframe src=javascript:alert(4)></iframe> en "
                                   "[link](javascript:alert(5)) en <svg onload=alert(6)>."))
    schrijf(root, "aanbieders", VIJANDIGE_AANBIEDER, aanbieder)


@dataclass
class GebouwdeSites:
    uit: Path
    root: Path
    catalogus: Catalogus


def _bouw(root: Path, uit: Path, namen=None) -> None:
    resultaten = bouw(BouwOpdracht(root, uit, PEILDATUM, BASIS_URL), namen, meld=lambda tekst: None)
    mislukt = [f"{r.site}: {r.fout}" for r in resultaten if not r.gelukt]
    assert not mislukt, mislukt


def _bouw_catalogus(tmp_path_factory, naam: str, voeg_toe, namen=None) -> GebouwdeSites:
    """A copy of the example catalogue plus `voeg_toe`'s records, built once (all sites, or `namen`)."""
    basis = tmp_path_factory.mktemp(naam)
    root = kopieer_catalogus(basis / "catalogus")
    voeg_toe(root)
    uit = basis / "site"
    _bouw(root, uit, namen)
    catalogus, _ = laad_catalogus(root, PEILDATUM)
    return GebouwdeSites(uit, root, catalogus)


@pytest.fixture(scope="session")
def gebouwde_sites_info(tmp_path_factory) -> GebouwdeSites:
    return _bouw_catalogus(tmp_path_factory, "sites", voeg_testrecords_toe)


@pytest.fixture(scope="session")
def gebouwde_sites(gebouwde_sites_info) -> Path:
    """Output root of the six built sites (see the module docstring for what is in them)."""
    return gebouwde_sites_info.uit


@pytest.fixture(scope="session")
def gebouwde_vijandige_sites(tmp_path_factory) -> GebouwdeSites:
    return _bouw_catalogus(tmp_path_factory, "vijandig", voeg_vijandige_records_toe, ["landelijk", "zuid"])
