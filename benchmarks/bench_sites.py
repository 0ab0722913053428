"""Benchmark: the six site builds against plain MkDocs + Material on the same number of pages.

    python benchmarks/bench_sites.py [--aantal 10000] [--herhalingen 3] [--met-zoekindex]

1. Generates (or reuses) the seeded synthetic catalogue with benchmarks/generate.py.
2. Times `lab build` of all six sites (search index off by default, like the
   baseline) as a whole process under /usr/bin/time -v, each run into a fresh
   output folder.
3. Times the national site alone (`lab build --site landelijk`).
4. Builds a plain MkDocs + Material site (search off) with as many plain pages
   (about 430 words, 7 metadata fields) as the six sites together, also out of
   the navigation, and times it the same way.
5. Prints pages/s, wall and CPU time, peak memory, and the per-page cost ratio
   (goal: at most 1.5x; the national site alone under a minute).

Medians of the runs are reported; compare ratios, not absolutes (prestaties.md).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PEILDATUM = "2027-01-01"

_WOORDEN = ("sport bewegen wijk buurtsportcoach gemeente vereniging samenwerking netwerk training leergang "
            "gezondheid preventie school kinderen ouderen inclusie beleid monitoring evaluatie borging impact "
            "praktijk deelnemer aanbieder partner welzijn zorg onderwijs vrijwilliger sportakkoord").split()


def catalogus(aantal: int, uit: Path) -> Path:
    doel = uit / f"catalogus-{aantal}-seed1"
    if not (doel / "content" / "scholing").is_dir():
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), "--aantal", str(aantal), "--uit", str(doel)],
                       check=True)
    return doel


def tijd(opdracht: list[str], env: dict | None = None) -> dict:
    """Run under /usr/bin/time -v; wall and CPU seconds, peak memory (MB) of the largest process."""
    proces = subprocess.run(["/usr/bin/time", "-v", *opdracht], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    if proces.returncode != 0:
        raise SystemExit(f"mislukt: {' '.join(opdracht)}\n{proces.stderr[-3000:]}")
    tekst = proces.stderr

    def waarde(patroon: str) -> str:
        return re.search(patroon, tekst).group(1)

    delen = [float(x) for x in waarde(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([0-9:.]+)").split(":")]
    wand = sum(d * 60 ** i for i, d in enumerate(reversed(delen)))
    cpu = float(waarde(r"User time \(seconds\): ([0-9.]+)")) + float(waarde(r"System time \(seconds\): ([0-9.]+)"))
    return {"wand": wand, "cpu": cpu, "mb": int(waarde(r"Maximum resident set size \(kbytes\): (\d+)")) / 1024}


def html_paginas(map_: Path) -> int:
    return sum(1 for p in map_.rglob("index.html") if "pagefind" not in p.parts)


def basislijn_site(aantal: int, map_: Path) -> Path:
    """Plain pages like prestaties.md's baseline, kept out of the nav as our record pages are."""
    rnd = random.Random(1)
    docs = map_ / "docs"
    (docs / "paginas").mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n\nBasislijn.\n", encoding="utf-8")
    for i in range(aantal):
        alineas = "\n\n".join(" ".join(rnd.choice(_WOORDEN) for _ in range(86)).capitalize() + "." for _ in range(5))
        meta = "\n".join(f"- **Veld {k}**: {rnd.choice(_WOORDEN)}" for k in range(7))
        (docs / "paginas" / f"p{i}.md").write_text(f"# Pagina {i}\n\n{meta}\n\n{alineas}\n", encoding="utf-8")
    (map_ / "mkdocs.yml").write_text(
        "site_name: Basislijn\nsite_url: https://basislijn.example.nl/\ntheme:\n  name: material\n  language: nl\n"
        "  font: false\nplugins: []\nnav:\n  - index.md\nnot_in_nav: |\n  /paginas/*.md\n", encoding="utf-8")
    return map_ / "mkdocs.yml"


def mediaan(runs: list[dict]) -> dict:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aantal", type=int, default=10000)
    parser.add_argument("--herhalingen", type=int, default=1)
    parser.add_argument("--met-zoekindex", action="store_true", help="ook Pagefind meten (niet in de basislijn)")
    parser.add_argument("--werkmap", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args()
    args.werkmap.mkdir(parents=True, exist_ok=True)
    root = catalogus(args.aantal, args.werkmap)
    lab = str(BIN / "lab")
    extra = [] if args.met_zoekindex else ["--zonder-zoekindex"]
    tmp = Path(tempfile.mkdtemp(prefix="bench-sites-", dir=args.werkmap))
    try:
        zes, een, paginas = [], [], 0
        for i in range(args.herhalingen):
            uit = tmp / f"zes-{i}"
            zes.append(tijd([lab, "build", "--root", str(root), "--uit", str(uit), "--peildatum", PEILDATUM, *extra]))
            paginas = html_paginas(uit)
            per_site = {p.name: html_paginas(p) for p in sorted(uit.iterdir()) if p.is_dir()}
            shutil.rmtree(uit)
            uit = tmp / f"landelijk-{i}"
            een.append(tijd([lab, "build", "--site", "landelijk", "--root", str(root), "--uit", str(uit),
                             "--peildatum", PEILDATUM, *extra]))
            landelijk_paginas = html_paginas(uit / "landelijk")
            shutil.rmtree(uit)
        config = basislijn_site(paginas, tmp / "basislijn")
        basis = []
        for i in range(args.herhalingen):
            uit = tmp / f"basis-uit-{i}"
            basis.append(tijd([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(uit)]))
            shutil.rmtree(uit)
        z, l, b = mediaan(zes), mediaan(een), mediaan(basis)
        print(f"catalogus: {args.aantal} scholingen; pagina's per site: {per_site}")
        print(f"zes sites (lab build{' met zoekindex' if args.met_zoekindex else ''}): {paginas} pagina's, "
              f"wand {z['wand']:.1f} s ({paginas / z['wand']:.0f} pagina's/s), cpu {z['cpu']:.1f} s "
              f"({paginas / z['cpu']:.0f} pagina's/cpu-s), piekgeheugen {z['mb']:.0f} MB")
        print(f"landelijke site alleen: {landelijk_paginas} pagina's, wand {l['wand']:.1f} s, piekgeheugen {l['mb']:.0f} MB "
              f"(doel: onder 60 s)")
        print(f"basislijn MkDocs + Material zonder zoeken: {paginas} pagina's, wand {b['wand']:.1f} s "
              f"({paginas / b['wand']:.0f} pagina's/s), cpu {b['cpu']:.1f} s, piekgeheugen {b['mb']:.0f} MB")
        print(f"kosten per pagina t.o.v. basislijn: wandtijd {z['wand'] / b['wand']:.2f}x, cpu-tijd {z['cpu'] / b['cpu']:.2f}x "
              "(doel: hoogstens 1,5x)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
