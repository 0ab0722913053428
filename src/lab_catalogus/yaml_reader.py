"""Read one record file safely: bytes -> Python data, or located findings.

Fast path: libyaml's CSafeLoader (about 8x faster than the pure-Python loader).
On top of it we add what plain YAML loading lets slip: duplicate keys (PyYAML
silently keeps the last), alias bombs (bounded alias use, no recursion), tabs,
non-UTF-8 bytes, empty files and oversized files. Nothing raises: every
problem becomes a finding with line and column.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .findings import FOUT, Finding

MAX_BESTAND_BYTES = 512 * 1024  # a record is a few KB; refuse before reading a 50 MB file
MAX_ALIAS_GEBRUIK = 20  # records need no aliases; a few are harmless, thousands are a bomb
MAX_UITGEPAKT = 5_000  # nodes that aliases may add in total: a record has ~200; a fan-out bomb has millions
MAX_DIEPTE = 20  # records nest three levels deep; deeper structures are refused before anyone walks them

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _AliasBom(Exception):
    pass


class _TeDiep(Exception):
    pass


# libyaml composes nodes recursively in C: ~100,000 nested '[' or '- ' crash the
# whole process (segfault), far below the size limit. A text can only nest as
# deep as it has nesting characters, so only texts with many of them get a
# (cheap, non-recursive) event scan first; real records have about 200.
_NESTTEKENS_DREMPEL = 2000


def _te_diepe_plek(tekst: str) -> yaml.Mark | None:
    """Where nesting first exceeds MAX_DIEPTE, scanning parser events (no node tree, no recursion)."""
    diepte = 0
    try:
        for event in yaml.parse(tekst, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                diepte += 1
                if diepte > MAX_DIEPTE + 1:  # the record's own mapping is level 1 here, depth 0 in the data
                    return event.start_mark
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                diepte -= 1
    except yaml.YAMLError:
        return None  # the real parse reports it, with its position
    return None


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# The default resolver's implicit rules, looked up by first character. The
# standard resolver has no wildcard or path resolvers; if that ever changes,
# the fast resolver below switches itself off.
_IMPLICIET = {k: tuple(v) for k, v in _Loader.yaml_implicit_resolvers.items()}
_SNELLE_RESOLVER = None not in _IMPLICIET and not _Loader.yaml_path_resolvers


class _SnelResolver:
    """Same tags as PyYAML's Resolver.resolve, without its per-node bookkeeping (called for every node)."""

    if _SNELLE_RESOLVER:
        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, regexp in _IMPLICIET.get(value[:1], ()):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass


def _bouw(loader: "_SnelLoader", node: yaml.Node, diepte: int) -> object:
    """Build Python data from an alias-free node tree; same result as the safe constructor, a few times faster.

    Strings, plain lists and maps (nearly every node of a record) are built here;
    other scalars (numbers, dates, booleans) and anything unusual (merge keys,
    explicit tags) go to the safe constructor, which also reports unknown tags.
    """
    if diepte > MAX_DIEPTE:
        raise _TeDiep(node.start_mark)
    soort = node.__class__
    if soort is yaml.ScalarNode:
        if node.tag == _STR:
            return node.value
        if node.tag == _TIMESTAMP and len(node.value) == 10:  # plain JJJJ-MM-DD, as records use
            try:
                return datetime.date.fromisoformat(node.value)
            except ValueError:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{node.value}' bestaat niet als datum", node.start_mark) from None
        return loader.construct_object(node, deep=True)
    if soort is yaml.SequenceNode and node.tag == _SEQ:
        return [_bouw(loader, kind, diepte + 1) for kind in node.value]
    if soort is yaml.MappingNode and node.tag == _MAP:
        mapping: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                loader.gedelegeerd = True
                return loader.construct_object(node, deep=True)
            key = _bouw(loader, key_node, diepte + 1)
            if not isinstance(key, str):
                loader.vreemde_sleutels.append((key, key_node))
            try:
                if key in mapping:
                    loader.dubbele_sleutels.append((key, key_node.start_mark))
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            mapping[key] = _bouw(loader, value_node, diepte + 1)
        return mapping
    loader.gedelegeerd = True
    return loader.construct_object(node, deep=True)


class _SnelLoader(_SnelResolver, _Loader):  # type: ignore[misc, valid-type]
    """Loader for texts without '&': no anchors, so no aliases; only duplicate keys need watching.

    Plain construction plus a length comparison keeps the common case close to
    bare `yaml.load` speed; keys are only walked when a mapping lost entries.
    """

    def __init__(self, stream):
        super().__init__(stream)
        self.dubbele_sleutels: list[tuple[object, yaml.Mark]] = []
        self.alias_gebruik = 0
        self.gedelegeerd = False  # did `_bouw` hand a collection to the safe constructor?
        self.vreemde_sleutels: list[tuple[object, yaml.Node]] = []

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        if isinstance(node, yaml.MappingNode) and not all(isinstance(k, str) for k in mapping):
            _noteer_vreemde_sleutels(self, node)
        if isinstance(node, yaml.MappingNode) and len(mapping) != len(node.value):
            gezien: set = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node)  # already built: served from the cache
                if key in gezien:
                    self.dubbele_sleutels.append((key, key_node.start_mark))
                gezien.add(key)
        return mapping


def _noteer_vreemde_sleutels(loader, node: yaml.MappingNode) -> None:
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)  # already built: served from the cache
        if not isinstance(key, str):
            loader.vreemde_sleutels.append((key, key_node))


def _grootte(node: yaml.Node, groottes: dict[int, int], bezig: set[int]) -> int:
    """Number of nodes `node` stands for with every alias written out (memoised per node)."""
    sleutel = id(node)
    if sleutel in groottes:
        return groottes[sleutel]
    if sleutel in bezig:  # the node contains itself: endless when written out
        raise _AliasBom(node.start_mark)
    bezig.add(sleutel)
    if isinstance(node, yaml.SequenceNode):
        totaal = 1 + sum(_grootte(kind, groottes, bezig) for kind in node.value)
    elif isinstance(node, yaml.MappingNode):
        totaal = 1 + sum(_grootte(k, groottes, bezig) + _grootte(v, groottes, bezig) for k, v in node.value)
    else:
        totaal = 1
    bezig.discard(sleutel)
    groottes[sleutel] = min(totaal, MAX_UITGEPAKT + 1)  # the cap keeps the numbers small
    return groottes[sleutel]


class _RecordLoader(_Loader):  # type: ignore[misc, valid-type]
    """Safe loader that records duplicate keys and bounds alias use (texts with anchors)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.dubbele_sleutels: list[tuple[object, yaml.Mark]] = []
        self.vreemde_sleutels: list[tuple[object, yaml.Node]] = []
        self.alias_gebruik = 0
        self.uitgepakt = 0
        self._groottes: dict[int, int] = {}

    def construct_object(self, node, deep=False):
        # A node met twice is an alias (or a merge key). Counting uses is not enough: 20 aliases
        # that each double the one before expand to a million nodes, which everything that walks
        # the record afterwards (positions, depth check) pays for. So each use also counts the
        # nodes it repeats; a self-referencing alias has no size and is refused at once.
        if node in self.constructed_objects:
            self.alias_gebruik += 1
            self.uitgepakt += _grootte(node, self._groottes, set())
            if self.alias_gebruik > MAX_ALIAS_GEBRUIK or self.uitgepakt > MAX_UITGEPAKT:
                raise _AliasBom(node.start_mark)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping node, but found {node.id}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping: dict = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found unhashable key", key_node.start_mark
                ) from None
            if not isinstance(key, str):
                self.vreemde_sleutels.append((key, key_node))
            if key in mapping:
                self.dubbele_sleutels.append((key, key_node.start_mark))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


@dataclass
class Gelezen:
    """What reading a file produced: data (None when unreadable), its text and findings."""

    data: object = None
    tekst: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def leesbaar(self) -> bool:
        return not any(f.is_fout for f in self.findings)


def _fout(bestand: str, regel: int | None, kolom: int | None, boodschap: str, code: str) -> Finding:
    return Finding(bestand, regel, kolom, FOUT, "", boodschap, None, code)


def _positie_in_bytes(ruw: bytes, offset: int) -> tuple[int, int]:
    voor = ruw[:offset]
    regel = voor.count(b"\n") + 1
    kolom = offset - (voor.rfind(b"\n") + 1) + 1
    return regel, kolom


# Problem texts of libyaml (CSafeLoader) and pure-Python PyYAML, in plain Dutch with what to do.
_YAML_PROBLEMEN = [
    ("found character '\\t' that cannot start any token",
     "tab-teken gevonden: YAML gebruikt spaties om in te springen; vervang de tab door spaties"),
    ("found a tab character",
     "tab-teken gevonden: YAML gebruikt spaties om in te springen; vervang de tab door spaties"),
    ("mapping values are not allowed",
     "onverwachte dubbele punt: staat er een ':' in een tekst? Zet die tekst dan tussen aanhalingstekens"),
    ("could not find expected ':'",
     "hier verwachtte ik 'veld: waarde'; controleer de dubbele punt en de inspringing"),
    ("expected <block end>, but found",
     "de inspringing klopt niet: velden op hetzelfde niveau moeten even ver inspringen"),
    ("found undefined alias",
     "verwijzing (*alias) naar een anker (&) dat niet bestaat"),
    ("found unexpected end of stream",
     "het bestand houdt halverwege op: mist er een afsluitend aanhalingsteken of haakje?"),
    ("found unknown escape character",
     "onbekende escape-code met backslash in een tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("expected a single document",
     "het bestand bevat meer dan één document ('---'); zet één record per bestand"),
    ("found unhashable key",
     "een sleutel moet een gewoon woord zijn, geen lijst of map"),
    ("while parsing a flow",
     "een lijst [..] of map {..} is niet goed afgesloten; controleer de haakjes en komma's"),
    ("did not find expected key",
     "hier verwachtte ik een nieuw veld; controleer de inspringing en of een '-' ontbreekt of te veel is"),
    ("bestaat niet als datum",
     "deze datum bestaat niet; schrijf een echte datum in de vorm JJJJ-MM-DD"),
    ("could not determine a constructor",
     "onbekende tag (een woord dat met ! begint); records gebruiken geen tags: haal het !-woord weg"),
    ("did not find expected '-' indicator",
     "hier verwachtte ik een nieuw lijst-item dat met '- ' begint; controleer de inspringing"),
]


def _teken_op(tekst: str, mark: yaml.Mark | None) -> str:
    regels = tekst.split("\n")
    if mark is None or mark.line >= len(regels) or mark.column >= len(regels[mark.line]):
        return ""
    return regels[mark.line][mark.column]


def _yaml_boodschap(fout: yaml.MarkedYAMLError, bron: str = "") -> str:
    tekst = f"{fout.context or ''} {fout.problem or ''}"
    if "cannot start any token" in tekst:  # libyaml does not say which character; look it up
        teken = _teken_op(bron, fout.problem_mark)
        if teken == "\t":
            return "ongeldige YAML: " + _YAML_PROBLEMEN[0][1]
        if teken:
            return (f"ongeldige YAML: een waarde mag niet met '{teken}' beginnen; "
                    "zet de hele tekst tussen aanhalingstekens")
    for patroon, boodschap in _YAML_PROBLEMEN:
        if patroon in tekst:
            return f"ongeldige YAML: {boodschap}"
    return f"ongeldige YAML ({(fout.problem or fout.context or 'onbekende fout').strip()}); controleer de regel"


def _te_diep(data: object) -> bool:
    """True when some value sits deeper than MAX_DIEPTE levels (iterative: no recursion, stops early)."""
    stapel = [(data, 0)]
    while stapel:
        knoop, diepte = stapel.pop()
        kinderen = knoop.values() if isinstance(knoop, dict) else knoop
        if diepte >= MAX_DIEPTE and kinderen:
            return True
        stapel.extend((k, diepte + 1) for k in kinderen if isinstance(k, (dict, list)))
    return False


def lees_bytes(ruw: bytes, bestand: str) -> Gelezen:
    """Parse the bytes of one record file. Never raises."""
    if len(ruw) > MAX_BESTAND_BYTES:
        return Gelezen(findings=[_fout(bestand, 1, 1, _te_groot(len(ruw)), "bestand-te-groot")])
    if b"\x00" in ruw:
        regel, kolom = _positie_in_bytes(ruw, ruw.index(b"\x00"))
        return Gelezen(findings=[_fout(bestand, regel, kolom,
                                       "het bestand bevat een NUL-byte en is dus geen tekstbestand; sla het op als UTF-8-tekst",
                                       "geen-tekst")])
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError as fout:
        regel, kolom = _positie_in_bytes(ruw, fout.start)
        return Gelezen(findings=[_fout(
            bestand, regel, kolom,
            "het bestand is niet in UTF-8 opgeslagen (ongeldige byte "
            f"0x{ruw[fout.start]:02x}); sla het op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8)",
            "geen-utf8")])
    tekst = tekst.removeprefix("\ufeff")
    if not tekst.strip():
        return _leeg(bestand, tekst)
    if sum(map(tekst.count, "[{-:?")) > _NESTTEKENS_DREMPEL:
        mark = _te_diepe_plek(tekst)
        if mark is not None:
            return Gelezen(tekst=tekst, findings=[_te_diep_fout(bestand, mark)])
    # Anchors need '&'; without one no alias can occur and the fast builder suffices.
    snel = "&" not in tekst
    loader = _SnelLoader(tekst) if snel else _RecordLoader(tekst)
    try:
        if snel:
            node = loader.get_single_node()
            data = _bouw(loader, node, 0) if node is not None else None
        else:
            data = loader.get_single_data()
    except _TeDiep as diep:
        return Gelezen(tekst=tekst, findings=[_te_diep_fout(bestand, diep.args[0])])
    except _AliasBom as bom:
        mark = bom.args[0]
        return Gelezen(tekst=tekst, findings=[_fout(
            bestand, mark.line + 1, mark.column + 1,
            f"te veel, te grote of kringvormige verwijzingen (*alias) naar het anker (&) op deze plek; een record mag er "
            f"hoogstens {MAX_ALIAS_GEBRUIK} gebruiken, samen goed voor hoogstens {MAX_UITGEPAKT} waarden. "
            "Schrijf de waarden gewoon uit", "alias-bom")])
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        regel, kolom = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Gelezen(tekst=tekst, findings=[_fout(bestand, regel, kolom, _yaml_boodschap(fout, tekst), "yaml")])
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as fout:
        return Gelezen(tekst=tekst, findings=[_fout(bestand, 1, 1, f"ongeldige YAML: {fout}", "yaml")])
    finally:
        loader.dispose()

    findings = [
        Finding(bestand, mark.line + 1, mark.column + 1, FOUT, str(sleutel),
                f"het veld '{sleutel}' staat twee keer in dit record; houd er één over (nu zou de laatste stilletjes winnen)",
                None, "dubbele-sleutel")
        for sleutel, mark in loader.dubbele_sleutels
    ]
    if loader.vreemde_sleutels:
        # YAML reads 'no:', '1:' or '2027-01-01:' as a boolean, number or date, never as a field name;
        # the record is unreadable until that key is fixed (pydantic would only say 'Keys should be strings').
        return Gelezen(tekst=tekst, findings=findings + [_vreemde_sleutel(bestand, sleutel, node)
                                                         for sleutel, node in loader.vreemde_sleutels])
    if data is None and all(not regel.strip() or regel.lstrip().startswith("#") for regel in tekst.splitlines()):
        return _leeg(bestand, tekst)
    if (not snel or loader.gedelegeerd) and isinstance(data, (dict, list)) and _te_diep(data):
        return Gelezen(tekst=tekst, findings=[_fout(
            bestand, 1, 1, f"het record is dieper genest dan {MAX_DIEPTE} niveaus; zo'n record kan niet kloppen", "te-diep")])
    if not isinstance(data, dict):
        soort = "een lijst" if isinstance(data, list) else f"een losse waarde ({type(data).__name__})"
        findings.append(_fout(bestand, 1, 1,
                              f"een record bestaat uit velden ('veld: waarde'), maar dit bestand bevat {soort}", "geen-map"))
        return Gelezen(tekst=tekst, findings=findings)
    return Gelezen(data=data, tekst=tekst, findings=findings)


_SLEUTELSOORTEN = {bool: "een ja/nee-waarde", int: "een getal", float: "een getal", type(None): "een lege waarde",
                   datetime.date: "een datum", datetime.datetime: "een datum met tijd"}


def _vreemde_sleutel(bestand: str, sleutel: object, node: yaml.Node) -> Finding:
    naam = node.value if isinstance(node, yaml.ScalarNode) else str(sleutel)
    soort = _SLEUTELSOORTEN.get(type(sleutel), "geen tekst")
    return _fout(bestand, node.start_mark.line + 1, node.start_mark.column + 1,
                 f"ongeldige YAML: '{naam}' staat als veldnaam, maar YAML leest het als {soort}, niet als woord. "
                 "Veldnamen zijn woorden uit het sjabloon, zoals 'titel'; controleer deze regel "
                 "(hoort hij bij de tekst erboven of ontbreekt een '- ' voor een lijst-item?)", "sleutel-geen-tekst")


def _te_diep_fout(bestand: str, mark: yaml.Mark) -> Finding:
    return _fout(bestand, mark.line + 1, mark.column + 1,
                 f"het record is hier dieper genest dan {MAX_DIEPTE} niveaus; zo'n record kan niet kloppen. "
                 "Controleer de haakjes en de inspringing", "te-diep")


def _leeg(bestand: str, tekst: str) -> Gelezen:
    return Gelezen(tekst=tekst, findings=[_fout(
        bestand, 1, 1, "het bestand is leeg; vul de verplichte velden in (zie 'lab nieuw' voor een sjabloon)", "leeg")])


def _te_groot(grootte: int) -> str:
    return (f"het bestand is te groot ({grootte / 1024 / 1024:.1f} MB; een record mag hoogstens "
            f"{MAX_BESTAND_BYTES // 1024} KB zijn). Is dit wel een record? Houd teksten kort en zet bijlagen op je eigen website")


def lees_bestand(pad: Path, bestand: str) -> Gelezen:
    """Read and parse one file from disk, refusing oversized files before reading them."""
    try:
        grootte = pad.stat().st_size
        if grootte > MAX_BESTAND_BYTES:
            return Gelezen(findings=[_fout(bestand, 1, 1, _te_groot(grootte), "bestand-te-groot")])
        ruw = pad.read_bytes()
    except OSError as fout:
        return Gelezen(findings=[_fout(bestand, None, None, f"kan het bestand niet lezen: {fout.strerror}", "onleesbaar")])
    return lees_bytes(ruw, bestand)
