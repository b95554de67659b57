#!/usr/bin/env node
// Quick latency check in Node, no browser: fahras vs MiniSearch, FlexSearch, lunr (+lunr.ar) and
// Orama (+arabic stemmer) on the seeds, the Quran and Sahih al-Bukhari, in a few minutes. `make bench-quick` runs
// it. Per corpus, one table: p50 / p99 / worst of `search(q, 10)` over the latency log (for fahras the
// normal call, snippets and highlights included) and the queries with zero hits; printed and written to
// tests/bench/out/quick.md. Same corpora, query logs, adapters and loops as run.mjs (see README.md).
//
// Environment (all optional):
//   BENCH_CORPORA=seeds,quran,bukhari   BENCH_ENGINES=fahras,minisearch,flexsearch,lunr,orama
//   BENCH_PASSES=5            timed passes over the log, after one warm-up pass (per query: the median;
//                            the engines take turns pass by pass)
//   BENCH_MAX_QUERIES=300     latency log length cap
//   BENCH_SKIP_FAHRAS_BUILD=1 reuse tests/bench/out/<corpus>/pkg from an earlier run
//   BENCH_FAHRAS_EXTRA=name=dir,...  more fahras builds timed in the same run, as rows "fahras <name>":
//                            dir holds a built package (fahras.js + fahras_bg.wasm) for the corpus
//                            measured; `{corpus}` in dir stands for its name, e.g.
//                            BENCH_FAHRAS_EXTRA=before=/work/baseline/{corpus}/pkg
//   BENCH_QUICK_OUT=path      where to write the Markdown (default tests/bench/out/quick.md)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDeps } from './lib/deps.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..', '..');
const OUT = path.join(BENCH, 'out');
const T0 = performance.now();
const log = (...a) => console.error(`[quick ${((performance.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);
ensureDeps(log);

const { CORPORA, prepareCorpus, loadDir, corpusBytes } = await import('./lib/corpora.mjs');
const { JS_PEERS, buildFahras, forceGC } = await import('./lib/engines.mjs');
const { queryLogs } = await import('./lib/queries.mjs');
const { rotatingPasses, resultIds, zeroHits } = await import('./lib/passes.mjs');
const { quantile, median } = await import('./lib/stats.mjs');
const { NAMES, lat } = await import('./lib/report.mjs');
const { fahrasAdapter } = await import('./web/common.mjs');

const list = (v, all) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : all);
const num = (name, dflt) => (process.env[name] ? Number(process.env[name]) : dflt);
const ENGINES = ['fahras', ...JS_PEERS];
const corpora = list(process.env.BENCH_CORPORA, ['seeds', 'quran', 'bukhari']);
const engines = list(process.env.BENCH_ENGINES, ENGINES);
for (const c of corpora) if (!CORPORA.includes(c)) throw new Error(`unknown corpus ${c}; have ${CORPORA}`);
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}; have ${ENGINES}`);
const extras = list(process.env.BENCH_FAHRAS_EXTRA, []).map((s) => {
  const eq = s.indexOf('=');
  if (eq < 1 || eq === s.length - 1) throw new Error(`BENCH_FAHRAS_EXTRA: expected name=dir, got ${s}`);
  return { name: s.slice(0, eq), dir: s.slice(eq + 1) };
});
const passes = num('BENCH_PASSES', 5);
const maxQueries = num('BENCH_MAX_QUERIES', 300);
const K = 10;
const outPath = process.env.BENCH_QUICK_OUT || path.join(OUT, 'quick.md');

// A built fahras package, loaded the way Node users do (initSync with the .wasm bytes), each its own
// module instance. A package without the corpus' first and last documents was built for another one.
let instances = 0;
async function openFahras(pkg, docs) {
  const glue = path.join(pkg, 'fahras.js');
  const wasm = path.join(pkg, 'fahras_bg.wasm');
  for (const f of [glue, wasm]) if (!fs.existsSync(f)) throw new Error(`${f} is missing`);
  const mod = await import(`${pathToFileURL(glue).href}?instance=${++instances}`);
  mod.initSync({ module: fs.readFileSync(wasm) });
  for (const d of [docs[0], docs[docs.length - 1]]) {
    if (!mod.get(d.id)) throw new Error(`${pkg} has no document ${d.id}: built for another corpus?`);
  }
  return fahrasAdapter(mod.search);
}

// The rows of one corpus: [name, async () => adapter, note?].
function rows(corpus, dir, docs, notes) {
  const out = [];
  if (engines.includes('fahras')) {
    out.push(['fahras', async () => {
      const pkg = path.join(OUT, corpus, 'pkg');
      if (process.env.BENCH_SKIP_FAHRAS_BUILD && fs.existsSync(path.join(pkg, 'fahras_bg.wasm'))) {
        log(`${corpus}/fahras: reusing out/${corpus}/pkg`);
      } else {
        log(`${corpus}/fahras: scripts/build-wasm.sh (cargo)`);
        const { wallMs } = await buildFahras(corpus, dir, OUT, path.join(OUT, corpus, 'fahras'), log);
        notes.push(`fahras \`build-wasm.sh\` wall time: ${(wallMs / 1000).toFixed(0)} s`);
      }
      return openFahras(pkg, docs);
    }]);
    for (const x of extras) out.push([`fahras ${x.name}`, () => openFahras(path.resolve(x.dir.replaceAll('{corpus}', corpus)), docs)]);
  }
  for (const e of engines.filter((e) => JS_PEERS.has(e))) {
    out.push([NAMES[e], async () => {
      const mod = await import(path.join(BENCH, 'web', `${e}.mjs`));
      return mod.open(await mod.build(docs)); // through the serialised files, as a site loads them
    }]);
  }
  return out;
}

const wasmBytes = (dir) => ['fahras_bg.wasm', 'fahras.js'].reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
const L = [];
const git = (...a) => spawnSync('git', a, { cwd: REPO, encoding: 'utf8' }).stdout.trim();
const dirty = git('status', '--porcelain', '--', 'src', 'build.rs', 'Cargo.toml') ? ' + uncommitted changes to src/build.rs/Cargo.toml' : '';
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
L.push('# fahras quick bench (Node, no browser)', '');
L.push(`Run ${new Date().toISOString()} by \`make bench-quick\` (\`node tests/bench/quick.mjs\`); fahras at commit ${git('rev-parse', '--short', 'HEAD')}${dirty}.`);
L.push(`Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model}; Node ${process.version}; load average at start ${load()}.`, '');

for (const corpus of corpora) {
  const dir = prepareCorpus(corpus, { repo: REPO, workDir: OUT, log });
  const docs = loadDir(dir);
  const { latencyQueries: queries, latencyLog } = await queryLogs(corpus, docs, { repo: REPO, max: maxQueries });
  log(`${corpus}: ${docs.length} docs, ${queries.length} queries`);
  const notes = [];
  const cells = new Map();
  const failed = new Set();
  const opened = [];
  const names = [];
  for (const [name, open] of rows(corpus, dir, docs, notes)) {
    names.push(name);
    try {
      opened.push([name, await open()]);
    } catch (e) {
      log(`${corpus}/${name}: ${e.message}`);
      failed.add(name);
      cells.set(name, `| ${name} | ${e.message.split('\n')[0].replaceAll('|', '\\|')} | | | |`);
    }
  }
  log(`${corpus}: ${queries.length} queries x (1 + ${passes}) on ${opened.map((o) => o[0]).join(', ')}, taking turns`);
  const times = await rotatingPasses(opened.map((o) => o[1]), queries, passes, K, forceGC);
  for (const [j, [name, eng]] of opened.entries()) {
    const perQuery = times[j].map((xs) => median(xs));
    const results = await resultIds(eng, queries, K);
    const errors = results.filter((r) => !Array.isArray(r)).length;
    const row = [quantile(perQuery, 0.5), quantile(perQuery, 0.99), Math.max(...perQuery)].map(lat);
    cells.set(name, `| ${name} | ${row.join(' | ')} | ${zeroHits(results)}${errors ? ` (${errors} errors)` : ''} |`);
  }
  opened.length = 0;
  await forceGC();
  const table = names.map((n) => cells.get(n));
  const pkgs = [['fahras', path.join(OUT, corpus, 'pkg')], ...extras.map((x) => [`fahras ${x.name}`, x.dir.replaceAll('{corpus}', corpus)])];
  for (const [name, pkg] of pkgs) {
    if (engines.includes('fahras') && !failed.has(name) && fs.existsSync(path.join(pkg, 'fahras_bg.wasm'))) notes.push(`${name} wasm + glue: ${(wasmBytes(pkg) / 1e6).toFixed(2)} MB raw`);
  }
  L.push(`## ${corpus}: ${docs.length.toLocaleString('en')} documents, ${(corpusBytes(dir) / 1e6).toFixed(2)} MB`, '');
  L.push(`${queries.length} queries, ${latencyLog}; per query the median of ${passes} timed passes after one warm-up pass, the engines taking turns pass by pass.`, '');
  L.push(`| engine | p50 | p99 | worst | zero hits (of ${queries.length}) |`, '|---|---:|---:|---:|---:|', ...table, '');
  if (notes.length) L.push(...notes.map((n) => `- ${n}`), '');
}
L.push(`Load average at the end: ${load()}; ${((performance.now() - T0) / 1000).toFixed(0)} s in all. ` +
  'Each call returns the top 10 ids and titles; fahras also builds snippets and highlights. "worst" is the slowest ' +
  'query\'s median. Peers are built in this process and opened from their serialised files, as a site loads them.', '');

fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, L.join('\n'));
console.log(L.join('\n'));
log(`wrote ${path.relative(REPO, outPath)}`);
