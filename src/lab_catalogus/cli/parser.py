"""argparse in Dutch: usage, help headings and usage errors.

argparse only speaks English (its gettext catalogue has no Dutch), so the
few texts people see are translated here: the 'usage:' prefix, the help
headings and the usage errors, matched by their fixed English patterns.
An unknown message is shown as it is rather than hidden.
"""

from __future__ import annotations

import argparse
import re
import sys

# (English pattern, Dutch text); the groups are the variable parts argparse fills in.
_FOUTEN: list[tuple[re.Pattern[str], str]] = [(re.compile(p), nl) for p, nl in (
    (r"^argument (?P<a>\S+): invalid choice: (?P<w>.+?) \(choose from (?P<k>.+)\)$",
     "{a}: ongeldige keuze {w}; kies uit {k}"),
    (r"^argument (?P<a>\S+): expected one argument$", "{a}: hier hoort een waarde bij"),
    (r"^argument (?P<a>\S+): expected at least one argument$", "{a}: hier hoort minstens één waarde bij"),
    (r"^argument (?P<a>\S+): expected (?P<n>\d+) arguments?$", "{a}: hier horen {n} waarden bij"),
    (r"^argument (?P<a>\S+): invalid \S+ value: (?P<w>.+)$", "{a}: ongeldige waarde {w}"),
    (r"^argument (?P<a>\S+): not allowed with argument (?P<b>\S+)$", "{a} kan niet samen met {b}"),
    (r"^argument (?P<a>\S+): ignored explicit argument (?P<w>.+)$", "{a} neemt geen waarde; {w} genegeerd"),
    (r"^argument (?P<a>\S+): (?P<m>.+)$", "{a}: {m}"),  # our own (Dutch) ArgumentTypeError texts
    (r"^unrecognized arguments: (?P<w>.+)$", "onbekende argumenten: {w}"),
    (r"^the following arguments are required: (?P<w>.+)$", "deze argumenten ontbreken: {w}"),
    (r"^one of the arguments (?P<w>.+) is required$", "geef één van deze argumenten: {w}"),
    (r"^ambiguous option: (?P<a>\S+) could match (?P<w>.+)$", "optie {a} is niet eenduidig: bedoel je {w}?"),
)]


def vertaal(bericht: str) -> str:
    """The Dutch version of an argparse usage error (unchanged when the pattern is unknown)."""
    for patroon, nl in _FOUTEN:
        treffer = patroon.match(bericht)
        if treffer:
            return nl.format(**treffer.groupdict())
    return bericht


class _Opmaak(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help and errors; usage errors exit with status 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Opmaak)
        hulp = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if hulp:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="toon deze uitleg en stop")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"lab: fout: {vertaal(message)}\n")
