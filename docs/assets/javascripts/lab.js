/* LAB Catalogus: progressive enhancement for the offer overview and the loket finder.
 * Without JavaScript both pages show their complete, sorted tables; this only
 * adds filtering, re-sorting and a direct answer. Text is set with textContent,
 * never as HTML. */
(function () {
  "use strict";

  function aanbod() {
    var tabel = document.querySelector("[data-lab-aanbod]");
    var form = document.querySelector("[data-lab-aanbod-filters]");
    if (!tabel || !form) return;
    form.hidden = false;
    var tbody = tabel.tBodies[0];
    var rijen = Array.prototype.slice.call(tbody.rows);
    var thema = form.querySelector('[data-lab-filter="thema"]');
    var vorm = form.querySelector('[data-lab-filter="vorm"]');
    var sorteer = form.querySelector("[data-lab-sorteer]");
    var telling = form.querySelector("[data-lab-telling]");

    function pas() {
      var t = thema.value, v = vorm.value, zichtbaar = 0;
      rijen.forEach(function (rij) {
        var ok = (!t || (" " + rij.dataset.themas + " ").indexOf(" " + t + " ") >= 0) &&
                 (!v || rij.dataset.vorm === v);
        rij.hidden = !ok;
        if (ok) zichtbaar++;
      });
      var s = sorteer.value;
      var volgorde = rijen.slice().sort(function (a, b) {
        if (s === "titel") return a.dataset.titel.localeCompare(b.dataset.titel, "nl");
        var c = a.dataset.start.localeCompare(b.dataset.start);
        return s === "start-af" ? -c : c;
      });
      var frag = document.createDocumentFragment();
      volgorde.forEach(function (rij) { frag.appendChild(rij); });
      tbody.appendChild(frag);
      telling.textContent = zichtbaar + (zichtbaar === 1 ? " scholing" : " scholingen") + " getoond";
    }
    [thema, vorm, sorteer].forEach(function (el) { el.addEventListener("change", pas); });
    pas();
  }

  function normaliseer(tekst) {
    return (tekst || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function loketzoeker() {
    var blok = document.querySelector("[data-lab-loketzoeker]");
    if (!blok) return;
    var form = blok.querySelector("[data-lab-zoeker-form]");
    var invoer = blok.querySelector("#lab-gemeente");
    var antwoord = blok.querySelector("[data-lab-zoeker-antwoord]");
    var tabel = blok.querySelector("[data-lab-gemeenten]");
    var rijen = Array.prototype.slice.call(tabel.tBodies[0].rows);
    form.hidden = false;
    var routes = {};
    try { routes = JSON.parse(blok.querySelector("[data-lab-routes]").textContent); } catch (e) { routes = {}; }

    function toon() {
      var q = normaliseer(invoer.value);
      var treffers = [];
      rijen.forEach(function (rij) {
        var namen = normaliseer(rij.dataset.gemeente);
        var ok = !q || namen.indexOf(q) >= 0;
        rij.hidden = !ok;
        if (ok && q) treffers.push(rij);
      });
      antwoord.textContent = "";
      if (!q) return;
      var exact = treffers.filter(function (rij) {
        return normaliseer(rij.dataset.gemeente).split("|").indexOf(q) >= 0 ||
               normaliseer(rij.cells[0].textContent) === q;
      });
      var rij = exact.length === 1 ? exact[0] : (treffers.length === 1 ? treffers[0] : null);
      var p = document.createElement("p");
      if (!rij) {
        p.textContent = treffers.length ? treffers.length + " gemeenten gevonden; kies er een." :
          "Geen gemeente gevonden met deze naam. Controleer de spelling.";
        antwoord.appendChild(p);
        return;
      }
      var gemeente = rij.cells[0].textContent;
      var links = rij.cells[2].querySelectorAll("a");
      if (links.length) {
        p.appendChild(document.createTextNode(gemeente + ": "));
        Array.prototype.forEach.call(links, function (a, i) {
          if (i) p.appendChild(document.createTextNode(", "));
          p.appendChild(a.cloneNode(true));
        });
        var status = rij.cells[2].querySelector(".lab-klein");
        if (status) p.appendChild(document.createTextNode(" " + status.textContent));
      } else {
        p.textContent = gemeente + " heeft nog geen loket. Neem contact op met de sportambtenaar van je gemeente";
        var route = routes[rij.dataset.provincie];
        if (route && route.email) {
          p.appendChild(document.createTextNode(" of met " + route.academie + ": "));
          var mail = document.createElement("a");
          mail.href = "mailto:" + route.email;
          mail.textContent = route.email;
          p.appendChild(mail);
        }
        p.appendChild(document.createTextNode("."));
      }
      antwoord.appendChild(p);
    }
    invoer.addEventListener("input", toon);
    invoer.addEventListener("change", toon);
  }

  function start() { aanbod(); loketzoeker(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
