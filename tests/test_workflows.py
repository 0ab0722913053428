"""The GitHub side: workflows valid (actionlint) and safe (zizmor), review ownership and forms in order.

actionlint and zizmor run for real on the committed files; each also gets a
deliberately broken workflow, so a test can never pass because a tool did
nothing.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from gitrepo import lab

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def _tool(naam: str) -> str:
    pad = BIN / naam
    if pad.exists():
        return str(pad)
    gevonden = shutil.which(naam)
    assert gevonden, f"{naam} ontbreekt: installeer de test-extra's (pip install -e '.[test]')"
    return gevonden


def _actionlint(*paden: Path, cwd: Path) -> subprocess.CompletedProcess:
    # An absolute shellcheck path: actionlint refuses one found relative to the working directory.
    return subprocess.run([_tool("actionlint"), "-no-color", "-shellcheck", _tool("shellcheck"), *map(str, paden)],
                          cwd=cwd, capture_output=True, text=True, check=False)


def _zizmor(*paden: Path) -> subprocess.CompletedProcess:
    return subprocess.run([_tool("zizmor"), "--offline", "--no-progress", "--persona", "pedantic", *map(str, paden)],
                          capture_output=True, text=True, check=False)


def _workflows() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def _laad(pad: Path) -> dict:
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data.setdefault("on", data.pop(True, None))  # YAML 1.1 reads the key 'on' as True
    return data


def test_actionlint_schoon():
    assert len(_workflows()) >= 3
    uit = _actionlint(*_workflows(), cwd=REPO)
    assert uit.returncode == 0, uit.stdout + uit.stderr


def test_actionlint_en_shellcheck_vangen_fouten(tmp_path: Path):
    kapot = tmp_path / ".github" / "workflows" / "kapot.yml"
    kapot.parent.mkdir(parents=True)
    kapot.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                     "      - run: echo ${{ github.event.onbekend_veld_dat_niet_bestaat.x }} $ONGEQUOTEERD\n"
                     "      - uses: actions/checkout@v4\n        with: {onbekende-invoer: 1}\n", encoding="utf-8")
    uit = _actionlint(kapot, cwd=tmp_path)
    assert uit.returncode == 1
    assert "shellcheck" in uit.stdout  # the run: script was checked too


def test_zizmor_schoon():
    uit = _zizmor(WORKFLOWS)
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "No findings" in uit.stdout
    # The single ignore is the documented workflow_run comment pattern, with its reason on the same line.
    ignores = [(p.name, regel) for p in _workflows() for regel in p.read_text(encoding="utf-8").splitlines()
               if "zizmor: ignore" in regel]
    assert len(ignores) == 1 and ignores[0][0] == "pr-reactie.yml" and "dangerous-triggers" in ignores[0][1]


def test_zizmor_vangt_onveilige_workflow(tmp_path: Path):
    onveilig = tmp_path / "onveilig.yml"
    onveilig.write_text(
        "name: x\non: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n", encoding="utf-8")
    uit = _zizmor(onveilig)
    assert uit.returncode != 0
    for audit in ("dangerous-triggers", "template-injection", "unpinned-uses", "excessive-permissions"):
        assert audit in uit.stdout, audit


@pytest.mark.parametrize("pad", _workflows(), ids=lambda p: p.name)
def test_workflow_regels(pad: Path):
    tekst = pad.read_text(encoding="utf-8")
    data = _laad(pad)
    assert "pull_request_target" not in data["on"], "nooit pull_request_target"
    assert data["permissions"] == {}, "bovenaan permissions: {} en per job het minimum"
    assert "concurrency" in data
    for naam, job in data["jobs"].items():
        assert "permissions" in job, f"job {naam} zonder eigen permissions"
        assert "write-all" not in str(job["permissions"])
        for stap in job.get("steps", []):
            if "uses" in stap:
                assert SHA_PIN.match(stap["uses"]), f"niet vastgepind op een commit: {stap['uses']}"
                if stap["uses"].startswith("actions/checkout@"):
                    assert stap.get("with", {}).get("persist-credentials") is False
            if "run" in stap:
                assert "${{" not in stap["run"], f"expressie in een run-script ({naam}): gebruik env"
    # Every pin carries its version as a comment, for people and for update tools.
    for regel in tekst.splitlines():
        if re.search(r"uses: \S+@[0-9a-f]{40}", regel):
            assert re.search(r"# v\d+(\.\d+)*$", regel), regel


def test_pr_workflows_samen_veilig():
    pr = _laad(WORKFLOWS / "pull-request.yml")
    assert set(pr["on"]) == {"pull_request"}
    for job in pr["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
    reactie = _laad(WORKFLOWS / "pr-reactie.yml")
    assert reactie["on"]["workflow_run"]["workflows"] == [pr["name"]]
    [job] = reactie["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    stappen = " ".join(str(s.get("uses", "")) for s in job["steps"])
    assert "checkout" not in stappen, "de workflow_run-kant checkt nooit code uit de pull request uit"
    script = next(s for s in job["steps"] if "github-script" in s.get("uses", ""))["with"]["script"]
    assert "pr.head.sha !== run.head_sha" in script  # the artifact must belong to that PR's commit
    assert "eval(" not in script and "child_process" not in script
    publiceer = _laad(WORKFLOWS / "publiceren.yml")
    assert publiceer["on"]["push"]["branches"] == ["main"]
    assert "lab build --publiceer" in str(publiceer)
    assert publiceer["jobs"]["pages"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_schemas_van_github(tmp_path: Path):
    """Workflows, issue forms and their config against GitHub's published JSON Schemas (vendored in check-jsonschema)."""
    check = _tool("check-jsonschema")
    formulieren = sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    namen = {p.stem for p in formulieren}
    assert {"nieuw-aanbod", "wijziging", "verwijderen", "vraag-melden"} <= namen
    for schema, paden in (("vendor.github-workflows", _workflows()),
                          ("vendor.github-issue-forms", [p for p in formulieren if p.stem != "config"]),
                          ("vendor.github-issue-config", [p for p in formulieren if p.stem == "config"])):
        uit = subprocess.run([check, "--builtin-schema", schema, *map(str, paden)], capture_output=True, text=True, check=False)
        assert uit.returncode == 0, uit.stdout + uit.stderr


def _eigenaren(bestand: str, regels: list[tuple[str, list[str]]]) -> list[str]:
    """GitHub's CODEOWNERS rule: the last matching pattern wins."""
    gevonden: list[str] = []
    for patroon, wie in regels:
        p = patroon.lstrip("/")
        if patroon == "*" or (p.endswith("/") and bestand.startswith(p)) or fnmatch.fnmatch(bestand, p):
            gevonden = wie
    return gevonden


def test_codeowners():
    regels = []
    for regel in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if regel.strip() and not regel.startswith("#"):
            patroon, *wie = regel.split()
            assert wie and all(w.startswith("@") for w in wie), regel
            regels.append((patroon, wie))
    for naam in ("begrippenkader.yml", "beslisboom.yml", "scholing.schema.json"):
        assert "@programma-lab/werkgroep-aanbod" in _eigenaren(f"schemas/{naam}", regels)
    academies = sorted((REPO / "content" / "academies").glob("*.yml"))
    assert academies
    for pad in academies:
        assert _eigenaren(f"content/academies/{pad.name}", regels) == [f"@programma-lab/academie-{pad.stem}"]
    assert _eigenaren(".github/workflows/pull-request.yml", regels) == ["@programma-lab/beheer"]


def test_voorbeeldworkflow_voor_academies(tmp_path: Path):
    """The per-academy publishing route in PUBLICEREN.md is a workflow that lints clean, not just prose."""
    tekst = (REPO / "PUBLICEREN.md").read_text(encoding="utf-8")
    blok = re.search(r"```yaml\n(.*?)```", tekst, re.S).group(1)
    pad = tmp_path / ".github" / "workflows" / "site.yml"
    pad.parent.mkdir(parents=True)
    pad.write_text(blok, encoding="utf-8")
    assert "lab build --site zuid --publiceer" in blok
    uit = _actionlint(pad, cwd=tmp_path)
    assert uit.returncode == 0, uit.stdout
    uit = _zizmor(pad)
    assert uit.returncode == 0, uit.stdout


def test_pre_commit_hook(catalogus_kopie: Path):
    """The hook's entry, run the way pre-commit runs it: on the changed files only."""
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "lab-check" and hook["pass_filenames"] is True
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    lokaal = {h["id"]: h for r in config["repos"] for h in r["hooks"]}
    assert lokaal["lab-check"]["entry"] == hook["entry"] and lokaal["lab-check"]["files"] == hook["files"]
    kapot = "content/scholing/werken-met-netwerken.yml"
    goed = "content/loketten/breda.yml"
    assert re.search(hook["files"], kapot) and not re.search(hook["files"], "docs/index.md")
    pad = catalogus_kopie / kapot
    pad.write_text(pad.read_text(encoding="utf-8").replace("vorm: training", "vorm: trainig", 1), encoding="utf-8")
    commando, *args = hook["entry"].split()
    assert commando == "lab"
    uit = lab(*args, kapot, goed, cwd=catalogus_kopie)
    assert uit.returncode == 1
    assert {regel.split(":")[0] for regel in uit.stdout.splitlines()} == {kapot}
    uit = lab(*args, goed, cwd=catalogus_kopie)
    assert uit.returncode == 0, uit.stdout


def test_formulier_nieuw_aanbod_volgt_het_begrippenkader():
    # The issue form's "vorm" list is the begrippenkader's scholingsvormen, plus "anders".
    from lab_catalogus.kader import laad_begrippenkader
    kader = laad_begrippenkader(REPO / "schemas" / "begrippenkader.yml")
    formulier = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "nieuw-aanbod.yml").read_text(encoding="utf-8"))
    [vorm] = [veld for veld in formulier["body"] if veld.get("id") == "vorm"]
    assert vorm["attributes"]["options"] == [*(t.id for t in kader.lijst("scholingsvormen").termen), "anders"]
