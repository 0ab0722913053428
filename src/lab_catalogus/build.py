"""Build one or all six sites: MkDocs build, search index, atomic swap.

Each site is built into a fresh temporary folder next to its target
(`site/.zuid-nieuw-XXXX`), then indexed with Pagefind (when the search part is
installed), and only then swapped into place (`site/zuid`). A failed build
or index leaves the previous output untouched.

The catalogue is loaded once in the parent process; build workers are forked
from it, so they share that load. Two processes suffice on a 2-core machine
and halve the wall time of the six builds.
"""

from __future__ import annotations

import datetime
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import sites, zoekindex
from .render import tekst as e

STANDAARD_BASIS_URL = "http://127.0.0.1:8000/"


@dataclass
class BouwResultaat:
    site: str
    map: Path
    paginas: int = 0
    seconden: float = 0.0
    fout: str | None = None

    @property
    def gelukt(self) -> bool:
        return self.fout is None


@dataclass(frozen=True)
class BouwOpdracht:
    root: Path  # catalogue root (content/, schemas/)
    uit: Path  # output root: one folder per site
    peildatum: datetime.date
    basis_url: str | None  # None: publish at each academy's own site_url
    project: Path = sites.PROJECT  # where mkdocs.yml, sites/, docs/, hooks/ live
    zoekindex: bool = True  # run Pagefind after each MkDocs build


_OMGEVING = (sites.ENV_ROOT, sites.ENV_PEILDATUM, sites.ENV_BASIS_URL, "NO_MKDOCS_2_WARNING")


def _herstel_omgeving(vorige: dict[str, str | None]) -> None:
    for sleutel, waarde in vorige.items():
        if waarde is None:
            os.environ.pop(sleutel, None)
        else:
            os.environ[sleutel] = waarde


def _zet_omgeving(opdracht: BouwOpdracht) -> None:
    os.environ[sites.ENV_ROOT] = str(opdracht.root.resolve())
    os.environ[sites.ENV_PEILDATUM] = opdracht.peildatum.isoformat()
    if opdracht.basis_url:
        os.environ[sites.ENV_BASIS_URL] = opdracht.basis_url
    else:
        os.environ.pop(sites.ENV_BASIS_URL, None)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the Material end-of-life banner, once per build


def _tel_paginas(map_: Path) -> int:
    return sum(1 for _, _, bestanden in os.walk(map_) for b in bestanden if b.endswith(".html"))


def _wissel(nieuw: Path, doel: Path) -> None:
    """Put `nieuw` in place of `doel`; the old output is removed only after the swap."""
    oud = None
    if doel.exists():
        oud = Path(tempfile.mkdtemp(prefix=f".{doel.name}-oud-", dir=doel.parent))
        os.rename(doel, oud / "site")
    os.rename(nieuw, doel)
    if oud is not None:
        shutil.rmtree(oud, ignore_errors=True)


def bouw_site(naam: str, opdracht: BouwOpdracht) -> BouwResultaat:
    """Build one site (runs in a worker process, or inline)."""
    site = sites.site(naam)
    doel = site.uitvoer(opdracht.uit)
    begin = time.perf_counter()
    opdracht.uit.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{naam}-nieuw-", dir=opdracht.uit))
    # The hook reads the catalogue's place and date from the environment; an inline build
    # (one site, or a caller like `lab serve`) must not leave them behind for the caller.
    vorige = {sleutel: os.environ.get(sleutel) for sleutel in _OMGEVING}
    try:
        _zet_omgeving(opdracht)
        from mkdocs.commands.build import build as mkdocs_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.setLevel(logging.WARNING)
        fouten = _Foutenvanger()
        mkdocs_log.addHandler(fouten)
        try:
            config = load_config(config_file=str(site.config(opdracht.project)), site_dir=str(tijdelijk))
            mkdocs_build(config)
        except MkDocsException as fout:
            reden = "; ".join(fouten.meldingen) or str(fout)
            raise BouwFout(f"MkDocs kon de site '{naam}' niet bouwen: {reden}") from None
        finally:
            mkdocs_log.removeHandler(fouten)
        if opdracht.zoekindex:
            try:
                zoekindex.indexeer(tijdelijk, naam, opdracht.root)
            except Exception as fout:  # the search part reports its own Dutch errors
                raise BouwFout(f"zoekindex voor '{naam}' mislukt: {fout}") from None
        paginas = _tel_paginas(tijdelijk)
        _wissel(tijdelijk, doel)
        return BouwResultaat(naam, doel, paginas, time.perf_counter() - begin)
    except BouwFout as fout:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        return BouwResultaat(naam, doel, 0, time.perf_counter() - begin, str(fout))
    except Exception as fout:  # never leave a half-built folder, and report in Dutch
        shutil.rmtree(tijdelijk, ignore_errors=True)
        return BouwResultaat(naam, doel, 0, time.perf_counter() - begin,
                             f"onverwachte fout bij het bouwen van '{naam}': {type(fout).__name__}: {fout}")
    finally:
        _herstel_omgeving(vorige)


class _Foutenvanger(logging.Handler):
    """Keeps MkDocs' error messages, so a failed build says why (MkDocs itself only says 'Aborted')."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.meldingen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.meldingen.append(record.getMessage())


class BouwFout(Exception):
    """A build step failed; the message is for people."""


def _melder(stroom=None) -> Callable[[str], None]:
    stroom = stroom or sys.stderr

    def meld(tekst: str) -> None:
        print(tekst, file=stroom, flush=True)
    return meld


def bouw(opdracht: BouwOpdracht, namen: list[str] | None = None, processen: int | None = None,
         meld: Callable[[str], None] | None = None) -> list[BouwResultaat]:
    """Build the named sites (default: all six) and write the index page; returns one result per site."""
    meld = meld or _melder()
    namen = list(namen or sites.SITES)
    for naam in namen:
        sites.site(naam)  # unknown names fail before any work
    catalogus, findings = sites.laad(opdracht.root, opdracht.peildatum)  # once, before forking
    fouten = sum(1 for f in findings if f.is_fout)
    if fouten:
        meld(f"let op: de catalogus heeft {fouten} fout(en); records met fouten worden niet gepubliceerd "
             "(draai 'lab check' voor de details)")
    processen = processen or min(len(namen), os.cpu_count() or 1, 2)
    meld(f"bouwen: {len(namen)} site(s) met {processen} proces(sen), peildatum {opdracht.peildatum.isoformat()}")
    begin = time.perf_counter()
    resultaten: list[BouwResultaat] = []

    def klaar(r: BouwResultaat) -> None:
        resultaten.append(r)
        teller = f"[{len(resultaten)}/{len(namen)}]"
        if r.gelukt:
            meld(f"{teller} {r.site}: {r.paginas} pagina's in {r.seconden:.1f} s -> {r.map}")
        else:
            meld(f"{teller} {r.site}: MISLUKT ({r.fout}); de vorige versie blijft staan")

    if processen <= 1 or len(namen) == 1:
        for naam in namen:
            meld(f"bezig: {naam} ...")
            klaar(bouw_site(naam, opdracht))
    else:
        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        with ProcessPoolExecutor(max_workers=processen, mp_context=context) as pool:
            lopend = {pool.submit(bouw_site, naam, opdracht): naam for naam in namen}
            while lopend:
                gedaan, _ = wait(lopend, timeout=5, return_when=FIRST_COMPLETED)
                for toekomst in gedaan:
                    naam = lopend.pop(toekomst)
                    try:
                        klaar(toekomst.result())
                    except Exception as fout:  # a worker that died
                        klaar(BouwResultaat(naam, sites.site(naam).uitvoer(opdracht.uit), fout=str(fout)))
                if lopend and not gedaan:
                    meld(f"bezig ({time.perf_counter() - begin:.0f} s): {', '.join(sorted(lopend.values()))}")
    schrijf_index(opdracht.uit, catalogus, opdracht.basis_url)
    gelukt = sum(1 for r in resultaten if r.gelukt)
    totaal = sum(r.paginas for r in resultaten)
    meld(f"klaar: {gelukt} van {len(namen)} site(s) gebouwd, {totaal} pagina's in {time.perf_counter() - begin:.1f} s")
    volgorde = {naam: i for i, naam in enumerate(namen)}
    return sorted(resultaten, key=lambda r: volgorde[r.site])


def schrijf_index(uit: Path, catalogus, basis_url: str | None) -> Path:
    """A plain start page in the output root that links the sites (used by `lab serve`)."""
    items = []
    for naam in sites.SITES:
        if not (uit / naam / "index.html").exists():
            continue
        titel = "Landelijke catalogus (verwijssite)" if naam == sites.LANDELIJK else (
            catalogus.academies[naam].naam if naam in catalogus.academies else naam)
        items.append(f'<li><a href="{e(naam)}/">{e(titel)}</a></li>')
    html = ("<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>LAB Catalogus: alle sites</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;"
            "line-height:1.5;color:#1a1a1a}a{color:#303f9f}a:focus-visible{outline:3px solid #1a1a1a}"
            "li{margin:.5rem 0}</style></head><body><main><h1>LAB Catalogus</h1>"
            "<p>De zes sites van deze build:</p><ul>" + "".join(items) + "</ul></main></body></html>\n")
    uit.mkdir(parents=True, exist_ok=True)
    pad = uit / "index.html"
    tijdelijk = uit / ".index.html.nieuw"
    tijdelijk.write_text(html, encoding="utf-8")
    os.replace(tijdelijk, pad)
    return pad
