"""Real git repositories with a copy of the example catalogue, for the pull-request tests.

Identity is passed per command (`git -c user.name=... -c user.email=...`), so
nothing depends on, or changes, any git configuration outside the temp dir.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PEILDATUM = datetime.date(2026, 11, 1)
_ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0"}
_ENV.pop("GITHUB_STEP_SUMMARY", None)


class GitRepo:
    """A git repository whose catalogue root is `root` (the top, or a subfolder of it)."""

    def __init__(self, top: Path, root: Path):
        self.top = top
        self.root = root

    def git(self, *args: str) -> str:
        klaar = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.nl",
                                "-c", "commit.gpgsign=false", *args],
                               cwd=self.top, env=_ENV, capture_output=True, text=True, check=False)
        assert klaar.returncode == 0, f"git {args} mislukte: {klaar.stderr}"
        return klaar.stdout

    def commit(self, bericht: str) -> str:
        self.git("add", "--all")
        self.git("commit", "-q", "-m", bericht)
        return self.git("rev-parse", "HEAD").strip()

    def pad(self, rel: str) -> Path:
        return self.root / rel

    def lees(self, rel: str) -> str:
        return self.pad(rel).read_text(encoding="utf-8")

    def schrijf(self, rel: str, tekst: str) -> None:
        self.pad(rel).parent.mkdir(parents=True, exist_ok=True)
        self.pad(rel).write_text(tekst, encoding="utf-8")

    def vervang(self, rel: str, oud: str, nieuw: str) -> None:
        tekst = self.lees(rel)
        assert oud in tekst, f"'{oud}' staat niet in {rel}"
        self.schrijf(rel, tekst.replace(oud, nieuw, 1))

    def regel_van(self, rel: str, begin: str) -> int:
        """1-based number of the first line starting with `begin`."""
        for i, regel in enumerate(self.lees(rel).splitlines(), 1):
            if regel.startswith(begin):
                return i
        raise AssertionError(f"geen regel die begint met '{begin}' in {rel}")

    @property
    def prefix(self) -> str:
        rel = self.root.relative_to(self.top).as_posix()
        return "" if rel == "." else rel + "/"


def maak_repo(tmp_path: Path, submap: str = "") -> GitRepo:
    """Example catalogue committed on main, then a branch 'wijziging' checked out."""
    top = tmp_path / "repo"
    root = top / submap if submap else top
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (top / "README.md").write_text("# Testcatalogus\n", encoding="utf-8")
    repo = GitRepo(top, root)
    repo.git("init", "-q", "-b", "main")
    repo.commit("basis")
    repo.git("checkout", "-q", "-b", "wijziging")
    return repo


@pytest.fixture
def git_catalogus(tmp_path: Path) -> GitRepo:
    return maak_repo(tmp_path)


@pytest.fixture
def git_catalogus_submap(tmp_path: Path) -> GitRepo:
    """The catalogue in a subfolder of the repository, so repo-relative and catalogue-relative paths differ."""
    return maak_repo(tmp_path, "catalogus")


def lab(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `lab` command in a subprocess."""
    lab_bin = Path(sys.executable).parent / "lab"
    return subprocess.run([str(lab_bin), *args], cwd=cwd, env={**_ENV, **(env or {})},
                          capture_output=True, text=True, check=False)
