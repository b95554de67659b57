#!/usr/bin/env node
// fahras benchmark: fahras vs MiniSearch, FlexSearch, lunr (+lunr.ar), Orama (+arabic stemmer) and
// Pagefind, on the seeds, Quran (verse per doc), Quran-passages and Sahih al-Bukhari corpora, in one
// run on this machine.
// See tests/bench/README.md for what is measured and how. `make bench` runs it.
//
// Environment (all optional):
//   BENCH_CORPORA=seeds,quran,passages,bukhari   BENCH_ENGINES=fahras,minisearch,flexsearch,lunr,orama,pagefind
//   BENCH_QUICK=1            fewer repetitions (for a smoke run)
//   BENCH_COLD_RUNS=5        cold page loads per site (median), BENCH_THROTTLED_RUNS=3 (0 = skip)
//   BENCH_PASSES=3           timed passes over the query log (after one warm-up pass)
//   BENCH_BUILD_REPS         index builds per engine (median); default 5 for seeds, 3 otherwise
//   BENCH_MAX_QUERIES=300    latency log length cap
//   BENCH_SKIP_FAHRAS_BUILD=1  reuse tests/bench/out/<corpus>/pkg from an earlier run
//   BENCH_RESULTS=path       where to write the Markdown (default: tests/bench/RESULTS.md for a full
//                            run, tests/bench/out/RESULTS-partial.md when restricted)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './lib/deps.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..', '..');
const OUT = path.join(BENCH, 'out');
const T0 = performance.now();
const log = (...a) => console.error(`[bench ${((performance.now() - T0) / 1000).toFixed(0).padStart(4)}s]`, ...a);

ensureDeps(log);

const { CORPORA, prepareCorpus, loadDir, corpusBytes } = await import('./lib/corpora.mjs');
const { ENGINES, JS_PEERS, buildPeer, buildPagefind, buildFahras, buildFahrasSiteOnly, fahrasIndexTime, fahrasProfile, indexSections } = await import('./lib/engines.mjs');
const { launch } = await import('./lib/browser.mjs');
const { measureSite } = await import('./lib/browser.mjs');
const { startServer } = await import('./lib/server.mjs');
const { payload } = await import('./lib/payload.mjs');
const { queryLogs } = await import('./lib/queries.mjs');
const { scoreRuns, metricsSource } = await import('./lib/quality.mjs');
const { quantile, median } = await import('./lib/stats.mjs');
const { zeroHits } = await import('./lib/passes.mjs');
const { renderReport } = await import('./lib/report.mjs');

const list = (v, all) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : all);
const corpora = list(process.env.BENCH_CORPORA, CORPORA);
const engines = list(process.env.BENCH_ENGINES, ENGINES);
for (const c of corpora) if (!CORPORA.includes(c)) throw new Error(`unknown corpus ${c}; have ${CORPORA}`);
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}; have ${ENGINES}`);
const quick = !!process.env.BENCH_QUICK;
const num = (name, dflt) => (process.env[name] !== undefined ? Number(process.env[name]) : dflt);
const cfg = {
  coldRuns: num('BENCH_COLD_RUNS', quick ? 2 : 5),
  throttledRuns: num('BENCH_THROTTLED_RUNS', quick ? 1 : 3),
  passes: num('BENCH_PASSES', quick ? 1 : 3),
  maxQueries: num('BENCH_MAX_QUERIES', quick ? 100 : 300),
  k: 10,
};
const buildReps = (c) => num('BENCH_BUILD_REPS', quick ? 1 : c === 'seeds' ? 5 : 3);
const full = !process.env.BENCH_CORPORA && !process.env.BENCH_ENGINES && !quick;
const resultsPath = process.env.BENCH_RESULTS || (full ? path.join(BENCH, 'RESULTS.md') : path.join(OUT, 'RESULTS-partial.md'));

fs.mkdirSync(OUT, { recursive: true });
const notes = [];
const data = { corpora: {}, cfg, started: new Date().toISOString() };

// ---------------------------------------------------------------- corpora, query logs, builds
for (const corpus of corpora) {
  let dir;
  try {
    dir = prepareCorpus(corpus, { repo: REPO, workDir: OUT, log });
  } catch (e) {
    log(`corpus ${corpus} skipped: ${e.message}`);
    notes.push(`corpus ${corpus} skipped: ${e.message}`);
    continue;
  }
  const docs = loadDir(dir);
  const logs = await queryLogs(corpus, docs, { repo: REPO, max: cfg.maxQueries });
  const { judged, latencyQueries } = logs;
  const C = data.corpora[corpus] = {
    dir, docs: docs.length, bytes: corpusBytes(dir), engines: {},
    judged: judged ? judged.length : 0, wordLog: logs.wordLog, synth: logs.synth,
    latencyLog: logs.latencyLog, latencyQueries, firstQuery: latencyQueries[0],
    resultQueries: { ...(judged ? { judged: judged.map((c) => c.q) } : {}), zeroHit: logs.zeroHit },
    zeroHitLog: logs.zeroHitLog, judgedCases: judged,
  };
  log(`${corpus}: ${docs.length} docs, ${(C.bytes / 1e6).toFixed(2)} MB; ${latencyQueries.length} latency queries; judged ${C.judged}`);

  for (const engine of engines) {
    const site = path.join(OUT, corpus, engine);
    const E = C.engines[engine] = {};
    try {
      if (engine === 'fahras') {
        if (process.env.BENCH_SKIP_FAHRAS_BUILD && fs.existsSync(path.join(OUT, corpus, 'pkg', 'fahras_bg.wasm'))) {
          log(`${corpus}/fahras: reusing out/${corpus}/pkg`);
          await buildFahrasSiteOnly(corpus, OUT, site);
        } else {
          log(`${corpus}/fahras: scripts/build-wasm.sh (cargo)`);
          const r = await buildFahras(corpus, dir, OUT, site, log);
          E.wasmBuildWallMs = r.wallMs;
        }
        log(`${corpus}/fahras: native index build timing`);
        const dump = path.join(OUT, corpus, 'index.bin');
        const t = await fahrasIndexTime(dir, buildReps(corpus), log, dump);
        if (t) {
          E.buildMs = t.median_ms; E.buildRuns = t.runs_ms; E.indexBytes = t.index_bytes;
          E.sections = indexSections(dump);
          const qf = path.join(OUT, corpus, 'latency-queries.txt');
          fs.writeFileSync(qf, `${latencyQueries.join('\n')}\n`);
          E.profile = fahrasProfile(dir, qf, log);
        } else notes.push(`${corpus}: fahras index build time unavailable (tests/bench/indexer did not build)`);
      } else if (JS_PEERS.has(engine)) {
        log(`${corpus}/${engine}: build x${buildReps(corpus)}`);
        Object.assign(E, await buildPeer(engine, docs, site, buildReps(corpus)));
      } else if (engine === 'pagefind') {
        log(`${corpus}/pagefind: pagefind indexer x${buildReps(corpus)}`);
        Object.assign(E, await buildPagefind(docs, site, path.join(OUT, corpus, 'pagefind-html'), buildReps(corpus)));
      }
    } catch (e) {
      log(`${corpus}/${engine}: build failed: ${e.message}`);
      E.error = `build: ${e.message.split('\n')[0]}`;
      notes.push(`${corpus}/${engine} build failed: ${e.message.split('\n').slice(0, 3).join(' ')}`);
    }
  }
}

// ---------------------------------------------------------------- browser measurements
const server = await startServer(OUT);
const browser = await launch();
data.chromium = browser.version();
try {
  for (const [corpus, C] of Object.entries(data.corpora)) {
    for (const [engine, E] of Object.entries(C.engines)) {
      if (E.error) continue;
      log(`${corpus}/${engine}: chromium (${cfg.coldRuns} cold + ${cfg.throttledRuns} throttled loads, ${C.latencyQueries.length} queries x ${cfg.passes})`);
      try {
        const m = await measureSite(browser, server, `${corpus}/${engine}`, {
          firstQuery: C.firstQuery, coldRuns: cfg.coldRuns, throttledRuns: cfg.throttledRuns,
          latencyQueries: C.latencyQueries, passes: cfg.passes, k: cfg.k, resultQueries: C.resultQueries,
        });
        E.firstMs = median(m.firstMs); E.firstRuns = m.firstMs;
        E.firstThrottledMs = m.firstThrottledMs.length ? median(m.firstThrottledMs) : null;
        E.firstHits = m.firstHits;
        E.payload = payload(OUT, m.requests);
        E.memory = m.memory;
        // Per-query median over the timed passes, then percentiles over the queries.
        const perQuery = m.latency.map((xs) => median(xs));
        E.latency = { p50: quantile(perQuery, 0.5), p95: quantile(perQuery, 0.95), p99: quantile(perQuery, 0.99), n: perQuery.length };
        const zh = m.results.zeroHit;
        E.zeroHit = { rate: zeroHits(zh) / zh.length, n: zh.length, errors: zh.filter((r) => !Array.isArray(r)).length };
        if (m.results.judged) {
          E.quality = await scoreRuns(C.judgedCases, m.results.judged.map((r) => (Array.isArray(r) ? r : [])), cfg.k);
        }
      } catch (e) {
        log(`${corpus}/${engine}: browser run failed: ${e.message}`);
        E.error = `browser: ${e.message.split('\n')[0]}`;
        notes.push(`${corpus}/${engine} browser run failed: ${e.message.split('\n').slice(0, 3).join(' ')}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// ---------------------------------------------------------------- report
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || os.cpus()[0]?.model;
const git = (...a) => spawnSync('git', a, { cwd: REPO, encoding: 'utf8' }).stdout.trim();
data.engineCommit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src', 'build.rs', 'Cargo.toml') ? ' + uncommitted changes to src/build.rs/Cargo.toml' : ''}`;
data.machine = { nproc: spawnSync('nproc', { encoding: 'utf8' }).stdout.trim(), cpu, node: process.version, chromium: data.chromium, mem: `${Math.round(os.totalmem() / 2 ** 30)} GiB` };
data.metrics = metricsSource();
data.notes = notes;
data.elapsedS = (performance.now() - T0) / 1000;
for (const C of Object.values(data.corpora)) { delete C.judgedCases; delete C.resultQueries; }
const jsonPath = path.join(OUT, full ? 'results.json' : 'results-partial.json');
fs.writeFileSync(jsonPath, JSON.stringify(data, null, 1));
const md = renderReport(data);
fs.writeFileSync(resultsPath, md);
console.log(md);
log(`wrote ${path.relative(REPO, resultsPath)} and ${path.relative(REPO, jsonPath)} in ${data.elapsedS.toFixed(0)} s`);
