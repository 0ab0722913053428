"""The page of one scholing: every contract field, presented for a buurtsportcoach."""

from __future__ import annotations

from ..render import markdown
from ..selectie import komende_uitvoeringen
from . import jsonld
from .context import Pagina, SiteContext
from .opmaak import bedrag, datum, dl, e, externe_link, link, mail_link, naar, niet_zoeken, opsomming, prijs, tabel, ul, uren


def pad(scholing_id: str) -> str:
    return f"scholing/{scholing_id}/"


def kosten_html(scholing, ctx: SiteContext) -> str:
    kosten = scholing.kosten
    tekst = prijs(kosten.bedrag, ctx.label("btw", kosten.btw) if kosten.btw else None)
    if kosten.toelichting:
        tekst += f". {kosten.toelichting}"
    return e(tekst)


def locatie_html(scholing, ctx: SiteContext) -> str:
    loc = scholing.locatie
    delen = [ctx.label("locatievormen", loc.vorm)]
    if loc.plaats:
        delen.append(loc.plaats)
    if loc.gemeente and loc.gemeente != loc.plaats:
        delen.append(f"gemeente {loc.gemeente}")
    tekst = e(", ".join(delen))
    if loc.adres:
        tekst += f"<br>{e(loc.adres)}"
    return tekst


def start_tekst(scholing, ctx: SiteContext) -> str:
    komend = [u for u in komende_uitvoeringen(scholing, ctx.peildatum) if u.start >= ctx.peildatum]
    if komend:
        tekst = f"Eerstvolgende start: {datum(komend[0].start)}"
        return tekst + (" (of start wanneer je wilt)" if scholing.doorlopend else "")
    if scholing.doorlopend:
        return "Doorlopend: je start wanneer je wilt"
    return "Nog geen nieuwe startdatum bekend"


def _uitvoeringen(scholing, ctx: SiteContext) -> str:
    komend = komende_uitvoeringen(scholing, ctx.peildatum)
    if not komend:
        if scholing.doorlopend:
            return "<p>Dit aanbod is doorlopend: je kunt op elk moment beginnen.</p>"
        return ("<p>Er staan op dit moment geen uitvoeringen gepland. Neem contact op met de aanbieder "
                "als je belangstelling hebt.</p>")
    rijen = []
    for u in komend:
        opmerking = ""
        if u.start < ctx.peildatum:
            opmerking = "Al begonnen"
        elif u.aanmelden_voor and u.aanmelden_voor < ctx.peildatum:
            opmerking = "Aanmelden gesloten"
        rijen.append([e(datum(u.start)), e(datum(u.eind)), e(u.plaats or scholing.locatie.plaats or ""),
                      e(datum(u.aanmelden_voor)) if u.aanmelden_voor else "", e(opmerking)])
    uitleg = "<p>Je kunt ook op elk moment beginnen.</p>" if scholing.doorlopend else ""
    return tabel(["Start", "Eind", "Plaats", "Aanmelden vóór", "Opmerking"], rijen,
                 "Geplande uitvoeringen", "lab-uitvoeringen") + uitleg


def _carrierepad(scholing, ctx: SiteContext) -> str:
    lijst = ctx.kader.lijst("carrierepad")
    rijen = []
    for term in lijst.termen:
        if term.id in scholing.carrierepad:
            rijen.append([f"<strong>{e(term.label)}</strong>", e(term.definitie)])
    uitleg = ("<p>Het carrièrepad voor buurtsportcoaches (cao Sport) kent vier functies, van A (ondersteunend "
              "en begeleidend) tot D (beleidsmatig en coördinerend). Deze scholing past bij:</p>")
    return uitleg + tabel(["Functie", "Wat houdt die functie in"], rijen, "Functies op het carrièrepad", "lab-carrierepad")


def _punt(stap: object) -> str:
    """One aandachtspunt: the question that was answered 'nee', and why it matters."""
    vraag = getattr(stap, "vraag", None)
    uitleg = getattr(stap, "uitleg", None)
    if vraag and uitleg:
        return f"<strong>{e(vraag)}</strong> {e(uitleg)}"
    return e(vraag or uitleg or str(stap))


UITSLAG_UITLEG = {
    "geschikt": "Dit aanbod voldoet aan alle vragen van de beslisboom.",
    "geschikt met aandachtspunten": "Dit aanbod is geschikt, maar let op de punten hieronder.",
}


def beslisboom_html(scholing_id: str, ctx: SiteContext, van: str) -> str:
    oordeel = getattr(ctx.catalogus, "oordelen", {}).get(scholing_id)
    uitleg_link = link(naar(van, "beslisboom/"), "Zo werkt de beslisboom")
    if oordeel is None:
        return f"<p>Dit aanbod is (nog) niet door de beslisboom beoordeeld. {uitleg_link}.</p>"
    uitslag = str(getattr(oordeel, "uitslag", "")).strip()
    delen = [f'<p class="lab-oordeel">Uitslag: <strong>{e(uitslag)}</strong>. {e(UITSLAG_UITLEG.get(uitslag, ""))}</p>']
    punten = [_punt(p) for p in getattr(oordeel, "aandachtspunten", ()) or ()]
    if punten:
        delen.append("<p>Aandachtspunten:</p>" + ul(punten))
    delen.append(f"<p>{uitleg_link}.</p>")
    return "".join(delen)


def _aangeboden_via(scholing_id: str, ctx: SiteContext) -> str:
    regios = ctx.selectie.academies_per_scholing.get(scholing_id, [])
    if ctx.landelijk:
        items = [link(e(ctx.extern(r, pad(scholing_id))), e(ctx.academie_naam(r)))
                 + f" (regio {e(ctx.label('regios', r))})" for r in regios]
        if not items:
            return ""
        return ('<section class="lab-aangeboden-via"><h2 id="aangeboden-via">Aangeboden via</h2>'
                "<p>Bekijk dit aanbod en meld je aan via de regionale academie:</p>" + ul(items) + "</section>")
    anderen = [r for r in regios if r != ctx.regio]
    if not anderen:
        return ""
    items = [link(e(ctx.extern(r, pad(scholing_id))), e(ctx.academie_naam(r))) for r in anderen]
    return ('<section class="lab-aangeboden-via"><h2 id="ook-aangeboden-via">Ook aangeboden via</h2>'
            + ul(items) + "</section>")


# Shown on the result card (start, price, place) or a filter (kosten, start): not worth indexing.
KORT_NIET_ZOEKEN = frozenset({"Tijdsinvestering", "Kosten", "Locatie", "Start"})


def scholing_pagina(ctx: SiteContext, scholing_id: str) -> Pagina:
    s = ctx.catalogus.scholing[scholing_id]
    van = pad(scholing_id)
    aanbieder = ctx.catalogus.aanbieders.get(s.aanbieder)
    aanbieder_naam = aanbieder.naam if aanbieder else s.aanbieder
    aanbieder_html = (link(naar(van, f"aanbieders/{s.aanbieder}/"), e(aanbieder_naam))
                      if s.aanbieder in ctx.aanbieder_set else e(aanbieder_naam))

    kenmerken = [ctx.label("scholingsvormen", s.vorm)]
    if s.niveau:
        kenmerken.append(f"niveau {ctx.label('niveaus', s.niveau).lower()}")
    if s.route == "nieuw":
        kenmerken.append("nieuw aanbod (pilot)")
    tijd = uren(s.tijdsinvestering.uren) + (f": {s.tijdsinvestering.toelichting}" if s.tijdsinvestering.toelichting else "")

    kort = dl([
        ("Aanbieder", aanbieder_html),
        ("Vorm", e(opsomming(kenmerken))),
        ("Tijdsinvestering", e(tijd)),
        ("Kosten", kosten_html(s, ctx)),
        ("Locatie", locatie_html(s, ctx)),
        ("Start", e(start_tekst(s, ctx))),
        ("Thema's", e(opsomming([ctx.label("themas", t) for t in s.themas]))),
    ], niet_zoeken=KORT_NIET_ZOEKEN)

    # Search indexes what tells courses apart; the carrièrepad definitions, runs, contact details,
    # beslisboom and route explanations are the same on every page (they are filters or boilerplate).
    voor_wie = [niet_zoeken(_carrierepad(s, ctx))]
    extra = []
    if s.functieprofielen:
        extra.append(("Functieprofielen", e(opsomming([ctx.label("functieprofielen", f) for f in s.functieprofielen]))))
    if s.doelgroepen:
        extra.append(("Werkt met de doelgroepen", e(opsomming([ctx.label("doelgroepen", d) for d in s.doelgroepen]))))
    extra.append(("Instapvoorwaarden", e(s.instapvoorwaarden)))
    voor_wie.append(dl(extra))

    contact = s.contact
    contact_rijen = [("Contactpersoon", e(contact.naam or "")), ("E-mail", mail_link(contact.email)),
                     ("Telefoon", e(contact.telefoon or ""))]
    aanmelden_knop = externe_link(s.aanmelden, f"Aanmelden bij {e(aanbieder_naam)}").replace(
        "<a ", '<a class="md-button md-button--primary" ', 1)

    erkenningen = []
    if s.kwaliteit and s.kwaliteit.erkenningen:
        erkenningen.append(("Erkenningen", e(opsomming([ctx.label("erkenningen", k) for k in s.kwaliteit.erkenningen]))))
    kwaliteit = []
    if s.kwaliteit and s.kwaliteit.evaluatie:
        kwaliteit.append(("Evaluatie", e(s.kwaliteit.evaluatie)))
    route_term = ctx.kader.term("routes", s.route)
    if route_term:
        kwaliteit.append(("Route", e(f"{route_term.label}: {route_term.definitie}")))

    bijgewerkt = []
    if s.bijgewerkt:
        bijgewerkt.append(f"Laatst gecontroleerd door de aanbieder: {datum(s.bijgewerkt)}.")
    if s.geldig_tot:
        bijgewerkt.append(f"Dit aanbod staat online tot en met {datum(s.geldig_tot)}.")

    pagina_url = ctx.extern(ctx.site, van)
    delen = [
        '<article class="lab-scholing" data-pagefind-body>',
        f"<h1>{e(s.titel)}</h1>",
        f'<p class="lab-samenvatting">{e(s.samenvatting)}</p>',
        kort,
        f'<p class="lab-aanmelden" data-pagefind-ignore>{aanmelden_knop}</p>',
        '<h2 id="doel" data-pagefind-ignore>Doel</h2>', markdown(s.doel),
        '<h2 id="wat-je-leert" data-pagefind-ignore>Wat je leert</h2>', ul([e(x) for x in s.leeruitkomsten]),
        '<h2 id="voor-wie" data-pagefind-ignore>Voor wie</h2>', *voor_wie,
        niet_zoeken('<h2 id="wanneer-en-waar">Wanneer en waar</h2>' + _uitvoeringen(s, ctx)),
        niet_zoeken('<h2 id="aanmelden">Aanmelden</h2>'
                    f"<p>Je meldt je aan bij de aanbieder: {externe_link(s.aanmelden, 'naar het aanmeldformulier van ' + e(aanbieder_naam))}.</p>"
                    + dl(contact_rijen)),
        niet_zoeken('<h2 id="beslisboom">Oordeel van de beslisboom</h2>' + beslisboom_html(scholing_id, ctx, van)),
    ]
    if kwaliteit or erkenningen:
        delen += ['<h2 id="kwaliteit" data-pagefind-ignore>Kwaliteit</h2>', dl(erkenningen), niet_zoeken(dl(kwaliteit))]
    delen.append(niet_zoeken(_aangeboden_via(scholing_id, ctx)))
    if bijgewerkt:
        delen.append(f'<p class="lab-bijgewerkt">{e(" ".join(bijgewerkt))}</p>')
    delen.append(ctx.zoekkenmerken("scholing", scholing_id))
    delen.append("</article>")
    delen.append(jsonld.script(jsonld.course(s, pagina_url, ctx)))
    return Pagina(s.titel, "".join(delen), s.samenvatting)
