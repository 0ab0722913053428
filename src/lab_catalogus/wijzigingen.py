"""Which records a change adds, changes, renames or removes: real `git`, no guessing.

We compare a base commit with the *working tree*, untracked files included, so
a submitter can run `lab rapport` before committing. `git diff <base>` alone
skips untracked files and cannot pair an untracked new file with a deleted one
as a rename. So we stage the working tree into a throw-away index file
(`GIT_INDEX_FILE`, the user's own index is never touched) and let git diff that
index against the base with `--find-renames`. Output is read with `-z`, so file
names with spaces, quotes or non-ASCII characters arrive unmangled.

The base is the merge base of REF and HEAD (like `git diff REF...`): when main
moved on after the branch was made, records added to main are not reported as
"removed" by the branch.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from .models import SOORTEN

Status = Literal["nieuw", "gewijzigd", "hernoemd", "verwijderd"]

# git's one-letter status -> our status. C (copy) only appears with --find-copies, T is a type change.
_STATUS: dict[str, Status] = {"A": "nieuw", "M": "gewijzigd", "T": "gewijzigd", "D": "verwijderd", "R": "hernoemd", "C": "nieuw"}


class WijzigingenFout(Exception):
    """git could not answer (no repository, unknown ref, git missing): a Dutch message for the user."""


@dataclass(frozen=True)
class Wijziging:
    """One changed record file; paths are relative to the catalogue root."""

    status: Status
    soort: str  # folder under content/: scholing, aanbieders, loketten, academies
    id: str
    bestand: str  # the file now (for 'verwijderd': the file that was removed)
    oud_bestand: str | None = None  # for 'hernoemd': where it was
    oud_id: str | None = None
    oud_soort: str | None = None

    @property
    def bestaat(self) -> bool:
        return self.status != "verwijderd"


@dataclass(frozen=True)
class Wijzigingen:
    base: str  # the commit compared against (full sha)
    toplevel: Path  # the repository root
    prefix: str  # catalogue root relative to the repository root, '' or 'sub/dir/'
    records: tuple[Wijziging, ...]
    overige: tuple[tuple[Status, str], ...]  # changed files that are not records (schemas/, docs, ...)

    def repo_pad(self, bestand: str) -> str:
        """Catalogue-relative path -> repository-relative path (what GitHub annotations need)."""
        return f"{self.prefix}{bestand}"


def _git(args: list[str], cwd: Path, env: dict | None = None) -> str:
    try:
        klaar = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=False)
    except FileNotFoundError:
        raise WijzigingenFout("het programma 'git' is niet gevonden; installeer git en probeer het opnieuw") from None
    if klaar.returncode != 0:
        melding = klaar.stderr.decode("utf-8", "replace").strip().splitlines()
        raise WijzigingenFout(f"git {args[0]} mislukte: {melding[-1] if melding else 'onbekende fout'}")
    return klaar.stdout.decode("utf-8", "surrogateescape")


def _record_van(pad: str) -> tuple[str, str] | None:
    """'content/scholing/x.yml' -> ('scholing', 'x'); anything else -> None."""
    delen = PurePosixPath(pad).parts
    if len(delen) == 3 and delen[0] == "content" and delen[1] in SOORTEN and delen[2].endswith(".yml"):
        return delen[1], delen[2][: -len(".yml")]
    return None


def zoek_base(root: Path, ref: str) -> tuple[Path, str]:
    """The repository root and the commit to compare with: merge-base(ref, HEAD), or ref itself."""
    if not root.is_dir():
        raise WijzigingenFout(f"de map '{root}' bestaat niet")
    try:
        toplevel = Path(_git(["rev-parse", "--show-toplevel"], root).strip())
    except WijzigingenFout:
        raise WijzigingenFout(f"'{root}' staat niet in een git-repository; 'lab rapport' vergelijkt met git-geschiedenis") from None
    if ref.startswith("-"):  # never let a ref become an option
        raise WijzigingenFout(f"'{ref}' is geen geldige git-referentie")
    try:
        commit = _git(["rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}"], toplevel).strip()
    except WijzigingenFout:
        raise WijzigingenFout(f"de basis '{ref}' is in deze repository niet te vinden; geef een bestaande branch, tag of "
                              "commit op (in een kloon met weinig geschiedenis: haal eerst meer op met 'git fetch')") from None
    try:
        commit = _git(["merge-base", commit, "HEAD"], toplevel).strip() or commit
    except WijzigingenFout:
        pass  # no HEAD yet or unrelated histories: compare with the ref itself
    return toplevel, commit


def _paren(uitvoer: str) -> list[tuple[str, str, str | None]]:
    """Parse `git diff --name-status -z`: (letter, path, old path for renames)."""
    velden = uitvoer.split("\0")
    uit: list[tuple[str, str, str | None]] = []
    i = 0
    while i < len(velden) and velden[i]:
        letter = velden[i][0]
        if letter in ("R", "C"):
            uit.append((letter, velden[i + 2], velden[i + 1]))
            i += 3
        else:
            uit.append((letter, velden[i + 1], None))
            i += 2
    return uit


def zoek_wijzigingen(root: Path, ref: str) -> Wijzigingen:
    """Records added, changed, renamed and removed between `ref` and the working tree under `root`."""
    toplevel, base = zoek_base(root, ref)
    prefix = Path(os.path.relpath(root.resolve(), toplevel.resolve())).as_posix()
    prefix = "" if prefix == "." else prefix.rstrip("/") + "/"
    if prefix.startswith("../"):
        raise WijzigingenFout(f"'{root}' ligt buiten de git-repository '{toplevel}'")
    spec = prefix or "."
    with tempfile.TemporaryDirectory(prefix="lab-rapport-") as tmp:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git(["read-tree", base], toplevel, env)
        # Stage the working tree (new, changed and deleted files; .gitignore respected) into the scratch index.
        _git(["add", "--all", "--", spec], toplevel, env)
        uitvoer = _git(["diff", "--cached", "--name-status", "-z", "--find-renames", "--no-ext-diff",
                        base, "--", spec], toplevel, env)
    records: list[Wijziging] = []
    overige: list[tuple[Status, str]] = []
    for letter, pad, oud in _paren(uitvoer):
        status = _STATUS.get(letter, "gewijzigd")
        eigen = pad[len(prefix):] if pad.startswith(prefix) else pad
        oud_eigen = oud[len(prefix):] if oud and oud.startswith(prefix) else oud
        nieuw_rec = _record_van(eigen)
        oud_rec = _record_van(oud_eigen) if oud_eigen else None
        if status == "hernoemd" and nieuw_rec and not oud_rec:
            status, oud_eigen = "nieuw", None  # moved into content/ from elsewhere
        elif status == "hernoemd" and oud_rec and not nieuw_rec:
            # moved out of content/: the record is gone
            records.append(Wijziging("verwijderd", oud_rec[0], oud_rec[1], oud_eigen))
            overige.append(("nieuw", eigen))
            continue
        if nieuw_rec is None:
            overige.append((status, eigen))
            continue
        if status == "hernoemd" and oud_rec:
            records.append(Wijziging("hernoemd", nieuw_rec[0], nieuw_rec[1], eigen, oud_eigen, oud_rec[1], oud_rec[0]))
        else:
            records.append(Wijziging(status, nieuw_rec[0], nieuw_rec[1], eigen))
    volgorde = {"verwijderd": 3, "hernoemd": 2, "gewijzigd": 1, "nieuw": 0}
    records.sort(key=lambda w: (volgorde[w.status], w.bestand))
    return Wijzigingen(base, toplevel, prefix, tuple(records), tuple(sorted(overige, key=lambda o: o[1])))


def schrijf_base(wijzigingen: Wijzigingen, paden: list[str], doel: Path) -> Path | None:
    """Write the base version of catalogue folders (e.g. content/, schemas/) under `doel`.

    Used to validate the catalogue as it was, so the report can tell findings this
    change caused from ones that were already there. One `git archive` for all
    files; extracted with tarfile's 'data' filter (no links out, no odd modes).
    Returns the base's catalogue root under `doel`, or None when the base has none of these folders.
    """
    lijst = _git(["ls-tree", "-z", "--name-only", wijzigingen.base, "--",
                  *[wijzigingen.repo_pad(p) for p in paden]], wijzigingen.toplevel)
    aanwezig = [p for p in lijst.split("\0") if p]
    if not aanwezig:
        return None
    with tempfile.TemporaryFile() as tar:
        klaar = subprocess.run(["git", "archive", "--format=tar", wijzigingen.base, "--", *aanwezig],
                               cwd=wijzigingen.toplevel, stdout=tar, stderr=subprocess.PIPE, check=False)
        if klaar.returncode != 0:
            return None
        tar.seek(0)
        with tarfile.open(fileobj=tar, mode="r:") as archief:
            archief.extractall(doel, filter="data")
    return doel / wijzigingen.prefix
