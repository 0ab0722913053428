"""Line and column of a short field path by scanning the text, without composing the YAML.

The beslisboom can put a finding on thousands of records at once (a synthetic
or freshly imported catalogue); composing every file again to locate them
costs more than evaluating the tree. Record files are simple: top-level keys
at column 0, one level of block or one-line flow nesting. For paths of at
most two parts over such shapes this scanner returns exactly what
`positions.Posities.zoek` would (tests compare the two on every record and
path); for anything else it returns None and the caller falls back to
`Posities`.
"""

from __future__ import annotations

import re

_SCHONE_FLOW = re.compile(r"^[^'\"\[\]{}#]*$")  # a one-line flow body without quotes, nesting or comments


def _regels(tekst: str) -> list[str]:
    return tekst.split("\n")


def _sleutel(regels: list[str], naam: str, van: int, tot: int, inspringing: int) -> int | None:
    """Index of the line holding `naam:` at exactly `inspringing` spaces, within [van, tot)."""
    voor = " " * inspringing
    for i in range(van, tot):
        regel = regels[i]
        if regel.startswith(voor) and regel[inspringing:inspringing + len(naam) + 1] == naam + ":":
            rest = regel[inspringing + len(naam) + 1:inspringing + len(naam) + 2]
            if rest in ("", " ", "\t", "\r"):
                return i
    return None


def _inhoud(regel: str) -> bool:
    kaal = regel.strip()
    return bool(kaal) and not kaal.startswith("#")


def _inspringing(regel: str) -> int:
    return len(regel) - len(regel.lstrip(" "))


def _waarde_op_regel(regel: str, vanaf: int) -> int | None:
    """Column (0-based) where an inline value starts after `vanaf`, or None when the value is a block below."""
    rest = regel[vanaf:]
    kaal = rest.lstrip(" \t")
    if not kaal or kaal.startswith("#") or kaal == "\r":
        return None
    return vanaf + len(rest) - len(kaal)


def _eerste_inhoud(regels: list[str], van: int, tot: int) -> int | None:
    for i in range(van, tot):
        if _inhoud(regels[i]):
            return i
    return None


def _flow_delen(regel: str, open_: int, sluit: int) -> list[tuple[int, str]]:
    """(column, text) of each comma-separated part of a clean one-line flow collection."""
    delen = []
    begin = open_ + 1
    for i in range(open_ + 1, sluit + 1):
        if i == sluit or regel[i] == ",":
            stuk = regel[begin:i]
            if stuk.strip():
                delen.append((begin + len(stuk) - len(stuk.lstrip()), stuk.strip()))
            begin = i + 1
    return delen


def zoek(tekst: str, pad: tuple) -> tuple[int, int] | None:
    """(line, column), 1-based, of the value at `pad` as Posities.zoek(pad) gives it; None when unsure."""
    if not pad or len(pad) > 2 or not isinstance(pad[0], str) or "\t" in tekst or "&" in tekst:
        return None
    regels = _regels(tekst)
    top = _sleutel(regels, pad[0], 0, len(regels), 0)
    if top is None:
        # A missing top-level key: Posities falls back to the start of the file. Make sure it
        # is really missing and not written in a form this scanner skips (quoted, flow style).
        if pad[0] in tekst:
            return None
        return (1, 1)
    regel = regels[top]
    kolom = _waarde_op_regel(regel, len(pad[0]) + 1)
    sleutel_plek = (top + 1, 1)
    if len(pad) == 1:
        if kolom is not None:
            return (top + 1, kolom + 1)
        volgende = _eerste_inhoud(regels, top + 1, len(regels))
        if volgende is None or _inspringing(regels[volgende]) == 0 and not regels[volgende].startswith("- "):
            return None  # an empty value: rare, leave it to Posities
        return (volgende + 1, _inspringing(regels[volgende]) + 1)
    kind = pad[1]
    if kolom is not None:
        # One-line flow collection: {a: 1, b: 2} or [x, y].
        teken = regel[kolom]
        sluit = regel.rfind("}" if teken == "{" else "]")
        if teken not in "{[" or sluit < kolom or not _SCHONE_FLOW.match(regel[kolom + 1:sluit]) \
                or regel[sluit + 1:].strip() not in ("", "\r"):
            return None
        delen = _flow_delen(regel, kolom, sluit)
        if teken == "[":
            if not isinstance(kind, int):
                return None
            return (top + 1, delen[kind][0] + 1) if kind < len(delen) else sleutel_plek
        if not isinstance(kind, str):
            return None
        for kol, stuk in delen:
            naam, dubbelpunt, waarde = stuk.partition(":")
            if dubbelpunt and naam.strip() == kind:
                if not waarde.strip():
                    return None
                return (top + 1, kol + stuk.index(":") + 1 + len(waarde) - len(waarde.lstrip()) + 1)
        return sleutel_plek
    # A block below the key.
    eerste = _eerste_inhoud(regels, top + 1, len(regels))
    if eerste is None:
        return None
    inspringing = _inspringing(regels[eerste])
    is_lijst = regels[eerste].lstrip(" ").startswith("- ")
    if inspringing == 0 and not is_lijst:
        return None
    einde = _einde(regels, top, inspringing, is_lijst)
    if is_lijst:
        if not isinstance(kind, int):
            return None
        items = [i for i in range(top + 1, einde)
                 if _inspringing(regels[i]) == inspringing and regels[i].lstrip(" ").startswith("- ")]
        if kind >= len(items):
            return sleutel_plek
        r = regels[items[kind]]
        start = inspringing + 2
        kaal = r[start:].lstrip(" ")
        if not kaal or kaal.startswith("#"):
            return None
        return (items[kind] + 1, start + len(r[start:]) - len(kaal) + 1)
    if not isinstance(kind, str):
        return None
    rij = _sleutel(regels, kind, top + 1, einde, inspringing)
    if rij is None:
        blok = "\n".join(regels[top + 1:einde])
        return None if kind in blok else sleutel_plek
    kol = _waarde_op_regel(regels[rij], inspringing + len(kind) + 1)
    if kol is None:
        volgende = _eerste_inhoud(regels, rij + 1, einde)
        if volgende is None or _inspringing(regels[volgende]) <= inspringing and not regels[volgende].lstrip(" ").startswith("- "):
            return None
        return (volgende + 1, _inspringing(regels[volgende]) + 1)
    return (rij + 1, kol + 1)


def _einde(regels: list[str], top: int, inspringing: int, is_lijst: bool) -> int:
    """End (exclusive) of the block under the top-level key on line `top`."""
    for i in range(top + 1, len(regels)):
        r = regels[i]
        if not _inhoud(r):
            continue
        diepte = _inspringing(r)
        if diepte == 0 and not (is_lijst and inspringing == 0 and r.startswith("- ")):
            return i
    return len(regels)
