"""Helpers for search tests: serve a folder over HTTP and query a Pagefind bundle with Pagefind's JS in Node."""

from __future__ import annotations

import functools
import json
import subprocess
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HIER = Path(__file__).resolve().parent


class _StilleHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextmanager
def serveer(map_: Path):
    """Serve `map_` on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    handler = functools.partial(_StilleHandler, directory=str(map_))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def node_programma() -> str:
    """Node from Playwright's driver (always installed with the test extras), else the system's."""
    try:
        from playwright._impl._driver import compute_driver_executable
        node, _ = compute_driver_executable()
        if Path(node).exists():
            return str(node)
    except Exception:  # noqa: BLE001 - fall back to a system node
        pass
    return "node"


def zoek(bundel_url: str, zoekopdrachten: list[dict], merge: list[dict] | None = None, **extra) -> dict:
    """Run searches with Pagefind's own pagefind.js against a served bundle."""
    invoer = {"bundel": bundel_url, "zoekopdrachten": zoekopdrachten, "merge": merge or [], **extra}
    proces = subprocess.run([node_programma(), str(HIER / "pagefind_zoek.mjs"), json.dumps(invoer)],
                            capture_output=True, text=True, timeout=120, check=False)
    if proces.returncode != 0:
        raise AssertionError(f"Pagefind-zoekopdracht in Node faalde:\n{proces.stderr[-3000:]}")
    return json.loads(proces.stdout)
