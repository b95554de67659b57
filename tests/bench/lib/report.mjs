// Markdown report: one table per corpus with ratios to fahras, one quality table, method notes.
const ORDER = ['fahras', 'pagefind', 'minisearch', 'flexsearch', 'lunr', 'orama'];
export const NAMES = {
  fahras: 'fahras', pagefind: 'Pagefind', minisearch: 'MiniSearch', flexsearch: 'FlexSearch',
  lunr: 'lunr + lunr.ar', orama: 'Orama + ar stemmer',
};

const kb = (b) => (b == null ? '–' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`);
const ms = (x) => (x == null || Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
export const lat = (x) => (x == null || Number.isNaN(x) ? '–' : x >= 1 ? `${x.toFixed(2)} ms` : `${(x * 1000).toFixed(0)} µs`);
const pct = (x) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);
const f3 = (x) => (x == null ? '–' : x.toFixed(3));

function ratio(v, base) {
  if (v == null || base == null || !base || Number.isNaN(v)) return '';
  const r = v / base;
  return ` (×${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(1)})`;
}

const cell = (fmt, get) => (E, F) => {
  const v = get(E);
  if (v == null || Number.isNaN(v)) return '–';
  return fmt(v) + (E === F ? '' : ratio(v, F && get(F)));
};

const COLS = [
  ['payload raw', cell(kb, (E) => E.payload?.raw)],
  ['gzip', cell(kb, (E) => E.payload?.gz)],
  ['brotli', cell(kb, (E) => E.payload?.br)],
  ['index build', cell(ms, (E) => E.buildMs)],
  ['first answer', cell(ms, (E) => E.firstMs)],
  ['first answer @10 Mbit/s', cell(ms, (E) => E.firstThrottledMs)],
  ['query p50', cell(lat, (E) => E.latency?.p50)],
  ['p95', cell(lat, (E) => E.latency?.p95)],
  ['p99', cell(lat, (E) => E.latency?.p99)],
  ['JS heap', cell(kb, (E) => E.memory?.jsHeap)],
  ['wasm mem', (E) => (E.memory ? (E.memory.wasm ? kb(E.memory.wasm) : '0') : '–')],
  ['zero-hit', (E) => (E.zeroHit ? pct(E.zeroHit.rate) : '–')],
];

export function renderReport(d) {
  const L = [];
  const m = d.machine;
  L.push('# fahras benchmark results', '');
  L.push(`Run ${d.started.slice(0, 10)} (${d.started}), ${d.elapsedS.toFixed(0)} s, by \`make bench\` (\`node tests/bench/run.mjs\`).`);
  L.push(`Engine: fahras at commit ${d.engineCommit}.`);
  L.push(`Machine: ${m.nproc} cores, ${m.cpu}, ${m.mem} RAM; Node ${m.node}; Chromium ${m.chromium} (headless, Debian package).`, '');
  L.push('Ratios in parentheses are relative to fahras on the same corpus (×2.0 = twice fahras\' value; ' +
    'lower is better for every column except quality). Timings are medians of repeated runs in this one process ' +
    'and are noisy (±10-20% between runs is normal on this 2-core machine).', '');

  for (const [corpus, C] of Object.entries(d.corpora)) {
    L.push(`## ${corpus}: ${C.docs.toLocaleString('en')} documents, ${(C.bytes / 1e6).toFixed(2)} MB of text`, '');
    const F = C.engines.fahras && !C.engines.fahras.error ? C.engines.fahras : null;
    L.push(`| engine | ${COLS.map((c) => c[0]).join(' | ')} |`);
    L.push(`|---|${COLS.map(() => '---:').join('|')}|`);
    for (const e of ORDER) {
      const E = C.engines[e];
      if (!E) continue;
      if (E.error) { L.push(`| ${NAMES[e]} | ${E.error} |${COLS.slice(1).map(() => '').join(' |')} |`); continue; }
      L.push(`| ${NAMES[e]} | ${COLS.map(([, f]) => f(E, F)).join(' | ')} |`);
    }
    L.push('');
    const extra = [];
    if (F?.wasmBuildWallMs) extra.push(`fahras \`build-wasm.sh\` wall time (cargo compile + embed + wasm-opt): ${ms(F.wasmBuildWallMs)}`);
    if (F?.indexBytes) {
      const secs = F.sections ? ` — ${Object.entries(F.sections).map(([k, v]) => `${k} ${kb(v.raw)} (brotli ${kb(v.br)})`).join(', ')}` : '';
      extra.push(`fahras index: ${kb(F.indexBytes)}${secs}`);
    }
    if (F?.profile) {
      const p = F.profile;
      extra.push(`fahras warm-query breakdown (native, same log): mean ${lat(p.search10_us.mean / 1000)} with limit 10 vs ${lat(p.search1_us.mean / 1000)} with limit 1; ` +
        `${p.hits_per_query} hits of ~${p.words_per_hit} words a query, whose snippets are cut from the matched positions ` +
        `(re-analysing those bodies whole would cost ${lat(p.tokenize_hits_us_mean / 1000)} per query)`);
    }
    extra.push(`latency log: ${C.latencyQueries.length} queries, ${C.latencyLog}; first query: \`${C.firstQuery}\``);
    extra.push(`zero-hit log: ${C.zeroHitLog} (${C.zeroHitLog === 'synthetic' ? C.synth : C.wordLog} queries)`);
    L.push(...extra.map((x) => `- ${x}`), '');
  }

  const qrows = [];
  for (const [corpus, C] of Object.entries(d.corpora)) {
    for (const e of ORDER) {
      const E = C.engines[e];
      if (E?.quality) qrows.push(`| ${corpus} (${E.quality.n} queries) | ${NAMES[e]} | ${f3(E.quality.recall10)} | ${f3(E.quality.p5)} | ${f3(E.quality.mrr)} |`);
    }
  }
  L.push('## Quality on the judged sets', '');
  if (qrows.length) {
    L.push('Scored with `tests/quality/metrics.mjs` on the top 10 ids each engine returns (higher is better).', '');
    L.push('| corpus | engine | recall@10 | P@5 | MRR |', '|---|---|---:|---:|---:|', ...qrows, '');
  } else {
    L.push(d.metrics ? 'No judged sets for the corpora run.' : 'Not scored: `tests/quality/metrics.mjs` (quality helper) is not present yet.', '');
  }

  // Recall@10 per judged-set category, engines side by side.
  for (const [corpus, C] of Object.entries(d.corpora)) {
    const engs = ORDER.filter((e) => C.engines[e]?.quality?.byCase);
    if (!engs.length) continue;
    const cases = Object.keys(C.engines[engs[0]].quality.byCase);
    L.push(`### ${corpus}: recall@10 by query category`, '');
    L.push(`| category (n) | ${engs.map((e) => NAMES[e]).join(' | ')} |`, `|---|${engs.map(() => '---:').join('|')}|`);
    for (const c of cases) {
      const n = C.engines[engs[0]].quality.byCase[c].judged;
      L.push(`| ${c} (${n}) | ${engs.map((e) => f3(C.engines[e].quality.byCase[c]?.recall10)).join(' | ')} |`);
    }
    L.push('');
  }

  L.push('## Method', '');
  L.push(...[
    'Same documents for every engine: each corpus is a folder of `.txt` files (id = file stem, first line = title, rest = text) or `.jsonl` files (one `{id, title, text}` a line), which fahras embeds at build time; peers index `{title, text}` built from the same files.',
    '**Payload** = every file the browser fetched from page start to the first answer (the HTML shell excluded), recorded in Chromium; raw, gzip -9 and brotli -q 11 per file. fahras: `app.js` + `pkg/fahras.js` + `pkg/fahras_bg.wasm` (index and documents inside). JS libraries: `app.js` (library + adapter bundled and minified by esbuild: ESM, except lunr as a classic script because `lunr.ar` needs sloppy mode) + serialised index `index.json` (`JSON.stringify` of the index, or FlexSearch `export()`, or Orama `save()`) + `docs.json` (ids, titles and texts, the site needs them to show results/snippets as fahras does; Orama stores documents in its index, so it ships none). Pagefind: `pagefind.js`, its wasm, entry/metadata, the index chunks and the fragments of the top 10 hits that one query needed (Pagefind loads more chunks as queries vary; its `.pf_*` files are gzip already and count raw in every column).',
    '**Index build**: JS libraries in Node (build + serialise), median of repeated builds. Pagefind: its indexer (Node API driving the `pagefind` binary) over one generated HTML page per document, including the service start. fahras: native release build of `tests/bench/indexer` timing `fahras::corpus::load` + `fahras::index::write` (what `build.rs` runs), median; the whole `build-wasm.sh` wall time is listed under the table.',
    '**First answer**: `performance.now()` at the moment the first query\'s hits are in hand, from navigation start, in a fresh browser context (empty cache), served from 127.0.0.1 by a tiny Node server that gzips text assets (Chromium does not offer brotli over plain http). Median of the cold loads; the throttled column emulates 10 Mbit/s down, 40 ms RTT via CDP. Pagefind\'s answer includes `data()` for the top 10 hits (titles).',
    '**Query latency**: in Chromium (not Node), cross-origin-isolated page (5 µs timer), one warm-up pass over the log then timed passes; per-query median over passes, then p50/p95/p99 over queries. Each call returns the top 10 ids + titles; fahras also builds snippets and highlights for its hits, peers do not.',
    '**Memory**: after load + first query and three forced GCs: V8 `usedSize` of the page (CDP `Runtime.getHeapUsage`; an empty page is ~1 MB) and the byte length of every WebAssembly memory the page instantiated.',
    '**Zero-hit**: share of the word-log (or synthetic-log) queries with no result at all.',
    'Configuration of peers (see `tests/bench/web/README.md`): each library\'s documented Arabic support where it has one; a `\\p{M}` mark-stripping normaliser in the documented hook where it has none (MiniSearch, FlexSearch), and on Orama\'s documents and queries (its Arabic tokenizer splits words at every mark); prefix on the last word and typo tolerance where offered (MiniSearch prefix + fuzzy 0.2, FlexSearch `forward`, lunr trailing wildcard on the last word, Orama tolerance 1, Pagefind defaults).',
  ].map((x) => `- ${x}`), '');
  if (d.notes.length) L.push('## Notes', '', ...d.notes.map((n) => `- ${n}`), '');
  return L.join('\n');
}
