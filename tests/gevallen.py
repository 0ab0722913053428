"""Bad-input cases shared by the API tests and the CLI tests.

Each case is a small set of files dropped into a copy of the example
catalogue, plus the one finding it must produce. Expected lines and columns
are computed from the fixture text (where the broken value sits), not copied
from the program's output.
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "records"
PEILDATUM = datetime.date(2026, 12, 1)

SCHOLING = (FIXTURES / "scholing.yml").read_text(encoding="utf-8")
AANBIEDER = (FIXTURES / "aanbieder.yml").read_text(encoding="utf-8")
LOKET = (FIXTURES / "loket.yml").read_text(encoding="utf-8")
SCHOLING_PAD = "content/scholing/test-scholing.yml"
AANBIEDER_PAD = "content/aanbieders/test-aanbieder.yml"


def variant(vervang: dict[str, str], tekst: str = SCHOLING) -> str:
    """The text with each (unique) fragment replaced."""
    for oud, nieuw in vervang.items():
        assert tekst.count(oud) == 1, f"fragment niet uniek in fixture: {oud!r}"
        tekst = tekst.replace(oud, nieuw)
    return tekst


def plek(tekst: str, fragment: str, binnen: str | None = None) -> tuple[int, int]:
    """1-based line and column of `binnen` inside the unique `fragment` (or of the fragment itself)."""
    assert tekst.count(fragment) == 1, fragment
    offset = tekst.index(fragment) + (fragment.index(binnen) if binnen else 0)
    regel = tekst.count("\n", 0, offset) + 1
    return regel, offset - (tekst.rfind("\n", 0, offset) + 1) + 1


@dataclass
class Geval:
    naam: str
    bestanden: dict[str, bytes | str]
    bestand: str
    regel: int | None
    kolom: int | None
    veld: str
    code: str
    bevat: tuple[str, ...]  # Dutch fragments: what is wrong and what to do
    suggestie: str | None = None
    ernst: str = "fout"
    extra: dict = field(default_factory=dict)

    def verwacht(self) -> dict:
        return {"bestand": self.bestand, "regel": self.regel, "kolom": self.kolom, "ernst": self.ernst,
                "veld": self.veld, "code": self.code, "suggestie": self.suggestie}


def maak_catalogus(root: Path, bestanden: dict[str, bytes | str]) -> Path:
    """A copy of the example catalogue plus the test aanbieder and the given files."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / AANBIEDER_PAD).write_text(AANBIEDER, encoding="utf-8")
    for naam, inhoud in bestanden.items():
        pad = root / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(inhoud, str):
            pad.write_text(inhoud, encoding="utf-8")
        else:
            pad.write_bytes(inhoud)
    return root


def _scholing(naam: str, vervang: dict[str, str], fragment: str, binnen: str | None, veld: str, code: str,
              bevat: tuple[str, ...], suggestie: str | None = None, ernst: str = "fout") -> Geval:
    tekst = variant(vervang)
    regel, kolom = plek(tekst, fragment, binnen)
    return Geval(naam, {SCHOLING_PAD: tekst}, SCHOLING_PAD, regel, kolom, veld, code, bevat, suggestie, ernst)


def _alias_bom() -> str:
    regels = ['lol: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i, naam in enumerate("bcdefghi"):
        vorige = "abcdefghi"[i]
        regels.append(f"{naam}: &{naam} [" + ", ".join([f"*{vorige}"] * 9) + "]")
    return "\n".join(regels) + "\n"


ALIAS_BOM = _alias_bom()

# --- reading: the file as a whole --------------------------------------------------------------

LEZEN = [
    Geval("yaml-kapot", {SCHOLING_PAD: variant({"titel: Testcursus samenwerken": "titel: Testcursus: samenwerken"})},
          SCHOLING_PAD, *plek(variant({"titel: Testcursus samenwerken": "titel: Testcursus: samenwerken"}),
                              "titel: Testcursus: samenwerken", ": samenwerken"),
          "", "yaml", ("ongeldige YAML", "aanhalingstekens")),
    Geval("tab", {SCHOLING_PAD: variant({"  uren: 12\n": "\turen: 12\n"})}, SCHOLING_PAD,
          *plek(variant({"  uren: 12\n": "\turen: 12\n"}), "\turen: 12"), "", "yaml", ("tab-teken", "spaties")),
    Geval("dubbele-sleutel", {SCHOLING_PAD: variant({"niveau: basis\n": "niveau: basis\nvorm: training\n"})},
          SCHOLING_PAD, *plek(variant({"niveau: basis\n": "niveau: basis\nvorm: training\n"}), "vorm: training"),
          "vorm", "dubbele-sleutel", ("twee keer", "houd er één over")),
    Geval("lijst-als-bestand", {SCHOLING_PAD: "- titel: Testcursus\n- vorm: cursus\n"}, SCHOLING_PAD, 1, 1, "",
          "geen-map", ("een lijst", "veld: waarde")),
    Geval("leeg-bestand", {SCHOLING_PAD: ""}, SCHOLING_PAD, 1, 1, "", "leeg", ("leeg", "vul de verplichte velden in")),
    Geval("alleen-commentaar", {SCHOLING_PAD: "# nog invullen\n\n# later\n"}, SCHOLING_PAD, 1, 1, "", "leeg",
          ("leeg",)),
    Geval("niet-utf8", {SCHOLING_PAD: variant({"naam: Sanne Jansen": "naam: Ren\udce9 Jansen"})
                        .encode("utf-8", "surrogateescape")},
          SCHOLING_PAD, *plek(variant({"naam: Sanne Jansen": "naam: Ren\udce9 Jansen"}), "Ren\udce9", "\udce9"), "", "geen-utf8",
          ("niet in UTF-8", "0xe9", "sla het op als UTF-8")),
    Geval("alias-bom", {SCHOLING_PAD: ALIAS_BOM}, SCHOLING_PAD, *plek(ALIAS_BOM, "c: &c [", "&c"),
          "", "alias-bom", ("verwijzingen (*alias)", "Schrijf de waarden gewoon uit")),
    Geval("te-diep", {SCHOLING_PAD: "titel: " + "[" * 100_000 + "]" * 100_000 + "\n"}, SCHOLING_PAD, 1, 28, "",
          "te-diep", ("dieper genest dan 20 niveaus", "haakjes")),
]

# --- one record: fields and values ------------------------------------------------------------

VELDEN = [
    _scholing("lijst-waar-map-hoort", {"kosten:\n  bedrag: 95\n  btw: vrijgesteld\n": "kosten: [95, vrijgesteld]\n"},
              "kosten: [95", "[", "kosten", "model_type", ("verwacht velden (veld: waarde)", "een lijst")),
    _scholing("verkeerd-type", {"  uren: 12\n": '  uren: "twaalf"\n'}, '  uren: "twaalf"', '"twaalf"',
              "tijdsinvestering.uren", "float_type", ("moet een getal zijn", "zonder aanhalingstekens")),
    _scholing("buiten-bereik", {"  uren: 12\n": "  uren: 5000\n"}, "  uren: 5000", "5000", "tijdsinvestering.uren",
              "less_than_equal", ("mag niet groter zijn dan 2000",)),
    _scholing("negatief-bedrag", {"  bedrag: 95\n": "  bedrag: -5\n"}, "  bedrag: -5", "-5", "kosten.bedrag",
              "greater_than_equal", ("mag niet kleiner zijn dan 0",)),
    _scholing("http-url", {"aanmelden: https://": "aanmelden: http://"}, "aanmelden: http://", "http://",
              "aanmelden", "lab_http", ("https://",), "https://test-aanbieder.example.nl/aanmelden"),
    _scholing("slecht-emailadres", {"  email: scholing@test-aanbieder": "  email: scholing.test-aanbieder"},
              "  email: scholing.test-aanbieder", "scholing.", "contact.email", "lab_email",
              ("geen geldig e-mailadres", "naam@organisatie.nl")),
    _scholing("eind-voor-start", {"    eind: 2027-03-29": "    eind: 2027-02-01"}, "    eind: 2027-02-01", "2027",
              "uitvoeringen[1].eind", "eind-voor-start", ("vóór de startdatum",)),
    _scholing("onbekende-term", {"\nvorm: cursus\n": "\nvorm: wokshop\n"}, "vorm: wokshop", "wokshop", "vorm",
              "lab_term", ("geen term uit de lijst 'scholingsvormen'",), "workshop"),
    _scholing("label-in-plaats-van-id", {"themas: [samenwerken-en-netwerken]": "themas: [Samenwerken en netwerken]"},
              "themas: [Samenwerken", "Samenwerken", "themas[1]", "lab_term_label", ("schrijf de term-id",),
              "samenwerken-en-netwerken"),
    _scholing("onbekende-gemeente", {"  gemeente: Eindhoven": "  gemeente: Eindhovn"}, "  gemeente: Eindhovn",
              "Eindhovn", "locatie.gemeente", "lab_gemeente", ("geen Nederlandse gemeente", "officiële gemeentenaam"),
              "Eindhoven"),
    _scholing("onbekend-veld", {"\ntitel: ": "\ntittel: "}, "tittel:", None, "tittel", "extra_forbidden",
              ("onbekend veld 'tittel'", "toegestaan zijn"), "titel"),
    _scholing("onbekend-veld-genest", {"  btw: vrijgesteld": "  bwt: vrijgesteld"}, "  bwt:", "bwt", "kosten.bwt",
              "extra_forbidden", ("onbekend veld 'bwt'",), "btw"),
    # A missing top-level field has no place of its own: the finding points at the start of the file.
    Geval("verplicht-veld-ontbreekt", {SCHOLING_PAD: variant({"\nvorm: cursus\n": "\n"})}, SCHOLING_PAD, 1, 1, "vorm",
          "missing", ("verplicht veld 'vorm' ontbreekt", "vul het in")),
    _scholing("id-anders-dan-bestandsnaam", {"titel: Testcursus": "id: andere-cursus\ntitel: Testcursus"},
              "id: andere-cursus", "andere", "id", "id-bestandsnaam", ("verschilt van de bestandsnaam", "maak ze gelijk"),
              "test-scholing"),
    _scholing("niet-bestaande-datum", {"  - start: 2027-03-01": "  - start: 2027-02-30"}, "start: 2027-02-30", "2027",
              "", "yaml", ("bestaat niet", "JJJJ-MM-DD")),
]

# --- the catalogue: files, folders and references -----------------------------------------------

CATALOGUS = [
    Geval("ongeldige-bestandsnaam", {"content/scholing/Test Scholing.yml": SCHOLING}, "content/scholing/Test Scholing.yml",
          None, None, "", "bestandsnaam", ("geen geldige id", "kleine letters"), "test-scholing.yml"),
    Geval("verkeerde-map", {"content/scholing/test-aanbieder-twee.yml": AANBIEDER},
          "content/scholing/test-aanbieder-twee.yml", 1, 1, "", "verkeerde-map",
          ("aanbieder-record", "verplaats het naar content/aanbieders/")),
    _scholing("aanbieder-bestaat-niet", {"aanbieder: test-aanbieder": "aanbieder: test-aanbiedr"},
              "aanbieder: test-aanbiedr", "test-aanbiedr", "aanbieder", "aanbieder-onbekend",
              ("bestaat niet", "content/aanbieders/test-aanbiedr.yml"), "test-aanbieder"),
    Geval("dubbele-id", {"content/scholing/extra/test-scholing.yml": SCHOLING, SCHOLING_PAD: SCHOLING}, SCHOLING_PAD,
          1, 1, "id", "dubbele-id", ("bestaat al in content/scholing/extra/test-scholing.yml", "kies een andere")),
]

ALLE = LEZEN + VELDEN + CATALOGUS
