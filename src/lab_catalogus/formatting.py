"""Front ends for the one findings list: plain text, GitHub annotations, JSON."""

from __future__ import annotations

import json
import re

from .findings import Finding

# Control characters (C0, DEL, C1), Unicode line separators and lone surrogates (the bytes of a file name
# that is not UTF-8) from record values and file names are never printed raw: one finding stays one line
# (pre-commit, editors and GitHub's workflow commands such as '::add-mask::' work per line) and no
# terminal escape sequence reaches the screen.
_STUURTEKENS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMEN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def zichtbaar(tekst: str, behalve: str = "") -> str:
    """The text with each control character (except those in `behalve`) written out as an escape, e.g. '\\n'."""
    def schrijf_uit(m: re.Match[str]) -> str:
        teken = m.group()
        if teken in behalve:
            return teken
        return _NAMEN.get(teken) or (f"\\x{ord(teken):02x}" if ord(teken) <= 0xFF else f"\\u{ord(teken):04x}")
    return _STUURTEKENS.sub(schrijf_uit, tekst)


def plek(f: Finding, bestand: str | None = None) -> str:
    """'file:line:col' (as far as known), with `bestand` in place of the finding's own path if given."""
    tekst = f.bestand if bestand is None else bestand
    if f.regel is not None:
        tekst += f":{f.regel}"
        if f.kolom is not None:
            tekst += f":{f.kolom}"
    return tekst


def tekstregel(f: Finding) -> str:
    veld = f"{f.veld}: " if f.veld else ""
    bedoeld = f" (bedoelde je '{f.suggestie}'?)" if f.suggestie else ""
    return zichtbaar(f"{plek(f)}: {f.ernst}: {veld}{f.boodschap}{bedoeld}")


def _github_escape(tekst: str, eigenschap: bool = False) -> str:
    # GitHub's own escaping (%, CR, LF; in properties also ':' and ','), after writing out other control characters.
    tekst = zichtbaar(tekst, behalve="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if eigenschap:
        tekst = tekst.replace(":", "%3A").replace(",", "%2C")
    return tekst


def github_regel(f: Finding) -> str:
    niveau = "error" if f.is_fout else "warning"
    eigenschappen = [f"file={_github_escape(f.bestand, True)}"]
    if f.regel is not None:
        eigenschappen.append(f"line={f.regel}")
        if f.kolom is not None:
            eigenschappen.append(f"col={f.kolom}")
    if f.veld:
        eigenschappen.append(f"title={_github_escape(f.veld, True)}")
    bedoeld = f" (bedoelde je '{f.suggestie}'?)" if f.suggestie else ""
    return f"::{niveau} {','.join(eigenschappen)}::{_github_escape(f.boodschap + bedoeld)}"


def als_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def samenvatting(findings: list[Finding], onderwerp: str) -> str:
    fouten = sum(1 for f in findings if f.is_fout)
    waarschuwingen = len(findings) - fouten
    if not findings:
        return f"{onderwerp}: alles in orde."
    return f"{onderwerp}: {fouten} {'fout' if fouten == 1 else 'fouten'}, {waarschuwingen} {'waarschuwing' if waarschuwingen == 1 else 'waarschuwingen'}."
