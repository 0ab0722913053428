"""`lab rapport` on real git branches: the acceptance cases of the pull-request flow.

Each test builds a repository with the example catalogue on main, makes a branch
with one kind of change and checks the report (API and the real CLI), its exit
status and the GitHub annotation lines.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import yaml
from gitrepo import PEILDATUM, GitRepo, git_catalogus, git_catalogus_submap, lab  # noqa: F401 (fixtures)
from markdown_it import MarkdownIt

from lab_catalogus.catalogus import laad_catalogus
from lab_catalogus.rapport import MARKER, _oordeel_md, als_markdown, maak_rapport, md_tekst

VOORBEELD = "content/scholing/werken-met-netwerken.yml"
PEIL = ["--peildatum", PEILDATUM.isoformat()]


def _data(r: GitRepo, rel: str) -> dict:
    return yaml.safe_load(r.lees(rel))


def _academie_naam(r: GitRepo, regio: str) -> str:
    return _data(r, f"content/academies/{regio}.yml")["naam"]


def _sectie(tekst: str, kop: str) -> str:
    """The text of one '## kop' section."""
    deel = tekst.split(f"\n## {kop}", 1)[1]
    return deel.split("\n## ", 1)[0]


def _nieuw_aanbod(r: GitRepo, rel: str = "content/scholing/netwerken-voor-gevorderden.yml") -> str:
    tekst = r.lees(VOORBEELD).replace("titel: Werken met netwerken", "titel: Netwerken voor gevorderden", 1)
    r.schrijf(rel, tekst)
    return rel


def test_geldig_nieuw_aanbod(git_catalogus: GitRepo):
    r = git_catalogus
    rel = _nieuw_aanbod(r)
    r.commit("nieuw aanbod")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 0
    assert [(x.wijziging.status, x.wijziging.bestand) for x in rapport.records] == [("nieuw", rel)]
    tekst = als_markdown(rapport)
    assert tekst.startswith(MARKER)
    assert "# LAB-rapport: ✅ Klaar voor beoordeling" in tekst
    assert "## Moet opgelost (0)" in tekst
    assert "### 🆕 Nieuw: scholing `netwerken-voor-gevorderden`" in tekst
    # The academies of its regios must review it, by name.
    regios = _data(r, rel)["regios"]
    assert rapport.records[0].regios == regios
    beoordeling = next(regel for regel in tekst.splitlines() if regel.startswith("**Beoordeling door:**"))
    for regio in regios:
        assert md_tekst(_academie_naam(r, regio)) in beoordeling
    # Beslisboom verdict and its path (the example catalogue always has a beslisboom).
    assert (r.root / "schemas" / "beslisboom.yml").is_file()
    oordeel = rapport.records[0].oordeel
    assert oordeel.geschikt and f"**Beslisboom:** {'✅' if not oordeel.aandachtspunten else '⚠️'} {oordeel.uitslag}" in tekst
    assert _oordeel_md(oordeel)[2:] == [regel for regel in tekst.splitlines() if re.match(r"^\d+\. ", regel)][:len(oordeel.stappen)]
    # The preview as a buurtsportcoach sees it, with values taken from the record itself.
    data = _data(r, rel)
    assert "- **Titel:** Netwerken voor gevorderden" in tekst
    aanbieder = _data(r, f"content/aanbieders/{data['aanbieder']}.yml")["naam"]
    assert f"- **Aanbieder:** {md_tekst(aanbieder)}" in tekst
    bedrag = data["kosten"]["bedrag"]
    assert data["kosten"]["btw"] == "vrijgesteld" and isinstance(bedrag, int) and bedrag < 1000  # no separators
    assert f"- **Kosten:** € {bedrag} per deelnemer \\(vrijgesteld van btw\\)" in tekst  # as the course page says
    eerste = min(u["start"] for u in data["uitvoeringen"] if u["start"] >= PEILDATUM)
    assert f"- **Eerstvolgende start:** {eerste.isoformat().replace('-', chr(92) + '-')}" in tekst

    # The real command gives the same verdict and exit status.
    uit = lab("rapport", "--base", "main", *PEIL, cwd=r.root)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout == tekst


def test_aanbod_met_fouten(git_catalogus_submap: GitRepo, tmp_path):
    """Errors block (exit 1), sit under 'Moet opgelost' with file:line, and become annotations with repo paths."""
    r = git_catalogus_submap
    rel = _nieuw_aanbod(r, "content/scholing/kapot-aanbod.yml")
    r.vervang(rel, "vorm: training", "vorm: trainingg")
    r.vervang(rel, "  email: nascholing@noorderzon.example.nl", "  email: geen-adres")
    vorm_regel, email_regel = r.regel_van(rel, "vorm:"), r.regel_van(rel, "  email:")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 1
    fouten = {(f.veld, f.regel) for f in rapport.moet_opgelost}
    assert ("vorm", vorm_regel) in fouten and ("contact.email", email_regel) in fouten
    tekst = als_markdown(rapport)
    moet = _sectie(tekst, "Moet opgelost")
    assert f"`catalogus/{rel}:{vorm_regel}:" in moet
    assert "bedoelde je `training`?" in moet
    assert "geen-adres" not in _sectie(tekst, "Suggesties")

    summary = tmp_path / "summary.md"
    uit = lab("rapport", "--base", "main", "--format", "github", "--uit", str(tmp_path / "rapport.md"), *PEIL,
              cwd=r.root, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert uit.returncode == 1, uit.stderr
    regels = uit.stdout.splitlines()
    annotaties = [x for x in regels if x.startswith("::error ")]
    assert len(annotaties) == len(rapport.moet_opgelost) <= 10
    assert f"::error file=catalogus/{rel},line={vorm_regel}," in uit.stdout
    assert regels[-1].startswith("::notice title=LAB-rapport::")
    # The Markdown goes to the file and is appended to the step summary.
    assert (tmp_path / "rapport.md").read_text(encoding="utf-8") == tekst
    assert summary.read_text(encoding="utf-8").startswith(MARKER)


def test_meer_dan_tien_fouten_tien_annotaties(git_catalogus: GitRepo):
    r = git_catalogus
    for i in range(6):  # two errors each
        rel = _nieuw_aanbod(r, f"content/scholing/kapot-{i}.yml")
        r.vervang(rel, "vorm: training", "vorm: onzin")
        r.vervang(rel, "regios: [noord, oost]", "regios: [nergens]")
    uit = lab("rapport", "--base", "main", "--format", "github", *PEIL, cwd=r.root)
    assert uit.returncode == 1
    annotaties = [x for x in uit.stdout.splitlines() if x.startswith("::error ")]
    assert len(annotaties) == 10
    notice = uit.stdout.splitlines()[-1]
    assert notice.startswith("::notice") and "12 punten moeten worden opgelost; hier staan de eerste 10" in notice


def test_aanbieder_met_veel_aanbod_wijzigen(git_catalogus: GitRepo):
    r = git_catalogus
    per_aanbieder = Counter(_data(r, f"content/scholing/{p.name}")["aanbieder"]
                            for p in (r.root / "content" / "scholing").glob("*.yml"))
    aanbieder, aantal = per_aanbieder.most_common(1)[0]
    assert aantal >= 3
    rel = f"content/aanbieders/{aanbieder}.yml"
    naam = _data(r, rel)["naam"]
    r.vervang(rel, f"naam: {naam}", f"naam: {naam} (vernieuwd)")
    r.commit("aanbieder bijgewerkt")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 0
    verwacht = set()
    aanbod = []
    for p in sorted((r.root / "content" / "scholing").glob("*.yml")):
        data = _data(r, f"content/scholing/{p.name}")
        if data["aanbieder"] == aanbieder:
            verwacht |= set(data["regios"])
            aanbod.append(p.stem)
    [rec] = rapport.records
    assert rec.wijziging.status == "gewijzigd" and set(rec.regios) == verwacht
    tekst = als_markdown(rapport)
    assert f"Deze aanbieder heeft {len(aanbod)} scholingen" in tekst
    for sid in aanbod:
        assert md_tekst(sid) in tekst
    for regio in verwacht:
        assert md_tekst(_academie_naam(r, regio)) in tekst
    assert f"- **Naam:** {md_tekst(naam + ' (vernieuwd)')}" in tekst
    assert json.loads(json.dumps(rapport.als_dict()))["regios"] == rapport.regios


def test_hernoemen(git_catalogus: GitRepo):
    r = git_catalogus
    nieuw = "content/scholing/werken-met-netwerken-basis.yml"
    r.git("mv", VOORBEELD, nieuw)
    r.commit("hernoemd")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 0
    assert [(x.wijziging.status, x.wijziging.oud_bestand, x.wijziging.bestand) for x in rapport.records] == [
        ("hernoemd", VOORBEELD, nieuw)]
    tekst = als_markdown(rapport)
    assert "### 🔀 Hernoemd: scholing `werken-met-netwerken-basis`" in tekst
    assert f"Bestand: `{VOORBEELD}` → `{nieuw}`" in tekst
    assert "Nieuw:" not in tekst and "Verwijderd:" not in tekst


def _aanbieder_met_aanbod(r: GitRepo) -> tuple[str, list[str]]:
    per: dict[str, list[str]] = {}
    for p in sorted((r.root / "content" / "scholing").glob("*.yml")):
        per.setdefault(_data(r, f"content/scholing/{p.name}")["aanbieder"], []).append(f"content/scholing/{p.name}")
    aanbieder = max(per, key=lambda a: len(per[a]))
    return aanbieder, per[aanbieder]


def test_verwijderen_waar_anderen_naar_verwijzen(git_catalogus: GitRepo):
    r = git_catalogus
    aanbieder, verwijzers = _aanbieder_met_aanbod(r)
    r.git("rm", "-q", f"content/aanbieders/{aanbieder}.yml")
    r.commit("aanbieder weg")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 1
    [rec] = rapport.records
    assert rec.wijziging.status == "verwijderd"
    assert sorted({f.bestand for f in rec.verwijzers}) == verwijzers
    tekst = als_markdown(rapport)
    assert "### 🗑️ Verwijderd: aanbieder" in tekst
    wie = ", ".join(f"`{b}`" for b in verwijzers)
    assert f"❌ **Verwijderd, maar {wie} verwijzen er nog naar.**" in tekst
    moet = _sectie(tekst, "Moet opgelost")
    for bestand in verwijzers:
        assert f"`{bestand}:" in moet
    assert moet.count("↳ gevolg van deze wijziging") == len(verwijzers)
    uit = lab("rapport", "--base", "main", "--format", "github", *PEIL, cwd=r.root)
    assert uit.returncode == 1
    assert {re.search(r"file=([^,]+)", x).group(1) for x in uit.stdout.splitlines() if x.startswith("::error")} == set(verwijzers)


def test_aanbieder_hernoemen_zonder_verwijzingen_bij_te_werken(git_catalogus: GitRepo):
    r = git_catalogus
    aanbieder, verwijzers = _aanbieder_met_aanbod(r)
    r.git("mv", f"content/aanbieders/{aanbieder}.yml", f"content/aanbieders/{aanbieder}-nieuw.yml")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 1
    tekst = als_markdown(rapport)
    assert f"nog naar de oude id `{aanbieder}`" in tekst
    assert "is hernoemd naar" in tekst


def test_inhoud_kan_niets_injecteren(git_catalogus: GitRepo):
    """The report is posted as a PR comment: record text must stay inert text."""
    r = git_catalogus
    rel = _nieuw_aanbod(r, "content/scholing/injectie.yml")
    kwaad = ('titel: "Hoi @octocat <img src=x onerror=alert(1)> ![p](https://kwaad.example/p.png) '
             '[klik](https://kwaad.example) <script>x</script> # kop"')
    r.vervang(rel, "titel: Netwerken voor gevorderden", kwaad)
    r.vervang(rel, "vorm: training", "vorm: \"<b>vet</b> @team\"")
    tekst = als_markdown(maak_rapport(r.root, "main", PEILDATUM))
    assert "@octocat" not in tekst and "@team" not in tekst and "@&#8203;octocat" in tekst
    assert "<img" not in tekst and "<script" not in tekst and "<b>" not in tekst and "![" not in tekst
    # Render like GitHub would (HTML allowed, links on): nothing from the record becomes markup.
    html = MarkdownIt("commonmark", {"html": True, "linkify": False}).render(tekst)
    assert "<img" not in html and "<script" not in html and "kwaad.example\"" not in html
    assert 'href="https://kwaad.example' not in html
    assert "<h1>" in html and html.count("<h1>") == 1  # only our own title is a heading


def test_geen_recordwijzigingen(git_catalogus: GitRepo):
    r = git_catalogus
    r.schrijf("README.md", "# Anders\n")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    assert rapport.exit_code == 0 and rapport.records == []
    tekst = als_markdown(rapport)
    assert "Deze wijziging raakt geen records" in tekst and "`README.md` (gewijzigd)" in tekst


def test_cli_fouten_zijn_nederlands(git_catalogus: GitRepo, tmp_path):
    uit = lab("rapport", "--base", "bestaat-niet", cwd=git_catalogus.root)
    assert uit.returncode == 2 and "lab: fout: de basis 'bestaat-niet'" in uit.stderr and "Traceback" not in uit.stderr
    uit = lab("rapport", "--base", "main", cwd=tmp_path)
    assert uit.returncode == 2 and "geen map 'schemas'" in uit.stderr


def test_loket_regio_uit_gemeenten(git_catalogus: GitRepo):
    """A loket has no 'regios' field: its academies follow from its municipalities' provinces."""
    r = git_catalogus
    rel = "content/loketten/breda.yml"  # Breda lies in Noord-Brabant, which belongs to region zuid
    r.vervang(rel, "naam: Sportloket Breda", "naam: Sportloket Breda en omstreken")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    [rec] = rapport.records
    assert rec.regios == ["zuid"]
    assert f"**Beoordeling door:** **{md_tekst(_academie_naam(r, 'zuid'))}** (`zuid`)" in als_markdown(rapport)


def test_academie_verwijderen_raakt_aanbod(git_catalogus: GitRepo):
    r = git_catalogus
    r.git("rm", "-q", "content/academies/noord.yml")
    rapport = maak_rapport(r.root, "main", PEILDATUM)
    [rec] = rapport.records
    noord = sorted(f"content/scholing/{p.name}" for p in (r.root / "content" / "scholing").glob("*.yml")
                   if "noord" in _data(r, f"content/scholing/{p.name}")["regios"])
    assert sorted({f.bestand for f in rec.verwijzers}) == noord
    assert all(not f.is_fout for f in rec.verwijzers)  # advice: the offers simply do not show up there
    assert "Verwijderd, maar" in als_markdown(rapport)


def test_md_tekst_en_kosten():
    assert md_tekst("a\n# kop\n- lijst") == "a \\# kop \\- lijst"
    assert md_tekst("x" * 500, 10) == "x" * 9 + "…"
    assert md_tekst("<a href=x>@jan</a>") == "&lt;a href=x&gt;@&#8203;jan&lt;/a&gt;"



def test_kosten_in_het_voorbeeld_zoals_de_scholingspagina():
    # The preview's price line is the course page's own (same words, same btw label); data as
    # written may be invalid, and then it says so instead of failing.
    from lab_catalogus.pages.context import maak_context
    from lab_catalogus.pages.scholing import kosten_html
    from lab_catalogus.rapport import _kosten
    catalogus, _ = laad_catalogus(REPO, PEILDATUM)
    ctx = maak_context(catalogus, None, {})
    betaald = [s for s in catalogus.scholing.values() if s.kosten.bedrag > 0 and not s.kosten.toelichting]
    assert betaald and {s.kosten.btw for s in betaald} >= {"vrijgesteld"}
    for s in betaald + [s for s in catalogus.scholing.values() if s.kosten.bedrag == 0 and not s.kosten.toelichting]:
        assert _kosten(s.kosten.model_dump(exclude_none=True), catalogus) == kosten_html(s, ctx)
    assert _kosten({"bedrag": 100, "btw": "weet-niet"}, catalogus) == "€ 100 per deelnemer (btw onbekend)"
    assert _kosten({"bedrag": "veel"}, catalogus) == "onbekend"


REPO = Path(__file__).resolve().parent.parent


def test_beslisboom_in_het_rapport_volgt_de_antwoorden():
    # Every step shows the beslisboom's own answer: a question that does not apply is "n.v.t."
    # (not "ja"), and only a "nee" carries the advice on what to change.
    from lab_catalogus.beslisboom import BLOKKEREND
    catalogus, _ = laad_catalogus(REPO, PEILDATUM)
    oordelen = list(catalogus.oordelen.values())
    stappen = [(o, s) for o in oordelen for s in o.stappen]
    assert any(not s.van_toepassing for _, s in stappen) and any(not s.voldaan for _, s in stappen)
    for oordeel in oordelen:
        regels = _oordeel_md(oordeel)[2:]
        for regel, stap in zip(regels, oordeel.stappen, strict=True):
            verwacht = {"n.v.t.": "➖ n.v.t.", "ja": "✅ ja"}.get(
                stap.antwoord, "❌ nee, blokkerend" if stap.uitkomst == BLOKKEREND else "⚠️ nee, aandachtspunt")
            assert f" — {verwacht}" in regel, (regel, stap)
            assert (md_tekst(stap.uitleg, 600) in regel) is (not stap.voldaan and bool(stap.uitleg))
