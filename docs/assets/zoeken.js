// LAB Catalogus: the search page (zoeken/) on Pagefind's JS API.
//
// Why not Pagefind's Component UI or Default UI: neither can sort results
// (their search calls pass no sort), neither keeps filters in the URL, and
// they add 120-175 KB of script to a page whose whole search budget is 300 KB.
// pagefind.js itself (shipped in every site's pagefind/ bundle) does the
// searching; this file only draws the form, the filters and the cards.
//
// Safety: everything from the index is put on the page with textContent;
// Pagefind's excerpt is rebuilt from text nodes and <mark> elements only.
//
// Weight (10.000 records: first query <= 300 KB, later ones < 30 KB):
// - no web worker (noWorker): it would load a second copy of Pagefind's JS;
// - a filter group's file is loaded only when its counts are shown (open
//   group, or an active filter); Pagefind loads a filter file per filter name
//   and `{naam: []}` loads it without narrowing the results;
// - sorting uses two hidden filters with the exact sort values instead of
//   data-pagefind-sort, whose orders Pagefind puts in the metadata every
//   visitor loads. Their files load only once someone picks a sort order; the
//   page then walks the values in order, one small search per value;
// - fragments (result cards) are loaded ten at a time;
// - Dutch function words are left out of the query (see zoekterm).
(() => {
  "use strict";

  const FILTERS = [
    ["type", "Soort"], ["thema", "Thema"], ["vorm", "Vorm"], ["carrierepad", "Carrièrepad"],
    ["niveau", "Niveau"], ["doelgroep", "Doelgroep"], ["locatievorm", "Locatievorm"],
    ["start", "Start"], ["kosten", "Kosten"], ["regio", "Regio"], ["academie", "Academie (bron)"], ["provincie", "Provincie"],
    ["plaats", "Plaats"], ["aanbieder", "Aanbieder"],
  ];
  const FILTERNAMEN = new Set(FILTERS.map(([naam]) => naam));
  const VOLGORDE = {
    type: ["Scholing", "Aanbieder", "Loket"],
    kosten: ["Gratis", "Tot € 250", "€ 250 tot € 1.000", "Boven € 1.000"],
    start: ["Binnen 3 maanden", "Later", "Doorlopend"],
    niveau: ["Basis", "Verdieping", "Specialisatie"],
  };
  // Dutch function words. The index keeps them (excerpts read normally, "exact phrases" work), but
  // in a query they only cost bytes: each is on nearly every page, so its index chunk is the
  // largest there is (50-90 KB at 10,000 records), and the ranking (BM25) ignores it anyway.
  const STOPWOORDEN = new Set(("de het een en of maar want dus dan als om te tot van voor in op aan met " +
    "bij uit over door naar na tussen ik je jij u hij zij ze we wij jullie zich mijn jouw uw zijn haar " +
    "ons onze hun dit dat deze die er hier daar wat wie waar hoe is was ben bent waren wordt worden " +
    "werd kan kunnen wil zal zou moet heeft hebben had ook nog al wel zo").split(" "));

  // What Pagefind searches for: the typed words without function words. Kept as typed when the
  // query is a quoted phrase or has nothing but function words.
  function zoekterm(q) {
    const tekst = (q || "").trim();
    if (!tekst) return null;
    if (/["“”]/.test(tekst)) return tekst;
    const woorden = tekst.split(/\s+/);
    const inhoud = woorden.filter((w) => !STOPWOORDEN.has(w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")));
    return (inhoud.length ? inhoud : woorden).join(" ");
  }

  const SORTERINGEN = [
    ["", "Best passend"], ["start:asc", "Eerstvolgende start"],
    ["prijs:asc", "Prijs: laag naar hoog"], ["prijs:desc", "Prijs: hoog naar laag"],
  ];
  const PER_KEER = 10;
  // Open (and so loaded) on a wide screen; the other groups load when opened.
  // thema, vorm and kosten: the most used groups; together ~83 KB of filter files at 10.000 records.
  const OPEN_FILTERS = ["thema", "vorm", "kosten"];
  const SORTEERFILTER = { start: "sorteer_start", prijs: "sorteer_prijs" };

  // --- small DOM helpers (textContent only) ---------------------------------------------
  function el(tag, attrs, ...kinderen) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const kind of kinderen) if (kind !== null && kind !== undefined) e.append(kind);
    return e;
  }

  function veiligeUrl(waarde) {
    try {
      const u = new URL(waarde, window.location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
    } catch (e) {
      return "#";
    }
  }

  // Pagefind's excerpt is escaped text with <mark> around hits: rebuild it without innerHTML.
  function excerptNodes(excerpt) {
    const uit = [];
    const decodeer = (tekst) => new DOMParser().parseFromString(`<!doctype html><body>${tekst}`, "text/html").body.textContent;
    const delen = String(excerpt || "").split(/(<mark>|<\/mark>)/);
    let gemarkeerd = false;
    for (const deel of delen) {
      if (deel === "<mark>") { gemarkeerd = true; continue; }
      if (deel === "</mark>") { gemarkeerd = false; continue; }
      if (!deel) continue;
      const tekst = decodeer(deel);
      uit.push(gemarkeerd ? el("mark", { text: tekst }) : document.createTextNode(tekst));
    }
    return uit;
  }

  // --- configuration and URL state ---------------------------------------------------------
  function leesConfig(container) {
    let cfg = {};
    const bron = document.getElementById("lab-zoekconfig");
    if (bron) {
      try { cfg = JSON.parse(bron.textContent); } catch (e) { cfg = {}; }
    }
    const ds = container.dataset;
    const siteRoot = new URL(cfg.siteRoot || ds.siteRoot || "../", window.location.href).href;
    // `lijst` is the build's list of sites: [{naam, url, titel, huidig}].
    const sites = { ...(cfg.sites || {}) };
    const academies = { ...(cfg.academies || {}) };
    for (const s of Array.isArray(cfg.lijst) ? cfg.lijst : []) {
      if (!s || !s.naam || s.naam === "landelijk" || !s.url) continue;
      sites[s.naam] = new URL(s.url, window.location.href).href;
      academies[s.naam] = s.titel || s.naam;
    }
    return {
      site: cfg.site || ds.site || "landelijk",
      siteRoot,
      bundel: new URL(cfg.bundel || ds.bundel || "pagefind/", siteRoot).href,
      sites,
      academies,
      vraagUrl: cfg.vraagUrl || ds.vraagUrl || "https://github.com/",
      // [{thema, aantal}]: the site's most common themes, for the empty-result suggestions.
      themas: Array.isArray(cfg.themas) ? cfg.themas.filter((t) => t && typeof t.thema === "string") : [],
      // Sort values that mean "no date" / "no price" (aanbieders, loketten): always last.
      geenWaarde: Array.isArray(cfg.geenWaarde) ? cfg.geenWaarde.map(String) : [],
    };
  }

  function leesUrl() {
    const p = new URLSearchParams(window.location.search);
    const filters = {};
    for (const [k, v] of p.entries()) {
      if (FILTERNAMEN.has(k) && v) (filters[k] ||= []).includes(v) || filters[k].push(v);
    }
    const sort = p.get("sort") || "";
    return {
      q: p.get("q") || "",
      filters,
      sort: SORTERINGEN.some(([w]) => w === sort) ? sort : "",
      bron: p.get("bron") === "academies" ? "academies" : "",
    };
  }

  function maakUrl(staat) {
    const p = new URLSearchParams();
    if (staat.q) p.set("q", staat.q);
    for (const [naam] of FILTERS) for (const w of staat.filters[naam] || []) p.append(naam, w);
    if (staat.sort) p.set("sort", staat.sort);
    if (staat.bron) p.set("bron", staat.bron);
    const query = p.toString();
    return window.location.pathname + (query ? `?${query}` : "");
  }

  // --- result lists: {aantal, haal(n)} -------------------------------------------------------
  function lijstVan(resultaten) {
    return { aantal: resultaten.length, haal: async (n) => resultaten.slice(0, n) };
  }

  // Sorted results: the counts per sort value come with the first search; walk the values in
  // order and fetch each value's results (relevance order within one value) until n are there.
  function gesorteerd(inst, term, filters, sorteerFilter, richting, tellingen, geenWaarde) {
    const alle = Object.keys(tellingen || {}).filter((w) => tellingen[w] > 0);
    const waarden = alle.filter((w) => !geenWaarde.includes(w));
    waarden.sort(sorteerFilter === "sorteer_prijs" ? (a, b) => parseFloat(a) - parseFloat(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (richting === "desc") waarden.reverse();
    waarden.push(...alle.filter((w) => geenWaarde.includes(w)));  // no date or price: last, both ways
    const verzameld = [];
    let volgende = 0;
    let bezig = Promise.resolve();
    return {
      aantal: waarden.reduce((som, w) => som + tellingen[w], 0),
      haal(n) {
        bezig = bezig.then(async () => {
          while (verzameld.length < n && volgende < waarden.length) {
            const w = waarden[volgende++];
            const r = await inst.search(term, { filters: { ...filters, [sorteerFilter]: { any: [w] } } });
            verzameld.push(...(r?.results || []));
          }
          return verzameld.slice(0, n);
        });
        return bezig;
      },
    };
  }

  // --- the page ----------------------------------------------------------------------------
  function start(container) {
    if (container.dataset.labGestart) return;
    container.dataset.labGestart = "1";
    const cfg = leesConfig(container);
    const landelijk = cfg.site === "landelijk";
    let staat = leesUrl();
    let zichtbaar = PER_KEER;
    let zoekId = 0;
    let laatsteResultaten = lijstVan([]);
    let getyptEntry = false;
    let moduleBelofte = null;
    const instanties = {};
    const totalen = {};
    const geopend = new Set();  // filter groups whose counts are shown, so whose files are loaded
    const totaal = () => totalen[landelijk && staat.bron === "academies" ? "academies" : "eigen"] || {};

    // Form
    const veld = el("input", {
      id: "lab-zoekveld", type: "search", name: "q", autocomplete: "off", spellcheck: "false",
      placeholder: "Bijvoorbeeld: samenwerken, armoede, webinar", "aria-describedby": "lab-zoekhulp",
    });
    const formulier = el("form", { class: "lab-zoekbalk", role: "search", action: "" },
      el("label", { for: "lab-zoekveld", class: "lab-zoeklabel", text: "Zoek scholing, aanbieders en loketten" }),
      el("div", { class: "lab-zoekrij" }, veld, el("button", { type: "submit", class: "md-button md-button--primary", text: "Zoeken" })),
      el("p", { id: "lab-zoekhulp", class: "lab-zoekhulp", text: "Zoekt ook op verwante woordvormen: 'samenwerken' vindt ook 'samenwerking'." }));

    const sorteer = el("select", { id: "lab-sorteer", name: "sort" },
      ...SORTERINGEN.map(([w, l]) => el("option", { value: w, text: l })));
    const opties = el("div", { class: "lab-zoekopties" },
      el("label", { for: "lab-sorteer", text: "Sorteren" }), sorteer);
    let samenvoegen = null;
    if (landelijk && Object.keys(cfg.sites).length) {
      samenvoegen = el("input", { type: "checkbox", id: "lab-samenvoegen", name: "bron", value: "academies" });
      opties.append(el("label", { class: "lab-samenvoegen", for: "lab-samenvoegen" }, samenvoegen,
        " Zoek rechtstreeks in de zoekindexen van de vijf academies"));
    }

    const filterLijst = el("div", { class: "lab-filterlijst" });
    const wisKnop = el("button", { type: "button", class: "lab-wis", text: "Alle filters wissen" });
    const filterPaneel = el("details", { class: "lab-filterpaneel" },
      el("summary", { class: "lab-filterkop" }, el("span", { text: "Filters" }), el("span", { class: "lab-filterteller" })),
      filterLijst, wisKnop);
    const status = el("p", { class: "lab-zoekstatus", role: "status", "aria-live": "polite" });
    const lijst = el("ol", { class: "lab-resultaten", "aria-label": "Zoekresultaten" });
    const meer = el("button", { type: "button", class: "md-button lab-meer", hidden: true, text: "Meer resultaten" });
    const leeg = el("div", { class: "lab-leeg", hidden: true });
    container.replaceChildren(formulier, opties,
      el("div", { class: "lab-zoeklayout" }, filterPaneel,
        el("section", { class: "lab-resultaatvak", "aria-label": "Resultaten" }, status, leeg, lijst, meer)));

    // Filters open on wide screens, folded away on a phone.
    const breed = window.matchMedia("(min-width: 60em)");
    const pasPaneelAan = () => { filterPaneel.open = breed.matches; };
    if (breed.matches) OPEN_FILTERS.forEach((n) => geopend.add(n));
    pasPaneelAan();
    breed.addEventListener?.("change", pasPaneelAan);
    // On a phone the panel starts folded: its filter files load when it is opened.
    filterPaneel.addEventListener("toggle", () => {
      if (!filterPaneel.open || OPEN_FILTERS.every((n) => geopend.has(n))) return;
      OPEN_FILTERS.forEach((n) => geopend.add(n));
      zoek();
    });

    function zetFormulier() {
      if (document.activeElement !== veld) veld.value = staat.q;
      sorteer.value = staat.sort;
      if (samenvoegen) samenvoegen.checked = staat.bron === "academies";
      sorteer.disabled = staat.bron === "academies";
      sorteer.title = sorteer.disabled ? "Sorteren kan alleen in de landelijke index" : "";
    }

    function bewaar(push) {
      const url = maakUrl(staat);
      if (url === window.location.pathname + window.location.search) return;
      if (push) window.history.pushState({ lab: true }, "", url);
      else window.history.replaceState({ lab: true, getypt: true }, "", url);
    }

    // One Pagefind instance per source: the own bundle, or the academies' bundles merged.
    async function instantie() {
      const sleutel = landelijk && staat.bron === "academies" ? "academies" : "eigen";
      if (instanties[sleutel]) return instanties[sleutel];
      moduleBelofte ||= import(cfg.bundel + "pagefind.js");
      const pagefind = await moduleBelofte;
      let inst;
      if (sleutel === "eigen") {
        inst = pagefind.createInstance({ basePath: cfg.bundel, noWorker: true });
      } else {
        const regios = Object.keys(cfg.sites);
        const bundel = (r) => new URL("pagefind/", cfg.sites[r]).href;
        // Each academy publishes its own index; the filter says which academy a result came from.
        inst = pagefind.createInstance({ basePath: bundel(regios[0]), noWorker: true });
        await inst.options({ mergeFilter: { academie: cfg.academies[regios[0]] } });
        for (const r of regios.slice(1)) {
          await inst.mergeIndex(bundel(r), { mergeFilter: { academie: cfg.academies[r] } });
        }
      }
      await inst.init();
      instanties[sleutel] = inst;
      return inst;
    }

    function actieveFilters() {
      return Object.entries(staat.filters).filter(([, w]) => w.length);
    }

    function tekenFilters(beschikbaar, totaal) {
      const bestaand = {};
      for (const d of filterLijst.querySelectorAll("details[data-filter]")) {
        // A folded, not yet loaded group says nothing about how it should be shown once loaded.
        if (d.open || !d.querySelector(".lab-filterladen")) bestaand[d.dataset.filter] = d.open;
      }
      filterLijst.replaceChildren();
      for (const [naam, label] of FILTERS) {
        if (naam === "academie" && staat.bron !== "academies") continue;
        const gekozen = staat.filters[naam] || [];
        if (!totaal?.[naam] && !gekozen.length) {
          // Loaded but without values, or the academies' filter (always loaded): nothing to show.
          if ((totaal && geopend.has(naam)) || naam === "academie") continue;
          // Not loaded yet: a folded group that loads its values when opened.
          const groep = el("details", { class: "lab-filter", "data-filter": naam },
            el("summary", { text: label }), el("p", { class: "lab-filterladen", text: "Keuzes laden…" }));
          groep.addEventListener("toggle", () => {
            if (!groep.open) return;
            geopend.add(naam);
            zoek({ focusGroep: naam, openGroep: naam });
          });
          filterLijst.append(groep);
          continue;
        }
        const alle = { ...(totaal?.[naam] || {}) };
        for (const w of gekozen) if (!(w in alle)) alle[w] = 0;
        let waarden = Object.keys(alle);
        if (!waarden.length) continue;
        const volgorde = VOLGORDE[naam];
        waarden.sort((a, b) => volgorde
          ? (volgorde.indexOf(a) + 1 || 99) - (volgorde.indexOf(b) + 1 || 99) || a.localeCompare(b, "nl")
          : a.localeCompare(b, "nl"));
        const groep = el("fieldset", { class: "lab-filtergroep" }, el("legend", { class: "lab-sr", text: label }));
        for (const w of waarden) {
          const aantal = beschikbaar?.[naam]?.[w] ?? 0;
          const aan = gekozen.includes(w);
          if (!aan && aantal === 0) continue;
          const id = `lab-f-${naam}-${waarden.indexOf(w)}`;
          const vak = el("input", { type: "checkbox", id, name: naam, value: w, checked: aan });
          vak.addEventListener("change", () => {
            const lijstW = new Set(staat.filters[naam] || []);
            vak.checked ? lijstW.add(w) : lijstW.delete(w);
            staat.filters = { ...staat.filters, [naam]: [...lijstW] };
            if (!lijstW.size) delete staat.filters[naam];
            zichtbaar = PER_KEER;
            bewaar(true);
            zoek({ focusFilter: id });
          });
          groep.append(el("div", { class: "lab-filteroptie" }, vak,
            el("label", { for: id }, el("span", { class: "lab-filterwaarde", text: w }),
              el("span", { class: "lab-aantal", text: String(aantal), "aria-label": `${aantal} resultaten` }))));
        }
        if (groep.children.length <= 1) continue;
        const aantalGekozen = gekozen.length ? ` (${gekozen.length})` : "";
        const open = naam in bestaand ? bestaand[naam] : geopend.has(naam) || gekozen.length > 0;
        filterLijst.append(el("details", { class: "lab-filter", "data-filter": naam, open },
          el("summary", { text: label + aantalGekozen }), groep));
      }
      const n = actieveFilters().reduce((s, [, w]) => s + w.length, 0);
      filterPaneel.querySelector(".lab-filterteller").textContent = n ? ` (${n} actief)` : "";
      wisKnop.hidden = n === 0;
    }

    function academieLinks(data) {
      if (!landelijk) return null;
      const url = new URL(data.url, window.location.href).href;
      const links = [];
      if (staat.bron === "academies") {
        for (const [r, siteUrl] of Object.entries(cfg.sites)) {
          if (url.startsWith(new URL(siteUrl, window.location.href).href)) {
            links.push([cfg.academies[r] || r, url]);
          }
        }
      } else {
        // meta.academies: the ids of the regions whose academy lists this offer, e.g. "noord oost".
        const relatief = url.startsWith(cfg.siteRoot) ? url.slice(cfg.siteRoot.length) : null;
        for (const r of String(data.meta?.academies || "").split(/\s+/)) {
          if (!r || !cfg.sites[r] || relatief === null) continue;
          links.push([cfg.academies[r] || r, new URL(relatief, cfg.sites[r]).href]);
        }
      }
      if (!links.length) return null;
      const p = el("p", { class: "lab-academies" }, el("span", { text: "Aangeboden via " }));
      links.forEach(([naam, href], i) => {
        if (i) p.append(document.createTextNode(i === links.length - 1 ? " en " : ", "));
        p.append(el("a", { href: veiligeUrl(href), class: "lab-academielink", text: naam }));
      });
      return p;
    }

    function kaart(data) {
      const meta = data.meta || {};
      const soort = data.filters?.type?.[0] || "";
      const titel = meta.titel || meta.title || data.url;
      const regel = [soort, meta.vorm, meta.aanbieder || meta.aanbiedertype].filter(Boolean).join(" · ");
      const feiten = el("dl", { class: "lab-feiten" });
      const feit = (term, waarde) => { if (waarde) feiten.append(el("div", {}, el("dt", { text: term }), el("dd", { text: waarde }))); };
      feit("Start", meta.start);
      feit("Prijs", meta.prijs);
      feit("Plaats", meta.plaats);
      feit("Status", meta.status);
      return el("li", { class: "lab-kaart" },
        el("h3", { class: "lab-kaarttitel" }, el("a", { href: veiligeUrl(data.url), text: titel })),
        regel ? el("p", { class: "lab-kaartsoort", text: regel }) : null,
        feiten.children.length ? feiten : null,
        el("p", { class: "lab-excerpt" }, ...excerptNodes(data.excerpt)),
        academieLinks(data));
    }

    async function tekenResultaten(id) {
      const bron = laatsteResultaten;
      const alle = await bron.haal(zichtbaar);
      if (id !== zoekId) return;
      const stuk = alle.slice(lijst.children.length, zichtbaar);
      const data = await Promise.all(stuk.map((r) => r.data()));
      if (id !== zoekId) return;
      for (const d of data) lijst.append(kaart(d));
      meer.hidden = bron.aantal <= zichtbaar;
    }

    function vraagLink() {
      const url = new URL(veiligeUrl(cfg.vraagUrl));
      if (staat.q) url.searchParams.set("title", `Scholingsvraag: ${staat.q}`);
      return el("a", { href: url.href, class: "lab-vraaglink", text: "Meld je scholingsvraag" });
    }

    async function tekenLeeg(inst, id) {
      leeg.replaceChildren();
      const filtersAan = actieveFilters();
      const wat = staat.q ? `voor “${staat.q}”` : "";
      leeg.append(el("h3", { text: "Niets gevonden" }),
        el("p", { text: `We vonden geen scholing, aanbieders of loketten ${wat}${filtersAan.length ? " met deze filters" : ""}.`.replace("  ", " ") }));
      const tips = el("ul", { class: "lab-tips" });
      for (const [naam, waarden] of filtersAan) {
        for (const w of waarden) {
          const knop = el("button", { type: "button", class: "lab-tipknop", text: `Zonder filter ${FILTERS.find(([n]) => n === naam)[1]}: ${w}` });
          knop.addEventListener("click", () => {
            const rest = (staat.filters[naam] || []).filter((x) => x !== w);
            staat.filters = { ...staat.filters, [naam]: rest };
            if (!rest.length) delete staat.filters[naam];
            bewaar(true);
            zoek();
          });
          tips.append(el("li", {}, knop));
        }
      }
      if (filtersAan.length > 1) {
        const knop = el("button", { type: "button", class: "lab-tipknop", text: "Alle filters wissen" });
        knop.addEventListener("click", wisAlles);
        tips.append(el("li", {}, knop));
      }
      if (staat.q) tips.append(el("li", { text: "Controleer de spelling, of probeer een korter of algemener woord." }));
      if (tips.children.length) leeg.append(el("p", { text: "Probeer dit:" }), tips);

      // Related themes: what the words alone find, or else the most common themes overall.
      let themas = {};
      let metWoord = false;
      const woorden = zoekterm(staat.q);
      if (woorden) {  // never search(null) here: without words Pagefind loads every index chunk
        const zonderFilters = await inst.search(woorden, { filters: { thema: [] } });
        themas = zonderFilters.filters?.thema || {};
        metWoord = zonderFilters.results.length > 0;
      }
      if (!Object.values(themas).some((n) => n > 0)) {
        // Words that match nothing anywhere (or only filters): the site's most common themes, counted
        // at build time. Asking Pagefind would load every filter file (~400 KB at 10,000 courses).
        themas = totaal().thema || Object.fromEntries((cfg.themas || []).map((t) => [t.thema, t.aantal]));
      }
      if (id !== zoekId) return;
      const top = Object.entries(themas).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 6);
      if (top.length) {
        const rij = el("ul", { class: "lab-verwant" });
        for (const [thema, n] of top) {
          const knop = el("button", { type: "button", class: "lab-tipknop", text: `${thema} (${n})` });
          knop.addEventListener("click", () => {
            staat = { ...staat, q: metWoord ? staat.q : "", filters: { thema: [thema] } };
            bewaar(true);
            zoek();
          });
          rij.append(el("li", {}, knop));
        }
        leeg.append(el("p", { text: "Verwante thema's:" }), rij);
      }
      leeg.append(el("p", { class: "lab-vraag" },
        el("span", { text: "Staat er niets bij dat past? " }), vraagLink(),
        el("span", { text: ": de academies gebruiken gemelde vragen om nieuw aanbod te ontwikkelen." })));
      leeg.hidden = false;
    }

    async function zoek(opties = {}) {
      const id = ++zoekId;
      zetFormulier();
      let inst;
      try {
        inst = await instantie();
      } catch (fout) {
        status.textContent = "De zoekindex kon niet worden geladen. Probeer het later opnieuw.";
        return;
      }
      const term = zoekterm(staat.q);
      const filters = {};
      for (const [naam, waarden] of actieveFilters()) filters[naam] = { any: waarden };
      // The same search, plus the filter files whose counts are on screen (and the sort values).
      const metTellingen = { ...filters };
      for (const naam of geopend) if (!(naam in metTellingen)) metTellingen[naam] = [];
      if (staat.bron === "academies" && !("academie" in metTellingen)) metTellingen.academie = [];
      const [sortNaam, richting] = staat.sort && staat.bron !== "academies" ? staat.sort.split(":") : [];
      const sorteerFilter = SORTEERFILTER[sortNaam];
      if (!term && !Object.keys(filters).length) {
        // Nothing asked yet. A search without words makes Pagefind load every index chunk, so the
        // counts of all results come from filters() (all filter files), and only once a group is opened.
        const bron = landelijk && staat.bron === "academies" ? "academies" : "eigen";
        if (opties.openGroep && !totalen[bron]) totalen[bron] = await inst.filters();
        if (id !== zoekId) return;
        const alle = totalen[bron] || null;
        tekenFilters(alle, alle);
        herstelFocus(opties);
        lijst.replaceChildren();
        leeg.hidden = true;
        meer.hidden = true;
        laatsteResultaten = lijstVan([]);
        status.textContent = "Typ een zoekterm of kies een filter.";
        return;
      }
      if (sorteerFilter) metTellingen[sorteerFilter] = [];
      const antwoord = await inst.search(term, { filters: metTellingen });
      if (id !== zoekId || !antwoord) return;
      laatsteResultaten = sorteerFilter
        ? gesorteerd(inst, term, filters, sorteerFilter, richting, antwoord.filters?.[sorteerFilter], cfg.geenWaarde)
        : lijstVan(antwoord.results);
      tekenFilters(antwoord.filters, antwoord.totalFilters);
      herstelFocus(opties);
      lijst.replaceChildren();
      leeg.hidden = true;
      const n = laatsteResultaten.aantal;
      const wat = term ? ` voor “${staat.q.trim()}”` : "";  // what was typed, function words included
      // The status is announced after the cards are drawn, so it always matches what is shown.
      if (n === 0) {
        meer.hidden = true;
        status.textContent = `Geen resultaten${wat}.`;
        await tekenLeeg(inst, id);
        return;
      }
      await tekenResultaten(id);
      if (id === zoekId) status.textContent = `${n} ${n === 1 ? "resultaat" : "resultaten"}${wat}.`;
    }

    function herstelFocus(opties) {
      if (opties.focusFilter) document.getElementById(opties.focusFilter)?.focus();
      if (opties.focusGroep) filterLijst.querySelector(`details[data-filter="${opties.focusGroep}"] summary`)?.focus();
    }

    function wisAlles() {
      staat.filters = {};
      zichtbaar = PER_KEER;
      bewaar(true);
      zoek();
    }

    let wachten = null;
    veld.addEventListener("input", () => {
      clearTimeout(wachten);
      wachten = setTimeout(() => {
        staat.q = veld.value;
        zichtbaar = PER_KEER;
        // The first keystrokes make a new history entry; the rest of the word replaces it.
        bewaar(!getyptEntry);
        getyptEntry = true;
        zoek();
      }, 300);
    });
    formulier.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(wachten);
      staat.q = veld.value;
      zichtbaar = PER_KEER;
      getyptEntry = false;
      bewaar(true);
      zoek();
    });
    sorteer.addEventListener("change", () => {
      staat.sort = sorteer.value;
      zichtbaar = PER_KEER;
      getyptEntry = false;
      bewaar(true);
      zoek();
    });
    samenvoegen?.addEventListener("change", () => {
      staat.bron = samenvoegen.checked ? "academies" : "";
      // Filter values differ per source: keep only the words.
      staat.filters = {};
      getyptEntry = false;
      bewaar(true);
      zoek();
    });
    wisKnop.addEventListener("click", wisAlles);
    meer.addEventListener("click", async () => {
      const eerste = lijst.children.length;
      zichtbaar += PER_KEER;
      await tekenResultaten(zoekId);
      lijst.children[eerste]?.querySelector("a")?.focus();
    });
    window.addEventListener("popstate", () => {
      if (!document.body.contains(container)) return;
      staat = leesUrl();
      veld.value = staat.q;
      zichtbaar = PER_KEER;
      getyptEntry = false;
      zoek();
    });

    veld.value = staat.q;
    zoek();
    if (!staat.q && !actieveFilters().length) veld.focus();
  }

  function init() {
    const container = document.getElementById("lab-zoeken");
    if (container) start(container);
  }
  // Material's instant navigation swaps pages without reloading scripts.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
