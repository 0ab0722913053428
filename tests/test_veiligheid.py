"""Untrusted content end to end: hostile YAML, hostile values in every output, the PR comment.

Everything runs for real: the installed `lab` command in a subprocess on a copy
of the example catalogue, a real git repository for `lab rapport`, Node for the
comment workflow's script. Expected places are computed from the fixture text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from gitrepo import GitRepo, git_catalogus, lab  # noqa: F401 (fixture)
from markdown_it import MarkdownIt

from gevallen import ALIAS_BOM, PEILDATUM, REPO, SCHOLING, maak_catalogus, plek, variant

LAB = Path(sys.executable).parent / "lab"
PEIL = ["--peildatum", PEILDATUM.isoformat()]


def _lab(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    # Strict UTF-8 output, as on a CI runner: an unencodable character must not crash the command.
    return subprocess.run([str(LAB), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, errors="surrogateescape")


def _pad(naam: str) -> str:
    return f"content/scholing/{naam}.yml"


# --- hostile YAML, through `lab check` -----------------------------------------------------------

def _met_titel(regel: str) -> str:
    return variant({"titel: Testcursus samenwerken in de wijk": regel})


DIEP = "titel: " + "[" * 100_000 + "]" * 100_000 + "\n"
RECURSIEF = "titel: &a [*a]\n"
# Ten aliases, each list holding the previous one twice: 20 uses (not above the limit), but
# written out 1024 copies of 1,600 numbers. Walking that took minutes; it must be refused at once.
UITWAAIER = "a0: &a0 [" + ", ".join(["[1, 2, 3, 4, 5, 6, 7, 8]"] * 200) + "]\n" + "".join(
    f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 11))
MERGE_ONBEKEND = variant({"kosten:\n  bedrag: 95\n  btw: vrijgesteld\n":
                          "kosten:\n  <<: {bedrag: 95, btw: vrijgesteld, korting: 10}\n"})
MERGE_GOED = variant({"kosten:\n  bedrag: 95\n  btw: vrijgesteld\n": "kosten:\n  <<: {bedrag: 95, btw: vrijgesteld}\n"})
PYTHON_TAG = _met_titel("titel: !!python/object/apply:os.system ['touch {bewijs}']")
BINAIR = _met_titel("titel: !!binary aGFsbG8gd2VyZWxk")
SLEUTELS = {  # key as written -> what YAML reads it as
    "1": "een getal", "2.5": "een getal", "true": "een ja/nee-waarde", "no": "een ja/nee-waarde",
    "null": "een lege waarde", "2027-01-01": "een datum",
}
TIJD = variant({"  - start: 2027-03-01": "  - start: 2027-03-01 10:30:00"})


@pytest.fixture(scope="module")
def vijandige_check(tmp_path_factory) -> tuple[Path, dict[str, str], list[dict], Path]:
    """One catalogue with every hostile file, checked once by the real command (JSON output)."""
    basis = tmp_path_factory.mktemp("yaml")
    bewijs = basis / "GEHACKT"
    bestanden = {
        "alias-bom": ALIAS_BOM, "recursief": RECURSIEF, "uitwaaier": UITWAAIER, "diep": DIEP, "merge-onbekend": MERGE_ONBEKEND,
        "merge-goed": MERGE_GOED, "python-tag": PYTHON_TAG.replace("{bewijs}", str(bewijs)), "binair": BINAIR,
        "tijd": TIJD,
    }
    for i, sleutel in enumerate(SLEUTELS):
        bestanden[f"sleutel-{i}"] = variant({"  uren: 12\n": f"  uren: 12\n  {sleutel}: x\n"})
    root = maak_catalogus(basis / "catalogus", {_pad(naam): tekst for naam, tekst in bestanden.items()})
    with (root / _pad("groot")).open("wb") as f:
        f.write(b"titel: " + b"x" * (20 * 1024 * 1024) + b"\n")
    uit = _lab("check", "--root", str(root), *PEIL, "--format", "json")
    assert uit.returncode == 1, uit.stderr
    assert "Traceback" not in uit.stderr
    return root, bestanden, json.loads(uit.stdout), bewijs


def _van(meldingen: list[dict], naam: str) -> list[dict]:
    return [m for m in meldingen if m["bestand"] == _pad(naam) and not m["code"].startswith("beslisboom:")]


def test_alias_bom_en_kringverwijzing(vijandige_check):
    _, bestanden, meldingen, _ = vijandige_check
    [bom] = _van(meldingen, "alias-bom")
    assert (bom["code"], bom["regel"], bom["kolom"]) == ("alias-bom", *plek(ALIAS_BOM, "c: &c [", "&c"))
    [kring] = _van(meldingen, "recursief")
    assert (kring["code"], kring["regel"], kring["kolom"]) == ("alias-bom", *plek(RECURSIEF, "&a"))
    [waaier] = _van(meldingen, "uitwaaier")
    assert waaier["code"] == "alias-bom" and waaier["ernst"] == "fout" and "te grote" in waaier["boodschap"]
    assert UITWAAIER.count("*") <= 20  # refused for what the aliases expand to, not for their number


def test_diepe_nesting_en_groot_bestand(vijandige_check):
    _, _, meldingen, _ = vijandige_check
    [diep] = _van(meldingen, "diep")
    # Nesting is refused at the 21st '[' (the record itself is level 1).
    assert (diep["code"], diep["regel"], diep["kolom"]) == ("te-diep", 1, len("titel: ") + 21)
    [groot] = _van(meldingen, "groot")
    assert (groot["code"], groot["regel"], groot["kolom"]) == ("bestand-te-groot", 1, 1)
    assert "20.0 MB" in groot["boodschap"]


def test_merge_sleutels_zoals_yaml_maar_gecontroleerd(vijandige_check):
    """'<<' merges as in YAML 1.1; what it brings in is checked like any other field."""
    _, _, meldingen, _ = vijandige_check
    assert [m for m in _van(meldingen, "merge-goed") if m["ernst"] == "fout"] == []
    [onbekend] = _van(meldingen, "merge-onbekend")
    assert (onbekend["code"], onbekend["veld"]) == ("extra_forbidden", "kosten.korting")


def test_python_tag_wordt_niet_uitgevoerd(vijandige_check):
    _, bestanden, meldingen, bewijs = vijandige_check
    [tag] = _van(meldingen, "python-tag")
    assert (tag["code"], tag["regel"], tag["kolom"]) == ("yaml", *plek(bestanden["python-tag"], "titel: !!python", "!!"))
    assert "onbekende tag" in tag["boodschap"]
    assert not bewijs.exists(), "de YAML-tag heeft een commando uitgevoerd"


def test_binair_en_tijdstempel_zijn_geen_tekst_of_datum(vijandige_check):
    _, _, meldingen, _ = vijandige_check
    [binair] = _van(meldingen, "binair")
    assert (binair["veld"], binair["regel"], binair["kolom"]) == ("titel", *plek(BINAIR, "titel: !!binary", "!!"))
    assert "moet tekst zijn" in binair["boodschap"]
    [tijd] = _van(meldingen, "tijd")
    assert (tijd["veld"], tijd["regel"], tijd["kolom"]) == ("uitvoeringen[1].start",
                                                            *plek(TIJD, "start: 2027-03-01 10:30", "2027"))
    assert "JJJJ-MM-DD" in tijd["boodschap"]


@pytest.mark.parametrize("i,sleutel", list(enumerate(SLEUTELS)), ids=list(SLEUTELS))
def test_sleutel_die_geen_woord_is(vijandige_check, i: int, sleutel: str):
    """YAML reads 'no:' or '1:' as a boolean or number: one Dutch finding at that key, not pydantic's English."""
    _, bestanden, meldingen, _ = vijandige_check
    tekst = bestanden[f"sleutel-{i}"]
    [melding] = _van(meldingen, f"sleutel-{i}")
    assert (melding["code"], melding["regel"], melding["kolom"]) == (
        "sleutel-geen-tekst", *plek(tekst, f"\n  {sleutel}: x", sleutel))
    assert f"'{sleutel}' staat als veldnaam" in melding["boodschap"] and SLEUTELS[sleutel] in melding["boodschap"]
    assert "Keys should be strings" not in json.dumps(meldingen)


@pytest.mark.parametrize("bestand,wat", [("begrippenkader.yml", "het begrippenkader"),
                                         ("gemeenten.yml", "de gemeentelijst")])
def test_diepe_nesting_in_gedeelde_gegevens(catalogus_kopie: Path, bestand: str, wat: str):
    """schemas/ is edited by pull request like content: a deeply nested file used to crash libyaml (segfault)."""
    pad = catalogus_kopie / "schemas" / bestand
    pad.write_text(DIEP + pad.read_text(encoding="utf-8"), encoding="utf-8")
    uit = _lab("check", "--root", str(catalogus_kopie), *PEIL)
    assert uit.returncode == 1, (uit.returncode, uit.stderr[-300:])
    assert uit.stderr.strip() == (f"lab: fout: {pad}:1:{len('titel: ') + 21}: kan {wat} niet lezen: het record is hier "
                                  "dieper genest dan 20 niveaus; zo'n record kan niet kloppen. Controleer de haakjes "
                                  "en de inspringing")


def test_dubbele_sleutel_in_begrippenkader(catalogus_kopie: Path):
    """A duplicate key in a shared data file no longer silently wins."""
    pad = catalogus_kopie / "schemas" / "begrippenkader.yml"
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count("      - id: coaching\n        label: Coaching\n") == 1
    tekst = tekst.replace("      - id: coaching\n        label: Coaching\n",
                          "      - id: coaching\n        label: Coaching\n        label: Coachen\n")
    pad.write_text(tekst, encoding="utf-8")
    uit = _lab("check", "--root", str(catalogus_kopie), *PEIL)
    regel, kolom = plek(tekst, "        label: Coachen", "label")
    assert uit.returncode == 1
    assert f"begrippenkader.yml:{regel}:{kolom}: kan het begrippenkader niet lezen: het veld 'label' staat twee keer" in uit.stderr


# --- hostile values in the command's output -------------------------------------------------------

INJECTIE = "x\n::add-mask::geheim\r::warning::nep%0A\x1b[31mrood\u2028::error::ook"


def _commandos(uitvoer: str) -> list[str]:
    """Lines GitHub's runner would take as workflow commands: '::' or '##[' after leading whitespace."""
    return [r.lstrip() for r in re.split(r"\r\n|\r|\n", uitvoer) if r.lstrip().startswith(("::", "##["))]


def _github_ontsnap(tekst: str) -> str:
    """How GitHub reads an escaped annotation message back."""
    return tekst.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


@pytest.fixture(scope="module")
def injectie_catalogus(tmp_path_factory) -> Path:
    vorm = json.dumps("training" + INJECTIE)  # a YAML double-quoted string (JSON is YAML)
    sleutel = json.dumps("veld" + INJECTIE)
    return maak_catalogus(tmp_path_factory.mktemp("injectie") / "catalogus", {
        _pad("injectie"): variant({"\nvorm: cursus\n": f"\nvorm: {vorm}\n{sleutel}: 1\n"})})


def test_github_formaat_maakt_van_waarden_geen_commando(injectie_catalogus: Path):
    uit = _lab("check", "--root", str(injectie_catalogus), *PEIL, "--format", "github")
    assert uit.returncode == 1
    commandos = _commandos(uit.stdout + "\n" + uit.stderr)
    # Only our own annotations, one per finding, and nothing else that GitHub would execute.
    assert commandos and all(re.match(r"::(error|warning) file=[^:]*::", c) for c in commandos), commandos
    assert len(commandos) == len(uit.stdout.splitlines())
    eigen = [c for c in commandos if "file=content/scholing/injectie.yml" in c]
    assert len(eigen) == 2
    boodschappen = {_github_ontsnap(c.split("::", 2)[2]) for c in eigen}
    # The escaping is lossless apart from the terminal escape, which is written out.
    zichtbaar = INJECTIE.replace("\x1b", "\\x1b").replace("\u2028", "\\u2028")
    assert any(f"'training{zichtbaar}' is geen term" in b for b in boodschappen), boodschappen
    assert any(f"onbekend veld 'veld{zichtbaar}'" in b for b in boodschappen), boodschappen
    assert "\x1b" not in uit.stdout


def test_tekstformaat_een_regel_per_melding(injectie_catalogus: Path):
    uit = _lab("check", "--root", str(injectie_catalogus), *PEIL)
    assert uit.returncode == 1
    regels = uit.stdout.split("\n")[:-1]
    assert all(re.match(r"content/\S+\.yml(:\d+:\d+)?: (fout|waarschuwing): ", r) for r in regels), regels
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u2028]", uit.stdout + uit.stderr)
    assert any("'training x\\n::add-mask::geheim\\r::warning::nep%0A\\x1b[31mrood\\u2028::error::ook'".replace(
        "training x", "trainingx") in r for r in regels), regels
    assert _commandos(uit.stdout + uit.stderr) == []


def test_beslisboom_toont_titel_op_een_regel(catalogus_kopie: Path):
    pad = catalogus_kopie / "content" / "scholing" / "werken-met-netwerken.yml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("titel: Werken met netwerken", "titel: " + json.dumps("Werken" + INJECTIE), 1),
                   encoding="utf-8")
    uit = _lab("beslisboom", "--root", str(catalogus_kopie), *PEIL, str(pad))
    assert uit.returncode in (0, 1), uit.stderr
    assert uit.stdout.startswith("content/scholing/werken-met-netwerken.yml: Werkenx\\n::add-mask::geheim\\r")
    assert _commandos(uit.stdout + uit.stderr) == [] and "\x1b" not in uit.stdout


def test_foutmelding_op_stderr_blijft_een_regel(catalogus_kopie: Path):
    """A broken begrippenkader: the error names file and place, on one line, whatever the file holds."""
    pad = catalogus_kopie / "schemas" / "begrippenkader.yml"
    pad.write_text("lijsten: [\n::add-mask::geheim\n  ::set-output name=x::y\n", encoding="utf-8")
    uit = _lab("check", "--root", str(catalogus_kopie), *PEIL, "--format", "github")
    assert uit.returncode == 1
    assert len(uit.stderr.splitlines()) == 1 and uit.stderr.startswith(f"lab: fout: {pad}:")
    assert _commandos(uit.stdout + uit.stderr) == []


def test_bestandsnaam_die_geen_utf8_is(catalogus_kopie: Path):
    naam = os.fsdecode(b"caf\xe9.yml")
    (catalogus_kopie / "content" / "scholing" / naam).write_text(SCHOLING, encoding="utf-8")
    for formaat in ("text", "github", "json"):
        uit = _lab("check", "--root", str(catalogus_kopie), *PEIL, "--format", formaat)
        assert uit.returncode == 1 and "Traceback" not in uit.stderr, uit.stderr[-500:]
        assert "caf\\udce9.yml" in uit.stdout, formaat
    meldingen = json.loads(uit.stdout)
    assert any(m["bestand"] == "content/scholing/caf\udce9.yml" and m["code"] == "bestandsnaam" for m in meldingen)


# --- lab rapport: the PR comment -------------------------------------------------------------------

VIJANDIG = {
    "mention": "@someone en @org/team",
    "html": "<img src=x onerror=alert(1)>",
    "beeld": "![x](https://evil.example/x.png)",
    "link": "[link](javascript:alert(1))",
    "commentaar": "<!-- lab-rapport --> <!--",
    "code": "```\nblok\n```",
    "tabel": "| a | b |\n|---|---|\n| c | d |",
    "kop": "\n# Kop",
    "bidi": "abc\u202edcb",
}


def test_rapport_houdt_vijandige_tekst_inert(git_catalogus: GitRepo):
    r = git_catalogus
    rel = "content/scholing/vijandig.yml"
    data = yaml.safe_load(r.lees("content/scholing/werken-met-netwerken.yml"))
    data["titel"] = "Titel " + " ".join(VIJANDIG.values())[:100]
    data["samenvatting"] = "Samenvatting " + " ".join(VIJANDIG.values())
    data["vorm"] = "training " + VIJANDIG["mention"]  # an invalid value: it shows up in a finding as well
    r.schrijf(rel, "# yaml-language-server: $schema=../../schemas/scholing.schema.json\n"
              + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    r.schrijf("content/scholing/x`<img src=x onerror=alert(2)>`@naam.yml", r.lees(rel))
    uit = lab("rapport", "--base", "main", *PEIL, cwd=r.root)
    assert uit.returncode == 1, uit.stderr
    tekst = uit.stdout
    assert "Titel" in tekst and "Samenvatting" in tekst
    html = MarkdownIt("commonmark", {"html": True}).render(tekst)
    for verboden in ("<img", "<a ", "<pre", "<code>```", "<table", "<h2>Kop"):
        assert verboden not in html, verboden
    assert not re.search(r"<[^>]*\s(src|href|on[a-z]+)=", html), "een attribuut uit het record werd HTML"
    # Only our own title is a heading and only our own marker is an HTML comment.
    assert html.count("<h1>") == 1 and html.count("<!--") == 1 and tekst.count("<!-- lab-rapport -->") == 1
    assert not re.search(r"@[A-Za-z0-9]", tekst), "een @vermelding zou iemand pingen"
    assert "\u202e" not in tekst and "abc\ufffddcb" in tekst
    # Every record value stays inside its line: none of its table rows, fences or headings starts a line.
    for regel in tekst.splitlines()[1:]:
        assert not regel.startswith(("|", "```", "<!--", "blok")), regel
        assert not regel.startswith("#") or regel.startswith(("# LAB-rapport: ", "## ", "### ")), regel


def test_rapport_annotaties_zijn_escaped(git_catalogus: GitRepo):
    r = git_catalogus
    rel = "content/scholing/injectie.yml"
    r.schrijf(rel, r.lees("content/scholing/werken-met-netwerken.yml").replace(
        "vorm: training", "vorm: " + json.dumps("training" + INJECTIE), 1))
    uit = lab("rapport", "--base", "main", "--format", "github", "--uit", str(r.top.parent / "rapport.md"), *PEIL,
              cwd=r.root)
    assert uit.returncode == 1
    commandos = _commandos(uit.stdout + "\n" + uit.stderr)
    assert all(re.match(r"::(error|warning|notice) [^:]*::", c) for c in commandos), commandos
    assert [c for c in commandos if c.startswith("::error file=content/scholing/injectie.yml,")]


# --- the comment workflow (privileged side) -------------------------------------------------------

def test_reactieworkflow_breekt_vermeldingen(tmp_path: Path):
    """The report comes from code in the pull request: the workflow_run side breaks @mentions itself."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pr-reactie.yml").read_text(encoding="utf-8"))
    script = next(s for s in workflow["jobs"]["reactie"]["steps"] if "github-script" in s.get("uses", ""))["with"]["script"]
    [regel] = [r for r in script.splitlines() if "let tekst = lees('rapport.md'" in r]
    js = tmp_path / "vermelding.js"
    js.write_text("const fs = require('fs');\n"
                  "const lees = (naam, max) => fs.readFileSync(process.argv[2], 'utf8').slice(0, max);\n"
                  f"{regel.strip()}\nprocess.stdout.write(tekst);\n", encoding="utf-8")
    rapport = tmp_path / "rapport.md"
    rapport.write_text("Hoi @octocat, @org/team en @&#8203;al-gebroken; mail a@b.nl\n", encoding="utf-8")
    uit = subprocess.run(["node", str(js), str(rapport)], capture_output=True, text=True, timeout=60, check=True)
    assert not re.search(r"@[A-Za-z0-9_-]", uit.stdout), uit.stdout
    assert uit.stdout.replace("\u200b", "") == rapport.read_text(encoding="utf-8")
