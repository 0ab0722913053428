"""What the beslisboom adds to `lab check`, measured as whole processes.

    python benchmarks/bench_beslisboom.py [--aantal 10000] [--runs 5] [--werkmap benchmarks/out]

Two catalogues of the same size, each timed with and without
schemas/beslisboom.yml (the twin root shares content/ through a symlink):

  gegenereerd  - benchmarks/generate.py (seeded). Its records are random
                 combinations, so many get aandachtspunten: the worst case
                 for reporting (thousands of located findings).
  voorbeeld    - the example catalogue in content/ replicated to the same
                 number of scholing records: a realistic mix of verdicts.

Runs alternate between the two variants so machine drift hits both alike;
reported are medians and the ratio. Target (issue 3): the beslisboom adds at
most 25% to `lab check` on 10,000 records. Also printed: evaluation alone
(in process), without reading or locating.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
REPO = HIER.parent
sys.path.insert(0, str(HIER))
from generate import genereer  # noqa: E402

PEILDATUM = "2026-11-23"


def lab_commando() -> str:
    kandidaat = Path(sys.executable).parent / "lab"
    return str(kandidaat) if kandidaat.exists() else shutil.which("lab") or "lab"


def meet(cmd: list[str]) -> float:
    begin = time.perf_counter()
    proces = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    duur = time.perf_counter() - begin
    # A run that fails is not a fast run: stop instead of timing it.
    if proces.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} faalde (exit {proces.returncode}): {proces.stderr.strip()[-400:]}")
    return duur


def repliceer_voorbeeld(uit: Path, aantal: int) -> None:
    """The example catalogue with its scholing copied until there are `aantal` records."""
    shutil.copytree(REPO / "schemas", uit / "schemas")
    for soort in ("aanbieders", "loketten", "academies"):
        shutil.copytree(REPO / "content" / soort, uit / "content" / soort)
    doel = uit / "content" / "scholing"
    doel.mkdir(parents=True)
    bronnen = sorted((REPO / "content" / "scholing").glob("*.yml"))
    for i in range(aantal):
        bron = bronnen[i % len(bronnen)]
        shutil.copyfile(bron, doel / f"{bron.stem}-{i:05d}.yml")


def tweeling(root: Path) -> Path:
    """A root sharing `root`'s content but without schemas/beslisboom.yml."""
    zonder = root.with_name(root.name + "-zonder-beslisboom")
    if not zonder.exists():
        zonder.mkdir()
        shutil.copytree(root / "schemas", zonder / "schemas")
        (zonder / "schemas" / "beslisboom.yml").unlink()
        (zonder / "content").symlink_to(root / "content", target_is_directory=True)
    return zonder


def alleen_evaluatie(root: Path) -> tuple[float, int, dict]:
    """Seconds to evaluate every scholing (already loaded), and the verdict counts."""
    from lab_catalogus.beslisboom import laad_beslisboom
    from lab_catalogus.catalogus import laad_catalogus

    peildatum = datetime.date.fromisoformat(PEILDATUM)
    catalogus, _ = laad_catalogus(tweeling(root), peildatum)
    boom = laad_beslisboom(root / "schemas" / "beslisboom.yml", catalogus.kader)
    records = list(catalogus.scholing.values())
    tijden, telling = [], {}
    for _ in range(3):
        begin = time.perf_counter()
        oordelen = [boom.beoordeel(s, catalogus.aanbieders.get(s.aanbieder), peildatum, catalogus.kader,
                                   catalogus.gemeenten) for s in records]
        tijden.append(time.perf_counter() - begin)
    for o in oordelen:
        telling[o.uitslag] = telling.get(o.uitslag, 0) + 1
    return statistics.median(tijden), len(records), telling


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet wat de beslisboom toevoegt aan lab check.")
    parser.add_argument("--aantal", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--werkmap", type=Path, default=HIER / "out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    lab = lab_commando()
    catalogi = {
        "gegenereerd": (args.werkmap / f"beslisboom-gegenereerd-{args.aantal}-seed{args.seed}",
                        lambda uit: genereer(uit, args.aantal, args.seed)),
        "voorbeeld": (args.werkmap / f"beslisboom-voorbeeld-{args.aantal}", lambda uit: repliceer_voorbeeld(uit, args.aantal)),
    }
    rijen = []
    for naam, (root, maak) in catalogi.items():
        if not (root / "content").is_dir():
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(root.with_name(root.name + "-zonder-beslisboom"), ignore_errors=True)
            maak(root)
        # The tree under test is the repository's, also for a catalogue generated earlier.
        shutil.copyfile(REPO / "schemas" / "beslisboom.yml", root / "schemas" / "beslisboom.yml")
        zonder = tweeling(root)
        met_tijden, zonder_tijden = [], []
        for _ in range(args.runs):
            zonder_tijden.append(meet([lab, "check", "--root", str(zonder), "--peildatum", PEILDATUM]))
            met_tijden.append(meet([lab, "check", "--root", str(root), "--peildatum", PEILDATUM]))
        evaluatie, aantal, telling = alleen_evaluatie(root)
        z, m = statistics.median(zonder_tijden), statistics.median(met_tijden)
        rijen.append((naam, aantal, z, m, m / z - 1, evaluatie, telling))

    print(f"\nlab check met en zonder beslisboom, mediaan van {args.runs} runs, hele processen, {os.cpu_count()} cores\n")
    print("| catalogus | scholing | zonder | met | extra | alleen evaluatie | uitslagen |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for naam, aantal, z, m, extra, evaluatie, telling in rijen:
        uitslagen = ", ".join(f"{k}: {v}" for k, v in sorted(telling.items()))
        print(f"| {naam} | {aantal:,} | {z:.2f} s | {m:.2f} s | {extra:+.0%} | {evaluatie:.2f} s "
              f"({evaluatie / aantal * 1e6:.0f} us/record) | {uitslagen} |")
    slechtste = max(r[4] for r in rijen)
    print(f"\ndoel: hoogstens +25% bij {args.aantal:,} records; gemeten hoogstens {slechtste:+.0%} "
          f"({'gehaald' if slechtste <= 0.25 else 'NIET gehaald'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
