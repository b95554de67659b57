#!/usr/bin/env node
// The split index (src/split) in headless Chromium, served as a CDN would serve it (lib/cdn.mjs:
// brotli 11 or gzip 9 per Accept-Encoding, immutable caching of hashed names, requests and bytes
// counted per path), against the figures of the split index's issue:
//
//   node tests/bench/split.mjs [--corpus bukhari|bukhari5|both] [--runs N] [--split-out DIR]
//
// - corpora: Sahih al-Bukhari (scripts/bukhari-to-corpus.mjs, /tmp/c-bukhari) and bukhari5, the
//   same five times over with distinct ids (~40 MB of text, written to /tmp/c-bukhari5);
// - outputs: `npx fahras build --split` into /tmp/split-<corpus>, and the embedded build into
//   /tmp/embed-<corpus> for comparison, both from npm/dist (never built here), rebuilt when missing
//   or older than npm/dist or the corpus;
// - the page: a minimal one of our own (strict CSP `default-src 'self'; script-src 'self'
//   'wasm-unsafe-eval'`) in a temporary folder beside the outputs, served at `/` with the
//   output's pkg/ at `/pkg/`;
// - measured: the first answer after page load (fresh context each time: cold cache), a 50-
//   keystroke as-you-type session in one context (new bytes and requests per query), warm query
//   latency (the session's queries again, every chunk cached, ≥ 300 timed), files per document,
//   and the chunk files' brotli against the text's own.
//
// `--split-out DIR` serves another split output's pkg/ (a copy of the build's with its index re-cut
// or its loader changed, say) in place of /tmp/split-<corpus>'s: same page, same queries,
// results in target/split-bench-<corpus>-<DIR's name>.{md,json}. Otherwise: target/split-bench.md
// (one section per corpus, the other corpora's sections kept) and target/split-bench-<corpus>.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startCdn } from './lib/cdn.mjs';
import { launch } from './lib/browser.mjs';
import { quantile, median } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TARGET = path.join(ROOT, 'target');
const CACHE = path.join(TARGET, 'split-bench-cache');
const DIST = path.join(ROOT, 'npm', 'dist');
const CLI = path.join(ROOT, 'npm', 'bin', 'fahras.mjs');

const CORPORA = {
  bukhari: { dir: '/tmp/c-bukhari', file: 'bukhari.jsonl', copies: 1 },
  bukhari5: { dir: '/tmp/c-bukhari5', file: 'bukhari5.jsonl', copies: 5 },
};

// First answer: typical queries (a topic, a hadith's words, names of chapters).
const FIRST = ['الصلاة', 'انما الاعمال بالنيات', 'عذاب القبر', 'صلاة الكسوف', 'ليلة القدر'];
// As you type: the widget (www/fahras-search.js) searches on every `input` event, single letters
// and a trailing space included, so every keystroke is a query: these 8 queries are 50 keystrokes.
const TYPED = ['الصلاة', 'الوضوء', 'الحج', 'رمضان', 'السواك', 'لا تغضب', 'عذاب القبر', 'الدجال'];
const WARM_PASSES = 6; // × 50 queries = 300 timed
const OPTIONS = { limit: 10 };
// CDP link emulation for one extra first-answer run: "desktop broadband".
const LINK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 };

const log = (...a) => console.error('[split-bench]', ...a);

function parseArgs(argv) {
  const args = { corpus: 'bukhari', runs: 3, splitOut: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--corpus') args.corpus = value();
    else if (flag === '--runs') args.runs = Number(value());
    else if (flag === '--split-out') args.splitOut = path.resolve(value());
    else if (flag === '-h' || flag === '--help') {
      console.log('usage: node tests/bench/split.mjs [--corpus bukhari|bukhari5|both] [--runs N] [--split-out DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!['bukhari', 'bukhari5', 'both'].includes(args.corpus)) throw new Error(`--corpus: bukhari, bukhari5 or both, got ${args.corpus}`);
  if (!(args.runs >= 1)) throw new Error('--runs must be ≥ 1');
  if (args.splitOut && args.corpus === 'both') throw new Error('--split-out goes with one corpus');
  return args;
}

// ---- corpora and builds -------------------------------------------------------------------

const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

function ensureCorpus(name) {
  const c = CORPORA[name];
  const file = path.join(c.dir, c.file);
  if (name === 'bukhari') {
    if (!fs.existsSync(file)) {
      log('writing the Bukhari corpus');
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bukhari-to-corpus.mjs'), c.dir], { stdio: 'inherit' });
    }
    return file;
  }
  const base = ensureCorpus('bukhari');
  if (mtime(file) < mtime(base)) {
    log(`writing ${file}: Bukhari ${c.copies} times over, ids suffixed .1 … .${c.copies}`);
    const lines = fs.readFileSync(base, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    fs.mkdirSync(c.dir, { recursive: true });
    const out = [];
    for (let k = 1; k <= c.copies; k++) for (const d of lines) out.push(JSON.stringify({ ...d, id: `${d.id}.${k}` }));
    fs.writeFileSync(`${file}.partial`, out.join('\n') + '\n');
    fs.renameSync(`${file}.partial`, file);
  }
  return file;
}

/** npm/dist's files (its split engine is split/ or, in older packages, fahras-split.js beside
 * the one engine), checked to be there, and unchanged for 5 s (someone may be rebuilding it);
 * never built here. */
function distFiles() {
  for (let attempt = 0; ; attempt++) {
    const splitEngine = fs.existsSync(path.join(DIST, 'split')) ? ['split/engine_bg.wasm', 'split/engine.js', 'split/fahras.js'] : ['fahras-split.js'];
    const files = ['engine_bg.wasm', 'engine.js', 'fahras.js', 'indexer_bg.wasm', 'indexer.js', 'fahras-search.js', ...splitEngine].map((f) => path.join(DIST, f));
    const missing = files.find((f) => !fs.existsSync(f));
    const newest = Math.max(...files.map(mtime));
    if (!missing && Date.now() - newest > 5000) return files;
    if (attempt === 24) {
      throw new Error(missing ? `${missing} is missing: npm/dist must be built first (bash scripts/build-npm.sh); not built here`
        : `${DIST} keeps changing: is it being rebuilt?`);
    }
    log(missing ? `${missing} is missing; waiting (npm/dist being rebuilt?)` : 'npm/dist changed in the last 5 s; waiting');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
  }
}

function ensureBuild(name, split) {
  const dist = distFiles();
  const corpus = ensureCorpus(name);
  const out = `/tmp/${split ? 'split' : 'embed'}-${name}`;
  const marker = path.join(out, 'pkg', split ? 'index/manifest.json' : 'fahras_bg.wasm');
  const newest = Math.max(mtime(corpus), ...dist.map(mtime));
  if (mtime(marker) < newest) {
    log(`building ${out}${split ? ' (--split)' : ''}`);
    const t = Date.now();
    execFileSync(process.execPath, [CLI, 'build', CORPORA[name].dir, ...(split ? ['--split'] : []), '--out', out, '--quiet'], { stdio: 'inherit' });
    log(`  built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return out;
}

// ---- the page -----------------------------------------------------------------------------

const PAGE_HTML = `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<title>fahras split bench</title>
<script type="module" src="/bench.js"></script>
</head>
<body></body>
</html>
`;

// ?mode=split|embed[&q=…]: opens the engine (split: open('/pkg/index/'); embedded: init()),
// answers q if given; window.__bench resolves to { ready, answered?, total?, hits? } or { error }.
const PAGE_JS = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
const params = new URLSearchParams(location.search);
async function start(mode) {
  const mod = await import('/pkg/fahras.js');
  if (mode === 'split') return mod.open('/pkg/index/');
  await mod.default();
  return { search: async (q, o) => mod.search(q, o), get: async (id, q) => mod.get(id, q) };
}
window.__bench = start(params.get('mode')).then(async (engine) => {
  window.__engine = engine;
  const ready = performance.now();
  const q = params.get('q');
  if (!q) return { ready };
  const r = await engine.search(q, ${JSON.stringify(OPTIONS)});
  return { ready, answered: performance.now(), total: r.total, hits: r.hits.map((h) => h.id) };
}).catch((e) => ({ error: String((e && e.stack) || e) }));
`;

function writePage(besides) {
  const dir = fs.mkdtempSync(path.join(path.dirname(besides), 'fahras-split-bench-page-'));
  fs.writeFileSync(path.join(dir, 'index.html'), PAGE_HTML);
  fs.writeFileSync(path.join(dir, 'bench.js'), PAGE_JS);
  fs.writeFileSync(path.join(dir, 'favicon.ico'), ''); // or Chromium's own request for it is a 404
  return dir;
}

// ---- measuring ----------------------------------------------------------------------------

/** What a path is, for the split of the bytes. */
function kind(p) {
  if (p === '/pkg/fahras_bg.wasm') return 'engine+index';
  if (/^\/pkg\/(engine_bg\.wasm|engine\.js|fahras\.js)$/.test(p)) return 'engine';
  if (p.endsWith('/manifest.json')) return 'manifest';
  const base = path.posix.basename(p);
  if (base.startsWith('core.')) return 'core';
  if (base.startsWith('p.')) return 'postings';
  if (base.startsWith('d.')) return 'fragments';
  return 'page';
}

/** Counters → totals over the index and engine (the page shell apart), by kind. */
async function tally(cdn, counters) {
  const out = { requests: 0, wire: 0, body: 0, br: 0, gz: 0, page: { requests: 0, wire: 0 }, kinds: {}, encodings: new Set() };
  for (const [p, c] of Object.entries(counters.paths)) {
    const k = kind(p);
    if (k === 'page') {
      out.page.requests += c.requests;
      out.page.wire += c.wire;
      continue;
    }
    const s = await cdn.sizes(p);
    const K = (out.kinds[k] ??= { requests: 0, wire: 0, br: 0, gz: 0 });
    K.requests += c.requests;
    K.wire += c.wire;
    out.requests += c.requests;
    out.wire += c.wire;
    out.body += c.bodyBytes;
    // The offline sizes count once per 200 response (a 304 carries no body).
    const bodies = c.bodyBytes > 0 ? c.requests : 0;
    K.br += s.br * bodies;
    K.gz += s.gz * bodies;
    out.br += s.br * bodies;
    out.gz += s.gz * bodies;
    for (const e of c.encoding.split(',')) out.encodings.add(e);
  }
  out.encodings = [...out.encodings].join(',');
  return out;
}

async function newPage(browser, problems) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return { context, page };
}

async function load(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench, null, { polling: 5, timeout: 300000 });
  const r = await page.evaluate(() => window.__bench);
  if (r.error) throw new Error(`page: ${r.error}`);
  const csp = await page.evaluate(() => window.__csp);
  if (csp.length) throw new Error(`CSP violations: ${csp.join('; ')}`);
  return r;
}

/** The first answer for `q`, in a fresh context: bytes and requests by kind, and times. */
async function firstAnswer(browser, cdn, mode, q, runs, problems) {
  const times = [];
  let tallied, answer;
  for (let run = 0; run <= runs; run++) {
    const throttled = run === runs;
    const { context, page } = await newPage(browser, problems);
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', LINK);
    }
    cdn.reset();
    const r = await load(page, `${cdn.origin}/?mode=${mode}&q=${encodeURIComponent(q)}`);
    if (run === 0) {
      tallied = await tally(cdn, cdn.counters());
      answer = r;
    }
    if (throttled) answer.throttledMs = r.answered;
    else times.push({ ready: r.ready, answered: r.answered });
    await context.close();
  }
  return {
    q, total: answer.total, hits: answer.hits, ...tallied,
    readyMs: median(times.map((t) => t.ready)), answerMs: median(times.map((t) => t.answered)), throttledMs: answer.throttledMs,
  };
}

/** Every keystroke of `queries`, in order: the queries the widget runs while they are typed. */
function keystrokes(queries) {
  return queries.flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));
}

/** The as-you-type session in one context, then the warm latency over the same queries. */
async function session(browser, cdn, problems) {
  const { context, page } = await newPage(browser, problems);
  await load(page, `${cdn.origin}/?mode=split`);
  const typed = keystrokes(TYPED);
  const per = [];
  for (const q of typed) {
    cdn.reset();
    const r = await page.evaluate(async ([q, o]) => {
      const t = performance.now();
      const res = await window.__engine.search(q, o);
      return { ms: performance.now() - t, total: res.total, hits: res.hits.length };
    }, [q, OPTIONS]);
    const t = await tally(cdn, cdn.counters());
    per.push({ q, ...r, requests: t.requests, wire: t.wire, br: t.br, gz: t.gz, kinds: t.kinds });
  }
  const warm = await warmLatency(page, cdn, typed);
  await context.close();
  return { per, warm };
}

async function warmLatency(page, cdn, queries) {
  await page.evaluate(async ([qs, o]) => {
    for (const q of qs) await window.__engine.search(q, o);
  }, [queries, OPTIONS]);
  cdn.reset();
  const times = await page.evaluate(async ([qs, o, passes]) => {
    const out = [];
    for (let p = 0; p < passes; p++) {
      for (const q of qs) {
        const t = performance.now();
        await window.__engine.search(q, o);
        out.push([q, performance.now() - t]);
      }
    }
    return out;
  }, [queries, OPTIONS, WARM_PASSES]);
  const byQuery = new Map();
  for (const [q, t] of times) byQuery.set(q, [...(byQuery.get(q) ?? []), t]);
  const slowest = [...byQuery].map(([q, ts]) => ({ q, median: median(ts) })).sort((a, b) => b.median - a.median).slice(0, 5);
  const ts = times.map(([, t]) => t);
  return { n: ts.length, p50: quantile(ts, 0.5), p99: quantile(ts, 0.99), max: Math.max(...ts), slowest, requests: cdn.counters().total.requests };
}

async function embeddedWarm(browser, cdn, problems) {
  const { context, page } = await newPage(browser, problems);
  await load(page, `${cdn.origin}/?mode=embed`);
  const warm = await warmLatency(page, cdn, keystrokes(TYPED));
  await context.close();
  return warm;
}

// ---- sizes --------------------------------------------------------------------------------

function brotli11(buf) {
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

/** The corpus's text (its `text` fields joined by newlines), raw and brotli 11 (window 2^24), cached. */
function textSize(corpusFile) {
  const text = Buffer.from(fs.readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text).join('\n'));
  const sha1 = crypto.createHash('sha1').update(text).digest('hex');
  const cached = path.join(CACHE, `${sha1}.text-br24`);
  if (!fs.existsSync(cached)) {
    log(`brotli 11 of the corpus text (${(text.length / 1e6).toFixed(1)} MB)…`);
    fs.mkdirSync(CACHE, { recursive: true });
    fs.writeFileSync(cached, String(brotli11(text)));
  }
  return { raw: text.length, br: Number(fs.readFileSync(cached, 'utf8')) };
}

async function indexSizes(cdn, indexDir) {
  const kinds = {};
  const names = fs.readdirSync(indexDir);
  let done = 0;
  for (const name of names) {
    const s = await cdn.sizes(`/pkg/index/${name}`);
    const K = (kinds[kind(`/pkg/index/${name}`)] ??= { files: 0, raw: 0, gz: 0, br: 0 });
    K.files++;
    K.raw += s.raw;
    K.gz += s.gz;
    K.br += s.br;
    if (++done % 500 === 0) log(`  compressed ${done}/${names.length} index files`);
  }
  return kinds;
}

// ---- the report ---------------------------------------------------------------------------

const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (n === undefined || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const ok = (good) => (good ? '✅' : '❌');
const stats = (xs) => ({ mean: xs.reduce((a, b) => a + b, 0) / xs.length, median: median(xs), p90: quantile(xs, 0.9), max: Math.max(...xs) });

function report(r) {
  const L = [];
  const { split, embed } = r;
  const first = split.first;
  const worst = (f) => Math.max(...first.map(f));
  const per = split.session.per;
  const bytes = stats(per.map((p) => p.wire));
  const reqs = stats(per.map((p) => p.requests));
  const multi = per.filter((p) => [...p.q].length > 1);
  const chunks = ['core', 'postings', 'fragments'].reduce((n, k) => n + (split.sizes[k]?.br ?? 0), 0);
  const ratio = chunks / r.text.br;
  const files = Object.values(split.sizes).reduce((n, k) => n + k.files, 0);

  L.push(`<!-- corpus:${r.corpus} -->`);
  L.push(`## ${r.corpus}: ${r.documents} documents, ${(r.text.raw / 1e6).toFixed(1)} MB of text${r.splitOut ? ` (split output: ${r.splitOut})` : ''}`);
  L.push('');
  L.push(`${r.date} · repo at ${r.repo}, npm/dist of ${r.dist} UTC · ${r.chromium} · served by tests/bench/lib/cdn.mjs (on the wire: ${split.first[0].encodings}; KB = 1024 bytes, wire = headers + bodies). ` +
    `Page: a minimal one of the bench's own under a strict CSP; the page shell (html, 1 script) is left out of every figure.`);
  L.push('');
  L.push('| criterion (the issue) | target | measured | |');
  L.push('| --- | --- | --- | --- |');
  L.push(`| first answer: transferred (engine, manifest, core, postings, fragments) | ≤ 150 KB | ${kb(median(first.map((f) => f.wire)))} KB median, ${kb(worst((f) => f.wire))} KB worst of ${first.length} queries | ${ok(worst((f) => f.wire) <= 150 * 1024)} |`);
  L.push(`| first answer: requests | ≤ 6 | ${median(first.map((f) => f.requests))} median, ${worst((f) => f.requests)} worst | ${ok(worst((f) => f.requests) <= 6)} |`);
  L.push(`| as you type: new transfer per query (mean of ${per.length}) | ≤ 12 KB | ${kb(bytes.mean)} KB | ${ok(bytes.mean <= 12 * 1024)} |`);
  L.push(`| as you type: new requests per query (mean) | ≤ 3 | ${reqs.mean.toFixed(2)} | ${ok(reqs.mean <= 3)} |`);
  L.push(`| warm query p99 (${split.session.warm.n} timed) | ≤ 5 ms | ${ms(split.session.warm.p99)} ms | ${ok(split.session.warm.p99 <= 5)} |`);
  L.push(`| files per document (index files / documents) | ≤ 0.1 | ${(files / r.documents).toFixed(3)} (${files} files) | ${ok(files / r.documents <= 0.1)} |`);
  L.push(`| chunk files' brotli (core + postings + fragments) / the text's brotli | ≤ 1.3 | ${ratio.toFixed(2)} (${kb(chunks)} / ${kb(r.text.br)} KB)${r.copies > 1 ? `; ${(chunks / (r.copies * r.baseText.br)).toFixed(2)} against ${r.copies} × one copy's text brotli (${kb(r.copies * r.baseText.br)} KB)` : ''} | ${ok(ratio <= 1.3)} |`);
  L.push('');

  L.push('### First answer after page load (fresh context, cold cache)');
  L.push('');
  L.push(`Bytes are on the wire (KB); "br" and "gz" are the same bodies' brotli-11 and gzip-9 sizes computed offline. Times: median of ${r.runs} runs from navigation start to the answer, on localhost; "link": one run under CDP emulation of 10 Mbit/s and 40 ms RTT (HTTP/1.1, 6 connections).`);
  L.push('');
  L.push('| build | query | total | wire KB | br KB | gz KB | requests | engine | manifest | core | postings | fragments | engine ready ms | answer ms | link ms |');
  L.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const cell = (f, k) => (f.kinds[k] ? `${f.kinds[k].requests} · ${kb(f.kinds[k].wire)}` : '–');
  for (const [name, list] of [['split', first], ['embedded', embed.first]]) {
    for (const f of list) {
      const engine = name === 'split' ? cell(f, 'engine') : cell(f, 'engine+index');
      L.push(`| ${name} | ${f.q} | ${f.total} | ${kb(f.wire)} | ${kb(f.br)} | ${kb(f.gz)} | ${f.requests} | ${engine} | ${cell(f, 'manifest')} | ${cell(f, 'core')} | ${cell(f, 'postings')} | ${cell(f, 'fragments')} | ${ms(f.readyMs)} | ${ms(f.answerMs)} | ${ms(f.throttledMs)} |`);
    }
  }
  L.push('');
  L.push('Cells by kind: requests · wire KB.' + (r.mismatches.length ? ` **Split and embedded answers differ for: ${r.mismatches.join(', ')}.**` : ' Split and embedded builds return the same hits for every query.'));
  L.push('');

  L.push(`### As you type: ${per.length} keystrokes, one context`);
  L.push('');
  L.push(`Queries typed letter by letter: ${TYPED.map((q) => `\`${q}\``).join(', ')}. Every keystroke is a query, single letters and the ` +
    'trailing space included, since the widget searches on every `input` event; each search is awaited before the next (a slow typist: nothing is aborted). ' +
    'After page load and `open` (engine, manifest and core already there), so the figures are the new transfer per query.');
  L.push('');
  L.push('| per query | mean | median | p90 | max |');
  L.push('| --- | --- | --- | --- | --- |');
  const row = (label, s, f) => L.push(`| ${label} | ${f(s.mean)} | ${f(s.median)} | ${f(s.p90)} | ${f(s.max)} |`);
  row('new wire KB', bytes, kb);
  row('new br KB (offline)', stats(per.map((p) => p.br)), kb);
  row('new gz KB (offline)', stats(per.map((p) => p.gz)), kb);
  row('new requests', reqs, (x) => x.toFixed(x % 1 ? 2 : 0));
  row('postings requests', stats(per.map((p) => p.kinds.postings?.requests ?? 0)), (x) => x.toFixed(x % 1 ? 2 : 0));
  row('fragment requests', stats(per.map((p) => p.kinds.fragments?.requests ?? 0)), (x) => x.toFixed(x % 1 ? 2 : 0));
  row('time to the answer, ms', stats(per.map((p) => p.ms)), ms);
  row(`new wire KB, without the ${per.length - multi.length} single letters`, stats(multi.map((p) => p.wire)), kb);
  row('new requests, without the single letters', stats(multi.map((p) => p.requests)), (x) => x.toFixed(x % 1 ? 2 : 0));
  L.push('');
  const totalSession = per.reduce((n, p) => n + p.wire, 0);
  const postingsKB = per.reduce((n, p) => n + (p.kinds.postings?.wire ?? 0), 0);
  const fragmentsKB = per.reduce((n, p) => n + (p.kinds.fragments?.wire ?? 0), 0);
  L.push(`Whole session: ${kb(totalSession)} KB in ${per.reduce((n, p) => n + p.requests, 0)} requests: postings ${kb(postingsKB)} KB, fragments ${kb(fragmentsKB)} KB.`);
  L.push('');
  L.push('<details><summary>per keystroke</summary>');
  L.push('');
  L.push('| query | total | requests (p + d) | wire KB | ms |');
  L.push('| --- | --- | --- | --- | --- |');
  for (const p of per) L.push(`| \`${p.q}\` | ${p.total} | ${p.requests} (${p.kinds.postings?.requests ?? 0} + ${p.kinds.fragments?.requests ?? 0}) | ${kb(p.wire)} | ${ms(p.ms)} |`);
  L.push('');
  L.push('</details>');
  L.push('');

  L.push('### Warm query latency (every chunk cached)');
  L.push('');
  L.push(`The session's ${per.length} queries, once untimed, then ${WARM_PASSES} timed passes; \`await engine.search(q, { limit: 10 })\` timed in the page with performance.now() (cross-origin isolated: 5 µs).`);
  L.push('');
  L.push('| build | timed | p50 ms | p99 ms | max ms | slowest queries (median ms) | requests meanwhile |');
  L.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, w] of [['split', split.session.warm], ['embedded', embed.warm]]) {
    L.push(`| ${name} | ${w.n} | ${ms(w.p50)} | ${ms(w.p99)} | ${ms(w.max)} | ${w.slowest.map((s) => `\`${s.q}\` ${ms(s.median)}`).join(', ')} | ${w.requests} |`);
  }
  L.push('');

  L.push('### Files and sizes');
  L.push('');
  L.push('| file | files | raw KB | gzip-9 KB | brotli-11 KB |');
  L.push('| --- | --- | --- | --- | --- |');
  for (const k of ['manifest', 'core', 'postings', 'fragments']) {
    const s = split.sizes[k];
    if (s) L.push(`| ${k} | ${s.files} | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.br)} |`);
  }
  const e = split.engine;
  L.push(`| split engine (engine_bg.wasm, engine.js, fahras.js) | 3 | ${kb(e.raw)} | ${kb(e.gz)} | ${kb(e.br)} |`);
  L.push(`| embedded fahras_bg.wasm (engine + whole index) | 1 | ${kb(embed.wasm.raw)} | ${kb(embed.wasm.gz)} | ${kb(embed.wasm.br)} |`);
  L.push(`| the corpus's text (\`text\` fields, newline-joined; brotli window 2^24) | – | ${kb(r.text.raw)} | – | ${kb(r.text.br)} |`);
  L.push('');
  L.push(`<!-- /corpus:${r.corpus} -->`);
  return L.join('\n');
}

function writeReport(section, corpus) {
  const file = path.join(TARGET, 'split-bench.md');
  const head = '# Split index in headless Chromium, served as a CDN would\n\n`node tests/bench/split.mjs --corpus bukhari|bukhari5|both`\n';
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : head;
  const re = new RegExp(`<!-- corpus:${corpus} -->[\\s\\S]*?<!-- /corpus:${corpus} -->`);
  text = re.test(text) ? text.replace(re, () => section) : `${text.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(TARGET, { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

// ---- main ---------------------------------------------------------------------------------

async function measure(browser, name, args) {
  const built = ensureBuild(name, true);
  const splitOut = args.splitOut ?? built;
  const embedOut = ensureBuild(name, false);
  const indexDir = path.join(splitOut, 'pkg', 'index');
  const pageDir = writePage(built);
  const problems = [];
  const splitCdn = await startCdn({ mounts: { '/': pageDir, '/pkg/': path.join(splitOut, 'pkg') }, cacheDir: CACHE });
  const embedCdn = await startCdn({ mounts: { '/': pageDir, '/pkg/': path.join(embedOut, 'pkg') }, cacheDir: CACHE });
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(indexDir, 'manifest.json'), 'utf8'));
    log(`${name}: compressing what is served (cached in ${path.relative(ROOT, CACHE)}/)…`);
    await splitCdn.prepare(['/pkg/engine_bg.wasm', '/pkg/engine.js', '/pkg/fahras.js', `/pkg/index/${manifest.core}`]);
    await embedCdn.prepare(['/pkg/fahras_bg.wasm', '/pkg/engine.js', '/pkg/fahras.js']);
    const sizes = await indexSizes(splitCdn, indexDir);
    const engineParts = await Promise.all(['/pkg/engine_bg.wasm', '/pkg/engine.js', '/pkg/fahras.js'].map((p) => splitCdn.sizes(p)));
    const engine = engineParts.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
    const text = textSize(path.join(CORPORA[name].dir, CORPORA[name].file));
    const baseText = CORPORA[name].copies > 1 ? textSize(ensureCorpus('bukhari')) : text;

    log(`${name}: first answers (split)`);
    const first = [];
    for (const q of FIRST) first.push(await firstAnswer(browser, splitCdn, 'split', q, args.runs, problems));
    log(`${name}: first answers (embedded)`);
    const embedFirst = [];
    for (const q of FIRST) embedFirst.push(await firstAnswer(browser, embedCdn, 'embed', q, args.runs, problems));
    const mismatches = FIRST.filter((q, i) => JSON.stringify(first[i].hits) !== JSON.stringify(embedFirst[i].hits) || first[i].total !== embedFirst[i].total);
    log(`${name}: as-you-type session and warm latency (split)`);
    const sess = await session(browser, splitCdn, problems);
    log(`${name}: warm latency (embedded)`);
    const embedWarm = await embeddedWarm(browser, embedCdn, problems);
    if (problems.length) throw new Error(`problems in the page:\n  ${problems.join('\n  ')}`);

    const result = {
      corpus: name, splitOut: args.splitOut, date: new Date().toISOString().slice(0, 10), chromium: `Chromium ${browser.version()}`,
      repo: execFileSync('git', ['-C', ROOT, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).trim(),
      dist: new Date(Math.max(...distFiles().map(mtime))).toISOString().slice(0, 16).replace('T', ' '),
      runs: args.runs, documents: manifest.documents, copies: CORPORA[name].copies, text, baseText, mismatches,
      split: { first, session: sess, sizes, engine },
      embed: { first: embedFirst, warm: embedWarm, wasm: await embedCdn.sizes('/pkg/fahras_bg.wasm') },
    };
    fs.writeFileSync(path.join(TARGET, `split-bench-${name}${args.splitOut ? '-' + path.basename(args.splitOut) : ''}.json`), JSON.stringify(result, null, 1));
    return report(result);
  } finally {
    await splitCdn.close();
    await embedCdn.close();
    fs.rmSync(pageDir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const names = args.corpus === 'both' ? ['bukhari', 'bukhari5'] : [args.corpus];
  fs.mkdirSync(TARGET, { recursive: true });
  const browser = await launch();
  try {
    for (const name of names) {
      const t = Date.now();
      const section = await measure(browser, name, args);
      const file = args.splitOut ? path.join(TARGET, `split-bench-${name}-${path.basename(args.splitOut)}.md`) : writeReport(section, name);
      if (args.splitOut) fs.writeFileSync(file, `${section}\n`);
      console.log(`${section}\n`);
      log(`${name}: ${((Date.now() - t) / 1000).toFixed(0)} s; written to ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exit(1);
});
