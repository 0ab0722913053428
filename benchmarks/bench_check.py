"""Time `lab check` against merely parsing the same files, side by side in one run.

    python benchmarks/bench_check.py [--aantallen 1000 10000] [--runs 3] [--werkmap benchmarks/out]

For each size a seeded catalogue is generated (benchmarks/generate.py), then
alternately timed, as whole processes:

  (a) parse only: a Python process that reads every content/**/*.yml with
      yaml.load(..., Loader=yaml.CSafeLoader) and nothing else;
  (b) `lab check --root DIR` (the installed console script).

Reported: median wall time of the runs, peak memory (max RSS per process,
from os.wait4) and the ratio b/a. Target: ratio <= 1.5 at 10,000 records.
Afterwards one record is broken on purpose to confirm that the finding still
carries the exact line and column (speed must not cost precision).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))
from generate import genereer  # noqa: E402

ALLEEN_PARSEN = """
import sys, pathlib, yaml
n = 0
for pad in sorted(pathlib.Path(sys.argv[1], "content").rglob("*.yml")):
    yaml.load(pad.read_bytes(), Loader=yaml.CSafeLoader)
    n += 1
print(n)
"""


def meet(cmd: list[str]) -> tuple[float, float, int, str, float]:
    """Wall seconds, peak RSS in MB, exit code, stdout and CPU seconds (user+sys, incl. reaped workers) of one process."""
    begin = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    uit = proc.stdout.read().decode() if proc.stdout else ""
    _, status, gebruik = os.wait4(proc.pid, 0)
    duur = time.perf_counter() - begin
    proc.returncode = os.waitstatus_to_exitcode(status)
    return duur, gebruik.ru_maxrss / 1024, proc.returncode, uit, gebruik.ru_utime + gebruik.ru_stime


def lab_commando() -> str:
    kandidaat = Path(sys.executable).parent / "lab"
    return str(kandidaat) if kandidaat.exists() else shutil.which("lab") or "lab"


def controleer_regelnummer(root: Path, lab: str) -> str:
    """Break one record (wrong term on a known line) and check the reported position."""
    pad = sorted((root / "content" / "scholing").glob("*.yml"))[len(list((root / "content" / "scholing").glob("*.yml"))) // 2]
    origineel = pad.read_text(encoding="utf-8")
    regels = origineel.splitlines(keepends=True)
    nummer = next(i for i, r in enumerate(regels) if r.startswith("vorm: "))
    regels[nummer] = "vorm: wokshop\n"
    try:
        pad.write_text("".join(regels), encoding="utf-8")
        _, _, code, uit, _ = meet([lab, "check", "--root", str(root)])
    finally:
        pad.write_text(origineel, encoding="utf-8")
    verwacht = f"content/scholing/{pad.name}:{nummer + 1}:7: fout: vorm:"
    goed = code == 1 and uit.startswith(verwacht) and len(uit.strip().splitlines()) == 1
    return f"{'ok' if goed else 'FOUT'}: verwacht '{verwacht} ...', kreeg (exit {code}) {uit.strip()[:160]!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet lab check tegen alleen YAML parsen.")
    parser.add_argument("--aantallen", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--werkmap", type=Path, default=HIER / "out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    lab = lab_commando()
    rijen = []
    for aantal in args.aantallen:
        root = args.werkmap / f"catalogus-{aantal}-seed{args.seed}"
        if not (root / "content").is_dir():
            shutil.rmtree(root, ignore_errors=True)
            genereer(root, aantal, args.seed)
        bestanden = sum(1 for _ in (root / "content").rglob("*.yml"))
        parse, check = [], []
        for _ in range(args.runs):  # alternate, so drift in the machine hits both alike
            duur, mb, code, uit, cpu = meet([sys.executable, "-c", ALLEEN_PARSEN, str(root)])
            assert code == 0 and int(uit) == bestanden, (code, uit)
            parse.append((duur, mb, cpu))
            duur, mb, code, _, cpu = meet([lab, "check", "--root", str(root)])
            if code != 0:
                print(f"lab check gaf exit {code} op {root}; de gegenereerde catalogus hoort foutloos te zijn", file=sys.stderr)
                return 1
            check.append((duur, mb, cpu))
        p = statistics.median(d for d, _, _ in parse)
        c = statistics.median(d for d, _, _ in check)
        pc = statistics.median(x for _, _, x in parse)
        cc = statistics.median(x for _, _, x in check)
        rijen.append((aantal, bestanden, p, max(m for _, m, _ in parse), c, max(m for _, m, _ in check), c / p, pc, cc))
        regelnummer = controleer_regelnummer(root, lab)
        print(f"{aantal} records: regelnummer-controle {regelnummer}", file=sys.stderr)
        if not regelnummer.startswith("ok"):
            return 1  # a fast check with a wrong line number is not a result

    belasting = os.getloadavg()[0]
    print(f"\nlab check tegen alleen parsen (CSafeLoader), mediaan van {args.runs} runs, hele processen, "
          f"{os.cpu_count()} cores, belasting {belasting:.1f}\n")
    print("| scholing | bestanden | alleen parsen | geheugen | lab check | geheugen | verhouding | CPU parsen | CPU lab check | CPU-verhouding |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for aantal, bestanden, p, pm, c, cm, v, pc, cc in rijen:
        print(f"| {aantal:,} | {bestanden:,} | {p:.2f} s | {pm:.0f} MB | {c:.2f} s | {cm:.0f} MB | {v:.2f}x "
              f"| {pc:.2f} s | {cc:.2f} s | {cc / pc:.2f}x |")
    verhouding = rijen[-1][6]
    print(f"\ndoel: verhouding (wandkloktijd) <= 1.5x bij de grootste catalogus; gemeten {verhouding:.2f}x "
          f"({'gehaald' if verhouding <= 1.5 else 'NIET gehaald'})")
    if belasting > 1.5:
        print("let op: de machine was druk bezig; lab check gebruikt meer cores (tot vier) en lijdt daar het meest onder")
    return 0


if __name__ == "__main__":
    sys.exit(main())
