"""'Bedoelde je ...?' suggestions for near-miss keys, terms and names."""

from __future__ import annotations

import difflib
import unicodedata


def normaliseer(tekst: str) -> str:
    """Lower case, no diacritics, no separators: 'Súdwest-Fryslân' -> 'sudwestfryslan'."""
    zonder_accenten = unicodedata.normalize("NFKD", tekst)
    zonder_accenten = "".join(c for c in zonder_accenten if not unicodedata.combining(c))
    return "".join(c for c in zonder_accenten.lower() if c.isalnum())


def dichtstbij(waarde: object, kandidaten: dict[str, str] | list[str], cutoff: float = 0.6) -> str | None:
    """Best candidate for a typo, or None.

    `kandidaten` maps spellings people might type to the value to suggest (so a
    label or synonym can point to an id); a list maps each item to itself.
    """
    if not isinstance(waarde, str) or not waarde:
        return None
    if isinstance(kandidaten, list):
        kandidaten = {k: k for k in kandidaten}
    genormaliseerd: dict[str, str] = {}
    for spelling, doel in kandidaten.items():
        genormaliseerd.setdefault(normaliseer(spelling), doel)
    sleutel = normaliseer(waarde)
    if sleutel in genormaliseerd:
        return genormaliseerd[sleutel]
    treffers = difflib.get_close_matches(sleutel, list(genormaliseerd), n=1, cutoff=cutoff)
    return genormaliseerd[treffers[0]] if treffers else None
