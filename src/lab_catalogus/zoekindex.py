"""Index one built site with Pagefind (Dutch stemming), writing `<site_dir>/pagefind/`.

We run the Pagefind binary that ships with `pagefind[bin]` as one process per
site: it is the same program as "plain Pagefind", so indexing costs no more
than running it by hand, and the build can run six of them in parallel.
Only elements inside `data-pagefind-body` are indexed (record pages and the
hand-written pages carry it; navigation, header and footer do not).

Nothing is printed here: the caller gets an `IndexResultaat` back and may pass
a `melding` callback for progress lines.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TAAL = "nl"
BUNDEL = "pagefind"
# Inside the content but not content: Material buttons and anchors, and our boilerplate
# (the carrièrepad definitions repeat the begrippenkader on every course page).
UITSLUITEN = ".headerlink, .md-content__button, .md-source-file, .lab-niet-zoeken, .lab-carrierepad, .lab-bijgewerkt"


# Pagefind cuts its word index into chunks of about this many word positions (its default is
# 20,000). A word on nearly every page ("de", "en", "van") fills a chunk on its own; every word
# that sorts next to it shares that chunk and pays for it on a later query (at 10,000 records:
# "valkenswaard" loaded 59 KB for the chunk of "van"). Smaller chunks leave fewer such
# neighbours: the median later query at 10,000 records went from 18 to 11 KB of index
# (benchmarks/README.md). The cost is a longer chunk list in the metadata: +3 KB (raw).
# Pagefind calls the setting unstable; an unknown setting is ignored, so at worst the
# chunks are the default size again.
STUKGROOTTE = 2000


class ZoekindexFout(RuntimeError):
    """Pagefind could not index a site; the message says what to do."""


@dataclass(frozen=True)
class IndexResultaat:
    site: str
    map: Path
    paginas: int
    woorden: int
    filters: int
    seconden: float


def pagefind_programma() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError:  # pragma: no cover - dependency missing
        get_executable = None
    programma = get_executable() if get_executable else None
    if programma is None or not Path(programma).exists():
        raise ZoekindexFout("het programma Pagefind ontbreekt; installeer het met "
                            "'.venv/bin/pip install \"pagefind[bin]\"' (of 'make' in de hoofdmap)")
    return Path(programma)


def _getal(uitvoer: str, wat: str) -> int:
    treffer = re.search(rf"Indexed (\d+) {wat}", uitvoer)
    return int(treffer.group(1)) if treffer else 0


def pagefind_opdracht(site_dir: Path, uitsluiten: str = UITSLUITEN) -> list[str]:
    return [str(pagefind_programma()), "--site", str(site_dir), "--output-subdir", BUNDEL,
            "--force-language", TAAL, "--exclude-selectors", uitsluiten]


def pagefind_omgeving() -> dict[str, str]:
    return {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(STUKGROOTTE)}


def indexeer(site_dir: Path, site: str, catalogus_root: Path | None = None, *,
             melding: Callable[[str], None] | None = None) -> IndexResultaat:
    """Build the Pagefind bundle for one site. `catalogus_root` is accepted for the build's contract."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise ZoekindexFout(f"{site_dir}: de gebouwde site '{site}' bestaat niet; bouw de site eerst (lab build)")
    if not any(site_dir.rglob("*.html")):
        raise ZoekindexFout(f"{site_dir}: de site '{site}' bevat geen HTML-pagina's; is de MkDocs-build gelukt?")
    if melding:
        melding(f"{site}: zoekindex maken met Pagefind ...")
    begin = time.perf_counter()
    try:
        proces = subprocess.run(pagefind_opdracht(site_dir), capture_output=True, text=True, timeout=1800,
                                check=False, env=pagefind_omgeving())
    except (OSError, subprocess.TimeoutExpired) as fout:
        raise ZoekindexFout(f"{site_dir}: Pagefind kon niet draaien voor site '{site}' ({fout})") from None
    seconden = time.perf_counter() - begin
    uitvoer = proces.stdout + proces.stderr
    if proces.returncode != 0:
        staart = "\n".join(uitvoer.strip().splitlines()[-10:])
        raise ZoekindexFout(f"{site_dir}: Pagefind faalde voor site '{site}' (code {proces.returncode}):\n{staart}")
    paginas = _getal(uitvoer, "pages")
    if paginas == 0:
        raise ZoekindexFout(f"{site_dir}: Pagefind vond geen pagina's om te indexeren voor site '{site}'; "
                            "staat data-pagefind-body op de recordpagina's?")
    resultaat = IndexResultaat(site, site_dir / BUNDEL, paginas, _getal(uitvoer, "words"),
                               _getal(uitvoer, "filters"), seconden)
    if melding:
        melding(f"{site}: {paginas} pagina's, {resultaat.woorden} woorden, {resultaat.filters} filters "
                f"geïndexeerd in {seconden:.1f} s")
    return resultaat
