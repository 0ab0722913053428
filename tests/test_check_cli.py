"""`lab check` as people and CI run it: the real command in a subprocess, exit codes and every output format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gevallen import ALLE, PEILDATUM, SCHOLING, SCHOLING_PAD, Geval, maak_catalogus, plek, variant

LAB = [sys.executable, "-m", "lab_catalogus.cli"]


def lab(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*LAB, *args], capture_output=True, text=True, cwd=cwd, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return lab("check", "--root", str(root), "--peildatum", PEILDATUM.isoformat(), *args)


@pytest.mark.parametrize("geval", ALLE, ids=lambda g: g.naam)
def test_elke_foute_invoer_via_de_cli_als_json(geval: Geval, tmp_path: Path):
    root = maak_catalogus(tmp_path / "catalogus", geval.bestanden)
    uit = check(root, "--format", "json")
    assert uit.returncode == 1, uit.stderr
    meldingen = json.loads(uit.stdout)
    verwacht = geval.verwacht()
    passend = [m for m in meldingen if all(m[k] == v for k, v in verwacht.items())]
    assert passend, f"verwacht {verwacht}; kreeg {[m for m in meldingen if m['bestand'] == geval.bestand]}"
    assert all(fragment in passend[0]["boodschap"] for fragment in geval.bevat)


def test_schone_catalogus_exit_0(catalogus_kopie: Path):
    uit = check(catalogus_kopie)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert [r for r in uit.stdout.splitlines() if ": fout: " in r] == []
    assert re.search(r"Gecontroleerd \(\d+ scholingen, \d+ aanbieders, \d+ loketten, \d+ academies\)", uit.stderr)


def test_alleen_waarschuwingen_exit_0(tmp_path: Path):
    """A beslisboom aandachtspunt (learning outcome without an observable verb) warns but does not fail."""
    oud = "  - Je kunt een melding van lab check analyseren en het veld in het record verbeteren."
    tekst = variant({oud: "  - Je begrijpt wat de meldingen van lab check betekenen."})
    root = maak_catalogus(tmp_path / "catalogus", {SCHOLING_PAD: tekst})
    uit = check(root, str(root / SCHOLING_PAD))  # paths are relative to the working directory, like any command
    assert uit.returncode == 0, uit.stdout
    regels = uit.stdout.splitlines()
    assert len(regels) == 1
    assert regels[0].startswith(f"{SCHOLING_PAD}:{tekst[:tekst.index('  - Je begrijpt')].count(chr(10)) + 1}:5: "
                                "waarschuwing: leeruitkomsten[1]: ")
    assert "0 fouten, 1 waarschuwing" in uit.stderr


KAPOT = variant({"\nvorm: cursus\n": "\nvorm: wokshop\n"})
REGEL, KOLOM = plek(KAPOT, "vorm: wokshop", "wokshop")  # where the misspelt term sits


def _kapot(tmp_path: Path) -> Path:
    return maak_catalogus(tmp_path / "catalogus", {SCHOLING_PAD: KAPOT})


def test_tekstformaat(tmp_path: Path):
    uit = check(_kapot(tmp_path))
    assert uit.returncode == 1
    assert (f"content/scholing/test-scholing.yml:{REGEL}:{KOLOM}: fout: vorm: 'wokshop' is geen term uit de lijst "
            "'scholingsvormen' "
            "van het begrippenkader (bedoelde je 'workshop'?)") in uit.stdout.splitlines()
    assert "1 fout" in uit.stderr


def test_github_formaat(tmp_path: Path):
    uit = check(_kapot(tmp_path), "--format", "github")
    assert uit.returncode == 1
    assert (f"::error file=content/scholing/test-scholing.yml,line={REGEL},col={KOLOM},title=vorm::"
            "'wokshop' is geen term uit de "
            "lijst 'scholingsvormen' van het begrippenkader (bedoelde je 'workshop'?)") in uit.stdout.splitlines()
    assert all(r.startswith(("::error ", "::warning ")) for r in uit.stdout.splitlines())


def test_json_formaat(tmp_path: Path):
    uit = check(_kapot(tmp_path), "--format", "json")
    fouten = [m for m in json.loads(uit.stdout) if m["ernst"] == "fout"]
    assert fouten == [{"bestand": "content/scholing/test-scholing.yml", "regel": REGEL, "kolom": KOLOM, "ernst": "fout",
                       "veld": "vorm", "boodschap": "'wokshop' is geen term uit de lijst 'scholingsvormen' van het "
                       "begrippenkader", "suggestie": "workshop", "code": "lab_term"}]


def test_alleen_opgegeven_bestanden_rapporteren(tmp_path: Path):
    root = _kapot(tmp_path)
    ander = root / "content" / "scholing" / "werken-met-netwerken.yml"
    assert ander.exists()
    uit = check(root, str(ander))
    assert uit.returncode == 0 and ": fout: " not in uit.stdout
    uit = check(root, str(root / "content" / "scholing"))
    assert uit.returncode == 1 and f"test-scholing.yml:{REGEL}:{KOLOM}" in uit.stdout


def test_standaard_root_is_de_huidige_map(tmp_path: Path):
    root = _kapot(tmp_path)
    uit = lab("check", "--peildatum", PEILDATUM.isoformat(), "content/scholing/test-scholing.yml", cwd=root)
    assert uit.returncode == 1 and uit.stdout.startswith(f"content/scholing/test-scholing.yml:{REGEL}:{KOLOM}: fout: vorm:")


@pytest.mark.parametrize("args,fragment", [
    (["check", "--format", "xml"], "lab: fout: --format: ongeldige keuze 'xml'; kies uit 'text', 'github', 'json'"),
    (["check", "--peildatum", "morgen"], "lab: fout: --peildatum: 'morgen' is geen datum in de vorm JJJJ-MM-DD"),
    (["check", "--peildatum"], "lab: fout: --peildatum: hier hoort een waarde bij"),
    (["check", "content/bestaat-niet.yml"], "bestaat niet"),
    (["check", "--onbekend"], "lab: fout: onbekende argumenten: --onbekend"),
    (["check", "/"], "ligt niet binnen de catalogus"),
    (["nieuw"], "lab: fout: deze argumenten ontbreken: soort, ID"),
    (["bestaat-niet"], "lab: fout: COMMANDO: ongeldige keuze 'bestaat-niet'"),
])
def test_gebruiksfouten_exit_2(catalogus_kopie: Path, args, fragment):
    """Usage errors are Dutch too (argparse itself only speaks English)."""
    uit = lab(*args, cwd=catalogus_kopie)
    assert uit.returncode == 2, uit.stdout + uit.stderr
    assert fragment in uit.stderr
    engels = re.findall(r"\b(usage|invalid|argument|expected|required|unrecognized|choose)\b", uit.stderr)
    assert engels == [], uit.stderr


def test_hulp_is_nederlands():
    uit = lab("check", "--help")
    assert uit.returncode == 0
    assert uit.stdout.startswith("gebruik: lab check")
    assert "\nopties:\n" in uit.stdout and "toon deze uitleg en stop" in uit.stdout
    assert "usage" not in uit.stdout and "show this help" not in uit.stdout


def test_geen_catalogus_exit_2(tmp_path: Path):
    uit = lab("check", "--root", str(tmp_path))
    assert uit.returncode == 2
    assert "staat geen map 'schemas'" in uit.stderr and "--root" in uit.stderr


def test_ontbrekende_content_map_is_een_fout(tmp_path: Path, catalogus_kopie: Path):
    import shutil
    shutil.rmtree(catalogus_kopie / "content")
    uit = check(catalogus_kopie)
    assert uit.returncode == 1 and "de map 'content' ontbreekt" in uit.stdout


def test_groot_bestand_via_cli(tmp_path: Path):
    root = maak_catalogus(tmp_path / "catalogus", {})
    with (root / SCHOLING_PAD).open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB (sparse): refused by size, never read
    uit = check(root, "--format", "json")
    assert uit.returncode == 1
    assert [(m["regel"], m["kolom"], m["code"]) for m in json.loads(uit.stdout) if m["bestand"] == SCHOLING_PAD] == [
        (1, 1, "bestand-te-groot")]
