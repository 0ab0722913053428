"""Loket pages: one per sport- en beweegloket, the overview with counts, and the loket finder."""

from __future__ import annotations

from ..loket_status import VOLWAARDIG
from ..render import markdown
from .jsonld import veilig_json
from .context import Pagina, SiteContext
from .opmaak import CONTACT_NIET_ZOEKEN, datum, dl, e, externe_link, link, mail_link, naar, niet_zoeken, opsomming, tabel, ul


def pad(loket_id: str) -> str:
    return f"loketten/{loket_id}/"


def _status_html(status) -> str:
    if status.volwaardig:
        return '<strong class="lab-status lab-status--volwaardig">Volwaardig loket</strong>'
    return '<strong class="lab-status lab-status--ontwikkeling">In ontwikkeling</strong>'


def loket_pagina(ctx: SiteContext, loket_id: str) -> Pagina:
    loket = ctx.catalogus.loketten[loket_id]
    status = ctx.catalogus.loket_statussen[loket_id]
    van = pad(loket_id)
    kaders = loket.kaders.model_dump()
    kader_rijen = []
    for term in ctx.kader.lijst("loket_kaders").termen:
        voldaan = kaders.get(term.id, False)
        kader_rijen.append([e(term.label), "Ja" if voldaan else "Nog niet", e(term.definitie)])
    uitleg_status = (
        "<p>Dit loket voldoet aan alle negen landelijke kaders en heeft de partners die een loket nodig heeft.</p>"
        if status.volwaardig else
        "<p>Dit loket is op weg. " + (
            "Nog niet voldaan: " + e(opsomming([ctx.label("loket_kaders", k) for k in status.ontbrekende_kaders])) + ". "
            if status.ontbrekende_kaders else "")
        + ("Nog geen partner in de rol van " + e(opsomming(list(status.ontbrekende_rollen))) + "."
           if status.ontbrekende_rollen else "") + "</p>")
    partners = tabel(["Partner", "Rol"], [[e(p.naam), e(ctx.label("partnerrollen", p.rol))] for p in loket.partners],
                     "Partners van het loket", "lab-tabel") if loket.partners else ""
    regio_links = []
    for regio in status.regios:
        naam = e(ctx.academie_naam(regio))
        regio_links.append(link(e(ctx.extern(regio, "")), naam) if regio in ctx.urls else naam)
    gegevens = dl([
        ("Status", _status_html(status)),
        ("Werkgebied", e(opsomming(list(loket.werkgebied.gemeenten)))),
        ("Provincie", e(opsomming([ctx.label("provincies", p) for p in status.provincies]))),
        ("Regionale academie", opsomming(regio_links)),
        ("Actief sinds", e(datum(loket.sinds))),
        ("Adres", e(loket.adres or "")),
        ("E-mail", mail_link(loket.contact.email)),
        ("Telefoon", e(loket.contact.telefoon or "")),
        ("Website", externe_link(loket.contact.website, e(loket.contact.website or ""))),
    ], niet_zoeken=CONTACT_NIET_ZOEKEN)
    delen = ['<article class="lab-loket" data-pagefind-body>', f"<h1>{e(loket.naam)}</h1>",
             markdown(loket.beschrijving), gegevens,
             # The nine kaders and their definitions are the same on every loket page: not indexed.
             niet_zoeken('<h2 id="status">Status</h2>' + uitleg_status
                         + tabel(["Kader", "Voldaan", "Wat betekent dit"], kader_rijen,
                                 "De negen kaders van een sport- en beweegloket", "lab-tabel lab-kaders"))]
    if loket.partners:
        delen += ['<h2 id="partners">Partners</h2>', partners]
    if loket.diensten:
        delen += ['<h2 id="diensten">Diensten</h2>', ul([e(ctx.label("loketdiensten", d)) for d in loket.diensten])]
    if loket.kwaliteitszorg:
        delen += ['<h2 id="kwaliteitszorg">Kwaliteitszorg</h2>',
                  ul([e(ctx.label("kwaliteitszorg", k)) for k in loket.kwaliteitszorg])]
    if loket.sportplatform:
        sp = loket.sportplatform
        rollen = opsomming([ctx.label("sportplatformrollen", r).lower() for r in sp.rollen])
        delen += ['<h2 id="sportplatform">Lokaal sportplatform</h2>',
                  f"<p>{e(sp.naam)}" + (f" werkt mee op {e(rollen)} niveau." if rollen else ".") + "</p>"]
    delen.append(f'<p data-pagefind-ignore>{link(naar(van, "loketten/"), "Alle loketten")}</p>')
    delen.append(ctx.zoekkenmerken("loketten", loket_id))
    delen.append("</article>")
    return Pagina(loket.naam, "".join(delen), f"{loket.naam}: sport- en beweegloket ({status.status})")


def _provincies(ctx: SiteContext) -> list[str]:
    """Province ids this site covers, in the municipality list's order."""
    alle = [p.id for p in ctx.catalogus.gemeenten.provincies]
    if ctx.landelijk:
        return alle
    eigen = set(ctx.kader.regio_provincies().get(ctx.regio, ()))
    return [p for p in alle if p in eigen]


def loketten_overzicht(ctx: SiteContext, van: str) -> str:
    """Status per loket, and counts volwaardig / in ontwikkeling per province."""
    statussen = ctx.catalogus.loket_statussen
    tellingen = {p: [0, 0] for p in _provincies(ctx)}
    rijen = []
    for loket_id in sorted(ctx.selectie.loketten, key=lambda i: ctx.catalogus.loketten[i].naam.lower()):
        loket = ctx.catalogus.loketten[loket_id]
        status = statussen[loket_id]
        for provincie in status.provincies:
            if provincie in tellingen:
                tellingen[provincie][0 if status.volwaardig else 1] += 1
        voldaan = 9 - len(status.ontbrekende_kaders)
        ontbreekt = [ctx.label("loket_kaders", k) for k in status.ontbrekende_kaders]
        ontbreekt += [f"partner: {r}" for r in status.ontbrekende_rollen]
        rijen.append([link(naar(van, pad(loket_id)), e(loket.naam)),
                      e(opsomming([ctx.label("provincies", p) for p in status.provincies])),
                      _status_html(status), f"{voldaan} van 9", e(", ".join(ontbreekt)) or "Niets"])
    telrijen = [[e(ctx.label("provincies", p)), str(v), str(o), str(v + o)] for p, (v, o) in tellingen.items()]
    # A loket that spans two provinces counts in both rows, but once in the total.
    totaal_v = sum(1 for i in ctx.selectie.loketten if statussen[i].volwaardig)
    totaal_o = len(ctx.selectie.loketten) - totaal_v
    telrijen.append(["<strong>Totaal</strong>", str(totaal_v), str(totaal_o), str(totaal_v + totaal_o)])
    delen = ['<div class="lab-loketten">',
             "<p>Een sport- en beweegloket is <strong>volwaardig</strong> als het aan alle negen landelijke kaders "
             "voldoet en samenwerkt met ten minste de gemeente, een sportbond en sportaanbieders of een sportplatform. "
             "Anders is het loket <strong>in ontwikkeling</strong>.</p>",
             '<h2 id="per-provincie">Aantal loketten per provincie</h2>',
             tabel(["Provincie", "Volwaardig", "In ontwikkeling", "Totaal"], telrijen, "Loketten per provincie",
                   "lab-tabel lab-telling-provincies"),
             '<h2 id="alle-loketten">Alle loketten</h2>',
             tabel(["Loket", "Provincie", "Status", "Kaders", "Ontbreekt nog"], rijen, "Sport- en beweegloketten",
                   "lab-tabel") if rijen else "<p>Er zijn nog geen loketten in deze regio bekend.</p>",
             f'<p>{link(naar(van, "loket-zoeken/"), "Zoek het loket van jouw gemeente")}.</p>',
             "</div>"]
    return "".join(delen)


def loket_zoeker(ctx: SiteContext, van: str) -> str:
    """Every municipality of the site's provinces with its loket, plus a type-ahead finder.

    The full table works without JavaScript; docs/assets/javascripts/loketzoeker.js
    narrows it down while you type and announces the answer.
    """
    provincies = _provincies(ctx)
    per_gemeente: dict[str, list[str]] = {}
    for loket_id in sorted(ctx.catalogus.loketten):
        for naam in ctx.catalogus.loketten[loket_id].werkgebied.gemeenten:
            gemeente = ctx.catalogus.gemeenten.zoek(naam)
            if gemeente:
                per_gemeente.setdefault(gemeente.code, []).append(loket_id)
    gemeenten = sorted((g for g in ctx.catalogus.gemeenten.gemeenten if g.provincie in provincies),
                       key=lambda g: g.naam.lower().lstrip("'"))
    rijen, opties = [], []
    for g in gemeenten:
        loketten = per_gemeente.get(g.code, [])
        if loketten:
            cel = ", ".join(
                link(naar(van, pad(i)), e(ctx.catalogus.loketten[i].naam)) if i in ctx.loket_set else
                link(e(ctx.extern("landelijk", pad(i))), e(ctx.catalogus.loketten[i].naam))
                for i in loketten)
            status = opsomming([("volwaardig" if ctx.catalogus.loket_statussen[i].status == VOLWAARDIG
                                 else "in ontwikkeling") for i in loketten])
            cel += f' <span class="lab-klein">({e(status)})</span>'
        else:
            cel = "Nog geen loket"
        zoeknamen = "|".join([g.naam, *g.synoniemen]).lower()  # '|': names themselves contain spaces
        rijen.append(f'<tr data-gemeente="{e(zoeknamen)}" data-provincie="{e(g.provincie)}"><td>{e(g.naam)}</td>'
                     f'<td>{e(ctx.label("provincies", g.provincie))}</td><td>{cel}</td></tr>')
        opties += [f'<option value="{e(n)}"></option>' for n in (g.naam, *g.synoniemen)]
    contact = _contactroute(ctx, van)
    # Contact route per province for "nog geen loket", read by the script as data.
    routes = {p: _contact_academie(ctx, p) for p in provincies}
    delen = [
        '<div class="lab-loketzoeker" data-lab-loketzoeker>',
        '<form class="lab-filters" role="search" onsubmit="return false" data-lab-zoeker-form hidden>',
        '<label for="lab-gemeente">Jouw gemeente</label>',
        '<input id="lab-gemeente" type="text" list="lab-gemeenten" autocomplete="off" '
        'placeholder="Typ of kies een gemeente">',
        f'<datalist id="lab-gemeenten">{"".join(opties)}</datalist>',
        '</form>',
        '<div class="lab-zoeker-antwoord" aria-live="polite" data-lab-zoeker-antwoord></div>',
        f"<p>Heeft je gemeente nog geen loket? {contact}</p>",
        '<div class="md-typeset__scrollwrap lab-gemeenten" tabindex="0" role="region" '
        'aria-label="Gemeenten en hun sport- en beweegloket"><div class="md-typeset__table">'
        '<table data-lab-gemeenten><caption>Gemeenten en hun sport- en beweegloket</caption>'
        '<thead><tr><th scope="col">Gemeente</th><th scope="col">Provincie</th><th scope="col">Loket</th></tr></thead>'
        f'<tbody>{"".join(rijen)}</tbody></table></div></div>',
        f'<script type="application/json" data-lab-routes>{veilig_json(routes)}</script>',
        "</div>",
    ]
    return "".join(delen)


def _contact_academie(ctx: SiteContext, provincie: str) -> dict:
    for regio, provs in ctx.kader.regio_provincies().items():
        if provincie in provs and regio in ctx.catalogus.academies:
            a = ctx.catalogus.academies[regio]
            return {"academie": a.naam, "email": a.contact.email, "url": ctx.extern(regio, "")}
    return {}


def _contactroute(ctx: SiteContext, van: str) -> str:
    tekst = ("Neem dan contact op met de sportambtenaar van je gemeente; de gemeente neemt het initiatief "
             "voor een loket. Je regionale academie denkt graag mee")
    if ctx.regio and ctx.regio in ctx.catalogus.academies:
        a = ctx.catalogus.academies[ctx.regio]
        return e(tekst) + f": {mail_link(a.contact.email)}."
    return e(tekst) + ": zie " + link(naar(van, "academies/"), "de vijf regionale academies") + "."
