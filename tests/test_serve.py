"""`lab serve` for real: all six sites on one local server, rebuilt after a content edit."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from fixtures_sites import kopieer_catalogus

pytestmark = pytest.mark.build

BIN = Path(sys.executable).parent


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _haal(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as antwoord:
        return antwoord.read().decode("utf-8")


def _wacht_op(voorwaarde, seconden: float) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            if voorwaarde():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_toont_zes_sites_en_herbouwt(tmp_path: Path):
    root = kopieer_catalogus(tmp_path / "catalogus")
    poort = _vrije_poort()
    proces = subprocess.Popen([str(BIN / "lab"), "serve", "--root", str(root), "--uit", str(tmp_path / "site"),
                               "--poort", str(poort), "--peildatum", "2027-01-15"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    basis = f"http://127.0.0.1:{poort}/"
    try:
        assert _wacht_op(lambda: "LAB Catalogus" in _haal(basis), 300), "lab serve kwam niet op"
        start = _haal(basis)
        for naam in ("landelijk", "noord", "oost", "zuid", "noordwest", "zuidwest"):
            assert f'href="{naam}/"' in start
            html = _haal(f"{basis}{naam}/")
            assert '<html lang="nl"' in html and "livereload" in html
        record = root / "content" / "scholing" / "hoe-werkt-die-gemeente-nou.yml"
        record.write_text(record.read_text(encoding="utf-8").replace(
            "titel: Hoe werkt die gemeente nou?", "titel: Hoe werkt die gemeente nou? Nu gewijzigd"), encoding="utf-8")
        assert _wacht_op(lambda: "Nu gewijzigd" in _haal(f"{basis}zuid/scholing/hoe-werkt-die-gemeente-nou/"), 300)
    finally:
        os.killpg(proces.pid, signal.SIGINT)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()
