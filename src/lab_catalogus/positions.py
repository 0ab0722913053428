"""Map field paths to YAML line/column, only for files that have findings.

Composing the node graph a second time is cheap for one file and keeps the
fast path (all valid files) free of position bookkeeping.
"""

from __future__ import annotations

import yaml

from .findings import Finding, Issue, pad_als_tekst

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Posities:
    def __init__(self, tekst: str):
        self.sleutels: dict[tuple, tuple[int, int]] = {}
        self.waarden: dict[tuple, tuple[int, int]] = {}
        try:
            root = yaml.compose(tekst, Loader=_Loader)
        except yaml.YAMLError:
            root = None
        if root is not None:
            self._loop(root, (), 0)

    def _loop(self, node, pad: tuple, diepte: int) -> None:
        if diepte > 25:
            return
        self.waarden.setdefault(pad, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                sleutel = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                kind = pad + (sleutel,)
                self.sleutels.setdefault(kind, (key_node.start_mark.line + 1, key_node.start_mark.column + 1))
                self._loop(value_node, kind, diepte + 1)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._loop(item, pad + (index,), diepte + 1)

    def zoek(self, pad: tuple, doel: str = "waarde") -> tuple[int, int]:
        """Line and column for a path; falls back to the nearest existing parent."""
        pad = tuple(str(p) if not isinstance(p, int) else p for p in pad)
        if doel == "sleutel" and pad in self.sleutels:
            return self.sleutels[pad]
        while pad:
            if pad in self.waarden:
                return self.waarden[pad]
            pad = pad[:-1]
            # A missing field is best shown at its parent's key: "kosten:" for kosten.btw.
            if pad in self.sleutels:
                return self.sleutels[pad]
        return (1, 1)


def lokaliseer(bestand: str, tekst: str, issues: list[Issue]) -> list[Finding]:
    if not issues:
        return []
    posities = Posities(tekst) if tekst else None
    uit = []
    for issue in issues:
        regel, kolom = posities.zoek(issue.pad, issue.doel) if posities else (1, 1)
        uit.append(Finding(bestand, regel, kolom, issue.ernst, pad_als_tekst(issue.pad),
                           issue.boodschap, issue.suggestie, issue.code))
    return uit
