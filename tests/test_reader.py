"""The reader: every unreadable file becomes one clear, located finding; nothing raises or crashes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from gevallen import LEZEN, PEILDATUM, REPO, SCHOLING, Geval, maak_catalogus
from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.yaml_reader import MAX_BESTAND_BYTES, lees_bestand, lees_bytes


def _controleer(gevonden, geval: Geval) -> None:
    eigen = [f for f in gevonden if f.bestand == geval.bestand]
    passend = [f for f in eigen if f.code == geval.code]
    assert passend, f"geen melding '{geval.code}' voor {geval.bestand}; wel: {eigen}"
    f = passend[0]
    assert (f.bestand, f.regel, f.kolom, f.veld, f.ernst, f.suggestie) == (
        geval.bestand, geval.regel, geval.kolom, geval.veld, geval.ernst, geval.suggestie)
    for fragment in geval.bevat:
        assert fragment in f.boodschap, f.boodschap


@pytest.mark.parametrize("geval", LEZEN, ids=lambda g: g.naam)
def test_onleesbaar_bestand_geeft_een_melding_met_plek(geval: Geval, tmp_path: Path):
    root = maak_catalogus(tmp_path / "catalogus", geval.bestanden)
    catalogus, gevonden = laad_catalogus(root, PEILDATUM)
    _controleer(gevonden, geval)
    # Exactly one finding for an unreadable file, and the record is not published.
    assert len([f for f in gevonden if f.bestand == geval.bestand]) == 1
    assert "test-scholing" not in catalogus.scholing


@pytest.mark.parametrize("geval", LEZEN, ids=lambda g: g.naam)
def test_lees_bytes_direct(geval: Geval):
    inhoud = geval.bestanden[geval.bestand]
    ruw = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    gelezen = lees_bytes(ruw, geval.bestand)
    # A duplicate key still yields data (the rest of the record gets checked too), but never as readable.
    assert not gelezen.leesbaar and (gelezen.data is None) == (geval.code != "dubbele-sleutel")
    assert [(f.regel, f.kolom, f.code) for f in gelezen.findings] == [(geval.regel, geval.kolom, geval.code)]


def test_geldig_record_geeft_dezelfde_data_als_yaml_load():
    """The fast builder must build exactly what PyYAML's safe constructor builds."""
    paden = sorted((REPO / "content").rglob("*.yml"))
    assert len(paden) > 40
    for pad in paden:
        ruw = pad.read_bytes()
        gelezen = lees_bytes(ruw, pad.name)
        assert gelezen.findings == [] and gelezen.data == yaml.load(ruw, Loader=yaml.CSafeLoader), pad


@pytest.mark.parametrize("tekst", [
    "a: 1\nb: [x, 2.5, true, ~, 2027-03-01]\nc: {d: 'e', f: 0x1F}\n",
    "a: &anker 1\nb: *anker\nc: [1, 2]\n",  # with an anchor: the careful loader
    "<<: {a: 1}\nb: 2\n",  # merge key: handed to the safe constructor
    "a: !!binary aGFsbG8=\n",
    "titel: 'Sport & bewegen'\n",  # '&' inside a string: careful loader, same data
])
def test_beide_laadpaden_gelijk_aan_yaml_load(tekst: str):
    assert lees_bytes(tekst.encode(), "x.yml").data == yaml.load(tekst, Loader=yaml.CSafeLoader)


@pytest.mark.parametrize("tekst,sleutel,regel,kolom", [
    ("a: 1\nb: 2\na: 3\n", "a", 3, 1),
    ("kosten:\n  bedrag: 1\n  bedrag: 2\n", "bedrag", 3, 3),
    ("a: &x {k: 1, k: 2}\nb: *x\n", "k", 1, 14),  # careful loader (anchor present)
    ("a: {k: 1, k: 2}\n", "k", 1, 11),
])
def test_dubbele_sleutel_op_elke_diepte(tekst, sleutel, regel, kolom):
    gelezen = lees_bytes(tekst.encode(), "x.yml")
    dubbel = [f for f in gelezen.findings if f.code == "dubbele-sleutel"]
    assert [(f.veld, f.regel, f.kolom) for f in dubbel] == [(sleutel, regel, kolom)]
    assert "houd er één over" in dubbel[0].boodschap


@pytest.mark.parametrize("ruw,code,regel,kolom,fragment", [
    (b"titel: a\x00b\n", "geen-tekst", 1, 9, "NUL-byte"),
    (b"a: 1\n---\nb: 2\n", "yaml", 2, 1, "meer dan één document"),
    (b"a: !foo x\n", "yaml", 1, 4, "onbekende tag"),
    (b"a: @x\n", "yaml", 1, 4, "niet met '@' beginnen"),
    (b"a: [1, 2\nb: 3\n", "yaml", 2, 2, "niet goed afgesloten"),
    (b'a: "abc\n', "yaml", 2, 1, "houdt halverwege op"),
    (b"a: *nergens\n", "yaml", 1, 4, "anker (&) dat niet bestaat"),
    (b"null\n", "geen-map", 1, 1, "losse waarde"),
    (b"? [a]\n: 1\n", "yaml", 1, 3, "gewoon woord"),
])
def test_overige_leesfouten(ruw, code, regel, kolom, fragment):
    gelezen = lees_bytes(ruw, "x.yml")
    assert [(f.code, f.regel, f.kolom) for f in gelezen.findings] == [(code, regel, kolom)]
    assert fragment in gelezen.findings[0].boodschap


def test_bom_aan_het_begin_is_geen_probleem():
    gelezen = lees_bytes("\ufeff".encode() + SCHOLING.encode(), "x.yml")
    assert gelezen.findings == [] and gelezen.data["titel"].startswith("Testcursus")


def test_te_groot_bestand_wordt_geweigerd_voor_het_lezen(tmp_path: Path):
    """A 50 MB file is refused by its size, in a separate process whose peak memory we can read."""
    groot = tmp_path / "groot.yml"
    with groot.open("wb") as f:
        f.write(b"titel: " + b"x" * (50 * 1024 * 1024) + b"\n")
    script = textwrap.dedent(f"""
        import resource, sys
        from pathlib import Path
        from lab_catalogus.yaml_reader import lees_bestand
        voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        g = lees_bestand(Path({str(groot)!r}), "groot.yml")
        na = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(g.findings[0].code, g.findings[0].regel, g.findings[0].kolom, (na - voor) // 1024)
        print(g.findings[0].boodschap)
    """)
    uit = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    eerste, boodschap = uit.stdout.splitlines()
    code, regel, kolom, extra_mb = eerste.split()
    assert (code, regel, kolom) == ("bestand-te-groot", "1", "1")
    assert int(extra_mb) < 10, "het bestand is (deels) ingelezen"
    assert "te groot (50.0 MB" in boodschap and f"hoogstens {MAX_BESTAND_BYTES // 1024} KB" in boodschap


def test_te_groot_als_bytes():
    gelezen = lees_bytes(b"a" * (MAX_BESTAND_BYTES + 1), "x.yml")
    assert [f.code for f in gelezen.findings] == ["bestand-te-groot"]


@pytest.mark.parametrize("tekst", [
    "titel: " + "[" * 200_000 + "]" * 200_000,
    "- " * 200_000 + "x",
    "a: " + "{b: " * 100_000 + "1" + "}" * 100_000,
])
def test_diepe_nesting_laat_het_proces_niet_crashen(tekst: str, tmp_path: Path):
    """libyaml composes recursively in C: without the guard this input kills the process (segfault)."""
    pad = tmp_path / "diep.yml"
    pad.write_text(tekst, encoding="utf-8")
    script = ("import sys; from pathlib import Path; from lab_catalogus.yaml_reader import lees_bestand; "
              f"g = lees_bestand(Path({str(pad)!r}), 'diep.yml'); print(g.findings[0].code, g.findings[0].regel)")
    uit = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert uit.returncode == 0, f"proces eindigde met {uit.returncode}: {uit.stderr[-500:]}"
    assert uit.stdout.split() == ["te-diep", "1"]


def test_onleesbaar_pad(tmp_path: Path):
    gelezen = lees_bestand(tmp_path / "bestaat-niet.yml", "bestaat-niet.yml")
    assert [f.code for f in gelezen.findings] == ["onleesbaar"]
    assert "kan het bestand niet lezen" in gelezen.findings[0].boodschap
