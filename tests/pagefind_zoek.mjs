// Runs searches against a served Pagefind bundle with Pagefind's own JS, under Node.
// Input (argv[2]): JSON {bundel, zoekopdrachten: [{term, filters, sort}], merge: [{bundel, filter}], resultaten}
// Output: JSON {filters, antwoorden: [{aantal, resultaten: [{url, meta, filters}], bytes}], bytes_init}
// Every fetch is logged so callers can count the bytes a search transfers.
const invoer = JSON.parse(process.argv[2]);
let bytes = 0;
const log = [];
const echteFetch = globalThis.fetch;
globalThis.fetch = async (url, opties) => {
  const antwoord = await echteFetch(url, opties);
  const buffer = await antwoord.arrayBuffer();
  bytes += buffer.byteLength;
  log.push([String(url), buffer.byteLength]);
  return new Response(buffer, { status: antwoord.status, headers: antwoord.headers });
};
const pagefindJs = await echteFetch(invoer.bundel + "pagefind.js").then((r) => r.text());
bytes += Buffer.byteLength(pagefindJs);
log.push([invoer.bundel + "pagefind.js", Buffer.byteLength(pagefindJs)]);
const pf = await import("data:text/javascript;base64," + Buffer.from(pagefindJs).toString("base64"));
await pf.options({ basePath: invoer.bundel, baseUrl: invoer.baseUrl || "/" });
for (const m of invoer.merge || []) await pf.mergeIndex(m.bundel, { mergeFilter: m.filter || {}, baseUrl: m.baseUrl });
await pf.init();
const filters = invoer.zonderFilters ? null : await pf.filters();
const bytesInit = bytes;
const antwoorden = [];
for (const z of invoer.zoekopdrachten) {
  const voor = bytes;
  const start = log.length;
  const r = await pf.search(z.term ?? null, { filters: z.filters || {}, sort: z.sort || {} });
  const n = Math.min(r.results.length, invoer.resultaten ?? 1000);
  const data = await Promise.all(r.results.slice(0, n).map((x) => x.data()));
  antwoorden.push({
    aantal: r.results.length,
    resultaten: data.map((d) => ({ url: d.url, meta: d.meta, filters: d.filters })),
    bytes: bytes - voor,
    bestanden: log.slice(start),
  });
}
console.log(JSON.stringify({ filters, antwoorden, bytes_init: bytesInit, bestanden_init: log.slice(0) }));
