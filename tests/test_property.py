"""Property-based: whatever bytes or mappings arrive, the reader and validator return findings, never raise."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gevallen import PEILDATUM, REPO, SCHOLING
from lab_catalogus.catalogus import controleer_record, laad_context
from lab_catalogus.models import SOORTEN
from lab_catalogus.yaml_reader import lees_bytes

INSTELLINGEN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _contractsleutels() -> list[str]:
    sleutels: set[str] = set()

    def loop(model):
        for naam, veld in model.model_fields.items():
            sleutels.add(naam)
            for arg in [veld.annotation, *getattr(veld.annotation, "__args__", ())]:
                for binnen in [arg, *getattr(arg, "__args__", ())]:
                    if isinstance(binnen, type) and hasattr(binnen, "model_fields"):
                        loop(binnen)

    for model, _, _ in SOORTEN.values():
        loop(model)
    return sorted(sleutels)


SLEUTELS = st.sampled_from(_contractsleutels()) | st.text(max_size=12)
SCALARS = (st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True, allow_infinity=True)
           | st.text(max_size=40) | st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1))
           | st.sampled_from(["cursus", "zuid", "Eindhoven", "https://x.example.nl", "a@b.nl", "A", "vrijgesteld"]))
WAARDEN = st.recursive(SCALARS, lambda kind: st.lists(kind, max_size=4) | st.dictionaries(SLEUTELS, kind, max_size=5),
                       max_leaves=25)
RECORDS = st.dictionaries(SLEUTELS, WAARDEN, max_size=14)


@pytest.fixture(scope="module")
def context():
    return laad_context(REPO, PEILDATUM)


@pytest.fixture(scope="module")
def werkmap(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("property")


def _klopt(findings, tekst: str | None) -> None:
    regels = (tekst.count("\n") + 2) if tekst is not None else None
    for f in findings:
        assert f.ernst in ("fout", "waarschuwing") and f.boodschap.strip()
        assert f.regel is None or (f.regel >= 1 and (regels is None or f.regel <= regels)), f
        assert f.kolom is None or f.kolom >= 1


@INSTELLINGEN
@given(st.binary(max_size=2000))
def test_willekeurige_bytes(ruw: bytes):
    gelezen = lees_bytes(ruw, "x.yml")
    assert isinstance(gelezen.data, dict) or gelezen.data is None
    if gelezen.data is None:
        assert any(f.is_fout for f in gelezen.findings)  # unreadable is never silent
    _klopt(gelezen.findings, None)


@INSTELLINGEN
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!?|>'\"#\t\n ,.0123456789")), max_size=300))
def test_willekeurige_yaml_achtige_tekst(tekst: str):
    gelezen = lees_bytes(tekst.encode("utf-8"), "x.yml")
    assert isinstance(gelezen.data, dict) or any(f.is_fout for f in gelezen.findings)
    _klopt(gelezen.findings, tekst)


@INSTELLINGEN
@given(record=RECORDS, soort=st.sampled_from(list(SOORTEN)))
def test_willekeurige_records(record: dict, soort: str, context, werkmap: Path):
    tekst = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    pad = werkmap / soort / "willekeurig-record.yml"
    pad.parent.mkdir(exist_ok=True)
    pad.write_text(tekst, encoding="utf-8")
    resultaat, findings = controleer_record(soort, pad, f"content/{soort}/{pad.name}", context)
    # Either a valid record, or at least one error saying why not; never both, never neither.
    assert (resultaat is None) == any(f.is_fout for f in findings)
    _klopt(findings, tekst)


@INSTELLINGEN
@given(regel=st.integers(0, SCHOLING.count("\n") - 1), nieuw=st.text(max_size=60))
def test_een_regel_van_een_geldig_record_vervangen(regel: int, nieuw: str, context, werkmap: Path):
    regels = SCHOLING.split("\n")
    regels[regel] = nieuw
    tekst = "\n".join(regels)
    pad = werkmap / "scholing" / "test-scholing.yml"
    pad.parent.mkdir(exist_ok=True)
    pad.write_bytes(tekst.encode("utf-8", "surrogatepass"))
    resultaat, findings = controleer_record("scholing", pad, "content/scholing/test-scholing.yml", context)
    assert (resultaat is None) == any(f.is_fout for f in findings)
    _klopt(findings, tekst)
