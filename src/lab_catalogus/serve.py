"""Serve the six built sites on one local server, rebuilding on changes (live reload).

MkDocs' own LiveReloadServer serves the output root (the index page and
`<naam>/` folders) and injects its reload script into every HTML page; when a
watched file changes it calls our builder, which rebuilds all sites the same
way `lab build` does (atomically, so the server never shows a half-built site).
"""

from __future__ import annotations

import logging
import sys

from . import sites
from .build import BouwOpdracht, bouw


def serveer(opdracht: BouwOpdracht, host: str, poort: int) -> int:
    from mkdocs.livereload import LiveReloadServer

    def bouw_alles() -> None:
        sites._GELADEN.clear()  # content changed: read the catalogue again
        resultaten = bouw(opdracht)
        if not all(r.gelukt for r in resultaten):
            print("lab serve: niet alle sites zijn gebouwd; de vorige versie blijft zichtbaar", file=sys.stderr)

    bouw_alles()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
    server = LiveReloadServer(builder=bouw_alles, host=host, port=poort, root=str(opdracht.uit))
    for pad in (opdracht.root / "content", opdracht.root / "schemas", opdracht.project / "docs",
                opdracht.project / "overrides", opdracht.project / "sites", opdracht.project / "mkdocs.yml"):
        if pad.exists():
            server.watch(str(pad))
    print(f"\nDe sites staan op http://{host}:{poort}/ (stoppen met Ctrl+C)", file=sys.stderr)
    for naam in sites.SITES:
        print(f"  {naam:10} http://{host}:{poort}/{naam}/", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        print("\nGestopt.", file=sys.stderr)
    finally:
        server.shutdown()
    return 0
