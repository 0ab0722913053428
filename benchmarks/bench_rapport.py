"""Time `lab rapport` on a synthetic catalogue in a real git repository (whole process, median of 3).

    python benchmarks/bench_rapport.py [--aantal 1000 10000]

Per size: generate the catalogue (benchmarks/generate.py), commit it on main,
then on a branch change one aanbieder (so every offer of it is looked up),
rename one offer and delete one loket, and run `lab rapport --base main`.
Also times `lab check` on the same tree as the baseline: the report validates
the catalogue twice (now and at the base), so about twice `lab check` is the goal.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import PEILDATUM, genereer  # noqa: E402

LAB = str(Path(sys.executable).parent / "lab")
GIT = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.nl", "-c", "commit.gpgsign=false"]


def _tijd(args: list[str], cwd: Path, keer: int = 3) -> float:
    tijden = []
    for _ in range(keer):
        begin = time.perf_counter()
        proces = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
        tijden.append(time.perf_counter() - begin)
        if proces.returncode not in (0, 1):  # 1: the report found errors, which is a normal outcome
            raise SystemExit(f"{' '.join(args)} faalde (exit {proces.returncode}): {proces.stderr.strip()[-400:]}")
    return statistics.median(tijden)


def meet(aantal: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-rapport-") as tmp:
        root = Path(tmp) / "cat"
        genereer(root, aantal)
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "basis"], ["checkout", "-q", "-b", "w"]):
            subprocess.run(GIT + args, cwd=root, env=env, check=True)
        aanbieder = sorted((root / "content" / "aanbieders").glob("*.yml"))[0]
        aanbieder.write_text(aanbieder.read_text(encoding="utf-8").replace("naam: ", "naam: Nieuw ", 1), encoding="utf-8")
        scholing = sorted((root / "content" / "scholing").glob("*.yml"))[0]
        scholing.rename(scholing.with_name("hernoemd-" + scholing.name))
        next((root / "content" / "loketten").glob("*.yml")).unlink()
        peil = ["--peildatum", PEILDATUM.isoformat()]
        return {"check": _tijd([LAB, "check", *peil], root),
                "rapport": _tijd([LAB, "rapport", "--base", "main", *peil, "--uit", os.devnull], root)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    print("records  lab check  lab rapport  verhouding")
    for aantal in args.aantal:
        t = meet(aantal)
        print(f"{aantal:>7}  {t['check']:>8.2f}s  {t['rapport']:>10.2f}s  {t['rapport'] / t['check']:>9.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
