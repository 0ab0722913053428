"""Fragments for the hand-written pages (served through mkdocs-macros): home, academies,
begrippenkader and beslisboom. Each returns one HTML block without blank lines, so
Python-Markdown passes it through untouched."""

from __future__ import annotations

from ..beslisboom import AANDACHTSPUNT, BLOKKEREND
from ..render import markdown
from .aanbod import aanbod_lijst, nieuwste
from .context import SiteContext
from .opmaak import e, externe_link, link, mail_link, naar, opsomming, tabel, ul  # noqa: F401


def _blok(klasse: str, delen: list[str]) -> str:
    return f'<div class="{klasse}">' + "".join(delen).replace("\n\n", "\n") + "</div>"


def home(ctx: SiteContext, van: str = "") -> str:
    cat = ctx.catalogus
    delen: list[str] = []
    if ctx.landelijk:
        delen += [
            "<h1>Scholing voor buurtsportcoaches</h1>",
            "<p>Hier vind je het bij- en nascholingsaanbod van alle vijf regionale academies van Programma LAB "
            "op één plek. Bij elke scholing zie je via welke academie je je aanmeldt.</p>",
            f'<p>{link(naar(van, "aanbod/"), "Bekijk al het aanbod")} '
            f'({len(ctx.selectie.scholing)} scholingen) of {link(naar(van, "loket-zoeken/"), "zoek het sport- en beweegloket van je gemeente")}.</p>',
            '<h2 id="academies">De regionale academies</h2>',
            academies_lijst(ctx, van),
        ]
    else:
        academie = cat.academies.get(ctx.regio)
        naam = academie.naam if academie else ctx.label("regios", ctx.regio)
        delen += [f"<h1>{e(naam)}</h1>", markdown(academie.beschrijving) if academie else "",
                  f'<p>{link(naar(van, "aanbod/"), "Bekijk al het aanbod")} ({len(ctx.selectie.scholing)} scholingen).</p>']
    nieuw = nieuwste(ctx)
    if nieuw:
        delen += ['<h2 id="nieuw">Nieuw en bijgewerkt</h2>', aanbod_lijst(ctx, nieuw, van)]
    return _blok("lab-home", delen)


def academies_lijst(ctx: SiteContext, van: str = "") -> str:
    cat = ctx.catalogus
    rijen = []
    regio_provincies = ctx.kader.regio_provincies()
    aantallen: dict[str, int] = {}
    for scholing_id in ctx.selectie.scholing:
        for regio in cat.scholing[scholing_id].regios:
            aantallen[regio] = aantallen.get(regio, 0) + 1
    for term in ctx.kader.lijst("regios").termen:
        academie = cat.academies.get(term.id)
        if academie is None:
            continue
        provincies = opsomming([ctx.label("provincies", p) for p in regio_provincies.get(term.id, ())])
        rijen.append([link(e(ctx.extern(term.id, "")), e(academie.naam)), e(term.label), e(provincies),
                      str(aantallen.get(term.id, 0))])
    return tabel(["Academie", "Regio", "Provincies", "Aanbod"], rijen, "De vijf regionale academies", "lab-tabel")


def academies(ctx: SiteContext, van: str = "") -> str:
    delen = ["<p>Programma LAB werkt met vijf regionale academies. Elke academie toont het aanbod voor "
             "buurtsportcoaches in haar provincies en stemt vraag en aanbod af met werkgevers en gemeenten.</p>",
             academies_lijst(ctx, van)]
    for term in ctx.kader.lijst("regios").termen:
        academie = ctx.catalogus.academies.get(term.id)
        if academie is None:
            continue
        delen += [f'<h2 id="{e(term.id)}">{e(academie.naam)}</h2>', markdown(academie.beschrijving)]
        if academie.kerngroep:
            delen.append("<p>Kerngroep:</p>" + ul([e(k) for k in academie.kerngroep]))
        delen.append(ul([f"Catalogus: {link(e(ctx.extern(term.id, '')), e(academie.naam))}",
                         f"Eigen platform: {externe_link(academie.website, e(academie.website))}",
                         f"E-mail: {mail_link(academie.contact.email)}"]))
    return _blok("lab-academies", delen)


def begrippenkader(ctx: SiteContext, van: str = "") -> str:
    delen = []
    for naam, lijst in ctx.kader.lijsten.items():
        delen += [f'<h2 id="{e(naam)}">{e(lijst.label)}</h2>', f"<p>{e(lijst.definitie)}</p>" if lijst.definitie else ""]
        rijen = [[f"<strong>{e(t.label)}</strong>", f"<code>{e(t.id)}</code>", e(t.definitie),
                  e(", ".join(t.synoniemen))] for t in lijst.termen]
        delen.append(tabel(["Term", "Id", "Betekenis", "Ook wel"], rijen, f"Termen: {lijst.label}", "lab-tabel"))
    return _blok("lab-begrippenkader", delen)


def beslisboom(ctx: SiteContext, van: str = "") -> str:
    """The beslisboom's questions and outcomes, from the tree the catalogue loaded and applied."""
    boom = ctx.catalogus.beslisboom
    if boom is None:
        return _blok("lab-beslisboom", ["<p>De beslisboom wordt nog uitgewerkt. Zodra hij klaar is, staat hier "
                                        "welke vragen hij stelt en wat de uitkomsten betekenen.</p>"])
    gevolg = {BLOKKEREND: "het aanbod is niet geschikt en verschijnt niet op de sites",
              AANDACHTSPUNT: "het aanbod is geschikt, met dit als aandachtspunt op de pagina"}
    items = []
    for knoop in boom.knopen:
        delen = [f"<strong>{e(knoop.vraag)}</strong>"]
        if knoop.uitleg:
            delen.append(f"<br>{e(knoop.uitleg)}")
        details = []
        if knoop.alleen_als:
            details.append(("Geldt alleen als", e(knoop.alleen_als)))
        if knoop.omschrijving:
            details.append(("Ja als", e(knoop.omschrijving)))
        details.append(("Bij nee", e(gevolg.get(knoop.uitkomst, knoop.uitkomst))))
        delen.append("<br>" + "<br>".join(f"<em>{label}:</em> {waarde}" for label, waarde in details))
        items.append(f'<li id="{e(knoop.id)}">' + "".join(delen) + "</li>")
    return _blok("lab-beslisboom", ['<h2 id="vragen">De vragen</h2>', '<ol class="lab-beslisboom-vragen">',
                                    *items, "</ol>"])
