"""Which records a branch adds, changes, renames and removes: real git repositories in temp dirs."""

from __future__ import annotations

import shutil

import pytest
from gitrepo import GitRepo, git_catalogus, git_catalogus_submap  # noqa: F401 (fixtures)

from lab_catalogus.wijzigingen import WijzigingenFout, schrijf_base, zoek_wijzigingen

SCHOLING = "content/scholing/werken-met-netwerken.yml"


def _per_status(w) -> dict[str, list[str]]:
    uit: dict[str, list[str]] = {}
    for r in w.records:
        uit.setdefault(r.status, []).append(r.bestand)
    return uit


def test_geen_wijzigingen(git_catalogus: GitRepo):
    w = zoek_wijzigingen(git_catalogus.root, "main")
    assert w.records == () and w.overige == ()
    assert w.base == git_catalogus.git("rev-parse", "main").strip()


def test_nieuw_gewijzigd_verwijderd_gecommit(git_catalogus: GitRepo):
    r = git_catalogus
    r.schrijf("content/scholing/nieuwe-training.yml", r.lees(SCHOLING))
    r.vervang("content/aanbieders/sportcollege-oost.yml", "naam: Sportcollege Oost", "naam: Sportcollege Oost-Nederland")
    r.pad("content/loketten/gouda.yml").unlink()
    r.commit("drie wijzigingen")
    w = zoek_wijzigingen(r.root, "main")
    assert _per_status(w) == {
        "nieuw": ["content/scholing/nieuwe-training.yml"],
        "gewijzigd": ["content/aanbieders/sportcollege-oost.yml"],
        "verwijderd": ["content/loketten/gouda.yml"],
    }
    nieuw = w.records[0]
    assert (nieuw.soort, nieuw.id) == ("scholing", "nieuwe-training")


def test_werkmap_telt_mee_ook_ongevolgde_bestanden(git_catalogus: GitRepo):
    """Not committed, not even `git add`ed: the report must still see it (a submitter runs it before committing)."""
    r = git_catalogus
    r.schrijf("content/scholing/nog-niet-toegevoegd.yml", r.lees(SCHOLING))
    r.vervang("content/loketten/breda.yml", "naam: Sportloket Breda", "naam: Sportloket Breda-Centrum")
    status_voor = r.git("status", "--porcelain")
    w = zoek_wijzigingen(r.root, "main")
    assert _per_status(w) == {"nieuw": ["content/scholing/nog-niet-toegevoegd.yml"],
                              "gewijzigd": ["content/loketten/breda.yml"]}
    # The user's own index is untouched (a scratch index was used).
    assert r.git("status", "--porcelain") == status_voor


@pytest.mark.parametrize("gecommit", [True, False])
def test_hernoemen_is_geen_verwijderen_plus_toevoegen(git_catalogus: GitRepo, gecommit: bool):
    r = git_catalogus
    nieuw = "content/scholing/werken-met-netwerken-in-de-wijk.yml"
    if gecommit:
        r.git("mv", SCHOLING, nieuw)
        r.commit("hernoemd")
    else:  # a plain file move, as a file manager or the GitHub web editor does it
        shutil.move(r.pad(SCHOLING), r.pad(nieuw))
    # A small edit on top must not break rename detection.
    r.vervang(nieuw, "titel: Werken met netwerken", "titel: Werken met netwerken in de wijk")
    w = zoek_wijzigingen(r.root, "main")
    assert len(w.records) == 1
    h = w.records[0]
    assert (h.status, h.bestand, h.oud_bestand, h.id, h.oud_id) == (
        "hernoemd", nieuw, SCHOLING, "werken-met-netwerken-in-de-wijk", "werken-met-netwerken")


def test_andere_bestanden_apart_en_vreemde_bestandsnamen(git_catalogus: GitRepo):
    r = git_catalogus
    r.vervang("schemas/begrippenkader.yml", "lijsten:", "lijsten:  # bijgewerkt")
    r.schrijf("README.md", "# Anders\n")
    vreemd = "content/scholing/café \"nieuw\" aanbod.yml"  # spaces, quotes and non-ASCII survive -z parsing
    r.schrijf(vreemd, r.lees(SCHOLING))
    w = zoek_wijzigingen(r.root, "main")
    assert [(x.status, x.bestand, x.id) for x in w.records] == [("nieuw", vreemd, "café \"nieuw\" aanbod")]
    assert ("gewijzigd", "schemas/begrippenkader.yml") in w.overige
    assert ("gewijzigd", "README.md") in w.overige


def test_basis_is_het_splitspunt(git_catalogus: GitRepo):
    """main moved on after the branch was made: its new record is not 'removed' by the branch."""
    r = git_catalogus
    r.schrijf("content/loketten/alleen-op-branch.yml", r.lees("content/loketten/breda.yml"))
    r.commit("branch")
    r.git("checkout", "-q", "main")
    r.schrijf("content/loketten/later-op-main.yml", r.lees("content/loketten/breda.yml"))
    r.commit("main verder")
    r.git("checkout", "-q", "wijziging")
    w = zoek_wijzigingen(r.root, "main")
    assert _per_status(w) == {"nieuw": ["content/loketten/alleen-op-branch.yml"]}


def test_catalogus_in_submap(git_catalogus_submap: GitRepo):
    r = git_catalogus_submap
    r.schrijf("content/scholing/nieuw.yml", r.lees(SCHOLING))
    w = zoek_wijzigingen(r.root, "main")
    assert w.prefix == "catalogus/"
    assert [x.bestand for x in w.records] == ["content/scholing/nieuw.yml"]
    assert w.repo_pad(w.records[0].bestand) == "catalogus/content/scholing/nieuw.yml"


def test_basisversie_uitpakken(git_catalogus_submap: GitRepo, tmp_path):
    r = git_catalogus_submap
    r.pad(SCHOLING).unlink()
    w = zoek_wijzigingen(r.root, "main")
    base_root = schrijf_base(w, ["content", "schemas"], tmp_path / "base")
    assert (base_root / SCHOLING).read_text(encoding="utf-8") == r.git("show", f"main:catalogus/{SCHOLING}")
    assert (base_root / "schemas" / "begrippenkader.yml").is_file()


def test_onbekende_basis_en_geen_repository(git_catalogus: GitRepo, tmp_path):
    with pytest.raises(WijzigingenFout, match="basis 'bestaat-niet' is in deze repository niet te vinden"):
        zoek_wijzigingen(git_catalogus.root, "bestaat-niet")
    with pytest.raises(WijzigingenFout, match="geen geldige git-referentie"):
        zoek_wijzigingen(git_catalogus.root, "--output=/tmp/x")
    los = tmp_path / "los"
    los.mkdir()
    with pytest.raises(WijzigingenFout, match="staat niet in een git-repository"):
        zoek_wijzigingen(los, "main")
